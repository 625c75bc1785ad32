/** The error type every adapter throws, the link filter, and the one-recommended rule. */
import { describe, expect, it } from 'vitest';
import { oneRecommendedPerKind } from '../../../src/core/catalog-rules.js';
import { BILLING_ERROR_CODES, BillingError, isAbortError, isBillingErrorCode, toBillingError } from '../../../src/core/errors.js';
import type { Catalog, Tier } from '../../../src/core/types.js';
import { safeUrl } from '../../../src/core/urls.js';

describe('BillingError', () => {
  it('retries what may succeed unchanged, and nothing else', () => {
    const retryable = BILLING_ERROR_CODES.filter((code) => new BillingError(code, 'x').retryable);
    expect(retryable).toEqual(['network', 'timeout', 'rate_limited', 'invalid_response', 'server', 'unknown']);
    expect(new BillingError('card_declined', 'x', { retryable: true }).retryable, 'the caller may say otherwise').toBe(true);
    expect(new BillingError('server', 'x', { retryable: false }).retryable).toBe(false);
  });

  it('carries its name, message, status, Retry-After and cause, and only what it was given', () => {
    const cause = new Error('socket hang up');
    const error = new BillingError('rate_limited', 'Slow down.', { status: 429, retryAfterMs: 2000, cause });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'BillingError', code: 'rate_limited', message: 'Slow down.', status: 429, retryAfterMs: 2000, cause });
    const bare = new BillingError('conflict', 'Taken.');
    expect('status' in bare || 'retryAfterMs' in bare || 'cause' in bare).toBe(false);
  });

  it('knows its codes', () => {
    expect(BILLING_ERROR_CODES.every(isBillingErrorCode)).toBe(true);
    expect(isBillingErrorCode('teapot')).toBe(false);
    expect(isBillingErrorCode(404)).toBe(false);
  });

  it('turns anything thrown into a BillingError: an abort and a failed fetch are network errors, the rest unknown', () => {
    const original = new BillingError('conflict', 'x');
    expect(toBillingError(original)).toBe(original);
    const abort = new DOMException('The user aborted a request.', 'AbortError');
    expect(isAbortError(abort)).toBe(true);
    expect(isAbortError(new DOMException('x', 'TimeoutError'))).toBe(false);
    expect(isAbortError(new Error('AbortError'))).toBe(false);
    expect(toBillingError(abort)).toMatchObject({ code: 'network', message: 'The request was aborted.', retryable: true, cause: abort });
    expect(toBillingError(new TypeError('Failed to fetch'))).toMatchObject({ code: 'network', message: 'Failed to fetch' });
    expect(toBillingError(new Error('boom'))).toMatchObject({ code: 'unknown', message: 'boom' });
    expect(toBillingError('a string')).toMatchObject({ code: 'unknown', message: 'a string', cause: 'a string' });
  });
});

describe('safeUrl', () => {
  it('keeps https links and http on a loopback host, normalised', () => {
    expect(safeUrl('https://billing.tectra.example/invoices/1.pdf')).toBe('https://billing.tectra.example/invoices/1.pdf');
    expect(safeUrl('HTTPS://Billing.Tectra.Example')).toBe('https://billing.tectra.example/');
    expect(safeUrl('http://localhost:8787/in_1.pdf')).toBe('http://localhost:8787/in_1.pdf');
    expect(safeUrl('http://127.0.0.1/x')).toBe('http://127.0.0.1/x');
    expect(safeUrl('http://[::1]:3000/x')).toBe('http://[::1]:3000/x');
  });

  it('refuses every other scheme, plain http elsewhere, relative and broken links, and nothing', () => {
    for (const value of [
      'javascript:alert(1)', ' javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x',
      'http://billing.tectra.example/x', 'http://localhost.evil.example/x', 'http://127.0.0.2/x', 'ftp://localhost/x',
      '/invoices/1.pdf', '//evil.example/x', 'not a url', '', undefined,
    ]) {
      expect(safeUrl(value), String(value)).toBeUndefined();
    }
  });
});

describe('oneRecommendedPerKind', () => {
  const tier = (id: string, kind: Tier['kind'], recommended?: boolean): Tier => ({
    id, name: id, kind, prices: [], limits: {}, features: [], ...(recommended === undefined ? {} : { recommended }),
  });

  it('keeps the first recommendation of each kind, in catalog order, and drops the others’ flag only', () => {
    const catalog: Catalog = {
      currency: 'USD',
      tiers: [tier('a', 'individual'), tier('b', 'individual', true), tier('c', 'individual', true), tier('d', 'team', true), tier('e', 'team', false), tier('f', 'team', true)],
    };
    const out = oneRecommendedPerKind(catalog);
    expect(out.tiers.map((t) => [t.id, t.recommended])).toEqual([
      ['a', undefined], ['b', true], ['c', undefined], ['d', true], ['e', false], ['f', undefined],
    ]);
    expect('recommended' in out.tiers[2]!).toBe(false);
    expect(out.currency).toBe('USD');
    expect(catalog.tiers[2]!.recommended, 'the input is not changed').toBe(true);
  });
});
