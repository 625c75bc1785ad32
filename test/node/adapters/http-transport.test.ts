/**
 * The http adapter's retries and timeouts in Node with fake timers and a scripted fetch:
 * when each attempt goes out, what is retried and what never is. (The adapter loads this
 * transport on demand; the module is tested here directly, so no import races the clock.)
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHttpTransport } from '../../../src/adapters/http-transport.js';
import { BillingError } from '../../../src/core/errors.js';

const CATALOG = { currency: 'USD', tiers: [] };
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** A fetch that answers from a script, one answer per call, and records when each call came. */
function scripted(...answers: Array<() => Response | Promise<Response>>) {
  const at: number[] = [];
  const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => {
    at.push(Date.now());
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    return next();
  });
  return { fetch, at };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(0);
});
afterEach(() => vi.useRealTimers());

describe('the http adapter’s transport: retries and timeouts', () => {
  it('waits the server’s Retry-After (seconds) before retrying a GET, not its own shorter backoff', async () => {
    const { fetch, at } = scripted(() => json(503, { error: { code: 'server', message: 'busy' } }, { 'Retry-After': '5' }), () => json(200, CATALOG));
    const adapter = createHttpTransport({ baseUrl: '/api', fetch, retryDelayMs: 300 });
    const answer = adapter.getCatalog();
    await vi.advanceTimersByTimeAsync(4999);
    expect(fetch, 'not before Retry-After').toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(answer).resolves.toEqual(CATALOG);
    expect(at).toEqual([0, 5000]);
  });

  it('backs off 300 ms, then 600 ms, and gives up after two retries with the last error', async () => {
    const failing = () => json(502, { error: { code: 'server', message: 'bad gateway' } });
    const { fetch, at } = scripted(failing, failing, failing, () => json(200, CATALOG));
    const adapter = createHttpTransport({ baseUrl: '/api', fetch });
    const answer = adapter.getCatalog().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10_000);
    const error = (await answer) as BillingError;
    expect(error).toBeInstanceOf(BillingError);
    expect(error.code).toBe('server');
    expect(at).toEqual([0, 300, 900]);
  });

  it('never retries a POST, even on a 503: the caller retries with the same key', async () => {
    const { fetch } = scripted(() => json(503, { error: { code: 'server', message: 'busy' } }, { 'Retry-After': '1' }), () => json(200, {}));
    const adapter = createHttpTransport({ baseUrl: '/api', fetch });
    const answer = adapter.activate({ tierId: 'pro', interval: 'month', paymentMethodId: 'pm_1', idempotencyKey: 'k-1' }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(((await answer) as BillingError).code).toBe('server');
    expect(fetch).toHaveBeenCalledTimes(1);
    const init = fetch.mock.calls[0]![1]!;
    expect(new Headers(init.headers).get('Idempotency-Key')).toBe('k-1');
  });

  it('does not retry what a retry cannot fix (404, a malformed answer)', async () => {
    const { fetch } = scripted(() => json(404, { error: { code: 'not_found', message: 'gone' } }), () => new Response('not json', { status: 200 }));
    const adapter = createHttpTransport({ baseUrl: '/api', fetch });
    await expect(adapter.getCatalog()).rejects.toMatchObject({ code: 'not_found' });
    await expect(adapter.getSubscription()).rejects.toMatchObject({ code: 'invalid_response' });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('times an attempt out at timeoutMs, as a timeout, and retries a GET after it', async () => {
    const { fetch, at } = scripted(
      () => new Promise<Response>((_, reject) => {
        const init = fetch.mock.calls[0]![1]!;
        init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      }),
      () => json(200, CATALOG),
    );
    const adapter = createHttpTransport({ baseUrl: '/api', fetch, timeoutMs: 2000, retryDelayMs: 100 });
    const answer = adapter.getCatalog();
    await vi.advanceTimersByTimeAsync(1999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(101);
    await expect(answer).resolves.toEqual(CATALOG);
    expect(at).toEqual([0, 2100]);
  });

  it('stops waiting when the caller aborts during a backoff', async () => {
    const { fetch } = scripted(() => json(503, {}, { 'Retry-After': '30' }), () => json(200, CATALOG));
    const adapter = createHttpTransport({ baseUrl: '/api', fetch });
    const controller = new AbortController();
    const answer = adapter.getCatalog({ signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1000);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(((await answer) as Error).name).toBe('AbortError');
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
