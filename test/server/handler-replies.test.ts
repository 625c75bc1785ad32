// What the handler answers, word for word, to every request it refuses before or around an
// engine: the status, the contract's code, the message a customer or an integrator reads,
// and the headers a client acts on (Retry-After, Idempotent-Replayed, Cache-Control).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BillingAdapter } from '../../src/adapters/types.js';
import { BillingError } from '../../src/core/errors.js';
import { createBillingHandler, createMemoryStore, WebhookSignatureError, type BillingEngine, type BillingHandlerOptions, type UsageReading } from '../../src/server/index.js';
import { BASE, json, setup } from './helpers.js';

afterEach(() => {
  vi.useRealTimers();
});

/** Status, code and message of an error reply. */
async function problem(response: Response): Promise<[number, string, string]> {
  const { error } = await json<{ error: { code: string; message: string } }>(response);
  return [response.status, error.code, error.message];
}

/** A handler over an engine whose adapter is `adapter` (only what a test calls), signed in as `alice`. */
function over(adapter: Record<string, unknown>, extra: Omit<Partial<BillingHandlerOptions>, 'engine'> & { engine?: Partial<BillingEngine> } = {}) {
  const { engine: engineExtra, ...rest } = extra;
  const engine: BillingEngine = { adapterFor: () => adapter as unknown as BillingAdapter, recordUsage: async () => undefined, ...engineExtra };
  return createBillingHandler({ engine, store: createMemoryStore(), identify: () => ({ accountId: 'alice' }), ...rest });
}

const post = (path: string, body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request(`${BASE}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'k-1', ...headers }, body, duplex: 'half' } as RequestInit);

/** A body that arrives in chunks, without a Content-Length (what a chunked upload looks like). */
function streamed(...chunks: string[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
}

describe('the handler’s refusals, word for word', () => {
  it('refuses a body over maxBodyBytes by its Content-Length or as it streams, and accepts one of exactly the limit', async () => {
    const cancel = vi.fn(async (_request: Record<string, unknown>) => ({ status: 'active' as const }));
    const handler = over({ cancelSubscription: cancel }, { maxBodyBytes: 20 });
    const tooBig = '{"atPeriodEnd":true }'; // 21 bytes
    const exact = '{"atPeriodEnd":true}'; // 20 bytes
    expect(await problem(await handler(post('/subscription/cancel', tooBig, { 'content-length': '21' })))).toEqual([413, 'invalid_request', 'The request body is larger than 20 bytes.']);
    expect(await problem(await handler(post('/subscription/cancel', streamed('{"atPeriodEnd"', ':true }'))))).toEqual([413, 'invalid_request', 'The request body is larger than 20 bytes.']);
    expect(cancel).not.toHaveBeenCalled();
    expect((await handler(post('/subscription/cancel', exact, { 'content-length': '20', 'idempotency-key': 'k-2' }))).status).toBe(200);
    // Chunks are put back together in order.
    expect((await handler(post('/subscription/cancel', streamed('{"atPeri', 'odEnd":', 'true}'), { 'idempotency-key': 'k-3' }))).status).toBe(200);
    expect(cancel.mock.calls.map(([request]) => request.atPeriodEnd)).toEqual([true, true]);
  });

  it('names a body that is not JSON, or not sent as JSON', async () => {
    const handler = over({});
    expect(await problem(await handler(post('/subscription/cancel', '{"atPeriodEnd":')))).toEqual([400, 'invalid_request', 'The request body is not JSON.']);
    expect(await problem(await handler(post('/subscription/cancel', '{}', { 'content-type': 'text/plain' })))).toEqual([415, 'invalid_request', 'Send the body as application/json.']);
    expect(await problem(await handler(post('/subscription/cancel', '{}', { 'content-type': 'text/plain; application/json' })))).toEqual([415, 'invalid_request', 'Send the body as application/json.']);
    expect(await problem(await handler(post('/subscription/cancel', '[]')))).toEqual([400, 'invalid_request', 'body: expected an object']);
    expect(await problem(await handler(post('/subscription/cancel', '"yes"')))).toEqual([400, 'invalid_request', 'body: Invalid type: Expected Object but received "yes"']);
  });

  it('refuses a change the browser marks cross-site even without an Origin, and never trusts the opaque origin', async () => {
    const cancel = vi.fn(async (_request: Record<string, unknown>) => ({ status: 'active' as const }));
    const handler = over({ cancelSubscription: cancel }, { allowedOrigins: ['null'] });
    const body = '{"atPeriodEnd":true}';
    expect(await problem(await handler(post('/subscription/cancel', body, { 'sec-fetch-site': 'cross-site' })))).toEqual([403, 'forbidden', 'Changes are accepted from this site only.']);
    expect(await problem(await handler(post('/subscription/cancel', body, { origin: 'null' })))).toEqual([403, 'forbidden', 'Changes are accepted from this site only.']);
    expect(cancel).not.toHaveBeenCalled();
    expect((await handler(post('/subscription/cancel', body, { 'sec-fetch-site': 'same-site', 'idempotency-key': 'k-2' }))).status).toBe(200);
  });

  it('asks for an Idempotency-Key of at most 255 characters on every change', async () => {
    const cancel = vi.fn(async (_request: Record<string, unknown>) => ({ status: 'active' as const }));
    const handler = over({ cancelSubscription: cancel });
    const required: [number, string, string] = [400, 'invalid_request', 'An Idempotency-Key header (at most 255 characters) is required.'];
    const body = '{"atPeriodEnd":true}';
    expect(await problem(await handler(post('/subscription/cancel', body, { 'idempotency-key': '' })))).toEqual(required);
    expect(await problem(await handler(post('/subscription/cancel', body, { 'idempotency-key': 'k'.repeat(256) })))).toEqual(required);
    expect((await handler(post('/subscription/cancel', body, { 'idempotency-key': 'k'.repeat(255) }))).status).toBe(200);
    expect(cancel).toHaveBeenCalledOnce();
  });

  it('answers routes it does not serve, under its base path only', async () => {
    const handler = over({ getSubscription: async () => ({ status: 'none' }) }, { basePath: '/billing//' });
    const get = (path: string, method = 'GET') => handler(new Request(`http://billing.test${path}`, { method }));
    expect((await get('/billing/subscription')).status).toBe(200);
    expect(await problem(await get('/billingx/subscription'))).toEqual([404, 'not_found', 'No such billing route.']);
    expect(await problem(await get('/elsewhere/subscription'))).toEqual([404, 'not_found', 'No such billing route.']);
    expect(await problem(await get('/billing/nothing-here'))).toEqual([404, 'not_found', 'No such billing route.']);
    expect(await problem(await get('/billing'))).toEqual([404, 'not_found', 'No such billing route.']);
    expect(await problem(await get('/billing/subscription', 'PATCH'))).toEqual([405, 'invalid_request', 'PATCH is not allowed here.']);
    // A path as long as the base path, under another one, is not the billing API.
    expect(await problem(await get('/billinx/subscription'))).toEqual([404, 'not_found', 'No such billing route.']);
    expect(await problem(await get('/xxxxxxx/subscription'))).toEqual([404, 'not_found', 'No such billing route.']);
  });

  it('signs nobody in on an identity without an account id, and says what authorize() refused', async () => {
    for (const identity of [{ accountId: '' }, { accountId: 7 }, null]) {
      const handler = over({ getSubscription: async () => ({ status: 'none' }) }, { identify: () => identity as { accountId: string } });
      expect(await problem(await handler(new Request(`${BASE}/subscription`)))).toEqual([401, 'unauthorized', 'Sign in to manage billing.']);
    }
    const handler = over({ getSubscription: async () => ({ status: 'none' }) }, { authorize: () => false });
    expect(await problem(await handler(new Request(`${BASE}/subscription`)))).toEqual([403, 'forbidden', 'You may not do this for this account.']);
  });
});

describe('the handler’s error replies', () => {
  const failing = (error: unknown, extra: Partial<BillingHandlerOptions> = {}) =>
    over({ getSubscription: () => Promise.reject(error) }, extra)(new Request(`${BASE}/subscription`));

  it('says when to try again: the engine’s own wait rounded up to seconds, 1 s for a rate limit, nothing otherwise', async () => {
    const waits = await Promise.all(
      [
        new BillingError('conflict', 'Busy.', { retryAfterMs: 1_500 }),
        new BillingError('conflict', 'Busy.', { retryAfterMs: 200 }),
        new BillingError('rate_limited', 'Slow down.'),
        new BillingError('conflict', 'No.'),
      ].map(async (error) => (await failing(error)).headers.get('retry-after')),
    );
    expect(waits).toEqual(['2', '1', '1', null]);
    const limited = await failing(new BillingError('rate_limited', 'Slow down.'));
    expect(await problem(limited)).toEqual([429, 'rate_limited', 'Slow down.']);
  });

  it('turns Stripe out of reach into 503 with Retry-After, and any other failure into a generic 500, its text kept in the logs', async () => {
    const onError = vi.fn();
    const outage = await failing(Object.assign(new Error('connect ECONNREFUSED api.stripe.com'), { type: 'StripeConnectionError' }), { onError });
    expect(await problem(outage)).toEqual([503, 'server', 'The payment provider cannot be reached. Try again in a moment.']);
    expect(outage.headers.get('retry-after')).toBe('2');
    for (const error of [Object.assign(new Error('No such price: price_x'), { type: 'StripeInvalidRequestError' }), new Error('a bug'), null]) {
      const response = await failing(error, { onError });
      expect(await problem(response)).toEqual([500, 'server', 'The billing service failed. Try again in a moment.']);
      expect(response.headers.get('retry-after')).toBeNull();
    }
    expect(onError).toHaveBeenCalledTimes(4);
    // A host without onError still hears the outage as an outage.
    expect((await failing(Object.assign(new Error('down'), { type: 'StripeAPIError' }))).status).toBe(503);
    // What the customer may read is not logged.
    onError.mockClear();
    await failing(new BillingError('not_found', 'That invoice does not exist.'), { onError });
    expect(onError).not.toHaveBeenCalled();
  });

  it('answers 204 without a body or a content type, and is never cached', async () => {
    const handler = over({ setDefaultPaymentMethod: async () => undefined });
    const response = await handler(post('/payment-methods/pm_1/default', null));
    expect(response.status).toBe(204);
    expect(response.headers.get('content-type')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe('');
    const read = await over({ getSubscription: async () => ({ status: 'none' }) })(new Request(`${BASE}/subscription`));
    expect(read.headers.get('cache-control')).toBe('no-store');
    expect(read.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });
});

describe('the handler’s idempotency, word for word', () => {
  it('marks only a replayed answer, and says so when a key is reused for another request', async () => {
    const cancel = vi.fn(async (_request: Record<string, unknown>) => ({ status: 'active' as const, cancelAtPeriodEnd: true }));
    const handler = over({ cancelSubscription: cancel });
    const first = await handler(post('/subscription/cancel', '{"atPeriodEnd":true}'));
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await handler(post('/subscription/cancel', '{"atPeriodEnd":true}'));
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(await problem(await handler(post('/subscription/cancel', '{"atPeriodEnd":false}')))).toEqual([
      422,
      'invalid_request',
      'This Idempotency-Key was used for another request. Use a new key for a new request.',
    ]);
    expect(cancel).toHaveBeenCalledOnce();
  });

  it('does not keep a 3-D Secure step: the same key after authentication runs again', async () => {
    const pay = vi.fn().mockResolvedValueOnce({ status: 'requires_action', clientSecret: 'pi_1_secret' }).mockResolvedValueOnce({ status: 'succeeded' });
    const handler = over({ payInvoice: pay });
    expect(await (await handler(post('/invoices/in_1/pay', '{}'))).json()).toEqual({ status: 'requires_action', clientSecret: 'pi_1_secret' });
    const second = await handler(post('/invoices/in_1/pay', '{}'));
    expect(await second.json()).toEqual({ status: 'succeeded' });
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect(pay).toHaveBeenCalledTimes(2);
  });

  it('answers 409 with Retry-After at once when the same request is still running and there is no time to wait', async () => {
    let finish: (value: { status: 'active' }) => void = () => undefined;
    const cancel = vi.fn(() => new Promise<{ status: 'active' }>((resolve) => (finish = resolve)));
    const handler = over({ cancelSubscription: cancel }, { idempotencyWaitMs: 0 });
    const first = handler(post('/subscription/cancel', '{"atPeriodEnd":true}'));
    await vi.waitFor(() => expect(cancel).toHaveBeenCalled());
    // The clock stops: a handler that waited one poll first would never answer.
    vi.useFakeTimers();
    const second = await handler(post('/subscription/cancel', '{"atPeriodEnd":true}'));
    expect(await problem(second)).toEqual([409, 'conflict', 'The same request is still being processed.']);
    expect(second.headers.get('retry-after')).toBe('1');
    finish({ status: 'active' });
    expect((await first).status).toBe(200);
  });
});

describe('the webhook route', () => {
  const webhook = (handler: ReturnType<typeof over>, init: RequestInit = {}) => handler(new Request(`${BASE}/webhooks/stripe`, { method: 'POST', body: '{"id":"evt_1"}', ...init }));

  it('is there only with a secret and an engine that takes webhooks, for POST only, signed', async () => {
    const receiveWebhook = vi.fn(async () => 'applied' as const);
    expect(await problem(await webhook(over({}, { engine: { receiveWebhook } })))).toEqual([404, 'not_found', 'No such billing route.']);
    expect(await problem(await webhook(over({}, { webhooks: { secret: 'whsec_1' } }), { headers: { 'stripe-signature': 't=1,v1=x' } }))).toEqual([404, 'not_found', 'No such billing route.']);
    const handler = over({}, { webhooks: { secret: 'whsec_1' }, engine: { receiveWebhook } });
    expect(await problem(await handler(new Request(`${BASE}/webhooks/stripe`)))).toEqual([405, 'invalid_request', 'GET is not allowed here.']);
    expect(await problem(await webhook(handler))).toEqual([400, 'invalid_request', 'The Stripe-Signature header is missing.']);
    expect(receiveWebhook).not.toHaveBeenCalled();
    const delivered = await webhook(handler, { headers: { 'stripe-signature': 't=1,v1=x' } });
    expect(await delivered.json()).toEqual({ received: true, outcome: 'applied' });
    expect(receiveWebhook).toHaveBeenCalledWith('{"id":"evt_1"}', 't=1,v1=x', 'whsec_1');
  });

  it('answers a forged delivery 400 and any other failure as a failure Stripe retries', async () => {
    const receiveWebhook = vi.fn().mockRejectedValueOnce(new WebhookSignatureError('No signatures found matching the expected signature')).mockRejectedValueOnce(new Error('the database is restarting'));
    const handler = over({}, { webhooks: { secret: 'whsec_1' }, engine: { receiveWebhook } });
    const signed = { headers: { 'stripe-signature': 't=1,v1=x' } };
    expect(await problem(await webhook(handler, signed))).toEqual([400, 'invalid_request', 'The webhook signature does not verify.']);
    expect(await problem(await webhook(handler, signed))).toEqual([500, 'server', 'The billing service failed. Try again in a moment.']);
  });
});

describe('handler.usage.record', () => {
  const period = { start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' };
  const reading = (before: number, after: number, limit: number | null, thresholds = [0.8, 1]): UsageReading => ({ before, after, limit, thresholds, cap: null, period });

  it('refuses an empty account, a non-finite or negative amount, and takes zero', async () => {
    const recordUsage = vi.fn(async () => undefined);
    const handler = over({}, { engine: { recordUsage } });
    for (const [account, value] of [['', 1], ['alice', Number.NaN], ['alice', Infinity], ['alice', -1]] as const) {
      await expect(handler.usage.record(account, 'input_tokens', value)).rejects.toThrow(new RangeError('usage.record needs an account, a meter and a non-negative amount'));
    }
    expect(recordUsage).not.toHaveBeenCalled();
    await handler.usage.record('alice', 'input_tokens', 0);
    expect(recordUsage).toHaveBeenCalledWith('alice', 'input_tokens', 0, undefined);
  });

  it('tells each threshold once, against the limit, and nothing for a meter without a limit', async () => {
    const recordUsage = vi.fn<BillingEngine['recordUsage']>();
    const onEvent = vi.fn();
    const handler = over({}, { engine: { recordUsage }, onEvent });
    // 700 → 850 of 1,000 crosses 80 %; (with after × limit it would cross nothing).
    recordUsage.mockResolvedValueOnce(reading(700, 850, 1_000));
    await handler.usage.record('alice', 'input_tokens', 150);
    expect(onEvent.mock.calls).toEqual([[{ type: 'usage.threshold_crossed', accountId: 'alice', meter: 'input_tokens', threshold: 0.8, used: 850, limit: 1_000, period }]]);
    // The same crossing read again (another process’s stale reading) is not told twice.
    recordUsage.mockResolvedValueOnce(reading(700, 850, 1_000));
    await handler.usage.record('alice', 'input_tokens', 150);
    // No limit, or a limit of zero: no percentage to cross.
    recordUsage.mockResolvedValueOnce(reading(0, 5_000, null)).mockResolvedValueOnce(reading(0, 5, 0));
    await handler.usage.record('alice', 'input_tokens', 5_000);
    await handler.usage.record('alice', 'input_tokens', 5);
    expect(onEvent).toHaveBeenCalledOnce();
  });

  it('tells a threshold once with a store that keeps no notices (the handler remembers them itself)', async () => {
    const store = createMemoryStore();
    const recordUsage = vi.fn(async () => reading(900, 1_000, 1_000));
    const onEvent = vi.fn();
    const handler = over({}, { engine: { recordUsage }, onEvent, store: { claim: store.claim, complete: store.complete, release: store.release } });
    await handler.usage.record('alice', 'input_tokens', 100);
    await handler.usage.record('alice', 'input_tokens', 100);
    expect(onEvent.mock.calls.map(([event]) => event.threshold)).toEqual([1]);
  });

  it('over the simulator: a Team account crossing 80 % of its pooled input tokens', async () => {
    const onEvent = vi.fn();
    const { handler, engine } = setup('team', { onEvent });
    const usage = await (await engine.adapterFor('alice')).getUsage();
    expect(usage.meters.find((m) => m.key === 'input_tokens')).toMatchObject({ pooled: true });
    const meter = usage.meters.find((m) => m.key === 'input_tokens')!;
    const toEighty = Math.ceil(meter.limit! * 0.8) - meter.used;
    await handler.usage.record('alice', 'input_tokens', toEighty);
    expect(onEvent).toHaveBeenCalledWith(expect.objectContaining({ threshold: 0.8, used: meter.used + toEighty, limit: meter.limit }));
  });
});

describe('what each route hands the adapter', () => {
  it('pages invoices: 20 by default, 1 to 100, a cursor only when one is sent', async () => {
    const listInvoices = vi.fn(async (_query: Record<string, unknown>) => ({ items: [], nextCursor: null }));
    const handler = over({ listInvoices });
    for (const query of ['', '?limit=0', '?limit=1', '?limit=1.5', '?limit=abc', '?limit=500', '?limit=-3', '?cursor=in_9&limit=5']) {
      await handler(new Request(`${BASE}/invoices${query}`));
    }
    expect(listInvoices.mock.calls.map(([q]) => q)).toEqual([{ limit: 20 }, { limit: 20 }, { limit: 1 }, { limit: 20 }, { limit: 20 }, { limit: 100 }, { limit: 20 }, { cursor: 'in_9', limit: 5 }]);
  });

  it('drops an empty cancellation comment and keeps a written one with its reason', async () => {
    const cancel = vi.fn(async (_request: Record<string, unknown>) => ({ status: 'active' as const }));
    const handler = over({ cancelSubscription: cancel });
    await handler(post('/subscription/cancel', JSON.stringify({ atPeriodEnd: true, comment: '' })));
    await handler(post('/subscription/cancel', JSON.stringify({ atPeriodEnd: false, reason: 'too_expensive', comment: 'Over budget' }), { 'idempotency-key': 'k-2' }));
    expect(cancel.mock.calls.map(([request]) => request)).toEqual([
      { atPeriodEnd: true, idempotencyKey: 'k-1' },
      { atPeriodEnd: false, reason: 'too_expensive', comment: 'Over budget', idempotencyKey: 'k-2' },
    ]);
  });

  it('treats a purchase repeated with another card or quote as the same one, and other seats or another coupon as another', async () => {
    const activate = vi.fn(async (_request: Record<string, unknown>) => ({ status: 'active' as const }));
    const handler = over({ activate });
    const buy = (body: Record<string, unknown>) => handler(post('/subscription/activate', JSON.stringify({ tierId: 'team', interval: 'month', paymentMethodId: 'pm_1', ...body })));
    expect((await buy({ seats: 3, couponCode: 'SAVE' })).status).toBe(200);
    expect((await buy({ seats: 3, couponCode: 'SAVE', paymentMethodId: 'pm_2', quoteId: 'quo_2' })).headers.get('idempotent-replayed')).toBe('true');
    expect((await buy({ seats: 5, couponCode: 'SAVE' })).status).toBe(422);
    expect((await buy({ seats: 3, couponCode: 'OTHER' })).status).toBe(422);
    expect((await buy({ seats: 3 })).status).toBe(422);
    expect(activate).toHaveBeenCalledOnce();
    // A purchase without a body is a bad request, not a failure of the server.
    expect(await problem(await handler(post('/subscription/activate', null, { 'idempotency-key': 'k-9' })))).toEqual([400, 'invalid_request', expect.stringContaining('body')]);
  });

  it('pays one invoice once, whichever card a repeat names, with the decoded invoice id', async () => {
    const payInvoice = vi.fn(async (_id: string, _request: Record<string, unknown>) => ({ status: 'succeeded' as const }));
    const handler = over({ payInvoice });
    await handler(post('/invoices/in%201/pay', JSON.stringify({ paymentMethodId: 'pm_1' })));
    const again = await handler(post('/invoices/in%201/pay', JSON.stringify({ paymentMethodId: 'pm_2' })));
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(payInvoice.mock.calls).toEqual([['in 1', { paymentMethodId: 'pm_1', idempotencyKey: 'k-1' }]]);
  });
});
