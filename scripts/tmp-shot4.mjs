import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';
const b = await puppeteer.launch({ executablePath: findChrome(), args: CHROME_ARGS });
const p = await b.newPage();
p.on('pageerror', (e) => console.log('[err]', e.message));
p.on('console', (m) => m.type() !== 'debug' && !m.text().includes('dev mode') && console.log('[c]', m.text().slice(0, 300)));
for (const [w, out] of [[1000, '/tmp/inv.png'], [480, '/tmp/inv-narrow.png']]) {
  await p.setViewport({ width: w, height: 900 });
  await p.goto('http://127.0.0.1:5173/', { waitUntil: 'networkidle0' });
  await p.select('#scenario', 'past-due');
  await new Promise((r) => setTimeout(r, 2000));
  await (await p.$('tectra-invoice-list')).screenshot({ path: out });
}
await b.close();
