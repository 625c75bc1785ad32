export { createMemoryAdapter } from './memory-adapter.js';
export type { AdapterCall, AdapterMethod, FaultSpec, MemoryAdapter, MemoryAdapterOptions } from './memory-adapter.js';
export { demoSnapshot, DEMO_SCENARIOS, isDemoScenario } from './scenarios.js';
export type { DemoScenario, DemoSnapshotOptions } from './scenarios.js';
export { demoCatalog, demoCreditPacks, demoOveragePrices } from './catalogs.js';
export type { BillingSnapshot, SimulatedCoupon } from './snapshot.js';
