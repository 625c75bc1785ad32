import { describe, expect, it } from 'vitest';
import { createMemoryAdapter, demoSnapshot } from '../../../src/adapters/memory/index.js';
import { BillingError } from '../../../src/core/errors.js';
import type { Invoice } from '../../../src/core/types.js';
import { createBillingClient, type LifecycleState } from '../../../src/state/client.js';
import { memoryClient, NOW, waitUntil } from '../client-helpers.js';

function statuses(client: ReturnType<typeof memoryClient>['client']): { seen: string[]; stop(): void } {
  const seen: string[] = [];
  const stop = client.$lifecycle.listen((s: LifecycleState) => seen.push(`${s.action ?? ''}:${s.status}`));
  return { seen, stop };
}

/** The past-due account, whose only saved card asks for 3-D Secure when it pays. */
function pastDueWithSavedChallengeCard() {
  const snapshot = demoSnapshot('past-due', { now: NOW });
  snapshot.paymentMethods = [{ id: 'pm_saved_3ds', type: 'card', brand: 'visa', last4: '3184', expMonth: 4, expYear: 2030, isDefault: true }];
  const adapter = createMemoryAdapter(snapshot, { now: () => new Date(NOW) });
  const client = createBillingClient({ adapter });
  const open = snapshot.invoices.find((i) => i.status === 'open') as Invoice;
  return { adapter, client, open };
}

describe('plan lifecycle (client)', () => {
  it('cancels once for concurrent calls, updates every reader, and resumes', async () => {
    const { client, adapter } = memoryClient('individual-active');
    const stopSub = client.$subscription.listen(() => {});
    await waitUntil(() => client.$subscription.get().status === 'ready');
    const { seen, stop } = statuses(client);
    const [a, b] = [client.cancelSubscription({ reason: 'unused' }), client.cancelSubscription({ reason: 'unused' })];
    expect(await a).to.deep.equal(await b);
    expect(adapter.count('cancelSubscription')).to.equal(1);
    expect(client.$subscription.get().data?.cancelAtPeriodEnd).to.equal(true);
    expect(adapter.snapshot().cancellation).to.include({ atPeriodEnd: true, reason: 'unused' });
    await client.resumeSubscription();
    expect(client.$subscription.get().data?.cancelAtPeriodEnd).to.equal(undefined);
    expect(seen).to.deep.equal(['cancel:busy', 'cancel:done', 'resume:busy', 'resume:done']);
    stop();
    stopSub();
  });

  it('retries a lost answer with the same idempotency key, and a new action with a new one', async () => {
    const { client, adapter } = memoryClient('scheduled-downgrade');
    adapter.setFault('cancelScheduledChange', { code: 'network', times: 1 });
    const error = await client.cancelScheduledChange().catch((e: unknown) => e);
    expect((error as BillingError).code).to.equal('network');
    expect(client.$lifecycle.get()).to.include({ status: 'failed', action: 'keep' });
    const kept = await client.cancelScheduledChange();
    expect(kept.scheduledChange).to.equal(undefined);
    const keys = adapter.calls.filter((c) => c.method === 'cancelScheduledChange').map((c) => (c.args[0] as { idempotencyKey: string }).idempotencyKey);
    expect(keys).to.have.length(2);
    expect(keys[0]).to.equal(keys[1]);
    await client.cancelSubscription();
    const cancelKey = (adapter.calls.find((c) => c.method === 'cancelSubscription')?.args[0] as { idempotencyKey: string }).idempotencyKey;
    expect(cancelKey).to.not.equal(keys[0]);
  });

  it('refuses a second kind of action while one runs', async () => {
    const { client, adapter } = memoryClient('individual-active', { latencyMs: 30 });
    const cancel = client.cancelSubscription();
    const error = await client.resumeSubscription().catch((e: unknown) => e);
    expect((error as BillingError).code).to.equal('conflict');
    await cancel;
    expect(adapter.count('resumeSubscription')).to.equal(0);
  });

  it('pays an open invoice with a saved card after 3-D Secure, once', async () => {
    const { client, adapter, open } = pastDueWithSavedChallengeCard();
    const stop = client.$invoices.listen(() => {});
    await waitUntil(() => client.$invoices.get().status === 'ready');
    const secrets: string[] = [];
    const payment = { handleNextAction: async (secret: string) => void secrets.push(secret) };
    const { seen, stop: stopSeen } = statuses(client);
    const invoice = await client.payInvoice(open.id, { payment });
    expect(invoice.status).to.equal('paid');
    expect(secrets).to.have.length(1);
    expect(seen).to.deep.equal(['pay:busy', 'pay:authenticating', 'pay:busy', 'pay:done']);
    expect(adapter.count('payInvoice')).to.equal(2);
    expect(client.$subscription.get().data?.status).to.equal('active');
    expect(client.$invoices.get().data?.items.find((i) => i.id === open.id)?.status).to.equal('paid');
    expect(adapter.snapshot().invoices.filter((i) => i.status === 'open')).to.have.length(0);
    stop();
    stopSeen();
  });

  it('leaves the invoice open when 3-D Secure fails or the page cannot show it', async () => {
    const { client, adapter, open } = pastDueWithSavedChallengeCard();
    const failing = { handleNextAction: () => Promise.reject(new BillingError('authentication_failed', 'Failed.')) };
    const failed = await client.payInvoice(open.id, { payment: failing }).catch((e: unknown) => e);
    expect((failed as BillingError).code).to.equal('authentication_failed');
    expect(client.$lifecycle.get()).to.include({ status: 'failed', action: 'pay', invoiceId: open.id });
    const unable = await client.payInvoice(open.id).catch((e: unknown) => e);
    expect((unable as BillingError).code).to.equal('authentication_failed');
    expect(adapter.snapshot().invoices.find((i) => i.id === open.id)?.status).to.equal('open');
    expect(adapter.snapshot().subscription.status).to.equal('past_due');
  });
});
