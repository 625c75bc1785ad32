// Compiles the TypeScript demo backend for Node (no TypeScript loader on Node 20) and
// loads it. Used by vite.config.ts (npm start) and web-test-runner.config.mjs (tests).
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export async function loadDemoApi() {
  const outfile = resolve(here, '../../node_modules/.cache/tectra/demo-api.mjs');
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [resolve(here, 'api.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Loaded from node_modules when the opt-in Stripe mode asks for it, never bundled.
    external: ['stripe'],
    outfile,
    logLevel: 'warning',
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}
