// The payment form's card step, as a user drives it in the tests: wait for the card
// form, type a card, find the pay button.
import { waitUntil } from '@open-wc/testing';

export const submitButton = (form: Element) => form.shadowRoot?.querySelector('[part="submit"]') as HTMLButtonElement;

/** Waits until the card form is there and the pay button can be pressed. */
export async function cardReady(form: Element, timeout = 4000): Promise<void> {
  await waitUntil(() => form.shadowRoot?.querySelector('[name="card-number"]') && !submitButton(form)?.disabled, 'card form never became ready', { timeout });
}

export function typeCard(form: Element, number: string, expiry = '12 / 34', cvc = '123'): void {
  const set = (name: string, value: string) => {
    const input = form.shadowRoot?.querySelector<HTMLInputElement>(`[name="card-${name}"]`);
    if (input) input.value = value;
  };
  set('number', number);
  set('expiry', expiry);
  set('cvc', cvc);
}
