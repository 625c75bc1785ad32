// npm run bench: sizes and render timings in one go. Writes bench/results.json and
// bench/results.md, and puts the tables in the README (between the bench markers).
import { readFileSync, writeFileSync } from 'node:fs';
import { measureRender, renderTable } from './render.mjs';
import { measureSizes, table as sizeTable } from './size.mjs';

const sizes = await measureSizes();
const render = await measureRender({ runs: 25 });
const when = new Date().toISOString();
const markdown = `Measured ${when.slice(0, 10)} with \`npm run build && npm run bench\` (headless Chromium ${'\u2014'} medians of 25 runs after 3 warm-up runs, data already loaded).\n\n${sizeTable(sizes)}\n\n${renderTable(render)}\n`;
writeFileSync('bench/results.json', `${JSON.stringify({ measuredAt: when, sizes, render }, null, 2)}\n`);
writeFileSync('bench/results.md', markdown);
const readme = readFileSync('README.md', 'utf8');
writeFileSync('README.md', readme.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, `<!-- bench:start -->\n${markdown}<!-- bench:end -->`));
console.log(markdown);
