/**
 * Elements that `@tectra/billing-widgets` (and `dist/tectra-billing.js`) register when a page
 * first uses them (billing details, credits, the upgrade prompt, spend caps, usage by member), so that a page pays for them only then: their define module loads when the
 * tag appears in the document, when the portal shows their section, or, at the latest, once
 * the page is idle (so `customElements.whenDefined()` resolves wherever the tag is placed,
 * a shadow root included). Each is registered at once by its own define module too.
 */
const LOADERS: Record<string, () => Promise<unknown>> = {
  'tectra-billing-details': () => import('./billing-details.js'),
  'tectra-credits': () => import('./credits.js'),
  'tectra-upgrade-prompt': () => import('./upgrade-prompt.js'),
  'tectra-spend-caps': () => import('./spend-caps.js'),
  'tectra-member-usage': () => import('./member-usage.js'),
};

const loading = new Map<string, Promise<unknown>>();

/** Loads and registers an element of the list above; a failed load is tried again next time. */
export function loadElement(tag: string): Promise<unknown> {
  const load = LOADERS[tag];
  if (!load) return Promise.resolve();
  let pending = loading.get(tag);
  if (!pending) {
    pending = load().catch((error: unknown) => {
      loading.delete(tag);
      throw error;
    });
    loading.set(tag, pending);
  }
  return pending;
}

/** Loads every element of the list (for `preloadBillingViews()` and the idle moment). */
export const loadElements = (): Promise<unknown> => Promise.all(Object.keys(LOADERS).map(loadElement));

/** Watches the document for the tags above; in Node there is no document and nothing to do. */
export function registerWhenUsed(): void {
  const doc = globalThis.document;
  if (!doc || typeof MutationObserver === 'undefined') return;
  const selector = Object.keys(LOADERS).join();
  const scan = (root: ParentNode): void => {
    for (const element of root.querySelectorAll(selector)) void loadElement(element.localName).catch(() => undefined);
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element) {
          if (node.matches(selector)) void loadElement(node.localName).catch(() => undefined);
          scan(node);
        }
      }
    }
  });
  observer.observe(doc, { childList: true, subtree: true });
  scan(doc);
  const all = (): void => void loadElements().then(() => observer.disconnect(), () => undefined);
  if ('requestIdleCallback' in globalThis) requestIdleCallback(all, { timeout: 3000 });
  else setTimeout(all, 1000);
}
