/**
 * openapi.yaml says exactly what the kit accepts. The same examples and counter-examples go
 * to the spec (Ajv, JSON Schema 2020-12, which OpenAPI 3.1 uses) and to the runtime: the
 * client's checks of each answer (src/core/validation.ts) and the reference server's checks
 * of each request body (src/server/bodies.ts, as the handler calls it). Each case must get the verdict it expects
 * from both. The `Error` body is not here: the kit reads any error body it gets (a missing
 * or unknown code falls back to the status), so it has nothing to refuse.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { createMemoryAdapter, demoSnapshot } from '../../src/adapters/memory/index.js';
import { DEMO_SCENARIOS } from '../../src/adapters/memory/scenarios.js';
import { isIsoDate } from '../../src/core/dates.js';
import type { PlanSelection } from '../../src/core/types.js';
import { checks } from '../../src/core/validation.js';
import { BODIES, parseBody } from '../../src/server/bodies.js';
import { component, pointer, spec, specAccepts, specAcceptsBody } from './openapi.js';

type Json = unknown;

const kitAccepts = (check: (input: unknown) => unknown, value: Json) => {
  try {
    check(value);
    return true;
  } catch {
    return false;
  }
};

/** A copy of `base` with the field at `path` (dots; array indexes as numbers) set, or removed when `value` is undefined. */
function withField(base: Json, path: string, value: Json): Json {
  const copy = structuredClone(base) as Record<string, unknown>;
  const keys = path.split('.');
  let at: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
  const last = keys.at(-1)!;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return copy;
}

interface Case {
  name: string;
  value: Json;
  ok: boolean;
}
const good = (name: string, value: Json): Case => ({ name, value, ok: true });
const bad = (name: string, value: Json): Case => ({ name, value, ok: false });
/** Counter-examples made from one valid value, one field at a time. */
const mutations = (base: Json, fields: Array<[path: string, value: Json, ok: boolean]>): Case[] =>
  fields.map(([path, value, ok]) => ({ name: `${path} = ${JSON.stringify(value) ?? 'absent'}`, value: withField(base, path, value), ok }));

function expectSameVerdicts(cases: Case[], spec: (value: Json) => boolean, kit: (value: Json) => boolean) {
  const verdicts = cases.map(({ name, value, ok }) => ({ name, expected: ok, spec: spec(value), kit: kit(value) }));
  const wrong = verdicts.filter((c) => c.spec !== c.expected || c.kit !== c.expected);
  expect(wrong, 'cases the spec or the kit judge otherwise').toEqual([]);
  // Neither list may be vacuous: every schema is given something to accept and to refuse.
  expect(verdicts.some((c) => c.expected) && verdicts.some((c) => !c.expected)).toBe(true);
}

const NOW = '2026-03-10T12:00:00.000Z';
const snapshots = DEMO_SCENARIOS.map((name) => ({ name, snapshot: demoSnapshot(name, { now: NOW }) }));
const team = demoSnapshot('team', { now: NOW });
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

const details = { email: 'ap@example.com', name: 'Acme GmbH', address: { line1: 'Unter den Linden 1', city: 'Berlin', postalCode: '10117', country: 'DE' } };
const taxId = { id: 'txi_1', type: 'eu_vat', value: 'DE123456789', verification: 'verified' };

describe('openapi.yaml and the runtime validation accept the same values', () => {
  it('Timestamp: dates, times, offsets, leap days and impossible days', () => {
    const cases: Case[] = [];
    const days = (year: number, month: number) =>
      month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
    for (const year of [0, 4, 100, 400, 1600, 1700, 1900, 1996, 2000, 2010, 2023, 2024, 2100, 2400, 9996, 9999]) {
      for (const month of [0, 1, 2, 4, 6, 9, 11, 12, 13]) {
        for (const day of [0, 1, 28, 29, 30, 31, 32]) {
          const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const exists = month >= 1 && month <= 12 && day >= 1 && day <= days(year, month);
          cases.push({ name: text, value: text, ok: exists });
          cases.push({ name: `${text}T23:59:59Z`, value: `${text}T23:59:59Z`, ok: exists });
          cases.push({ name: `${text}T12:00+05:30`, value: `${text}T12:00+05:30`, ok: exists });
        }
      }
    }
    for (const [time, ok] of [
      ['T00:00Z', true], ['T00:00:00Z', true], ['T23:59:59.123456789Z', true], ['T10:00:00.5-08:00', true],
      ['T12:00:00+23:59', true], ['T12:00:00-00:00', true],
      ['T24:00:00Z', false], ['T12:60Z', false], ['T12:00:60Z', false], ['T12:00:00.1234567890Z', false],
      ['T12:00:00.Z', false], ['t12:00:00Z', false], ['T12:00:00z', false], ['T12:00:00', false], ['T12:00', false],
      ['T12:00:00+24:00', false], ['T12:00:00+05:60', false], ['T12:00:00+0530', false], ['T12Z', false],
      ['T1:00:00Z', false], [' 12:00:00Z', false], ['T12:00:00 Z', false], ['T12:00:00.000+01', false],
    ] as const) {
      cases.push({ name: `2026-03-01${time}`, value: `2026-03-01${time}`, ok });
    }
    for (const text of ['', 'yesterday', '2026-3-01', '2026-03-1', '+002026-03-01', ' 2026-03-01', '2026-03-01 ', '20260301', '2026-03']) {
      cases.push(bad(JSON.stringify(text), text));
    }
    expectSameVerdicts(
      cases,
      (value) => specAccepts(component('Timestamp'), value),
      (value) => typeof value === 'string' && isIsoDate(value),
    );
  });

  it('Catalog: every demo catalog, and the constraints on currency, ids, prices, limits and seats', () => {
    const base = team.catalog;
    const cases = [
      ...snapshots.map(({ name, snapshot }) => good(`the ${name} catalog`, snapshot.catalog)),
      good('no tiers', { currency: 'EUR', tiers: [] }),
      ...mutations(base, [
        ['currency', 'usd', false], ['currency', 'US', false], ['currency', 'USDX', false], ['currency', undefined, false],
        ['tiers.0.id', '', false], ['tiers.0.id', 7, false], ['tiers.0.name', '', true], ['tiers.0.kind', 'free', false],
        ['tiers.0.prices', [], true], ['tiers.0.prices.0.amount.amount', 12.5, false], ['tiers.0.prices.0.amount.amount', -100, true],
        ['tiers.0.prices.0.amount.amount', MAX_SAFE + 1, false], ['tiers.0.prices.0.amount.currency', 'eur', false],
        ['tiers.0.prices.0.interval', 'week', false], ['tiers.0.prices.0.perSeat', 'yes', false],
        ['tiers.0.limits', {}, true], ['tiers.0.limits.input_tokens', null, true], ['tiers.0.limits.input_tokens', 0, true],
        ['tiers.0.limits.input_tokens', -1, false], ['tiers.0.limits.input_tokens', 1.5, false], ['tiers.0.limits.input_tokens', '10', false],
        ['tiers.0.features', ['x', 1], false], ['tiers.0.seats', { min: 0 }, true], ['tiers.0.seats', { min: 1, max: 50 }, true],
        ['tiers.0.seats', { min: -1 }, false], ['tiers.0.seats', { max: 5 }, false], ['tiers.0.seats', { min: 1, max: 2.5 }, false],
        ['tiers.0.contactSalesUrl', 'mailto:sales@tectra.example', true], ['tiers.0.contactSalesUrl', 42, false],
        ['tiers.0.recommended', 'true', false], ['tiers.0.description', null, false],
        ['tiers.0.unknownField', { any: 'thing' }, true],
      ]),
    ];
    expectSameVerdicts(cases, (value) => specAccepts(component('Catalog'), value), (value) => kitAccepts(checks.catalog, value));
  });

  it('Subscription: every demo state, and statuses, seats, periods, scheduled changes and discounts', () => {
    const base = demoSnapshot('scheduled-downgrade', { now: NOW }).subscription;
    expect(base.scheduledChange).toBeDefined();
    const cases = [
      ...snapshots.map(({ name, snapshot }) => good(`the ${name} subscription`, snapshot.subscription)),
      ...['none', 'trialing', 'active', 'past_due', 'incomplete', 'canceled'].map((status) => good(`status ${status}`, { status })),
      bad('nothing', {}),
      ...mutations(base, [
        ['status', 'paused', false], ['status', 'ACTIVE', false], ['tierId', '', false], ['interval', 'monthly', false],
        ['seats', 0, false], ['seats', 1, true], ['seats', 2.5, false], ['currentPeriod.start', '2026-03-01', true],
        ['currentPeriod.start', '2026-03-01t00:00:00z', false], ['currentPeriod.end', undefined, false],
        ['trialEnd', '2026-02-30T00:00:00Z', false], ['trialEnd', '2026-03-20T00:00:00+01:00', true],
        ['nextPayment', { amount: { amount: 100, currency: 'USD' } }, false],
        ['scheduledChange.tierId', '', false], ['scheduledChange.seats', 0, false], ['scheduledChange.seats', 3, true],
        ['scheduledChange.effectiveAt', '2026-04-01T00:00:00', false], ['cancelAtPeriodEnd', 1, false],
        ['discount', { code: 'WELCOME', duration: 'once', percentOff: 20 }, true],
        ['discount', { code: '', duration: 'once' }, false], ['discount', { code: 'X', duration: 'weekly' }, false],
        ['discount', { code: 'X', duration: 'once', percentOff: 120 }, false],
        ['discount', { code: 'X', duration: 'repeating', durationInMonths: 0 }, false],
        ['timeZone', 'Mars/Olympus', true], ['timeZone', 3, false],
      ]),
    ];
    expectSameVerdicts(cases, (value) => specAccepts(component('Subscription'), value), (value) => kitAccepts(checks.subscription, value));
  });

  it('Usage: every demo meter set, and used, limits, labels and alert thresholds', () => {
    const base = team.usage;
    const cases = [
      ...snapshots.map(({ name, snapshot }) => good(`the ${name} usage`, snapshot.usage)),
      ...mutations(base, [
        ['meters', [], true], ['meters.0.key', '', false], ['meters.0.used', -1, false], ['meters.0.used', 12.5, true],
        ['meters.0.limit', null, true], ['meters.0.limit', -5, false], ['meters.0.limit', undefined, false],
        ['meters.0.unit', 'seconds', false], ['meters.0.label', '', false], ['meters.0.label', 'Storage', true],
        ['meters.0.unitLabel', '', false], ['meters.0.pooled', 'no', false],
        ['meters.0.alertThresholds', [0.8], true], ['meters.0.alertThresholds', [0, 1], true], ['meters.0.alertThresholds', [80], false],
        ['meters.0.alertThresholds', [-0.1], false], ['meters.0.alertThresholds', ['0.8'], false],
        ['updatedAt', 'now', false], ['period.start', '2026-13-01', false],
        ['meters.0.overagePrice', { amount: { amount: 300, currency: 'USD' }, per: 1_000_000 }, true], ['meters.0.overagePrice', { amount: { amount: 300, currency: 'USD' }, per: 0 }, false],
        ['meters.0.overagePrice', { amount: 300, per: 1 }, false], ['meters.0.spendCap', { atLimit: 'stop' }, true],
        ['meters.0.spendCap', { atLimit: 'overage', maxOverage: { amount: 5000, currency: 'USD' } }, true], ['meters.0.spendCap', { atLimit: 'overage' }, false],
        ['meters.0.spendCap', { atLimit: 'warn' }, false],
      ]),
    ];
    expectSameVerdicts(cases, (value) => specAccepts(component('Usage'), value), (value) => kitAccepts(checks.usage, value));
  });

  it('usage by member: the demo team, and ids, names, amounts and limits', () => {
    const base = { period: team.usage.period, members: [{ id: 'u_1', name: 'Amara Okafor', email: 'amara@acme.example', used: { output_tokens: 1200 }, limits: { output_tokens: 2000 } }] };
    const cases = [
      ...snapshots.filter(({ snapshot }) => snapshot.members).map(({ name, snapshot }) => good(`the ${name} members`, { period: snapshot.usage.period, members: snapshot.members })),
      ...mutations(base, [
        ['members', [], true], ['members.0.id', '', false], ['members.0.name', '', false], ['members.0.email', undefined, true],
        ['members.0.used', {}, true], ['members.0.used.output_tokens', -1, false], ['members.0.used.output_tokens', '5', false],
        ['members.0.limits', undefined, true], ['members.0.limits.output_tokens', -2, false], ['members.0.used', undefined, false], ['period', undefined, false],
      ]),
    ];
    expectSameVerdicts(cases, (value) => specAccepts(component('MembersUsage'), value), (value) => kitAccepts(checks.membersUsage, value));
  });

  it('an invoice page: every demo history, and ids, statuses, money, dates and links', () => {
    const base = { items: team.invoices, nextCursor: null };
    expect(base.items.length).toBeGreaterThan(0);
    const cases = [
      ...snapshots.map(({ name, snapshot }) => good(`the ${name} invoices`, { items: snapshot.invoices, nextCursor: 'c_2' })),
      bad('no cursor', { items: [] }),
      ...mutations(base, [
        ...['draft', 'open', 'paid', 'void', 'uncollectible'].map((status): [string, Json, boolean] => ['items.0.status', status, true]),
        ['nextCursor', 7, false], ['items.0.id', '', false], ['items.0.number', '', true], ['items.0.status', 'refunded', false],
        ['items.0.total.amount', 1.5, false], ['items.0.amountDue', undefined, false], ['items.0.createdAt', '2026-03-01T10:00:00', false],
        ['items.0.dueDate', '2026-02-29', false], ['items.0.dueDate', '2028-02-29', true],
        ['items.0.pdfUrl', '/invoices/1.pdf', true], ['items.0.hostedUrl', null, false],
      ]),
    ];
    expectSameVerdicts(
      cases,
      (value) => specAccepts(`${pointer('paths', '/invoices', 'get', 'responses', '200')}/content/application~1json/schema`, value),
      (value) => kitAccepts(checks.invoices, value),
    );
  });

  it('payment methods: every demo wallet, and ids, last four digits and expiry', () => {
    const base = team.paymentMethods;
    const cases = [
      ...snapshots.map(({ name, snapshot }) => good(`the ${name} cards`, snapshot.paymentMethods)),
      ...mutations(base, [
        ['0.id', '', false], ['0.last4', '424', false], ['0.last4', '42a2', false], ['0.last4', 4242, false],
        ['0.last4', '14242', false], ['0.last4', '42421', false], ['0.last4', '0000', true],
        ['0.expMonth', 0, false], ['0.expMonth', 12, true], ['0.expMonth', 13, false], ['0.expMonth', 1.5, false],
        ['0.expYear', 2030.5, false], ['0.isDefault', undefined, false], ['0.brand', undefined, true],
      ]),
    ];
    const items = `${pointer('paths', '/payment-methods', 'get', 'responses', '200')}/content/application~1json/schema/properties/items`;
    expectSameVerdicts(cases, (value) => specAccepts(items, value), (value) => kitAccepts(checks.paymentMethods, value));
  });

  it('Quote and Coupon: the demo backend answers, and the selection they echo', async () => {
    const adapter = createMemoryAdapter(team);
    const teamTier = team.catalog.tiers.find((tier) => tier.kind === 'team')!;
    const selections: PlanSelection[] = [
      { tierId: teamTier.id, interval: 'year', seats: 5 },
      { tierId: team.subscription.tierId!, interval: 'month', seats: 3, couponCode: 'WELCOME20' },
    ];
    const quotes = await Promise.all(selections.map((selection) => adapter.previewChange(selection).catch(() => adapter.previewChange({ ...selection, couponCode: undefined }))));
    const base = quotes[0];
    const quoteCases = [
      ...quotes.map((quote, i) => good(`demo quote ${i + 1}`, quote)),
      ...mutations(base, [
        ['selection.tierId', '', false], ['selection.tierId', 'x'.repeat(255), true], ['selection.tierId', 'x'.repeat(256), false],
        ['selection.seats', 0, false], ['selection.seats', 100_000, true], ['selection.seats', 100_001, false],
        ['selection.couponCode', 'C'.repeat(100), true], ['selection.couponCode', 'C'.repeat(101), false],
        ['dueNow.currency', 'usd', false], ['tax', undefined, false], ['nextPaymentDate', '2026-04-31', false],
        ['expiresAt', '2026-03-10T12:15:00Z', true], ['id', 5, false],
      ]),
    ];
    expectSameVerdicts(quoteCases, (value) => specAccepts(component('Quote'), value), (value) => kitAccepts(checks.quote, value));

    const coupon = { code: 'WELCOME20', percentOff: 20, duration: 'repeating', durationInMonths: 3 };
    const couponCases = [
      good('percent off', coupon),
      good('amount off', { code: 'TEN', amountOff: { amount: 1000, currency: 'USD' }, duration: 'forever' }),
      ...mutations(coupon, [
        ['code', '', false], ['percentOff', 0, true], ['percentOff', 100, true], ['percentOff', 100.5, false], ['percentOff', -1, false],
        ['durationInMonths', 1, true], ['durationInMonths', 0, false], ['duration', undefined, false],
      ]),
    ];
    expectSameVerdicts(couponCases, (value) => specAccepts(component('Coupon'), value), (value) => kitAccepts(checks.coupon, value));
  });

  it('the results of activate, change, pay and setup: succeeded, requires_action and their secrets', () => {
    const subscription = team.subscription;
    const invoice = team.invoices[0];
    const activation = [
      good('succeeded', { status: 'succeeded', subscription }),
      good('requires action', { status: 'requires_action', clientSecret: 'pi_1_secret_2' }),
      bad('an empty secret', { status: 'requires_action', clientSecret: '' }),
      bad('succeeded without the subscription', { status: 'succeeded' }),
      bad('a bad subscription', { status: 'succeeded', subscription: { ...subscription, seats: 0 } }),
      bad('another status', { status: 'processing', clientSecret: 'pi_1_secret_2' }),
    ];
    expectSameVerdicts(activation, (value) => specAccepts(component('ActivationResult'), value), (value) => kitAccepts(checks.activation, value));
    expectSameVerdicts(activation, (value) => specAccepts(component('ActivationResult'), value), (value) => kitAccepts(checks.tierChange, value));

    const payment = [
      good('succeeded', { status: 'succeeded', invoice, subscription }),
      good('requires action', { status: 'requires_action', clientSecret: 'pi_1_secret_2' }),
      bad('succeeded without the invoice', { status: 'succeeded', subscription }),
      bad('a bad invoice', { status: 'succeeded', invoice: { ...invoice, id: '' }, subscription }),
      bad('an empty secret', { status: 'requires_action', clientSecret: '' }),
    ];
    expectSameVerdicts(payment, (value) => specAccepts(component('InvoicePaymentResult'), value), (value) => kitAccepts(checks.invoicePayment, value));

    const setup = [
      good('stripe', { provider: 'stripe', publishableKey: 'pk_test_1', clientSecret: 'seti_1_secret_2' }),
      good('the test provider', { provider: 'test', clientSecret: 'seti_1_secret_2' }),
      bad('stripe without a key', { provider: 'stripe', clientSecret: 'seti_1_secret_2' }),
      bad('an empty key', { provider: 'stripe', publishableKey: '', clientSecret: 'seti_1_secret_2' }),
      bad('an empty secret', { provider: 'test', clientSecret: '' }),
      bad('another provider', { provider: 'paypal', clientSecret: 'x' }),
    ];
    expectSameVerdicts(setup, (value) => specAccepts(component('SetupIntent'), value), (value) => kitAccepts(checks.setupIntent, value));
  });

  it('BillingDetails and TaxId: addresses, tax ID types and verification', () => {
    const base = { ...details, taxIds: [taxId] };
    const cases = [
      good('everything', base), good('nothing on file', { taxIds: [] }), bad('no tax ID list', {}),
      ...mutations(base, [
        ['email', 1, false], ['address.country', 'Germany', false], ['address.city', undefined, false], ['address.extra', 'kept', true],
        ['taxIds.0.type', 'vat', false], ['taxIds.0.id', '', false], ['taxIds.0.value', '', false], ['taxIds.0.verification', 'unknown', false], ['taxIds.0.verification', undefined, true],
      ]),
    ];
    expectSameVerdicts(cases, (value) => specAccepts(component('BillingDetails'), value), (value) => kitAccepts(checks.billingDetails, value));
    const taxIds = [good('one', taxId), ...mutations(taxId, [['verification', 'pending', true], ['type', 'us_ein', true], ['type', 'EU_VAT', false], ['id', undefined, false]])];
    expectSameVerdicts(taxIds, (value) => specAccepts(component('TaxId'), value), (value) => kitAccepts(checks.taxId, value));
  });

  it('Credits, CreditEntry and CreditPurchaseResult: packs, auto-recharge and the ledger', () => {
    const usd = (amount: number) => ({ amount, currency: 'USD' });
    const credits = {
      balance: usd(1820), covers: ['output_tokens'], nextExpiry: { amount: usd(580), at: '2026-12-24' }, atZero: 'stop',
      packs: [{ id: 'credit_10', credit: usd(1000), price: usd(1000) }], customAmount: { min: usd(500), max: usd(50000) },
      autoRecharge: { enabled: true, threshold: usd(500), amount: usd(2500), monthlyLimit: usd(10000), rechargedThisMonth: usd(0), cooldownMinutes: 60,
        lastFailure: { reason: 'card_declined', at: '2026-12-01T10:00:00Z', amount: usd(2500) } },
    };
    const cases = [
      good('everything', credits),
      ...mutations(credits, [
        ['covers', [], true], ['covers', [''], false], ['nextExpiry', undefined, true], ['nextExpiry.at', 'soon', false], ['atZero', 'overage', true], ['atZero', 'bill', false],
        ['packs', [], true], ['packs.0.price.amount', 0, false], ['packs.0.credit.amount', 1.5, false], ['customAmount', undefined, true], ['customAmount.min.amount', 0, false],
        ['autoRecharge.cooldownMinutes', -1, false], ['autoRecharge.lastFailure.reason', 'expired', false], ['autoRecharge.monthlyLimit', undefined, true], ['balance.amount', -300, true],
        ['autoRecharge', undefined, false],
      ]),
    ];
    expectSameVerdicts(cases, (value) => specAccepts(component('Credits'), value), (value) => kitAccepts(checks.credits, value));
    const entry = { id: 'cre_1', kind: 'usage', amount: usd(-120), balanceAfter: usd(1700), at: '2026-12-01T10:00:00Z', meter: 'output_tokens', quantity: 300000 };
    const page = { items: [entry], nextCursor: null };
    const pages = [good('a page', page), ...mutations(page, [['nextCursor', 'c1', true], ['nextCursor', undefined, false], ['items.0.kind', 'refund', false],
      ['items.0.quantity', -1, false], ['items.0.description', 'Welcome credit', true], ['items.0.at', undefined, false], ['items.0.meter', '', false]])];
    expectSameVerdicts(pages, (value) => specAccepts(component('CreditEntry'), (value as typeof page).items?.[0]) && Array.isArray((value as typeof page).items) && 'nextCursor' in (value as object) && ((value as typeof page).nextCursor === null || typeof (value as typeof page).nextCursor === 'string'), (value) => kitAccepts(checks.creditEntries, value));
    const results = [good('succeeded', { status: 'succeeded', credits, charged: usd(1000) }), good('3-D Secure', { status: 'requires_action', clientSecret: 'pi_1_secret_2' }),
      bad('succeeded without credits', { status: 'succeeded', charged: usd(1000) }), bad('an empty secret', { status: 'requires_action', clientSecret: '' })];
    expectSameVerdicts(results, (value) => specAccepts(component('CreditPurchaseResult'), value), (value) => kitAccepts(checks.creditPurchase, value));
  });

  describe('request bodies: what the reference server takes is what the spec allows', () => {
    const selection = { tierId: 'team', interval: 'month', seats: 3, couponCode: 'WELCOME20' };
    const long = (n: number) => 'x'.repeat(n);
    const selectionFields = (prefix: string): Array<[string, Json, boolean]> => [
      [`${prefix}tierId`, '', false], [`${prefix}tierId`, long(255), true], [`${prefix}tierId`, long(256), false],
      [`${prefix}tierId`, undefined, false], [`${prefix}interval`, 'day', false], [`${prefix}seats`, 0, false],
      [`${prefix}seats`, 100_000, true], [`${prefix}seats`, 100_001, false], [`${prefix}seats`, 1.5, false],
      [`${prefix}seats`, undefined, true], [`${prefix}couponCode`, long(101), false], [`${prefix}couponCode`, '', true],
      [`${prefix}extra`, true, false],
    ];
    const bodies: Array<{ path: string; method: string; schema: v.GenericSchema; cases: Case[] }> = [
      {
        path: '/coupons/validate', method: 'post', schema: BODIES.couponValidate,
        cases: [good('code and selection', { code: 'WELCOME20', selection }), bad('no body', undefined), bad('an array', [selection]),
          ...mutations({ code: 'WELCOME20', selection }, [['code', '', false], ['code', long(100), true], ['code', long(101), false], ['extra', 1, false], ...selectionFields('selection.')])],
      },
      {
        path: '/quotes', method: 'post', schema: BODIES.quote,
        cases: [good('a selection', { selection }), bad('no body', undefined), bad('the selection bare', selection), ...mutations({ selection }, selectionFields('selection.'))],
      },
      {
        path: '/subscription/activate', method: 'post', schema: BODIES.activate,
        cases: [good('a selection, card and quote', { ...selection, paymentMethodId: 'pm_1', quoteId: 'q_1' }), bad('no body', undefined),
          ...mutations({ ...selection, paymentMethodId: 'pm_1', quoteId: 'q_1' }, [
            ...selectionFields(''), ['paymentMethodId', '', false], ['paymentMethodId', long(256), false], ['quoteId', '', false], ['quoteId', undefined, true],
          ])],
      },
      {
        path: '/subscription/change', method: 'post', schema: BODIES.change,
        cases: [good('a selection and quote', { ...selection, quoteId: 'q_1' }),
          ...mutations({ ...selection, quoteId: 'q_1' }, [...selectionFields(''), ['quoteId', long(256), false], ['paymentMethodId', 'pm_1', false]])],
      },
      {
        path: '/subscription/cancel', method: 'post', schema: BODIES.cancel,
        cases: [good('at the period end', { atPeriodEnd: true }), bad('no body', undefined), bad('empty', {}),
          ...mutations({ atPeriodEnd: false, reason: 'unused', comment: 'Moving on.' }, [
            ['atPeriodEnd', 'true', false], ['reason', 'price', false], ['reason', undefined, true], ['comment', long(1000), true],
            ['comment', long(1001), false], ['comment', '', true], ['extra', 1, false],
          ])],
      },
      {
        path: '/subscription/resume', method: 'post', schema: BODIES.empty,
        cases: [good('no body', undefined), good('empty', {}), bad('a field', { now: true }), bad('an array', []), bad('null', null)],
      },
      {
        path: '/setup-intents', method: 'post', schema: BODIES.empty,
        cases: [good('no body', undefined), good('empty', {}), bad('a field', { provider: 'stripe' })],
      },
      {
        path: '/invoices/{id}/pay', method: 'post', schema: BODIES.payInvoice,
        cases: [good('no body', undefined), good('empty', {}), good('a card', { paymentMethodId: 'pm_1' }), good('a completed step', { completedAction: 'pi_1_secret_2' }),
          bad('an empty card', { paymentMethodId: '' }), bad('a long secret', { completedAction: long(256) }), bad('a field', { amount: 100 }), bad('an array', [])],
      },
      {
        path: '/payment-methods', method: 'post', schema: BODIES.addPaymentMethod,
        cases: [good('a card', { paymentMethodId: 'pm_1' }), bad('no body', undefined), bad('empty', {}), bad('an empty card', { paymentMethodId: '' }),
          bad('a field more', { paymentMethodId: 'pm_1', default: true })],
      },
      {
        path: '/usage/alerts/{meter}', method: 'put', schema: BODIES.alerts,
        cases: [good('two thresholds', { thresholds: [0.8, 1] }), good('none', { thresholds: [] }), bad('no body', undefined),
          good('ten', { thresholds: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] }), bad('eleven', { thresholds: [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] }),
          bad('zero', { thresholds: [0] }), bad('a percentage', { thresholds: [80] }), bad('twice the same', { thresholds: [0.5, 0.5] }),
          bad('text', { thresholds: ['0.8'] }), bad('a field more', { thresholds: [0.8], meter: 'input_tokens' })],
      },
      {
        path: '/usage/members/{member}/limits/{meter}', method: 'put', schema: BODIES.memberLimit,
        cases: [good('a limit', { limit: 2_000_000 }), good('zero', { limit: 0 }), good('removed', { limit: null }), good('a fraction', { limit: 12.5 }),
          bad('no body', undefined), bad('none', {}), bad('negative', { limit: -1 }), bad('text', { limit: '100' }), bad('a field more', { limit: 5, meter: 'x' })],
      },
      {
        path: '/usage/caps/{meter}', method: 'put', schema: BODIES.spendCap,
        cases: [good('stop', { cap: { atLimit: 'stop' } }), good('overage', { cap: { atLimit: 'overage', maxOverage: { amount: 5000, currency: 'USD' } } }),
          good('removed', { cap: null }), bad('no body', undefined), bad('no cap', {}), bad('another mode', { cap: { atLimit: 'warn' } }),
          bad('overage without a ceiling', { cap: { atLimit: 'overage' } }), bad('a zero ceiling', { cap: { atLimit: 'overage', maxOverage: { amount: 0, currency: 'USD' } } }),
          good('the largest ceiling', { cap: { atLimit: 'overage', maxOverage: { amount: 1_000_000_000, currency: 'USD' } } }),
          bad('a ceiling too large', { cap: { atLimit: 'overage', maxOverage: { amount: 1_000_000_001, currency: 'USD' } } }),
          bad('a fraction of a cent', { cap: { atLimit: 'overage', maxOverage: { amount: 10.5, currency: 'USD' } } }),
          bad('a lower-case currency', { cap: { atLimit: 'overage', maxOverage: { amount: 500, currency: 'usd' } } }),
          bad('a ceiling on stop', { cap: { atLimit: 'stop', maxOverage: { amount: 500, currency: 'USD' } } }),
          bad('a field more', { cap: { atLimit: 'stop' }, meter: 'input_tokens' })],
      },
      {
        path: '/billing-details', method: 'put', schema: BODIES.billingDetails,
        cases: [good('everything', details), good('an email only', { email: 'ap@example.com' }), good('nothing', {}), bad('no body', undefined),
          ...mutations(details, [
            ['email', 'not an email', false], ['email', '', true], ['name', '', true], ['email', `${long(243)}@example.com`, false], ['email', undefined, true], ['name', long(200), true], ['name', long(201), false],
            ['address.country', 'de', false], ['address.country', 'DEU', false], ['address.line1', undefined, false], ['address.city', long(201), false],
            ['address.postalCode', long(21), false], ['address.line2', 'Floor 3', true], ['address.extra', 1, false], ['taxIds', [], false],
          ])],
      },
      {
        path: '/billing-details/tax-ids', method: 'post', schema: BODIES.taxId,
        cases: [good('a VAT number', { type: 'eu_vat', value: 'DE123456789' }), bad('no body', undefined), bad('another type', { type: 'vat', value: 'DE123456789' }),
          bad('an empty value', { type: 'eu_vat', value: '' }), bad('a long value', { type: 'us_ein', value: long(51) }), bad('no type', { value: 'DE123456789' }),
          bad('a field more', { type: 'eu_vat', value: 'DE123456789', country: 'DE' })],
      },
      {
        path: '/credits/purchases', method: 'post', schema: BODIES.creditPurchase,
        cases: [good('a pack', { packId: 'credit_10' }), good('an amount with a coupon', { amount: { amount: 2000, currency: 'USD' }, couponCode: 'LAUNCH50' }),
          good('a pack, a card and a completed step', { packId: 'credit_10', paymentMethodId: 'pm_1', completedAction: 'pi_1_secret_2' }),
          bad('no body', undefined), bad('a fraction of a cent', { amount: { amount: 20.5, currency: 'USD' } }), bad('a lower-case currency', { amount: { amount: 2000, currency: 'usd' } }),
          bad('an empty pack', { packId: '' }), bad('an empty coupon', { packId: 'credit_10', couponCode: '' }), bad('a field more', { packId: 'credit_10', credit: 1 }),
          bad('money with a field more', { amount: { amount: 2000, currency: 'USD', display: '$20' } })],
      },
      {
        path: '/credits/auto-recharge', method: 'put', schema: BODIES.autoRecharge,
        cases: [good('on, with a ceiling', { enabled: true, threshold: { amount: 500, currency: 'USD' }, amount: { amount: 2500, currency: 'USD' }, monthlyLimit: { amount: 10000, currency: 'USD' } }),
          good('off', { enabled: false, threshold: { amount: 0, currency: 'USD' }, amount: { amount: 2500, currency: 'USD' } }), bad('no body', undefined),
          bad('no amount', { enabled: true, threshold: { amount: 500, currency: 'USD' } }), bad('a negative threshold', { enabled: true, threshold: { amount: -1, currency: 'USD' }, amount: { amount: 2500, currency: 'USD' } }),
          bad('enabled as text', { enabled: 'yes', threshold: { amount: 500, currency: 'USD' }, amount: { amount: 2500, currency: 'USD' } })],
      },
    ];
    for (const { path, method, schema, cases } of bodies) {
      it(`${method.toUpperCase()} ${path}`, () => {
        expectSameVerdicts(cases, (value) => specAcceptsBody(method, path, value), (value) => kitAccepts((body) => parseBody(schema, body), value));
      });
    }

    it('covers every request body the spec declares', () => {
      const declared = Object.entries(spec.paths).flatMap(([path, item]) =>
        Object.entries(item).filter(([, op]) => op.requestBody).map(([method]) => `${method} ${path}`),
      );
      expect(declared.sort()).toEqual(bodies.map((b) => `${b.method} ${b.path}`).sort());
    });
  });
});
