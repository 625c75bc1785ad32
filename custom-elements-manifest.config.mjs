// Reads the elements' JSDoc (@summary @slot @csspart @cssprop @fires) into custom-elements.json.
import { readFileSync } from 'node:fs';

// The design tokens every element inherits, documented once on the base class (which the
// analyzer does not list as an element, and whose @cssprop tags it does not inherit).
const baseTokens = [
  ...readFileSync('src/elements/base/tectra-element.ts', 'utf8').matchAll(/@cssprop (--[a-z0-9-]+) - (.+)/g),
].map(([, name, description]) => ({ description, name }));

export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/elements/base/**'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // Events dispatched as typed Event subclasses are documented by @fires; the
      // analyzer's guess from `dispatchEvent(new X())` has no name and is dropped.
      name: 'tectra-drop-unnamed-events',
      packageLinkPhase({ customElementsManifest }) {
        // The analyzer reads files in parallel: sort, so the manifest is the same on every run.
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
        // Paths name what the package ships (lib/*.js), not the sources it does not.
        const shipped = (path) => path.replace(/^src\//, 'lib/').replace(/\.ts$/, '.js');
        for (const mod of customElementsManifest.modules) {
          mod.path = shipped(mod.path);
          for (const exp of mod.exports ?? []) if (exp.declaration?.module) exp.declaration.module = shipped(exp.declaration.module);
          for (const declaration of mod.declarations ?? []) {
            if (declaration.superclass?.module) declaration.superclass.module = shipped(declaration.superclass.module);
            for (const member of declaration.members ?? []) if (member.inheritedFrom?.module) member.inheritedFrom.module = shipped(member.inheritedFrom.module);
          }
        }
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((e) => e.name);
            // Nothing private in the manifest: private members (state: true) are not attributes either.
            const hidden = new Set((declaration.members ?? []).filter((m) => m.privacy === 'private' || m.privacy === 'protected' || m.name?.startsWith('#')).map((m) => m.name));
            if (declaration.members) declaration.members = declaration.members.filter((m) => !hidden.has(m.name));
            if (declaration.attributes) declaration.attributes = declaration.attributes.filter((a) => !hidden.has(a.fieldName));
            if (declaration.tagName && declaration.superclass?.name === 'TectraElement') {
              declaration.cssProperties = [...baseTokens, ...(declaration.cssProperties ?? [])];
            }
          }
        }
      },
    },
  ],
};
