/**
 * The controller every element reads the client's stores with: subscribed while connected,
 * one render per change (or per frame when throttled), nothing left running once
 * disconnected, stores swapped with `bind()`. Node, with a stand-in host and frames.
 */
import { atom, onMount } from 'nanostores';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The browser path: in Node, Lit reports a server render, where nothing subscribes (tested last).
vi.mock('lit', async (original) => ({ ...(await original<typeof import('lit')>()), isServer: false }));
const { StoreController } = await import('../../../src/state/store-controller.js');

function host() {
  const controllers: Array<{ hostConnected?: () => void; hostDisconnected?: () => void }> = [];
  return {
    updates: 0,
    controllers,
    addController(c: (typeof controllers)[number]) {
      controllers.push(c);
    },
    removeController() {},
    requestUpdate() {
      this.updates++;
    },
    updateComplete: Promise.resolve(true),
    connect() {
      controllers.forEach((c) => c.hostConnected?.());
    },
    disconnect() {
      controllers.forEach((c) => c.hostDisconnected?.());
    },
  };
}

/** A store that says whether something reads it. */
function watched<T>(value: T) {
  const store = atom(value);
  const state = { mounted: false };
  onMount(store, () => {
    state.mounted = true;
    return () => void (state.mounted = false);
  });
  return { store, state };
}

let frames: Map<number, FrameRequestCallback>;
beforeEach(() => {
  vi.useFakeTimers();
  frames = new Map();
  let next = 1;
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => (frames.set(next, cb), next++));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => void frames.delete(id));
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});
const runFrames = () => {
  const due = [...frames.values()];
  frames.clear();
  due.forEach((cb) => cb(0));
};

describe('StoreController', () => {
  it('reads the store only while connected, and renders once per change', async () => {
    const h = host();
    const { store, state } = watched(1);
    const c = new StoreController(h, store);
    expect(c.value, 'the value before connecting').toBe(1);
    expect(state.mounted).toBe(false);
    h.connect();
    expect(state.mounted).toBe(true);
    const first = h.updates;
    store.set(2);
    store.set(3);
    expect(c.value).toBe(3);
    expect(h.updates - first).toBe(2);
    h.disconnect();
    await vi.advanceTimersByTimeAsync(1000);
    expect(state.mounted, 'let go once disconnected').toBe(false);
    store.set(4);
    expect(h.updates - first).toBe(2);
  });

  it('throttled to frames: the first value at once, then one render per frame however many changes, none after disconnecting', () => {
    const h = host();
    const store = atom(0);
    const c = new StoreController(h, store, { throttle: 'frame' });
    h.connect();
    expect(h.updates, 'the first value renders at once').toBe(1);
    store.set(1);
    store.set(2);
    store.set(3);
    expect(h.updates).toBe(1);
    expect(frames.size, 'one frame asked for').toBe(1);
    runFrames();
    expect(h.updates).toBe(2);
    expect(c.value).toBe(3);
    store.set(4);
    expect(frames.size).toBe(1);
    h.disconnect();
    expect(frames.size, 'the pending frame is cancelled').toBe(0);
    // Connected again: a frame can be asked for again.
    h.connect();
    store.set(5);
    expect(frames.size).toBe(1);
  });

  it('bind() swaps stores: the old one let go, the new one read at once and followed while connected', async () => {
    const h = host();
    const a = watched('a');
    const b = watched('b');
    const c = new StoreController<string>(h, a.store);
    h.connect();
    const before = h.updates;
    c.bind(b.store);
    expect(c.value).toBe('b');
    expect(h.updates).toBeGreaterThan(before);
    await vi.advanceTimersByTimeAsync(1000);
    expect(a.state.mounted).toBe(false);
    expect(b.state.mounted).toBe(true);
    const count = h.updates;
    c.bind(b.store);
    expect(h.updates, 'the same store changes nothing').toBe(count);
    c.bind(undefined);
    expect(c.value).toBe(undefined);
  });

  it('bind() while disconnected reads the value without subscribing; connecting subscribes', () => {
    const h = host();
    const { store, state } = watched(7);
    const c = new StoreController<number>(h);
    expect(c.value).toBe(undefined);
    c.bind(store);
    expect(c.value).toBe(7);
    expect(state.mounted).toBe(false);
    h.connect();
    expect(state.mounted).toBe(true);
    h.connect();
    const updates = h.updates;
    store.set(8);
    expect(c.value).toBe(8);
    expect(h.updates - updates, 'connected twice, still one render per change').toBe(1);
  });
});

describe('StoreController in a server render', () => {
  it('subscribes to nothing, so no load, timer or frame starts', async () => {
    vi.resetModules();
    vi.doUnmock('lit');
    const { StoreController: ServerController } = await import('../../../src/state/store-controller.js');
    const h = host();
    const { store, state } = watched(1);
    const c = new ServerController(h, store);
    h.connect();
    expect(state.mounted).toBe(false);
    expect(c.value).toBe(1);
  });
});
