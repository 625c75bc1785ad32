import { createHttpAdapter } from '../adapters/http.js';
import { createBillingClient, type BillingClient } from './client.js';

/**
 * The client an element's `api` / `demo` attributes ask for: an http adapter for a
 * backend URL, or the demo simulator (loaded on demand) for a scenario name.
 */
export async function clientFromAttributes(
  api: string | undefined,
  demo: string | undefined,
  credentials?: string,
): Promise<BillingClient | undefined> {
  if (api) {
    // fetch() throws on any other value: a misspelt attribute keeps the default instead.
    const sent: { credentials?: RequestCredentials } = credentials === 'include' || credentials === 'omit' ? { credentials } : {};
    return createBillingClient({ adapter: createHttpAdapter({ baseUrl: api, ...sent }) });
  }
  if (demo === undefined || demo === null) return undefined;
  const { createMemoryAdapter, demoSnapshot, isDemoScenario } = await import('../adapters/memory/index.js');
  const name = isDemoScenario(demo) ? demo : 'individual-active';
  return createBillingClient({ adapter: createMemoryAdapter(demoSnapshot(name), { latencyMs: { min: 150, max: 450 } }) });
}
