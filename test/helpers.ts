import { waitUntil as openWcWaitUntil } from '@open-wc/testing';
import { createHttpAdapter } from '../src/adapters/http.js';
import type { BillingSnapshot, DemoScenario } from '../src/adapters/memory/index.js';

export { memoryClient, NOW } from './memory-client.js';

/** A fresh session of the demo backend: its own simulator, reached over real HTTP. */
/** A session of the demo backend: an account of its own; `member` signs in a member who may only look. */
export function demoBackend(scenario: DemoScenario, role: 'owner' | 'member' = 'owner') {
  const session = `${role === 'member' ? 'member-' : ''}${crypto.randomUUID()}`;
  const baseUrl = `/demo-api/${scenario}/${session}`;
  return {
    baseUrl,
    adapter: (options: { timeoutMs?: number; retries?: number; locale?: string } = {}) =>
      createHttpAdapter({ baseUrl, retryDelayMs: 5, ...options }),
    /** Injects HTTP-level faults by route, e.g. `{ 'GET /catalog': { status: 500, times: 1 } }`. */
    async faults(faults: Record<string, Record<string, unknown>>) {
      const response = await fetch(`/demo-api/_control/${scenario}/${session}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ faults }),
      });
      if (!response.ok) throw new Error(`control failed: ${response.status}`);
    },
    /** Lets the requests held by a `hold: true` fault go on. */
    async release() {
      const response = await fetch(`/demo-api/_control/${scenario}/${session}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ release: true }),
      });
      if (!response.ok) throw new Error(`control failed: ${response.status}`);
    },
    /** What the backend holds now, and the adapter methods it ran, in order. */
    async state(): Promise<{ snapshot: BillingSnapshot; calls: string[] }> {
      const response = await fetch(`/demo-api/_control/${scenario}/${session}`);
      if (!response.ok) throw new Error(`control failed: ${response.status}`);
      return (await response.json()) as { snapshot: BillingSnapshot; calls: string[] };
    },
  };
}

/** The text a reader meets under a node, one space between text nodes. */
export function textOf(root: Node | null | undefined): string {
  if (!root) return '';
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest('style')) continue;
    parts.push(node.textContent ?? '');
  }
  return parts.join(' ').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The text of a subtree with every nested shadow root (a portal's elements, a story's
 * canvas): an element's shadow root first, then its light children (what its slots show).
 */
export function deepText(root: Node): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      if (!node.parentElement?.closest('style')) parts.push(node.textContent ?? '');
      return;
    }
    if (node instanceof Element && node.localName === 'style') return;
    const shadow = node instanceof Element ? node.shadowRoot : null;
    for (const child of shadow ? [shadow, ...node.childNodes] : node.childNodes) visit(child);
  };
  visit(root);
  return parts.join(' ').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The text of an element's shadow root. */
export function shadowText(el: Element): string {
  return textOf(el.shadowRoot);
}

/**
 * open-wc's `waitUntil` with a 5 s bound instead of 1 s: a condition that holds does so as soon
 * as it can, and the bound only says when to give up. On two busy cores (two copies of the
 * suite, the time-zone runs) an on-demand chunk can take more than a second to arrive.
 */
export function waitUntil(condition: () => unknown, message?: string, options: { interval?: number; timeout?: number } = {}): Promise<void> {
  return openWcWaitUntil(condition, message, { timeout: 5000, ...options });
}

export async function waitForText(el: Element, text: string | RegExp, timeout = 5000): Promise<void> {
  await openWcWaitUntil(
    () => (typeof text === 'string' ? shadowText(el).includes(text) : text.test(shadowText(el))),
    `expected "${String(text)}" in: ${shadowText(el).slice(0, 400)}`,
    { timeout },
  );
}

export function nextFrame(): Promise<void> {
  return new Promise((r) => requestAnimationFrame(() => r()));
}

// Note for assertions: compare booleans or strings, not DOM nodes. A failing
// `expect(node).to.equal(other)` makes the runner serialise the node graph, which can
// take the browser down instead of reporting the failure.

/** Counts an element's renders from now on (render is protected: patched through a cast). */
export function countRenders(el: Element): { readonly count: number; reset(): void } {
  const target = el as unknown as { render(): unknown };
  const original = target.render.bind(target);
  let count = 0;
  target.render = () => {
    count++;
    return original();
  };
  return {
    get count() {
      return count;
    },
    reset() {
      count = 0;
    },
  };
}

/**
 * Loads the modules the kit imports on demand (the checkout view, the card forms, the
 * confirm step, the virtualizer, validation, the tier change and the plan's lifecycle), so that on a cold test server, which
 * compiles each module on its first request, no test waits for that compilation.
 * Use it as `before(warmOnDemand)`.
 */
export async function warmOnDemand(this: Mocha.Context): Promise<void> {
  this.timeout(30_000);
  await Promise.all([
    import('../src/elements/payment-form/checkout-view.js'),
    import('../src/payments/provider.js'),
    import('../src/payments/test-provider.js'),
    import('../src/elements/tier-picker/change-flow.js'),
    import('../src/elements/tier-picker/seats.js'),
    import('../src/elements/invoice-list/invoice-table.js'),
    import('../src/core/validation.js'),
    import('../src/adapters/http-transport.js'),
    import('../src/adapters/memory/simulator.js'),
    import('../src/state/tier-change.js'),
    import('../src/state/checkout.js'),
    import('../src/state/plan-lifecycle.js'),
    import('../src/elements/billing-summary/plan-actions.js'),
    import('../src/elements/payment-methods/add-card.js'),
    import('../src/elements/usage-alerts/alerts-editor.js'),
    import('../src/elements/billing-details/details-view.js'),
  ]);
}

/**
 * Takes over `requestAnimationFrame` until `restore()`: callbacks wait for `frame()`, which
 * runs the ones queued so far, like one painted frame. Frame-throttled code can then be
 * tested by counting frames, without depending on how fast the machine paints.
 */
export function manualFrames(): { frame(): void; readonly pending: number; restore(): void } {
  const realRequest = window.requestAnimationFrame;
  const realCancel = window.cancelAnimationFrame;
  let queue = new Map<number, FrameRequestCallback>();
  let id = 0;
  window.requestAnimationFrame = (callback) => (queue.set(++id, callback), id);
  window.cancelAnimationFrame = (handle) => void queue.delete(handle);
  return {
    frame() {
      const due = queue;
      queue = new Map();
      const time = performance.now();
      for (const callback of due.values()) callback(time);
    },
    get pending() {
      return queue.size;
    },
    restore() {
      window.requestAnimationFrame = realRequest;
      window.cancelAnimationFrame = realCancel;
    },
  };
}

/**
 * The files a page offers to save (a download link's click), read back from their blob
 * instead of saved; `stop()` lets downloads through again.
 */
export function captureDownloads(): { files: Array<{ name: string; text: Promise<string> }>; stop(): void } {
  const files: Array<{ name: string; text: Promise<string> }> = [];
  const onClick = (event: Event) => {
    const link = event.target;
    if (link instanceof HTMLAnchorElement && link.download) {
      event.preventDefault();
      files.push({ name: link.download, text: fetch(link.href).then((r) => r.text()) });
    }
  };
  document.addEventListener('click', onClick, true);
  return { files, stop: () => document.removeEventListener('click', onClick, true) };
}
