/**
 * `npm start`: the demo (root `demo/`) with the demo backend mounted at /demo-api.
 * `vite build` (from `npm run build`): the self-contained `dist/tectra-billing.js`.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Connect, type Plugin, type UserConfig } from 'vite';
// @ts-expect-error: a plain ES module without types, shared with web-test-runner.config.mjs.
import { loadDemoApi } from './demo/backend/load.mjs';
// @ts-expect-error: a plain ES module without types, shared with bench/size.mjs.
import { minifyTemplates } from './scripts/minify-templates.mjs';
// @ts-expect-error: a plain ES module without types, shared with scripts/smoke-dist.mjs.
import { serveDistFile } from './scripts/dist-files.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));

type ServeDistFile = (distDir: string, path: string, res: import('node:http').ServerResponse) => boolean;
type Handler = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<boolean>;

async function demoApiPlugin(): Promise<Plugin> {
  const { createDemoApi } = (await loadDemoApi()) as { createDemoApi: (o: object) => Handler };
  // Some latency so loading states are visible in the demo.
  // Opt-in: STRIPE_SECRET_KEY (sk_test_...) and STRIPE_PUBLISHABLE_KEY serve the demo from Stripe test mode.
  const { STRIPE_SECRET_KEY: secretKey = '', STRIPE_PUBLISHABLE_KEY: publishableKey = '' } = process.env;
  const stripe = secretKey.startsWith('sk_test_') && publishableKey ? { stripe: { secretKey, publishableKey } } : {};
  const api = createDemoApi({ latencyMs: { min: 120, max: 450 }, liveUsage: true, ...stripe });
  // A block body: a function returned from configureServer would run as a post hook.
  const mount = (server: { middlewares: Connect.Server }): void => {
    server.middlewares.use((req, res, next) => {
      api(req, res).then((handled) => handled || next(), next);
    });
    // The partner page loads the built script-tag bundle, as a partner's page would.
    // It loads its on-demand chunks from dist/chunks/, beside it.
    server.middlewares.use('/dist', (req, res, next) => {
      if (!(serveDistFile as ServeDistFile)(resolve(root, 'dist'), req.url ?? '', res)) next();
    });
  };
  return { name: 'tectra-demo-api', configureServer: mount, configurePreviewServer: mount };
}

const templatesPlugin: Plugin = {
  name: 'tectra-minify-templates',
  async transform(code, id) {
    if (!id.includes('/src/') || !id.endsWith('.ts')) return undefined;
    return { code: await (minifyTemplates as (code: string, file: string) => Promise<string>)(code, id), map: null };
  },
};

/**
 * The script-tag bundle imports in Node too (SSR frameworks evaluate the page's modules on
 * the server): Lit's browser build extends `HTMLElement` and reads `document` as it loads,
 * so the shared runtime chunk starts with stand-ins bound in its own scope, which are the
 * real globals in a browser. Nothing is added to Node's globals.
 */
const nodeImportPlugin: Plugin = {
  name: 'tectra-node-import',
  renderChunk(code, chunk) {
    if (chunk.name !== 'runtime') return undefined;
    return { code: `const{HTMLElement=class{},document={createTreeWalker(){}}}=globalThis;${code}`, map: null };
  },
};

export default defineConfig(async ({ command }): Promise<UserConfig> => ({
  root: resolve(root, 'demo'),
  plugins: command === 'serve' ? [await demoApiPlugin()] : [templatesPlugin, nodeImportPlugin],
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  server: { fs: { allow: [root] } },
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    lib: {
      entry: resolve(root, 'src/index.ts'),
      formats: ['es'],
      fileName: () => 'tectra-billing.js',
    },
    // Code loaded on demand (other languages, the simulator's business, the confirm step,
    // payment providers, the virtualizer, validation) goes to chunks/ beside the bundle; what
    // every page needs stays in tectra-billing.js, which the chunks import from.
    // The runtime that the bundle and its chunks share (Lit, localize, context, nanostores)
    // is one chunk of its own: a page that loads the bundle twice (two URLs) still has one
    // Lit, which the chunks of either copy use. What an on-demand chunk shares with the
    // bundle (events, card labels, the payment container and provider) joins that chunk too: otherwise
    // the bundler moves the whole bundle into a shared chunk that the chunk can import. The
    // rules only on-demand code uses (validation's catalog rules, tax ID and address formats, credit rules)
    // stay out of it: a page pays for them with the first answer or the billing details form.
    rolldownOptions: {
      // Known and meant: the bundle exports createMemoryAdapter and demoSnapshot (the whole
      // API), so the provider's on-demand import of the simulator's scenarios finds them in the
      // bundle already (the README says so). In lib/ that import stays on demand.
      onLog(level, log, handler) {
        if (log.code === 'INEFFECTIVE_DYNAMIC_IMPORT' && /adapters[\\/]memory[\\/]index\.ts/.test(log.message)) return;
        handler(level, log);
      },
      output: {
        minify: true,
        chunkFileNames: 'chunks/[name]-[hash].js',
        codeSplitting: {
          groups: [{ name: 'runtime', test: /node_modules[\\/]((lit|lit-html)(?![\\/](directives|async-directive|directive))|lit-element|@lit[\\/](reactive-element|localize|context)|nanostores)[\\/]|src[\\/](core[\\/](?!validation|tax-ids|address|catalog-rules|credits|upgrade|csv|capabilities|spend-caps|number-input|members)|elements[\\/]base[\\/](?!focus|view-element|csv-download|role-gate)|format[\\/](labels|cards|usage|counts|quantities)|events\.ts|payments[\\/](container|provider)|styles[\\/]fields|state[\\/](store-controller|guarded|resource|checked)|define[\\/]define\.ts|adapters[\\/]memory[\\/](pricing|catalogs))/ }],
        },
      },
    },
  },
}));
