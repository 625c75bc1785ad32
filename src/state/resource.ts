import { atom, onMount, type ReadableAtom } from 'nanostores';
import { isAbortError, toBillingError, type BillingError } from '../core/errors.js';

export type ResourceStatus = 'idle' | 'loading' | 'ready' | 'error';

/** What every client store holds. `data` survives a refresh or a failed reload. */
export interface Resource<T> {
  status: ResourceStatus;
  data?: T;
  error?: BillingError;
}

export interface ResourceHandle<T> {
  readonly $store: ReadableAtom<Resource<T>>;
  /** Loads now; several callers while a load is running share it unless `force`. */
  load(force?: boolean): Promise<void>;
  /** Replaces the data directly (after a mutation answered with it). */
  set(data: T): void;
  /**
   * The current value without side effects. (A nanostores `get()` on a store nobody
   * listens to mounts it for a moment, which would start a load.)
   */
  peek(): Resource<T>;
}

/**
 * A lazily loaded store: the first subscriber starts the request, concurrent readers
 * share it, a newer request wins over an older one whatever order the answers come
 * back in, and the request is aborted once nothing reads the store any more.
 */
export function createResource<T>(fetcher: (signal: AbortSignal) => Promise<T>): ResourceHandle<T> {
  const $store = atom<Resource<T>>({ status: 'idle' });
  let value: Resource<T> = { status: 'idle' };
  const publish = (next: Resource<T>) => {
    value = next;
    $store.set(next);
  };
  let controller: AbortController | undefined;
  let inflight: Promise<void> | undefined;
  let generation = 0;

  function withData(status: ResourceStatus, extra: Partial<Resource<T>> = {}): Resource<T> {
    const { data } = value;
    return data === undefined ? { status, ...extra } : { status, data, ...extra };
  }

  function load(force = false): Promise<void> {
    if (inflight && !force) return inflight;
    controller?.abort();
    const own = new AbortController();
    controller = own;
    const current = ++generation;
    publish(withData('loading'));
    const run = fetcher(own.signal).then(
      (data) => {
        if (current === generation) publish({ status: 'ready', data });
      },
      (error: unknown) => {
        if (current !== generation) return;
        if (own.signal.aborted && isAbortError(error)) return;
        publish(withData('error', { error: toBillingError(error) }));
      },
    );
    const settled = run.finally(() => {
      if (current === generation) {
        inflight = undefined;
        controller = undefined;
      }
    });
    inflight = settled;
    return settled;
  }

  onMount($store, () => {
    if (value.status === 'idle') void load();
    return () => {
      // Nothing reads the store any more: abort, and let the next reader load again.
      if (inflight) {
        generation++;
        controller?.abort();
        controller = undefined;
        inflight = undefined;
        publish(withData(value.data === undefined ? 'idle' : 'ready'));
      }
    };
  });

  return {
    $store,
    load,
    peek: () => value,
    set(data) {
      generation++;
      controller?.abort();
      controller = undefined;
      inflight = undefined;
      publish({ status: 'ready', data });
    },
  };
}
