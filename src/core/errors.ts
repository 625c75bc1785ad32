export type BillingErrorCode =
  | 'network'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'coupon_invalid'
  | 'card_declined'
  | 'authentication_failed'
  | 'invalid_request'
  | 'invalid_response'
  | 'server'
  | 'unknown';

export const BILLING_ERROR_CODES: readonly BillingErrorCode[] = [
  'network',
  'timeout',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'coupon_invalid',
  'card_declined',
  'authentication_failed',
  'invalid_request',
  'invalid_response',
  'server',
  'unknown',
];

/** Failures worth retrying unchanged: the same request may succeed later. */
const RETRYABLE: ReadonlySet<BillingErrorCode> = new Set<BillingErrorCode>([
  'network',
  'timeout',
  'rate_limited',
  'server',
  'invalid_response',
  'unknown',
]);

export interface BillingErrorOptions {
  status?: number;
  retryable?: boolean;
  /** Milliseconds the server asked us to wait (from `Retry-After`). */
  retryAfterMs?: number;
  cause?: unknown;
}

/** The one error type that crosses the adapter boundary. */
export class BillingError extends Error {
  readonly code: BillingErrorCode;
  readonly retryable: boolean;
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(code: BillingErrorCode, message: string, options: BillingErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BillingError';
    this.code = code;
    this.retryable = options.retryable ?? RETRYABLE.has(code);
    if (options.status !== undefined) this.status = options.status;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}

export function isBillingErrorCode(value: unknown): value is BillingErrorCode {
  return typeof value === 'string' && (BILLING_ERROR_CODES as readonly string[]).includes(value);
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Anything thrown by an adapter, as a BillingError (aborts are re-thrown by callers first). */
export function toBillingError(error: unknown): BillingError {
  if (error instanceof BillingError) return error;
  if (isAbortError(error)) return new BillingError('network', 'The request was aborted.', { cause: error, retryable: true });
  if (error instanceof TypeError) return new BillingError('network', error.message, { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new BillingError('unknown', message, { cause: error });
}
