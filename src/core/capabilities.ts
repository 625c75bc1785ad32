/**
 * What a viewer may do, as the backend says: an account owner everything, a team member
 * perhaps only look. Elements hide or disable what is not granted and say why; the
 * reference server derives the grants from its own `authorize`, so both say the same.
 */
import type { BillingAdapter } from '../adapters/types.js';

export const CAPABILITIES = ['purchase', 'cancel', 'manage_cards', 'pay_invoices', 'set_alerts', 'edit_billing_details', 'buy_credits', 'set_spend_caps'] as const;
export type Capability = (typeof CAPABILITIES)[number];

export interface Capabilities {
  /** The viewer's role, as the host app names it ("owner", "member"), for display. */
  role?: string;
  granted: Capability[];
}

type Operation = Exclude<keyof BillingAdapter, 'subscribeUsage'>;

/** The operations each capability allows: the first is the one `authorize` is asked about. */
export const CAPABILITY_OPERATIONS: Record<Capability, Operation[]> = {
  purchase: ['activate', 'changeTier'],
  cancel: ['cancelSubscription', 'resumeSubscription', 'cancelScheduledChange'],
  manage_cards: ['addPaymentMethod', 'createSetupIntent', 'setDefaultPaymentMethod', 'removePaymentMethod'],
  pay_invoices: ['payInvoice'],
  set_alerts: ['setUsageAlerts'],
  edit_billing_details: ['updateBillingDetails', 'addTaxId', 'removeTaxId'],
  buy_credits: ['purchaseCredits', 'setAutoRecharge'],
  set_spend_caps: ['setSpendCap', 'setMemberLimit'],
};

/** The capability an operation needs, or undefined for one anyone may call (reading). */
export function capabilityFor(operation: string): Capability | undefined {
  return CAPABILITIES.find((c) => (CAPABILITY_OPERATIONS[c] as string[]).includes(operation));
}
