// npm run build: the npm build (lib/: per-module ESM with types, dependencies external,
// one define module per element) and the self-contained dist/tectra-billing.js.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minifyTemplates } from './minify-templates.mjs';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

rmSync('lib', { recursive: true, force: true });
run('node_modules/.bin/tsc', ['-p', 'tsconfig.build.json']);
// Bundlers minify the JavaScript of lib/ for users, not the markup inside html`` and css``.
for (const entry of readdirSync('lib', { recursive: true })) {
  const file = join('lib', String(entry));
  if (!file.endsWith('.js')) continue;
  const source = readFileSync(file, 'utf8');
  const minified = await minifyTemplates(source, file);
  if (minified !== source) writeFileSync(file, minified);
}
run('node_modules/.bin/vite', ['build', '--config', 'vite.config.ts', '--logLevel', 'warn']);
console.log('built lib/ (npm) and dist/tectra-billing.js (script tag)');
