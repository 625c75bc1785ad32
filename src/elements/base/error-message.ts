import { msg } from '@lit/localize';
import type { BillingError } from '../../core/errors.js';
import { TectraErrorEvent } from '../../events.js';

// Here, not in the base element: every element pays for the base in the shared runtime.
const reported = new WeakMap<HTMLElement, BillingError | undefined>();

/**
 * Tells the page about an element's current failure with `tectra-error`: once per
 * failure, not on every render. Call it after every update.
 */
export function reportFailure(host: HTMLElement, error: BillingError | undefined, operation: string): void {
  if (error && error !== reported.get(host)) host.dispatchEvent(new TectraErrorEvent({ error, operation }));
  reported.set(host, error);
}

/** What a user should do about a failure, in their language (never the raw server text). */
export function errorMessage(error: BillingError | undefined): string {
  switch (error?.code) {
    case 'unauthorized':
      return msg('Please sign in again.', { id: 'error.unauthorized' });
    case 'forbidden':
      return msg('You do not have access to billing for this account.', { id: 'error.forbidden' });
    case 'network':
    case 'timeout':
      return msg('Check your connection and try again.', { id: 'error.network' });
    case 'invalid_response':
      return msg('The billing service sent an unexpected answer.', { id: 'error.invalid_response' });
    case 'conflict':
      return msg('Something changed in the meantime. Please review and try again.', { id: 'error.conflict' });
    case 'rate_limited':
      return msg('Too many requests. Please wait a moment and try again.', { id: 'error.rate_limited' });
    default:
      return msg('Please try again in a moment.', { id: 'error.generic' });
  }
}

/** What a user should do about a failed card step (declined, not authenticated, wrong details), else as `errorMessage`. */
export function cardErrorMessage(error: BillingError | undefined): string {
  switch (error?.code) {
    case 'card_declined':
      return msg('Your card was declined. Try another card.', { id: 'checkout.declined' });
    case 'authentication_failed':
      return msg('The card could not be authenticated. Try again or use another card.', { id: 'checkout.auth_failed' });
    case 'invalid_request':
      return msg('Check the card details.', { id: 'checkout.check_card' });
    default:
      return errorMessage(error);
  }
}
