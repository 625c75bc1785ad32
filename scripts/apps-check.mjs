// The kit as a new user installs it: the packed tarball (`npm pack`) in host apps of four
// frameworks (test/apps/), each type-checked and built as its own tooling does, plus the
// README's snippets for that framework. Each app must also fail when an attribute or an event
// is misspelt, so the types are proven to check, not only to exist. Part of `npm test`.
//
// The framework apps sit in .tmp/apps/<name>/ with the tarball unpacked into their
// node_modules; their frameworks and tools resolve from this repository's node_modules, as in
// a monorepo. The Node SSR app is installed for real (`npm install` of the tarball in an empty
// folder outside the repository), which also proves the package declares what it imports.
//
// `node scripts/apps-check.mjs [react|vue|svelte|ssr …]` runs some; sizes go to stdout.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

const exec = promisify(execFile);
const root = resolve(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules/.bin', name);
const work = join(root, '.tmp/apps');
const only = process.argv.slice(2);
const problems = [];
const report = [];

async function run(cmd, args, cwd) {
  try {
    const { stdout, stderr } = await exec(cmd, args, { cwd, timeout: 240_000, maxBuffer: 32 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    return { ok: true, output: `${stdout}${stderr}` };
  } catch (error) {
    return { ok: false, output: `${error.stdout ?? ''}${error.stderr ?? ''}${error.stdout || error.stderr ? '' : error.message}` };
  }
}

// ---- the tarball ----
if (!existsSync(join(root, 'lib/index.js')) || !existsSync(join(root, 'dist/tectra-billing.js'))) {
  console.error('apps check: lib/ or dist/ is missing; run `npm run build` first');
  process.exit(1);
}
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const packed = await run('npm', ['pack', '--silent', '--pack-destination', work], root);
if (!packed.ok) throw new Error(`npm pack failed:\n${packed.output}`);
const tarball = join(work, packed.output.trim().split('\n').pop());

/** A fresh copy of test/apps/<name> with the tarball unpacked as its dependency. */
async function prepare(name) {
  const dir = join(work, name);
  cpSync(join(root, 'test/apps', name), dir, { recursive: true });
  const kit = join(dir, 'node_modules/@tectra/billing-widgets');
  mkdirSync(kit, { recursive: true });
  const untar = await run('tar', ['-xzf', tarball, '-C', kit, '--strip-components=1'], dir);
  if (!untar.ok) throw new Error(untar.output);
  return dir;
}

// ---- the README's snippets, compiled by the apps ----
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const snippets = (lang) => [...readme.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);

function readmeTsx() {
  const imports = new Set();
  const bodies = [];
  for (const snippet of snippets('tsx')) {
    const lines = snippet.trim().split('\n');
    for (const line of lines.filter((l) => l.startsWith('import '))) imports.add(line);
    bodies.push(lines.filter((l) => !l.startsWith('import ')).join('\n').trim().replace(/;$/, ''));
  }
  return [
    "// Written by scripts/apps-check.mjs from README.md's TSX snippets: do not edit.",
    ...imports,
    '',
    'declare function track(value: unknown): void;',
    'declare function navigate(path: string): void;',
    '',
    'export function Readme() {',
    `  return (\n    <>\n${bodies.map((b) => `      {${b}}`).join('\n')}\n    </>\n  );`,
    '}',
    '',
  ].join('\n');
}

/** Each `[file, from, to, why]` misspells one name; the check must then fail. */
async function provesMisspellings(app, dir, check, cases) {
  for (const [file, from, to, why] of cases) {
    const path = join(dir, file);
    const original = readFileSync(path, 'utf8');
    if (!original.includes(from)) {
      problems.push(`${app}: ${file} has no ${from} to misspell`);
      continue;
    }
    writeFileSync(path, original.replace(from, to));
    const result = await check();
    writeFileSync(path, original);
    if (result.ok) problems.push(`${app}: ${why} (${to}) passed the type check`);
  }
}

/**
 * What a page of a built app loads, gzipped file by file: up front (its scripts and styles and
 * what they import statically) and in all (with what they may import on demand).
 */
function pageSize(dist, page) {
  const html = readFileSync(join(dist, page), 'utf8');
  const entry = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const gz = (f) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
  const closure = (dynamic) => {
    const seen = new Set();
    const visit = (f) => {
      if (seen.has(f) || !existsSync(join(dist, f))) return;
      seen.add(f);
      if (!f.endsWith('.js')) return;
      const code = readFileSync(join(dist, f), 'utf8');
      const staticImports = [...code.matchAll(/(?:^|[;}])\s*import\s*(?:[\w${},*\s]+from\s*)?["']\.\/([^"']+)["']/g)].map((m) => m[1]);
      const dynamicImports = dynamic ? [...code.matchAll(/import\(["'`]\.\/([^"'`]+)["'`]\)/g)].map((m) => m[1]) : [];
      for (const next of [...staticImports, ...dynamicImports]) visit(join(f, '..', next));
    };
    entry.forEach(visit);
    return [...seen].reduce((n, f) => n + gz(f), 0);
  };
  return { upFront: closure(false), all: closure(true) };
}

/** What the kit adds to a host app: its page against the same app's baseline page without the kit. */
function added(dir, what) {
  const dist = join(dir, 'dist');
  const app = pageSize(dist, 'index.html');
  const baseline = pageSize(dist, 'baseline.html');
  report.push(
    `${what}: the kit adds ${kb(app.upFront - baseline.upFront)} up front and ${kb(app.all - baseline.all)} in all ` +
      `(gzip; the page ${kb(app.upFront)} up front, ${kb(app.all)} in all; the framework alone ${kb(baseline.upFront)})`,
  );
}

/** Opens the server-rendered page in Chromium and says what is wrong with its hydration. */
async function hydrateInChromium(folder) {
  const { default: puppeteer } = await import('puppeteer-core');
  const { CHROME_ARGS, findChrome } = await import('./find-chrome.mjs');
  const server = createServer((req, res) => {
    if (req.url === '/favicon.ico') return res.writeHead(204).end();
    const file = join(folder, req.url === '/' ? 'index.html' : (req.url ?? '').split('?')[0]);
    if (!file.startsWith(folder) || !existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': file.endsWith('.html') ? 'text/html' : 'text/javascript' }).end(readFileSync(file));
  }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const browser = await puppeteer.launch({ executablePath: findChrome(), args: CHROME_ARGS });
  const seen = [];
  try {
    const tab = await browser.newPage();
    tab.on('pageerror', (e) => seen.push(`page error: ${e.message}`));
    tab.on('console', (m) => m.type() === 'error' && seen.push(`console error: ${m.text()}`));
    await tab.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'load' });
    await tab.waitForFunction(() => window.hydrated && ['tectra-billing-summary', 'tectra-tier-picker', 'tectra-usage-meter'].every((t) => document.querySelector(t)?.hasUpdated), { timeout: 15_000 });
    const result = await tab.evaluate(async () => {
      const tags = ['tectra-billing-summary', 'tectra-tier-picker', 'tectra-usage-meter'];
      await Promise.all(tags.map((t) => document.querySelector(t).updateComplete));
      const [summary, picker, meter] = tags.map((t) => document.querySelector(t).shadowRoot);
      const now = { summary: summary.querySelector('[part="manage-button"]'), picker: picker.querySelector('[data-tier-radio="team"]'), meter: meter.querySelector('h2') };
      const kept = Object.entries(window.serverNodes).map(([name, node]) => `${name}:${Boolean(node) && node === now[name] && node.isConnected}`);
      now.summary.click();
      return { kept, serverText: window.serverText, manage: window.manageEvents.join(), after: tags.map((t) => document.querySelector(t).shadowRoot.textContent.replace(/\s+/g, ' ')) };
    });
    if (result.kept.join() !== 'summary:true,picker:true,meter:true') seen.push(`the server's nodes were not all kept: ${result.kept.join(', ')}`);
    const [summaryText, pickerText, meterText] = result.serverText;
    if (!/Team.*Next payment \$3,120\.00/.test(summaryText)) seen.push(`the server rendered no plan in the summary: ${summaryText.slice(0, 200)}`);
    if (!/Choose a plan.*Starter.*Pro.*Team/.test(pickerText) || /Enterprise/.test(pickerText)) seen.push(`the server rendered no tiers (or other kinds) in the picker: ${pickerText.slice(0, 200)}`);
    if (!/Output tokens.*7M of 12M tokens/.test(meterText)) seen.push(`the server rendered no usage: ${meterText.slice(0, 200)}`);
    if (result.after[0] !== summaryText) seen.push('the summary changed its text while hydrating');
    if (result.manage !== 'manage') seen.push(`Manage after hydration fired [${result.manage}]`);
  } catch (error) {
    seen.push(String(error));
  } finally {
    await browser.close();
    server.close();
  }
  return seen;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The README's snippet in `lang` (markup: Vue, Svelte), marked as written here; undefined without one. */
function readmeMarkup(lang) {
  const [snippet] = snippets(lang);
  return snippet === undefined ? undefined : `<!-- Written by scripts/apps-check.mjs from README.md's ${lang} snippet: do not edit. -->\n${snippet}`;
}

/**
 * A framework app: the README's code for it written in, its checker passes and refuses each
 * misspelling, and it builds; what the kit adds to it goes to the report.
 */
async function frameworkApp(name, { readme: [file, contents], tool, args, cases, what }) {
  const dir = await prepare(name);
  if (contents === undefined) return problems.push(`${name}: the README has no snippet for it`);
  writeFileSync(join(dir, file), contents);
  const check = () => run(bin(tool), args, dir);
  const result = await check();
  if (!result.ok) return problems.push(`${name}: ${tool} failed\n${result.output}`);
  await provesMisspellings(name, dir, check, cases);
  const build = await run(bin('vite'), ['build'], dir);
  if (!build.ok) return problems.push(`${name}: vite build failed\n${build.output}`);
  added(dir, what);
}

const apps = {
  react: () =>
    frameworkApp('react', {
      readme: ['src/readme.tsx', readmeTsx()],
      tool: 'tsc',
      args: ['-p', 'tsconfig.json'],
      cases: [
        ['src/raw-tags.tsx', 'kinds="individual team"', 'kindz="individual team"', 'a misspelt attribute on a raw tag'],
        ['src/raw-tags.tsx', 'ontectra-tier-select=', 'ontectra-tier-selekt=', 'a misspelt event on a raw tag'],
        ['src/raw-tags.tsx', 'interval="year"', 'interval="yearly"', 'a wrong attribute value on a raw tag'],
        ['src/wrappers.tsx', 'onManage=', 'onManages=', 'a misspelt event on a wrapper'],
        ['src/events.ts', 'e.detail.threshold', 'e.detail.treshold', 'a misspelt detail of an event typed by one define module'],
      ],
      what: 'React 19 (raw tags, wrappers, the client)',
    }),

  vue: () =>
    frameworkApp('vue', {
      readme: ['src/ReadmeSnippet.vue', readmeMarkup('vue')],
      tool: 'vue-tsc',
      args: ['-p', 'tsconfig.json'],
      cases: [
        ['src/App.vue', 'kinds="individual team"', 'kindz="individual team"', 'a misspelt attribute'],
        ['src/App.vue', '@tectra-tier-select=', '@tectra-tier-selekt=', 'a misspelt event'],
        ['src/App.vue', 'variant="compact"', 'variant="small"', 'a wrong attribute value'],
        ['src/App.vue', 'e.detail.threshold', 'e.detail.treshold', 'a misspelt event detail'],
      ],
      what: 'Vue 3 (tags in templates, the client)',
    }),

  svelte: () =>
    frameworkApp('svelte', {
      readme: ['src/ReadmeSnippet.svelte', readmeMarkup('svelte')],
      tool: 'svelte-check',
      args: ['--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human'],
      cases: [
        ['src/App.svelte', 'kinds="individual team"', 'kindz="individual team"', 'a misspelt attribute'],
        ['src/App.svelte', 'ontectra-tier-select=', 'ontectra-tier-selekt=', 'a misspelt event'],
        ['src/App.svelte', 'variant="compact"', 'variant="small"', 'a wrong attribute value'],
        ['src/App.svelte', 'e.detail.threshold', 'e.detail.treshold', 'a misspelt event detail'],
      ],
      what: 'Svelte 5 (tags in markup, the client)',
    }),

  async ssr() {
    // A real install in an empty folder: only what the package declares is there.
    const dir = mkdtempSync(join(tmpdir(), 'tectra-ssr-'));
    try {
      cpSync(join(root, 'test/apps/ssr'), dir, { recursive: true });
      const { dependencies: deps, devDependencies: dev } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'ssr-app', private: true, type: 'module' }));
      const install = await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--loglevel=error', tarball, `@lit-labs/ssr@${dev['@lit-labs/ssr']}`, `@lit-labs/ssr-client@${dev['@lit-labs/ssr-client']}`, `lit@${deps.lit}`], dir);
      if (!install.ok) return problems.push(`ssr: npm install failed\n${install.output}`);
      const rendered = await run(process.execPath, ['render.mjs'], dir);
      if (!rendered.ok) return problems.push(`ssr: the server render failed\n${rendered.output}`);
      const { build } = await import('esbuild');
      await build({ entryPoints: [join(dir, 'hydrate.js')], absWorkingDir: dir, bundle: true, splitting: true, format: 'esm', outdir: join(dir, 'public'), logLevel: 'silent', define: { 'process.env.NODE_ENV': '"production"' } });
      cpSync(join(dir, 'before.js'), join(dir, 'public/before.js'));
      cpSync(join(dir, 'index.html'), join(dir, 'public/index.html'));
      const seen = await hydrateInChromium(join(dir, 'public'));
      for (const problem of seen) problems.push(`ssr: ${problem}`);
      if (!seen.length) report.push('Node SSR (Lit SSR): the summary, the tier picker and a usage meter rendered with their data, and hydrated in Chromium keeping the server\'s nodes');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

for (const [name, app] of Object.entries(apps)) {
  if (only.length && !only.includes(name)) continue;
  const started = Date.now();
  try {
    await app();
  } catch (error) {
    problems.push(`${name}: ${error.stack ?? error}`);
  }
  report.push(`  ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
console.log(report.join('\n'));
if (problems.length) {
  console.error(`\napps check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('apps: every host app type-checked and built from the packed tarball, and refused each misspelling');
