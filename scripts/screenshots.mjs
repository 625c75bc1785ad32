// Screenshots of the demo portal: every section × scenario × width × look, for a person
// to look through, and a list of what does not fit (scripts/overflow.mjs) at each.
//
//   node scripts/screenshots.mjs [--sections=overview,plan] [--scenarios=trial,past-due]
//                                [--widths=320,360,768,1280] [--looks=light,dark,brand,ar,ja]
//
// Starts the demo (vite and its demo backend) itself; writes screenshots/<look>/<width>/
// <scenario>-<section>.png and screenshots/overflow.txt.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';
import { findOverflow } from './overflow.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const option = (name, fallback) => {
  const given = process.argv.find((a) => a.startsWith(`--${name}=`));
  return given ? given.slice(name.length + 3).split(',') : fallback;
};
const sections = option('sections', ['overview', 'usage', 'plan', 'payment', 'invoices']);
const scenarios = option('scenarios', ['new', 'individual-active', 'trial', 'past-due', 'team', 'enterprise', 'scheduled-downgrade', 'canceled', 'cancel-at-period-end', 'jpy']);
const widths = option('widths', ['320', '360', '768', '1280']).map(Number);
const looks = option('looks', ['light', 'dark', 'brand', 'ar', 'ja']);
const lookQuery = (look) => (['light', 'dark', 'brand'].includes(look) ? `theme=${look}` : `locale=${look}`);

const server = await createServer({ configFile: `${root}vite.config.ts`, server: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
await server.listen();
const base = server.resolvedUrls.local[0];
const browser = await puppeteer.launch({ executablePath: findChrome(), args: CHROME_ARGS });
const report = [];
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
  for (const look of looks) {
    for (const width of widths) {
      const dir = `${root}screenshots/${look}/${width}`;
      await mkdir(dir, { recursive: true });
      await page.setViewport({ width, height: 900 });
      for (const scenario of scenarios) {
        for (const section of sections) {
          await page.goto(`${base}?scenario=${scenario}&${lookQuery(look)}#${section}`, { waitUntil: 'load' });
          // Data arrives with the demo's latency (up to 450 ms a request) and on-demand parts after it.
          await new Promise((r) => setTimeout(r, 1500));
          await page.screenshot({ path: `${dir}/${scenario}-${section}.png`, fullPage: true });
          const problems = await page.evaluate(`(${findOverflow})(document.querySelector('#portal'))`);
          for (const p of problems) report.push(`${look} ${width} ${scenario} #${section}: ${p}`);
        }
      }
      console.log(`${look} ${width}: done`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
await writeFile(`${root}screenshots/overflow.txt`, report.join('\n') + '\n');
console.log(`${report.length} layout problems; screenshots/overflow.txt`);
