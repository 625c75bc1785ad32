/**
 * Stripe: Stripe.js is loaded from Stripe by `@stripe/stripe-js/pure` on the first
 * `loadStripe()`, that is, only when a payment step is shown. The Payment Element
 * collects the card in Stripe's iframe; `confirmSetup` and `handleNextAction` run
 * 3-D Secure. Stripe's messages are replaced by the kit's own (in the user's language).
 */
import { loadStripe } from '@stripe/stripe-js/pure';
import type { Stripe, StripeConstructorOptions, StripeElements, StripeError, StripePaymentElement } from '@stripe/stripe-js';
import { BillingError } from '../core/errors.js';
import type { SetupIntent } from '../core/types.js';
import type { PaymentProvider, PaymentProviderOptions } from './provider.js';

type StripeIntent = Extract<SetupIntent, { provider: 'stripe' }>;

/** Stripe's error, as a BillingError the form explains in its own words. */
export function fromStripeError(error: StripeError): BillingError {
  const code =
    error.type === 'card_error'
      ? error.code === 'authentication_required' || error.code === 'payment_intent_authentication_failure' || error.code === 'setup_intent_authentication_failure'
        ? 'authentication_failed'
        : 'card_declined'
      : error.type === 'validation_error'
        ? 'invalid_request'
        : error.type === 'rate_limit_error'
          ? 'rate_limited'
          : error.type === 'api_connection_error'
            ? 'network'
            : 'server';
  return new BillingError(code, error.message ?? 'Stripe could not confirm the card.', { cause: error });
}

export async function createStripeProvider(intent: StripeIntent, options: PaymentProviderOptions): Promise<PaymentProvider> {
  let stripe: Stripe | null;
  try {
    stripe = await loadStripe(intent.publishableKey, {
      locale: options.locale.split('-')[0] as StripeConstructorOptions['locale'],
    });
  } catch (cause) {
    throw new BillingError('network', 'Stripe could not be loaded.', { cause });
  }
  if (!stripe) throw new BillingError('network', 'Stripe could not be loaded.');
  const client: Stripe = stripe;
  let elements: StripeElements | undefined;
  let paymentElement: StripePaymentElement | undefined;

  return {
    kind: 'stripe',
    async mount(container) {
      elements = client.elements({ clientSecret: intent.clientSecret });
      paymentElement = elements.create('payment');
      paymentElement.mount(container);
    },
    async confirmCard() {
      if (!elements) throw new BillingError('invalid_request', 'The card form is not ready yet.');
      const result = await client.confirmSetup({ elements, redirect: 'if_required' });
      if (result.error) throw fromStripeError(result.error);
      const method = result.setupIntent.payment_method;
      const id = typeof method === 'string' ? method : method?.id;
      if (!id) throw new BillingError('invalid_response', 'Stripe confirmed the card without a payment method.');
      return id;
    },
    async handleNextAction(clientSecret) {
      const result = await client.handleNextAction({ clientSecret });
      if (result.error) throw fromStripeError(result.error);
    },
    destroy() {
      paymentElement?.destroy();
      paymentElement = undefined;
      elements = undefined;
    },
  };
}
