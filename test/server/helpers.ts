import { createBillingHandler, createMemoryStore, createSimulatorEngine, type BillingHandlerOptions } from '../../src/server/index.js';
import type { DemoScenario } from '../../src/adapters/memory/index.js';

export const BASE = 'http://billing.test/api/billing';

/** A handler over the simulator where the `x-account` header is the signed-in account (a stand-in for your session). */
export function setup(scenario: DemoScenario = 'new', extra: Partial<BillingHandlerOptions> = {}) {
  const engine = createSimulatorEngine({ scenario, now: () => new Date('2026-11-20T12:00:00Z') });
  const handler = createBillingHandler({
    engine,
    store: createMemoryStore(),
    identify: (request) => {
      const accountId = request.headers.get('x-account');
      return accountId ? { accountId } : null;
    },
    ...extra,
  });
  let keys = 0;
  /** A request as the kit sends it, for an account. */
  const call = (account: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    handler(
      new Request(`${BASE}${path}`, {
        method,
        headers: {
          ...(account ? { 'x-account': account } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(method === 'GET' ? {} : { 'idempotency-key': `key-${++keys}` }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      }),
    );
  return { engine, handler, call };
}

export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** A rejection's code, status and message (an adapter's `BillingError`), or a failure when it resolves. */
export async function refusal(promise: Promise<unknown>): Promise<[string, number | undefined, string]> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code: string; status?: number; message: string };
    return [e.code, e.status, e.message];
  }
  throw new Error('expected a refusal');
}
