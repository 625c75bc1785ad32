/** The client's lazily loaded stores: who starts a load, who shares it, which answer wins. Node, fake timers. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BillingError } from '../../../src/core/errors.js';
import { createResource, type Resource } from '../../../src/state/resource.js';

/** A fetcher whose answers the test gives, in any order. */
function deferred<T>() {
  const calls: Array<{ signal: AbortSignal; resolve: (v: T) => void; reject: (e: unknown) => void }> = [];
  const fetcher = vi.fn(
    (signal: AbortSignal) =>
      new Promise<T>((resolve, reject) => {
        calls.push({ signal, resolve, reject });
        signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      }),
  );
  return { fetcher, calls };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createResource', () => {
  it('loads when the first reader subscribes, not before; readers share one request', async () => {
    const { fetcher, calls } = deferred<number>();
    const resource = createResource(fetcher);
    expect(resource.peek()).toEqual({ status: 'idle' });
    expect(fetcher).not.toHaveBeenCalled();
    const seen: Array<Resource<number>> = [];
    const stop = resource.$store.subscribe((v) => seen.push(v));
    const stop2 = resource.$store.subscribe(() => undefined);
    void resource.load();
    expect(fetcher).toHaveBeenCalledTimes(1);
    calls[0]!.resolve(7);
    await vi.advanceTimersByTimeAsync(0);
    expect(seen.map((v) => v.status)).toEqual(['loading', 'ready']);
    expect(resource.peek()).toEqual({ status: 'ready', data: 7 });
    stop();
    stop2();
  });

  it('a forced reload wins over the one before it, whichever answers last', async () => {
    const { fetcher, calls } = deferred<string>();
    const resource = createResource(fetcher);
    const stop = resource.$store.listen(() => undefined);
    const first = resource.load();
    const second = resource.load(true);
    expect(calls[0]!.signal.aborted, 'the older request is aborted').toBe(true);
    calls[1]!.resolve('new');
    await second;
    await first;
    expect(resource.peek()).toEqual({ status: 'ready', data: 'new' });
    stop();
  });

  it('a failed reload keeps the data it had, beside the error', async () => {
    const { fetcher, calls } = deferred<string>();
    const resource = createResource(fetcher);
    const stop = resource.$store.listen(() => undefined);
    resource.set('old');
    const reload = resource.load();
    expect(resource.peek()).toEqual({ status: 'loading', data: 'old' });
    calls.at(-1)!.reject(new BillingError('server', 'down'));
    await reload;
    expect(resource.peek()).toMatchObject({ status: 'error', data: 'old', error: { code: 'server' } });
    stop();
  });

  it('set() replaces the data at once and drops the answer of a request still running', async () => {
    const { fetcher, calls } = deferred<string>();
    const resource = createResource(fetcher);
    const stop = resource.$store.listen(() => undefined);
    const load = resource.load();
    resource.set('from the mutation');
    calls[0]!.resolve?.('stale');
    await load;
    expect(resource.peek()).toEqual({ status: 'ready', data: 'from the mutation' });
    stop();
  });

  it('when the last reader leaves (after nanostores’ delay), the request is aborted and the next reader loads again', async () => {
    const { fetcher, calls } = deferred<number>();
    const resource = createResource(fetcher);
    const stop = resource.$store.subscribe(() => undefined);
    expect(fetcher).toHaveBeenCalledTimes(1);
    stop();
    await vi.advanceTimersByTimeAsync(999);
    expect(calls[0]!.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls[0]!.signal.aborted).toBe(true);
    expect(resource.peek()).toEqual({ status: 'idle' });
    const again = resource.$store.subscribe(() => undefined);
    expect(fetcher).toHaveBeenCalledTimes(2);
    again();
  });

  it('an error that is not a BillingError becomes one (network for a TypeError from fetch)', async () => {
    const { fetcher, calls } = deferred<number>();
    const resource = createResource(fetcher);
    const stop = resource.$store.listen(() => undefined);
    const load = resource.load();
    calls[0]!.reject(new TypeError('Failed to fetch'));
    await load;
    expect(resource.peek().error).toBeInstanceOf(BillingError);
    expect(resource.peek().error?.code).toBe('network');
    stop();
  });
});

describe('createResource: after the answers', () => {
  it('a first load that fails has an error and no data; a load after an answer asks again', async () => {
    const { fetcher, calls } = deferred<number>();
    const resource = createResource(fetcher);
    expect(resource.$store.value).toEqual({ status: 'idle' });
    const stop = resource.$store.listen(() => undefined);
    calls[0]!.reject(new BillingError('server', 'down'));
    await vi.advanceTimersByTimeAsync(0);
    expect('data' in resource.peek()).toBe(false);
    const again = resource.load();
    expect(fetcher, 'a settled load is not shared').toHaveBeenCalledTimes(2);
    calls[1]!.resolve(3);
    await again;
    void resource.load();
    expect(fetcher).toHaveBeenCalledTimes(3);
    stop();
  });

  it('an older request failing after a newer one answered changes nothing', async () => {
    // This fetcher ignores aborts, as a custom adapter may: the late failure still arrives.
    const calls: Array<{ resolve: (v: number) => void; reject: (e: unknown) => void }> = [];
    const resource = createResource(() => new Promise<number>((resolve, reject) => calls.push({ resolve, reject })));
    const stop = resource.$store.listen(() => undefined);
    const newer = resource.load(true);
    calls[1]!.resolve(2);
    await newer;
    calls[0]!.reject(new BillingError('server', 'late'));
    await vi.advanceTimersByTimeAsync(0);
    expect(resource.peek()).toEqual({ status: 'ready', data: 2 });
    stop();
  });

  it('an abort the resource made is not an error: replaced by set(), it stays ready', async () => {
    const { fetcher, calls } = deferred<number>();
    const resource = createResource(fetcher);
    const stop = resource.$store.listen(() => undefined);
    resource.set(5);
    expect(calls[0]!.signal.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(resource.peek()).toEqual({ status: 'ready', data: 5 });
    stop();
  });

  it('a reader coming back to loaded data does not load again; leaving mid-reload keeps the data, ready', async () => {
    const { fetcher, calls } = deferred<number>();
    const resource = createResource(fetcher);
    let stop = resource.$store.listen(() => undefined);
    calls[0]!.resolve(1);
    await vi.advanceTimersByTimeAsync(0);
    stop();
    await vi.advanceTimersByTimeAsync(1000);
    stop = resource.$store.listen(() => undefined);
    expect(fetcher, 'ready data is not fetched again on mount').toHaveBeenCalledTimes(1);
    void resource.load();
    stop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls[1]!.signal.aborted).toBe(true);
    expect(resource.peek()).toEqual({ status: 'ready', data: 1 });
  });
});
