import { atom } from 'nanostores';
import type { BillingClient } from './client.js';

/** The client used by elements that are not inside a `<tectra-billing-provider>`. */
export const $defaultBillingClient = atom<BillingClient | undefined>(undefined);

export function setDefaultBillingClient(client: BillingClient | undefined): void {
  $defaultBillingClient.set(client);
}

export function getDefaultBillingClient(): BillingClient | undefined {
  return $defaultBillingClient.get();
}
