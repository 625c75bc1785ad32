import { BillingError, type BillingErrorCode } from '../core/errors.js';

/** The contract's status for each error code (openapi.yaml, `Error`). */
export const STATUS_BY_CODE: Record<BillingErrorCode, number> = {
  invalid_request: 400,
  unauthorized: 401,
  card_declined: 402,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  coupon_invalid: 422,
  authentication_failed: 422,
  rate_limited: 429,
  timeout: 504,
  network: 502,
  server: 500,
  invalid_response: 502,
  unknown: 500,
};

/** A refusal of the handler itself (before or around the engine), with its status. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: BillingErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };

export function jsonResponse(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : body, { status, headers: status === 204 ? { 'Cache-Control': 'no-store', ...headers } : { ...JSON_HEADERS, ...headers } });
}

function errorBody(code: BillingErrorCode, message: string): string {
  return JSON.stringify({ error: { code, message } });
}

/**
 * The contract's error reply. A `BillingError` says what the customer may read (the engines
 * write those messages); anything else is a defect or a provider's own text, which stays
 * in the logs: the browser gets a generic message.
 */
export function errorReply(error: unknown): { status: number; body: string; headers: Record<string, string> } {
  if (error instanceof HttpProblem) return { status: error.status, body: errorBody(error.code, error.message), headers: error.headers };
  if (error instanceof BillingError) {
    const status = STATUS_BY_CODE[error.code] ?? 500;
    const wait = error.retryAfterMs === undefined ? undefined : String(Math.max(1, Math.ceil(error.retryAfterMs / 1000)));
    const headers: Record<string, string> = wait ? { 'Retry-After': wait } : status === 429 ? { 'Retry-After': '1' } : {};
    return { status, body: errorBody(error.code, error.message), headers };
  }
  if (isProviderOutage(error)) {
    return { status: 503, body: errorBody('server', 'The payment provider cannot be reached. Try again in a moment.'), headers: { 'Retry-After': '2' } };
  }
  return { status: 500, body: errorBody('server', 'The billing service failed. Try again in a moment.'), headers: {} };
}

/** Stripe out of reach, failing or limiting our rate: the customer may try again soon (503 with Retry-After); the error is still logged. */
const OUTAGES = new Set(['StripeConnectionError', 'StripeAPIError', 'StripeRateLimitError']);
function isProviderOutage(error: unknown): boolean {
  const type = (error as { type?: unknown } | null)?.type;
  return typeof type === 'string' && OUTAGES.has(type);
}
