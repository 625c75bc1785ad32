/**
 * Adding a card to the card list: the setup intent, the payment provider's card entry,
 * Save and Cancel, and what a new card does (it becomes the default; while the plan is
 * past due it pays the overdue invoice). Loaded on demand with the first "Add a card".
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { BillingError } from '../../core/errors.js';
import { formatMoney } from '../../core/money.js';
import type { Invoice, PaymentMethod } from '../../core/types.js';
import { TectraInvoicePaidEvent, TectraPaymentMethodChangedEvent } from '../../events.js';
import { cardLabel } from '../../format/cards.js';
import { paymentContainer, releasePayment } from '../../payments/container.js';
import { createPaymentProvider, type PaymentProvider } from '../../payments/provider.js';
import type { BillingClient } from '../../state/client.js';

/** What the card list lends the step each time it acts. */
export interface AddCardContext {
  client: BillingClient | undefined;
  locale: string;
  busy: boolean;
  pastDue: boolean;
  cards: PaymentMethod[] | undefined;
  /** Runs a change with the list's busy state, outcome message and event. */
  run(action: () => Promise<void>, done: () => string, event: Event): Promise<boolean>;
  failed(error: BillingError): void;
  /** Focus on Add a card (once it is back). */
  focusAdd(): void;
}

type Host = ReactiveControllerHost & HTMLElement;

export class AddCard {
  state: 'closed' | 'loading' | 'ready' = 'closed';
  #provider: PaymentProvider | undefined;

  constructor(
    private readonly host: Host,
    private readonly context: () => AddCardContext,
  ) {}

  async open(): Promise<void> {
    const { client, locale } = this.context();
    if (!client) return;
    this.state = 'loading';
    this.host.requestUpdate();
    try {
      const intent = await client.createSetupIntent();
      this.#provider = await createPaymentProvider(intent, { locale });
      this.state = 'ready';
      this.host.requestUpdate();
      await this.host.updateComplete;
      await this.#provider.mount(paymentContainer(this.host, this.#provider));
      this.host.shadowRoot?.querySelector<HTMLInputElement>('.add input')?.focus();
    } catch (error) {
      this.context().failed(error as BillingError);
      this.close();
    }
  }

  close(): void {
    releasePayment(this.host, this.#provider);
    this.#provider = undefined;
    this.state = 'closed';
    this.host.requestUpdate();
  }

  async #save(event: Event): Promise<void> {
    event.preventDefault();
    const provider = this.#provider;
    const ctx = this.context();
    const client = ctx.client;
    if (!provider || !client || ctx.busy) return;
    let done = msg('Card added.', { id: 'cards.added' });
    let paid: Invoice | undefined;
    const ok = await ctx.run(
      async () => {
        const id = await provider.confirmCard();
        await client.addPaymentMethod(id);
        const card = this.context().cards?.find((pm) => pm.id === id);
        const name = card ? cardLabel(card) : '';
        if (card?.isDefault) done = msg(str`${name} is added and is now your default card.`, { id: 'cards.added_default' });
        // A plan that is past due pays its overdue invoice with the new card (as Stripe's portal does).
        if (ctx.pastDue) paid = await client.payOverdue({ paymentMethodId: id, payment: provider });
        const amount = paid ? formatMoney(paid.total, ctx.locale) : '';
        if (paid) done = msg(str`Card added, and your overdue payment of ${amount} is paid.`, { id: 'cards.added_paid' });
        this.close();
      },
      () => done,
      new TectraPaymentMethodChangedEvent({ action: 'added' }),
    );
    if (paid) this.host.dispatchEvent(new TectraInvoicePaidEvent({ invoice: paid }));
    if (ok) ctx.focusAdd();
  }

  render(): TemplateResult | typeof nothing {
    if (this.state === 'closed') return nothing;
    const busy = this.context().busy;
    return html`<form part="add" class="add" @submit=${(e: Event) => void this.#save(e)} novalidate>
      <h3>${msg('Add a card', { id: 'cards.add' })}</h3>
      ${this.state === 'loading'
        ? html`<div class="skeleton skeleton-list" role="status"><span class="visually-hidden">${msg('Loading the secure card form…', { id: 'checkout.loading_card' })}</span></div>`
        : nothing}
      <div class="card-fields"></div>
      <slot name="payment-element"></slot>
      <div class="row">
        <button type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => !this.context().busy && (this.close(), this.context().focusAdd())}>
          ${msg('Cancel', { id: 'common.cancel' })}
        </button>
        <button class="primary" type="submit" ?disabled=${!busy && this.state !== 'ready'} aria-disabled=${busy ? 'true' : 'false'} aria-busy=${busy ? 'true' : 'false'}>
          ${msg('Save card', { id: 'cards.save' })}
        </button>
      </div>
    </form>`;
  }
}
