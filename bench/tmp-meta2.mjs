import { build } from 'esbuild';
import { esbuildTemplates } from '../scripts/minify-templates.mjs';
const entry = process.argv[2];
const ext = { name: 'x', setup(b) { b.onResolve({ filter: /locales\/|memory\/|test-provider/ }, (a) => a.kind === 'dynamic-import' ? { path: a.path, external: true } : undefined); } };
const r = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', write: false, metafile: true, plugins: [ext, esbuildTemplates], logLevel: 'silent', define: { 'process.env.NODE_ENV': '"production"' }, splitting: true, outdir: '/tmp/o' });
for (const [o, v] of Object.entries(r.metafile.outputs)) { if (o.endsWith('.map')) continue; console.log('==', o, v.bytes);
for (const [f, x] of Object.entries(v.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)) if (!f.includes('node_modules/lit') && !f.includes('@lit/') && x.bytesInOutput > 150) console.log(String(x.bytesInOutput).padStart(7), f); }
