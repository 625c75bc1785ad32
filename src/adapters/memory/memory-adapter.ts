/**
 * An in-browser billing simulator behind the `BillingAdapter` contract. It powers
 * Storybook, the demo backend and the tests. This module holds the simulator's state and
 * its synchronous test hooks; the business (quotes, activation, invoices, …) is in
 * simulator.ts, loaded by the first call, so a page that only creates an adapter pays
 * for it when it is used.
 */
import type { Capability } from '../../core/capabilities.js';
import type { BillingErrorCode } from '../../core/errors.js';
import { onDemand } from '../../core/on-demand.js';
import { forwardTo, type AdapterMethod } from '../forward.js';
import type { BillingAdapter } from '../types.js';
import type { MemberUsage, Meter, Usage } from '../../core/types.js';
import type { BillingSnapshot } from './snapshot.js';

export type { AdapterMethod };

/** A fault for one method: an error code, `hang` (never answers), optionally for the first `times` calls only. */
export type FaultSpec =
  | BillingErrorCode
  | 'hang'
  | { code: BillingErrorCode | 'hang'; times?: number; message?: string };

export interface MemoryAdapterOptions {
  /** Simulated latency per call, fixed or a random range in milliseconds. */
  latencyMs?: number | { min: number; max: number };
  faults?: Partial<Record<AdapterMethod, FaultSpec>>;
  /** The simulator's clock; the real one by default. */
  now?: () => Date;
  /** Minutes a quote stays valid (default 15). */
  quoteTtlMinutes?: number;
  /** Offer `subscribeUsage`: usage recorded with `recordUsage` is pushed to subscribers. */
  pushUsage?: boolean;
  /**
   * The language the demo catalog's names, descriptions and features are answered in;
   * by default the kit's locale at each call (as the http adapter's `Accept-Language`).
   */
  locale?: string | (() => string);
  /**
   * What the viewer may do (`getCapabilities` answers it, with `role`), and what the
   * simulator lets through: a call outside them is refused 403 `forbidden`. Everything by default.
   */
  capabilities?: Capability[];
  role?: string;
}

export interface AdapterCall {
  method: AdapterMethod;
  args: unknown[];
}

export interface MemoryAdapter extends BillingAdapter {
  /** Every call made, in order. */
  readonly calls: AdapterCall[];
  /** How many times a method was called. */
  count(method: AdapterMethod): number;
  /** A copy of the simulator's current data. */
  snapshot(): BillingSnapshot;
  setFault(method: AdapterMethod, fault: FaultSpec | undefined): void;
  /**
   * Adds usage to a meter (the simulated product being used); pushes it when `pushUsage` is
   * on. Answers [the use before, the meter after, all usage] (read them at once: they live on), or undefined without such a meter.
   */
  recordUsage(meter: string, amount: number, member?: string): [before: number, meter: Meter, usage: Usage, member?: MemberUsage] | undefined;
}

/** What the adapter shares with the simulator it loads. */
export interface SimulatorState {
  state: BillingSnapshot;
  faults: Map<AdapterMethod, { spec: FaultSpec; used: number }>;
  options: MemoryAdapterOptions;
  /** Set by the simulator once loaded: what recorded usage does beyond the meter (draws credit). */
  afterUsage?: (meter: Meter, before: number) => void;
}

type Simulator = Omit<BillingAdapter, 'subscribeUsage'>;

export function createMemoryAdapter(initial: BillingSnapshot, options: MemoryAdapterOptions = {}): MemoryAdapter {
  const shared: SimulatorState = { state: structuredClone(initial), faults: new Map(), options };
  const { state, faults } = shared;
  const calls: AdapterCall[] = [];
  for (const [method, spec] of Object.entries(options.faults ?? {}) as Array<[AdapterMethod, FaultSpec]>) {
    faults.set(method, { spec, used: 0 });
  }
  const load: () => Promise<Simulator> = onDemand(() => import('./simulator.js').then((m) => m.createSimulator(shared)));
  const usageListeners = new Set<(usage: BillingSnapshot['usage']) => void>();

  const adapter = {
    calls,
    recordUsage(meter: string, amount: number, member?: string) {
      const target = state.usage.meters.find((m) => m.key === meter);
      if (!target) return undefined;
      const before = target.used;
      target.used = Math.max(0, before + amount);
      // A member the account has not seen yet is added under its id.
      const members = member ? (state.members ??= []) : [];
      let who = members.find((m) => m.id === member);
      if (member && !who && amount) members.push((who = { id: member, name: member, used: {} }));
      if (who) who.used[meter] = (who.used[meter] ?? 0) + amount;
      state.usage.updatedAt = (options.now?.() ?? new Date()).toISOString();
      const day = ((state.usageByDay ??= {})[state.usage.updatedAt.slice(0, 10)] ??= {});
      day[meter] = (day[meter] ?? 0) + amount;
      shared.afterUsage?.(target, before);
      for (const listener of usageListeners) listener(structuredClone(state.usage));
      // A tuple of live objects, read at once by the caller: names and copies cost bytes up front.
      return [before, target, state.usage, who];
    },
    count: (method: AdapterMethod) => calls.filter((c) => c.method === method).length,
    snapshot: () => structuredClone(state),
    setFault(method: AdapterMethod, fault: FaultSpec | undefined) {
      if (fault === undefined) faults.delete(method);
      else faults.set(method, { spec: fault, used: 0 });
    },
    // Recorded at once, in call order, even before the simulator has loaded.
    ...forwardTo(load, (method, args) => calls.push({ method, args })),
  } as MemoryAdapter;
  if (options.pushUsage) {
    adapter.subscribeUsage = (listener) => {
      usageListeners.add(listener);
      return () => usageListeners.delete(listener);
    };
  }
  return adapter;
}
