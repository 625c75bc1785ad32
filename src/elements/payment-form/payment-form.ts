import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { formatDate } from '../../core/dates.js';
import type { BillingError } from '../../core/errors.js';
import { formatMoney, formatNumber } from '../../core/money.js';
import { findTierIn, hasPlan } from '../../core/plans.js';
import type { Coupon, Interval, Quote, Subscription } from '../../core/types.js';
import { TectraBillingActivatedEvent } from '../../events.js';
import { intervalName } from '../../format/labels.js';
import { paymentContainer, releasePayment } from '../../payments/container.js';
import type { PaymentProvider } from '../../payments/provider.js';
import { fields } from '../../styles/fields.js';
import { errorMessage, reportFailure } from '../base/error-message.js';
import { TectraElement } from '../base/tectra-element.js';
import { styles } from './payment-form.styles.js';

/** What to tell the user about a failed payment, and whether the card must be entered again. */
function purchaseError(error: BillingError | undefined): string {
  switch (error?.code) {
    case 'card_declined':
      return msg('Your card was declined. Try another card.', { id: 'checkout.declined' });
    case 'authentication_failed':
      return msg('The card could not be authenticated. Try again or use another card.', { id: 'checkout.auth_failed' });
    case 'invalid_request':
      return msg('Check the card details.', { id: 'checkout.check_card' });
    case 'network':
    case 'timeout':
    case 'server':
      return msg('We could not reach the billing service. Try again: you will not be charged twice.', { id: 'checkout.network' });
    default:
      return errorMessage(error);
  }
}

/**
 * The checkout: the selected tier, card entry (Stripe's Payment Element, or the test
 * form in test mode), a coupon, the review of what is due, and one protected submit.
 *
 * @tagname tectra-payment-form
 * @summary Pay for the selected tier: card, coupon, review, 3-D Secure and confirmation.
 *
 * @slot payment-element - Filled by the kit with Stripe's Payment Element (it needs the light DOM); leave empty.
 *
 * @fires tectra-billing-activated - The backend confirmed the new subscription (`detail.subscription`).
 * @fires tectra-error - Quoting, the card step or the purchase failed (`detail.error`, `detail.operation`).
 *
 * @csspart base - The card around everything.
 * @csspart selection - The chosen tier, interval and seats.
 * @csspart payment - The card entry.
 * @csspart test-card - The test-mode card form.
 * @csspart coupon - The coupon field and the applied coupon.
 * @csspart review - Subtotal, discount, tax, proration, total, due now, next payment.
 * @csspart submit - The pay button.
 * @csspart status - Progress and outcome messages.
 * @csspart error - The error message.
 * @csspart confirmation - The confirmation after success.
 *
 * @cssprop --tectra-payment-form-min-height - Reserved height while loading (default 24rem).
 */
export class TectraPaymentForm extends TectraElement {
  static override styles = [...TectraElement.styles, fields, styles];
  static override properties = {
    tier: {},
    interval: {},
    seats: { type: Number },
    couponText: { state: true },
    couponError: { state: true },
    couponBusy: { state: true },
    providerState: { state: true },
  };

  /** Tier id to check out (instead of the tier picker's choice). */
  tier: string | undefined;
  /** `month` or `year`, with `tier`. */
  interval: Interval | undefined;
  /** Seats, with `tier`, for team tiers. */
  seats: number | undefined;

  private couponText = '';
  private couponError = '';
  private couponBusy = false;
  private providerState: 'idle' | 'loading' | 'ready' | 'error' = 'idle';

  #catalog = this.select((c) => c.$catalog);
  #subscription = this.select((c) => c.$subscription);
  #checkout = this.select((c) => c.$checkout);
  #quote = this.select((c) => c.$checkoutQuote);
  #purchase = this.select((c) => c.$purchase);
  #provider: PaymentProvider | undefined;
  #providerError: BillingError | undefined;
  #announced: string | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#dropProvider();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if ((changed.has('tier') || changed.has('interval') || changed.has('seats')) && this.tier && this.client) {
      this.client.selectTier({
        tierId: this.tier,
        interval: this.interval ?? 'month',
        ...(this.seats ? { seats: this.seats } : {}),
      });
    }
    // Card entry loads when the payment step shows (set here, not in updated(), so it costs no extra render).
    if (this.#showsPayment() && this.providerState === 'idle') {
      this.providerState = 'loading';
      void this.#loadProvider();
    }
  }

  protected override clientChanged(): void {
    this.#dropProvider();
    // Attributes apply to the new client too.
    if (this.tier) this.requestUpdate('tier');
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const purchase = this.#purchase.value;
    const failure = this.#quote.value?.error ?? purchase?.error ?? this.#providerError;
    reportFailure(this, failure, failure === purchase?.error ? 'purchase' : failure === this.#providerError ? 'payment-setup' : 'preview-change');
    // Move focus to the outcome once per outcome.
    const outcome = purchase?.status === 'succeeded' || purchase?.status === 'failed' || purchase?.status === 'pending' ? purchase : undefined;
    if (outcome && outcome.status + (outcome.error?.code ?? '') !== this.#announced) {
      this.#announced = outcome.status + (outcome.error?.code ?? '');
      if (outcome.status === 'succeeded' && outcome.subscription) {
        this.dispatchEvent(new TectraBillingActivatedEvent({ subscription: outcome.subscription }));
      }
      // A card form that flagged a field has focused it already.
      if (outcome.error?.code !== 'invalid_request') this.shadowRoot?.querySelector<HTMLElement>('[data-outcome]')?.focus();
    }
    if (!outcome) this.#announced = undefined;
  }

  /** The payment step is shown when there is a tier to pay for and nothing is bought yet. */
  #showsPayment(): boolean {
    const status = this.#purchase.value?.status;
    return (
      !!this.#checkout.value?.selection &&
      !!this.#subscription.value?.data &&
      !hasPlan(this.#subscription.value.data) &&
      status !== 'succeeded'
    );
  }

  async #loadProvider(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.#providerError = undefined;
    try {
      const intent = await client.createSetupIntent();
      const { createPaymentProvider } = await import('../../payments/provider.js');
      const provider = await createPaymentProvider(intent, { locale: this.intlLocale });
      if (client !== this.client || !this.isConnected) {
        provider.destroy();
        return;
      }
      this.#provider = provider;
      this.providerState = 'ready';
      await this.updateComplete;
      await provider.mount(paymentContainer(this, provider));
    } catch (error) {
      this.#providerError = error as BillingError;
      this.providerState = 'error';
    }
  }

  #dropProvider(): void {
    releasePayment(this, this.#provider);
    this.#provider = undefined;
    this.providerState = 'idle';
  }

  async #applyCoupon(): Promise<void> {
    const code = this.couponText.trim();
    if (!code || !this.client) {
      this.couponError = msg('Enter a code.', { id: 'checkout.coupon_empty' });
      return;
    }
    this.couponBusy = true;
    this.couponError = '';
    try {
      await this.client.applyCoupon(code);
      this.couponText = '';
    } catch (error) {
      const e = error as BillingError;
      this.couponError = e.code === 'coupon_invalid'
        ? msg(str`The code ${code} is not valid or has expired.`, { id: 'checkout.coupon_invalid' })
        : errorMessage(e);
    } finally {
      this.couponBusy = false;
    }
  }

  #submit(event: Event): void {
    event.preventDefault();
    const provider = this.#provider;
    const client = this.client;
    if (!provider || !client) return;
    void client.purchase(provider);
  }

  #retrySetup(): void {
    this.#dropProvider();
  }

  protected override render(): TemplateResult {
    const catalog = this.#catalog.value;
    const sub = this.#subscription.value;
    const purchase = this.#purchase.value;
    let body: TemplateResult;
    if (purchase?.status === 'succeeded' && purchase.subscription) body = this.#renderConfirmation(purchase.subscription, purchase.quote);
    else if ((catalog?.status === 'error' && !catalog.data) || (sub?.status === 'error' && !sub.data)) {
      body = html`<div part="error" class="banner" data-tone="danger" role="alert">
        <p>${msg('We could not load the checkout.', { id: 'checkout.load_error' })} ${errorMessage(catalog?.error ?? sub?.error)}</p>
        <button @click=${() => (void this.client?.refresh('catalog'), void this.client?.refresh('subscription'))}>${msg('Retry', { id: 'common.retry' })}</button>
      </div>`;
    } else if (!catalog?.data || !sub?.data) {
      body = html`<div class="skeleton skeleton-block" part="skeleton" role="status"><span class="visually-hidden">${msg('Loading checkout…', { id: 'checkout.loading' })}</span></div>`;
    } else if (hasPlan(sub.data)) {
      body = html`<p class="banner" data-tone="info">${msg('Your plan is active. Change it with the tier picker.', { id: 'checkout.has_plan' })}</p>`;
    } else if (!this.#checkout.value?.selection) {
      body = html`<p class="muted">${msg('Choose a tier to continue.', { id: 'checkout.no_selection' })}</p>`;
    } else {
      body = this.#renderCheckout();
    }
    return html`<section part="base" class="card" aria-labelledby="checkout-title">
      <h2 id="checkout-title">${msg('Payment', { id: 'checkout.title' })}</h2>
      ${body}
    </section>`;
  }

  #renderCheckout(): TemplateResult {
    const selection = this.#checkout.value?.selection;
    const tier = findTierIn(this.#catalog.value?.data, selection?.tierId);
    const purchase = this.#purchase.value;
    const quote = this.#quote.value;
    const busy = purchase?.status === 'confirming' || purchase?.status === 'authenticating' || purchase?.status === 'activating';
    const ready = quote?.status === 'ready' && this.providerState === 'ready';
    const due = quote?.data && quote.status === 'ready' ? formatMoney(quote.data.dueNow, this.intlLocale) : '';
    const name = tier?.name ?? selection?.tierId ?? '';
    const seats = selection?.seats ? formatNumber(selection.seats, this.intlLocale) : '';
    const cadence = selection ? intervalName(selection.interval) : '';
    return html`<p part="selection" class="selection">
        ${seats
          ? msg(str`${name}, ${cadence}, ${seats} seats`, { id: 'checkout.selection_seats' })
          : msg(str`${name}, ${cadence}`, { id: 'checkout.selection' })}
      </p>
      <form class="layout" @submit=${this.#submit} novalidate aria-busy=${busy ? 'true' : 'false'}>
        <div class="section" part="payment">
          <h3>${msg('Card', { id: 'checkout.card' })}</h3>
          ${this.#renderPaymentStep()}
        </div>
        <div class="section">
          ${this.#renderCoupon()}
          ${this.#renderReview()}
          <button part="submit" class="primary submit" type="submit" ?disabled=${!ready || busy} aria-busy=${busy ? 'true' : 'false'}>
            ${busy
              ? msg('Processing…', { id: 'checkout.processing' })
              : due
                ? msg(str`Pay ${due} and subscribe`, { id: 'checkout.pay' })
                : msg('Subscribe', { id: 'checkout.subscribe' })}
          </button>
          ${this.#renderStatus()}
        </div>
      </form>`;
  }

  #renderPaymentStep(): TemplateResult {
    if (this.providerState === 'error') {
      return html`<div part="error" class="banner" data-tone="danger" role="alert">
        <p>${msg('The secure card form could not be loaded.', { id: 'checkout.setup_error' })} ${errorMessage(this.#providerError)}</p>
        <button type="button" @click=${this.#retrySetup}>${msg('Retry', { id: 'common.retry' })}</button>
      </div>`;
    }
    return html`${this.providerState !== 'ready'
        ? html`<div class="skeleton skeleton-fields" role="status"><span class="visually-hidden">${msg('Loading the secure card form…', { id: 'checkout.loading_card' })}</span></div>`
        : nothing}
      <div class="card-fields"></div>
      <slot name="payment-element"></slot>`;
  }

  #renderCoupon(): TemplateResult {
    const coupon = this.#checkout.value?.coupon;
    if (coupon) {
      return html`<div part="coupon" class="applied">
        <span>${msg(str`Code ${coupon.code}: ${this.#couponText(coupon)}`, { id: 'checkout.coupon_applied' })}</span>
        <button type="button" class="link" @click=${() => this.client?.removeCoupon()}>${msg('Remove', { id: 'checkout.coupon_remove' })}</button>
      </div>`;
    }
    return html`<div part="coupon" class="field">
      <label for="coupon">${msg('Coupon code', { id: 'checkout.coupon_label' })}</label>
      <div class="coupon-row">
        <input
          id="coupon"
          autocomplete="off"
          .value=${this.couponText}
          aria-invalid=${this.couponError ? 'true' : 'false'}
          aria-describedby="coupon-error"
          @input=${(e: Event) => (this.couponText = (e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void this.#applyCoupon();
            }
          }}
        />
        <button type="button" ?disabled=${this.couponBusy} aria-busy=${this.couponBusy ? 'true' : 'false'} @click=${() => void this.#applyCoupon()}>
          ${msg('Apply', { id: 'checkout.coupon_apply' })}
        </button>
      </div>
      <p class="field-error" id="coupon-error" role="alert">${this.couponError}</p>
    </div>`;
  }

  #couponText(coupon: Coupon): string {
    const amount = coupon.percentOff !== undefined
      ? formatNumber(coupon.percentOff / 100, this.intlLocale, { style: 'percent', maximumFractionDigits: 2 })
      : coupon.amountOff ? formatMoney(coupon.amountOff, this.intlLocale) : '';
    if (coupon.duration === 'forever') return msg(str`${amount} off every payment`, { id: 'checkout.off_forever' });
    if (coupon.duration === 'repeating') {
      const months = formatNumber(coupon.durationInMonths ?? 1, this.intlLocale);
      return msg(str`${amount} off for ${months} months`, { id: 'checkout.off_months' });
    }
    return msg(str`${amount} off the first payment`, { id: 'checkout.off_once' });
  }

  #renderReview(): TemplateResult {
    const quote = this.#quote.value;
    if (quote?.status === 'error') {
      return html`<div part="review" class="banner" data-tone="danger" role="alert">
        <p>${msg('We could not calculate the price.', { id: 'checkout.quote_failed' })} ${errorMessage(quote.error)}</p>
        <button type="button" @click=${() => void this.client?.refreshCheckoutQuote()}>
          ${msg('Retry', { id: 'common.retry' })}
        </button>
      </div>`;
    }
    const q = quote?.data;
    if (!q) return html`<div part="review" class="skeleton review" role="status"><span class="visually-hidden">${msg('Calculating your price…', { id: 'picker.quoting' })}</span></div>`;
    const money = (m: Quote['total']) => formatMoney(m, this.intlLocale);
    const tz = this.#subscription.value?.data?.timeZone ?? 'UTC';
    const rows: Array<[string, string, boolean?]> = [[msg('Subtotal', { id: 'checkout.subtotal' }), money(q.subtotal)]];
    if (q.discount.amount) rows.push([msg('Discount', { id: 'summary.discount' }), `−${money(q.discount)}`]);
    rows.push([msg('Tax', { id: 'picker.quote_tax' }), money(q.tax)]);
    if (q.proration.amount) rows.push([msg('Proration for this period', { id: 'picker.quote_proration' }), money(q.proration)]);
    rows.push([msg('Total', { id: 'checkout.total' }), money(q.total)]);
    rows.push([msg('Due now', { id: 'picker.quote_due_now' }), money(q.dueNow), true]);
    rows.push([msg('Next payment', { id: 'summary.next_payment' }), formatDate(q.nextPaymentDate, this.intlLocale, tz, 'long')]);
    return html`<dl part="review" class="review" aria-busy=${quote?.status === 'loading' ? 'true' : 'false'}>
      ${rows.map(([term, value, strong]) => html`<dt class=${strong ? 'total' : ''}>${term}</dt><dd class=${strong ? 'total' : ''}>${value}</dd>`)}
    </dl>`;
  }

  #renderStatus(): TemplateResult {
    const purchase = this.#purchase.value;
    switch (purchase?.status) {
      case 'confirming':
        return html`<p part="status" role="status">${msg('Confirming your card…', { id: 'checkout.confirming' })}</p>`;
      case 'authenticating':
        return html`<p part="status" role="status">${msg('Waiting for your bank to authenticate the payment…', { id: 'checkout.authenticating' })}</p>`;
      case 'activating':
        return html`<p part="status" role="status">${msg('Activating…', { id: 'checkout.activating' })}</p>`;
      case 'pending':
        return html`<p part="status" class="banner" data-tone="info" role="status" tabindex="-1" data-outcome>
          ${msg('We are still confirming your payment. You will get an email when your plan is active: there is no need to pay again.', { id: 'checkout.pending' })}
        </p>`;
      case 'failed':
        return html`<p part="error" class="banner" data-tone="danger" role="alert" tabindex="-1" data-outcome>${purchaseError(purchase.error)}</p>`;
      default:
        return html`<p part="status" role="status" class="visually-hidden"></p>`;
    }
  }

  #renderConfirmation(subscription: Subscription, quote: Quote | undefined): TemplateResult {
    const tier = findTierIn(this.#catalog.value?.data, subscription.tierId);
    const name = tier?.name ?? subscription.tierId ?? '';
    const tz = subscription.timeZone ?? 'UTC';
    const paid = quote ? formatMoney(quote.dueNow, this.intlLocale) : '';
    const next = subscription.nextPayment;
    return html`<div part="confirmation" class="confirmation">
      <h3 tabindex="-1" data-outcome>${msg(str`You are subscribed to ${name}.`, { id: 'checkout.done_title' })}</h3>
      ${paid ? html`<p>${msg(str`Paid today: ${paid}.`, { id: 'checkout.paid' })}</p>` : nothing}
      ${next
        ? html`<p>${msg(str`Next payment: ${formatMoney(next.amount, this.intlLocale)} on ${formatDate(next.dueDate, this.intlLocale, tz, 'long')}.`, { id: 'checkout.next' })}</p>`
        : nothing}
      <p>${msg('A confirmation email is on its way.', { id: 'checkout.email' })}</p>
    </div>`;
  }
}
