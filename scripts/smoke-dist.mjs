// Loads dist/tectra-billing.js the way a partner page does (a plain module script, no
// build step), twice, and checks that every element registers, the second copy only
// warns, and a summary renders from the built-in demo simulator.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';

const page = `<!doctype html><html lang="en"><head><title>dist smoke</title></head><body>
<tectra-billing-provider demo="team"><tectra-billing-summary></tectra-billing-summary></tectra-billing-provider>
<script type="module" src="/tectra-billing.js"></script>
<script type="module" src="/tectra-billing.js?copy=2"></script>
</body></html>`;
const bundle = readFileSync('dist/tectra-billing.js');
const server = createServer((req, res) => {
  if (req.url?.startsWith('/tectra-billing.js')) {
    res.writeHead(200, { 'Content-Type': 'text/javascript' });
    return res.end(bundle);
  }
  res.writeHead(200, { 'Content-Type': 'text/html' });
  res.end(page);
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const { port } = server.address();

const browser = await puppeteer.launch({ executablePath: findChrome(), args: CHROME_ARGS });
const problems = [];
try {
  const tab = await browser.newPage();
  const warnings = [];
  tab.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  tab.on('console', (m) => m.type() === 'warn' && warnings.push(m.text()));
  await tab.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'networkidle0' });
  await tab.waitForFunction(
    () => document.querySelector('tectra-billing-summary')?.shadowRoot?.textContent?.includes('8 seats'),
    { timeout: 10_000 },
  );
  const defined = await tab.evaluate(() =>
    ['tectra-billing-provider', 'tectra-billing-summary'].filter((t) => !customElements.get(t)),
  );
  if (defined.length) problems.push(`not defined: ${defined.join(', ')}`);
  if (!warnings.some((w) => w.includes('already defined'))) problems.push('the second copy did not warn');
} catch (error) {
  problems.push(String(error));
} finally {
  await browser.close();
  server.close();
}
if (problems.length) {
  console.error(`dist smoke test failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('dist smoke test: both copies loaded, elements registered, second copy warned, summary rendered');
