import { describe, expect, it, vi } from 'vitest';
import type { BillingAdapter } from '../../../src/adapters/types.js';
import type { Subscription } from '../../../src/core/types.js';
import { createBillingClient } from '../../../src/state/client.js';
import { memoryClient, settle, waitUntil } from '../client-helpers.js';

/** Resolves calls by hand, in any order the test wants. */
function manualSubscriptionAdapter() {
  const pending: Array<{ resolve: (s: Subscription) => void; signal: AbortSignal | undefined }> = [];
  const { adapter: base } = memoryClient('individual-active');
  const adapter: BillingAdapter = {
    ...base,
    getSubscription: (o) => new Promise<Subscription>((resolve) => pending.push({ resolve, signal: o?.signal })),
  };
  return { adapter, pending };
}

describe('billing client', () => {
  it('loads nothing until an element reads a store', async () => {
    vi.useFakeTimers();
    try {
      const { client, adapter } = memoryClient();
      await vi.advanceTimersByTimeAsync(60_000);
      expect(adapter.calls).to.have.length(0);
      const stop = client.$catalog.listen(() => {});
      expect(adapter.count('getCatalog')).to.equal(1);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('makes one request for several readers of the same store', async () => {
    const { client, adapter } = memoryClient();
    const stops = [client.$subscription.listen(() => {}), client.$subscription.listen(() => {}), client.$subscription.subscribe(() => {})];
    await waitUntil(() => client.$subscription.get().status === 'ready');
    expect(adapter.count('getSubscription')).to.equal(1);
    stops.forEach((s) => s());
  });

  it('keeps the latest answer when answers come back out of order', async () => {
    const { adapter, pending } = manualSubscriptionAdapter();
    const client = createBillingClient({ adapter });
    const stop = client.$subscription.listen(() => {});
    void client.refresh('subscription');
    expect(pending).to.have.length(2);
    const [older, newer] = pending;
    newer?.resolve({ status: 'active', tierId: 'team', interval: 'month', seats: 3 });
    await waitUntil(() => client.$subscription.get().status === 'ready');
    older?.resolve({ status: 'active', tierId: 'starter', interval: 'month' });
    await settle();
    expect(client.$subscription.get().data?.tierId).to.equal('team');
    expect(older?.signal?.aborted).to.equal(true);
    stop();
  });

  it('aborts the request when nothing reads the store any more', async () => {
    const { adapter, pending } = manualSubscriptionAdapter();
    const client = createBillingClient({ adapter });
    vi.useFakeTimers();
    try {
      const stop = client.$subscription.listen(() => {});
      await vi.advanceTimersByTimeAsync(0);
      expect(pending).to.have.length(1);
      stop();
      // nanostores unmounts a store one second after its last listener leaves.
      await vi.advanceTimersByTimeAsync(999);
      expect(pending[0]?.signal?.aborted).to.equal(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(pending[0]?.signal?.aborted).to.equal(true);
      pending[0]?.resolve({ status: 'active', tierId: 'pro', interval: 'month' });
      await vi.advanceTimersByTimeAsync(0);
      expect(client.$subscription.get().data).to.equal(undefined);
    } finally {
      vi.useRealTimers();
    }
  });

  it('turns a malformed answer into invalid_response and keeps earlier data on a failed refresh', async () => {
    const { client, adapter } = memoryClient();
    const stop = client.$usage.listen(() => {});
    await waitUntil(() => client.$usage.get().status === 'ready');
    adapter.setFault('getUsage', 'server');
    await client.refresh('usage');
    expect(client.$usage.get().status).to.equal('error');
    expect(client.$usage.get().error?.code).to.equal('server');
    expect(client.$usage.get().data?.meters).to.have.length(4);
    stop();

    const broken: BillingAdapter = { ...adapter, getCatalog: async () => ({ currency: 'USD', tiers: [{ id: 1 }] }) as never };
    const other = createBillingClient({ adapter: broken });
    const stop2 = other.$catalog.listen(() => {});
    await waitUntil(() => other.$catalog.get().status === 'error');
    expect(other.$catalog.get().error?.code).to.equal('invalid_response');
    stop2();
  });

  it('refreshes what a mutation changed: activation updates subscription and invoices', async () => {
    const { client, adapter } = memoryClient('new');
    const stops = [client.$subscription.listen(() => {}), client.$invoices.listen(() => {})];
    await waitUntil(() => client.$subscription.get().status === 'ready' && client.$invoices.get().status === 'ready');
    expect(client.$invoices.get().data?.items).to.have.length(0);
    const result = await client.activate({ tierId: 'pro', interval: 'month', paymentMethodId: 'pm_test_4242', idempotencyKey: 'k' });
    expect(result.status).to.equal('succeeded');
    expect(client.$subscription.get().data?.status).to.equal('active');
    expect(client.$invoices.get().data?.items).to.have.length(1);
    expect(adapter.count('listInvoices')).to.equal(2);
    // Usage was never read, so it is not fetched.
    expect(adapter.count('getUsage')).to.equal(0);
    stops.forEach((s) => s());
  });

  it('pages invoices without duplicates', async () => {
    const { client } = memoryClient('individual-active');
    const small = createBillingClient({ adapter: client.adapter, invoicePageSize: 3 });
    const stop = small.$invoices.listen(() => {});
    await waitUntil(() => small.$invoices.get().status === 'ready');
    await Promise.all([small.loadMoreInvoices(), small.loadMoreInvoices()]);
    await small.loadMoreInvoices();
    const items = small.$invoices.get().data?.items ?? [];
    expect(items).to.have.length(8);
    expect(new Set(items.map((i) => i.id)).size).to.equal(8);
    expect(small.$invoices.get().data?.nextCursor).to.equal(null);
    stop();
  });

  it('keeps the checkout selection and coupon shared', async () => {
    const { client } = memoryClient('new');
    client.selectTier({ tierId: 'pro', interval: 'year' });
    const coupon = await client.applyCoupon('WELCOME20');
    expect(coupon.percentOff).to.equal(20);
    expect(client.$checkout.get()).to.deep.include({ selection: { tierId: 'pro', interval: 'year' } });
    const quote = await client.previewChange({ tierId: 'pro', interval: 'year' });
    expect(quote.selection.couponCode).to.equal('WELCOME20');
    expect(quote.discount.amount).to.equal(9800);
    const error = await client.applyCoupon('BOGUS').catch((e: unknown) => e);
    expect((error as { code: string }).code).to.equal('coupon_invalid');
    expect(client.$checkout.get().coupon?.code).to.equal('WELCOME20');
  });
});
