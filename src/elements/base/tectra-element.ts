import { ContextConsumer, ContextRoot } from '@lit/context';
import { updateWhenLocaleChanges } from '@lit/localize';
import { isServer, LitElement, type PropertyValues } from 'lit';
import type { ReadableAtom } from 'nanostores';
import type { BillingError } from '../../core/errors.js';
import { TectraErrorEvent } from '../../events.js';
import { $locale, ensureLocalization, isRtlLocale } from '../../i18n/localization.js';
import type { BillingClient } from '../../state/client.js';
import { billingClientContext } from '../../state/context.js';
import { $defaultBillingClient } from '../../state/default-client.js';
import { StoreController, type StoreControllerOptions } from '../../state/store-controller.js';
import { shared } from '../../styles/shared.js';

let contextRootAttached = false;

/** Lets consumers find a provider that is defined or connected after them. */
function attachContextRoot(): void {
  if (contextRootAttached) return;
  contextRootAttached = true;
  new ContextRoot().attach(document.documentElement);
}

/**
 * Base of every kit element: finds the billing client (the nearest
 * `<tectra-billing-provider>`, else the default client), binds the stores an element
 * reads to it, and re-renders on locale changes.
 *
 * The design tokens below apply to every element (each has a fallback; colors follow the
 * inherited `color-scheme` through `light-dark()`).
 *
 * @cssprop --tectra-font-family - Font (default the system UI font).
 * @cssprop --tectra-font-size - Base font size (default 0.9375rem).
 * @cssprop --tectra-color-text - Text (default #1b1e27 light, #eef0f5 dark).
 * @cssprop --tectra-color-text-muted - Secondary text (default #545a69 light, #a9b0bf dark).
 * @cssprop --tectra-color-surface - Card background (default #ffffff light, #16181f dark).
 * @cssprop --tectra-color-surface-raised - Raised areas: headers, selected rows, skeleton backgrounds (default #f5f6f9 light, #20232c dark).
 * @cssprop --tectra-color-border - Borders (default #d5d8e0 light, #383c48 dark).
 * @cssprop --tectra-color-accent - Buttons, links and the selected tier (default #4338ca light, #a5b4fc dark).
 * @cssprop --tectra-color-on-accent - Text on the accent color (default #ffffff light, #14161d dark).
 * @cssprop --tectra-color-success - Success text and icons (default #166534 light, #86efac dark).
 * @cssprop --tectra-color-success-surface - Success banners (default #ecfdf3 light, #0f2a1b dark).
 * @cssprop --tectra-color-warning - Warnings: usage near a limit, expiring cards (default #8a4b00 light, #fcd34d dark).
 * @cssprop --tectra-color-warning-surface - Warning banners (default #fff8e6 light, #2e2410 dark).
 * @cssprop --tectra-color-danger - Errors, over-limit usage, past due (default #b42318 light, #fca5a5 dark).
 * @cssprop --tectra-color-danger-surface - Error banners (default #fef1f0 light, #331416 dark).
 * @cssprop --tectra-color-info - Information: trials, scheduled changes, badges (default: the accent color, so a brand color carries into them).
 * @cssprop --tectra-color-info-surface - Information banners and badges (default: the info color at 9% over the surface).
 * @cssprop --tectra-color-focus - Focus ring (default #2563eb light, #93c5fd dark).
 * @cssprop --tectra-color-skeleton - Loading placeholders (default #e7e9ef light, #2a2e39 dark).
 * @cssprop --tectra-radius - Corner radius of cards and buttons (default 0.625rem).
 * @cssprop --tectra-radius-small - Corner radius of badges, inputs, banners, meters and the month / year toggle (default 0.375rem).
 * @cssprop --tectra-space - Base spacing unit (default 1rem).
 */
export class TectraElement extends LitElement {
  static override styles = shared;

  /** The client this element renders; resolved before each update. */
  protected client: BillingClient | undefined;

  readonly #selections: Array<{ controller: StoreController<unknown>; select: (c: BillingClient) => ReadableAtom<unknown> }> = [];
  readonly #contextClient = new ContextConsumer(this, { context: billingClientContext, subscribe: true });
  readonly #defaultClient = new StoreController(this, $defaultBillingClient);
  readonly #localeStore = new StoreController(this, $locale);

  constructor() {
    super();
    // A server render (Lit SSR) has no window to listen on; the page's copy follows the locale.
    if (isServer) return;
    ensureLocalization();
    attachContextRoot();
    updateWhenLocaleChanges(this);
  }

  /** The BCP 47 locale that numbers, money and dates are formatted in. */
  protected get intlLocale(): string {
    return this.#localeStore.value ?? 'en';
  }

  /** Reads a client store: the element re-renders when it changes, whichever client is active. */
  protected select<T>(select: (client: BillingClient) => ReadableAtom<T>, options?: StoreControllerOptions): StoreController<T> {
    const controller = new StoreController<T>(this, undefined, options);
    this.#selections.push({ controller: controller as StoreController<unknown>, select });
    return controller;
  }

  /** Whether this element set its own `dir` (from an RTL locale), as opposed to the page. */
  #autoDir = false;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // An RTL locale lays the element out right to left, unless the page set a direction on it.
    const rtl = isRtlLocale(this.intlLocale);
    if (rtl && !this.hasAttribute('dir')) {
      this.dir = 'rtl';
      this.#autoDir = true;
    } else if (!rtl && this.#autoDir) {
      this.removeAttribute('dir');
      this.#autoDir = false;
    }
    const next = this.ownClient() ?? this.#contextClient.value ?? this.#defaultClient.value;
    if (next !== this.client) {
      this.client = next;
      for (const { controller, select } of this.#selections) controller.bind(next ? select(next) : undefined);
      this.clientChanged(next);
    }
  }

  /** A client of the element's own (the portal's `api` / `demo`), which wins over the provider's. */
  protected ownClient(): BillingClient | undefined {
    return undefined;
  }

  /** Hook for subclasses that hold per-client state. */
  protected clientChanged(_client: BillingClient | undefined): void {}

  /** Reports a failed operation to the page. */
  protected reportError(error: BillingError, operation: string): void {
    this.dispatchEvent(new TectraErrorEvent({ error, operation }));
  }
}
