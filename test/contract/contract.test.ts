/**
 * The conformance suite: the REST contract (openapi.yaml) over real HTTP, the same tests for
 * every engine, on one PGlite store (in memory under `npm run mutation`, where PGlite's cold open
 * for every mutant would take hours). A test that needs what only a provider can show (a
 * decline at the bank, 3-D Secure, the renewal clock, webhooks) runs where the subject has it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore, createMemoryStripeState, createPGliteStore } from '../../src/server/index.js';
import { answerMismatch } from '../node/openapi.js';
import { simulatorSubject, stripeDoubleSubject, stripeTestModeSubject, type ContractStore, type Subject } from './subjects.js';

const SUBJECTS: Array<[string, (store: ContractStore) => Promise<Subject | undefined>]> = [
  ['simulator', simulatorSubject],
  ['stripe engine on the double', stripeDoubleSubject],
  ['stripe engine on Stripe test mode (STRIPE_SECRET_KEY)', stripeTestModeSubject],
];

let store: ContractStore;
beforeAll(async () => {
  store = process.env.TECTRA_CONTRACT_STORE === 'memory' ? { ...createMemoryStore(), ...createMemoryStripeState() } : await createPGliteStore();
}, 60_000);


interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

let accounts = 0;
/** A new account of its own for each test: tests never share state. */
const newAccount = (subject: Subject) => `${subject.name.split(' ')[0]}-acct-${++accounts}-${Date.now().toString(36)}`;

function client(subject: Subject, accountId: string | null, role = 'owner') {
  let keys = 0;
  return async function call<T = Record<string, unknown>>(method: string, path: string, body?: unknown, key?: string): Promise<Answer<T>> {
    const response = await fetch(`${subject.baseUrl}${path}`, {
      method,
      headers: {
        ...(accountId ? { authorization: `Bearer ${accountId}${role === 'owner' ? '' : `:${role}`}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(method === 'GET' ? {} : { 'idempotency-key': key ?? `${accountId}-${++keys}-${Math.random().toString(36).slice(2)}` }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    // Every answer, success or error, on every engine, is one openapi.yaml describes.
    expect(answerMismatch(method, path, response.status, text), 'an answer outside openapi.yaml').toBeUndefined();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T, text, headers: response.headers };
  };
}

const PRO = { tierId: 'pro', interval: 'month' } as const;
const STARTER = { tierId: 'starter', interval: 'month' } as const;

for (const [label, make] of SUBJECTS) {
  describe(`the contract on ${label}`, () => {
    let subject: Subject | undefined;
    beforeAll(async () => {
      subject = await make(store);
    }, 60_000);
    afterAll(async () => subject?.close());
    /**
     * Runs where the subject exists (the Stripe test mode one is opt-in) and has what the test
     * needs; skipped, and reported as skipped, elsewhere. No test may leave a defect in onError.
     */
    const test = (name: string, run: (s: Subject) => Promise<void>, needs: (s: Subject) => boolean = () => true) =>
      it(name, async (context) => {
        if (!subject || !needs(subject)) return context.skip();
        const before = subject.errors.length;
        await run(subject);
        expect(subject.errors.slice(before)).toEqual([]);
      }, 20_000);

    async function subscribe(s: Subject, accountId: string, card = s.cards.visa, selection: Record<string, unknown> = PRO) {
      const call = client(s, accountId);
      const quote = await call<{ id: string }>('POST', '/quotes', { selection });
      expect(quote.status).toBe(200);
      const answer = await call<{ status: string; subscription: { status: string; tierId: string } }>('POST', '/subscription/activate', { ...selection, paymentMethodId: card, quoteId: quote.body.id });
      return { call, answer };
    }

    test('serves the catalog: the demo tiers with their prices, limits and features', async (s) => {
      const { status, body } = await client(s, newAccount(s))<{ currency: string; tiers: Array<{ id: string; prices: unknown[]; limits: Record<string, unknown>; features: string[] }> }>('GET', '/catalog');
      expect(status).toBe(200);
      expect(body.currency).toBe('USD');
      expect(body.tiers.map((t) => t.id)).toEqual(['starter', 'pro', 'team', 'business', 'enterprise']);
      const pro = body.tiers.find((t) => t.id === 'pro');
      expect(pro?.prices).toEqual([
        { interval: 'month', amount: { amount: 4900, currency: 'USD' }, perSeat: false },
        { interval: 'year', amount: { amount: 49000, currency: 'USD' }, perSeat: false },
      ]);
      expect(pro?.limits.input_tokens).toBe(10_000_000);
      expect(body.tiers.find((t) => t.id === 'business')?.limits.integrations).toBeNull();
      expect(pro?.features).toContain('Premium models');
    });

    test('answers 401 without a session and 403 for a member who may only read', async (s) => {
      expect((await client(s, null)('GET', '/subscription')).status).toBe(401);
      const accountId = newAccount(s);
      const viewer = client(s, accountId, 'viewer');
      expect((await viewer('GET', '/subscription')).status).toBe(200);
      const refused = await viewer('POST', '/subscription/activate', { ...PRO, paymentMethodId: s.cards.visa });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ error: { code: 'forbidden' } });
      expect(await s.subscriptionsOf(accountId)).toBe(0);
    });

    test('subscribes with a card: active on the tier, one subscription and one invoice at the provider', async (s) => {
      const accountId = newAccount(s);
      const { call, answer } = await subscribe(s, accountId);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ status: 'succeeded', subscription: { status: 'active', tierId: 'pro', interval: 'month' } });
      const read = await call<{ status: string; tierId: string; nextPayment: { amount: { amount: number } } }>('GET', '/subscription');
      expect(read.body).toMatchObject({ status: 'active', tierId: 'pro', nextPayment: { amount: { amount: 4900, currency: 'USD' } } });
      const invoices = await call<{ items: Array<{ status: string; total: { amount: number } }> }>('GET', '/invoices');
      expect(invoices.body.items).toHaveLength(1);
      expect(invoices.body.items[0]).toMatchObject({ status: 'paid', total: { amount: 4900, currency: 'USD' } });
      const cards = await call<{ items: Array<{ last4: string; isDefault: boolean }> }>('GET', '/payment-methods');
      expect(cards.body.items).toEqual([expect.objectContaining({ last4: '4242', isDefault: true })]);
      expect(await s.subscriptionsOf(accountId)).toBe(1);
      expect(await s.invoicesOf(accountId)).toBe(1);
    });

    test('keeps two accounts apart: another account’s plan, invoices and card are not found', async (s) => {
      const alice = newAccount(s);
      const bob = newAccount(s);
      const { call: asAlice } = await subscribe(s, alice);
      const asBob = client(s, bob);
      expect((await asBob<{ status: string }>('GET', '/subscription')).body.status).toBe('none');
      expect((await asBob<{ items: unknown[] }>('GET', '/invoices')).body.items).toEqual([]);
      expect((await asBob<{ items: unknown[] }>('GET', '/payment-methods')).body.items).toEqual([]);
      const aliceCard = (await asAlice<{ items: Array<{ id: string }> }>('GET', '/payment-methods')).body.items[0]?.id ?? '';
      const aliceInvoice = (await asAlice<{ items: Array<{ id: string }> }>('GET', '/invoices')).body.items[0]?.id ?? '';
      await asBob('POST', '/payment-methods', { paymentMethodId: s.cards.mastercard });
      for (const [method, path] of [['POST', `/payment-methods/${aliceCard}/default`], ['DELETE', `/payment-methods/${aliceCard}`], ['POST', `/invoices/${aliceInvoice}/pay`]] as const) {
        const answer = await asBob(method, path, method === 'DELETE' ? undefined : {});
        expect(answer.status, `${method} ${path}`).toBe(404);
        expect(answer.body).toMatchObject({ error: { code: 'not_found' } });
      }
      expect((await asAlice<{ items: unknown[] }>('GET', '/payment-methods')).body.items).toHaveLength(1);
    });

    test('one Idempotency-Key is one purchase: a repeat replays the answer, five at once make one subscription and one invoice', async (s) => {
      const accountId = newAccount(s);
      const call = client(s, accountId);
      const body = { ...PRO, paymentMethodId: s.cards.visa };
      const answers = await Promise.all(Array.from({ length: 5 }, () => call('POST', '/subscription/activate', body, 'buy-once')));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
      expect(new Set(answers.map((a) => a.text)).size).toBe(1);
      const again = await call('POST', '/subscription/activate', body, 'buy-once');
      expect(again.text).toBe(answers[0]?.text);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await s.subscriptionsOf(accountId)).toBe(1);
      expect(await s.invoicesOf(accountId)).toBe(1);
      // Another purchase under a new key is refused: the account has its plan.
      expect((await call('POST', '/subscription/activate', body)).status).toBe(409);
    });

    test('a declined card, then another card under the same key: one subscription, paid', async (s) => {
      const accountId = newAccount(s);
      const call = client(s, accountId);
      const declined = await call('POST', '/subscription/activate', { ...PRO, paymentMethodId: s.cards.declined }, 'buy-after-decline');
      expect(declined.status).toBe(402);
      expect(declined.body).toMatchObject({ error: { code: 'card_declined' } });
      expect(declined.text).not.toMatch(/stripe|pi_|in_|sub_/i);
      const paid = await call('POST', '/subscription/activate', { ...PRO, paymentMethodId: s.cards.visa }, 'buy-after-decline');
      expect(paid.status).toBe(200);
      expect(paid.body).toMatchObject({ status: 'succeeded', subscription: { status: 'active', tierId: 'pro' } });
      expect(await s.subscriptionsOf(accountId)).toBe(1);
    }, (s) => !!s.cards.declined);

    test('a declined card, then another choice under a new key: the customer pays for what was chosen last', async (s) => {
      const accountId = newAccount(s);
      const call = client(s, accountId);
      expect((await call('POST', '/subscription/activate', { ...PRO, paymentMethodId: s.cards.declined })).status).toBe(402);
      const other = await call('POST', '/subscription/activate', { tierId: 'starter', interval: 'year', paymentMethodId: s.cards.visa });
      expect(other.body).toMatchObject({ status: 'succeeded', subscription: { status: 'active', tierId: 'starter', interval: 'year' } });
      const paid = (await call<{ items: Array<{ status: string; total: { amount: number } }> }>('GET', '/invoices')).body.items.filter((i) => i.status === 'paid');
      expect(paid.map((i) => i.total.amount)).toEqual([19000]);
    }, (s) => !!s.cards.declined);

    test('3-D Secure on activation: requires_action with a client secret, then active once the customer authenticates', async (s) => {
      const accountId = newAccount(s);
      const call = client(s, accountId);
      const first = await call<{ status: string; clientSecret: string }>('POST', '/subscription/activate', { ...PRO, paymentMethodId: s.cards.authenticationRequired }, 'buy-3ds');
      expect(first.status).toBe(200);
      expect(first.body.status).toBe('requires_action');
      expect(first.body.clientSecret).toMatch(/_secret_/);
      expect((await call<{ status: string }>('GET', '/subscription')).body.status).toBe('incomplete');
      await s.completeAction!(first.body.clientSecret);
      // The kit reads the plan back after authenticating: the server reads through to the provider.
      expect((await call<{ status: string; tierId: string }>('GET', '/subscription')).body).toMatchObject({ status: 'active', tierId: 'pro' });
      expect(await s.subscriptionsOf(accountId)).toBe(1);
    }, (s) => !!s.cards.authenticationRequired && !!s.completeAction);

    test('an upgrade is charged now at the quoted proration; the new tier shows at once', async (s) => {
      const accountId = newAccount(s);
      const { call } = await subscribe(s, accountId, s.cards.visa, STARTER);
      const quote = await call<{ id: string; dueNow: { amount: number }; effectiveAt: string }>('POST', '/quotes', { selection: PRO });
      expect(quote.status).toBe(200);
      expect(quote.body.dueNow.amount).toBeGreaterThan(0);
      expect(quote.body.dueNow.amount).toBeLessThanOrEqual(4900 - 1900);
      const changed = await call('POST', '/subscription/change', { ...PRO, quoteId: quote.body.id });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ status: 'succeeded', subscription: { status: 'active', tierId: 'pro' } });
      const invoices = await call<{ items: Array<{ total: { amount: number } }> }>('GET', '/invoices');
      expect(invoices.body.items.map((i) => i.total.amount)).toContain(quote.body.dueNow.amount);
    });

    test('3-D Secure on an upgrade: requires_action, and the new tier once the customer authenticates', async (s) => {
      const accountId = newAccount(s);
      const call = client(s, accountId);
      const first = await call<{ status: string; clientSecret: string }>('POST', '/subscription/activate', { ...STARTER, paymentMethodId: s.cards.authenticationRequired });
      await s.completeAction!(first.body.clientSecret);
      const quote = await call<{ id: string }>('POST', '/quotes', { selection: PRO });
      const upgrade = await call<{ status: string; clientSecret: string }>('POST', '/subscription/change', { ...PRO, quoteId: quote.body.id });
      expect(upgrade.body.status).toBe('requires_action');
      expect((await call<{ tierId: string }>('GET', '/subscription')).body.tierId).toBe('starter');
      await s.completeAction!(upgrade.body.clientSecret);
      expect((await call<{ tierId: string; status: string }>('GET', '/subscription')).body).toMatchObject({ status: 'active', tierId: 'pro' });
    }, (s) => !!s.cards.authenticationRequired && !!s.completeAction);

    test('a downgrade is scheduled for the period end, and can be dropped', async (s) => {
      const accountId = newAccount(s);
      const { call } = await subscribe(s, accountId);
      const quote = await call<{ id: string; dueNow: { amount: number } }>('POST', '/quotes', { selection: STARTER });
      expect(quote.body.dueNow.amount).toBe(0);
      const scheduled = await call<{ subscription: { tierId: string; currentPeriod: { end: string }; scheduledChange: { tierId: string; effectiveAt: string } } }>('POST', '/subscription/change', { ...STARTER, quoteId: quote.body.id });
      expect(scheduled.status).toBe(200);
      const sub = scheduled.body.subscription;
      expect(sub.tierId).toBe('pro');
      expect(sub.scheduledChange).toMatchObject({ tierId: 'starter', interval: 'month' });
      expect(sub.scheduledChange.effectiveAt).toBe(sub.currentPeriod.end);
      // Dropped: the plan renews as it is.
      const kept = await call<{ scheduledChange?: unknown; tierId: string }>('DELETE', '/subscription/scheduled-change');
      expect(kept.status).toBe(200);
      expect(kept.body.scheduledChange).toBeUndefined();
      expect(kept.body.tierId).toBe('pro');
    });

    test('a scheduled downgrade applies at the renewal, on the provider’s clock', async (s) => {
      const accountId = newAccount(s);
      const { call } = await subscribe(s, accountId);
      expect((await call('POST', '/subscription/change', STARTER)).status).toBe(200);
      await s.passPeriodEnd!(accountId);
      const renewed = await call<{ status: string; tierId: string; scheduledChange?: unknown }>('GET', '/subscription');
      expect(renewed.body).toMatchObject({ status: 'active', tierId: 'starter' });
      expect(renewed.body.scheduledChange).toBeUndefined();
      const invoices = await call<{ items: Array<{ total: { amount: number } }> }>('GET', '/invoices');
      expect(invoices.body.items[0]?.total.amount).toBe(1900);
    }, (s) => !!s.passPeriodEnd);

    test('a code on a downgrade is the plan’s discount from the renewal', async (s) => {
      const accountId = newAccount(s);
      const { call } = await subscribe(s, accountId);
      const quote = await call<{ id: string; total: { amount: number } }>('POST', '/quotes', { selection: { ...STARTER, couponCode: 'WELCOME20' } });
      expect(quote.body.total.amount).toBe(1520);
      expect((await call('POST', '/subscription/change', { ...STARTER, couponCode: 'WELCOME20', quoteId: quote.body.id })).status).toBe(200);
      await s.passPeriodEnd!(accountId);
      const renewed = await call<{ tierId: string; discount?: { code: string; percentOff: number } }>('GET', '/subscription');
      expect(renewed.body).toMatchObject({ tierId: 'starter', discount: { code: 'WELCOME20', percentOff: 20 } });
      const invoices = await call<{ items: Array<{ total: { amount: number } }> }>('GET', '/invoices');
      expect(invoices.body.items[0]?.total.amount).toBe(1520);
    }, (s) => !!s.passPeriodEnd);

    test('cancel at the period end, then resume: the plan renews again', async (s) => {
      const accountId = newAccount(s);
      const { call } = await subscribe(s, accountId);
      const canceled = await call<{ status: string; cancelAtPeriodEnd?: boolean; nextPayment?: unknown }>('POST', '/subscription/cancel', { atPeriodEnd: true, reason: 'too_expensive', comment: 'Over budget this quarter' });
      expect(canceled.status).toBe(200);
      expect(canceled.body).toMatchObject({ status: 'active', cancelAtPeriodEnd: true });
      expect(canceled.body.nextPayment).toBeUndefined();
      const resumed = await call<{ cancelAtPeriodEnd?: boolean; nextPayment?: unknown }>('POST', '/subscription/resume', {});
      expect(resumed.status).toBe(200);
      expect(resumed.body.cancelAtPeriodEnd).toBeFalsy();
      expect(resumed.body.nextPayment).toBeDefined();
      expect((await call('POST', '/subscription/resume', {})).status).toBe(409);
    });

    test('cards: add one, make it the default, remove the other; the only card of a plan stays', async (s) => {
      const accountId = newAccount(s);
      const { call } = await subscribe(s, accountId);
      const only = (await call<{ items: Array<{ id: string }> }>('GET', '/payment-methods')).body.items[0]?.id ?? '';
      expect((await call('DELETE', `/payment-methods/${only}`)).status).toBe(409);
      expect((await call('POST', '/payment-methods', { paymentMethodId: s.cards.mastercard })).status).toBe(204);
      const two = (await call<{ items: Array<{ id: string; last4: string; isDefault: boolean }> }>('GET', '/payment-methods')).body.items;
      expect(two).toHaveLength(2);
      const added = two.find((c) => c.id !== only);
      expect(added?.isDefault).toBe(true);
      expect((await call('POST', `/payment-methods/${only}/default`, {})).status).toBe(204);
      expect((await call('DELETE', `/payment-methods/${added?.id}`)).status).toBe(204);
      const left = (await call<{ items: Array<{ id: string; isDefault: boolean }> }>('GET', '/payment-methods')).body.items;
      expect(left).toEqual([expect.objectContaining({ id: only, isDefault: true })]);
      // Removing the default card makes the other one the default (and the account can still change).
      await call('POST', '/payment-methods', { paymentMethodId: s.cards.mastercard });
      const [newDefault, other] = (await call<{ items: Array<{ id: string; isDefault: boolean }> }>('GET', '/payment-methods')).body.items.sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
      expect(newDefault?.isDefault).toBe(true);
      expect((await call('DELETE', `/payment-methods/${newDefault?.id}`)).status).toBe(204);
      expect((await call<{ items: Array<{ id: string; isDefault: boolean }> }>('GET', '/payment-methods')).body.items).toEqual([expect.objectContaining({ id: other?.id, isDefault: true })]);
      expect((await call('PUT', '/usage/alerts/input_tokens', { thresholds: [0.9] })).status).toBe(204);
      expect((await call('DELETE', '/payment-methods/pm_nobody_has_this')).status).toBe(404);
    });

    test('coupons: a valid code, an expired one and one for other tiers', async (s) => {
      const call = client(s, newAccount(s));
      const ok = await call('POST', '/coupons/validate', { code: 'WELCOME20', selection: PRO });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ code: 'WELCOME20', percentOff: 20, duration: 'repeating', durationInMonths: 3 });
      const expired = await call('POST', '/coupons/validate', { code: 'EXPIRED10', selection: PRO });
      expect(expired.status).toBe(422);
      expect(expired.body).toMatchObject({ error: { code: 'coupon_invalid' } });
      expect((await call('POST', '/coupons/validate', { code: 'TEAMFOREVER', selection: PRO })).status).toBe(422);
      const quote = await call<{ discount: { amount: number }; total: { amount: number } }>('POST', '/quotes', { selection: { ...PRO, couponCode: 'WELCOME20' } });
      expect(quote.body.discount.amount).toBe(980);
      expect(quote.body.total.amount).toBe(3920);
    });

    test('paying a failed renewal: 3-D Secure on the invoice, then paid and active again', async (s) => {
      const accountId = newAccount(s);
      const { call } = await subscribe(s, accountId);
      // The card on file starts to decline; the renewal fails.
      await call('POST', '/payment-methods', { paymentMethodId: s.cards.declined });
      await s.passPeriodEnd!(accountId);
      expect((await call<{ status: string }>('GET', '/subscription')).body.status).toBe('past_due');
      const open = (await call<{ items: Array<{ id: string; status: string }> }>('GET', '/invoices')).body.items.find((i) => i.status === 'open');
      expect(open).toBeDefined();
      await call('POST', '/payment-methods', { paymentMethodId: s.cards.authenticationRequired });
      const card = (await call<{ items: Array<{ id: string; last4: string }> }>('GET', '/payment-methods')).body.items.find((c) => c.last4 === '3184');
      const first = await call<{ status: string; clientSecret: string }>('POST', `/invoices/${open?.id}/pay`, { paymentMethodId: card?.id });
      expect(first.body.status).toBe('requires_action');
      await s.completeAction!(first.body.clientSecret);
      const done = await call<{ status: string; invoice: { status: string }; subscription: { status: string } }>('POST', `/invoices/${open?.id}/pay`, { paymentMethodId: card?.id, completedAction: first.body.clientSecret });
      expect(done.body).toMatchObject({ status: 'succeeded', invoice: { status: 'paid' }, subscription: { status: 'active' } });
    }, (s) => !!s.cards.declined && !!s.cards.authenticationRequired && !!s.completeAction && !!s.passPeriodEnd);

    test('usage recorded at 5,000 events a second for 30 seconds: exact totals, one alert event per threshold crossed', async (s) => {
      const accountId = newAccount(s);
      const { call } = await subscribe(s, accountId);
      expect((await call('PUT', '/usage/alerts/input_tokens', { thresholds: [0.5, 0.8, 1] })).status).toBe(204);
      const before = (await call<{ meters: Array<{ key: string; used: number }> }>('GET', '/usage')).body.meters.find((m) => m.key === 'input_tokens')?.used ?? 0;
      // 30 seconds' worth of 5,000 records each, every second's records at once (as many app servers send them).
      for (let second = 0; second < 30; second++) {
        await Promise.all(Array.from({ length: 5_000 }, () => s.handler.usage.record(accountId, 'input_tokens', 100)));
      }
      const usage = await call<{ meters: Array<{ key: string; used: number; limit: number }> }>('GET', '/usage');
      const meter = usage.body.meters.find((m) => m.key === 'input_tokens');
      expect(meter?.used).toBe(before + 15_000_000);
      const crossings = s.events.filter((e) => e.type === 'usage.threshold_crossed' && e.accountId === accountId && e.meter === 'input_tokens');
      expect(crossings.map((e) => (e.type === 'usage.threshold_crossed' ? e.threshold : 0))).toEqual([0.5, 0.8, 1]);
      if (s.meteredOf) expect(await s.meteredOf(accountId, 'input_tokens')).toBe(15_000_000);
    });

    test('spend caps: checked against the meter; usage stops at the cap, the host hears it once, and nothing past it is billed', async (s) => {
      const accountId = newAccount(s);
      const { call } = await subscribe(s, accountId);
      type Meters = { meters: Array<{ key: string; used: number; limit: number | null; overagePrice?: unknown; spendCap?: unknown }> };
      const input = async () => (await call<Meters>('GET', '/usage')).body.meters.find((m) => m.key === 'input_tokens');
      const before = await input();
      expect(before).toMatchObject({ limit: 10_000_000, overagePrice: { amount: { amount: 300, currency: 'USD' }, per: 1_000_000 } });
      expect(before?.spendCap).toBeUndefined();
      const used = before?.used ?? 0;

      // What cannot work is refused, naming the cap; another account's meter is not reachable by name.
      const overage = (amount: number, currency = 'USD') => ({ cap: { atLimit: 'overage', maxOverage: { amount, currency } } });
      const wrongCurrency = await call<{ error: { message: string } }>('PUT', '/usage/caps/input_tokens', overage(500, 'EUR'));
      expect([wrongCurrency.status, wrongCurrency.body.error.message]).toEqual([400, 'cap: the ceiling must be in the currency of the overage price']);
      expect((await call('PUT', '/usage/caps/input_tokens', overage(299))).status).toBe(400);
      expect((await call('PUT', '/usage/caps/seats_used', { cap: { atLimit: 'stop' } })).status).toBe(404);
      expect((await call('PUT', '/usage/caps/input_tokens', { cap: { atLimit: 'stop', maxOverage: { amount: 300, currency: 'USD' } } })).status).toBe(400);

      // $3.00 of overage buys one more million tokens past the 10 million of the plan.
      expect((await call('PUT', '/usage/caps/input_tokens', overage(300))).status).toBe(204);
      expect((await input())?.spendCap).toEqual({ atLimit: 'overage', maxOverage: { amount: 300, currency: 'USD' } });
      expect(await s.handler.usage.check(accountId, 'input_tokens')).toEqual({ allowed: true, used, limit: 10_000_000, cap: 11_000_000 });
      expect(await s.handler.usage.record(accountId, 'input_tokens', 11_000_000 - used - 1)).toMatchObject({ allowed: true });
      expect(await s.handler.usage.record(accountId, 'input_tokens', 1)).toMatchObject({ allowed: false, used: 11_000_000 });
      expect(await s.handler.usage.record(accountId, 'input_tokens', 5)).toMatchObject({ allowed: false, used: 11_000_005 });
      const reached = s.events.filter((e) => e.type === 'usage.cap_reached' && e.accountId === accountId);
      expect(reached).toEqual([{ type: 'usage.cap_reached', accountId, meter: 'input_tokens', used: 11_000_000, cap: 11_000_000, period: expect.any(Object) }]);
      // Counted as used, but billed only up to the cap.
      expect((await input())?.used).toBe(11_000_005);
      if (s.meteredOf) expect(await s.meteredOf(accountId, 'input_tokens')).toBe(11_000_000 - used);

      // Removed: usage may go on again.
      expect((await call('PUT', '/usage/caps/input_tokens', { cap: null })).status).toBe(204);
      expect((await input())?.spendCap).toBeUndefined();
      expect(await s.handler.usage.check(accountId, 'input_tokens')).toMatchObject({ allowed: true, cap: null });
      expect((await call('PUT', '/usage/caps/output_tokens', { cap: { atLimit: 'stop' } })).status).toBe(204);
      expect(await s.handler.usage.check(accountId, 'output_tokens')).toMatchObject({ allowed: true, cap: 2_500_000 });
    });

    test('usage by member: each record counted to its member and the pool; a member’s own limit stops them only; accounts apart', async (s) => {
      const accountId = newAccount(s);
      const { call } = await subscribe(s, accountId);
      type Members = { members: Array<{ id: string; name: string; used: Record<string, number>; limits?: Record<string, number> }> };
      const member = async (id: string) => (await call<Members>('GET', '/usage/members')).body.members.find((m) => m.id === id);
      await s.handler.usage.record(accountId, 'input_tokens', 1000, 'amara');
      await s.handler.usage.record(accountId, 'input_tokens', 500, 'ben');
      await s.handler.usage.record(accountId, 'output_tokens', 70, 'ben');
      expect((await member('amara'))?.used.input_tokens).toBe(1000);
      expect((await member('ben'))?.used).toMatchObject({ input_tokens: 500, output_tokens: 70 });
      const pool = (await call<{ meters: Array<{ key: string; used: number }> }>('GET', '/usage')).body.meters.find((m) => m.key === 'input_tokens');
      expect(pool?.used).toBe(1500);

      // Ben's own limit stops Ben, not Amara; removed, it stops nobody.
      expect((await call('PUT', '/usage/members/ben/limits/input_tokens', { limit: 600 })).status).toBe(204);
      expect((await member('ben'))?.limits).toEqual({ input_tokens: 600 });
      expect(await s.handler.usage.check(accountId, 'input_tokens', 'ben')).toMatchObject({ allowed: true, member: { used: 500, limit: 600 } });
      expect(await s.handler.usage.record(accountId, 'input_tokens', 100, 'ben')).toMatchObject({ allowed: false, member: { used: 600, limit: 600 } });
      expect(await s.handler.usage.check(accountId, 'input_tokens', 'amara')).toMatchObject({ allowed: true, member: { used: 1000, limit: null } });
      expect((await call('PUT', '/usage/members/ben/limits/input_tokens', { limit: null })).status).toBe(204);
      expect((await member('ben'))?.limits ?? {}).toEqual({});
      expect(await s.handler.usage.check(accountId, 'input_tokens', 'ben')).toMatchObject({ allowed: true });

      expect((await call('PUT', '/usage/members/ben/limits/seats_used', { limit: 5 })).status).toBe(404);
      expect((await call('PUT', '/usage/members/ben/limits/input_tokens', { limit: -1 })).status).toBe(400);
      expect((await client(s, accountId, 'viewer')('PUT', '/usage/members/ben/limits/input_tokens', { limit: 5 })).status).toBe(403);
      // Another account hears nothing of these members.
      const other = await client(s, newAccount(s))<Members>('GET', '/usage/members');
      expect(other.body.members.map((m) => m.id)).not.toContain('ben');
    });

    test('usage by day: what is recorded lands on its UTC day, and the days add up to the period; accounts apart', async (s) => {
      const accountId = newAccount(s);
      const { call } = await subscribe(s, accountId);
      const today = new Date().toISOString().slice(0, 10);
      await s.handler.usage.record(accountId, 'input_tokens', 1000);
      await s.handler.usage.record(accountId, 'input_tokens', 250, 'amara');
      await s.handler.usage.record(accountId, 'output_tokens', 70);
      type Daily = { period: { start: string }; days: Array<{ date: string; used: Record<string, number> }> };
      const daily = await call<Daily>('GET', '/usage/daily');
      expect(daily.status).toBe(200);
      // On the day it was recorded (the clock may pass midnight UTC meanwhile: then the next day).
      const since = daily.body.days.filter((d) => d.date >= today);
      expect(since.map((d) => d.date).every((date) => date <= new Date().toISOString().slice(0, 10))).toBe(true);
      expect(['input_tokens', 'output_tokens'].map((meter) => since.reduce((sum, d) => sum + (d.used[meter] ?? 0), 0))).toEqual([1250, 70]);
      // Oldest first, one entry a day, and together the period's usage.
      const dates = daily.body.days.map((d) => d.date);
      expect(dates).toEqual([...new Set(dates)].sort());
      const usage = (await call<{ meters: Array<{ key: string; used: number }> }>('GET', '/usage')).body.meters;
      for (const meter of usage) expect(daily.body.days.reduce((sum, d) => sum + (d.used[meter.key] ?? 0), 0), meter.key).toBe(meter.used);
      const other = await client(s, newAccount(s))<Daily>('GET', '/usage/daily');
      expect(other.body.days.flatMap((d) => Object.values(d.used)).filter((n) => n > 0)).toEqual([]);
    });

    test('billing details: none on file, then an email, company and address; a field left out is kept; a bad address is named', async (s) => {
      const accountId = newAccount(s);
      const call = client(s, accountId);
      expect((await call('GET', '/billing-details')).body).toEqual({ taxIds: [] });
      const address = { line1: '500 Howard St', line2: 'Floor 3', city: 'San Francisco', state: 'CA', postalCode: '94105', country: 'US' };
      const saved = await call('PUT', '/billing-details', { email: 'ap@acme.example', name: 'Acme Inc.', address });
      expect(saved.status).toBe(200);
      expect(saved.body).toEqual({ email: 'ap@acme.example', name: 'Acme Inc.', address, taxIds: [] });
      // A field left out is kept; an address replaces the one on file whole.
      const moved = { line1: 'Unter den Linden 1', city: 'Berlin', postalCode: '10117', country: 'DE' };
      expect((await call('PUT', '/billing-details', { address: moved })).body).toEqual({ email: 'ap@acme.example', name: 'Acme Inc.', address: moved, taxIds: [] });
      const refused = [
        await call<{ error: { code: string; message: string } }>('PUT', '/billing-details', { address: { ...address, state: undefined } }),
        await call<{ error: { code: string; message: string } }>('PUT', '/billing-details', { address: { ...address, postalCode: '9410' } }),
        await call<{ error: { code: string; message: string } }>('PUT', '/billing-details', { email: 'ap at acme' }),
      ];
      expect(refused.map((r) => [r.status, r.body.error.code, r.body.error.message.split(':')[0]])).toEqual([
        [400, 'invalid_request', 'address.state'],
        [400, 'invalid_request', 'address.postalCode'],
        [400, 'invalid_request', 'email'],
      ]);
      expect((await call('GET', '/billing-details')).body).toMatchObject({ address: moved });
      // An empty email clears it; the name stays.
      expect((await call('PUT', '/billing-details', { email: '' })).body).toEqual({ name: 'Acme Inc.', address: moved, taxIds: [] });
      // Another account sees none of it.
      expect((await client(s, newAccount(s))('GET', '/billing-details')).body).toEqual({ taxIds: [] });
    });

    test('invoices are made out to the billing details as they were: name, email, address and tax IDs; a later change does not rewrite them', async (s) => {
      const accountId = newAccount(s);
      const call = client(s, accountId);
      const address = { line1: 'Unter den Linden 1', city: 'Berlin', postalCode: '10117', country: 'DE' };
      await call('PUT', '/billing-details', { email: 'ap@acme.example', name: 'Acme GmbH', address });
      expect((await call('POST', '/billing-details/tax-ids', { type: 'eu_vat', value: 'DE123456789' })).status).toBe(200);
      await subscribe(s, accountId);
      type Invoices = { items: Array<{ billedTo?: unknown }> };
      const billedTo = { name: 'Acme GmbH', email: 'ap@acme.example', address, taxIds: [{ type: 'eu_vat', value: 'DE123456789' }] };
      expect((await call<Invoices>('GET', '/invoices')).body.items[0]?.billedTo).toEqual(billedTo);
      await call('PUT', '/billing-details', { name: 'Acme Europe GmbH' });
      expect((await call<Invoices>('GET', '/invoices')).body.items[0]?.billedTo, 'the invoice keeps its recipient').toEqual(billedTo);
      // An account without billing details gets invoices made out to no one in particular.
      const { call: other } = await subscribe(s, newAccount(s));
      expect((await other<Invoices>('GET', '/invoices')).body.items[0]?.billedTo).toBeUndefined();
    });

    test('tax by where the customer is: without an address the quote says so and a purchase is refused; with one, tax is in the price and the invoice', async (s) => {
      const accountId = s.taxedAccount();
      const call = client(s, accountId);
      type Priced = { id: string; tax: { amount: number }; total: { amount: number }; dueNow: { amount: number }; addressRequired?: boolean };
      const unplaced = await call<Priced>('POST', '/quotes', { selection: PRO });
      expect(unplaced.status).toBe(200);
      expect(unplaced.body).toMatchObject({ addressRequired: true, tax: { amount: 0 }, total: { amount: 4900 } });
      const refused = await call<{ error: { code: string; message: string } }>('POST', '/subscription/activate', { ...PRO, paymentMethodId: s.cards.visa, quoteId: unplaced.body.id });
      expect([refused.status, refused.body.error.code, refused.body.error.message.split(':')[0]]).toEqual([400, 'invalid_request', 'address']);
      expect(await s.subscriptionsOf(accountId), 'nothing made, nothing charged').toBe(0);
      expect(await s.invoicesOf(accountId)).toBe(0);
      // A German address: 19 % VAT on the plan, in the quote, the purchase and the invoice.
      expect((await call('PUT', '/billing-details', { address: { line1: 'Unter den Linden 1', city: 'Berlin', postalCode: '10117', country: 'DE' } })).status).toBe(200);
      // The quote priced without the address is not bought: it said another price.
      const stale = await call<{ error: { code: string } }>('POST', '/subscription/activate', { ...PRO, paymentMethodId: s.cards.visa, quoteId: unplaced.body.id });
      expect([stale.status, stale.body.error.code]).toEqual([409, 'conflict']);
      const priced = await call<Priced>('POST', '/quotes', { selection: PRO });
      expect(priced.body.addressRequired).toBeUndefined();
      expect(priced.body).toMatchObject({ tax: { amount: 931, currency: 'USD' }, total: { amount: 5831 }, dueNow: { amount: 5831 } });
      const bought = await call<{ status: string }>('POST', '/subscription/activate', { ...PRO, paymentMethodId: s.cards.visa, quoteId: priced.body.id });
      expect(bought.body).toMatchObject({ status: 'succeeded' });
      const invoices = await call<{ items: Array<{ total: { amount: number } }> }>('GET', '/invoices');
      expect(invoices.body.items.map((i) => i.total.amount)).toEqual([5831]);
      // The next payment is what the renewal will ask, tax included; another plan is quoted with its tax too.
      expect((await call<{ nextPayment: { amount: { amount: number } } }>('GET', '/subscription')).body.nextPayment.amount.amount).toBe(5831);
      expect((await call<Priced>('POST', '/quotes', { selection: STARTER })).body).toMatchObject({ tax: { amount: 361 }, total: { amount: 2261 } });
      // Where no tax is registered (the US here) none is charged; an account not billed with tax never needs an address.
      const elsewhere = client(s, s.taxedAccount());
      await elsewhere('PUT', '/billing-details', { address: { line1: '500 Howard St', city: 'San Francisco', state: 'CA', postalCode: '94105', country: 'US' } });
      expect((await elsewhere<Priced>('POST', '/quotes', { selection: PRO })).body).toMatchObject({ tax: { amount: 0 }, total: { amount: 4900 } });
      const plain = await client(s, newAccount(s))<Priced>('POST', '/quotes', { selection: PRO });
      expect(plain.body.addressRequired).toBeUndefined();
    });

    test('tax follows the address after a decline: the retry with another address is priced and charged for the new one, one plan', async (s) => {
      const accountId = s.taxedAccount();
      const call = client(s, accountId);
      type Priced = { id: string; dueNow: { amount: number } };
      await call('PUT', '/billing-details', { address: { line1: 'Unter den Linden 1', city: 'Berlin', postalCode: '10117', country: 'DE' } });
      const german = await call<Priced>('POST', '/quotes', { selection: PRO });
      expect(german.body.dueNow.amount).toBe(5831);
      const key = `${accountId}-buy`;
      const declined = await call('POST', '/subscription/activate', { ...PRO, paymentMethodId: s.cards.declined, quoteId: german.body.id }, key);
      expect(declined.status).toBe(402);
      // Moved to the US (no tax registered there): the old quote is stale, the new one has no tax, and that is what is paid.
      await call('PUT', '/billing-details', { address: { line1: '500 Howard St', city: 'San Francisco', state: 'CA', postalCode: '94105', country: 'US' } });
      expect((await call('POST', '/subscription/activate', { ...PRO, paymentMethodId: s.cards.visa, quoteId: german.body.id }, key)).status).toBe(409);
      const american = await call<Priced>('POST', '/quotes', { selection: PRO });
      expect(american.body.dueNow.amount).toBe(4900);
      const bought = await call<{ status: string }>('POST', '/subscription/activate', { ...PRO, paymentMethodId: s.cards.visa, quoteId: american.body.id }, key);
      expect(bought.body).toMatchObject({ status: 'succeeded' });
      const paid = (await call<{ items: Array<{ status: string; total: { amount: number } }> }>('GET', '/invoices')).body.items.filter((i) => i.status === 'paid');
      expect(paid.map((i) => i.total.amount)).toEqual([4900]);
      expect((await call<{ status: string }>('GET', '/subscription')).body.status).toBe('active');
    }, (s) => !!s.cards.declined);

    test('tax IDs: added normalized, one of each at most, checked by format, removed only by their account', async (s) => {
      const accountId = newAccount(s);
      const call = client(s, accountId);
      const added = await call<{ id: string; type: string; value: string }>('POST', '/billing-details/tax-ids', { type: 'eu_vat', value: 'de 123 456 789' });
      expect(added.status).toBe(200);
      expect(added.body).toMatchObject({ type: 'eu_vat', value: 'DE123456789' });
      expect((await call('POST', '/billing-details/tax-ids', { type: 'eu_vat', value: 'DE123456789' })).status).toBe(409);
      const malformed = await call<{ error: { code: string; message: string } }>('POST', '/billing-details/tax-ids', { type: 'gb_vat', value: 'GB1234' });
      expect([malformed.status, malformed.body.error]).toEqual([400, { code: 'invalid_request', message: 'value: not a valid gb_vat number' }]);
      const ein = await call<{ id: string }>('POST', '/billing-details/tax-ids', { type: 'us_ein', value: '12-3456789' });
      expect((await call<{ taxIds: Array<{ value: string }> }>('GET', '/billing-details')).body.taxIds.map((t) => t.value)).toEqual(['DE123456789', '12-3456789']);
      const other = client(s, newAccount(s));
      expect((await other('DELETE', `/billing-details/tax-ids/${added.body.id}`)).status).toBe(404);
      expect((await call('DELETE', `/billing-details/tax-ids/${added.body.id}`)).status).toBe(204);
      expect((await call('DELETE', `/billing-details/tax-ids/${added.body.id}`)).status).toBe(404);
      expect((await call<{ taxIds: Array<{ id: string }> }>('GET', '/billing-details')).body.taxIds.map((t) => t.id)).toEqual([ein.body.id]);
      // A reader may look, not change.
      const reader = client(s, accountId, 'reader');
      expect((await reader('GET', '/billing-details')).status).toBe(200);
      expect((await reader('POST', '/billing-details/tax-ids', { type: 'us_ein', value: '98-7654321' })).status).toBe(403);
    });

    test('capabilities: derived from authorize, so an owner may do everything and a viewer only look', async (s) => {
      const accountId = newAccount(s);
      const owner = await client(s, accountId)<{ role?: string; granted: string[] }>('GET', '/capabilities');
      expect(owner.status).toBe(200);
      expect(owner.body).toEqual({ role: 'owner', granted: ['purchase', 'cancel', 'manage_cards', 'pay_invoices', 'set_alerts', 'edit_billing_details', 'buy_credits', 'set_spend_caps'] });
      const viewer = client(s, accountId, 'viewer');
      expect((await viewer<{ role?: string; granted: string[] }>('GET', '/capabilities')).body).toEqual({ role: 'viewer', granted: [] });
      // What it does not grant, the server refuses.
      expect((await viewer('PUT', '/usage/alerts/input_tokens', { thresholds: [0.5] })).status).toBe(403);
      expect((await viewer('PUT', '/billing-details', { name: 'Acme' })).status).toBe(403);
      expect((await viewer('PUT', '/usage/caps/input_tokens', { cap: { atLimit: 'stop' } })).status).toBe(403);
      expect((await client(s, null)('GET', '/capabilities')).status).toBe(401);
    });

    test('credits: an account without them answers 204; packs, custom amounts and coupons are bought once per key', async (s) => {
      // No credit is an answer: 204, so a page that looks on every load logs no failed request.
      expect((await client(s, newAccount(s))('GET', '/credits')).status).toBe(204);
      const accountId = s.prepaidAccount!();
      const call = client(s, accountId);
      type Credits = { balance: { amount: number; currency: string }; packs: Array<{ id: string }>; autoRecharge: { enabled: boolean } };
      const before = (await call<Credits>('GET', '/credits')).body;
      expect(before.packs.map((p) => p.id)).toEqual(['credit_10', 'credit_25', 'credit_50']);
      // Credit is paid with the default card: the customer saves one first where there is none.
      if (!(await call<{ items: unknown[] }>('GET', '/payment-methods')).body.items.length) {
        const none = await call<{ error: { code: string; message: string } }>('POST', '/credits/purchases', { packId: 'credit_10' });
        expect([none.status, none.body.error.code]).toEqual([400, 'invalid_request']);
        expect((await call('POST', '/payment-methods', { paymentMethodId: s.cards.visa })).status).toBe(204);
      }
      // Two requests at once under one key: one purchase, the same answer twice.
      const [first, second] = await Promise.all([
        call<{ status: string; credits: Credits; charged: { amount: number } }>('POST', '/credits/purchases', { packId: 'credit_50' }, `${accountId}-pack`),
        call<{ status: string; credits: Credits; charged: { amount: number } }>('POST', '/credits/purchases', { packId: 'credit_50' }, `${accountId}-pack`),
      ]);
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(second.body).toEqual(first.body);
      expect(first.body).toMatchObject({ status: 'succeeded', charged: { amount: 5000, currency: 'USD' }, credits: { balance: { amount: before.balance.amount + 5500 } } });
      // A custom amount with a coupon: the credit is the amount, the charge is less.
      const custom = await call<{ charged: { amount: number }; credits: Credits }>('POST', '/credits/purchases', { amount: { amount: 2000, currency: 'USD' }, couponCode: 'LAUNCH50' });
      expect(custom.body).toMatchObject({ charged: { amount: 1000 }, credits: { balance: { amount: before.balance.amount + 7500 } } });
      const ledger = await call<{ items: Array<{ kind: string; amount: { amount: number } }> }>('GET', '/credits/ledger?limit=2');
      expect(ledger.body.items.map((e) => [e.kind, e.amount.amount])).toEqual([['purchase', 2000], ['purchase', 5500]]);
      const refused = [
        await call<{ error: { code: string; message: string } }>('POST', '/credits/purchases', { packId: 'credit_10', amount: { amount: 1000, currency: 'USD' } }),
        await call<{ error: { code: string; message: string } }>('POST', '/credits/purchases', { amount: { amount: 100, currency: 'USD' } }),
        await call<{ error: { code: string; message: string } }>('POST', '/credits/purchases', { packId: 'credit_1000' }),
        await call<{ error: { code: string; message: string } }>('POST', '/credits/purchases', { packId: 'credit_10', couponCode: 'NOPE' }),
      ];
      expect(refused.map((r) => [r.status, r.body.error.code])).toEqual([[400, 'invalid_request'], [400, 'invalid_request'], [404, 'not_found'], [422, 'coupon_invalid']]);
      expect(refused[0]?.body.error.message).toBe('body: name a packId or an amount, not both');
      // A reader may look, not buy; another account never sees this one's credit.
      const reader = client(s, accountId, 'reader');
      expect((await reader('GET', '/credits')).status).toBe(200);
      expect((await reader('POST', '/credits/purchases', { packId: 'credit_10' })).status).toBe(403);
      expect((await call<Credits>('GET', '/credits')).body.balance.amount).toBe(before.balance.amount + 7500);
    }, (s) => !!s.prepaidAccount);

    test('auto-recharge: validated (the amount above the threshold, a ceiling that holds one recharge), then on', async (s) => {
      const call = client(s, s.prepaidAccount!());
      const usd = (amount: number) => ({ amount, currency: 'USD' });
      const refused = [
        await call<{ error: { message: string } }>('PUT', '/credits/auto-recharge', { enabled: true, threshold: usd(2000), amount: usd(2000) }),
        await call<{ error: { message: string } }>('PUT', '/credits/auto-recharge', { enabled: true, threshold: usd(500), amount: usd(2500), monthlyLimit: usd(1000) }),
        await call<{ error: { message: string } }>('PUT', '/credits/auto-recharge', { enabled: true, threshold: usd(500), amount: { amount: 2.5, currency: 'USD' } }),
      ];
      expect(refused.map((r) => [r.status, r.body.error.message.split(':')[0]])).toEqual([[400, 'amount'], [400, 'monthlyLimit'], [400, 'amount.amount']]);
      const on = await call<{ autoRecharge: Record<string, unknown> }>('PUT', '/credits/auto-recharge', { enabled: true, threshold: usd(500), amount: usd(2500), monthlyLimit: usd(10000) });
      expect(on.status).toBe(200);
      expect(on.body.autoRecharge).toMatchObject({ enabled: true, threshold: usd(500), amount: usd(2500), monthlyLimit: usd(10000) });
      expect((await call<{ autoRecharge: { enabled: boolean } }>('GET', '/credits')).body.autoRecharge.enabled).toBe(true);
    }, (s) => !!s.prepaidAccount);

    test('credits and 3-D Secure: a declined card buys nothing; a card that asks waits for the customer, then one grant', async (s) => {
      const accountId = s.prepaidAccount!();
      const call = client(s, accountId);
      type Credits = { balance: { amount: number } };
      const declined = await call<{ error: { code: string } }>('POST', '/credits/purchases', { packId: 'credit_25', paymentMethodId: s.cards.declined });
      expect([declined.status, declined.body.error.code]).toEqual([402, 'card_declined']);
      expect((await call<Credits>('GET', '/credits')).body.balance.amount).toBe(0);
      const key = `${accountId}-3ds`;
      const body = { packId: 'credit_25', paymentMethodId: s.cards.authenticationRequired };
      const asked = await call<{ status: string; clientSecret: string }>('POST', '/credits/purchases', body, key);
      expect(asked.body.status).toBe('requires_action');
      // Not yet authenticated: nothing is granted, and saying it was does not make it so.
      const early = await call<{ error: { code: string } }>('POST', '/credits/purchases', { ...body, completedAction: asked.body.clientSecret }, key);
      expect([early.status, early.body.error.code]).toEqual([422, 'authentication_failed']);
      await s.completeAction!(asked.body.clientSecret);
      const [done, again] = await Promise.all([
        call<{ status: string; credits: Credits }>('POST', '/credits/purchases', { ...body, completedAction: asked.body.clientSecret }, key),
        call<{ status: string; credits: Credits }>('POST', '/credits/purchases', { ...body, completedAction: asked.body.clientSecret }, key),
      ]);
      expect(done.body).toMatchObject({ status: 'succeeded', credits: { balance: { amount: 2500 } } });
      expect(again.body).toEqual(done.body);
      // The payment is worth what was paid for, once: naming a bigger pack under a new key adds nothing.
      const claimed = await call<{ status: string; credits: Credits; charged: { amount: number } }>('POST', '/credits/purchases', { packId: 'credit_50', paymentMethodId: s.cards.authenticationRequired, completedAction: asked.body.clientSecret });
      expect(claimed.body).toMatchObject({ status: 'succeeded', charged: { amount: 2500 }, credits: { balance: { amount: 2500 } } });
      // Another account cannot claim this payment as its own.
      const other = client(s, s.prepaidAccount!());
      const stolen = await other<{ error: { code: string } }>('POST', '/credits/purchases', { ...body, completedAction: asked.body.clientSecret });
      expect(stolen.status).toBe(404);
      expect((await other<Credits>('GET', '/credits')).body.balance.amount).toBe(0);
      const ledger = await call<{ items: Array<{ kind: string; amount: { amount: number }; balanceAfter: { amount: number } }> }>('GET', '/credits/ledger');
      expect(ledger.body.items.map((e) => [e.kind, e.amount.amount, e.balanceAfter.amount])).toEqual([['purchase', 2500, 2500]]);
    }, (s) => !!(s.prepaidAccount && s.completeAction && s.cards.declined && s.cards.authenticationRequired));

    test('auto-recharge at the provider: credit used below the threshold is recharged off session once per cooldown; a card that asks for 3-D Secure is reported', async (s) => {
      const accountId = s.prepaidAccount!();
      const call = client(s, accountId);
      const usd = (amount: number) => ({ amount, currency: 'USD' });
      type Credits = { balance: { amount: number }; autoRecharge: { rechargedThisMonth?: { amount: number }; lastFailure?: { reason: string } } };
      expect((await call('POST', '/payment-methods', { paymentMethodId: s.cards.visa })).status).toBe(204);
      await call('POST', '/credits/purchases', { packId: 'credit_10' });
      const on = await call<Credits>('PUT', '/credits/auto-recharge', { enabled: true, threshold: usd(500), amount: usd(2500), monthlyLimit: usd(10000) });
      expect(on.body.balance.amount).toBe(1000);
      await s.useCredit!(accountId, 600);
      const recharged = (await call<Credits>('GET', '/credits')).body;
      expect(recharged.balance.amount).toBe(400 + 2500);
      expect(recharged.autoRecharge.rechargedThisMonth?.amount).toBe(2500);
      // Below the threshold again within the cooldown: no second charge.
      await s.useCredit!(accountId, 2700);
      expect((await call<Credits>('GET', '/credits')).body.balance.amount).toBe(200);
      const ledger = await call<{ items: Array<{ kind: string; amount: { amount: number }; balanceAfter: { amount: number } }> }>('GET', '/credits/ledger?limit=3');
      // Stripe draws grant by grant (the soonest to expire first): one use can be two lines.
      expect(ledger.body.items.map((e) => [e.kind, e.amount.amount, e.balanceAfter.amount])).toEqual([['usage', -2300, 200], ['usage', -400, 2500], ['recharge', 2500, 2900]]);
      // The rest of the ledger, a page later, carries the balance on.
      const rest = await call<{ items: Array<{ kind: string; balanceAfter: { amount: number } }> }>('GET', `/credits/ledger?cursor=${encodeURIComponent((ledger.body as unknown as { nextCursor: string }).nextCursor)}`);
      expect(rest.body.items.map((e) => [e.kind, e.balanceAfter.amount])).toEqual([['usage', 400], ['purchase', 1000]]);

      // Off session, a card that asks for 3-D Secure cannot be charged: said, not retried blindly.
      const second = s.prepaidAccount!();
      const asSecond = client(s, second);
      expect((await asSecond('POST', '/payment-methods', { paymentMethodId: s.cards.authenticationRequired })).status).toBe(204);
      const failed = await asSecond<Credits>('PUT', '/credits/auto-recharge', { enabled: true, threshold: usd(500), amount: usd(2500) });
      expect(failed.body.balance.amount).toBe(0);
      expect(failed.body.autoRecharge.lastFailure).toMatchObject({ reason: 'authentication_required', amount: usd(2500) });
    }, (s) => !!(s.prepaidAccount && s.useCredit && s.cards.authenticationRequired));

    test('webhooks: a forged one is refused, a duplicate and events out of order are applied once', async (s) => {
      if (!s.webhookDeliveries) {
        // Without a provider's webhooks, the route does not exist.
        const answer = await fetch(`${s.baseUrl}/webhooks/stripe`, { method: 'POST', headers: { 'stripe-signature': 't=1,v1=00' }, body: '{}' });
        expect(answer.status).toBe(404);
        return;
      }
      await subscribe(s, newAccount(s));
      const deliveries = (await s.webhookDeliveries()).slice(-6);
      expect(deliveries.length).toBeGreaterThan(2);
      const post = (payload: string, signature: string) =>
        fetch(`${s.baseUrl}/webhooks/stripe`, { method: 'POST', headers: { 'stripe-signature': signature, 'content-type': 'application/json' }, body: payload });
      const [first] = deliveries;
      const forged = await post(first!.payload.replace('"livemode":false', '"livemode":true'), first!.signature);
      expect(forged.status).toBe(400);
      expect(await forged.text()).not.toMatch(/whsec|No signatures found/);
      expect((await post(first!.payload, 't=1,v1=deadbeef')).status).toBe(400);
      // Out of order (newest first), then all of them again.
      const outcomes: string[] = [];
      for (const d of [...deliveries].reverse()) outcomes.push(((await (await post(d.payload, d.signature)).json()) as { outcome: string }).outcome);
      expect(outcomes).not.toContain('duplicate');
      for (const d of deliveries) expect(((await (await post(d.payload, d.signature)).json()) as { outcome: string }).outcome).toBe('duplicate');
    });
  });
}
