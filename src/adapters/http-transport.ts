/**
 * The REST adapter's transport: speaks the contract in `openapi.yaml`. GETs are retried
 * with backoff on transient failures; POST/PUT/DELETE are never retried here (the caller
 * retries with the same `Idempotency-Key`, which makes the retry safe). Loaded by the
 * first request of an adapter made with `createHttpAdapter` (see http.ts).
 */
import { BillingError, isBillingErrorCode, type BillingErrorCode } from '../core/errors.js';
import type {
  ActivationRequest,
  ActivationResult,
  AutoRechargeRequest,
  BillingDetails,
  CreditEntry,
  CreditPurchaseResult,
  Credits,
  CancelSubscriptionRequest,
  Catalog,
  ChangeTierRequest,
  Coupon,
  Invoice,
  MembersUsage,
  DailyUsage,
  InvoicePaymentResult,
  Page,
  PaymentMethod,
  PlanSelection,
  Quote,
  SetupIntent,
  Subscription,
  TaxId,
  Usage,
} from '../core/types.js';
import type { Capabilities } from '../core/capabilities.js';
import type { HttpAdapterOptions } from './http.js';
import type { BillingAdapter, InvoiceQuery, RequestOptions } from './types.js';

/** A paged list's path with its cursor and limit. */
function pageOf(path: string, query: InvoiceQuery): string {
  const params = new URLSearchParams();
  if (query.cursor) params.set('cursor', query.cursor);
  if (query.limit) params.set('limit', String(query.limit));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Every method of the contract except the optional push of usage, which REST does not offer. */
export type HttpTransport = Omit<Required<BillingAdapter>, 'subscribeUsage'>;

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface Call {
  method: Method;
  path: string;
  body?: unknown;
  idempotencyKey?: string;
  options?: RequestOptions | undefined;
}

const STATUS_CODES: Record<number, BillingErrorCode> = {
  400: 'invalid_request',
  401: 'unauthorized',
  402: 'card_declined',
  403: 'forbidden',
  404: 'not_found',
  408: 'timeout',
  409: 'conflict',
  422: 'invalid_request',
  429: 'rate_limited',
};

function statusToCode(status: number): BillingErrorCode {
  return STATUS_CODES[status] ?? (status >= 500 ? 'server' : 'unknown');
}

/** Reads `Retry-After` (seconds or an HTTP date) as milliseconds. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function randomKey(): string {
  return crypto.randomUUID();
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

async function errorFromResponse(response: Response): Promise<BillingError> {
  let code = statusToCode(response.status);
  let message = `The billing service answered ${response.status}.`;
  try {
    const body: unknown = await response.json();
    const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    // The body's code is more precise than the status (coupon_invalid vs invalid_request).
    if (error && isBillingErrorCode(error.code) && error.code !== 'unknown') code = error.code;
    if (error && typeof error.message === 'string' && error.message) message = error.message;
  } catch {
    // A non-JSON error body keeps the status-derived code.
  }
  const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
  return new BillingError(code, message, {
    status: response.status,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

export function createHttpTransport(config: HttpAdapterOptions): HttpTransport {
  const base = config.baseUrl.replace(/\/+$/, '');
  const timeoutMs = config.timeoutMs ?? 15_000;
  const retries = config.retries ?? 2;
  const retryDelayMs = config.retryDelayMs ?? 300;

  async function attempt(call: Call): Promise<unknown> {
    const doFetch = config.fetch ?? globalThis.fetch.bind(globalThis);
    const extra = typeof config.headers === 'function' ? await config.headers() : (config.headers ?? {});
    const language = typeof config.locale === 'function' ? config.locale() : config.locale;
    const headers: Record<string, string> = { Accept: 'application/json', ...(language ? { 'Accept-Language': language } : {}), ...extra };
    if (call.body !== undefined) headers['Content-Type'] = 'application/json';
    if (call.idempotencyKey) headers['Idempotency-Key'] = call.idempotencyKey;

    const controller = new AbortController();
    const outer = call.options?.signal;
    const onOuterAbort = () => controller.abort(outer?.reason);
    if (outer?.aborted) throw outer.reason;
    outer?.addEventListener('abort', onOuterAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);

    try {
      const response = await doFetch(`${base}${call.path}`, {
        method: call.method,
        headers,
        body: call.body === undefined ? null : JSON.stringify(call.body),
        signal: controller.signal,
        credentials: config.credentials ?? 'same-origin',
      });
      if (!response.ok) throw await errorFromResponse(response);
      if (response.status === 204) return undefined;
      const text = await response.text();
      if (call.method === 'GET' || call.method === 'POST' || text) {
        if (!text) throw new BillingError('invalid_response', 'The billing service sent an empty answer.', { status: response.status });
        try {
          return JSON.parse(text) as unknown;
        } catch (cause) {
          throw new BillingError('invalid_response', 'The billing service sent an answer that is not JSON.', {
            status: response.status,
            cause,
          });
        }
      }
      return undefined;
    } catch (error) {
      if (error instanceof BillingError) throw error;
      if (outer?.aborted) throw outer.reason;
      if (timedOut) throw new BillingError('timeout', 'The billing service took too long to answer.', { cause: error });
      throw new BillingError('network', 'The billing service could not be reached.', { cause: error });
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    }
  }

  async function request(call: Call): Promise<unknown> {
    const attempts = call.method === 'GET' ? retries + 1 : 1;
    for (let i = 1; ; i++) {
      try {
        return await attempt(call);
      } catch (error) {
        const retry = error instanceof BillingError && error.retryable && error.code !== 'invalid_response' && i < attempts;
        if (!retry) throw error;
        const backoff = retryDelayMs * 2 ** (i - 1);
        await sleep(Math.max(backoff, error.retryAfterMs ?? 0), call.options?.signal);
      }
    }
  }

  // The client validates every answer; the type parameters only name the expected shape.
  const get = <T>(path: string, options?: RequestOptions) =>
    request({ method: 'GET', path, options }) as Promise<T>;
  const send = <T>(method: Method, path: string, body: unknown, options?: RequestOptions, idempotencyKey = randomKey()) =>
    request({ method, path, body, idempotencyKey, options }) as Promise<T>;

  return {
    getCatalog: (o) => get<Catalog>('/catalog', o),
    getSubscription: (o) => get<Subscription>('/subscription', o),
    getUsage: (o) => get<Usage>('/usage', o),
    listInvoices: (q, o) => get<Page<Invoice>>(pageOf('/invoices', q), o),
    listPaymentMethods: async (o) => {
      const body = await get<{ items: PaymentMethod[] } | null>('/payment-methods', o);
      // Unwrapped for the client's validation, which reports a missing list as invalid_response.
      return (body && typeof body === 'object' && 'items' in body ? body.items : body) as PaymentMethod[];
    },
    validateCoupon: (code: string, selection: PlanSelection, o) =>
      send<Coupon>('POST', '/coupons/validate', { code, selection }, o),
    previewChange: (selection: PlanSelection, o) => send<Quote>('POST', '/quotes', { selection }, o),
    createSetupIntent: (o) => send<SetupIntent>('POST', '/setup-intents', {}, o),
    activate: ({ idempotencyKey, ...body }: ActivationRequest, o) =>
      send<ActivationResult>('POST', '/subscription/activate', body, o, idempotencyKey),
    changeTier: ({ idempotencyKey, ...body }: ChangeTierRequest, o) =>
      send<ActivationResult>('POST', '/subscription/change', body, o, idempotencyKey),
    setDefaultPaymentMethod: async (id, o) => {
      await send('POST', `/payment-methods/${encodeURIComponent(id)}/default`, {}, o);
    },
    removePaymentMethod: async (id, o) => {
      await request({ method: 'DELETE', path: `/payment-methods/${encodeURIComponent(id)}`, idempotencyKey: randomKey(), options: o });
    },
    setUsageAlerts: async (meter, thresholds, o) => {
      await send('PUT', `/usage/alerts/${encodeURIComponent(meter)}`, { thresholds }, o);
    },
    getMemberUsage: (o) => get<MembersUsage>('/usage/members', o),
    getDailyUsage: (o) => get<DailyUsage>('/usage/daily', o),
    setMemberLimit: async (member, meter, limit, o) => {
      await send('PUT', `/usage/members/${encodeURIComponent(member)}/limits/${encodeURIComponent(meter)}`, { limit }, o);
    },
    setSpendCap: async (meter, cap, o) => {
      await send('PUT', `/usage/caps/${encodeURIComponent(meter)}`, { cap }, o);
    },
    addPaymentMethod: async (paymentMethodId, o) => {
      await send('POST', '/payment-methods', { paymentMethodId }, o);
    },
    cancelSubscription: ({ idempotencyKey, ...body }: CancelSubscriptionRequest, o) =>
      send<Subscription>('POST', '/subscription/cancel', body, o, idempotencyKey),
    resumeSubscription: ({ idempotencyKey }, o) => send<Subscription>('POST', '/subscription/resume', {}, o, idempotencyKey),
    cancelScheduledChange: ({ idempotencyKey }, o) =>
      request({ method: 'DELETE', path: '/subscription/scheduled-change', idempotencyKey, options: o }) as Promise<Subscription>,
    payInvoice: (id, { idempotencyKey, ...body }, o) =>
      send<InvoicePaymentResult>('POST', `/invoices/${encodeURIComponent(id)}/pay`, body, o, idempotencyKey),
    getBillingDetails: (o) => get<BillingDetails>('/billing-details', o),
    updateBillingDetails: ({ idempotencyKey, ...body }, o) => send<BillingDetails>('PUT', '/billing-details', body, o, idempotencyKey),
    addTaxId: ({ idempotencyKey, ...body }, o) => send<TaxId>('POST', '/billing-details/tax-ids', body, o, idempotencyKey),
    removeTaxId: async (id, o) => {
      await request({ method: 'DELETE', path: `/billing-details/tax-ids/${encodeURIComponent(id)}`, idempotencyKey: randomKey(), options: o });
    },
    getCredits: async (o) => {
      // 204: the account has no prepaid credit.
      const credits = await get<Credits | undefined>('/credits', o);
      if (credits === undefined) throw new BillingError('not_found', 'This account has no prepaid credit.', { status: 404 });
      return credits;
    },
    listCreditEntries: (q, o) => get<Page<CreditEntry>>(pageOf('/credits/ledger', q), o),
    purchaseCredits: ({ idempotencyKey, ...body }, o) => send<CreditPurchaseResult>('POST', '/credits/purchases', body, o, idempotencyKey),
    getCapabilities: (o) => get<Capabilities>('/capabilities', o),
    setAutoRecharge: ({ idempotencyKey, ...body }: AutoRechargeRequest, o) => send<Credits>('PUT', '/credits/auto-recharge', body, o, idempotencyKey),
  };
}
