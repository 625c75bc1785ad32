import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';
const b = await puppeteer.launch({ executablePath: findChrome(), args: CHROME_ARGS });
const p = await b.newPage();
p.on('pageerror', (e) => console.log('[err]', e.message));
p.on('console', (m) => m.type() !== 'debug' && console.log('[c]', m.text().slice(0, 200)));
await p.setViewport({ width: 1100, height: 900 });
await p.goto('http://127.0.0.1:5173/', { waitUntil: 'networkidle0' });
await new Promise((r) => setTimeout(r, 1200));
const el = await p.$('tectra-tier-picker');
await el.screenshot({ path: '/tmp/picker.png' });
// Choose Team: open the change dialog
await p.evaluate(() => { const r = document.querySelector('tectra-tier-picker').shadowRoot.querySelector('[data-tier-radio="team"]'); r.click(); });
await new Promise((r) => setTimeout(r, 1500));
await p.screenshot({ path: '/tmp/dialog.png' });
await b.close();
