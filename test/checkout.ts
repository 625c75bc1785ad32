import { waitUntil } from './helpers.js';
// The payment form's card step, as a user drives it in the tests: wait for the card
// form, type a card, find the pay button.


export const submitButton = (form: Element) => form.shadowRoot?.querySelector('[part="submit"]') as HTMLButtonElement;

/** Waits until the card form is there and the pay button can be pressed. */
export async function cardReady(form: Element, timeout = 4000): Promise<void> {
  try {
    await waitUntil(() => form.shadowRoot?.querySelector('[name="card-number"]') && !submitButton(form)?.disabled, 'card form never became ready', { timeout });
  } catch (error) {
    // Say which half was missing and what the customer saw, so a rare failure can be read.
    const field = form.shadowRoot?.querySelector('[name="card-number"]') ? 'card field shown' : 'no card field';
    const button = submitButton(form) ? (submitButton(form).disabled ? 'pay button disabled' : 'pay button enabled') : 'no pay button';
    const seen = (form.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 400);
    throw new Error(`${(error as Error).message}: ${field}, ${button}; the form read "${seen}"`);
  }
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
