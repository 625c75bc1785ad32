export { createBillingClient } from './client.js';
export type { BillingClient, BillingClientOptions, BillingInitialData, CheckoutState, InvoiceList, ResourceName, Resource, ResourceStatus } from './client.js';
export { setDefaultBillingClient, getDefaultBillingClient } from './default-client.js';
export { billingClientContext } from './context.js';
export { StoreController } from './store-controller.js';
