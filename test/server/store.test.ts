// The memory store: one claim per key, and a claim left running by a request that died is
// taken over by the same request once it is stale (never by another request).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStore, STALE_CLAIM_MS } from '../../src/server/store.js';

const ref = { accountId: 'alice', route: 'POST /subscription/activate', key: 'k1' };

afterEach(() => vi.useRealTimers());

describe('the memory store', () => {
  it('lets the same request take over a claim left running past its time, and nobody else', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-02T10:00:00Z') });
    const store = createMemoryStore();
    expect(await store.claim(ref, 'buy pro')).toEqual({ kind: 'claimed' });
    expect(await store.claim(ref, 'buy pro')).toEqual({ kind: 'running' });
    vi.setSystemTime(Date.now() + STALE_CLAIM_MS);
    // Exactly STALE_CLAIM_MS old is not yet stale.
    expect(await store.claim(ref, 'buy pro')).toEqual({ kind: 'running' });
    vi.setSystemTime(Date.now() + 1);
    expect(await store.claim(ref, 'buy starter')).toEqual({ kind: 'mismatch' });
    expect(await store.claim(ref, 'buy pro')).toEqual({ kind: 'claimed' });
    await store.complete(ref, { status: 200, body: '{"ok":true}' });
    vi.setSystemTime(Date.now() + STALE_CLAIM_MS * 10);
    // An answered key is never stale: it replays.
    expect(await store.claim(ref, 'buy pro')).toEqual({ kind: 'done', answer: { status: 200, body: '{"ok":true}' } });
  });

  it('forgets a released claim, and completing a key that is not held changes nothing', async () => {
    const store = createMemoryStore();
    await store.complete(ref, { status: 200, body: '{}' });
    expect(await store.claim(ref, 'buy pro')).toEqual({ kind: 'claimed' });
    await store.release(ref);
    expect(await store.claim(ref, 'buy team')).toEqual({ kind: 'claimed' });
    // Keys are per account: bob's k1 is not alice's.
    expect(await store.claim({ ...ref, accountId: 'bob' }, 'buy pro')).toEqual({ kind: 'claimed' });
  });

  it('says a notice is new once', async () => {
    const store = createMemoryStore();
    expect([await store.firstNotice?.('a'), await store.firstNotice?.('a'), await store.firstNotice?.('b')]).toEqual([true, false, true]);
  });
});
