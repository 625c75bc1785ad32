// First-render benchmark in headless Chromium: each kit element with its data loaded,
// median and spread over repeated runs, as a ratio to a plain Lit element rendering
// the same markup in the same run. Uses the built dist/tectra-billing.js.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from '../scripts/find-chrome.mjs';

export async function measureRender({ runs = 25 } = {}) {
  if (!existsSync('dist/tectra-billing.js')) throw new Error('Run `npm run build` first: the benchmark uses dist/tectra-billing.js.');
  const baseline = await build({
    entryPoints: ['bench/pages/baseline.ts'],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const files = {
    '/tectra-billing.js': readFileSync('dist/tectra-billing.js'),
    '/baseline.js': Buffer.from(baseline.outputFiles[0].contents),
    '/render-bench.js': readFileSync('bench/pages/render-bench.js'),
    '/': Buffer.from(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
      <script type="module" src="/baseline.js"></script><script type="module" src="/tectra-billing.js"></script></head>
      <body style="width:1100px"><div id="stage"></div></body></html>`),
  };
  const server = createServer((req, res) => {
    const body = files[req.url ?? '/'];
    if (!body) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': req.url === '/' ? 'text/html' : 'text/javascript' }).end(body);
  }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const browser = await puppeteer.launch({ executablePath: findChrome(), args: CHROME_ARGS });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    await page.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'load' });
    return await page.evaluate(async (n) => (await import('/render-bench.js')).run(n), runs);
  } finally {
    await browser.close();
    server.close();
  }
}

export function renderTable({ firstRender: results, usageBurst }) {
  const base = results.baseline.median;
  const ms = (x) => `${x.toFixed(2)} ms`;
  return [
    '| first render | median | p25–p75 | runs | vs plain Lit baseline | rows in the DOM |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...Object.entries(results).map(
      ([name, r]) =>
        `| ${name} | ${ms(r.median)} | ${ms(r.p25)}–${ms(r.p75)} | ${r.runs} | ${(r.median / base).toFixed(2)}× | ${r.rowsInDom ?? ''} |`,
    ),
    '',
    '| usage burst | updates | meter renders | animation frames | time |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| 1,000 pushed updates, one per task | ${usageBurst.updates} | ${usageBurst.renders} | ${usageBurst.frames} | ${ms(usageBurst.ms)} |`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(renderTable(await measureRender()));
}
