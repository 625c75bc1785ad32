/**
 * The client's actions other than buying and changing tier: cards, alerts, coupons, the
 * selection, refreshing, first data from the server, pushed usage and the language. Each
 * test reads what an element would read (the stores) and what the backend was asked.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter, demoSnapshot } from '../../../src/adapters/memory/index.js';
import type { BillingAdapter } from '../../../src/adapters/types.js';
import { BillingError } from '../../../src/core/errors.js';
import type { Usage } from '../../../src/core/types.js';
import { $locale } from '../../../src/i18n/localization.js';
import { createBillingClient } from '../../../src/state/client.js';
import { memoryClient, NOW, settle, waitUntil } from '../client-helpers.js';

afterEach(() => {
  $locale.set('en');
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** Lets a store nobody reads any more let go (nanostores waits a second before unmounting). */
async function stopReading(reader: { stop: () => void }): Promise<void> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  reader.stop();
  await vi.advanceTimersByTimeAsync(1000);
  vi.useRealTimers();
}

/** A visible page for live usage (Node has no document). */
const visiblePage = () => vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));

/** Reads a store as an element does, until the test ends it. */
function reading<T>(store: { listen: (l: (v: T) => void) => () => void; get: () => T }) {
  const stop = store.listen(() => {});
  return { stop, get: () => store.get() };
}

describe('client: cards', () => {
  it('adds a card and reloads the list, even when nothing showed it yet', async () => {
    const { client, adapter } = memoryClient('individual-active');
    await client.addPaymentMethod('pm_new_card');
    expect(adapter.calls.find((c) => c.method === 'addPaymentMethod')?.args[0]).to.equal('pm_new_card');
    expect(adapter.count('listPaymentMethods')).to.equal(1);
    expect(client.$paymentMethods.get().status).to.equal('ready');
  });

  it('with an adapter that has no addPaymentMethod (the card was attached by the setup intent), only reloads the list', async () => {
    const { adapter: memory } = memoryClient('individual-active');
    const { addPaymentMethod: _dropped, ...rest } = memory;
    const client = createBillingClient({ adapter: rest as BillingAdapter });
    await client.addPaymentMethod('pm_attached');
    expect(memory.count('addPaymentMethod')).to.equal(0);
    expect(memory.count('listPaymentMethods')).to.equal(1);
  });

  it('makes another card the default and shows it so on every reader', async () => {
    const { client, adapter } = memoryClient('team');
    const cards = reading(client.$paymentMethods);
    await waitUntil(() => cards.get().status === 'ready');
    const other = cards.get().data?.find((m) => !m.isDefault);
    expect(other, 'the scenario has a second card').to.exist;
    await client.setDefaultPaymentMethod(other?.id ?? '');
    expect(adapter.count('listPaymentMethods')).to.equal(2);
    expect(cards.get().data?.find((m) => m.isDefault)?.id).to.equal(other?.id);
    cards.stop();
  });

  it('removes a card and the list no longer has it; a list nobody reads is not fetched', async () => {
    const { client, adapter } = memoryClient('team');
    const removed = (await adapter.listPaymentMethods()).find((m) => !m.isDefault)?.id ?? '';
    expect(removed, 'the scenario has a second card').to.not.equal('');
    await client.removePaymentMethod(removed);
    expect(adapter.count('removePaymentMethod')).to.equal(1);
    // No element showed the cards: nothing to refresh, nothing fetched for it.
    expect(adapter.count('listPaymentMethods')).to.equal(1);
    const cards = reading(client.$paymentMethods);
    await waitUntil(() => cards.get().status === 'ready');
    expect(cards.get().data?.map((m) => m.id)).to.not.include(removed);
    cards.stop();
  });

  it('a refused change of cards rejects with the backend error and keeps the list', async () => {
    const { client, adapter } = memoryClient('individual-active', { faults: { setDefaultPaymentMethod: 'server' } });
    const cards = reading(client.$paymentMethods);
    await waitUntil(() => cards.get().status === 'ready');
    const before = cards.get().data;
    await expect(client.setDefaultPaymentMethod('pm_mastercard')).rejects.toMatchObject({ code: 'server' });
    expect(cards.get().data).to.equal(before);
    expect(adapter.count('listPaymentMethods')).to.equal(1);
    cards.stop();
  });

  it('a setup intent is checked like every answer', async () => {
    const { adapter: memory } = memoryClient('new');
    const client = createBillingClient({ adapter: { ...memory, createSetupIntent: async () => ({ provider: 'test' }) as never } });
    await expect(client.createSetupIntent()).rejects.toMatchObject({ code: 'invalid_response' });
    const good = memoryClient('new').client;
    expect((await good.createSetupIntent()).provider).to.equal('test');
  });
});

describe('client: usage alerts', () => {
  it('shows the new thresholds at once, sorted, and sends them sorted', async () => {
    const { client, adapter } = memoryClient('individual-active');
    const usage = reading(client.$usage);
    await waitUntil(() => usage.get().status === 'ready');
    const key = usage.get().data?.meters[0]?.key ?? 'input_tokens';
    const others = usage.get().data?.meters.slice(1).map((m) => m.alertThresholds);
    const saving = client.setUsageAlerts(key, [0.9, 0.5, 0.75]);
    // Before the backend answers: every reader already sees the change.
    expect(usage.get().data?.meters[0]?.alertThresholds).to.deep.equal([0.5, 0.75, 0.9]);
    await saving;
    expect(adapter.calls.find((c) => c.method === 'setUsageAlerts')?.args.slice(0, 2)).to.deep.equal([key, [0.5, 0.75, 0.9]]);
    expect(usage.get().data?.meters.slice(1).map((m) => m.alertThresholds)).to.deep.equal(others);
    usage.stop();
  });

  it('puts the earlier thresholds back when the backend refuses them', async () => {
    const { client } = memoryClient('individual-active', { faults: { setUsageAlerts: 'server' } });
    const usage = reading(client.$usage);
    await waitUntil(() => usage.get().status === 'ready');
    const before = usage.get().data;
    const key = before?.meters[0]?.key ?? 'input_tokens';
    await expect(client.setUsageAlerts(key, [0.1])).rejects.toMatchObject({ code: 'server' });
    expect(usage.get().data).to.equal(before);
    usage.stop();
  });

  it('saves alerts with no usage loaded, and refused ones still reject', async () => {
    const { client, adapter } = memoryClient('individual-active');
    await client.setUsageAlerts('input_tokens', [0.8, 0.2]);
    expect(adapter.calls.find((c) => c.method === 'setUsageAlerts')?.args[1]).to.deep.equal([0.2, 0.8]);
    expect(adapter.count('getUsage')).to.equal(0);
    const refused = memoryClient('individual-active', { faults: { setUsageAlerts: 'server' } }).client;
    await expect(refused.setUsageAlerts('input_tokens', [0.8])).rejects.toBeInstanceOf(BillingError);
  });
});

describe('client: selection and coupons', () => {
  it('counts each "proceed to checkout", and not a plain selection or a cleared one', () => {
    const { client } = memoryClient('new');
    client.selectTier({ tierId: 'pro', interval: 'month' });
    expect(client.$checkout.get().proceed).to.equal(undefined);
    client.selectTier({ tierId: 'pro', interval: 'month' }, { proceed: true });
    client.selectTier({ tierId: 'team', interval: 'year', seats: 3 }, { proceed: true });
    expect(client.$checkout.get().proceed).to.equal(2);
    client.selectTier(undefined, { proceed: true });
    expect(client.$checkout.get().selection).to.equal(undefined);
    expect(client.$checkout.get().proceed).to.equal(2);
  });

  it('refuses a code before a tier is chosen, without asking the backend', async () => {
    const { client, adapter } = memoryClient('new');
    await expect(client.applyCoupon('WELCOME20')).rejects.toMatchObject({ code: 'invalid_request', message: 'Choose a tier before applying a code.' });
    expect(adapter.count('validateCoupon')).to.equal(0);
  });

  it('applies a code for the chosen tier, quotes with it, and removes it', async () => {
    const { client, adapter } = memoryClient('new');
    client.selectTier({ tierId: 'pro', interval: 'month' });
    const coupon = await client.applyCoupon('WELCOME20');
    expect(coupon).to.deep.include({ code: 'WELCOME20', percentOff: 20 });
    expect(adapter.calls.find((c) => c.method === 'validateCoupon')?.args.slice(0, 2)).to.deep.equal(['WELCOME20', { tierId: 'pro', interval: 'month' }]);
    expect(client.$checkout.get().coupon?.code).to.equal('WELCOME20');
    await client.previewChange({ tierId: 'pro', interval: 'month' });
    expect(adapter.calls.filter((c) => c.method === 'previewChange').at(-1)?.args[0]).to.deep.include({ couponCode: 'WELCOME20' });
    // A code the caller names wins over the checkout's.
    await client.previewChange({ tierId: 'pro', interval: 'month', couponCode: 'LAUNCH50' });
    expect(adapter.calls.filter((c) => c.method === 'previewChange').at(-1)?.args[0]).to.deep.include({ couponCode: 'LAUNCH50' });
    client.removeCoupon();
    expect(client.$checkout.get().coupon).to.equal(undefined);
    await client.previewChange({ tierId: 'pro', interval: 'month' });
    expect(adapter.calls.filter((c) => c.method === 'previewChange').at(-1)?.args[0]).to.not.have.property('couponCode');
  });

  it('an unknown code rejects and leaves no coupon applied', async () => {
    const { client } = memoryClient('new');
    client.selectTier({ tierId: 'pro', interval: 'month' });
    await expect(client.applyCoupon('NOSUCHCODE')).rejects.toBeInstanceOf(BillingError);
    expect(client.$checkout.get().coupon).to.equal(undefined);
  });

  it('the checkout quote follows the selection while read, and says so when it fails', async () => {
    const { client, adapter } = memoryClient('new', { faults: { previewChange: { code: 'server', times: 1 } } });
    client.selectTier({ tierId: 'pro', interval: 'month' });
    const quote = reading(client.$checkoutQuote);
    await waitUntil(() => quote.get().status === 'error');
    expect(quote.get().error?.code).to.equal('server');
    await client.refreshCheckoutQuote();
    await waitUntil(() => quote.get().status === 'ready');
    expect(adapter.count('previewChange')).to.equal(2);
    await stopReading(quote);
    // Nobody reads it now: a new selection asks for nothing.
    client.selectTier({ tierId: 'team', interval: 'month', seats: 2 });
    await settle();
    expect(adapter.count('previewChange')).to.equal(2);
  });
});

describe('client: refreshing and first data', () => {
  it('refresh() reloads what has been read, and nothing else', async () => {
    const { client, adapter } = memoryClient('individual-active');
    const sub = reading(client.$subscription);
    await waitUntil(() => sub.get().status === 'ready');
    await client.refresh();
    expect(adapter.count('getSubscription')).to.equal(2);
    expect(adapter.count('getCatalog') + adapter.count('getUsage') + adapter.count('listInvoices') + adapter.count('listPaymentMethods')).to.equal(0);
    // Named, it loads even what nobody read yet.
    await client.refresh('catalog');
    expect(adapter.count('getCatalog')).to.equal(1);
    sub.stop();
  });

  it('starts from the data the server rendered, without asking again', async () => {
    const { adapter } = memoryClient('individual-active');
    const subscription = await adapter.getSubscription();
    const before = adapter.count('getSubscription');
    const client = createBillingClient({ adapter, initial: { subscription } });
    const sub = reading(client.$subscription);
    expect(sub.get()).to.deep.include({ status: 'ready', data: subscription });
    await settle();
    expect(adapter.count('getSubscription')).to.equal(before);
    sub.stop();
  });

  it('asks for invoices in pages of the size it was given', async () => {
    const adapter = createMemoryAdapter(demoSnapshot('individual-active', { now: NOW }), { now: () => new Date(NOW) });
    const client = createBillingClient({ adapter, invoicePageSize: 2 });
    const list = reading(client.$invoices);
    await waitUntil(() => list.get().status === 'ready');
    expect(adapter.calls.find((c) => c.method === 'listInvoices')?.args[0]).to.deep.equal({ limit: 2 });
    const defaults = memoryClient('individual-active');
    const other = reading(defaults.client.$invoices);
    await waitUntil(() => other.get().status === 'ready');
    expect(defaults.adapter.calls.find((c) => c.method === 'listInvoices')?.args[0]).to.deep.equal({ limit: 20 });
    list.stop();
    other.stop();
  });

  it('reloads the catalog in a new language while it is shown, and not after', async () => {
    const { client, adapter } = memoryClient('individual-active');
    const catalog = reading(client.$catalog);
    await waitUntil(() => catalog.get().status === 'ready');
    $locale.set('de');
    await waitUntil(() => adapter.count('getCatalog') === 2);
    await stopReading(catalog);
    $locale.set('fr');
    await settle();
    expect(adapter.count('getCatalog')).to.equal(2);
  });
});

describe('client: pushed usage', () => {
  it('shows a pushed reading to the readers at once', async () => {
    const { client, adapter } = memoryClient('individual-active', { pushUsage: true });
    const usage = reading(client.$usage);
    await waitUntil(() => usage.get().status === 'ready');
    visiblePage();
    const stop = client.watchUsage(60_000);
    // Recorded at once, while live usage is still starting: not missed.
    const key = usage.get().data?.meters[0]?.key ?? '';
    const [before] = adapter.recordUsage(key, 1000) ?? [0];
    await waitUntil(() => usage.get().data?.meters[0]?.used === before + 1000);
    stop();
    usage.stop();
  });

  it('a malformed push is dropped; the data read before stays', async () => {
    let push: ((u: Usage) => void) | undefined;
    const { adapter: memory } = memoryClient('individual-active');
    const adapter: BillingAdapter = {
      ...memory,
      subscribeUsage: (listener) => {
        push = listener;
        return () => (push = undefined);
      },
    };
    const client = createBillingClient({ adapter });
    const usage = reading(client.$usage);
    await waitUntil(() => usage.get().status === 'ready');
    const before = usage.get().data;
    visiblePage();
    const stop = client.watchUsage(60_000);
    await waitUntil(() => push !== undefined);
    await settle();
    const reread = usage.get().data;
    push?.({ meters: 'nope' } as unknown as Usage);
    await settle();
    expect(usage.get().data).to.equal(reread);
    expect(reread).to.deep.equal(before);
    stop();
    expect(push, 'the client unsubscribed').to.equal(undefined);
    usage.stop();
  });
});

describe('client: the flows it loads on demand', () => {
  // The simulator quotes at its fixed "now"; the client checks expiry against the clock.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(NOW));
  });
  it('pays an open invoice: the list shows it paid at once, then reloads', async () => {
    const { client, adapter } = memoryClient('past-due');
    const list = reading(client.$invoices);
    await waitUntil(() => list.get().status === 'ready');
    const open = list.get().data?.items.find((i) => i.status === 'open');
    expect(open, 'the scenario has an open invoice').to.exist;
    const others = list.get().data?.items.filter((i) => i.id !== open?.id);
    await client.addPaymentMethod('pm_test_4_4242_1240');
    const paid = await client.payInvoice(open?.id ?? '', { paymentMethodId: 'pm_test_4_4242_1240' });
    expect(paid.status).to.equal('paid');
    expect(list.get().data?.items.find((i) => i.id === open?.id)?.status).to.equal('paid');
    expect(list.get().data?.items.filter((i) => i.id !== open?.id)).to.deep.equal(others);
    expect(adapter.count('listInvoices')).to.equal(2);
    expect(client.$subscription.get().data?.status).to.equal('active');
    expect(adapter.count('getSubscription'), 'the plan came with the answer').to.equal(0);
    expect(client.$lifecycle.get()).to.deep.include({ status: 'done', action: 'pay' });
    client.resetLifecycle();
    expect(client.$lifecycle.get().status).to.equal('idle');
    list.stop();
  });

  it('pays what is overdue with a new card, and says when nothing is', async () => {
    const { client } = memoryClient('past-due');
    await client.addPaymentMethod('pm_test_4_4242_1240');
    expect((await client.payOverdue({ paymentMethodId: 'pm_test_4_4242_1240' }))?.status).to.equal('paid');
    expect(await client.payOverdue({ paymentMethodId: 'pm_test_4_4242_1240' })).to.equal(undefined);
  });

  it('changes tier: quoted without the checkout’s coupon, confirmed, and the plan and usage reloaded', async () => {
    const { client, adapter } = memoryClient('individual-active');
    const usage = reading(client.$usage);
    await waitUntil(() => usage.get().status === 'ready');
    client.selectTier({ tierId: 'pro', interval: 'month' });
    await client.applyCoupon('WELCOME20');
    const team = { tierId: 'team', interval: 'month' as const, seats: 3 };
    await client.requestChange(team);
    expect(client.$change.get()).to.deep.include({ status: 'quoted', selection: team });
    expect(adapter.calls.filter((c) => c.method === 'previewChange').at(-1)?.args[0]).to.deep.equal(team);
    const changed = await client.confirmChange();
    expect(changed?.tierId).to.equal('team');
    expect(client.$subscription.get().data?.tierId).to.equal('team');
    expect(adapter.count('getUsage')).to.equal(2);
    client.cancelChange();
    expect(client.$change.get().status).to.equal('idle');
    usage.stop();
  });

  it('changeTier that needs 3-D Secure changes nothing yet and reloads nothing', async () => {
    const { adapter: memory } = memoryClient('individual-active');
    const client = createBillingClient({ adapter: { ...memory, changeTier: async () => ({ status: 'requires_action', clientSecret: 'pi_1_secret_2' }) } });
    const sub = reading(client.$subscription);
    await waitUntil(() => sub.get().status === 'ready');
    const before = sub.get().data;
    expect((await client.changeTier({ tierId: 'team', interval: 'month', seats: 2, idempotencyKey: 'k1' })).status).to.equal('requires_action');
    expect(sub.get().data).to.equal(before);
    expect(memory.count('getSubscription')).to.equal(1);
    sub.stop();
  });

  it('buys through the client with its poll and storage options, then reloads the cards and invoices shown', async () => {
    const storage = new Map<string, string>();
    const adapter = createMemoryAdapter(demoSnapshot('new', { now: NOW }), { now: () => new Date(NOW) });
    const client = createBillingClient({
      adapter,
      activationPoll: { intervalMs: 5, attempts: 2 },
      storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v), removeItem: (k) => void storage.delete(k) },
    });
    const cards = reading(client.$paymentMethods);
    const invoices = reading(client.$invoices);
    await waitUntil(() => cards.get().status === 'ready' && invoices.get().status === 'ready');
    client.selectTier({ tierId: 'pro', interval: 'month' });
    const quote = reading(client.$checkoutQuote);
    await waitUntil(() => quote.get().status === 'ready');
    const seenKeys: string[] = [];
    const setItem = storage.set.bind(storage);
    storage.set = (k, v) => (seenKeys.push(k), setItem(k, v));
    const bought = await client.purchase({ confirmCard: async () => 'pm_visa', handleNextAction: async () => undefined });
    expect(bought?.tierId).to.equal('pro');
    expect(client.$purchase.get().status).to.equal('succeeded');
    expect(seenKeys, 'the key was kept in the storage given').to.have.length(1);
    expect(storage.size, 'and dropped once bought').to.equal(0);
    expect(adapter.count('listPaymentMethods')).to.equal(2);
    expect(adapter.count('listInvoices')).to.equal(2);
    client.resetPurchase();
    expect(client.$purchase.get().status).to.equal('idle');
    [cards, invoices, quote].forEach((r) => r.stop());
  });

  it('starts every flow idle', () => {
    const { client } = memoryClient('new');
    expect(client.$purchase.get()).to.deep.equal({ status: 'idle' });
    expect(client.$change.get()).to.deep.equal({ status: 'idle' });
    expect(client.$lifecycle.get()).to.deep.equal({ status: 'idle' });
    expect(client.$checkout.get()).to.deep.equal({});
  });
});

describe('client: more invoices', () => {
  it('appends the next page once however often it is asked, and does nothing without a next page', async () => {
    const adapter = createMemoryAdapter(demoSnapshot('individual-active', { now: NOW }), { now: () => new Date(NOW) });
    const client = createBillingClient({ adapter, invoicePageSize: 3 });
    const list = reading(client.$invoices);
    await waitUntil(() => list.get().status === 'ready');
    const first = list.get().data?.items.map((i) => i.id) ?? [];
    expect(first).to.have.length(3);
    await Promise.all([client.loadMoreInvoices(), client.loadMoreInvoices()]);
    expect(adapter.count('listInvoices')).to.equal(2);
    const ids = list.get().data?.items.map((i) => i.id) ?? [];
    expect(ids.slice(0, 3)).to.deep.equal(first);
    expect(new Set(ids).size).to.equal(ids.length);
    while (list.get().data?.nextCursor) await client.loadMoreInvoices();
    const calls = adapter.count('listInvoices');
    await client.loadMoreInvoices();
    expect(adapter.count('listInvoices'), 'no next page: nothing asked').to.equal(calls);
    list.stop();
  });

  it('asks for nothing before the first page; a reload asked for while a page loads wins over that page', async () => {
    const { client, adapter } = memoryClient('individual-active');
    await client.loadMoreInvoices();
    expect(adapter.count('listInvoices')).to.equal(0);
    const paged = createBillingClient({ adapter, invoicePageSize: 2 });
    const list = reading(paged.$invoices);
    await waitUntil(() => list.get().status === 'ready');
    // The second page is on its way when the list is reloaded (after paying an invoice, say).
    const more = paged.loadMoreInvoices();
    const reload = paged.refresh('invoices');
    await Promise.all([more, reload]);
    expect(list.get()).to.deep.include({ status: 'ready' });
    expect(list.get().data?.items, 'the reloaded first page, not the stale two').to.have.length(2);
    // While a reload runs, asking for more asks for nothing.
    const again = paged.refresh('invoices');
    const calls = adapter.count('listInvoices');
    await paged.loadMoreInvoices();
    expect(adapter.count('listInvoices')).to.equal(calls);
    await again;
    list.stop();
  });
});
