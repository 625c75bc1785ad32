import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { matchRoute, ROUTES } from '../../src/server/routes.js';
import { BASE, json, setup } from './helpers.js';

const PRO = { tierId: 'pro', interval: 'month' };
const CARD = 'pm_test_4242';

describe('the billing handler: who may ask', () => {
  it('answers 401 to a request without a signed-in account, before any route runs', async () => {
    const { call, engine } = setup();
    const spy = vi.spyOn(engine, 'adapterFor');
    const response = await call(null, 'GET', '/subscription');
    expect(response.status).toBe(401);
    expect(await json(response)).toEqual({ error: { code: 'unauthorized', message: 'Sign in to manage billing.' } });
    expect(spy).not.toHaveBeenCalled();
  });

  it('answers 403 to an operation authorize() refuses, and serves what it allows', async () => {
    const { call } = setup('individual-active', { authorize: (_identity, operation) => operation.startsWith('get') || operation.startsWith('list') });
    expect((await call('reader', 'GET', '/subscription')).status).toBe(200);
    const refused = await call('reader', 'POST', '/subscription/cancel', { atPeriodEnd: true });
    expect(refused.status).toBe(403);
    expect((await json(refused)).error).toMatchObject({ code: 'forbidden' });
    // Nothing changed.
    expect((await json(await call('reader', 'GET', '/subscription'))).cancelAtPeriodEnd).toBeUndefined();
  });

  it('keeps accounts apart: a purchase is one account’s, and another account’s card is not_found', async () => {
    const { call } = setup('new');
    const bought = await call('alice', 'POST', '/subscription/activate', { ...PRO, paymentMethodId: CARD });
    expect(bought.status).toBe(200);
    expect((await json(await call('alice', 'GET', '/subscription'))).status).toBe('active');
    expect((await json(await call('bob', 'GET', '/subscription'))).status).toBe('none');
    const alicesCard = (await json<{ items: Array<{ id: string }> }>(await call('alice', 'GET', '/payment-methods'))).items[0]?.id;
    expect(alicesCard).toBe(CARD);
    const stolen = await call('bob', 'POST', `/payment-methods/${alicesCard}/default`);
    expect(stolen.status).toBe(404);
    expect((await json(stolen)).error).toMatchObject({ code: 'not_found' });
    const removed = await call('bob', 'DELETE', `/payment-methods/${alicesCard}`);
    expect(removed.status).toBe(404);
    expect((await json<{ items: unknown[] }>(await call('alice', 'GET', '/payment-methods'))).items).toHaveLength(1);
  });

  it('refuses a change sent from another site (cookie sessions), and accepts the allowed origins', async () => {
    const { call } = setup('individual-active', { allowedOrigins: ['https://app.example'] });
    const forged = await call('alice', 'POST', '/subscription/cancel', { atPeriodEnd: true }, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(forged.status).toBe(403);
    expect((await call('alice', 'POST', '/subscription/cancel', { atPeriodEnd: true }, { origin: 'null' })).status).toBe(403);
    expect((await call('alice', 'POST', '/subscription/cancel', { atPeriodEnd: true }, { origin: 'https://app.example', 'sec-fetch-site': 'cross-site' })).status).toBe(200);
    expect((await call('alice', 'POST', '/subscription/resume', {}, { origin: new URL(BASE).origin, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    // Reads are not changes: a cross-site GET is the browser's business (CORS), not a purchase.
    expect((await call('alice', 'GET', '/subscription', undefined, { origin: 'https://evil.example' })).status).toBe(200);
  });
});

describe('the billing handler: bodies and routes', () => {
  it('serves every route of openapi.yaml, and no route the contract does not name', () => {
    const spec = readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8');
    const named: string[] = [];
    let path = '';
    for (const line of spec.split('\n')) {
      const p = /^ {2}(\/\S*):$/.exec(line);
      if (p) path = p[1] ?? '';
      const m = /^ {4}(get|post|put|delete):$/.exec(line);
      if (m && path) named.push(`${m[1]!.toUpperCase()} ${path.replace(/\{[^}]+\}/g, 'x')}`);
    }
    expect(named.length).toBeGreaterThan(15);
    const served = named.filter((r) => r !== 'POST /webhooks/stripe');
    for (const route of served) {
      const [method = '', at = ''] = route.split(' ');
      expect(matchRoute(method, at), route).toMatchObject({ route: expect.anything() });
    }
    expect(ROUTES).toHaveLength(served.length);
  });

  it('checks every body and names the field that does not fit, running nothing', async () => {
    const { call, engine } = setup('new');
    const cases: Array<[string, string, unknown, string]> = [
      ['POST', '/subscription/activate', { tierId: 'pro' }, 'interval'],
      ['POST', '/subscription/activate', { ...PRO, seats: 0 }, 'seats'],
      ['POST', '/subscription/activate', { ...PRO, accountId: 'bob' }, 'accountId'],
      ['POST', '/quotes', { selection: { tierId: '', interval: 'month' } }, 'selection.tierId'],
      ['POST', '/subscription/cancel', { atPeriodEnd: 'yes' }, 'atPeriodEnd'],
      ['POST', '/subscription/cancel', { atPeriodEnd: true, reason: 'bored' }, 'reason'],
      ['PUT', '/usage/alerts/input_tokens', { thresholds: [0.5, 0.5] }, 'thresholds'],
      ['PUT', '/usage/alerts/input_tokens', { thresholds: [80] }, 'thresholds'],
    ];
    for (const [method, path, body, field] of cases) {
      const response = await call('alice', method, path, body);
      expect(response.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      const { error } = await json<{ error: { code: string; message: string } }>(response);
      expect(error.code).toBe('invalid_request');
      expect(error.message).toContain(field);
    }
    expect(engine.adapterFor('alice').calls.map((c) => c.method)).toEqual([]);
  });

  it('answers JSON that is not JSON, a body too large, a missing key and unknown routes with the contract’s errors', async () => {
    const { call } = setup('new', { maxBodyBytes: 1024 });
    expect((await call('alice', 'POST', '/quotes', '{"selection":')).status).toBe(400);
    expect((await call('alice', 'POST', '/quotes', { selection: PRO, pad: 'x'.repeat(2000) })).status).toBe(413);
    expect((await call('alice', 'POST', '/quotes', { selection: PRO }, { 'idempotency-key': '' })).status).toBe(400);
    expect((await call('alice', 'POST', '/quotes', JSON.stringify({ selection: PRO }), { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await call('alice', 'GET', '/nothing-here')).status).toBe(404);
    expect((await call('alice', 'PATCH', '/subscription')).status).toBe(405);
    // Dots resolve before routing: /api/billing/../catalog is /api/catalog, outside the handler's path.
    expect((await call('alice', 'GET', '/../catalog')).status).toBe(404);
    const response = await call('alice', 'DELETE', '/payment-methods/%E0%A4%A');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
  });

  it('serves every read of the contract, the catalog in the request’s language', async () => {
    const { call } = setup('team');
    for (const path of ['/catalog', '/subscription', '/usage', '/invoices?limit=2', '/payment-methods']) {
      const response = await call('alice', 'GET', path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    expect((await json<{ items: unknown[] }>(await call('alice', 'GET', '/invoices?limit=2'))).items).toHaveLength(2);
    const catalog = await json<{ tiers: Array<{ id: string; features: string[] }> }>(await call('alice', 'GET', '/catalog', undefined, { 'accept-language': 'fr-FR,fr;q=0.9' }));
    expect(catalog.tiers.find((t) => t.id === 'pro')?.features).toContain('Modèles premium');
  });

  it('keeps a provider’s or a defect’s own message out of the answer, and hands it to onError', async () => {
    const onError = vi.fn();
    const { call, engine } = setup('new', { onError });
    vi.spyOn(engine.adapterFor('alice'), 'getUsage').mockRejectedValue(new Error('Stripe: No such customer cus_123; request req_abc'));
    const response = await call('alice', 'GET', '/usage');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('cus_123');
    expect(JSON.parse(text)).toEqual({ error: { code: 'server', message: 'The billing service failed. Try again in a moment.' } });
    expect(onError).toHaveBeenCalledOnce();
  });
});

describe('the billing handler: one key, one result', () => {
  it('replays a repeated request byte for byte, and refuses the key for another request', async () => {
    const { call, engine } = setup('new');
    const headers = { 'idempotency-key': 'buy-1' };
    const first = await call('alice', 'POST', '/subscription/activate', { ...PRO, paymentMethodId: CARD }, headers);
    const again = await call('alice', 'POST', '/subscription/activate', { ...PRO, paymentMethodId: CARD }, headers);
    expect(first.status).toBe(200);
    const firstText = await first.text();
    expect(await again.text()).toBe(firstText);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await call('alice', 'POST', '/subscription/activate', { tierId: 'starter', interval: 'month', paymentMethodId: CARD }, headers);
    expect(other.status).toBe(422);
    // The same purchase after a reload: a fresh quote and a newly tokenized card under the first key hear the first answer.
    const reloaded = await call('alice', 'POST', '/subscription/activate', { ...PRO, paymentMethodId: 'pm_card_mastercard', quoteId: 'q_fresh' }, headers);
    expect(await reloaded.text()).toBe(firstText);
    expect(engine.adapterFor('alice').count('activate')).toBe(1);
    // The same key is another account's own key.
    expect((await call('bob', 'POST', '/subscription/activate', { ...PRO, paymentMethodId: CARD }, headers)).status).toBe(200);
  });

  it('five concurrent purchases under one key make one subscription and one invoice, and all five hear the same answer', async () => {
    const { call, engine } = setup('new');
    const headers = { 'idempotency-key': 'buy-once' };
    const answers = await Promise.all(Array.from({ length: 5 }, () => call('alice', 'POST', '/subscription/activate', { ...PRO, paymentMethodId: CARD }, headers)));
    const bodies = await Promise.all(answers.map((a) => a.text()));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(bodies).size).toBe(1);
    const held = engine.adapterFor('alice').snapshot();
    expect(engine.adapterFor('alice').count('activate')).toBe(1);
    expect(held.subscription.status).toBe('active');
    expect(held.invoices).toHaveLength(1);
  });

  it('does not keep a failure: the same key runs again after a declined payment', async () => {
    const { call, engine } = setup('past-due');
    const invoice = engine.adapterFor('alice').snapshot().invoices.find((i) => i.status === 'open');
    expect(invoice).toBeDefined();
    const headers = { 'idempotency-key': 'pay-1' };
    await call('alice', 'POST', '/payment-methods', { paymentMethodId: 'pm_test_0002' });
    const declined = await call('alice', 'POST', `/invoices/${invoice?.id}/pay`, { paymentMethodId: 'pm_test_0002' }, headers);
    expect(declined.status).toBe(402);
    expect((await json(declined)).error).toMatchObject({ code: 'card_declined' });
    await call('alice', 'POST', '/payment-methods', { paymentMethodId: CARD });
    const paid = await call('alice', 'POST', `/invoices/${invoice?.id}/pay`, { paymentMethodId: CARD }, headers);
    expect(paid.status).toBe(200);
    expect((await json<{ status: string }>(paid)).status).toBe('succeeded');
    expect(engine.adapterFor('alice').snapshot().subscription.status).toBe('active');
  });

  it('answers 409 with Retry-After while the same request is still running past the wait', async () => {
    const { call, engine } = setup('individual-active', { idempotencyWaitMs: 50 });
    let finish: () => void = () => undefined;
    const adapter = engine.adapterFor('alice');
    const real = adapter.cancelSubscription.bind(adapter);
    vi.spyOn(adapter, 'cancelSubscription').mockImplementation(async (request) => {
      await new Promise<void>((resolve) => (finish = resolve));
      return real(request);
    });
    const headers = { 'idempotency-key': 'cancel-1' };
    const first = call('alice', 'POST', '/subscription/cancel', { atPeriodEnd: true }, headers);
    await vi.waitFor(() => expect(adapter.cancelSubscription).toHaveBeenCalled());
    const second = await call('alice', 'POST', '/subscription/cancel', { atPeriodEnd: true }, headers);
    expect(second.status).toBe(409);
    expect(second.headers.get('retry-after')).toBe('1');
    finish();
    expect((await first).status).toBe(200);
    expect((await call('alice', 'POST', '/subscription/cancel', { atPeriodEnd: true }, headers)).headers.get('idempotent-replayed')).toBe('true');
  });
});

describe('the billing handler: usage', () => {
  it('records usage from the host app and serves it on the next read', async () => {
    const { call, handler } = setup('individual-active');
    const before = await json<{ meters: Array<{ key: string; used: number }> }>(await call('alice', 'GET', '/usage'));
    const used = before.meters.find((m) => m.key === 'input_tokens')?.used ?? 0;
    await handler.usage.record('alice', 'input_tokens', 1234);
    const after = await json<{ meters: Array<{ key: string; used: number }> }>(await call('alice', 'GET', '/usage'));
    expect(after.meters.find((m) => m.key === 'input_tokens')?.used).toBe(used + 1234);
    await expect(handler.usage.record('alice', 'input_tokens', -1)).rejects.toThrow(RangeError);
  });

  it('tells the host app once per crossing, however many records cross it at once, with exact totals', async () => {
    const events: Array<{ meter: string; threshold: number }> = [];
    const { call, handler } = setup('individual-active', { onEvent: (e) => void (e.type === 'usage.threshold_crossed' && events.push({ meter: e.meter, threshold: e.threshold })) });
    const usage = await json<{ meters: Array<{ key: string; used: number; limit: number | null; alertThresholds?: number[] }> }>(await call('alice', 'GET', '/usage'));
    const meter = usage.meters.find((m) => m.limit && m.alertThresholds?.length && m.used / m.limit < Math.min(...m.alertThresholds));
    expect(meter, 'a meter below its first threshold').toBeDefined();
    if (!meter?.limit) return;
    const step = Math.ceil((meter.limit - meter.used) / 100) + 1;
    await Promise.all(Array.from({ length: 200 }, () => handler.usage.record('alice', meter.key, step)));
    const after = await json<{ meters: Array<{ key: string; used: number }> }>(await call('alice', 'GET', '/usage'));
    expect(after.meters.find((m) => m.key === meter.key)?.used).toBe(meter.used + 200 * step);
    expect(events).toEqual((meter.alertThresholds ?? []).map((threshold) => ({ meter: meter.key, threshold })));
    // Past the limit already: more usage tells nothing new this period.
    await handler.usage.record('alice', meter.key, step);
    expect(events).toHaveLength(meter.alertThresholds?.length ?? 0);
  });
});
