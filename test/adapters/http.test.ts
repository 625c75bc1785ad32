import { expect } from '@open-wc/testing';
import { createHttpAdapter } from '../../src/adapters/http.js';
import { parseRetryAfter } from '../../src/adapters/http-transport.js';
import { BillingError } from '../../src/core/errors.js';
import { setBillingLocale } from '../../src/i18n/localization.js';
import { createBillingClient } from '../../src/state/client.js';
import { demoBackend, waitUntil } from '../helpers.js';

async function failure(promise: Promise<unknown>): Promise<BillingError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'expected a BillingError').to.be.instanceOf(BillingError);
  return error as BillingError;
}

describe('http adapter: status mapping, retries and faults (real HTTP)', () => {
  it('maps 401 and 403 to unauthorized and forbidden', async () => {
    const backend = demoBackend('individual-active');
    await backend.faults({ 'GET /subscription': { status: 401 }, 'GET /catalog': { status: 403 } });
    const adapter = backend.adapter();
    expect((await failure(adapter.getSubscription())).code).to.equal('unauthorized');
    expect((await failure(adapter.getCatalog())).code).to.equal('forbidden');
  });

  it('retries a GET after a 503 and succeeds', async () => {
    const backend = demoBackend('individual-active');
    await backend.faults({ 'GET /catalog': { status: 503, times: 2 } });
    const catalog = await backend.adapter({ retries: 2 }).getCatalog();
    expect(catalog.tiers.length).to.be.greaterThan(0);
  });

  it('gives up after the retries with a retryable server error', async () => {
    const backend = demoBackend('individual-active');
    await backend.faults({ 'GET /catalog': { status: 500 } });
    const error = await failure(backend.adapter({ retries: 1 }).getCatalog());
    expect(error).to.include({ code: 'server', status: 500, retryable: true });
  });

  it('reads Retry-After on 429', async () => {
    const backend = demoBackend('individual-active');
    await backend.faults({ 'GET /usage': { status: 429, headers: { 'Retry-After': '2' } } });
    const error = await failure(backend.adapter({ retries: 0 }).getUsage());
    expect(error).to.include({ code: 'rate_limited', retryAfterMs: 2000 });
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT'))).to.equal(60_000);
  });

  it('never retries a POST by itself', async () => {
    const backend = demoBackend('new');
    await backend.faults({ 'POST /quotes': { status: 503, times: 1 } });
    const adapter = backend.adapter({ retries: 3 });
    const error = await failure(adapter.previewChange({ tierId: 'pro', interval: 'month' }));
    expect(error.code).to.equal('server');
    // The fault was for one request only: a second explicit call succeeds.
    expect((await adapter.previewChange({ tierId: 'pro', interval: 'month' })).total.amount).to.equal(4900);
  });

  it('turns malformed JSON and an empty body into invalid_response', async () => {
    const backend = demoBackend('individual-active');
    await backend.faults({ 'GET /catalog': { status: 200, body: '{"tiers": [' }, 'GET /usage': { status: 200, body: '' } });
    const adapter = backend.adapter({ retries: 0 });
    expect((await failure(adapter.getCatalog())).code).to.equal('invalid_response');
    expect((await failure(adapter.getUsage())).code).to.equal('invalid_response');
  });

  it('times out a slow answer', async () => {
    const backend = demoBackend('individual-active');
    await backend.faults({ 'GET /catalog': { delayMs: 400 } });
    const error = await failure(backend.adapter({ timeoutMs: 100, retries: 0 }).getCatalog());
    expect(error.code).to.equal('timeout');
  });

  it('reports a dropped connection as a network error', async () => {
    const backend = demoBackend('individual-active');
    await backend.faults({ 'GET /catalog': { drop: true } });
    const error = await failure(backend.adapter({ retries: 0 }).getCatalog());
    expect(error.code).to.equal('network');
  });

  it('aborts with the caller signal', async () => {
    const backend = demoBackend('individual-active');
    await backend.faults({ 'GET /catalog': { delayMs: 300 } });
    const controller = new AbortController();
    const pending = backend.adapter().getCatalog({ signal: controller.signal });
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect((error as DOMException).name).to.equal('AbortError');
  });

  it('sends an Idempotency-Key with every POST, the caller’s key for activation', async () => {
    const seen: Array<{ method: string; key: string | null }> = [];
    const recording: typeof fetch = (input, init) => {
      seen.push({ method: init?.method ?? 'GET', key: new Headers(init?.headers).get('Idempotency-Key') });
      return fetch(input, init);
    };
    const backend = demoBackend('new');
    const adapter = createHttpAdapter({ baseUrl: backend.baseUrl, fetch: recording });
    await adapter.previewChange({ tierId: 'pro', interval: 'month' });
    await adapter.activate({ tierId: 'pro', interval: 'month', paymentMethodId: 'pm_test_4242', idempotencyKey: 'checkout-abc' });
    await adapter.getSubscription();
    expect(seen[0]?.key).to.be.a('string').and.not.empty;
    expect(seen[1]?.key).to.equal('checkout-abc');
    expect(seen[2]).to.deep.equal({ method: 'GET', key: null });
  });

  it('sends cookies to its own origin only, unless told to include them for an API on another origin', async () => {
    const sent: Array<RequestCredentials | undefined> = [];
    const recording: typeof fetch = (input, init) => {
      sent.push(init?.credentials);
      return fetch(input, init);
    };
    const backend = demoBackend('individual-active');
    await createHttpAdapter({ baseUrl: backend.baseUrl, fetch: recording }).getCatalog();
    await createHttpAdapter({ baseUrl: backend.baseUrl, fetch: recording, credentials: 'include' }).getCatalog();
    expect(sent).to.deep.equal(['same-origin', 'include']);
  });

  it("asks for the kit's language (Accept-Language), which follows the locale, unless told another", async () => {
    const languages: Array<string | null> = [];
    const recording: typeof fetch = (input, init) => {
      languages.push(new Headers(init?.headers).get('Accept-Language'));
      return fetch(input, init);
    };
    const backend = demoBackend('individual-active');
    const adapter = createHttpAdapter({ baseUrl: backend.baseUrl, fetch: recording });
    await adapter.getCatalog();
    await setBillingLocale('ja');
    try {
      await adapter.getCatalog();
    } finally {
      await setBillingLocale('en');
    }
    await createHttpAdapter({ baseUrl: backend.baseUrl, fetch: recording, locale: 'fr-CA' }).getCatalog();
    expect(languages).to.deep.equal(['en', 'ja', 'fr-CA']);
  });

  it('a lost answer to a successful activation is safe to retry with the same key: one subscription, one invoice', async () => {
    const backend = demoBackend('new');
    await backend.faults({ 'POST /subscription/activate': { afterSuccess: true, times: 1 } });
    const adapter = backend.adapter();
    const request = { tierId: 'pro', interval: 'month' as const, paymentMethodId: 'pm_test_4242', idempotencyKey: 'same-key' };
    expect((await failure(adapter.activate(request))).code).to.equal('network');
    const retry = await adapter.activate(request);
    expect(retry.status).to.equal('succeeded');
    const invoices = await adapter.listInvoices({});
    expect(invoices.items).to.have.length(1);
  });

  it('a malformed payload reaches the client as invalid_response', async () => {
    const backend = demoBackend('individual-active');
    await backend.faults({ 'GET /subscription': { status: 200, body: '{"status":"active","seats":"eight"}' } });
    const client = createBillingClient({ adapter: backend.adapter() });
    const stop = client.$subscription.listen(() => {});
    await waitUntil(() => client.$subscription.get().status === 'error', 'the subscription store never failed');
    stop();
    const state = client.$subscription.get();
    expect(state.error?.code).to.equal('invalid_response');
    expect(state.error?.message).to.contain('seats');
  });
});
