/**
 * The REST adapter (the contract in `openapi.yaml`). What this module holds is what a
 * page pays for up front: the options and a facade with every method of the contract.
 * The transport (fetch, timeouts, retries with backoff, idempotency keys, error mapping)
 * is in http-transport.ts and loads with the first request, in parallel with the
 * client's validation, so a page that uses another adapter never downloads it.
 */
import { BillingError } from '../core/errors.js';
import { onDemand } from '../core/on-demand.js';
import { $locale } from '../i18n/localization.js';
import { forwardTo } from './forward.js';
import type { HttpTransport } from './http-transport.js';
import type { BillingAdapter } from './types.js';

export interface HttpAdapterOptions {
  /** Base URL of the billing API, e.g. `https://api.example.com/billing` or `/api/billing`. */
  baseUrl: string;
  /** Extra headers for every request (auth); a function is called per request. */
  headers?: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
  fetch?: typeof fetch;
  /**
   * Whether cookies go with each request (`fetch`'s `credentials`, default `same-origin`).
   * `include` sends the page's cookies to an API on another origin, which must then answer
   * CORS with `Access-Control-Allow-Credentials: true` and its exact origin.
   */
  credentials?: RequestCredentials;
  /** Per-attempt timeout in milliseconds (default 15 000). */
  timeoutMs?: number;
  /** Retries for GET requests on network, timeout, 429 and 5xx (default 2). */
  retries?: number;
  /** Base delay of the exponential backoff in milliseconds (default 300). */
  retryDelayMs?: number;
  /**
   * The language the backend should answer in (`Accept-Language`: tier names, features,
   * meter labels); by default the kit's locale at each request.
   */
  locale?: string | (() => string);
}

export function createHttpAdapter(config: HttpAdapterOptions): BillingAdapter {
  const options = { locale: () => $locale.get(), ...config };
  const transport = onDemand(() => import('./http-transport.js').then((m) => m.createHttpTransport(options)));
  // The transport could not be downloaded: tried again by the next request; until then
  // the request fails like one that could not reach the service.
  const load = () =>
    transport().catch((error: unknown) => {
      throw new BillingError('network', 'The billing service could not be reached.', { cause: error });
    });
  return forwardTo(load) as HttpTransport;
}
