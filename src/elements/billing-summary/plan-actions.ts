/**
 * The plan's lifecycle in the page: the confirm step of a cancel (what happens and when,
 * an optional reason), paying an overdue invoice (a saved card or another one, 3-D Secure
 * included), and the one-click actions Resume plan and Keep <tier>. Shared by the summary
 * and the tier picker; loaded on demand when an account has a plan, so the elements'
 * own modules stay small. The actions themselves live in the client (`$lifecycle`).
 */
import { notAllowedText } from '../../format/capabilities.js';
import { mayDo } from '../base/role-gate.js';
import type { Capability } from '../../core/capabilities.js';
import { msg, str } from '@lit/localize';
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { formatDate } from '../../core/dates.js';
import type { BillingError } from '../../core/errors.js';
import { formatMoney } from '../../core/money.js';
import { findTierIn, hasPlan } from '../../core/plans.js';
import type { CancellationReason, Catalog, Invoice, PaymentMethod, Subscription, Tier } from '../../core/types.js';
import { safeUrl } from '../../core/urls.js';
import {
  TectraInvoicePaidEvent,
  TectraManageEvent,
  TectraSubscriptionCanceledEvent,
  TectraSubscriptionResumedEvent,
  TectraTierChangedEvent,
} from '../../events.js';
import { intervalName } from '../../format/labels.js';
import { cardLabel, isExpired } from '../../format/cards.js';
import { paymentContainer, releasePayment } from '../../payments/container.js';
import { createPaymentProvider, type PaymentProvider } from '../../payments/provider.js';
import type { BillingClient, InvoiceList, LifecycleAction, LifecycleState, Resource } from '../../state/client.js';
import { StoreController } from '../../state/store-controller.js';
import { fields } from '../../styles/fields.js';
import { adoptStyles, modal } from '../../styles/modal.js';
import { cardErrorMessage, errorMessage } from '../base/error-message.js';

/** The element that hosts the actions (its dialog is the host's `dialog.plan-dialog`). */
export interface PlanActionsHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * What the actions need from their host, handed to the constructor so that none of it is
 * a public member of the element.
 */
export interface PlanActionsHooks {
  /** What they render from. */
  state(): { client: BillingClient | undefined; catalog: Catalog | undefined; subscription: Subscription | undefined; locale: string };
  /** Tells the user how an action ended (the host's live region); a done one changed the plan, so focus moves to it. */
  changed(announcement: string, done: boolean): void;
}

const REASONS: CancellationReason[] = [
  'too_expensive',
  'missing_features',
  'unused',
  'switched_service',
  'too_complex',
  'low_quality',
  'customer_service',
  'other',
];

function reasonLabel(reason: CancellationReason): string {
  switch (reason) {
    case 'too_expensive':
      return msg('It costs too much', { id: 'plan.reason_too_expensive' });
    case 'missing_features':
      return msg('It is missing features I need', { id: 'plan.reason_missing_features' });
    case 'unused':
      return msg('I do not use it enough', { id: 'plan.reason_unused' });
    case 'switched_service':
      return msg('I am switching to another product', { id: 'plan.reason_switched_service' });
    case 'too_complex':
      return msg('It is too hard to use', { id: 'plan.reason_too_complex' });
    case 'low_quality':
      return msg('It does not work well enough', { id: 'plan.reason_low_quality' });
    case 'customer_service':
      return msg('I was unhappy with the support', { id: 'plan.reason_customer_service' });
    case 'other':
      return msg('Another reason', { id: 'plan.reason_other' });
  }
}

/** When a plan that is canceled now at the period end stops: the trial's end, else the period's. */
export function planEnd(sub: Subscription): string | undefined {
  return sub.status === 'trialing' && sub.trialEnd ? sub.trialEnd : sub.currentPeriod?.end;
}

// Adopted by the host's shadow root when the actions arrive (see the constructor).
const styles = css`
  [part='actions'] {
    display: flex;
    justify-content: flex-end;
    border-block-start: 1px solid var(--_border);
    padding-block-start: var(--_space);
  }
  .button-link {
    display: inline-flex;
    align-items: center;
    min-block-size: 2.5rem;
    padding-inline: 1em;
    border-radius: var(--_radius-small);
    border: 1px solid currentColor;
    color: inherit;
    font-weight: 600;
  }
  .plan-dialog form,
  .plan-dialog fieldset {
    display: grid;
    gap: 0.75rem;
  }
  .plan-dialog form {
    margin-block-start: 0.75rem;
  }
  .plan-dialog fieldset {
    border: 0;
    margin: 0;
    padding: 0;
  }
  .plan-dialog legend,
  .plan-dialog label {
    font-weight: 600;
    font-size: 0.875rem;
  }
  .plan-dialog .choice {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    font-weight: 400;
  }
  .plan-dialog select,
  .plan-dialog textarea {
    font: inherit;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    background: var(--_surface);
    color: var(--_text);
    inline-size: 100%;
  }
  .plan-dialog .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5rem;
  }
  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_surface);
    font-weight: 600;
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }
`;

type Dialog = { kind: 'cancel' } | { kind: 'pay'; invoice: Invoice };

export class PlanActions implements ReactiveController {
  #host: PlanActionsHost;
  #dialog: Dialog | undefined;
  #trigger: HTMLElement | undefined;
  #reason: CancellationReason | '' = '';
  #comment = '';
  /** The card chosen to pay with: a saved card's id, or `new`. */
  #card = '';
  #provider: PaymentProvider | undefined;
  #providerState: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  #error: BillingError | undefined;
  /** This host started the last action: its failure shows here, not in every element. */
  #mine = false;
  readonly #lifecycle: StoreController<LifecycleState>;
  // Read only while a payment is overdue, so other accounts load neither.
  readonly #invoices: StoreController<Resource<InvoiceList>>;
  readonly #cards: StoreController<Resource<PaymentMethod[]>>;

  readonly #hooks: PlanActionsHooks;

  constructor(host: PlanActionsHost, hooks: PlanActionsHooks) {
    this.#host = host;
    this.#hooks = hooks;
    this.#lifecycle = new StoreController(host);
    this.#invoices = new StoreController(host);
    this.#cards = new StoreController(host);
    host.addController(this);
    // Its styles, and the form fields' (the test card form renders here too), join the host's.
    adoptStyles(host.renderRoot, [fields.styleSheet, modal.styleSheet, styles.styleSheet]);
  }

  hostUpdate(): void {
    const { client, subscription } = this.#hooks.state();
    const overdue = subscription?.status === 'past_due' || subscription?.status === 'incomplete';
    this.#lifecycle.bind(client?.$lifecycle);
    this.#invoices.bind(overdue ? client?.$invoices : undefined);
    this.#cards.bind(overdue || this.#dialog ? client?.$paymentMethods : undefined);
  }

  hostUpdated(): void {
    const dialog = this.#host.renderRoot.querySelector<HTMLDialogElement>('dialog.plan-dialog');
    if (!dialog) return;
    if (this.#dialog && !dialog.open) {
      dialog.showModal();
      // The safe choice first: Keep my plan, or the first card to pay with.
      dialog.querySelector<HTMLElement>('[autofocus]')?.focus();
    }
    if (!this.#dialog && dialog.open) dialog.close();
  }

  hostDisconnected(): void {
    this.#dropProvider();
  }

  get #busy(): boolean {
    const status = this.#lifecycle.value?.status;
    return status === 'busy' || status === 'authenticating';
  }

  /** The failure of an action this host started, outside a dialog (which shows its own). */
  get failure(): BillingError | undefined {
    const lifecycle = this.#lifecycle.value;
    return this.#mine && !this.#dialog && lifecycle?.status === 'failed' ? lifecycle.error : undefined;
  }

  /** Opens the confirm step of a cancel. */
  openCancel(trigger: HTMLElement | undefined): void {
    this.#open({ kind: 'cancel' }, trigger);
  }

  /** Opens the payment of an open invoice. */
  openPay(invoice: Invoice, trigger: HTMLElement | undefined): void {
    const cards = this.#cards.value?.data ?? [];
    const usable = cards.filter((c) => !isExpired(c));
    this.#card = (usable.find((c) => c.isDefault) ?? usable[0])?.id ?? 'new';
    this.#open({ kind: 'pay', invoice }, trigger);
    if (this.#card === 'new') void this.#loadProvider();
  }

  #open(dialog: Dialog, trigger: HTMLElement | undefined): void {
    this.#hooks.state().client?.resetLifecycle();
    this.#dialog = dialog;
    this.#trigger = trigger;
    this.#error = undefined;
    this.#host.requestUpdate();
  }

  /** Closes the dialog; focus returns to what opened it unless the action changed the page. */
  close(done?: string): void {
    if (this.#busy) return;
    this.#dialog = undefined;
    this.#reason = '';
    this.#comment = '';
    this.#dropProvider();
    this.#host.requestUpdate();
    if (done !== undefined) this.#hooks.changed(done, true);
    else {
      const trigger = this.#trigger;
      void this.#host.updateComplete.then(() => trigger?.focus());
    }
    this.#trigger = undefined;
  }

  /** The dialog's `cancel` event (Escape). */
  onCancel(event: Event): void {
    event.preventDefault();
    this.close();
  }

  #date(iso: string | undefined): string {
    const { subscription, locale } = this.#hooks.state();
    return iso ? formatDate(iso, locale, subscription?.timeZone ?? 'UTC', 'long') : '';
  }

  async #run(work: () => Promise<Subscription | Invoice | undefined>, done: (result: Subscription | Invoice) => string, event: (r: never) => Event): Promise<void> {
    this.#error = undefined;
    this.#mine = true;
    try {
      const result = await work();
      if (!result) return;
      this.#host.dispatchEvent(event(result as never));
      if (this.#dialog) this.close(done(result));
      else this.#hooks.changed(done(result), true);
    } catch (error) {
      this.#error = error as BillingError;
      // Without a dialog the host shows the failure from `$lifecycle`.
      if (!this.#dialog) this.#hooks.changed('', false);
    } finally {
      this.#host.requestUpdate();
    }
  }

  /** Resume plan: undoes a cancel at the period end. */
  resume(): void {
    const client = this.#hooks.state().client;
    void this.#run(
      () => client?.resumeSubscription() ?? Promise.resolve(undefined),
      (result) => {
        const sub = result as Subscription;
        const date = this.#date(sub.nextPayment?.dueDate ?? sub.currentPeriod?.end);
        return msg(str`Your plan is active again and renews on ${date}.`, { id: 'plan.resumed' });
      },
      (subscription: Subscription) => new TectraSubscriptionResumedEvent({ subscription }),
    );
  }

  /** Keep <tier>: drops the scheduled change. */
  keep(): void {
    const { client, catalog, subscription } = this.#hooks.state();
    const name = findTierIn(catalog, subscription?.tierId)?.name ?? '';
    void this.#run(
      () => client?.cancelScheduledChange() ?? Promise.resolve(undefined),
      () => msg(str`You keep ${name}. The scheduled change is canceled.`, { id: 'plan.kept' }),
      (subscription: Subscription) => new TectraTierChangedEvent({ subscription }),
    );
  }

  #confirmCancel(event: Event): void {
    event.preventDefault();
    const client = this.#hooks.state().client;
    void this.#run(
      () =>
        client?.cancelSubscription({
          ...(this.#reason ? { reason: this.#reason } : {}),
          ...(this.#comment.trim() ? { comment: this.#comment.trim() } : {}),
        }) ?? Promise.resolve(undefined),
      (result) => {
        const date = this.#date(planEnd(result as Subscription));
        return msg(str`Your plan is canceled. It stays active until ${date}.`, { id: 'plan.canceled' });
      },
      (subscription: Subscription) => new TectraSubscriptionCanceledEvent({ subscription }),
    );
  }

  async #loadProvider(): Promise<PaymentProvider> {
    const { client, locale } = this.#hooks.state();
    if (this.#provider) return this.#provider;
    if (!client) throw new Error('no client');
    this.#providerState = 'loading';
    this.#host.requestUpdate();
    try {
      const intent = await client.createSetupIntent();
      const provider = await createPaymentProvider(intent, { locale });
      this.#provider = provider;
      this.#providerState = 'ready';
      this.#host.requestUpdate();
      await this.#host.updateComplete;
      if (this.#card === 'new') await provider.mount(paymentContainer(this.#host, provider));
      return provider;
    } catch (error) {
      this.#providerState = 'error';
      this.#error = error as BillingError;
      this.#host.requestUpdate();
      throw error;
    }
  }

  #dropProvider(): void {
    releasePayment(this.#host, this.#provider);
    this.#provider = undefined;
    this.#providerState = 'idle';
  }

  #chooseCard(id: string): void {
    this.#card = id;
    this.#error = undefined;
    if (id === 'new') void this.#loadProvider().catch(() => undefined);
    this.#host.requestUpdate();
  }

  #pay(event: Event, invoice: Invoice): void {
    event.preventDefault();
    if (this.#busy) return;
    const { client, locale } = this.#hooks.state();
    if (!client) return;
    const amount = formatMoney(invoice.amountDue, locale);
    // A saved card that needs 3-D Secure gets the provider only when the bank asks.
    const payment = { handleNextAction: async (secret: string) => (await (this.#provider ?? this.#loadProvider())).handleNextAction(secret) };
    void this.#run(
      async () => {
        let paymentMethodId = this.#card;
        if (paymentMethodId === 'new') {
          const provider = this.#provider;
          if (!provider) return undefined;
          paymentMethodId = await provider.confirmCard();
          await client.addPaymentMethod(paymentMethodId);
        }
        return client.payInvoice(invoice.id, { paymentMethodId, payment });
      },
      () => msg(str`Payment of ${amount} received. Your plan is active.`, { id: 'plan.paid' }),
      (paid: Invoice) => new TectraInvoicePaidEvent({ invoice: paid }),
    );
  }

  /** A button of a lifecycle action: busy (aria-disabled, so it keeps focus) while the action runs. */
  #button(action: LifecycleAction, label: string, busyLabel: string, run: (trigger: HTMLElement) => void, part = 'banner-action'): TemplateResult {
    const lifecycle = this.#lifecycle.value;
    const busy = lifecycle?.action === action && this.#busy;
    return html`<button part=${part} class=${part === 'banner-action' ? 'primary' : ''} aria-disabled=${busy ? 'true' : 'false'}
      @click=${(e: Event) => {
        const trigger = e.currentTarget as HTMLElement;
        if (!this.#busy) run(trigger);
      }}>${busy ? busyLabel : label}</button>`;
  }

  /**
   * The banners of a plan with a lifecycle action (past due: pay; ending: resume; a
   * scheduled change: keep; a contract: the account manager), each through `banner`.
   */
  banners(tier: Tier | undefined, banner: (tone: string, text: string, action?: TemplateResult) => TemplateResult): TemplateResult[] {
    const { subscription: sub, catalog } = this.#hooks.state();
    if (!sub) return [];
    const out: TemplateResult[] = [];
    if (sub.status === 'past_due') {
      const invoices = this.#invoices.value;
      const invoice = invoices?.data?.items.find((i) => i.status === 'open' && i.amountDue.amount > 0);
      const amount = invoice ? formatMoney(invoice.amountDue, this.#hooks.state().locale) : '';
      if (!invoices?.data && invoices?.status !== 'error') {
        // Until the invoices are there, no action that would change under the user's finger.
        out.push(banner('danger', msg('Your last payment failed.', { id: 'summary.past_due_short' })));
      } else if (invoice) {
        out.push(
          banner(
            'danger',
            msg(str`Your payment of ${amount} failed. Pay it now to keep your plan.`, { id: 'summary.past_due_amount' }),
            this.#may('pay_invoices')
              ? this.#button('pay', msg(str`Pay ${amount} now`, { id: 'plan.pay_now' }), msg('Paying…', { id: 'plan.paying' }), (t) => this.openPay(invoice, t))
              : html`<span class="muted">${notAllowedText('pay_invoices')}</span>`,
          ),
        );
      } else {
        out.push(
          banner(
            'danger',
            msg('Your last payment failed. Update your payment method to keep your plan.', { id: 'summary.past_due' }),
            html`<button part="banner-action" class="primary" @click=${() => this.#host.dispatchEvent(new TectraManageEvent({ action: 'update-payment-method' }))}>
              ${msg('Update payment method', { id: 'summary.update_payment_method' })}
            </button>`,
          ),
        );
      }
    }
    if (sub.cancelAtPeriodEnd && hasPlan(sub)) {
      const end = this.#date(planEnd(sub));
      out.push(
        banner(
          'warning',
          msg(str`Your plan ends on ${end} and will not renew.`, { id: 'summary.cancel_at_period_end' }),
          this.#may('cancel') ? this.#button('resume', msg('Resume plan', { id: 'plan.resume' }), msg('Resuming…', { id: 'plan.resuming' }), () => this.resume()) : undefined,
        ),
      );
    }
    if (sub.scheduledChange) {
      const change = sub.scheduledChange;
      const name = findTierIn(catalog, change.tierId)?.name ?? change.tierId;
      const when = this.#date(change.effectiveAt);
      const cadence = intervalName(change.interval);
      const current = tier?.name ?? sub.tierId ?? '';
      out.push(
        banner(
          'info',
          msg(str`Your plan changes to ${name} (${cadence}) on ${when}.`, { id: 'summary.scheduled_change' }),
          this.#may('cancel') ? this.#button('keep', msg(str`Keep ${current}`, { id: 'plan.keep_tier' }), msg('Keeping…', { id: 'plan.keeping' }), () => this.keep()) : undefined,
        ),
      );
    }
    // A member who may not change the plan is told so once, where the plan is shown and chosen.
    if (hasPlan(sub) && !this.#may('purchase')) out.push(banner('info', notAllowedText('purchase')));
    if (tier?.kind === 'enterprise' && hasPlan(sub)) {
      const href = safeUrl(tier.contactSalesUrl);
      out.push(
        banner(
          'info',
          msg('Your plan is set by your contract. To change it, contact your account manager.', { id: 'summary.contract' }),
          href
            ? html`<a part="banner-action" class="button-link" href=${href} target="_blank" rel="noopener noreferrer">${msg('Contact your account manager', { id: 'summary.account_manager' })}</a>`
            : undefined,
        ),
      );
    }
    const failed = this.failure;
    if (failed) {
      out.push(html`<div part="error" class="banner" data-tone="danger" role="alert">
        <p>${msg('Your plan was not changed.', { id: 'picker.change_failed' })} ${errorMessage(failed)}</p>
      </div>`);
    }
    return out;
  }

  /** Cancel plan, for a self-serve plan that renews; nothing otherwise. */
  cancelRow(tier: Tier | undefined): TemplateResult | typeof nothing {
    const sub = this.#hooks.state().subscription;
    if (!hasPlan(sub) || sub?.cancelAtPeriodEnd || tier?.kind === 'enterprise') return nothing;
    if (!this.#may('cancel')) return html`<p part="actions" class="muted">${notAllowedText('cancel')}</p>`;
    return html`<div part="actions" class="actions">
      ${this.#button('cancel', msg('Cancel plan', { id: 'plan.cancel' }), msg('Canceling…', { id: 'plan.canceling' }), (t) => this.openCancel(t), 'cancel-button')}
    </div>`;
  }

  /** Whether the viewer may (the backend's capabilities; everything until it says otherwise): a member who may not cancel sees why instead of the button. */
  #may(capability: Capability): boolean {
    return mayDo(this.#host, this.#hooks.state().client, capability);
  }

  /** The dialog of the confirm step and the payment; empty while closed. */
  dialog(): TemplateResult {
    return html`<dialog part="dialog" class="plan-dialog modal" aria-labelledby="plan-dialog-title" @cancel=${(e: Event) => this.onCancel(e)}>
      ${this.#render()}
    </dialog>`;
  }

  /** The dialog's content while it is open. */
  #render(): TemplateResult | typeof nothing {
    const dialog = this.#dialog;
    if (!dialog) return nothing;
    return dialog.kind === 'cancel' ? this.#renderCancel() : this.#renderPay(dialog.invoice);
  }

  #renderError(card = false): TemplateResult | typeof nothing {
    // A card form that flagged a field says so at the field.
    if (!this.#error || (card && this.#error.code === 'invalid_request' && !this.#error.status)) return nothing;
    return html`<div class="banner" data-tone="danger" role="alert">
      <p>${card ? cardErrorMessage(this.#error) : errorMessage(this.#error)}</p>
    </div>`;
  }

  #renderCancel(): TemplateResult {
    const { catalog, subscription } = this.#hooks.state();
    const name = findTierIn(catalog, subscription?.tierId)?.name ?? '';
    const end = this.#date(subscription ? planEnd(subscription) : undefined);
    const busy = this.#busy;
    return html`<h3 id="plan-dialog-title">${msg('Cancel your plan?', { id: 'plan.cancel_title' })}</h3>
      <form @submit=${(e: Event) => this.#confirmCancel(e)} aria-describedby="plan-dialog-text">
        <p id="plan-dialog-text">
          ${msg(str`Your ${name} plan stays active until ${end}. Then it ends: you will not be charged again, and its limits and features stop. You can resume the plan until then.`, { id: 'plan.cancel_text' })}
        </p>
        <label for="cancel-reason">${msg('Why are you canceling? (optional)', { id: 'plan.reason_label' })}</label>
        <select id="cancel-reason" .value=${this.#reason} @change=${(e: Event) => (this.#reason = (e.target as HTMLSelectElement).value as CancellationReason)}>
          <option value="">${msg('Choose a reason', { id: 'plan.reason_none' })}</option>
          ${REASONS.map((r) => html`<option value=${r} ?selected=${this.#reason === r}>${reasonLabel(r)}</option>`)}
        </select>
        <label for="cancel-comment">${msg('What could we do better? (optional)', { id: 'plan.comment_label' })}</label>
        <textarea id="cancel-comment" rows="3" maxlength="1000" .value=${this.#comment} @input=${(e: Event) => (this.#comment = (e.target as HTMLTextAreaElement).value)}></textarea>
        ${this.#renderError()}
        <div class="actions">
          <button type="button" autofocus aria-disabled=${busy ? 'true' : 'false'} @click=${() => this.close()}>${msg('Keep my plan', { id: 'plan.keep_plan' })}</button>
          <button type="submit" class="danger" aria-disabled=${busy ? 'true' : 'false'}>
            ${busy ? msg('Canceling…', { id: 'plan.canceling' }) : msg('Cancel plan', { id: 'plan.cancel' })}
          </button>
        </div>
      </form>`;
  }

  #renderPay(invoice: Invoice): TemplateResult {
    const { locale } = this.#hooks.state();
    const paymentMethods = this.#cards.value?.data ?? [];
    const lifecycle = this.#lifecycle.value;
    const amount = formatMoney(invoice.amountDue, locale);
    const number = invoice.number;
    const busy = this.#busy;
    const card = (pm: PaymentMethod | undefined, first: boolean) => {
      const id = pm?.id ?? 'new';
      const expired = pm ? isExpired(pm) : false;
      return html`<label class="choice">
        <input type="radio" name="pay-card" .value=${id} .checked=${this.#card === id} ?disabled=${expired} ?autofocus=${first}
          @change=${() => this.#chooseCard(id)} />
        ${pm ? cardLabel(pm) : msg('Another card', { id: 'plan.another_card' })}
        ${expired ? html`<span class="muted">(${msg('Expired', { id: 'cards.expired' })})</span>` : nothing}
      </label>`;
    };
    const firstUsable = paymentMethods.find((pm) => pm.id === this.#card) ?? undefined;
    return html`<h3 id="plan-dialog-title">${msg(str`Pay ${amount} now`, { id: 'plan.pay_now' })}</h3>
      <form @submit=${(e: Event) => this.#pay(e, invoice)}>
        <p>${msg(str`Invoice ${number} is overdue.`, { id: 'plan.pay_text' })}</p>
        <fieldset>
          <legend>${msg('Pay with', { id: 'plan.pay_with' })}</legend>
          ${paymentMethods.map((pm) => card(pm, pm === firstUsable))}
          ${card(undefined, this.#card === 'new')}
        </fieldset>
        ${this.#card === 'new'
          ? html`<p class="muted">${msg('The new card becomes your default card.', { id: 'plan.new_default' })}</p>
              ${this.#providerState === 'loading'
                ? html`<div class="skeleton skeleton-fields" role="status"><span class="visually-hidden">${msg('Loading the secure card form…', { id: 'checkout.loading_card' })}</span></div>`
                : nothing}
              <div class="card-fields"></div>
              <slot name="payment-element"></slot>`
          : nothing}
        ${this.#renderError(true)}
        <p class="visually-hidden" role="status">${lifecycle?.status === 'authenticating' ? msg('Waiting for your bank to authenticate the payment…', { id: 'checkout.authenticating' }) : ''}</p>
        <div class="actions">
          <button type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => this.close()}>${msg('Cancel', { id: 'common.cancel' })}</button>
          <button type="submit" class="primary" aria-disabled=${busy || (this.#card === 'new' && this.#providerState !== 'ready') ? 'true' : 'false'}>
            ${busy ? msg('Paying…', { id: 'plan.paying' }) : msg(str`Pay ${amount} now`, { id: 'plan.pay_now' })}
          </button>
        </div>
      </form>`;
  }
}
