// Prepaid credit over the simulator: the state (one per client, loaded when read, a failed
// purchase retried under its key, 3-D Secure completed by the page's provider) and the
// simulator's credit (usage beyond the plan draws it down; auto-recharge with its cooldown,
// its monthly ceiling and its off-session failures).
import { describe, expect, it } from 'vitest';
import { createMemoryAdapter, demoSnapshot } from '../../../src/adapters/memory/index.js';
import { creditsOf } from '../../../src/state/credits.js';
import { createBillingClient } from '../../../src/state/client.js';
import { memoryClient, NOW } from '../client-helpers.js';

const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('credit state', () => {
  it('is one per client, loads when read, and shows a purchase at once, with its ledger line', async () => {
    const { client, adapter } = memoryClient('prepaid');
    const state = creditsOf(client);
    expect(creditsOf(client)).toBe(state);
    expect(state.supported).toBe(true);
    expect(adapter.count('getCredits')).toBe(0);
    const stop = state.$credits.subscribe(() => undefined);
    const stopLedger = state.$ledger.subscribe(() => undefined);
    await expect.poll(() => state.$credits.get().status).toBe('ready');
    const before = state.$credits.get().data?.balance.amount ?? 0;
    expect(before).toBe(1520);
    const bought = await state.purchase({ packId: 'credit_50' });
    expect(bought.charged).toEqual(usd(5000));
    expect(state.$credits.get().data?.balance).toEqual(usd(before + 5500));
    await expect.poll(() => state.$ledger.get().data?.items[0]?.kind).toBe('purchase');
    expect(state.$ledger.get().data?.items[0]).toMatchObject({ amount: usd(5500), balanceAfter: usd(before + 5500) });
    stop();
    stopLedger();
  });

  it('tries a failed purchase again under the same key (one charge), and the next one under a new key', async () => {
    const { client, adapter } = memoryClient('prepaid');
    const state = creditsOf(client);
    adapter.setFault('purchaseCredits', { code: 'network', times: 1 });
    await expect(state.purchase({ amount: usd(2000) })).rejects.toMatchObject({ code: 'network' });
    await state.purchase({ amount: usd(2000) });
    await state.purchase({ amount: usd(2000) });
    const keys = adapter.calls.filter((c) => c.method === 'purchaseCredits').map((c) => (c.args[0] as { idempotencyKey: string }).idempotencyKey);
    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[1]);
    expect(adapter.snapshot().creditLedger?.filter((e) => e.kind === 'purchase' && e.amount.amount === 2000)).toHaveLength(2);
  });

  it('completes 3-D Secure with the page provider, then the backend confirms that payment', async () => {
    const snapshot = demoSnapshot('prepaid', { now: NOW });
    snapshot.paymentMethods = [{ id: 'pm_3ds', type: 'card', brand: 'visa', last4: '3184', expMonth: 12, expYear: 2030, isDefault: true }];
    const adapter = createMemoryAdapter(snapshot, { now: () => new Date(NOW) });
    const state = creditsOf(createBillingClient({ adapter }));
    const challenged: string[] = [];
    const bought = await state.purchase({ packId: 'credit_10' }, { payment: { handleNextAction: async (secret) => void challenged.push(secret) } });
    expect(challenged).toHaveLength(1);
    expect(bought.credits.balance).toEqual(usd(1520 + 1000));
    const calls = adapter.calls.filter((c) => c.method === 'purchaseCredits').map((c) => c.args[0] as { completedAction?: string; idempotencyKey: string });
    expect(calls.map((c) => c.completedAction)).toEqual([undefined, challenged[0]]);
    expect(calls[1]?.idempotencyKey).not.toBe(calls[0]?.idempotencyKey);
    // Without a provider, the page says it cannot show the bank's step, and nothing is charged.
    const other = creditsOf(createBillingClient({ adapter: createMemoryAdapter(snapshot, { now: () => new Date(NOW) }) }));
    await expect(other.purchase({ packId: 'credit_10' })).rejects.toMatchObject({ code: 'authentication_failed' });
  });

  it('refuses what the rules refuse, and an account without credit answers not_found', async () => {
    const { client } = memoryClient('prepaid');
    const state = creditsOf(client);
    await expect(state.purchase({ amount: usd(100) })).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(state.purchase({ packId: 'credit_10' }, { couponCode: 'NOPE' })).rejects.toMatchObject({ code: 'coupon_invalid' });
    await expect(state.setAutoRecharge({ enabled: true, threshold: usd(2500), amount: usd(2500) })).rejects.toMatchObject({ code: 'invalid_request' });
    const saved = await state.setAutoRecharge({ enabled: true, threshold: usd(500), amount: usd(2500), monthlyLimit: usd(5000) });
    expect(saved.autoRecharge).toMatchObject({ enabled: true, threshold: usd(500), amount: usd(2500), monthlyLimit: usd(5000), cooldownMinutes: 60 });
    const none = creditsOf(memoryClient('team').client);
    const stop = none.$credits.subscribe(() => undefined);
    await expect.poll(() => none.$credits.get().status).toBe('error');
    expect(none.$credits.get().error?.code).toBe('not_found');
    stop();
  });
});

describe('the simulator credit', () => {
  it('draws usage beyond the plan from credit, recharges below the threshold once per cooldown and within the ceiling', async () => {
    let now = new Date(NOW);
    const adapter = createMemoryAdapter(demoSnapshot('prepaid', { now: NOW }), { now: () => now });
    await adapter.setAutoRecharge?.({ enabled: true, threshold: usd(1000), amount: usd(2500), monthlyLimit: usd(5000), idempotencyKey: 'k1' });
    // 533,334 output tokens beyond the allowance at $15 per million (the plan's overage price): $8.00 of credit.
    adapter.recordUsage('output_tokens', 533_334);
    let ledger = adapter.snapshot().creditLedger ?? [];
    expect(ledger.slice(0, 2).map((e) => [e.kind, e.amount.amount])).toEqual([['recharge', 2500], ['usage', -800]]);
    expect(adapter.snapshot().credits?.balance).toEqual(usd(1520 - 800 + 2500));
    // Down below the threshold again within the hour: no second recharge yet.
    adapter.recordUsage('output_tokens', 1_866_667);
    expect(adapter.snapshot().creditLedger?.filter((e) => e.kind === 'recharge')).toHaveLength(1);
    now = new Date(now.getTime() + 61 * 60_000);
    adapter.recordUsage('output_tokens', 1);
    expect(adapter.snapshot().creditLedger?.filter((e) => e.kind === 'recharge')).toHaveLength(2);
    // The ceiling ($50) is reached: the next one waits for next month.
    now = new Date(now.getTime() + 61 * 60_000);
    adapter.recordUsage('output_tokens', 2_133_334);
    ledger = adapter.snapshot().creditLedger ?? [];
    expect(ledger.filter((e) => e.kind === 'recharge')).toHaveLength(2);
    expect((await adapter.getCredits?.())?.autoRecharge.rechargedThisMonth).toEqual(usd(5000));
    // Within the allowance nothing is drawn; a meter credit does not cover draws nothing either.
    const count = ledger.length;
    adapter.recordUsage('integrations', 100);
    expect(adapter.snapshot().creditLedger).toHaveLength(count);
  });

  it('keeps an off-session failure for the customer: 3-D Secure asked, or the card declined; a purchase clears it', async () => {
    const snapshot = demoSnapshot('prepaid', { now: NOW });
    snapshot.paymentMethods = [{ id: 'pm_3ds', type: 'card', brand: 'visa', last4: '3184', expMonth: 12, expYear: 2030, isDefault: true }];
    const adapter = createMemoryAdapter(snapshot, { now: () => new Date(NOW) });
    await adapter.setAutoRecharge?.({ enabled: true, threshold: usd(2000), amount: usd(2500), idempotencyKey: 'k1' });
    const failure = (await adapter.getCredits?.())?.autoRecharge.lastFailure;
    expect(failure).toEqual({ reason: 'authentication_required', at: NOW, amount: usd(2500) });
    expect(adapter.snapshot().creditLedger?.some((e) => e.kind === 'recharge')).toBe(false);
    const declined = demoSnapshot('prepaid', { now: NOW });
    declined.paymentMethods = [{ id: 'pm_no', type: 'card', brand: 'visa', last4: '0002', expMonth: 12, expYear: 2030, isDefault: true }];
    const other = createMemoryAdapter(declined, { now: () => new Date(NOW) });
    const set = await other.setAutoRecharge?.({ enabled: true, threshold: usd(2000), amount: usd(2500), idempotencyKey: 'k1' });
    expect(set?.autoRecharge.lastFailure?.reason).toBe('card_declined');
    // The customer buys with another card: the failure is old news.
    other.snapshot();
    await other.addPaymentMethod?.('pm_test_4_4242_1230');
    const bought = await other.purchaseCredits?.({ packId: 'credit_10', idempotencyKey: 'p1' });
    expect(bought?.status === 'succeeded' && bought.credits.autoRecharge.lastFailure).toBeUndefined();
  });
});
