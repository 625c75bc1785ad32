/**
 * Registers a tag, tolerating a second registration (the kit loaded twice, or by two
 * bundles): it warns and keeps the first definition instead of throwing.
 */
export function define(tag: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== constructor) {
      console.warn(`[tectra] <${tag}> is already defined; this copy of the kit is not registered again.`);
    }
    return;
  }
  customElements.define(tag, constructor);
}
