import type { PaymentProvider } from './provider.js';

const SLOT = 'payment-element';

/**
 * Where a provider renders card entry inside `host`: Stripe's iframe in a light-DOM
 * child shown through `<slot name="payment-element">` (it does not work inside a shadow
 * root), the test form in the shadow root's `.card-fields`.
 */
export function paymentContainer(host: HTMLElement, provider: PaymentProvider): HTMLElement {
  if (provider.kind !== 'stripe') return host.shadowRoot?.querySelector<HTMLElement>('.card-fields') as HTMLElement;
  let slotted = host.querySelector<HTMLElement>(`:scope > [slot="${SLOT}"]`);
  if (!slotted) {
    slotted = document.createElement('div');
    slotted.slot = SLOT;
    host.append(slotted);
  }
  return slotted;
}

/** Destroys the provider's card entry and the light-DOM child it may have used. */
export function releasePayment(host: HTMLElement, provider: PaymentProvider | undefined): void {
  provider?.destroy();
  host.querySelector(`:scope > [slot="${SLOT}"]`)?.remove();
}
