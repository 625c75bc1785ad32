// Minifies the CSS inside Lit `css` tagged templates (esbuild and Vite minify the JS
// around them, not the CSS text). Only templates without `${}` are touched. Shared by
// the script-tag build (vite.config.ts), the npm build (scripts/build.mjs) and the
// size measurement (bench/size.mjs), so the measured bytes are the shipped bytes.

/** Collapses a CSS text: comments, runs of white space, spaces around { } ; , and after `:` in declarations. */
export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/;}/g, '}')
    .replace(/([{;]-{0,2}[a-zA-Z][\w-]*)\s*:\s*/g, '$1:')
    .trim();
}

const CSS_TEMPLATE = /\bcss`((?:[^`\\$]|\\.|\$(?!\{))*)`/g;

/** Rewrites every interpolation-free css`` template in a module's source. */
export function minifyCssTemplates(source) {
  return source.replace(CSS_TEMPLATE, (_, body) => `css\`${minifyCss(body)}\``);
}
