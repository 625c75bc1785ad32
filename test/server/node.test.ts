import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createBillingHandler, createMemoryStore, createSimulatorEngine, toNodeListener } from '../../src/server/index.js';

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
