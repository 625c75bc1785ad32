// The data layer, loaded once per page by whoever creates the client (the provider or
// the host app): the client with its stores and payload validation, and the http adapter.
export { createBillingClient } from '../../src/state/client.js';
export { createHttpAdapter } from '../../src/adapters/http.js';
