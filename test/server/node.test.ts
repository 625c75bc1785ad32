import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi, type Mock } from 'vitest';
import { createBillingHandler, createMemoryStore, createSimulatorEngine, toNodeListener } from '../../src/server/index.js';
import { sendFetchResponse, toFetchRequest } from '../../src/server/node.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function listen(listener: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(listener);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const handler = createBillingHandler({
  engine: createSimulatorEngine({ scenario: 'new' }),
  store: createMemoryStore(),
  identify: (request) => (request.headers.get('authorization') === 'Bearer alice' ? { accountId: 'alice' } : null),
});

describe('toNodeListener', () => {
  it('serves the handler on node:http over real HTTP: bodies, headers and statuses', async () => {
    const base = await listen(toNodeListener(handler));
    const auth = { authorization: 'Bearer alice' };
    expect((await fetch(`${base}/api/billing/subscription`)).status).toBe(401);
    const quote = await fetch(`${base}/api/billing/quotes`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': 'q-1' },
      body: JSON.stringify({ selection: { tierId: 'pro', interval: 'month' } }),
    });
    expect(quote.status).toBe(200);
    expect(quote.headers.get('content-type')).toContain('application/json');
    expect((await quote.json()) as { selection: unknown }).toMatchObject({ selection: { tierId: 'pro', interval: 'month' } });
    const removed = await fetch(`${base}/api/billing/payment-methods/pm_nope`, { method: 'DELETE', headers: { ...auth, 'idempotency-key': 'd-1' } });
    expect(removed.status).toBe(404);
  });

  it('sees the whole path under Express, which strips its mount prefix from req.url (it keeps req.originalUrl)', async () => {
    const listener = toNodeListener(handler);
    const base = await listen((req, res) => {
      // What app.use('/api/billing', listener) hands on: the prefix gone from url, kept in originalUrl.
      const originalUrl = req.url ?? '/';
      req.url = originalUrl.replace(/^\/api\/billing/, '') || '/';
      void listener(Object.assign(req, { originalUrl }), res);
    });
    const response = await fetch(`${base}/api/billing/catalog`, { headers: { authorization: 'Bearer alice' } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { tiers: unknown[] }).tiers.length).toBeGreaterThan(0);
  });
});

describe('toFetchRequest and sendFetchResponse', () => {
  /** A Node request as node:http hands it over: a readable body with headers, method, url and socket. */
  const nodeRequest = (fields: Record<string, unknown>, body: string[] = []) => Object.assign(Readable.from(body.map((b) => Buffer.from(b))), { headers: {}, socket: {}, ...fields }) as unknown as IncomingMessage;
  const nodeResponse = () => Object.assign(new EventEmitter(), { setHeader: vi.fn(), end: vi.fn(), statusCode: 0 }) as unknown as ServerResponse & { setHeader: Mock; end: Mock };

  it('rebuilds the URL: the Host header (localhost without one), https on a TLS socket, Express’s originalUrl', () => {
    expect(toFetchRequest(nodeRequest({ url: '/api/billing/catalog' }), nodeResponse()).url).toBe('http://localhost/api/billing/catalog');
    expect(toFetchRequest(nodeRequest({ url: '/catalog', originalUrl: '/api/billing/catalog', headers: { host: 'app.example' }, socket: { encrypted: true } }), nodeResponse()).url).toBe('https://app.example/api/billing/catalog');
    expect(toFetchRequest(nodeRequest({ headers: { host: 'app.example' }, socket: { encrypted: 'yes' } }), nodeResponse()).url).toBe('http://app.example/');
  });

  it('keeps every header value, skips absent ones, and defaults the method to GET without a body', async () => {
    const request = toFetchRequest(nodeRequest({ url: '/', headers: { 'x-forwarded-for': ['203.0.113.1', '198.51.100.2'], 'x-absent': undefined, accept: 'application/json' } }), nodeResponse());
    expect(request.method).toBe('GET');
    expect(request.headers.get('x-forwarded-for')).toBe('203.0.113.1, 198.51.100.2');
    expect(request.headers.get('accept')).toBe('application/json');
    expect(request.headers.has('x-absent')).toBe(false);
    expect(request.body).toBeNull();
    // HEAD has no body either (a Request with one would throw).
    expect(toFetchRequest(nodeRequest({ url: '/', method: 'head' }, ['x']), nodeResponse()).method).toBe('HEAD');
    const posted = toFetchRequest(nodeRequest({ url: '/', method: 'post' }, ['{"a":', '1}']), nodeResponse());
    expect(posted.method).toBe('POST');
    expect(await posted.text()).toBe('{"a":1}');
  });

  it('aborts the request when the client goes away', () => {
    const res = nodeResponse();
    const request = toFetchRequest(nodeRequest({ url: '/' }), res);
    expect(request.signal.aborted).toBe(false);
    res.emit('close');
    expect(request.signal.aborted).toBe(true);
  });

  it('writes the status, the headers and the body, and ends a response without a body empty', async () => {
    const res = nodeResponse();
    await sendFetchResponse(res, new Response('{"ok":true}', { status: 201, headers: { 'content-type': 'application/json' } }));
    expect(res.statusCode).toBe(201);
    expect(res.setHeader).toHaveBeenCalledWith('content-type', 'application/json');
    expect(String(res.end.mock.calls[0]?.[0])).toBe('{"ok":true}');
    const empty = nodeResponse();
    await sendFetchResponse(empty, new Response(null, { status: 204 }));
    expect(empty.statusCode).toBe(204);
    expect(empty.end).toHaveBeenCalledWith();
  });
});
