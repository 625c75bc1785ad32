/**
 * Registers a tag, tolerating a second registration (the kit loaded twice, or by two
 * bundles): it warns and keeps the first definition instead of throwing.
 */
export function define(tag: string, constructor: CustomElementConstructor): void {
  // Absent in Node without a DOM (the script-tag bundle imported on a server): nothing to register.
  const registry = globalThis.customElements;
  const existing = registry?.get(tag);
  if (!existing) registry?.define(tag, constructor);
  // Only a page hears of a second copy: a server framework evaluates the kit once per module
  // graph (Next.js: server components and SSR), each time into Lit's one server registry.
  else if (existing !== constructor && globalThis.document) {
    console.warn(`[tectra] <${tag}> is defined by another copy of the kit.`);
  }
}
