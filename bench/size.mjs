// npm run size: min+gzip and brotli of the shared runtime, each element's define
// module (and what it adds above the runtime), the whole script-tag bundle, and the
// floor (Lit + nanostores + localize) measured in the same run, as ratios.
// `--check` enforces the budgets (sizes are deterministic, so this runs in npm test).
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { esbuildTemplates } from '../scripts/minify-templates.mjs';

const KB = 1024;
const COMPOSITES = ['billing-provider', 'billing-portal'];
const BUDGETS = {
  runtime: 10 * KB,
  elementAdded: 6 * KB,
  /**
   * Elements with a larger budget than a simple element. Theirs counts what they load
   * later too: the invoice list with its virtualizer, the payment form with its checkout
   * view, validation and the Stripe provider (a budget is not met by deferring bytes).
   */
  elements: { 'payment-form': 10 * KB, 'invoice-list': 15 * KB },
  dist: 40 * KB,
  /** `@tectra/billing-widgets/client`: the client and the http adapter, registering nothing. */
  dataLayer: 12 * KB,
};

/** Leaves the modules imported with import() whose path matches `filter` out of a bundle. */
const dynamicImportsExternal = (name, filter) => ({
  name,
  setup(b) {
    b.onResolve({ filter }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
  },
});

// Modules imported with import() only when needed are not part of an entry's first
// load: the demo simulator (the provider's `demo` attribute), each locale's messages,
// the tier picker's confirm step. They are measured on their own below.
const onDemandModulesExternal = dynamicImportsExternal('on-demand-external', /.*/);

/**
 * For an element's budget, what it may load later counts too (the confirm step, the
 * checkout view, the virtualizer, validation, the Stripe provider), except what a
 * production page never loads for it: other languages, the demo simulator, test mode;
 * and another element it shows (the checkout's address step is <tectra-billing-details>),
 * which has its own budget and is measured as its own define module.
 */
const notForProduction = dynamicImportsExternal('not-for-production-external', /locales\/|memory\/|test-provider|define\//);

const ON_DEMAND = {
  'tier picker: confirm step and the actions with a plan': 'src/elements/tier-picker/change-flow.ts',
  'tier picker: why typed seats are refused (with the first seats)': 'src/elements/tier-picker/seats.ts',
  'payments: test card form': 'src/payments/test-provider.ts',
  'payments: Stripe provider (Stripe.js itself loads from Stripe)': 'src/payments/stripe.ts',
  'validation (valibot and the schemas; with the first answer)': 'src/core/validation.ts',
  'invoice list: table and virtualizer (with the first list)': 'src/elements/invoice-list/invoice-table.ts',
  'usage alerts: the editor (with the first alerts)': 'src/elements/usage-alerts/alerts-editor.ts',
  'demo simulator: adapter and scenarios (the `demo` attribute)': 'src/adapters/memory/index.ts',
  'demo simulator: its business (with the first call)': 'src/adapters/memory/simulator.ts',
  'German messages': 'src/i18n/generated/locales/de.ts',
};

/**
 * What a page loads before anything shows: the bundle and the chunks it imports
 * statically (the lazy chunks in dist/chunks/ load on demand). Each file is one response,
 * compressed on its own, so the figures are the sums over the files.
 */
function upFront(entry) {
  const files = new Set();
  const visit = (file) => {
    if (files.has(file)) return;
    files.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)[^"'()]*?from\s*["'](\.[^"']+)["']|(?:^|[;}\s])import\s*["'](\.[^"']+)["']/g)) {
      visit(join(dirname(file), m[1] ?? m[2]));
    }
  };
  visit(entry);
  const sizes = [...files].map((f) => measure(readFileSync(f)));
  const sum = (key) => sizes.reduce((total, size) => total + size[key], 0);
  return { min: sum('min'), gzip: sum('gzip'), brotli: sum('brotli'), files: files.size };
}

async function bundle(entry, external = [], { withOnDemand = false } = {}) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    // The shipped builds minify the markup in html`` and css`` templates; so does the measurement.
    plugins: [withOnDemand ? notForProduction : onDemandModulesExternal, esbuildTemplates],
    external,
    logLevel: 'silent',
    tsconfig: 'tsconfig.json',
  });
  return Buffer.from(result.outputFiles[0].contents);
}

function measure(code) {
  return {
    min: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const kb = (n) => `${(n / KB).toFixed(2)} KB`;

export async function measureSizes() {
  const floor = measure(await bundle('bench/entries/floor.ts'));
  const runtime = measure(await bundle('bench/entries/runtime.ts'));
  const dataLayer = measure(await bundle('bench/entries/data-layer.ts'));
  const elements = [];
  for (const file of readdirSync('src/define').filter((f) => !['define.ts', 'when-used.ts'].includes(f)).sort()) {
    const size = measure(await bundle(`src/define/${file}`));
    const whole = measure(await bundle(`src/define/${file}`, [], { withOnDemand: true }));
    elements.push({ name: basename(file, '.ts'), ...size, addedGzip: size.gzip - runtime.gzip, wholeAddedGzip: whole.gzip - runtime.gzip });
  }
  const onDemand = [];
  for (const [name, file] of Object.entries(ON_DEMAND)) {
    onDemand.push({ name, ...measure(await bundle(file, ['lit', '@lit/localize', 'nanostores'])) });
  }
  const distFile = 'dist/tectra-billing.js';
  const built = existsSync(distFile) && upFront(distFile);
  const dist = built
    ? { min: built.min, gzip: built.gzip, brotli: built.brotli, source: `${distFile} and the ${built.files - 1} chunk${built.files === 2 ? '' : 's'} it imports up front, each compressed on its own` }
    : { ...measure(await bundle('src/index.ts')), source: 'src/index.ts, on-demand imports left out (esbuild; npm run build makes dist)' };
  return { floor, runtime, dataLayer, elements, onDemand, dist };
}

export function table({ floor, runtime, dataLayer, elements, onDemand, dist }) {
  const rows = [
    ['floor (lit + nanostores + localize)', floor, ''],
    ['shared runtime (floor + context, base element, events, tokens)', runtime, ''],
    ['data layer: @tectra/billing-widgets/client with the http adapter (client, stores, validation)', dataLayer, ''],
    ...elements.map((e) => [`define/${e.name}.js`, e, `+${kb(e.addedGzip)}`, `+${kb(e.wholeAddedGzip)}`]),
    ...onDemand.map((e) => [`on demand: ${e.name} (lit, localize, nanostores external)`, e, '']),
    [`dist/tectra-billing.js, loaded up front (${dist.source})`, dist, ''],
  ];
  const lines = [
    '| bundle | min | gzip | brotli | gzip vs floor | adds to runtime (gzip) | with what it loads later (gzip) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(([name, s, added, whole = '']) => `| ${name} | ${kb(s.min)} | ${kb(s.gzip)} | ${kb(s.brotli)} | ${(s.gzip / floor.gzip).toFixed(2)}× | ${added} | ${whole} |`),
  ];
  return lines.join('\n');
}

function violations({ runtime, dataLayer, elements, dist }) {
  const out = [];
  if (dataLayer.gzip > BUDGETS.dataLayer) out.push(`client + http adapter ${kb(dataLayer.gzip)} > ${kb(BUDGETS.dataLayer)}`);
  if (!dist.source.startsWith('dist/')) out.push('dist/tectra-billing.js is not built: run `npm run build` before the check');
  else if (dist.gzip > BUDGETS.dist) out.push(`${dist.source}: ${kb(dist.gzip)} > ${kb(BUDGETS.dist)}`);
  if (runtime.gzip > BUDGETS.runtime) out.push(`shared runtime ${kb(runtime.gzip)} > ${kb(BUDGETS.runtime)}`);
  for (const e of elements) {
    // The provider carries the data layer (it creates the client) and the portal is every
    // element together: neither is a single element with an element budget.
    if (COMPOSITES.includes(e.name)) continue;
    const large = BUDGETS.elements[e.name];
    // A simple element's budget is its define module, as the issue measures it; what it
    // may load later is in the last column (the tier picker's confirm step, for accounts with a plan).
    const [added, budget, what] = large ? [e.wholeAddedGzip, large, ' with what it loads later'] : [e.addedGzip, BUDGETS.elementAdded, ''];
    if (added > budget) out.push(`${e.name} adds ${kb(added)}${what} > ${kb(budget)}`);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = await measureSizes();
  console.log(table(sizes));
  if (process.argv.includes('--readme')) {
    const readme = readFileSync('README.md', 'utf8');
    const marked = /<!-- sizes:start -->[\s\S]*<!-- sizes:end -->/;
    writeFileSync('README.md', readme.replace(marked, `<!-- sizes:start -->\n${table(sizes)}\n<!-- sizes:end -->`));
  }
  if (process.argv.includes('--check')) {
    const over = violations(sizes);
    if (over.length) {
      console.error(`\nOver budget:\n  ${over.join('\n  ')}`);
      process.exit(1);
    }
    console.log('\nsize budgets hold');
  }
}
