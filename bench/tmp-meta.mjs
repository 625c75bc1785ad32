import { build } from 'esbuild';
import { esbuildTemplates } from '../scripts/minify-templates.mjs';
const ext = { name: 'x', setup(b) { b.onResolve({ filter: /.*/ }, (a) => a.kind === 'dynamic-import' ? { path: a.path, external: true } : undefined); } };
const r = await build({ entryPoints: ['src/index.ts'], bundle: true, minify: true, format: 'esm', write: false, metafile: true, plugins: [ext, esbuildTemplates], logLevel: 'silent', define: { 'process.env.NODE_ENV': '"production"' } });
const ins = Object.entries(r.metafile.outputs)[0][1].inputs;
const rows = Object.entries(ins).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput);
let dirs = {};
for (const [f, v] of rows) { const d = f.replace(/\/[^/]+$/, ''); dirs[d] = (dirs[d] || 0) + v.bytesInOutput; }
for (const [f, v] of rows.slice(0, 45)) console.log(String(v.bytesInOutput).padStart(7), f);
console.log('---');
for (const [d, v] of Object.entries(dirs).sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(String(v).padStart(7), d);
