// Minifies the HTML and CSS inside Lit `html` and `css` template literals (JavaScript
// minifiers leave template text alone). Shared by the script-tag build
// (vite.config.ts), the npm build (scripts/build.mjs), the size measurement
// (bench/size.mjs) and the browser tests (web-test-runner.config.mjs), so the tests
// exercise the same markup that ships.
import { minifyHTMLLiterals } from '@literals/html-css-minifier';
import { readFileSync } from 'node:fs';

/** Returns the source with its html`` and css`` templates minified (unchanged when it has none). */
export async function minifyTemplates(code, fileName) {
  if (!/\b(?:html|css)`/.test(code)) return code;
  const result = await minifyHTMLLiterals(code, { fileName });
  return result ? result.code : code;
}

/** An esbuild plugin that minifies the templates of the kit's sources as they are loaded. */
export const esbuildTemplates = {
  name: 'tectra-minify-templates',
  setup(build) {
    build.onLoad({ filter: /src\/.*\.ts$/ }, async (args) => ({
      contents: await minifyTemplates(readFileSync(args.path, 'utf8'), args.path),
      loader: 'ts',
    }));
  },
};
