import { createContext } from '@lit/context';
import type { BillingClient } from './client.js';

/** Context key shared by every copy of the kit on a page (a registered symbol). */
export const billingClientContext = createContext<BillingClient | undefined>(Symbol.for('tectra.billing-client'));
