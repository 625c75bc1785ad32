// Fails when a generated file is stale: custom-elements.json, the XLIFF files, the
// generated locale modules. Regenerates them (so `npm run generate` is rarely needed),
// then compares with what was there before. Also fails on untranslated messages.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function files(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)],
  );
}

const watched = () => ['custom-elements.json', 'vscode.html-custom-data.json', 'web-types.json', 'src/jsx.ts', 'src/vue.ts', 'src/svelte.ts', ...files('xliff'), ...files('src/i18n/generated')];
const read = (list) => new Map(list.map((f) => [f, existsSync(f) ? readFileSync(f, 'utf8') : null]));

const before = read(watched());
const quiet = { stdio: ['ignore', 'ignore', 'inherit'] };
execFileSync('node_modules/.bin/lit-localize', ['extract'], quiet);
execFileSync('node_modules/.bin/lit-localize', ['build'], quiet);
execFileSync('node_modules/.bin/cem', ['analyze', '--config', 'custom-elements-manifest.config.mjs'], quiet);
execFileSync('node', ['scripts/editor-data.mjs'], quiet);
const after = read(watched());

const stale = [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f));
const untranslated = files('xliff').flatMap((file) => {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/<trans-unit id="([^"]+)">(?:(?!<\/trans-unit>)[\s\S])*<\/trans-unit>/g)]
    .filter((m) => !m[0].includes('<target'))
    .map((m) => `${file}: ${m[1]}`);
});

if (stale.length || untranslated.length) {
  if (stale.length) console.error(`Generated files were stale (now regenerated; review and commit them):\n  ${stale.join('\n  ')}`);
  if (untranslated.length) console.error(`Messages without a translation:\n  ${untranslated.join('\n  ')}`);
  process.exit(1);
}
console.log(`generated files up to date (${after.size} files)`);
