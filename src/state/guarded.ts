import { toBillingError } from '../core/errors.js';

/** Adapter calls that throw non-BillingErrors (a custom adapter's TypeError) are normalised; aborts pass as they are. */
export async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw toBillingError(error);
  }
}
