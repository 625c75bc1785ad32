/** The client's small parts: error normalising, the client the attributes make, the page-wide default. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BillingError } from '../../../src/core/errors.js';
import { clientFromAttributes } from '../../../src/state/attribute-client.js';
import { $defaultBillingClient, getDefaultBillingClient, setDefaultBillingClient } from '../../../src/state/default-client.js';
import { guarded } from '../../../src/state/guarded.js';

afterEach(() => {
  vi.unstubAllGlobals();
  setDefaultBillingClient(undefined);
});

describe('guarded', () => {
  it('passes answers and aborts through, and turns anything else thrown into a BillingError', async () => {
    await expect(guarded(async () => 7)).resolves.toBe(7);
    const abort = new DOMException('aborted', 'AbortError');
    await expect(guarded(async () => Promise.reject(abort))).rejects.toBe(abort);
    const declined = new BillingError('card_declined', 'Declined.');
    await expect(guarded(async () => Promise.reject(declined))).rejects.toBe(declined);
    const error = await guarded(async () => Promise.reject(new TypeError('Failed to fetch'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BillingError);
    expect(error).toMatchObject({ code: 'network', message: 'Failed to fetch' });
  });
});

describe('clientFromAttributes', () => {
  async function credentialsSent(credentials: string | undefined): Promise<RequestCredentials | undefined> {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => new Response(JSON.stringify({ status: 'none' }), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const client = await clientFromAttributes('https://api.example/billing', undefined, credentials);
    await client!.adapter.getSubscription();
    expect(fetch.mock.calls[0]![0]).toBe('https://api.example/billing/subscription');
    return fetch.mock.calls[0]![1].credentials;
  }

  it('an api attribute makes an http client; credentials include or omit are sent, anything else keeps same-origin', async () => {
    expect(await credentialsSent('include')).toBe('include');
    expect(await credentialsSent('omit')).toBe('omit');
    expect(await credentialsSent('Include')).toBe('same-origin');
    expect(await credentialsSent(undefined)).toBe('same-origin');
  });

  it('a demo attribute makes the simulator for that scenario (the default one for an unknown name); neither makes nothing', async () => {
    const team = await clientFromAttributes(undefined, 'team');
    const teamSubscription = await team!.adapter.getSubscription();
    expect(teamSubscription.tierId).toBe('team');
    const unknown = await clientFromAttributes(undefined, 'no-such-scenario');
    expect((await unknown!.adapter.getSubscription()).tierId, 'individual-active: Pro').toBe('pro');
    expect(await clientFromAttributes(undefined, undefined)).toBeUndefined();
    const both = await clientFromAttributes('https://api.example', 'team');
    expect(both, 'api wins').toBeDefined();
  });
});

describe('the default client', () => {
  it('is what elements outside a provider use, and can be replaced and cleared', () => {
    const client = { marker: 1 } as never;
    const seen: unknown[] = [];
    const stop = $defaultBillingClient.listen((c) => seen.push(c));
    setDefaultBillingClient(client);
    expect(getDefaultBillingClient()).toBe(client);
    setDefaultBillingClient(undefined);
    expect(getDefaultBillingClient()).toBeUndefined();
    expect(seen).toEqual([client, undefined]);
    stop();
  });
});
