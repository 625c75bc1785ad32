/**
 * The http adapter on the wire, in Node with a recording fetch: the request each method
 * sends (method, URL, headers, body, key) and how each answer is read (status to code,
 * the body's code and message, Retry-After, empty and malformed bodies, a lost connection).
 */
import { describe, expect, it, vi } from 'vitest';
import { createHttpAdapter } from '../../../src/adapters/http.js';
import { createHttpTransport, parseRetryAfter } from '../../../src/adapters/http-transport.js';
import { BillingError } from '../../../src/core/errors.js';
import type { HttpAdapterOptions } from '../../../src/adapters/http.js';

interface Sent {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

/** A transport whose fetch records each request and answers `answer()` (a fresh Response each time). */
function recorded(answer: () => Response | Promise<Response> = () => Response.json({}), options: Partial<HttpAdapterOptions> = {}) {
  const sent: Sent[] = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    sent.push({
      url: String(url),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body,
      credentials: init?.credentials,
    });
    return answer();
  });
  const transport = createHttpTransport({ baseUrl: 'https://api.example/billing/', fetch, retries: 0, locale: 'en', ...options });
  return { transport, sent, fetch };
}

const failure = async (promise: Promise<unknown>): Promise<BillingError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BillingError);
  return error as BillingError;
};

const errorAnswer = (status: number, body: unknown = {}, headers: Record<string, string> = {}) => () =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers });

describe('the http adapter: what each method sends', () => {
  it('reads with GET under the base URL (its trailing slashes dropped), asking for JSON in the kit’s language', async () => {
    const { transport, sent } = recorded();
    await transport.getCatalog();
    await transport.getSubscription();
    await transport.getUsage();
    expect(sent.map((s) => [s.method, s.url])).toEqual([
      ['GET', 'https://api.example/billing/catalog'],
      ['GET', 'https://api.example/billing/subscription'],
      ['GET', 'https://api.example/billing/usage'],
    ]);
    const [first] = sent;
    expect(first?.headers.get('accept')).toBe('application/json');
    expect(first?.headers.get('accept-language')).toBe('en');
    // A read carries no body, no content type and no key.
    expect(first?.body).toBeNull();
    expect(first?.headers.has('content-type')).toBe(false);
    expect(first?.headers.has('idempotency-key')).toBe(false);
    expect(first?.credentials).toBe('same-origin');
  });

  it('names no language when there is none, and adds the host’s headers (a function is asked each time)', async () => {
    let token = 0;
    const { transport, sent } = recorded(undefined, { locale: '', headers: () => ({ Authorization: `Bearer t${++token}` }) });
    await transport.getCatalog();
    await transport.getCatalog();
    expect(sent[0]?.headers.has('accept-language')).toBe(false);
    expect(sent.map((s) => s.headers.get('authorization'))).toEqual(['Bearer t1', 'Bearer t2']);
    const fixed = recorded(undefined, { headers: { 'X-Team': 'blue' }, credentials: 'include' });
    await fixed.transport.getUsage();
    expect(fixed.sent[0]?.headers.get('x-team')).toBe('blue');
    expect(fixed.sent[0]?.credentials).toBe('include');
  });

  it('pages invoices with cursor and limit in the query, and none when not asked', async () => {
    const { transport, sent } = recorded(() => Response.json({ items: [], nextCursor: null }));
    await transport.listInvoices({});
    await transport.listInvoices({ cursor: 'c 20', limit: 5 });
    expect(sent.map((s) => s.url)).toEqual(['https://api.example/billing/invoices', 'https://api.example/billing/invoices?cursor=c+20&limit=5']);
  });

  it('unwraps the card list, and hands anything else on for the client to refuse', async () => {
    const card = { id: 'pm_1', type: 'card', last4: '4242', isDefault: true };
    expect(await recorded(() => Response.json({ items: [card] })).transport.listPaymentMethods()).toEqual([card]);
    expect(await recorded(() => Response.json({ cards: [] })).transport.listPaymentMethods()).toEqual({ cards: [] });
    expect(await recorded(() => Response.json(null)).transport.listPaymentMethods()).toBeNull();
  });

  it('sends each change with its method, path, JSON body and one key, the caller’s where it has one', async () => {
    const { transport, sent } = recorded(() => Response.json({ status: 'active' }));
    const selection = { tierId: 'pro', interval: 'month' as const };
    await transport.validateCoupon('WELCOME20', selection);
    await transport.previewChange(selection);
    await transport.createSetupIntent();
    await transport.activate({ ...selection, paymentMethodId: 'pm_1', idempotencyKey: 'buy-1' });
    await transport.changeTier({ ...selection, quoteId: 'qt_1', idempotencyKey: 'change-1' });
    await transport.setDefaultPaymentMethod('pm/1');
    await transport.addPaymentMethod?.('pm_2');
    await transport.setUsageAlerts('input tokens', [0.5, 1]);
    await transport.cancelSubscription({ atPeriodEnd: true, reason: 'unused', idempotencyKey: 'cancel-1' });
    await transport.resumeSubscription({ idempotencyKey: 'resume-1' });
    await transport.payInvoice('in/1', { paymentMethodId: 'pm_1', idempotencyKey: 'pay-1' });
    expect(sent.map((s) => [s.method, s.url.replace('https://api.example/billing', ''), s.body])).toEqual([
      ['POST', '/coupons/validate', { code: 'WELCOME20', selection }],
      ['POST', '/quotes', { selection }],
      ['POST', '/setup-intents', {}],
      ['POST', '/subscription/activate', { ...selection, paymentMethodId: 'pm_1' }],
      ['POST', '/subscription/change', { ...selection, quoteId: 'qt_1' }],
      ['POST', '/payment-methods/pm%2F1/default', {}],
      ['POST', '/payment-methods', { paymentMethodId: 'pm_2' }],
      ['PUT', '/usage/alerts/input%20tokens', { thresholds: [0.5, 1] }],
      ['POST', '/subscription/cancel', { atPeriodEnd: true, reason: 'unused' }],
      ['POST', '/subscription/resume', {}],
      ['POST', '/invoices/in%2F1/pay', { paymentMethodId: 'pm_1' }],
    ]);
    for (const s of sent) expect(s.headers.get('content-type')).toBe('application/json');
    const keys = sent.map((s) => s.headers.get('idempotency-key'));
    expect(keys.slice(3, 5)).toEqual(['buy-1', 'change-1']);
    expect(keys.slice(8)).toEqual(['cancel-1', 'resume-1', 'pay-1']);
    // The others get a fresh key each: never empty, never repeated.
    const fresh = [...keys.slice(0, 3), ...keys.slice(5, 8)];
    expect(fresh.every((k) => typeof k === 'string' && k.length >= 32)).toBe(true);
    expect(new Set(fresh).size).toBe(fresh.length);
  });

  it('removes with DELETE and no body: a card under a fresh key, the scheduled change under the caller’s', async () => {
    const { transport, sent } = recorded(() => new Response(null, { status: 204 }));
    await transport.removePaymentMethod('pm 1');
    expect(await transport.cancelScheduledChange({ idempotencyKey: 'keep-1' })).toBeUndefined();
    expect(sent.map((s) => [s.method, s.url.replace('https://api.example/billing', ''), s.body])).toEqual([
      ['DELETE', '/payment-methods/pm%201', null],
      ['DELETE', '/subscription/scheduled-change', null],
    ]);
    expect(sent[0]?.headers.get('idempotency-key')).toMatch(/^[\w-]{32,}$/);
    expect(sent[0]?.headers.has('content-type')).toBe(false);
    expect(sent[1]?.headers.get('idempotency-key')).toBe('keep-1');
  });
});

describe('the http adapter: how each answer is read', () => {
  it('maps each refusal’s status to its code when the body names none', async () => {
    const cases: Array<[number, string]> = [
      [400, 'invalid_request'],
      [401, 'unauthorized'],
      [402, 'card_declined'],
      [403, 'forbidden'],
      [404, 'not_found'],
      [408, 'timeout'],
      [409, 'conflict'],
      [410, 'unknown'],
      [422, 'invalid_request'],
      [429, 'rate_limited'],
      [499, 'unknown'],
      [500, 'server'],
      [503, 'server'],
    ];
    const seen: Array<[number, string]> = [];
    for (const [status] of cases) {
      const error = await failure(recorded(errorAnswer(status, 'not json')).transport.getCatalog());
      seen.push([status, error.code]);
      expect(error.status).toBe(status);
      expect(error.message).toBe(`The billing service answered ${status}.`);
    }
    expect(seen).toEqual(cases);
  });

  it('takes the body’s code and message where they are the contract’s, and the status’s otherwise', async () => {
    const precise = await failure(recorded(errorAnswer(422, { error: { code: 'coupon_invalid', message: 'That code has expired.' } })).transport.getCatalog());
    expect(precise).toMatchObject({ code: 'coupon_invalid', message: 'That code has expired.', status: 422 });
    // 'unknown' and codes outside the contract do not replace the status's code; a message must be text.
    const unknown = await failure(recorded(errorAnswer(404, { error: { code: 'unknown', message: '' } })).transport.getCatalog());
    expect(unknown).toMatchObject({ code: 'not_found', message: 'The billing service answered 404.' });
    const foreign = await failure(recorded(errorAnswer(409, { error: { code: 'teapot', message: 42 } })).transport.getCatalog());
    expect(foreign).toMatchObject({ code: 'conflict', message: 'The billing service answered 409.' });
    const nullBody = await failure(recorded(errorAnswer(403, 'null')).transport.getCatalog());
    expect(nullBody.code).toBe('forbidden');
    const noError = await failure(recorded(errorAnswer(401, { message: 'no' })).transport.getCatalog());
    expect(noError).toMatchObject({ code: 'unauthorized', message: 'The billing service answered 401.' });
  });

  it('reads Retry-After in seconds or as a date, and leaves it out when absent or unreadable', async () => {
    const seconds = await failure(recorded(errorAnswer(429, {}, { 'Retry-After': '3' })).transport.getUsage());
    expect(seconds).toMatchObject({ code: 'rate_limited', retryAfterMs: 3000, retryable: true });
    const none = await failure(recorded(errorAnswer(429)).transport.getUsage());
    expect(none.retryAfterMs).toBeUndefined();
    const junk = await failure(recorded(errorAnswer(503, {}, { 'Retry-After': 'soon' })).transport.getUsage());
    expect(junk.retryAfterMs).toBeUndefined();
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT'))).toBe(60_000);
    // A date already past (or a negative number) means now, never a negative wait.
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:29:00 GMT'))).toBe(0);
    expect(parseRetryAfter('-5')).toBe(0);
    expect(parseRetryAfter('')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });

  it('needs a JSON body from a read or a POST, and accepts none from a PUT or DELETE', async () => {
    const empty = () => new Response('', { status: 200 });
    const read = await failure(recorded(empty).transport.getCatalog());
    expect(read).toMatchObject({ code: 'invalid_response', status: 200, message: 'The billing service sent an empty answer.' });
    const post = await failure(recorded(empty).transport.previewChange({ tierId: 'pro', interval: 'month' }));
    expect(post.code).toBe('invalid_response');
    await expect(recorded(empty).transport.setUsageAlerts('input_tokens', [1])).resolves.toBeUndefined();
    await expect(recorded(empty).transport.removePaymentMethod('pm_1')).resolves.toBeUndefined();
    // A PUT that answers something must answer JSON.
    const junk = await failure(recorded(() => new Response('<html>', { status: 200 })).transport.setUsageAlerts('input_tokens', [1]));
    expect(junk).toMatchObject({ code: 'invalid_response', message: 'The billing service sent an answer that is not JSON.' });
    // 204 is no content, whatever the method.
    await expect(recorded(() => new Response(null, { status: 204 })).transport.getCatalog()).resolves.toBeUndefined();
    // Except for credit, where 204 says the account has none: the kit hides credits.
    expect(await failure(recorded(() => new Response(null, { status: 204 })).transport.getCredits!())).toMatchObject({ code: 'not_found', status: 404 });
  });

  it('reports a connection that fails as network, and a caller’s abort as the caller’s reason', async () => {
    const lost = await failure(recorded(() => Promise.reject(new TypeError('fetch failed'))).transport.getCatalog());
    expect(lost).toMatchObject({ code: 'network', message: 'The billing service could not be reached.', retryable: true });
    expect(lost.cause).toBeInstanceOf(TypeError);
    const reason = new Error('left the page');
    const controller = new AbortController();
    const { transport, fetch } = recorded(
      () =>
        new Promise<Response>((_, reject) => {
          controller.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const pending = transport.getCatalog({ signal: controller.signal }).catch((e: unknown) => e);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledOnce());
    // The request's own signal follows the caller's.
    const signal = fetch.mock.calls[0]?.[1]?.signal;
    expect(signal?.aborted).toBe(false);
    controller.abort(reason);
    expect(await pending).toBe(reason);
    expect(signal?.aborted).toBe(true);
    // Aborted before it starts: nothing is sent.
    const before = recorded();
    await expect(before.transport.getCatalog({ signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(before.fetch).not.toHaveBeenCalled();
  });
});

describe('the http adapter’s facade', () => {
  it('uses the page’s fetch when given none, and the kit’s locale at each request', async () => {
    const original = globalThis.fetch;
    const seen: Array<string | null> = [];
    globalThis.fetch = (async (_url: string | URL | Request, init?: RequestInit) => {
      seen.push(new Headers(init?.headers).get('accept-language'));
      return Response.json({ currency: 'USD', tiers: [] });
    }) as typeof fetch;
    try {
      const adapter = createHttpAdapter({ baseUrl: '/api/billing' });
      expect(await adapter.getCatalog()).toEqual({ currency: 'USD', tiers: [] });
      const fixed = createHttpAdapter({ baseUrl: '/api/billing', locale: 'de' });
      await fixed.getCatalog();
    } finally {
      globalThis.fetch = original;
    }
    expect(seen).toEqual(['en', 'de']);
  });
});
