import { msg } from '@lit/localize';
import { html, type PropertyValues, type TemplateResult } from 'lit';
import type { BillingError } from '../../core/errors.js';
import { onDemand } from '../../core/on-demand.js';
import { hasPlan } from '../../core/plans.js';
import type { Interval } from '../../core/types.js';
import { TectraBillingActivatedEvent } from '../../events.js';
import { paymentContainer, releasePayment } from '../../payments/container.js';
import { createPaymentProvider, type PaymentProvider } from '../../payments/provider.js';
import { fields } from '../../styles/fields.js';
import { errorMessage, reportFailure } from '../base/error-message.js';
import { TectraElement } from '../base/tectra-element.js';
import type { CheckoutContext } from './checkout-view.js';
import { styles } from './payment-form.styles.js';

/**
 * The checkout: the selected tier, card entry (Stripe's Payment Element, or the test
 * form in test mode), a coupon, the review of what is due, and one protected submit.
 *
 * @tagname tectra-payment-form
 * @summary Pay for the selected tier: card, coupon, review, 3-D Secure and confirmation.
 *
 * @slot payment-element - Filled by the kit with Stripe's Payment Element (it needs the light DOM); leave empty.
 *
 * @fires {TectraBillingActivatedEvent} tectra-billing-activated - The backend confirmed the new subscription (`detail.subscription`).
 * @fires {TectraErrorEvent} tectra-error - Quoting, the card step or the purchase failed (`detail.error`, `detail.operation`).
 *
 * @csspart base - The card around everything.
 * @csspart selection - The chosen tier, interval and seats.
 * @csspart address - The address step (a `tectra-billing-details` asking for the address), where tax goes by where the customer is.
 * @csspart payment - The card entry.
 * @csspart test-card - The test-mode card form.
 * @csspart coupon - The coupon field and the applied coupon.
 * @csspart review - Subtotal, discount, tax, proration, total, due now, next payment.
 * @csspart submit - The pay button.
 * @csspart status - Progress and outcome messages.
 * @csspart error - The error message.
 * @csspart confirmation - The confirmation after success.
 * @csspart not-allowed - Why the viewer's role cannot buy the plan (instead of the card form and the pay button).
 *
 * @cssprop --tectra-payment-form-min-height - Reserved height while loading (default 24rem).
 */
export class TectraPaymentForm extends TectraElement {
  static override styles = [...TectraElement.styles, fields, styles];
  static override properties = {
    tier: {},
    interval: {},
    seats: { type: Number },
    providerState: { state: true },
  };

  /** Tier id to check out (instead of the tier picker's choice). */
  tier: string | undefined;
  /** `month` or `year`, with `tier`. */
  interval: Interval | undefined;
  /** Seats, with `tier`, for team tiers. */
  seats: number | undefined;

  private providerState: 'idle' | 'loading' | 'ready' | 'error' = 'idle';

  #catalog = this.select((c) => c.$catalog);
  #subscription = this.select((c) => c.$subscription);
  #checkout = this.select((c) => c.$checkout);
  #quote = this.select((c) => c.$checkoutQuote);
  #purchase = this.select((c) => c.$purchase);
  #provider: PaymentProvider | undefined;
  /** The container the card form is in. */
  #cardIn: HTMLElement | undefined;
  #providerError: BillingError | undefined;
  #announced: string | undefined;
  /** The checkout's `proceed` count last acted on (undefined before the first update). */
  #proceed: number | undefined;
  /** The checkout view arrives on demand, beside the card form (see checkout-view.ts). */
  readonly #view = onDemand(() => import('./checkout-view.js').then(({ CheckoutView }) => new CheckoutView(this)));
  #viewError: unknown;
  // Stable handlers, so re-renders of the view do not re-bind its listeners.
  readonly #onSubmit = (event: Event) => this.#submit(event);
  readonly #onRetrySetup = () => this.#retrySetup();

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
    // After a failed download the view waits for Retry.
    if ((this.#showsPayment() || this.#purchase.value?.status === 'succeeded') && !this.#view.loaded && !this.#viewError) this.#loadView();
  }

  #loadView(): void {
    this.#view().then(
      () => this.requestUpdate(),
      (error: unknown) => {
        this.#viewError = error;
        this.requestUpdate();
      },
    );
  }

  #retryView(): void {
    this.#viewError = undefined;
    this.#loadView();
  }

  #context(): CheckoutContext {
    return {
      client: this.client,
      locale: this.intlLocale,
      catalog: this.#catalog.value?.data,
      subscription: this.#subscription.value?.data,
      checkout: this.#checkout.value,
      quote: this.#quote.value,
      purchase: this.#purchase.value,
      providerState: this.providerState,
      providerError: this.#providerError,
      onSubmit: this.#onSubmit,
      onRetrySetup: this.#onRetrySetup,
    };
  }

  protected override clientChanged(): void {
    this.#dropProvider();
    // Attributes apply to the new client too.
    if (this.tier) this.requestUpdate('tier');
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#mountCard();
    const purchase = this.#purchase.value;
    // A card form that flagged a field (a typo) is the user's to fix, not a failure of the page.
    const typo = purchase?.error?.code === 'invalid_request' && !purchase.paymentMethodId && !purchase.error.status;
    const failure = this.#quote.value?.error ?? (typo ? undefined : purchase?.error) ?? this.#providerError;
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
    // The user committed to a tier elsewhere on the page: the checkout is the next step.
    const proceed = this.#checkout.value?.proceed ?? 0;
    if (this.#proceed !== undefined && proceed > this.#proceed) {
      const title = this.shadowRoot?.querySelector<HTMLElement>('#checkout-title');
      title?.scrollIntoView({ block: 'start' });
      title?.focus({ preventScroll: true });
    }
    if (this.#checkout.value) this.#proceed = proceed;
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
      const provider = await createPaymentProvider(intent, { locale: this.intlLocale });
      if (client !== this.client || !this.isConnected) {
        provider.destroy();
        return;
      }
      this.#provider = provider;
      this.providerState = 'ready';
    } catch (error) {
      this.#failSetup(error);
    }
  }

  #failSetup(error: unknown): void {
    this.#providerError = error as BillingError;
    this.providerState = 'error';
  }

  /**
   * Puts the card form in its container once both exist: the view (on demand) or the
   * catalog can arrive after the provider, and a re-render can replace the container.
   */
  #mountCard(): void {
    const provider = this.#provider;
    const target = provider && paymentContainer(this, provider);
    if (target && target !== this.#cardIn) {
      this.#cardIn = target;
      provider.mount(target).catch((error: unknown) => this.#failSetup(error));
    }
  }

  #dropProvider(): void {
    releasePayment(this, this.#provider);
    this.#provider = this.#cardIn = undefined;
    this.providerState = 'idle';
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
    const loading = html`<div class="skeleton skeleton-block" part="skeleton" role="status"><span class="visually-hidden">${msg('Loading checkout…', { id: 'checkout.loading' })}</span></div>`;
    const view = this.#view.loaded;
    if (this.#viewError) {
      body = html`<div part="error" class="banner" data-tone="danger" role="alert">
        <p>${msg('We could not load the checkout.', { id: 'checkout.load_error' })} ${errorMessage(undefined)}</p>
        <button @click=${this.#retryView}>${msg('Retry', { id: 'common.retry' })}</button>
      </div>`;
    } else if (purchase?.status === 'succeeded' && purchase.subscription) {
      body = view ? view.renderConfirmation(this.#context(), purchase.subscription, purchase.quote) : loading;
    } else if ((catalog?.status === 'error' && !catalog.data) || (sub?.status === 'error' && !sub.data)) {
      body = html`<div part="error" class="banner" data-tone="danger" role="alert">
        <p>${msg('We could not load the checkout.', { id: 'checkout.load_error' })} ${errorMessage(catalog?.error ?? sub?.error)}</p>
        <button @click=${() => (void this.client?.refresh('catalog'), void this.client?.refresh('subscription'))}>${msg('Retry', { id: 'common.retry' })}</button>
      </div>`;
    } else if (!catalog?.data || !sub?.data) {
      body = loading;
    } else if (hasPlan(sub.data) && purchase?.status !== 'activating') {
      body = html`<p class="banner" data-tone="info">${msg('Your plan is active. Choose another plan to change it.', { id: 'checkout.has_plan' })}</p>`;
    } else if (!this.#checkout.value?.selection) {
      body = html`<p class="muted">${msg('Choose a plan to continue.', { id: 'checkout.no_selection' })}</p>`;
    } else {
      body = view ? view.render(this.#context()) : loading;
    }
    // The live region is the form's, so it is there before the view puts the outcome in it.
    return html`<section part="base" class="card" aria-labelledby="checkout-title">
      <h2 id="checkout-title" tabindex="-1">${msg('Payment', { id: 'checkout.title' })}</h2>
      ${body}
      <p class="visually-hidden" role="status">${view?.announcement(this.#context()) ?? ''}</p>
    </section>`;
  }
}
