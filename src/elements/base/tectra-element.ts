import { ContextConsumer, ContextRoot } from '@lit/context';
import { updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, type PropertyValues } from 'lit';
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
  if (contextRootAttached || typeof document === 'undefined') return;
  contextRootAttached = true;
  new ContextRoot().attach(document.documentElement);
}

/**
 * Base of every kit element: finds the billing client (the nearest
 * `<tectra-billing-provider>`, else the default client), binds the stores an element
 * reads to it, and re-renders on locale changes.
 */
export class TectraElement extends LitElement {
  static override styles = shared;

  /** The client this element renders; resolved before each update. */
  protected client: BillingClient | undefined;

  private readonly selections: Array<{ controller: StoreController<unknown>; select: (c: BillingClient) => ReadableAtom<unknown> }> = [];
  private readonly contextClient = new ContextConsumer(this, { context: billingClientContext, subscribe: true });
  private readonly defaultClient = new StoreController(this, $defaultBillingClient);
  private readonly localeStore = new StoreController(this, $locale);

  constructor() {
    super();
    ensureLocalization();
    attachContextRoot();
    updateWhenLocaleChanges(this);
  }

  /** The BCP 47 locale that numbers, money and dates are formatted in. */
  protected get intlLocale(): string {
    return this.localeStore.value ?? 'en';
  }

  /** Reads a client store: the element re-renders when it changes, whichever client is active. */
  protected select<T>(select: (client: BillingClient) => ReadableAtom<T>, options?: StoreControllerOptions): StoreController<T> {
    const controller = new StoreController<T>(this, undefined, options);
    this.selections.push({ controller: controller as StoreController<unknown>, select });
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
    const next = this.ownClient() ?? this.contextClient.value ?? this.defaultClient.value;
    if (next !== this.client) {
      this.client = next;
      for (const { controller, select } of this.selections) controller.bind(next ? select(next) : undefined);
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
