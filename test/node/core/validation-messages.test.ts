/** What a developer reads when their backend sends a bad answer: which answer, which field, what was expected. */
import { describe, expect, it } from 'vitest';
import { demoSnapshot } from '../../../src/adapters/memory/index.js';
import { BillingError } from '../../../src/core/errors.js';
import { checks } from '../../../src/core/validation.js';

const team = demoSnapshot('team', { now: '2026-03-10T12:00:00Z' });
const secret = { status: 'requires_action', clientSecret: '' };

function failure(check: (input: unknown) => unknown, input: unknown): BillingError {
  try {
    check(input);
  } catch (error) {
    return error as BillingError;
  }
  throw new Error('accepted');
}

describe('validation messages', () => {
  it('name the answer and the path of the first field that does not fit', () => {
    const cases: Array<[keyof typeof checks, unknown, string]> = [
      ['catalog', { ...team.catalog, currency: 'usd' }, 'Malformed catalog from the billing service: currency: expected an ISO 4217 code'],
      ['subscription', { ...team.subscription, trialEnd: 'soon' }, 'Malformed subscription from the billing service: trialEnd: expected an ISO 8601 date'],
      ['usage', { ...team.usage, meters: [{ ...team.usage.meters[0], key: '' }] }, 'Malformed usage from the billing service: meters.0.key: '],
      ['paymentMethods', 'cards', 'Malformed payment methods from the billing service: (root): '],
      ['invoices', { items: [] }, 'Malformed invoices from the billing service: nextCursor: '],
      ['quote', {}, 'Malformed quote from the billing service: selection: '],
      ['usage', { ...team.usage, updatedAt: '2026-02-30' }, 'Malformed usage from the billing service: updatedAt: expected an ISO 8601 date'],
      ['invoices', { items: [{ ...team.invoices[0], total: { amount: 100, currency: 'usd' } }], nextCursor: null }, 'Malformed invoices from the billing service: items.0.total.currency: expected an ISO 4217 code'],
      ['activation', secret, 'Malformed activation from the billing service: clientSecret: '],
      ['tierChange', secret, 'Malformed tier change from the billing service: clientSecret: '],
      ['coupon', { code: 'X', duration: 'weekly' }, 'Malformed coupon from the billing service: duration: '],
      ['setupIntent', { provider: 'test', clientSecret: '' }, 'Malformed setup intent from the billing service: clientSecret: '],
      ['invoicePayment', secret, 'Malformed invoice payment from the billing service: clientSecret: '],
    ];
    for (const [name, input, message] of cases) {
      const error = failure(checks[name], input);
      expect(error, name).toBeInstanceOf(BillingError);
      expect(error.code, name).toBe('invalid_response');
      expect(error.message.startsWith(message), `${name}: ${error.message}`).toBe(true);
    }
  });

  it('hand back what they accept, the catalog with one recommendation per kind', () => {
    const twice = { ...team.catalog, tiers: team.catalog.tiers.map((t) => (t.kind === 'team' ? { ...t, recommended: true } : t)) };
    const out = checks.catalog(twice);
    expect(out.tiers.filter((t) => t.kind === 'team' && t.recommended)).toHaveLength(1);
    expect(checks.subscription(team.subscription)).toEqual(team.subscription);
  });
});
