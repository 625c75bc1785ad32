// Speed, layout stability and main-thread benchmarks in headless Chromium against the
// built dist/tectra-billing.js (and the chunks it loads). The page-side measurements are
// in bench/pages/render-bench.js; this file serves the pages, gives the page a forced GC,
// heap and listener counts over the DevTools protocol, and measures the long tasks of
// fresh page loads of the portal on the `team` scenario.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import puppeteer from 'puppeteer-core';
import { serveDistFile } from '../scripts/dist-files.mjs';
import { CHROME_ARGS, findChrome } from '../scripts/find-chrome.mjs';

const PAGE_LOADS = 20;

async function baselineBundle() {
  const result = await build({
    entryPoints: ['bench/pages/baseline.ts'],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return Buffer.from(result.outputFiles[0].contents);
}

const benchPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
  <script type="module" src="/baseline.js"></script><script type="module" src="/tectra-billing.js"></script></head>
  <body style="width:1100px"><div id="stage"></div></body></html>`;

// Long tasks are recorded from the first byte: the observer starts before the bundle loads.
const portalPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>portal</title>
  <script>
    window.longTasks = [];
    window.longFrames = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    // Long animation frames name the scripts that ran in them: the kit's share of a long
    // frame is the time of its own scripts (compiling and running them) plus the style and
    // layout of the frame.
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const kit = e.scripts.filter((s) => s.sourceURL.includes('tectra-billing.js') || s.sourceURL.includes('/chunks/')).reduce((t, s) => t + s.duration, 0);
        const layout = e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0;
        window.longFrames.push({ duration: e.duration, kit: kit + layout, scripts: e.scripts.map((s) => [s.sourceURL.split('/').pop(), Math.round(s.duration)]) });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  </script>
  <script type="module" src="/tectra-billing.js"></script>
  <script type="module">
    import { kitElement, settled } from '/ready.js';
    window.portalReady = () => settled(document.body, (root) => !!kitElement(root, 'tectra-billing-summary'));
  </script></head>
  <body style="width:1100px"><tectra-billing-provider demo="team"><tectra-billing-portal></tectra-billing-portal></tectra-billing-provider></body></html>`;

async function longTasks(browser, origin) {
  const loads = [];
  for (let i = 0; i < PAGE_LOADS; i++) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    const t0 = Date.now();
    await page.goto(`${origin}/portal.html`, { waitUntil: 'load' });
    // Every kit element of the portal's overview rendered with data (no skeleton).
    await page.waitForFunction(() => window.portalReady?.(), { timeout: 20_000, polling: 'raf' });
    const readyMs = Date.now() - t0;
    // A quiet second after ready: what the portal does once shown counts too.
    await new Promise((r) => setTimeout(r, 300));
    const { tasks, frames } = await page.evaluate(() => ({ tasks: window.longTasks, frames: window.longFrames }));
    loads.push({ readyMs, tasks, frames });
    await page.close();
  }
  const all = loads.flatMap((l) => l.tasks.map((t) => t.duration));
  const kit = loads.flatMap((l) => l.frames.map((f) => f.kit));
  return {
    loads: loads.length,
    over50: all.filter((d) => d > 50).length,
    longest: all.length ? Math.max(...all) : 0,
    kitOver50: kit.filter((d) => d > 50).length,
    longestKit: kit.length ? Math.max(...kit) : 0,
    longFrames: loads.flatMap((l) => l.frames),
    tasksOver50PerLoad: loads.map((l) => l.tasks.filter((t) => t.duration > 50).length),
    readyMs: loads.map((l) => l.readyMs),
  };
}

export async function measureRender({ runs = 25 } = {}) {
  if (!existsSync('dist/tectra-billing.js')) throw new Error('Run `npm run build` first: the benchmark uses dist/tectra-billing.js.');
  const files = {
    '/': ['text/html', Buffer.from(benchPage)],
    '/portal.html': ['text/html', Buffer.from(portalPage)],
    '/baseline.js': ['text/javascript', await baselineBundle()],
    '/render-bench.js': ['text/javascript', readFileSync('bench/pages/render-bench.js')],
    '/ready.js': ['text/javascript', readFileSync('bench/pages/ready.js')],
  };
  const server = createServer((req, res) => {
    const file = files[req.url ?? '/'];
    if (file) return res.writeHead(200, { 'Content-Type': file[0] }).end(file[1]);
    if (!serveDistFile('dist', req.url ?? '', res)) res.writeHead(404).end();
  }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await puppeteer.launch({ executablePath: findChrome(), args: CHROME_ARGS });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    const cdp = await page.createCDPSession();
    // The heap after a forced GC, and how many JavaScript objects are alive on it (a leak
    // shows as objects that pile up; the heap's size also moves with compiled code).
    await page.exposeFunction('benchHeap', async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const { result } = await cdp.send('Runtime.evaluate', { expression: 'Object.prototype' });
      const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: result.objectId });
      const { result: count } = await cdp.send('Runtime.callFunctionOn', {
        objectId: objects.objectId,
        functionDeclaration: 'function () { return this.length; }',
        returnByValue: true,
      });
      await cdp.send('Runtime.releaseObject', { objectId: objects.objectId });
      await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
      return { usedSize, objects: count.value };
    });
    await page.exposeFunction('benchDomListeners', async () => {
      const count = async (expression) => {
        const { result } = await cdp.send('Runtime.evaluate', { expression });
        const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
        await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
        return listeners.length;
      };
      return { window: await count('window'), document: await count('document') };
    });
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    const results = await page.evaluate(async (n) => (await import('/render-bench.js')).run(n), runs);
    await page.close();
    results.longTasks = await longTasks(browser, origin);
    return results;
  } finally {
    await browser.close();
    server.close();
  }
}

const ms = (x) => `${x.toFixed(1)} ms`;
const spread = (s) => `${ms(s.p25)}–${ms(s.p75)}`;
const ratio = (a, b) => `${(a.median / b.median).toFixed(2)}×`;
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

export function renderTable({ firstRender, toggle, usageUpdates, mountCycles, layoutShift, longTasks }) {
  const { before, after } = mountCycles;
  return [
    '| first render, data loaded | median | p25–p75 | twin median | vs twin | rows in the DOM |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...firstRender.map(
      (r) => `| ${r.name} | ${ms(r.kit.median)} | ${spread(r.kit)} | ${ms(r.baseline.median)} | ${ratio(r.kit, r.baseline)} | ${r.rowsInDom ?? ''} |`,
    ),
    '',
    '| interaction | median | p25–p75 | baseline median | vs baseline |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| month/year toggle: click to updated and laid out | ${ms(toggle.work.kit.median)} | ${spread(toggle.work.kit)} | ${ms(toggle.work.baseline.median)} | ${ratio(toggle.work.kit, toggle.work.baseline)} |`,
    `| month/year toggle: click to next paint | ${ms(toggle.paint.kit.median)} | ${spread(toggle.paint.kit)} | ${ms(toggle.paint.baseline.median)} | ${ratio(toggle.paint.kit, toggle.paint.baseline)} |`,
    `| 1,000 usage updates, one per task, to painted (renders: ${usageUpdates.renders.median} kit, ${usageUpdates.baselineRenders.median} baseline) | ${ms(usageUpdates.kit.median)} | ${spread(usageUpdates.kit)} | ${ms(usageUpdates.baseline.median)} | ${ratio(usageUpdates.kit, usageUpdates.baseline)} |`,
    `| portal mount + unmount, per cycle (${mountCycles.cycles} cycles) | ${ms(mountCycles.kit.median)} | ${spread(mountCycles.kit)} | ${ms(mountCycles.baseline.median)} | ${ratio(mountCycles.kit, mountCycles.baseline)} |`,
    '',
    `| after ${mountCycles.cycles} portal mount/unmount cycles | before | after |`,
    '| --- | ---: | ---: |',
    `| JavaScript objects alive after a forced GC | ${before.heap.objects} | ${after.heap.objects} |`,
    `| JS heap after a forced GC (compiled code included) | ${kb(before.heap.usedSize)} | ${kb(after.heap.usedSize)} |`,
    `| store listeners on the client | ${before.storeListeners} | ${after.storeListeners} |`,
    `| event listeners on window / document | ${before.domListeners.window} / ${before.domListeners.document} | ${after.domListeners.window} / ${after.domListeners.document} |`,
    '',
    ...shiftTable(layoutShift),
    '',
    `| portal page load, \`team\` scenario (${longTasks.loads} fresh loads) | value |`,
    '| --- | ---: |',
    `| tasks over 50 ms (any cause: the browser's own parsing and loading included) | ${longTasks.over50} |`,
    `| longest task | ${longTasks.longest ? ms(longTasks.longest) : 'none over 50 ms'} |`,
    `| frames over 50 ms where the kit's scripts, style and layout took over 50 ms | ${longTasks.kitOver50} |`,
    `| most kit time in one long frame | ${longTasks.longestKit ? ms(longTasks.longestKit) : 'no long frame'} |`,
    `| load to every section ready (median, simulated latency 150–450 ms per call) | ${ms(median(longTasks.readyMs))} |`,
  ].join('\n');
}

/** Layout shift per element (rows) and width (columns). */
function shiftTable(shifts) {
  const widths = [...new Set(shifts.map((s) => s.width))];
  const names = [...new Set(shifts.map((s) => s.name))];
  const at = (name, width) => shifts.find((s) => s.name === name && s.width === width);
  return [
    `| layout shift, loading to ready (backend answers after 200 ms) | ${widths.map((w) => `${w} px`).join(' | ')} |`,
    `| --- | ${widths.map(() => '---:').join(' | ')} |`,
    ...names.map((name) => `| ${name} | ${widths.map((w) => at(name, w)?.shift.toFixed(4) ?? '').join(' | ')} |`),
  ];
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await measureRender({ runs: Number(process.env.RUNS ?? 25) });
  console.log(renderTable(results));
}
