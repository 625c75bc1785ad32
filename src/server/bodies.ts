/**
 * The request bodies of the contract (openapi.yaml), checked before anything runs: a
 * body that does not match answers 400 `invalid_request` naming the field.
 */
import * as v from 'valibot';
import type { CancellationReason } from '../core/types.js';
import { addressEntries, planSelectionEntries, taxIdType } from '../core/validation.js';
import { MAX_OVERAGE_AMOUNT } from '../core/spend-caps.js';
import { HttpProblem } from './errors.js';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(255));
const REASONS: [CancellationReason, ...CancellationReason[]] = [
  'too_expensive', 'missing_features', 'switched_service', 'unused', 'too_complex', 'low_quality', 'customer_service', 'other',
];

const moneyBody = v.strictObject({
  amount: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
  currency: v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code')),
});

export const selectionBody = v.strictObject(planSelectionEntries);

export const BODIES = {
  couponValidate: v.strictObject({ code: v.pipe(v.string(), v.minLength(1), v.maxLength(100)), selection: selectionBody }),
  quote: v.strictObject({ selection: selectionBody }),
  activate: v.strictObject({ ...planSelectionEntries, paymentMethodId: v.optional(id), quoteId: v.optional(id) }),
  change: v.strictObject({ ...planSelectionEntries, quoteId: v.optional(id) }),
  cancel: v.strictObject({
    atPeriodEnd: v.boolean(),
    reason: v.optional(v.picklist(REASONS)),
    comment: v.optional(v.pipe(v.string(), v.maxLength(1000))),
  }),
  payInvoice: v.optional(v.strictObject({ paymentMethodId: v.optional(id), completedAction: v.optional(id) }), {}),
  addPaymentMethod: v.strictObject({ paymentMethodId: id }),
  alerts: v.strictObject({
    thresholds: v.pipe(
      v.array(v.pipe(v.number(), v.gtValue(0), v.maxValue(1))),
      v.maxLength(10),
      v.check((list) => new Set(list).size === list.length, 'thresholds must be distinct'),
    ),
  }),
  // `null` removes the cap; the rules that need the meter (currency, the smallest ceiling) run in the route.
  spendCap: v.strictObject({
    cap: v.nullable(
      v.variant('atLimit', [
        v.strictObject({ atLimit: v.literal('stop') }),
        v.strictObject({
          atLimit: v.literal('overage'),
          maxOverage: v.strictObject({ ...moneyBody.entries, amount: v.pipe(v.number(), v.safeInteger(), v.minValue(1), v.maxValue(MAX_OVERAGE_AMOUNT)) }),
        }),
      ]),
    ),
  }),
  // A member's own limit in the meter's units; null removes it.
  memberLimit: v.strictObject({ limit: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER))) }),
  empty: v.optional(v.strictObject({})),
  billingDetails: v.strictObject({
    // An empty email or name clears it.
    email: v.optional(v.pipe(v.string(), v.maxLength(254), v.regex(/^$|^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'expected an email address'))),
    name: v.optional(v.pipe(v.string(), v.maxLength(200))),
    address: v.optional(v.strictObject(addressEntries)),
  }),
  taxId: v.strictObject({ type: taxIdType, value: v.pipe(v.string(), v.minLength(1), v.maxLength(50)) }),
  creditPurchase: v.pipe(
    v.strictObject({
      packId: v.optional(id),
      amount: v.optional(moneyBody),
      couponCode: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(100))),
      paymentMethodId: v.optional(id),
      completedAction: v.optional(id),
    }),
    v.check((b) => (b.packId === undefined) !== (b.amount === undefined), 'name a packId or an amount, not both'),
  ),
  autoRecharge: v.strictObject({ enabled: v.boolean(), threshold: moneyBody, amount: moneyBody, monthlyLimit: v.optional(moneyBody) }),
};

/** The body as the schema reads it, or a 400 naming the first field that does not fit. */
export function parseBody<TSchema extends v.GenericSchema>(schema: TSchema, body: unknown): v.InferOutput<TSchema> {
  // valibot takes an array for an object whose fields are all optional (`[]` for `{}`).
  if (Array.isArray(body)) throw new HttpProblem(400, 'invalid_request', 'body: expected an object');
  const result = v.safeParse(schema, body);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = v.getDotPath(issue) ?? 'body';
  throw new HttpProblem(400, 'invalid_request', `${path}: ${issue.message}`);
}
