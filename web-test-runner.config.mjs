import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { loadDemoApi } from './demo/backend/load.mjs';
import { minifyTemplates } from './scripts/minify-templates.mjs';
import { CHROME_ARGS, findChrome } from './scripts/find-chrome.mjs';

// The demo backend answers the http adapter's real requests during the tests.
const { createDemoApi } = await loadDemoApi();
const demoApi = createDemoApi();

export default {
  // test/node/, test/server/ and test/contract/ are Node code (vitest, npm run test:node).
  files: ['test/**/*.test.ts', '!test/node/**', '!test/server/**', '!test/contract/**'],
  nodeResolve: true,
  concurrency: 2,
  testsFinishTimeout: 300_000,
  plugins: [
    {
      // Chromium's forced colors (Windows high contrast), emulated over CDP: the puppeteer
      // path of @web/test-runner-commands' emulateMedia drops `forcedColors`.
      name: 'tectra-forced-colors',
      async executeCommand({ command, payload, session }) {
        if (command !== 'forced-colors') return undefined;
        // The CDP session stays open: the emulation ends with it.
        const page = session.browser.getPage(session.id);
        page.tectraCdp ??= await page.createCDPSession();
        await page.tectraCdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }] });
        return true;
      },
    },
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    {
      // The elements are tested with their templates minified, exactly as they ship.
      name: 'tectra-minify-templates',
      async transform(context) {
        if (!context.path.startsWith('/src/') || !context.path.endsWith('.ts')) return undefined;
        return { body: await minifyTemplates(String(context.body), context.path) };
      },
    },
  ],
  middleware: [
    async (ctx, next) => {
      if (await demoApi(ctx.req, ctx.res)) {
        ctx.respond = false;
        return;
      }
      return next();
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChrome(), args: CHROME_ARGS },
      // Each test file in its own browser context (own window): parallel files stay
      // visible, so requestAnimationFrame keeps running, and storage is not shared.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
    }),
  ],
  // A guard against hangs, not a measure: axe over the whole portal takes seconds on a loaded machine.
  testFramework: { config: { timeout: 20_000 } },
  // nanostores reads process.env.NODE_ENV; the page has no `process`.
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en">
  <head><script>
    window.process = { env: { NODE_ENV: 'development' } };
    // The zone the browser was started in (scripts/tz-check.mjs sets TZ), for the tests to confirm.
    window.__expectedTimeZone = ${JSON.stringify(process.env.TZ ?? '')};
    // Silence only Lit's one-time dev-mode notice. Every other Lit dev-mode warning (an
    // update scheduled after an update, a missing property, ...) fails the test file: it is
    // thrown as an uncaught error. Two Lit versions on one page (the Lit 2 host test) is
    // that test's scenario, so its notice, and Lit 2's own dev-mode notice, are allowed.
    window.litIssuedWarnings = new Set(['dev-mode']);
    const warn = console.warn.bind(console);
    console.warn = (...args) => {
      warn(...args);
      const text = args.map(String).join(' ');
      const allowed = ['lit.dev/msg/dev-mode', 'lit.dev/msg/multiple-versions'].some((m) => text.includes(m));
      if (text.includes('lit.dev/msg/') && !allowed) {
        setTimeout(() => { throw new Error('Lit dev-mode warning: ' + text); });
      }
    };
    // The browser reports a benign "ResizeObserver loop completed with undelivered
    // notifications" when the virtualized invoice list measures rows (w3c/csswg-drafts#5488);
    // it is not an error of the page and must not fail a test. Every other error still does.
    window.addEventListener('error', (event) => {
      if (/ResizeObserver loop/.test(event.message)) event.stopImmediatePropagation();
    }, true);
  </script></head>
  <body><script type="module" src="${testFramework}"></script></body>
</html>`,
};
