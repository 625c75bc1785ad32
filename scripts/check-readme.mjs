// Keeps the README honest, as part of `npm test`:
// - the theming tables (every --tectra-* token and ::part) are generated from
//   custom-elements.json between <!-- theming:start --> and <!-- theming:end -->; a stale
//   table is rewritten and fails the check, like the other generated files;
// - every snippet (HTML, Vue, Angular, Svelte, CSS, TypeScript) may only use tags,
//   attributes, properties, events, parts and tokens that the manifest documents;
// - TypeScript snippets that need no other framework are type-checked against src/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const README = 'README.md';
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const elements = new Map();
for (const mod of manifest.modules) {
  for (const d of mod.declarations ?? []) {
    if (!d.tagName) continue;
    elements.set(d.tagName, {
      attributes: new Set((d.attributes ?? []).map((a) => a.name)),
      properties: new Set((d.members ?? []).filter((m) => m.kind === 'field' && m.privacy !== 'private').map((m) => m.name)),
      events: new Set((d.events ?? []).map((e) => e.name)),
      parts: new Map((d.cssParts ?? []).map((p) => [p.name, p.description ?? ''])),
      tokens: new Map((d.cssProperties ?? []).map((p) => [p.name, p.description ?? ''])),
    });
  }
}
const allEvents = new Set([...elements.values()].flatMap((e) => [...e.events]));
const allTokens = new Map([...elements.values()].flatMap((e) => [...e.tokens]));

// ---- the generated theming tables ----
const cell = (text) => text.replaceAll('|', '\\|');
function themingTables() {
  const tokenRows = [...allTokens].map(([name, description]) => {
    const on = [...elements].filter(([, e]) => e.tokens.has(name)).map(([tag]) => tag);
    const where = on.length === [...elements.values()].filter((e) => e.tokens.size).length ? 'every element' : on.map((t) => `\`${t}\``).join(', ');
    return `| \`${name}\` | ${cell(description)} | ${where} |`;
  });
  const partRows = [...elements]
    .filter(([, e]) => e.parts.size)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([tag, e]) => `| \`${tag}\` | ${[...e.parts].map(([name, description]) => `\`${name}\` (${cell(description.replace(/\.$/, ''))})`).join('; ')} |`);
  return [
    '| token | what it colors or sizes | on |',
    '| --- | --- | --- |',
    ...tokenRows,
    '',
    '| element | parts (`tectra-…::part(name)`) |',
    '| --- | --- |',
    ...partRows,
  ].join('\n');
}

const original = readFileSync(README, 'utf8');
const generated = original.replace(
  /(<!-- theming:start -->\n)[\s\S]*?(<!-- theming:end -->)/,
  (_, start, end) => `${start}${themingTables()}\n${end}`,
);
const problems = [];
if (generated !== original) {
  writeFileSync(README, generated);
  problems.push('the theming tables were stale (now regenerated; review and commit README.md)');
}

// ---- snippets ----
const blocks = [...generated.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map(([, lang, code], i) => ({ lang, code, n: i + 1 }));

/** The attributes of each `<tectra-…>` start tag, with quoted, braced and bare values skipped. */
function* startTags(code) {
  for (const match of code.matchAll(/<(tectra-[a-z-]+)/g)) {
    let i = match.index + match[0].length;
    const attributes = [];
    while (i < code.length) {
      while (/\s/.test(code[i])) i++;
      if (code[i] === '>' || code.startsWith('/>', i)) break;
      const name = /^[^\s=>/]+/.exec(code.slice(i))?.[0];
      if (!name) break;
      attributes.push(name);
      i += name.length;
      if (code[i] !== '=') continue;
      i++;
      const open = code[i];
      if (open === '"' || open === "'") i = code.indexOf(open, i + 1) + 1;
      else if (open === '{') {
        for (let depth = 0; i < code.length; i++) {
          if (code[i] === '{') depth++;
          else if (code[i] === '}' && --depth === 0) break;
        }
        i++;
      } else while (i < code.length && !/[\s>]/.test(code[i])) i++;
    }
    yield { tag: match[1], attributes };
  }
}

const GLOBAL_ATTRIBUTES = new Set(['id', 'class', 'slot', 'dir', 'lang', 'hidden', 'title']);
const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

for (const { code, n } of blocks) {
  const where = `README snippet ${n}`;
  for (const { tag, attributes } of startTags(code)) {
    const element = elements.get(tag);
    if (!element) {
      problems.push(`${where}: <${tag}> is not an element of the kit`);
      continue;
    }
    for (const raw of attributes) {
      // Event bindings: Vue @x / v-on:x, Angular (x), Svelte 4 on:x, Svelte 5 onx.
      const event = /^(?:@|v-on:|on:)([a-z-]+)$/.exec(raw)?.[1] ?? /^\(([a-z-]+)\)$/.exec(raw)?.[1] ?? /^on(tectra-[a-z-]+)$/.exec(raw)?.[1];
      if (event) {
        if (!element.events.has(event)) problems.push(`${where}: <${tag}> fires no "${event}"`);
        continue;
      }
      // Property bindings: Lit .x, Vue :x / v-bind:x, Angular [x].
      const property = /^(?:\.|:|v-bind:)([a-zA-Z-]+)$/.exec(raw)?.[1] ?? /^\[([a-zA-Z]+)\]$/.exec(raw)?.[1];
      if (property) {
        if (!element.properties.has(camel(property)) && !element.attributes.has(property)) problems.push(`${where}: <${tag}> has no property "${property}"`);
        continue;
      }
      if (!element.attributes.has(raw) && !element.properties.has(raw) && !GLOBAL_ATTRIBUTES.has(raw)) {
        problems.push(`${where}: <${tag}> has no attribute "${raw}"`);
      }
    }
  }
  for (const [, tag, part] of code.matchAll(/(tectra-[a-z-]+)::part\(([a-z-]+)\)/g)) {
    if (!elements.get(tag)?.parts.has(part)) problems.push(`${where}: <${tag}> has no part "${part}"`);
  }
  for (const [, event] of code.matchAll(/addEventListener\(\s*'(tectra-[a-z-]+)'/g)) {
    if (!allEvents.has(event)) problems.push(`${where}: no element fires "${event}"`);
  }
}
// Tokens and event names anywhere in the README, prose included.
for (const [token] of generated.matchAll(/--tectra-[a-z0-9-]+/g)) {
  if (!allTokens.has(token)) problems.push(`README: ${token} is not a documented token`);
}
// The demo's themes use documented tokens only.
for (const [token] of readFileSync('demo/demo.css', 'utf8').matchAll(/--tectra-[a-z0-9-]+/g)) {
  if (!allTokens.has(token)) problems.push(`demo/demo.css: ${token} is not a documented token`);
}
for (const [event] of generated.matchAll(/`(tectra-[a-z]+(?:-[a-z]+)*)`/g)) {
  const name = event.slice(1, -1);
  if (!elements.has(name) && !allEvents.has(name)) problems.push(`README: \`${name}\` is neither an element nor an event`);
}

// ---- type-check the TypeScript snippets against the sources ----
const checkable = blocks.filter(
  ({ lang, code }) =>
    (lang === 'ts' || lang === 'tsx') &&
    [...code.matchAll(/from '([^']+)'/g)].every(([, from]) => /^(@tectra\/billing-widgets|react|@lit\/localize|stripe|pg|\.\/)/.test(from)),
);
const dir = '.cache/readme-snippets';
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
// What the snippets leave to the reader's app.
writeFileSync(
  join(dir, 'app.d.ts'),
  `type Adapter = import('../../src/adapters/types.js').BillingAdapter;
declare function token(): string;
declare function track(selection: unknown): void;
declare function navigate(path: string): void;
declare function sessionAccount(request: Request): Promise<string | null>;
${['getCatalog', 'getSubscription', 'getUsage', 'listInvoices', 'listPaymentMethods', 'validateCoupon', 'previewChange', 'createSetupIntent', 'activate', 'changeTier', 'setDefaultPaymentMethod', 'removePaymentMethod', 'setUsageAlerts', 'cancelSubscription', 'resumeSubscription', 'cancelScheduledChange', 'payInvoice'].map((m) => `declare const ${m}: Adapter['${m}'];`).join('\n')}
declare module './locales/*' { export const templates: Record<string, string>; }
declare module 'pg' { const pg: { Pool: new (options: { connectionString?: string }) => import('../../src/server/postgres-store.js').SqlClient }; export default pg; }
`,
);
for (const { lang, code, n } of checkable) writeFileSync(join(dir, `snippet-${n}.${lang}`), `${code}\nexport {};\n`);
writeFileSync(
  join(dir, 'tsconfig.json'),
  JSON.stringify({
    extends: '../../tsconfig.json',
    compilerOptions: {
      rootDir: '../..',
      noEmit: true,
      jsx: 'react-jsx',
      types: [],
      noUnusedLocals: false,
      paths: {
        '@tectra/billing-widgets': ['../../src/index.ts'],
        '@tectra/billing-widgets/react': ['../../src/react/index.ts'],
        '@tectra/billing-widgets/define/*': ['../../src/define/*'],
        '@tectra/billing-widgets/server': ['../../src/server/index.ts'],
        '@tectra/billing-widgets/client': ['../../src/client.ts'],
        '@tectra/billing-widgets/jsx': ['../../src/jsx.ts'],
      },
    },
    include: ['*.ts', '*.tsx'],
  }),
);
try {
  execFileSync('node_modules/.bin/tsc', ['-p', join(dir, 'tsconfig.json')], { stdio: 'pipe' });
} catch (error) {
  problems.push(`TypeScript snippets do not compile:\n${String(error.stdout)}`);
}

if (problems.length) {
  console.error(`README check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`README: ${blocks.length} snippets checked against the manifest, ${checkable.length} type-checked; theming tables current (${allTokens.size} tokens, ${[...elements.values()].reduce((s, e) => s + e.parts.size, 0)} parts)`);
