// Billing details' state over the simulator: one store per client, loaded when read; a save
// retried after a failure keeps its idempotency key; tax IDs normalized and shown at once;
// an adapter without billing details says so instead of breaking.
import { describe, expect, it } from 'vitest';
import { BillingError } from '../../../src/core/errors.js';
import { billingDetailsOf } from '../../../src/state/billing-details.js';
import { createBillingClient } from '../../../src/state/client.js';
import { memoryClient } from '../client-helpers.js';

const ADDRESS = { line1: 'Unter den Linden 1', city: 'Berlin', postalCode: '10117', country: 'DE' };

describe('billing details state', () => {
  it('is one per client, loads when first read, and shows a save at once', async () => {
    const { client, adapter } = memoryClient('team');
    const state = billingDetailsOf(client);
    expect(billingDetailsOf(client)).toBe(state);
    expect(state.supported).toBe(true);
    expect(adapter.count('getBillingDetails')).toBe(0);
    const seen: string[] = [];
    const stop = state.$billingDetails.subscribe((r) => seen.push(r.status));
    await expect.poll(() => state.$billingDetails.get().status).toBe('ready');
    expect(state.$billingDetails.get().data).toEqual({ taxIds: [] });
    const saved = await state.save({ email: 'ap@acme.example', name: 'Acme GmbH', address: ADDRESS });
    expect(saved).toEqual({ email: 'ap@acme.example', name: 'Acme GmbH', address: ADDRESS, taxIds: [] });
    expect(state.$billingDetails.get()).toEqual({ status: 'ready', data: saved });
    expect(adapter.count('getBillingDetails')).toBe(1);
    expect(seen).toEqual(['loading', 'ready', 'ready']);
    stop();
  });

  it('a saved address prices an open checkout again (tax can go by it); with no checkout open nothing is quoted', async () => {
    const { client, adapter } = memoryClient('new-with-tax');
    const state = billingDetailsOf(client);
    await state.save({ name: 'Acme GmbH' });
    expect(adapter.count('previewChange')).toBe(0);
    const stop = client.$checkoutQuote.subscribe(() => undefined);
    client.selectTier({ tierId: 'pro', interval: 'month' });
    await expect.poll(() => client.$checkoutQuote.get().data?.addressRequired).toBe(true);
    await state.save({ address: ADDRESS });
    await expect.poll(() => client.$checkoutQuote.get().data?.tax.amount).toBe(931);
    expect(client.$checkoutQuote.get().data?.addressRequired).toBeUndefined();
    // A tax ID can change the tax too (a reverse charge): adding and removing one prices it again.
    const quoted = adapter.count('previewChange');
    const added = await state.addTaxId('eu_vat', 'DE123456789');
    await expect.poll(() => adapter.count('previewChange')).toBe(quoted + 1);
    await state.removeTaxId(added.id);
    await expect.poll(() => adapter.count('previewChange')).toBe(quoted + 2);
    stop();
  });

  it('tries a failed save again under the same key, and a different save under a new one', async () => {
    const { client, adapter } = memoryClient('team');
    const state = billingDetailsOf(client);
    adapter.setFault('updateBillingDetails', { code: 'network', times: 1 });
    await expect(state.save({ name: 'Acme' })).rejects.toMatchObject({ code: 'network' });
    await state.save({ name: 'Acme' });
    await state.save({ name: 'Acme Inc.' });
    const keys = adapter.calls.filter((c) => c.method === 'updateBillingDetails').map((c) => (c.args[0] as { idempotencyKey: string }).idempotencyKey);
    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[1]);
    expect(adapter.snapshot().billingDetails?.name).toBe('Acme Inc.');
  });

  it('adds a tax ID as typed, normalized, and removes it; refusals reach the caller', async () => {
    const { client, adapter } = memoryClient('team');
    const state = billingDetailsOf(client);
    const added = await state.addTaxId('eu_vat', 'de 123 456 789');
    expect(added).toMatchObject({ type: 'eu_vat', value: 'DE123456789', verification: 'verified' });
    expect(state.$billingDetails.get().data?.taxIds).toEqual([added]);
    await expect(state.addTaxId('eu_vat', 'DE123456789')).rejects.toMatchObject({ code: 'conflict' });
    await expect(state.addTaxId('gb_vat', 'GB1')).rejects.toMatchObject({ code: 'invalid_request' });
    await state.removeTaxId(added.id);
    expect(state.$billingDetails.get().data?.taxIds).toEqual([]);
    expect(adapter.snapshot().billingDetails?.taxIds).toEqual([]);
    await expect(state.removeTaxId(added.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('says plainly when the backend keeps no billing details', async () => {
    const { adapter } = memoryClient('team');
    const { getBillingDetails: _g, updateBillingDetails: _u, addTaxId: _a, removeTaxId: _r, ...rest } = adapter;
    const state = billingDetailsOf(createBillingClient({ adapter: rest }));
    expect(state.supported).toBe(false);
    await expect(state.save({ name: 'Acme' })).rejects.toBeInstanceOf(BillingError);
    const stop = state.$billingDetails.listen(() => undefined);
    await expect.poll(() => state.$billingDetails.get().status).toBe('error');
    expect(state.$billingDetails.get().error).toMatchObject({ code: 'not_found' });
    stop();
  });

  it('refuses a malformed answer instead of showing it', async () => {
    const { client, adapter } = memoryClient('team');
    (adapter as { getBillingDetails: () => Promise<unknown> }).getBillingDetails = async () => ({ email: 'x' });
    const state = billingDetailsOf(client);
    const stop = state.$billingDetails.listen(() => undefined);
    await expect.poll(() => state.$billingDetails.get().status).toBe('error');
    expect(state.$billingDetails.get().error).toMatchObject({ code: 'invalid_response' });
    stop();
  });
});
