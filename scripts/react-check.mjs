// Renders the React wrappers in a real React app in Chromium: props become properties,
// typed event callbacks reach React state, the elements share the client. Part of `npm test`.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';

const bundle = await build({
  entryPoints: ['test/react/app.tsx'],
  bundle: true,
  format: 'esm',
  jsx: 'automatic',
  write: false,
  logLevel: 'silent',
  tsconfig: 'tsconfig.json',
  define: { 'process.env.NODE_ENV': '"production"' },
});
const page = '<!doctype html><html lang="en"><head><title>React</title><script type="module" src="/app.js"></script></head><body><div id="root"></div></body></html>';
const server = createServer((req, res) => {
  if (req.url === '/app.js') return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(bundle.outputFiles[0].text);
  res.writeHead(200, { 'Content-Type': 'text/html' }).end(page);
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));

const browser = await puppeteer.launch({ executablePath: findChrome(), args: CHROME_ARGS });
const problems = [];
try {
  const tab = await browser.newPage();
  tab.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await tab.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'load' });
  const radio = () => document.querySelector('tectra-tier-picker')?.shadowRoot?.querySelector('[data-tier-radio="team"]');
  await tab.waitForFunction(radio, { timeout: 10_000 });
  // Each wrapper registers its own element only: the app wraps three, so the others stay out of its bundle.
  const registered = await tab.evaluate(() => ['provider', 'summary', 'tier-picker', 'invoice-list', 'billing-portal', 'usage-meter'].map((n) => (customElements.get(n === 'provider' ? 'tectra-billing-provider' : n === 'summary' ? 'tectra-billing-summary' : `tectra-${n}`) ? n : `-${n}`)));
  if (registered.join(' ') !== 'provider summary tier-picker -invoice-list -billing-portal -usage-meter') problems.push(`registered: ${registered.join(' ')}`);
  // `kinds` went through as an attribute: no enterprise group.
  const groups = await tab.evaluate(() => [...document.querySelector('tectra-tier-picker').shadowRoot.querySelectorAll('[part="group-title"]')].map((h) => h.textContent));
  if (groups.join(',') !== 'Individual,Team') problems.push(`kinds not applied: ${groups}`);
  await tab.evaluate(() => document.querySelector('tectra-tier-picker').shadowRoot.querySelector('[data-tier-radio="team"]').click());
  await tab.waitForFunction(() => document.getElementById('selected')?.textContent === 'team/month', { timeout: 5_000 }).catch(() => problems.push('onTierSelect did not reach React state'));
  const checkout = await tab.evaluate(() => window.billingClient.$checkout.get().selection?.tierId);
  if (checkout !== 'team') problems.push(`the shared checkout has ${checkout}`);
  await tab.waitForFunction(() => document.querySelector('tectra-billing-summary')?.shadowRoot?.textContent?.includes('Choose a plan'), { timeout: 5_000 });
  await tab.evaluate(() => [...document.querySelector('tectra-billing-summary').shadowRoot.querySelectorAll('button')].find((b) => b.textContent.includes('Choose a plan')).click());
  await tab.waitForFunction(() => document.getElementById('manage')?.textContent === 'choose-tier', { timeout: 5_000 }).catch(() => problems.push('onManage did not reach React state'));
} catch (error) {
  problems.push(String(error));
} finally {
  await browser.close();
  server.close();
}
if (problems.length) {
  console.error(`React check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('React: wrappers rendered, props as properties, onTierSelect and onManage reached React state');
