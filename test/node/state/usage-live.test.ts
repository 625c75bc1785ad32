/** Live usage: polling at the shortest interval asked for, paused while hidden, push instead when offered. Node, fake timers. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUsageLive } from '../../../src/state/usage-live.js';

/** A page whose visibility the test sets, standing in for `document`. */
class Page extends EventTarget {
  visibilityState: DocumentVisibilityState = 'visible';
  show(state: DocumentVisibilityState) {
    this.visibilityState = state;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}
let page: Page;

beforeEach(() => {
  vi.useFakeTimers();
  page = new Page();
  vi.stubGlobal('document', page);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('createUsageLive', () => {
  it('polls at the shortest interval of its watchers, and stops with the last one', async () => {
    const refresh = vi.fn(async () => undefined);
    const live = createUsageLive({ subscribe: undefined, refresh });
    const slow = live.watch(60_000);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(refresh).toHaveBeenCalledTimes(1);
    const fast = live.watch(10_000);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(refresh).toHaveBeenCalledTimes(4);
    fast();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(refresh, 'back to the slow watcher’s pace').toHaveBeenCalledTimes(5);
    slow();
    slow();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(refresh).toHaveBeenCalledTimes(5);
  });

  it('pauses while the page is hidden and catches up at once when it is shown again', async () => {
    const refresh = vi.fn(async () => undefined);
    const live = createUsageLive({ subscribe: undefined, refresh });
    const stop = live.watch(10_000);
    page.show('hidden');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(refresh).not.toHaveBeenCalled();
    page.show('visible');
    expect(refresh, 'at once').toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(refresh).toHaveBeenCalledTimes(2);
    stop();
    page.show('hidden');
    page.show('visible');
    expect(refresh, 'no watcher: no catching up').toHaveBeenCalledTimes(2);
  });

  it('uses the adapter’s push instead of polling (one read as it starts), started once and stopped with the last watcher', async () => {
    const refresh = vi.fn(async () => undefined);
    const stopPush = vi.fn();
    const subscribe = vi.fn(() => stopPush);
    const live = createUsageLive({ subscribe, refresh });
    const a = live.watch(10_000);
    const b = live.watch(5_000);
    await vi.advanceTimersByTimeAsync(60_000);
    // One read as the push starts (what changed before is not missed), no polling after.
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(subscribe).toHaveBeenCalledTimes(1);
    a();
    expect(stopPush).not.toHaveBeenCalled();
    b();
    expect(stopPush).toHaveBeenCalledTimes(1);
  });

  it('never polls faster than every 10 ms, whatever is asked', async () => {
    const refresh = vi.fn(async () => undefined);
    const stop = createUsageLive({ subscribe: undefined, refresh }).watch(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(refresh).toHaveBeenCalledTimes(10);
    stop();
  });

  it('a meter that appears on a hidden page waits for it to be shown before polling', async () => {
    const refresh = vi.fn(async () => undefined);
    page.show('hidden');
    const stop = createUsageLive({ subscribe: undefined, refresh }).watch(10_000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(refresh).not.toHaveBeenCalled();
    page.show('visible');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(refresh).toHaveBeenCalledTimes(2);
    stop();
  });

  it('a second watcher at the same pace keeps the one timer', async () => {
    const refresh = vi.fn(async () => undefined);
    const live = createUsageLive({ subscribe: undefined, refresh });
    const a = live.watch(10_000);
    await vi.advanceTimersByTimeAsync(5_000);
    const b = live.watch(10_000);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(refresh, 'the timer was not restarted by the second watcher').toHaveBeenCalledTimes(1);
    a();
    b();
  });
});

describe('createUsageLive without a document (Node: a server render, a script)', () => {
  it('polls, never pauses, and stops with the last watcher', async () => {
    vi.stubGlobal('document', undefined);
    const refresh = vi.fn(async () => undefined);
    const stop = createUsageLive({ subscribe: undefined, refresh }).watch(1_000);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(refresh).toHaveBeenCalledTimes(3);
    stop();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(refresh).toHaveBeenCalledTimes(3);
  });
});
