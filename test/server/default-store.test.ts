import { describe, expect, it, vi } from 'vitest';

// This file's world has no PGlite installed.
vi.mock('@electric-sql/pglite', () => {
  throw new Error("Cannot find package '@electric-sql/pglite'");
});

const { createBillingHandler, createSimulatorEngine } = await import('../../src/server/index.js');

describe('the default store', () => {
  it('names the package it needs when PGlite is missing, and reads still work', async () => {
    const onError = vi.fn();
    const handler = createBillingHandler({ engine: createSimulatorEngine(), identify: () => ({ accountId: 'alice' }), onError });
    expect((await handler(new Request('http://billing.test/api/billing/catalog'))).status).toBe(200);
    const response = await handler(
      new Request('http://billing.test/api/billing/quotes', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'q-1' },
        body: JSON.stringify({ selection: { tierId: 'pro', interval: 'month' } }),
      }),
    );
    // The browser hears a failure, not the setup problem; the logs hear which package to install.
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('pglite');
    expect(String(onError.mock.calls[0]?.[0])).toContain('npm install @electric-sql/pglite');
  });
});
