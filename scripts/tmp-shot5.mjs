import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';
const b = await puppeteer.launch({ executablePath: findChrome(), args: CHROME_ARGS });
const p = await b.newPage();
p.on('pageerror', (e) => console.log('[err]', e.message));
p.on('console', (m) => m.type() !== 'debug' && !m.text().includes('dev mode') && !m.text().includes('404') && console.log('[c]', m.text().slice(0, 300)));
await p.setViewport({ width: 1200, height: 1000 });
for (const [url, out] of [['/', '/tmp/p1.png'], ['/elements.html', '/tmp/p2.png'], ['/partner.html', '/tmp/p3.png']]) {
  await p.goto('http://127.0.0.1:5173' + url, { waitUntil: 'networkidle0' });
  await new Promise((r) => setTimeout(r, 1500));
  await p.screenshot({ path: out });
}
await b.close();
