import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const r = await build({ entryPoints: [process.argv[2]], bundle: true, minify: true, format: 'esm', write: false, metafile: true, define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'silent',
  plugins: [{ name: 'x', setup(b) { b.onResolve({ filter: /adapters\/memory\/index\.js$|generated\/locales\// }, (a) => a.kind === 'dynamic-import' ? { path: a.path, external: true } : undefined); } }] });
const out = Object.values(r.metafile.outputs)[0];
const by = {};
for (const [f, v] of Object.entries(out.inputs)) { const k = f.includes('node_modules') ? f.split('node_modules/')[1].split('/').slice(0, f.split('node_modules/')[1].startsWith('@') ? 2 : 1).join('/') : f; by[k] = (by[k] || 0) + v.bytesInOutput; }
console.log('total gzip', (gzipSync(r.outputFiles[0].contents,{level:9}).length/1024).toFixed(2));
console.log(Object.entries(by).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${(v / 1024).toFixed(1)}KB ${k}`).join('\n'));
