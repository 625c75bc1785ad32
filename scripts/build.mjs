// npm run build: the npm build (lib/: per-module ESM with types, dependencies external,
// one define module per element) and the self-contained dist/tectra-billing.js.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

rmSync('lib', { recursive: true, force: true });
run('node_modules/.bin/tsc', ['-p', 'tsconfig.build.json']);
run('node_modules/.bin/vite', ['build', '--config', 'vite.config.ts', '--logLevel', 'warn']);
console.log('built lib/ (npm) and dist/tectra-billing.js (script tag)');
