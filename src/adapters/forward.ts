/**
 * Facades for adapters whose code loads on demand: every method of the contract waits for
 * the implementation and calls it, so the facade's own code is one small loop.
 */
import type { BillingAdapter } from './types.js';

/** Every method of the contract that answers a request (all but the push of usage). */
export type AdapterMethod = Exclude<keyof BillingAdapter, 'subscribeUsage'>;

/** Each method and how many of its arguments are data (the rest are options). */
export const ADAPTER_METHODS = {
  getCatalog: 0,
  getSubscription: 0,
  getUsage: 0,
  listInvoices: 1,
  listPaymentMethods: 0,
  validateCoupon: 2,
  previewChange: 1,
  createSetupIntent: 0,
  activate: 1,
  changeTier: 1,
  setDefaultPaymentMethod: 1,
  removePaymentMethod: 1,
  addPaymentMethod: 1,
  setUsageAlerts: 2,
  setSpendCap: 2,
  getMemberUsage: 0,
  getDailyUsage: 0,
  setMemberLimit: 3,
  cancelSubscription: 1,
  resumeSubscription: 1,
  cancelScheduledChange: 1,
  payInvoice: 2,
  getBillingDetails: 0,
  updateBillingDetails: 1,
  addTaxId: 1,
  removeTaxId: 1,
  getCredits: 0,
  listCreditEntries: 1,
  purchaseCredits: 1,
  setAutoRecharge: 1,
  getCapabilities: 0,
} satisfies Record<AdapterMethod, number>;

type Method = (...args: unknown[]) => Promise<unknown>;

/**
 * Every method of the contract, forwarded to what `load` resolves to. `onCall` sees each
 * call at once, in call order, with its data arguments, before the implementation loads.
 */
export function forwardTo(
  load: () => Promise<Omit<BillingAdapter, 'subscribeUsage'>>,
  onCall?: (method: AdapterMethod, data: unknown[]) => void,
): Record<AdapterMethod, Method> {
  const facade = {} as Record<AdapterMethod, Method>;
  for (const [name, data] of Object.entries(ADAPTER_METHODS) as Array<[AdapterMethod, number]>) {
    facade[name] = async (...args) => {
      onCall?.(name, args.slice(0, data));
      return ((await load())[name] as Method)(...args);
    };
  }
  return facade;
}
