/**
 * The test provider: a local card form for the demo and the tests, never for real
 * cards. It accepts Stripe's documented test numbers only: 4242 4242 4242 4242
 * succeeds, 4000 0027 6000 3184 asks for a (simulated) 3-D Secure challenge, and
 * 4000 0000 0000 0002 is declined. `createPaymentProvider` uses it only for a `test`
 * setup intent, and it refuses any other.
 */
import { msg } from '@lit/localize';
import { html, nothing, render } from 'lit';
import { BillingError } from '../core/errors.js';
import type { SetupIntent } from '../core/types.js';
import type { PaymentProvider } from './provider.js';

type Outcome = 'succeed' | 'challenge' | 'decline';

const TEST_CARDS: Record<string, Outcome> = {
  '4242424242424242': 'succeed',
  '4000002760003184': 'challenge',
  '4000000000000002': 'decline',
};

/** The Luhn checksum every card number satisfies. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length >= 12 && sum % 10 === 0;
}

type Field = 'number' | 'expiry' | 'cvc';

interface FormState {
  errors: Partial<Record<Field, string>>;
  challenge: boolean;
}

/** Checks the typed card: the errors per field, or the outcome of a test number. */
export function checkTestCard(number: string, expiry: string, cvc: string, now = new Date()): { errors: FormState['errors']; outcome?: Outcome } {
  const errors: FormState['errors'] = {};
  const digits = number.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits) || !luhnValid(digits)) {
    errors.number = msg('Enter a valid card number.', { id: 'card.number_invalid' });
  } else if (!TEST_CARDS[digits]) {
    errors.number = msg('Test mode accepts only test card numbers, such as 4242 4242 4242 4242.', { id: 'card.number_not_test' });
  }
  const match = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(expiry);
  const month = Number(match?.[1]);
  const year = match ? Number(match[2]?.length === 2 ? `20${match[2]}` : match[2]) : NaN;
  if (!match || month < 1 || month > 12) {
    errors.expiry = msg('Enter the expiry date as MM / YY.', { id: 'card.expiry_invalid' });
  } else if (year < now.getUTCFullYear() || (year === now.getUTCFullYear() && month < now.getUTCMonth() + 1)) {
    errors.expiry = msg('This card has expired.', { id: 'card.expired' });
  }
  if (!/^\d{3,4}$/.test(cvc.trim())) errors.cvc = msg('Enter the 3 or 4 digit security code.', { id: 'card.cvc_invalid' });
  const outcome = Object.keys(errors).length ? undefined : TEST_CARDS[digits];
  return outcome ? { errors, outcome } : { errors };
}

export function createTestProvider(intent: SetupIntent): PaymentProvider {
  if (intent.provider !== 'test') throw new BillingError('invalid_request', 'The test card form is only for test setup intents.');
  let container: HTMLElement | undefined;
  const state: FormState = { errors: {}, challenge: false };
  let settleChallenge: ((approved: boolean) => void) | undefined;

  const input = (name: Field) => container?.querySelector<HTMLInputElement>(`[name="card-${name}"]`);

  function field(name: Field, label: string, extra: { autocomplete: string; placeholder: string; inputmode: string }) {
    const error = state.errors[name];
    return html`<div class="field">
      <label for="card-${name}">${label}</label>
      <input
        id="card-${name}"
        name="card-${name}"
        dir="ltr"
        autocomplete=${extra.autocomplete}
        inputmode=${extra.inputmode}
        placeholder=${extra.placeholder}
        required
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby="card-${name}-error"
      />
      <p class="field-error" id="card-${name}-error">${error ?? ''}</p>
    </div>`;
  }

  function draw(): void {
    if (!container) return;
    render(
      html`<div class="test-card" part="test-card">
        <p class="test-mode" role="note">${msg('Test mode: do not enter real card details.', { id: 'card.test_mode' })}</p>
        ${field('number', msg('Card number', { id: 'card.number' }), { autocomplete: 'cc-number', placeholder: '4242 4242 4242 4242', inputmode: 'numeric' })}
        <div class="field-row">
          ${field('expiry', msg('Expiry (MM / YY)', { id: 'card.expiry' }), { autocomplete: 'cc-exp', placeholder: 'MM / YY', inputmode: 'numeric' })}
          ${field('cvc', msg('Security code', { id: 'card.cvc' }), { autocomplete: 'cc-csc', placeholder: '123', inputmode: 'numeric' })}
        </div>
        <dialog class="challenge" aria-labelledby="challenge-title" @cancel=${(e: Event) => {
          e.preventDefault();
          settleChallenge?.(false);
        }}>
          ${state.challenge
            ? html`<h3 id="challenge-title">${msg('Test 3-D Secure challenge', { id: 'card.challenge_title' })}</h3>
                <p>${msg('Your bank asks you to confirm this payment. This is a simulation: no bank is contacted.', { id: 'card.challenge_text' })}</p>
                <div class="actions">
                  <button type="button" @click=${() => settleChallenge?.(false)}>${msg('Fail authentication', { id: 'card.challenge_fail' })}</button>
                  <button type="button" class="primary" autofocus @click=${() => settleChallenge?.(true)}>${msg('Complete authentication', { id: 'card.challenge_approve' })}</button>
                </div>`
            : nothing}
        </dialog>
      </div>`,
      container,
    );
  }

  /** The simulated bank challenge: resolves when approved, throws when failed or abandoned. */
  async function challenge(): Promise<void> {
    state.challenge = true;
    draw();
    const dialog = container?.querySelector('dialog');
    dialog?.showModal();
    const approved = await new Promise<boolean>((resolve) => (settleChallenge = resolve));
    settleChallenge = undefined;
    state.challenge = false;
    dialog?.close();
    draw();
    if (!approved) throw new BillingError('authentication_failed', 'The 3-D Secure authentication failed.');
  }

  return {
    kind: 'test',
    async mount(target) {
      container = target;
      draw();
    },
    async confirmCard() {
      const { errors, outcome } = checkTestCard(input('number')?.value ?? '', input('expiry')?.value ?? '', input('cvc')?.value ?? '');
      state.errors = errors;
      draw();
      if (!outcome) {
        const first = (['number', 'expiry', 'cvc'] as Field[]).find((f) => errors[f]);
        if (first) input(first)?.focus();
        throw new BillingError('invalid_request', 'The card details are incomplete.', { retryable: false });
      }
      if (outcome === 'decline') throw new BillingError('card_declined', 'The card was declined.');
      if (outcome === 'challenge') await challenge();
      // The id carries what a real provider would report: brand digit, last four, expiry.
      const digits = (input('number')?.value ?? '').replace(/\D/g, '');
      const [month = '', year = ''] = (input('expiry')?.value ?? '').split('/').map((p) => p.trim());
      return `pm_test_${digits[0]}_${digits.slice(-4)}_${month.padStart(2, '0')}${year.slice(-2)}`;
    },
    async handleNextAction() {
      await challenge();
    },
    destroy() {
      settleChallenge?.(false);
      if (container) render(nothing, container);
      container = undefined;
    },
  };
}
