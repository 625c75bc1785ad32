import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { BillingError } from '../../core/errors.js';
import type { OnDemand } from '../../core/on-demand.js';
import type { BillingClient } from '../../state/client.js';
import { TectraElement } from './tectra-element.js';

/** An element's view, loaded on demand: it follows the client's stores while connected, and renders the body. */
export interface ElementView {
  connect(): void;
  disconnect(): void;
  render(): TemplateResult;
}

/** What a view renders into and asks to render again (and hands controllers to, such as the role gate's). */
export type ViewElement = HTMLElement & ReactiveControllerHost;

/** The part of a view's host every element lends the same way. */
export interface ViewHost<E extends ViewElement = ViewElement> {
  readonly element: E;
  readonly client: BillingClient;
  locale(): string;
  reportError(error: BillingError, operation: string): void;
}

/**
 * An element whose view (its forms, their rules and state) loads with the first such element
 * on the page, so that a page pays for it only then (billing details, credits, spend caps,
 * usage by member). Until the view is there the element shows `loading()`; a chunk that
 * fails to load is tried again by the next element connected. One view per element and client.
 */
export abstract class TectraViewElement<M, V extends ElementView> extends TectraElement {
  #view: V | undefined;

  /** The view's module, loaded on demand. */
  protected abstract readonly viewModule: OnDemand<M>;
  protected abstract createView(module: M, client: BillingClient): V;
  /** What shows until the view is there (a skeleton with its label). */
  protected abstract loading(): TemplateResult;
  /** The card's heading, and its id (the card is labelled by it). */
  protected abstract heading(): string;
  protected abstract readonly headingId: string;
  /** A line under the heading, if the element has one. */
  protected intro(): TemplateResult | typeof nothing {
    return nothing;
  }

  /** What every view is lent: the element, its client, its language and its error reporting. */
  protected viewHost(client: BillingClient): ViewHost<this> {
    return { element: this, client, locale: () => this.intlLocale, reportError: (error, operation) => this.reportError(error, operation) };
  }

  /** The view, once its module is there and a client is known. */
  protected get view(): V | undefined {
    return this.#view;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.viewModule.loaded) this.viewModule().then(() => this.requestUpdate(), () => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#view?.disconnect();
  }

  protected override clientChanged(): void {
    this.#view?.disconnect();
    this.#view = undefined;
  }

  protected override render(): TemplateResult {
    const module = this.viewModule.loaded;
    const client = this.client;
    if (module && client) {
      this.#view ??= this.createView(module, client);
      // Following the stores again after the element came back to the page (connect is idempotent).
      this.#view.connect();
    }
    return html`<section part="base" class="card" aria-labelledby=${this.headingId}>
      <h2 id=${this.headingId}>${this.heading()}</h2>
      ${this.intro()}
      ${this.#view ? this.#view.render() : this.loading()}
    </section>`;
  }
}
