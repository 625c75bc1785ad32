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

// ---- React 19 JSX types (src/jsx.ts, shipped as @tectra/billing-widgets/jsx) ----
// React 19 sets a prop as a property when the element has one (so `seats={3}` is a number),
// as an attribute otherwise (`refresh-interval="30"` is text), and listens to `on<event-name>`.
const source = (el) => el.module.replace(/^lib\//, './');
// An event class comes from src/events.ts when it is declared there, else from its element's module.
const shared = new Set([...readFileSync('src/events.ts', 'utf8').matchAll(/^export class (\w+)/gm)].map((m) => m[1]));
const eventsOf = (el) => [...new Set((el.events ?? []).map((e) => e.type?.text).filter(Boolean))];
const fromEvents = [...new Set(elements.flatMap(eventsOf))].filter((t) => shared.has(t)).sort();
const ownImports = (el) => [el.name, ...eventsOf(el).filter((t) => !shared.has(t))].join(', ');
const publicProperties = (el) =>
  (el.members ?? []).filter(
    (m) => m.kind === 'field' && !m.static && !m.readonly && m.description && (m.privacy ?? 'public') === 'public' && !(el.attributes ?? []).some((a) => a.fieldName === m.name),
  );
const oneLine = (text = '') => text.replace(/\s*\n\s*/g, ' ');
/** One member of a generated type, with its documentation, at `indent`. */
const member = (indent, description, declaration) => `${indent}/** ${oneLine(description)} */\n${indent}${declaration};`;
/** A property the element documents, typed as the element types it. */
const propertyMembers = (el, indent) => publicProperties(el).map((m) => member(indent, m.description, `${m.name}?: ${el.name}['${m.name}']`));
const propsOf = (el) =>
  [
    ...attributesOf(el).map((a) => member('    ', a.description, `'${a.name}'?: ${a.name === a.fieldName ? `${el.name}['${a.fieldName}']` : 'string'}`)),
    ...propertyMembers(el, '    '),
    ...(el.events ?? []).map((e) => member('    ', e.description ?? e.name, `'on${e.name}'?: (event: ${e.type?.text ?? 'Event'}) => void`)),
  ].join('\n');
/** The element classes and event classes that the generated types name. */
const typeImports = [
  ...elements.map((el) => `import type { ${ownImports(el)} } from '${source(el)}';`),
  `import type { ${fromEvents.join(', ')} } from './events.js';`,
].join('\n');
/** `'tag': Type<Element, …>` for every tag, one type argument per block. */
const tagEntries = (type, blocksOf) => elements.map((el) => `  '${el.tagName}': ${type}<\n    ${[el.name, ...blocksOf(el)].join(',\n    ')}\n  >;`).join('\n');
const jsx = `// Generated from custom-elements.json by scripts/editor-data.mjs: do not edit.
/**
 * @tectra/billing-widgets/jsx: the kit's tags in React 19 JSX, typed. Add
 * \`import type {} from '@tectra/billing-widgets/jsx';\` once; every tag then takes its
 * attributes and properties with their types, and \`on<event-name>\` listeners with the
 * event's class. A misspelt attribute is a type error (TypeScript does not check names
 * with a dash: \`on…\` props and dashed attributes are checked only when spelt right).
 */
import type { HTMLAttributes, ReactNode, RefAttributes } from 'react';
${typeImports}

/** What every kit tag takes besides its own props: React's HTML attributes, a ref, children. */
type TagProps<E extends HTMLElement, Own> = Own & Omit<HTMLAttributes<E>, keyof Own> & RefAttributes<E> & { children?: ReactNode; class?: string };

/** Each tag's own props. */
export interface TectraTagProps {
${tagEntries('TagProps', (el) => [`{\n${propsOf(el)}\n    }`])}
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends TectraTagProps {}
  }
}
`;
writeFileSync('src/jsx.ts', jsx);

// ---- Vue 3 template types (src/vue.ts, shipped as @tectra/billing-widgets/vue) ----
// vue-tsc checks a tag listed in GlobalComponents as a component: its `$props` (Vue sets a
// property when the element has one, an attribute otherwise) and its `$emit` (what
// `@tectra-tier-select="(e) => …"` hands the listener).
const vuePropsOf = (el) =>
  [
    ...attributesOf(el).map((a) => {
      if (a.name === a.fieldName) return member('      ', a.description, `'${a.name}'?: ${el.name}['${a.fieldName}']`);
      // vue-tsc camelizes a dashed attribute; Vue sets a bound value as the property and a
      // written one (text) as the attribute, which the element reads as a number.
      const text = /\bnumber\b/.test(a.type?.text ?? '') ? ` | \`\${number}\`` : '';
      return member('      ', a.description, `${a.fieldName}?: ${el.name}['${a.fieldName}']${text}`);
    }),
    ...propertyMembers(el, '      '),
  ].join('\n');
const vueEventsOf = (el) => (el.events ?? []).map((e) => member('      ', e.description ?? e.name, `'${e.name}': ${e.type?.text ?? 'Event'}`)).join('\n');
const vueBlock = (lines) => (lines ? `{\n${lines}\n    }` : 'Record<never, never>');
const vue = `// Generated from custom-elements.json by scripts/editor-data.mjs: do not edit.
/**
 * @tectra/billing-widgets/vue: the kit's tags in Vue 3 templates, typed for vue-tsc and
 * Volar. Add \`import type {} from '@tectra/billing-widgets/vue';\` once (or list it in
 * tsconfig's \`types\`); every tag then takes its attributes and properties with their types,
 * and \`@tectra-…\` listeners get the event's class. With \`vueCompilerOptions.strictTemplates\`
 * a misspelt attribute or event is a type error. Tell Vue the tags are custom elements
 * (\`compilerOptions.isCustomElement: (tag) => tag.startsWith('tectra-')\`).
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
${typeImports}

/** A kit element as Vue's tooling sees a component. \`$props\` and \`$emit\` exist for templates only. */
type VueTag<E extends HTMLElement, Props, Events extends Record<string, Event>> = new () => E & {
  /** @deprecated Types the template's attributes; an element has no \`$props\`. */
  $props: Props & Omit<HTMLAttributes, keyof Props> & PublicProps;
  /** @deprecated Types the template's listeners; an element has no \`$emit\`. */
  $emit: EmitFn<{ [K in keyof Events]: (event: Events[K]) => void }>;
};

/** Each tag as a Vue component type. */
export interface TectraVueTags {
${tagEntries('VueTag', (el) => [vueBlock(vuePropsOf(el)), vueBlock(vueEventsOf(el))])}
}

declare module 'vue' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalComponents extends TectraVueTags {}
}
`;
writeFileSync('src/vue.ts', vue);

// ---- Svelte 5 template types (src/svelte.ts, shipped as @tectra/billing-widgets/svelte) ----
// Svelte 5 sets a property when the element has one, an attribute otherwise, and listens to
// \`on<event-name>\`; svelte-check reads the tags from svelte/elements' SvelteHTMLElements.
const svelte = `// Generated from custom-elements.json by scripts/editor-data.mjs: do not edit.
/**
 * @tectra/billing-widgets/svelte: the kit's tags in Svelte 5 markup, typed for svelte-check
 * and the Svelte language server. Add \`import type {} from '@tectra/billing-widgets/svelte';\`
 * once (or list it in tsconfig's \`types\`); every tag then takes its attributes and
 * properties with their types, and \`ontectra-…\` listeners get the event's class. A misspelt
 * attribute or event is a type error.
 */
import type { HTMLAttributes } from 'svelte/elements';
${typeImports}

/** A tag's own attributes, properties and listeners, with Svelte's HTML attributes. */
type SvelteTag<E extends HTMLElement, Own> = Own & Omit<HTMLAttributes<E>, keyof Own>;

/** Each tag's attributes. */
export interface TectraSvelteTags {
${tagEntries('SvelteTag', (el) => [`{\n${propsOf(el)}\n    }`])}
}

declare module 'svelte/elements' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface SvelteHTMLElements extends TectraSvelteTags {}
}
`;
writeFileSync('src/svelte.ts', svelte);
