// Takes a screenshot of a page in headless Chromium: `node scripts/screenshot.mjs URL out.png [width]`.
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';

const [url = 'http://127.0.0.1:5173/', out = 'screenshot.png', width = '1100'] = process.argv.slice(2);
const browser = await puppeteer.launch({ executablePath: findChrome(), args: CHROME_ARGS });
try {
  const page = await browser.newPage();
  page.on('console', (m) => console.log(`[page] ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
  await page.setViewport({ width: Number(width), height: 900 });
  await page.goto(url, { waitUntil: 'networkidle0' });
  await new Promise((r) => setTimeout(r, 800));
  await page.screenshot({ path: out, fullPage: true });
} finally {
  await browser.close();
}
