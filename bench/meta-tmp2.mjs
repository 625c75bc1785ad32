import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { minifyCssTemplates } from '../scripts/minify-css-templates.mjs';
const r = await build({ entryPoints: [process.argv[2]], bundle: true, minify: true, format: 'esm', write: false, metafile: true, define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'silent',
  plugins: [{ name: 'x', setup(b) { b.onResolve({ filter: /.*/ }, (a) => a.kind === 'dynamic-import' ? { path: a.path, external: true } : undefined); b.onLoad({ filter: /src\/.*\.ts$/ }, (a) => ({ contents: minifyCssTemplates(readFileSync(a.path, 'utf8')), loader: 'ts' })); } }] });
const out = Object.values(r.metafile.outputs)[0];
for (const [f, v] of Object.entries(out.inputs).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput).slice(0, 25)) console.log((v.bytesInOutput/1024).toFixed(2), f);
