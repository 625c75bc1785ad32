/**
 * The payment form once there is something to pay for: card entry, the coupon, the
 * review of what is due, the protected submit, progress and outcome, and the
 * confirmation. Loaded on demand by the payment form (with the payment provider, when a
 * tier is chosen), so a page whose account already has a plan never downloads it.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { formatDate } from '../../core/dates.js';
import type { BillingError } from '../../core/errors.js';
import { formatMoney, formatNumber } from '../../core/money.js';
import { onDemand } from '../../core/on-demand.js';
import { findTierIn } from '../../core/plans.js';
import type { Catalog, Coupon, Quote, Subscription } from '../../core/types.js';
import { intervalName } from '../../format/labels.js';
import { countOf } from '../../format/counts.js';
import { chargeRows, dueRows, quoteList, type QuoteRow } from '../../format/quote.js';
import type { BillingClient, CheckoutState, PurchaseState, Resource } from '../../state/client.js';
import { cardErrorMessage, errorMessage } from '../base/error-message.js';
import { notAllowedText } from '../../format/capabilities.js';

/** The billing details element, for the address step: only a checkout that needs it loads it. */
const addressStep = onDemand(() => import('../../define/billing-details.js'));

/** What the payment form shares with its checkout view on each render. */
export interface CheckoutContext {
  client: BillingClient | undefined;
  locale: string;
  catalog: Catalog | undefined;
  subscription: Subscription | undefined;
  checkout: CheckoutState | undefined;
  quote: Resource<Quote> | undefined;
  purchase: PurchaseState | undefined;
  providerState: 'idle' | 'loading' | 'ready' | 'error';
  providerError: BillingError | undefined;
  onSubmit: (event: Event) => void;
  onRetrySetup: () => void;
}

/** Why nothing can be paid yet: the address comes first (under the Pay button, and when the backend refuses for it). */
const addressFirst = () => msg('Enter your billing address first: tax depends on where you are billed.', { id: 'checkout.address_first' });

/** What to tell the user about a failed payment, and whether the card must be entered again. */
function purchaseError(error: BillingError | undefined): string {
  // The backend needs the address first (a 400 names its field): the address step is shown again.
  if (error?.code === 'invalid_request' && error.message.startsWith('address:')) return addressFirst();
  switch (error?.code) {
    case 'network':
    case 'timeout':
    case 'server':
      return msg('We could not reach the billing service. Try again: you will not be charged twice.', { id: 'checkout.network' });
    default:
      return cardErrorMessage(error);
  }
}

/**
 * Renders the checkout and keeps what the user types in the coupon field (it survives
 * every re-render and a failed apply).
 */
type ViewHost = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

export class CheckoutView {
  #host: ViewHost;
  /**
   * The address step, once shown, stays for this checkout: after the address is saved it
   * shows what was saved (focus is on its Edit button), and the review has the tax.
   */
  #askedAddress = false;
  /** Said when Pay is pressed with an address typed but not saved (the tax would not be the one shown). */
  #unsavedAddress = '';
  /** The address step's element is downloading, or its download failed (then a Retry is shown). */
  #addressStep: 'loading' | 'failed' | undefined;
  #couponText = '';
  #couponError = '';
  #couponBusy = false;
  /** What happened to the coupon, for the live region that is always there. */
  #couponNote = '';

  constructor(host: ViewHost) {
    this.#host = host;
  }

  #set(change: Partial<{ text: string; error: string; busy: boolean; note: string }>): void {
    if (change.text !== undefined) this.#couponText = change.text;
    if (change.error !== undefined) this.#couponError = change.error;
    if (change.busy !== undefined) this.#couponBusy = change.busy;
    if (change.note !== undefined) this.#couponNote = change.note;
    this.#host.requestUpdate();
  }

  /** After applying or removing a code its control is replaced: focus goes to the one that took its place. */
  #focusAfter(selector: string): void {
    void this.#host.updateComplete.then(() => this.#host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  render(ctx: CheckoutContext): TemplateResult {
    const selection = ctx.checkout?.selection;
    const tier = findTierIn(ctx.catalog, selection?.tierId);
    const { purchase, quote } = ctx;
    const busy = purchase?.status === 'confirming' || purchase?.status === 'authenticating' || purchase?.status === 'activating';
    const needsAddress = !!quote?.data?.addressRequired;
    const ready = quote?.status === 'ready' && ctx.providerState === 'ready' && !needsAddress;
    // Without the tax the amount is not what will be paid: the button does not name it.
    const due = quote?.data && quote.status === 'ready' && !needsAddress ? formatMoney(quote.data.dueNow, ctx.locale) : '';
    const name = tier?.name ?? selection?.tierId ?? '';
    const seats = selection?.seats ? countOf('seats', selection.seats, ctx.locale) : '';
    const cadence = selection ? intervalName(selection.interval) : '';
    const chosen = html`<p part="selection" class="selection">
      ${seats ? msg(str`${name}, ${cadence}, ${seats}`, { id: 'checkout.selection_seats' }) : msg(str`${name}, ${cadence}`, { id: 'checkout.selection' })}
    </p>`;
    // A member the backend refuses a card form (their role may not buy) sees what was chosen and why there is nothing to pay with.
    if (ctx.providerError?.code === 'forbidden') return html`${chosen}<p part="not-allowed" class="muted">${notAllowedText('purchase')}</p>`;
    // Busy, the pay button stays focusable (aria-disabled): a second press joins the same purchase.
    return html`${chosen} ${this.#renderAddressStep(ctx, needsAddress, busy)}
      <form class="layout" @submit=${(event: Event) => this.#submit(event, ctx)} novalidate aria-busy=${busy ? 'true' : 'false'}>
        <div class="section" part="payment">
          <h3>${msg('Card', { id: 'checkout.card' })}</h3>
          ${this.#renderPaymentStep(ctx)}
        </div>
        <div class="section">
          ${this.#renderCoupon(ctx)}
          <p class="visually-hidden" role="status">${this.#couponNote}</p>
          ${this.#renderReview(ctx)}
          <button part="submit" class="primary submit" type="submit" ?disabled=${!ready && !busy} aria-disabled=${busy ? 'true' : 'false'} aria-busy=${busy ? 'true' : 'false'} aria-describedby=${needsAddress ? 'pay-hint' : nothing}>
            ${busy
              ? msg('Processing…', { id: 'checkout.processing' })
              : due
                ? msg(str`Pay ${due} and subscribe`, { id: 'checkout.pay' })
                : msg('Subscribe', { id: 'checkout.subscribe' })}
          </button>
          ${needsAddress ? html`<p class="muted" id="pay-hint">${addressFirst()}</p>` : nothing}
          ${this.#renderStatus(purchase)}
        </div>
      </form>`;
  }

  /** Whether the address step's form is open with an address not saved yet. */
  #addressBeingEdited(): boolean {
    return !!this.#host.renderRoot.querySelector<HTMLElement & { editing?: boolean }>('tectra-billing-details')?.editing;
  }

  /** Pays, unless an address is being edited: what is typed there is not what the price was worked out for. */
  #submit(event: Event, ctx: CheckoutContext): void {
    if (this.#addressBeingEdited()) {
      event.preventDefault();
      this.#unsavedAddress = msg('Save your billing address first: the tax is worked out from it.', { id: 'checkout.address_unsaved' });
      this.#host.requestUpdate();
      return;
    }
    this.#unsavedAddress = '';
    ctx.onSubmit(event);
  }

  /**
   * Where tax goes by where the customer is and no address is on file: the billing details,
   * asking for the address first (the element loads on demand; saving it prices the checkout
   * again), and what the new price is, said once it is there.
   */
  #renderAddressStep(ctx: CheckoutContext, needsAddress: boolean, busy: boolean): TemplateResult | typeof nothing {
    if (needsAddress) this.#askedAddress = true;
    if (!this.#askedAddress) return nothing;
    if (this.#addressStep === 'failed') {
      return html`<div part="address" class="banner" data-tone="danger" role="alert">
        <p>${msg('We could not load the address form.', { id: 'checkout.address_load_error' })} ${errorMessage(undefined)}</p>
        <button type="button" @click=${() => ((this.#addressStep = undefined), this.#host.requestUpdate())}>${msg('Retry', { id: 'common.retry' })}</button>
      </div>`;
    }
    if (!addressStep.loaded && !this.#addressStep) {
      this.#addressStep = 'loading';
      addressStep().then(
        () => (this.#addressStep = undefined),
        () => ((this.#addressStep = 'failed'), this.#host.requestUpdate()),
      );
    }
    // Said until the address is saved (or is no longer being edited).
    if (this.#unsavedAddress && !this.#addressBeingEdited()) this.#unsavedAddress = '';
    const q = ctx.quote?.status === 'ready' ? ctx.quote.data : undefined;
    const priced = q && !q.addressRequired
      ? msg(str`Tax: ${formatMoney(q.tax, ctx.locale)}. Due now: ${formatMoney(q.dueNow, ctx.locale)}.`, { id: 'checkout.tax_priced' })
      : '';
    // While a purchase runs the address stays as it is priced (inert), so what is paid is what was shown.
    return html`<div part="address" class="address-step" ?inert=${busy}>
      <tectra-billing-details address-required></tectra-billing-details>
      <p class="visually-hidden" role="status">${priced}</p>
      <p class="field-error" role="alert">${this.#unsavedAddress}</p>
    </div>`;
  }

  #renderPaymentStep(ctx: CheckoutContext): TemplateResult {
    if (ctx.providerState === 'error') {
      return html`<div part="error" class="banner" data-tone="danger" role="alert">
        <p>${msg('The secure card form could not be loaded.', { id: 'checkout.setup_error' })} ${errorMessage(ctx.providerError)}</p>
        <button type="button" @click=${ctx.onRetrySetup}>${msg('Retry', { id: 'common.retry' })}</button>
      </div>`;
    }
    return html`${ctx.providerState !== 'ready'
        ? html`<div class="skeleton skeleton-fields" role="status"><span class="visually-hidden">${msg('Loading the secure card form…', { id: 'checkout.loading_card' })}</span></div>`
        : nothing}
      <div class="card-fields"></div>
      <slot name="payment-element"></slot>`;
  }

  #renderCoupon(ctx: CheckoutContext): TemplateResult {
    const coupon = ctx.checkout?.coupon;
    if (coupon) {
      return html`<div part="coupon" class="applied">
        <span>${msg(str`Code ${coupon.code}: ${couponTerms(coupon, ctx.locale)}`, { id: 'checkout.coupon_applied' })}</span>
        <button type="button" class="link" id="coupon-remove" @click=${() => {
          ctx.client?.removeCoupon();
          this.#set({ note: msg(str`Code ${coupon.code} removed.`, { id: 'checkout.coupon_removed' }) });
          this.#focusAfter('#coupon');
        }}>${msg('Remove', { id: 'checkout.coupon_remove' })}</button>
      </div>`;
    }
    const apply = () => void this.#applyCoupon(ctx.client, ctx.locale);
    return html`<div part="coupon" class="field">
      <label for="coupon">${msg('Coupon code', { id: 'checkout.coupon_label' })}</label>
      <div class="coupon-row">
        <input
          id="coupon"
          autocomplete="off"
          .value=${this.#couponText}
          aria-invalid=${this.#couponError ? 'true' : 'false'}
          aria-describedby="coupon-error"
          @input=${(e: Event) => this.#set({ text: (e.target as HTMLInputElement).value })}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              apply();
            }
          }}
        />
        <button type="button" aria-disabled=${this.#couponBusy ? 'true' : 'false'} @click=${apply}>
          ${msg('Apply', { id: 'checkout.coupon_apply' })}
        </button>
      </div>
      <p class="field-error" id="coupon-error" role="alert">${this.#couponError}</p>
    </div>`;
  }

  async #applyCoupon(client: BillingClient | undefined, locale: string): Promise<void> {
    const code = this.#couponText.trim();
    if (!code || !client) {
      this.#set({ error: msg('Enter a code.', { id: 'checkout.coupon_empty' }) });
      return;
    }
    if (this.#couponBusy) return;
    this.#set({ busy: true, error: '', note: '' });
    try {
      const coupon = await client.applyCoupon(code);
      const terms = couponTerms(coupon, locale);
      this.#set({ text: '', note: msg(str`Code ${coupon.code} applied: ${terms}.`, { id: 'checkout.coupon_applied_note' }) });
      this.#focusAfter('#coupon-remove');
    } catch (error) {
      const e = error as BillingError;
      this.#set({
        error: e.code === 'coupon_invalid'
          ? msg(str`The code ${code} is not valid or has expired.`, { id: 'checkout.coupon_invalid' })
          : errorMessage(e),
      });
    } finally {
      this.#set({ busy: false });
    }
  }

  #renderReview(ctx: CheckoutContext): TemplateResult {
    const quote = ctx.quote;
    if (quote?.status === 'error') {
      return html`<div part="review" class="banner" data-tone="danger" role="alert">
        <p>${msg('We could not calculate the price.', { id: 'checkout.quote_failed' })} ${errorMessage(quote.error)}</p>
        <button type="button" @click=${() => void ctx.client?.refreshCheckoutQuote()}>
          ${msg('Retry', { id: 'common.retry' })}
        </button>
      </div>`;
    }
    const q = quote?.data;
    if (!q) return html`<div part="review" class="skeleton review" role="status"><span class="visually-hidden">${msg('Calculating your price…', { id: 'picker.quoting' })}</span></div>`;
    const money = (m: Quote['total']) => formatMoney(m, ctx.locale);
    const tz = ctx.subscription?.timeZone ?? 'UTC';
    // Until the address is known the amounts are before tax, and nothing is due yet: said so, not shown as final.
    const beforeTax = !!q.addressRequired;
    const rows: QuoteRow[] = [
      [msg('Subtotal', { id: 'checkout.subtotal' }), money(q.subtotal)],
      ...chargeRows(q, ctx.locale, !beforeTax),
      ...(beforeTax ? [[msg('Tax', { id: 'picker.quote_tax' }), msg('Worked out from your address', { id: 'checkout.tax_needs_address' })] as QuoteRow] : []),
      [beforeTax ? msg('Total before tax', { id: 'checkout.total_before_tax' }) : msg('Total', { id: 'checkout.total' }), money(q.total)],
      // Due now is left out before tax; the next payment's date stays.
      ...dueRows(q, ctx.locale, tz).slice(beforeTax ? 1 : 0),
    ];
    return quoteList(rows, 'review', quote?.status === 'loading');
  }

  #renderStatus(purchase: PurchaseState | undefined): TemplateResult {
    // One live region for progress, always there, so each message is read when it changes.
    const progress =
      purchase?.status === 'confirming'
        ? msg('Confirming your card…', { id: 'checkout.confirming' })
        : purchase?.status === 'authenticating'
          ? msg('Waiting for your bank to authenticate the payment…', { id: 'checkout.authenticating' })
          : purchase?.status === 'activating'
            ? msg('Activating…', { id: 'checkout.activating' })
            : '';
    return html`<p part="status" role="status" class=${progress ? '' : 'visually-hidden'}>${progress}</p>
      ${purchase?.status === 'pending'
        ? html`<p part="status" class="banner" data-tone="info" tabindex="-1" data-outcome>
            ${msg('We are still confirming your payment. You will get an email when your plan is active: there is no need to pay again.', { id: 'checkout.pending' })}
          </p>`
        : purchase?.status === 'failed'
          ? html`<p part="error" class="banner" data-tone="danger" role="alert" tabindex="-1" data-outcome>${purchaseError(purchase.error)}</p>`
          : nothing}`;
  }

  /** What the form's live region says: the purchase's outcome. */
  announcement(ctx: CheckoutContext): string {
    const purchase = ctx.purchase;
    if (purchase?.status !== 'succeeded') return '';
    const name = findTierIn(ctx.catalog, purchase.subscription?.tierId)?.name ?? '';
    return msg(str`You are subscribed to ${name}.`, { id: 'checkout.done_title' });
  }

  renderConfirmation(ctx: CheckoutContext, subscription: Subscription, quote: Quote | undefined): TemplateResult {
    const tier = findTierIn(ctx.catalog, subscription.tierId);
    const name = tier?.name ?? subscription.tierId ?? '';
    const tz = subscription.timeZone ?? 'UTC';
    const paid = quote ? formatMoney(quote.dueNow, ctx.locale) : '';
    const next = subscription.nextPayment;
    return html`<div part="confirmation" class="confirmation">
      <h3 tabindex="-1" data-outcome>${msg(str`You are subscribed to ${name}.`, { id: 'checkout.done_title' })}</h3>
      ${paid ? html`<p>${msg(str`Paid today: ${paid}.`, { id: 'checkout.paid' })}</p>` : nothing}
      ${next
        ? html`<p>${msg(str`Next payment: ${formatMoney(next.amount, ctx.locale)} on ${formatDate(next.dueDate, ctx.locale, tz, 'long')}.`, { id: 'checkout.next' })}</p>`
        : nothing}
      <p>${msg('A confirmation email is on its way.', { id: 'checkout.email' })}</p>
    </div>`;
  }
}

function couponTerms(coupon: Coupon, locale: string): string {
  const amount = coupon.percentOff !== undefined
    ? formatNumber(coupon.percentOff / 100, locale, { style: 'percent', maximumFractionDigits: 2 })
    : coupon.amountOff ? formatMoney(coupon.amountOff, locale) : '';
  if (coupon.duration === 'forever') return msg(str`${amount} off every payment`, { id: 'checkout.off_forever' });
  if (coupon.duration === 'repeating') {
    const months = countOf('months', coupon.durationInMonths ?? 1, locale);
    return msg(str`${amount} off for ${months}`, { id: 'checkout.off_months' });
  }
  return msg(str`${amount} off the first payment`, { id: 'checkout.off_once' });
}
