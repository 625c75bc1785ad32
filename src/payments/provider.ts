/**
 * The payment provider seam: card entry and confirmation, chosen by the adapter's
 * setup intent. Stripe collects cards in its own iframes (card data never touches the
 * kit); the test provider is a local form for demos and tests and is only ever used
 * for a `test` setup intent.
 */
import type { SetupIntent } from '../core/types.js';

export interface PaymentProvider {
  readonly kind: SetupIntent['provider'];
  /**
   * Shows card entry inside `container`. Stripe's Payment Element needs a light-DOM
   * container (its iframe does not work inside a shadow root); the test form renders anywhere.
   */
  mount(container: HTMLElement): Promise<void>;
  /** Confirms the card (3-D Secure included); resolves with the payment method id. Throws BillingError. */
  confirmCard(): Promise<string>;
  /** Completes an action the backend asked for when activating (3-D Secure on the first payment). */
  handleNextAction(clientSecret: string): Promise<void>;
  destroy(): void;
}

export interface PaymentProviderOptions {
  /** The kit's locale, for Stripe's own texts. */
  locale: string;
}

/** Loads the provider a setup intent names, and only that one. */
export async function createPaymentProvider(intent: SetupIntent, options: PaymentProviderOptions): Promise<PaymentProvider> {
  switch (intent.provider) {
    case 'stripe': {
      const { createStripeProvider } = await import('./stripe.js');
      return createStripeProvider(intent, options);
    }
    case 'test': {
      const { createTestProvider } = await import('./test-provider.js');
      return createTestProvider(intent);
    }
  }
}
