// npm run bench: sizes and render timings in one go. Writes bench/results.json and
// bench/results.md, and puts the tables in the README (between the bench markers).
import { readFileSync, writeFileSync } from 'node:fs';
import { measureRender, renderTable } from './render.mjs';
import { measureServer, serverTable } from './server.mjs';
import { measureSizes, table as sizeTable } from './size.mjs';

const started = Date.now();
const sizes = await measureSizes();
const render = await measureRender({ runs: 25 });
const server = await measureServer();
const when = new Date().toISOString();
const markdown = `Measured ${when.slice(0, 10)} with \`npm run build && npm run bench\` in ${((Date.now() - started) / 1000).toFixed(0)} s: sizes with esbuild (min, gzip -9, brotli 11) and dist/ as built; speed in headless Chromium against dist/, medians and p25–p75 of 25 samples (20 for usage updates and mount cycles) after warm-up runs, each beside its baseline in the same run: the element's *twin* (a plain Lit element rendering the markup and styles the element rendered, captured from it, with no stores, context or logic) or a plain Lit element.\n\n${sizeTable(sizes)}\n\n${renderTable(render)}\n\n${serverTable(server)}\n`;
writeFileSync('bench/results.json', `${JSON.stringify({ measuredAt: when, sizes, render, server }, null, 2)}\n`);
writeFileSync('bench/results.md', markdown);
const readme = readFileSync('README.md', 'utf8');
writeFileSync('README.md', readme.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, `<!-- bench:start -->\n${markdown}<!-- bench:end -->`));
console.log(markdown);
