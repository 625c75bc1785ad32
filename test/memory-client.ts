/** A client over the billing simulator at a fixed "now": shared by the browser and the Node tests (no test framework here). */
import { createMemoryAdapter, demoSnapshot, type DemoScenario, type MemoryAdapter } from '../src/adapters/memory/index.js';
import { createBillingClient, type BillingClient } from '../src/state/client.js';

/** A fixed "now" so dates in assertions do not depend on the day the tests run. */
export const NOW = '2026-03-15T12:00:00.000Z';

export function memoryClient(
  scenario: DemoScenario = 'individual-active',
  options: Parameters<typeof createMemoryAdapter>[1] = {},
): { client: BillingClient; adapter: MemoryAdapter } {
  const adapter = createMemoryAdapter(demoSnapshot(scenario, { now: NOW }), { now: () => new Date(NOW), ...options });
  return { client: createBillingClient({ adapter }), adapter };
}
