/**
 * After the next render, focuses the first of `selectors` found in the element's shadow
 * root: where the next step is after an action (the item that took a removed one's place,
 * the one before it, else the form).
 */
export function focusFirst(element: HTMLElement & { readonly updateComplete: Promise<boolean> }, ...selectors: string[]): void {
  void element.updateComplete.then(() => selectors.map((q) => element.shadowRoot?.querySelector<HTMLElement>(q)).find(Boolean)?.focus());
}
