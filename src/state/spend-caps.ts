/**
 * Saving a spend cap: the adapter's `setSpendCap`, then usage read again, so every meter on
 * the page shows the cap the backend now holds. It loads with the spend caps view, so a page
 * without it does not pay for it.
 */
import { BillingError } from '../core/errors.js';
import type { MeterKey, SpendCap } from '../core/types.js';
import type { BillingClient } from './client.js';
import { guarded } from './guarded.js';

/** Whether the backend takes spend caps (its adapter has `setSpendCap`). */
export const offersSpendCaps = (client: BillingClient): boolean => !!client.adapter.setSpendCap;

/** Sets a meter's cap, or removes it with null; usage is read again once the backend has it. */
export async function saveSpendCap(client: BillingClient, meter: MeterKey, cap: SpendCap | null): Promise<void> {
  const { adapter } = client;
  if (!adapter.setSpendCap) throw new BillingError('not_found', 'This billing backend offers no spend caps.', { status: 404 });
  await guarded(() => adapter.setSpendCap!(meter, cap));
  await client.refresh('usage');
}
