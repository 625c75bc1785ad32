// Every entry of the built package imports in Node without a DOM, as a server framework
// (Next.js, Astro, a test runner) imports it: by its package name, each in a fresh process.
// Needs `npm run build` (which `npm test` runs first).
import { execFile } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; exports: Record<string, unknown> };
const defines = readdirSync('src/define').map((f) => `./define/${f.replace(/\.ts$/, '.js')}`);
const entries = Object.keys(pkg.exports)
  .filter((key) => !key.endsWith('.json'))
  .flatMap((key) => (key === './define/*.js' ? defines : [key]))
  .map((key) => (key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`));

/** Imports `specifiers` in order in a fresh Node and reports what the page's globals look like after. */
async function importInNode(specifiers: string[]) {
  const script = `
    const warnings = [];
    console.warn = (...args) => warnings.push(args.join(' '));
    const exported = [];
    for (const s of ${JSON.stringify(specifiers)}) exported.push(Object.keys(await import(s)).length);
    console.log(JSON.stringify({ exported, warnings, dom: typeof HTMLElement + ' ' + typeof document + ' ' + typeof window }));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { timeout: 30_000 });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { exported: number[]; warnings: string[]; dom: string };
}

describe('the built entries in Node', () => {
  it('includes every define module, the root, the client, the server and the script-tag bundle', () => {
    expect(entries).toContain(`${pkg.name}/tectra-billing.js`);
    expect(entries).toContain(`${pkg.name}/define/tier-picker.js`);
    expect(entries.length).toBeGreaterThan(15);
  });

  it.each(entries)('%s imports without a DOM and adds none', async (entry) => {
    if (!existsSync('lib/index.js')) throw new Error('lib/ is missing: run `npm run build` first');
    const { exported, warnings, dom } = await importInNode([entry]);
    expect(warnings).toEqual([]);
    expect(dom).toBe('undefined undefined undefined');
    // Type-only entries (jsx, vue, svelte) export nothing; every other exports its API.
    if (!/\/(jsx|vue|svelte)$/.test(entry)) expect(exported[0]).toBeGreaterThan(0);
  });

  it('registers into the server registry twice without a word, as Next.js evaluates the kit once per module graph', async () => {
    // Three copies define the same tags with other classes: the npm build, a second copy of it
    // (as a second module graph has) and the script-tag bundle. Lit resolves from the repository.
    const copy = resolve('.tmp/entries-copy');
    rmSync(copy, { recursive: true, force: true });
    cpSync('lib', resolve(copy, 'lib'), { recursive: true });
    const second = pathToFileURL(resolve(copy, 'lib/index.js')).href;
    const { warnings } = await importInNode([pkg.name, second, `${pkg.name}/tectra-billing.js`]);
    rmSync(copy, { recursive: true, force: true });
    expect(warnings).toEqual([]);
  });
});
