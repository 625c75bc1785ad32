// Editor metadata from custom-elements.json: vscode.html-custom-data.json (VS Code's
// `html.customData`) and web-types.json (JetBrains IDEs, found through package.json's
// "web-types"). Tags, their documented attributes with their values, events, slots, parts
// and tokens. Run by `npm run analyze` and checked by scripts/check-generated.mjs.
import { readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const elements = manifest.modules
  .flatMap((mod) => (mod.declarations ?? []).map((d) => ({ ...d, module: mod.path })))
  .filter((d) => d.customElement && d.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));

/** Only what is documented is public: an attribute without a description is the element's own state. */
const attributesOf = (el) => (el.attributes ?? []).filter((a) => a.description && !/^new /.test(a.default ?? ''));
/** The values of a union of string literals (`'month' | 'year'`), for completion. */
const valuesOf = (type = '') => [...type.matchAll(/'([^']+)'/g)].map((m) => m[1]);
const home = pkg.homepage ?? (typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url);
const docs = (el) => (home ? `${home.replace(/^git\+|\.git$/g, '')}#${el.tagName}` : undefined);

const vscode = {
  $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
  version: 1.1,
  tags: elements.map((el) => ({
    name: el.tagName,
    description: [el.summary, ...(el.events ?? []).map((e) => `@fires ${e.name}: ${e.description ?? ''}`)].filter(Boolean).join('\n\n'),
    attributes: attributesOf(el).map((a) => ({
      name: a.name,
      description: a.description,
      ...(valuesOf(a.type?.text).length ? { values: valuesOf(a.type?.text).map((name) => ({ name })) } : {}),
    })),
    ...(docs(el) ? { references: [{ name: 'README', url: docs(el) }] } : {}),
  })),
};

const webTypes = {
  $schema: 'https://json.schemastore.org/web-types',
  name: pkg.name,
  version: pkg.version,
  'description-markup': 'markdown',
  contributions: {
    html: {
      elements: elements.map((el) => ({
        name: el.tagName,
        description: el.summary ?? '',
        ...(docs(el) ? { 'doc-url': docs(el) } : {}),
        source: { module: `${pkg.name}/define/${el.tagName.replace(/^tectra-/, '')}.js`, symbol: el.name },
        attributes: attributesOf(el).map((a) => ({
          name: a.name,
          description: a.description,
          value: { type: a.type?.text ?? 'string', ...(a.default ? { default: a.default } : {}) },
        })),
        events: (el.events ?? []).map((e) => ({ name: e.name, description: e.description ?? '', ...(e.type ? { type: e.type.text } : {}) })),
        slots: (el.slots ?? []).map((s) => ({ name: s.name, description: s.description ?? '' })),
        css: {
          parts: (el.cssParts ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
          properties: (el.cssProperties ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
        },
      })),
    },
  },
};

writeFileSync('vscode.html-custom-data.json', `${JSON.stringify(vscode, null, 2)}\n`);
writeFileSync('web-types.json', `${JSON.stringify(webTypes, null, 2)}\n`);
console.log(`editor data: ${elements.length} tags (vscode.html-custom-data.json, web-types.json)`);
