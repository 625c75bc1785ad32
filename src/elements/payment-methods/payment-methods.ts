import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { BillingError } from '../../core/errors.js';
import { formatNumber } from '../../core/money.js';
import { hasPlan } from '../../core/plans.js';
import type { PaymentMethod } from '../../core/types.js';
import { TectraPaymentMethodChangedEvent } from '../../events.js';
import { onDemand, view } from '../../core/on-demand.js';
import { toBillingError } from '../../core/errors.js';
import { cardLabel, monthsLeft } from '../../format/cards.js';
import { fields } from '../../styles/fields.js';
import { cardErrorMessage, errorMessage, reportFailure } from '../base/error-message.js';
import { TectraElement } from '../base/tectra-element.js';
import type { AddCardContext } from './add-card.js';

// The confirmation before removing a card, loaded with the first Remove.
const removeCard = onDemand(() => import('./remove-card.js'));
// What the viewer may do, loaded with the cards where the backend reports capabilities.
const roles = view(() => import('../base/role-gate.js'));
import { styles } from './payment-methods.styles.js';

/**
 * The cards on file: brand, last four digits, expiry, the default card, warnings for
 * expired and soon-expiring cards; add a card (through a setup intent), make one the
 * default, remove one after confirming.
 *
 * @tagname tectra-payment-methods
 * @summary Cards on file: add, set default, remove.
 *
 * @slot payment-element - Filled by the kit with Stripe's Payment Element while adding a card; leave empty.
 *
 * @fires {TectraPaymentMethodChangedEvent} tectra-payment-method-changed - A card was added, removed or made the default (`detail.action`).
 * @fires {TectraInvoicePaidEvent} tectra-invoice-paid - A card added while the plan was past due paid the overdue invoice (`detail.invoice`).
 * @fires {TectraErrorEvent} tectra-error - Loading or a change failed (`detail.error`, `detail.operation`).
 *
 * @csspart base - The card around everything.
 * @csspart list - The list of cards.
 * @csspart method - One card.
 * @csspart badge - Default, expired and expiring badges.
 * @csspart add - The add-a-card section.
 * @csspart dialog - The remove confirmation.
 * @csspart not-allowed - Why the viewer's role cannot add, change or remove cards (instead of those buttons).
 * @csspart status - Outcome messages.
 * @csspart error - The error message.
 *
 * @cssprop --tectra-payment-methods-min-height - Reserved height while loading (default 12rem).
 */
export class TectraPaymentMethods extends TectraElement {
  static override styles = [...TectraElement.styles, fields, styles];
  static override properties = {
    removing: { state: true },
    busy: { state: true },
    message: { state: true },
    failure: { state: true },
  };

  private removing: PaymentMethod | undefined;
  private busy = false;
  private message = '';
  private failure: BillingError | undefined;

  #methods = this.select((c) => c.$paymentMethods);
  #subscription = this.select((c) => c.$subscription);
  /** Adding a card, loaded with the first "Add a card". */
  readonly #add = onDemand(() => import('./add-card.js').then(({ AddCard }) => new AddCard(this, () => this.#addContext())));

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#add.loaded?.close();
  }

  protected override updated(): void {
    reportFailure(this, this.#methods.value?.error ?? this.failure, this.failure ? 'payment-method' : 'load-payment-methods');
  }

  /** The only card of a running plan cannot go: the plan would have nothing to charge. */
  #isLastCardOfPlan(): boolean {
    return (this.#methods.value?.data?.length ?? 0) <= 1 && hasPlan(this.#subscription.value?.data);
  }

  async #run(action: () => Promise<void>, done: string | (() => string), event: TectraPaymentMethodChangedEvent): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.failure = undefined;
    try {
      await action();
      this.message = typeof done === 'string' ? done : done();
      this.dispatchEvent(event);
    } catch (error) {
      this.failure = error as BillingError;
      this.message = '';
    } finally {
      this.busy = false;
    }
  }

  /** The list's part in adding a card (see add-card.ts). */
  #addContext(): AddCardContext {
    return {
      client: this.client,
      locale: this.intlLocale,
      busy: this.busy,
      pastDue: this.#subscription.value?.data?.status === 'past_due',
      cards: this.#methods.value?.data,
      run: async (action, done, event) => (await this.#run(action, done, event as TectraPaymentMethodChangedEvent), !this.failure),
      failed: (error) => (this.failure = error),
      focusAdd: () => this.#focusAfter(),
    };
  }

  #openAdd(): void {
    this.failure = undefined;
    void this.#add().then((add) => add.open());
  }

  #remove(pm: PaymentMethod): void {
    this.removing = pm;
    this.failure = undefined;
    // The confirmation loads with the first Remove; it opens once it is rendered.
    void removeCard()
      .then(() => (this.requestUpdate(), this.updateComplete))
      .then(() => this.removing === pm && this.shadowRoot?.querySelector('dialog')?.showModal(), (error: unknown) => {
        this.removing = undefined;
        this.failure = toBillingError(error);
      });
  }

  #closeRemove(): void {
    const id = this.removing?.id;
    this.removing = undefined;
    this.shadowRoot?.querySelector('dialog')?.close();
    // Back to the card's Remove; once it is gone, to the first card left, else Add a card.
    this.#focusAfter(`[data-remove="${CSS.escape(id ?? '')}"]`, '[data-remove]');
  }

  async #confirmRemove(): Promise<void> {
    const pm = this.removing;
    const client = this.client;
    if (!pm || !client) return;
    await this.#run(
      () => client.removePaymentMethod(pm.id),
      msg('Card removed.', { id: 'cards.removed' }),
      new TectraPaymentMethodChangedEvent({ action: 'removed', paymentMethod: pm }),
    );
    if (!this.failure) this.#closeRemove();
  }

  #label(pm: PaymentMethod): string {
    return cardLabel(pm);
  }

  /** After an action removed the focused control: the first of `selectors` that exists, else Add a card. */
  #focusAfter(...selectors: string[]): void {
    void this.updateComplete.then(() => {
      const root = this.shadowRoot;
      const target = [...selectors, '#add-card'].map((s) => root?.querySelector<HTMLElement>(s)).find(Boolean);
      target?.focus();
    });
  }

  /** Whether the viewer may manage cards (the role gate loads with the first cards, where the backend says). */
  #may(): boolean {
    const gate = roles.loaded;
    if (!gate && this.client?.adapter.getCapabilities) void roles().then(() => this.requestUpdate(), () => undefined);
    return gate?.mayDo(this, this.client, 'manage_cards') ?? true;
  }

  protected override render(): TemplateResult {
    const methods = this.#methods.value;
    const may = !methods?.data || this.#may();
    let body: TemplateResult;
    if (methods?.status === 'error' && !methods.data) {
      body = html`<div part="error" class="banner" data-tone="danger" role="alert">
        <p>${msg('We could not load your cards.', { id: 'cards.error' })} ${errorMessage(methods.error)}</p>
        <button @click=${() => void this.client?.refresh('paymentMethods')}>${msg('Retry', { id: 'common.retry' })}</button>
      </div>`;
    } else if (!methods?.data) {
      body = html`<div part="skeleton" class="skeleton skeleton-list" role="status"><span class="visually-hidden">${msg('Loading cards…', { id: 'cards.loading' })}</span></div>`;
    } else {
      body = html`${methods.data.length
          ? html`<ul part="list">${methods.data.map((pm) => this.#renderMethod(pm, may))}</ul>`
          : html`<p class="muted">${msg('No cards on file.', { id: 'cards.empty' })}</p>`}
        ${may ? (this.#add.loaded?.render() ?? nothing) : roles.loaded?.notAllowedNote('manage_cards')}`;
    }
    return html`<section part="base" class="card" aria-labelledby="cards-title" aria-busy=${this.busy ? 'true' : 'false'}>
      <header>
        <h2 id="cards-title">${msg('Payment methods', { id: 'cards.title' })}</h2>
        ${methods?.data && may && (this.#add.loaded?.state ?? 'closed') === 'closed'
          ? html`<button class="primary" id="add-card" @click=${() => this.#openAdd()}>${msg('Add a card', { id: 'cards.add' })}</button>`
          : nothing}
      </header>
      ${body}
      ${this.failure && !this.removing
        ? html`<p part="error" class="banner" data-tone="danger" role="alert">${this.#failureText()}</p>`
        : nothing}
      <p part="status" class=${this.message ? 'banner' : 'visually-hidden'} data-tone="success" role="status">${this.message}</p>
      ${removeCard.loaded?.removeDialog(this.removing, {
        busy: this.busy,
        refused: !!this.removing && (this.#isLastCardOfPlan() || this.failure?.code === 'conflict'),
        failure: this.failure && this.#failureText(),
        close: () => this.#closeRemove(),
        confirm: () => void this.#confirmRemove(),
      }) ?? nothing}
    </section>`;
  }

  #failureText(): string {
    return this.failure?.code === 'conflict'
      ? msg('This is the only card of your plan. Add another card before removing it.', { id: 'cards.last_card' })
      : cardErrorMessage(this.failure);
  }

  #renderMethod(pm: PaymentMethod, may: boolean): TemplateResult {
    const left = monthsLeft(pm);
    const expiry = pm.expMonth && pm.expYear ? `${String(pm.expMonth).padStart(2, '0')}/${formatNumber(pm.expYear, this.intlLocale, { useGrouping: false })}` : '';
    return html`<li part="method">
      <span class="brand">${this.#label(pm)}</span>
      ${expiry ? html`<span class="muted">${msg(str`Expires ${expiry}`, { id: 'cards.expires' })}</span>` : nothing}
      ${pm.isDefault ? html`<span part="badge" class="badge">${msg('Default', { id: 'cards.default' })}</span>` : nothing}
      ${left !== undefined && left < 0
        ? html`<span part="badge" class="badge" data-tone="danger">${msg('Expired', { id: 'cards.expired' })}</span>`
        : left !== undefined && left <= 1
          ? html`<span part="badge" class="badge" data-tone="warning">${msg('Expires soon', { id: 'cards.expiring' })}</span>`
          : nothing}
      <span class="grow"></span>
      ${pm.isDefault || (left !== undefined && left < 0) || !may
        ? nothing
        : html`<button aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => {
            void this.#run(
              () => this.client?.setDefaultPaymentMethod(pm.id) ?? Promise.resolve(),
              msg(str`${this.#label(pm)} is now your default card.`, { id: 'cards.default_set' }),
              new TectraPaymentMethodChangedEvent({ action: 'default', paymentMethod: pm }),
            );
            // The button goes once the card is the default: focus stays on the card.
            this.#focusAfter(`[data-remove="${CSS.escape(pm.id)}"]`);
          }}>
            ${msg('Make default', { id: 'cards.make_default' })}<span class="visually-hidden">: ${this.#label(pm)}</span>
          </button>`}
      ${!may
        ? nothing
        : this.#isLastCardOfPlan()
        ? html`<span class="muted">${msg('This is the only card of your plan. Add another card before removing it.', { id: 'cards.last_card' })}</span>`
        : html`<button data-remove=${pm.id} aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => !this.busy && this.#remove(pm)}>
            ${msg('Remove', { id: 'checkout.coupon_remove' })}<span class="visually-hidden">: ${this.#label(pm)}</span>
          </button>`}
    </li>`;
  }
}
