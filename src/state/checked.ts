/**
 * Validation of adapter answers with the schemas, which load on demand (valibot and the
 * schemas: the first answer brings them). Everything in the client validates through here,
 * so the schemas' chunk is only ever imported on demand: the bundler then hands it over as
 * it is, without a namespace object of its own.
 */
import { BillingError } from '../core/errors.js';
import { onDemand } from '../core/on-demand.js';

type Checks = (typeof import('../core/validation.js'))['checks'];

const validation = onDemand(() => import('../core/validation.js').then(({ checks }) => checks));

/** The checks; a failed download fails like the network, and is tried again by the next answer. */
export const loadChecks = (): Promise<Checks> =>
  validation().catch((error: unknown) => {
    throw new BillingError('network', String(error));
  });

/** Validates an answer as `kind`: throws `BillingError('invalid_response')` naming the bad field. */
export async function checked<K extends keyof Checks>(kind: K, input: unknown): Promise<ReturnType<Checks[K]>> {
  return (await loadChecks())[kind](input) as ReturnType<Checks[K]>;
}
