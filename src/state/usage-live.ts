/**
 * Keeps usage live while at least one meter is on the page: the adapter's push
 * (`subscribeUsage`) where it has one (and one read as it starts), else polling that
 * pauses while the page is hidden. Reference-counted: the last meter to leave stops it.
 * Loaded by the client with the first meter that watches.
 */
export interface UsageLiveDeps {
  /** Starts the adapter's push, if any; returns its stop function. */
  subscribe: (() => () => void) | undefined;
  /** Reads usage again from the backend. */
  refresh(): Promise<void>;
}

export interface UsageLive {
  /** Registers a watcher; polling uses the shortest interval asked for. Returns its stop function. */
  watch(intervalMs: number): () => void;
}

export function createUsageLive(deps: UsageLiveDeps): UsageLive {
  const watchers = new Map<symbol, number>();
  let stopPush: (() => void) | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  let interval = 0;

  // Node (a server render, a script) has no document: polling there never pauses.
  const page = typeof document === 'undefined' ? undefined : document;
  const hidden = () => page?.visibilityState === 'hidden';

  function stopTimer(): void {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  }

  function startTimer(): void {
    stopTimer();
    if (!watchers.size || deps.subscribe || hidden()) return;
    timer = setInterval(() => void deps.refresh(), interval);
  }

  function onVisibility(): void {
    if (hidden()) {
      stopTimer();
    } else if (watchers.size && !deps.subscribe) {
      // Back on screen: catch up at once, then keep polling.
      void deps.refresh();
      startTimer();
    }
  }

  function reconfigure(): void {
    if (!watchers.size) {
      stopTimer();
      stopPush?.();
      stopPush = undefined;
      page?.removeEventListener('visibilitychange', onVisibility);
      interval = 0;
      return;
    }
    const shortest = Math.min(...watchers.values());
    if (deps.subscribe) {
      if (!stopPush) {
        stopPush = deps.subscribe();
        // Read once as the push starts: what changed before it started is not missed.
        void deps.refresh();
      }
      return;
    }
    if (shortest !== interval || timer === undefined) {
      if (interval === 0) page?.addEventListener('visibilitychange', onVisibility);
      interval = shortest;
      startTimer();
    }
  }

  return {
    watch(intervalMs) {
      const id = Symbol('usage-watcher');
      watchers.set(id, Math.max(10, intervalMs));
      reconfigure();
      return () => {
        if (!watchers.delete(id)) return;
        reconfigure();
      };
    },
  };
}
