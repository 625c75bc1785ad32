// The view modules that elements render with: made only when an element asks, at once when
// the module is already there, and all loaded up front by preloadBillingViews().
import { describe, expect, it, vi } from 'vitest';
import { madeFrom, onDemand, preloadBillingViews, view } from '../../src/core/on-demand.js';

describe('madeFrom', () => {
  it('makes nothing until asked, then once, after the module loads', async () => {
    const make = vi.fn((m: { n: number }) => ({ made: m.n }));
    const made = madeFrom(onDemand(async () => ({ n: 1 })), make);
    expect(made.loaded).toBeUndefined();
    const [a, b] = await Promise.all([made(), made()]);
    expect(a).toBe(b);
    expect(made.loaded).toEqual({ made: 1 });
    expect(make).toHaveBeenCalledTimes(1);
  });

  it('is there in the same turn when the module already is (a server render renders synchronously)', async () => {
    const module = onDemand(async () => ({ n: 2 }));
    await module();
    const made = madeFrom(module, (m) => ({ made: m.n }));
    expect(made.loaded).toBeUndefined();
    void made();
    expect(made.loaded).toEqual({ made: 2 });
  });
});

describe('preloadBillingViews', () => {
  it('loads every registered view module, so their instances are there at once', async () => {
    const load = vi.fn(async () => ({ n: 3 }));
    const module = view(load);
    expect(module.loaded).toBeUndefined();
    await preloadBillingViews();
    expect(load).toHaveBeenCalledTimes(1);
    const made = madeFrom(module, (m) => m.n);
    void made();
    expect(made.loaded).toBe(3);
  });
});
