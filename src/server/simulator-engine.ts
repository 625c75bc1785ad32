/**
 * The simulator behind the handler: every account gets its own billing simulator, seeded
 * from a demo scenario the first time it is seen. The demo and the conformance tests run
 * on it; its setup intents answer `provider: 'test'` (the kit's test card form).
 */
import { createMemoryAdapter, type MemoryAdapter, type MemoryAdapterOptions } from '../adapters/memory/memory-adapter.js';
import { localizeDemoCatalog } from '../adapters/memory/catalog-text.js';
import { demoSnapshot, type DemoScenario } from '../adapters/memory/scenarios.js';
import { capUnits } from '../core/spend-caps.js';
import type { BillingEngine } from './engine.js';

export interface SimulatorEngineOptions extends Pick<MemoryAdapterOptions, 'latencyMs' | 'now' | 'quoteTtlMinutes'> {
  /** The demo scenario each new account starts in (default `new`: no plan yet). */
  scenario?: DemoScenario;
  /** The scenario for one account, when accounts should start apart (tests, the demo's scenario switcher). */
  scenarioFor?: (accountId: string) => DemoScenario | undefined;
}

export interface SimulatorEngine extends BillingEngine {
  adapterFor(accountId: string): MemoryAdapter;
}

export function createSimulatorEngine(options: SimulatorEngineOptions = {}): SimulatorEngine {
  const accounts = new Map<string, MemoryAdapter>();
  const { scenario = 'new', scenarioFor, ...adapterOptions } = options;
  const adapterFor = (accountId: string): MemoryAdapter => {
    let adapter = accounts.get(accountId);
    if (!adapter) {
      const seed = scenarioFor?.(accountId) ?? scenario;
      // The account's own language comes from each request, not from a process-wide locale.
      adapter = createMemoryAdapter(demoSnapshot(seed, adapterOptions.now ? { now: adapterOptions.now().toISOString() } : {}), { ...adapterOptions, locale: 'en' });
      accounts.set(accountId, adapter);
    }
    return adapter;
  };
  return {
    adapterFor,
    localizeCatalog: (catalog, language) => localizeDemoCatalog(catalog, language),
    recordUsage: async (accountId, meter, value, member) => {
      const reading = adapterFor(accountId).recordUsage(meter, value, member);
      if (!reading) return undefined;
      const [before, after, { period }, who] = reading;
      return {
        before,
        after: after.used,
        limit: after.limit,
        thresholds: [...(after.alertThresholds ?? [])],
        cap: capUnits(after),
        ...(who ? { member: { used: who.used[meter] ?? 0, limit: who.limits?.[meter] ?? null } } : {}),
        period: { ...period },
      };
    },
  };
}
