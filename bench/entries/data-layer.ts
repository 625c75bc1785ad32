// The data layer, loaded once per page by whoever creates the client (the provider or
// the host app): `@tectra/billing-widgets/client`'s client with its stores and payload
// validation, and the http adapter. Budget: 12 KB gzip.
export { createBillingClient, createHttpAdapter } from '../../src/client.js';
