/** The plan's lifecycle actions on a scripted adapter: which calls, with which keys, and what the store says. */
import { map } from 'nanostores';
import { describe, expect, it, vi } from 'vitest';
import type { BillingAdapter } from '../../../src/adapters/types.js';
import { BillingError } from '../../../src/core/errors.js';
import type { Invoice, Subscription } from '../../../src/core/types.js';
import { createPlanLifecycle, type LifecycleState } from '../../../src/state/plan-lifecycle.js';

const active: Subscription = { status: 'active', tierId: 'pro', interval: 'month' };
const invoice: Invoice = {
  id: 'in_1', number: 'T-1', status: 'paid', total: { amount: 1900, currency: 'USD' }, amountDue: { amount: 0, currency: 'USD' },
  createdAt: '2026-03-01T00:00:00Z', periodStart: '2026-03-01T00:00:00Z', periodEnd: '2026-03-31T00:00:00Z',
};

function setup() {
  const adapter = {
    cancelSubscription: vi.fn(async () => ({ ...active, cancelAtPeriodEnd: true })),
    resumeSubscription: vi.fn(async (_request: { idempotencyKey: string }) => ({ ...active, cancelAtPeriodEnd: false })),
    cancelScheduledChange: vi.fn(async () => ({ ...active, tierId: 'pro' })),
    payInvoice: vi.fn(async (_id: string, _request: Record<string, string>) => ({ status: 'succeeded', invoice, subscription: active }) as const),
  };
  const $lifecycle = map<LifecycleState>({ status: 'idle' });
  const changed = vi.fn(async () => undefined);
  const lifecycle = createPlanLifecycle(adapter as unknown as BillingAdapter, $lifecycle, changed);
  return { adapter, $lifecycle, changed, lifecycle };
}

describe('createPlanLifecycle', () => {
  it('resume and keep call their own route with a key, tell every reader, and say done with the plan', async () => {
    const { adapter, lifecycle, $lifecycle, changed } = setup();
    expect(await lifecycle.resume()).toEqual({ ...active, cancelAtPeriodEnd: false });
    expect(adapter.resumeSubscription.mock.calls[0]).toEqual([{ idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/) }]);
    expect($lifecycle.get()).toEqual({ status: 'done', action: 'resume', subscription: { ...active, cancelAtPeriodEnd: false } });
    await lifecycle.keep();
    expect(adapter.cancelScheduledChange).toHaveBeenCalledTimes(1);
    expect($lifecycle.get()).toMatchObject({ status: 'done', action: 'keep' });
    expect(changed).toHaveBeenCalledTimes(2);
  });

  it('one action at a time: a second different action is refused as a retryable conflict, the same one shares', async () => {
    const { lifecycle } = setup();
    const cancel = lifecycle.cancel({ reason: 'unused' });
    const again = lifecycle.cancel({ reason: 'unused' });
    const error = (await lifecycle.resume().catch((e: unknown) => e)) as BillingError;
    expect(error).toMatchObject({ code: 'conflict', message: 'Another change to the plan is in progress.', retryable: true });
    expect(await again).toBe(await cancel);
  });

  it('a failure that may have been applied keeps the key for the retry; one that was not drops it', async () => {
    const { adapter, lifecycle, $lifecycle } = setup();
    adapter.resumeSubscription.mockRejectedValueOnce(new BillingError('timeout', 'slow'));
    await lifecycle.resume().catch(() => undefined);
    expect($lifecycle.get()).toMatchObject({ status: 'failed', action: 'resume', error: { code: 'timeout' } });
    await lifecycle.resume();
    const [first, retry] = adapter.resumeSubscription.mock.calls.map(([r]) => r.idempotencyKey);
    expect(retry).toBe(first);

    adapter.resumeSubscription.mockRejectedValueOnce(new BillingError('conflict', 'not cancelling'));
    await lifecycle.resume().catch(() => undefined);
    await lifecycle.resume();
    const [, , third, fourth] = adapter.resumeSubscription.mock.calls.map(([r]) => r.idempotencyKey);
    expect(fourth).not.toBe(third);
  });

  it('paying: one key per invoice and card; 3-D Secure completed, then confirmed with the secret under a new key', async () => {
    const { adapter, lifecycle, $lifecycle } = setup();
    adapter.payInvoice.mockResolvedValueOnce({ status: 'requires_action', clientSecret: 'pi_1_secret' } as never);
    const seen: string[] = [];
    $lifecycle.listen((s) => seen.push(s.status));
    const payment = { handleNextAction: vi.fn(async () => undefined) };
    expect(await lifecycle.pay('in_1', { paymentMethodId: 'pm_2', payment })).toEqual(invoice);
    expect(payment.handleNextAction).toHaveBeenCalledWith('pi_1_secret');
    const [firstCall, secondCall] = adapter.payInvoice.mock.calls;
    expect(firstCall).toEqual(['in_1', { paymentMethodId: 'pm_2', idempotencyKey: expect.any(String) }]);
    expect(secondCall).toEqual(['in_1', { paymentMethodId: 'pm_2', completedAction: 'pi_1_secret', idempotencyKey: expect.any(String) }]);
    expect(secondCall![1].idempotencyKey).not.toBe(firstCall![1].idempotencyKey);
    expect(seen).toEqual(['busy', 'authenticating', 'busy', 'done']);
    expect($lifecycle.get()).toMatchObject({ status: 'done', action: 'pay', invoiceId: 'in_1', invoice });
  });

  it('paying where 3-D Secure cannot be shown, or fails after the challenge, says so', async () => {
    const { adapter, lifecycle, $lifecycle } = setup();
    adapter.payInvoice.mockResolvedValueOnce({ status: 'requires_action', clientSecret: 's' } as never);
    await lifecycle.pay('in_1').catch(() => undefined);
    expect($lifecycle.get()).toMatchObject({ status: 'failed', error: { code: 'authentication_failed', message: 'The payment needs 3-D Secure, which this page cannot show.' } });
    adapter.payInvoice.mockResolvedValueOnce({ status: 'requires_action', clientSecret: 's' } as never).mockResolvedValueOnce({ status: 'requires_action', clientSecret: 's2' } as never);
    await lifecycle.pay('in_1', { payment: { handleNextAction: async () => undefined } }).catch(() => undefined);
    expect($lifecycle.get()).toMatchObject({ status: 'failed', error: { message: 'The payment could not be authenticated.' } });
  });
});
