// Strict CSP: the whole portal on a page served with
//   default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'
// must raise no securitypolicyviolation event and no page error while every section is
// visited and the test card form is shown. Part of `npm test`.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';
import { esbuildTemplates } from './minify-templates.mjs';

export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

const bundle = await build({
  entryPoints: ['src/index.ts'],
  bundle: true,
  format: 'esm',
  minify: true,
  write: false,
  logLevel: 'silent',
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [esbuildTemplates],
});

// The page's own script records violations before the kit loads (no inline script allowed).
const probe = `
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')), true);
window.__errors = [];
window.addEventListener('error', (e) => { if (!/ResizeObserver loop/.test(e.message)) window.__errors.push(e.message); });
window.addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));
`;
const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>strict CSP</title>
<script src="/probe.js"></script><script type="module" src="/kit.js"></script></head>
<body><tectra-billing-portal demo="new" section="plan"></tectra-billing-portal></body></html>`;
const files = { '/': ['text/html', page], '/probe.js': ['text/javascript', probe], '/kit.js': ['text/javascript', bundle.outputFiles[0].text] };
const server = createServer((req, res) => {
  const file = files[req.url ?? '/'];
  if (!file) return res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': file[0], 'Content-Security-Policy': STRICT_CSP }).end(file[1]);
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));

const browser = await puppeteer.launch({ executablePath: findChrome(), args: CHROME_ARGS });
let result;
try {
  const tab = await browser.newPage();
  await tab.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'load' });
  const inPortal = (fn, arg) => tab.evaluate(fn, arg);
  // The plan section of a new account: tiers and the checkout with the test card form.
  await tab.waitForFunction(() => document.querySelector('tectra-billing-portal')?.shadowRoot?.querySelector('tectra-tier-picker')?.shadowRoot?.querySelector('[data-tier-radio="pro"]'), { timeout: 15_000 });
  await inPortal(() => document.querySelector('tectra-billing-portal').shadowRoot.querySelector('tectra-tier-picker').shadowRoot.querySelector('[data-tier-radio="pro"]').click());
  await tab.waitForFunction(() => document.querySelector('tectra-billing-portal').shadowRoot.querySelector('tectra-payment-form')?.shadowRoot?.querySelector('[name="card-number"]'), { timeout: 15_000 });
  for (const section of ['overview', 'usage', 'payment', 'invoices', 'plan']) {
    await inPortal((s) => document.querySelector('tectra-billing-portal').shadowRoot.querySelector(`#tab-${s}`).click(), section);
    await new Promise((r) => setTimeout(r, 600));
  }
  result = await tab.evaluate(() => ({ violations: window.__violations, errors: window.__errors }));
} finally {
  await browser.close();
  server.close();
}
if (result.violations.length || result.errors.length) {
  console.error(`Strict CSP check failed:\n  ${[...result.violations, ...result.errors].join('\n  ')}`);
  process.exit(1);
}
console.log(`strict CSP: the portal ran every section and the card form with 0 violations (${STRICT_CSP})`);
