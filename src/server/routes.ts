/**
 * The contract's routes (openapi.yaml), each one `BillingAdapter` call for the account
 * the request was identified as. An engine is "a BillingAdapter per account", so routing
 * and body checks do not depend on the engine.
 */
import type { BillingAdapter } from '../adapters/types.js';
import { BillingError } from '../core/errors.js';
import type { Catalog } from '../core/types.js';
import { addressProblems } from '../core/address.js';
import { CAPABILITIES, CAPABILITY_OPERATIONS } from '../core/capabilities.js';
import { autoRechargeProblems } from '../core/credits.js';
import { SPEND_CAP_PROBLEMS, spendCapProblem } from '../core/spend-caps.js';
import { isValidTaxId, normalizeTaxId } from '../core/tax-ids.js';
import { BODIES, parseBody } from './bodies.js';
import { HttpProblem } from './errors.js';

/** What authorize() is asked about: the adapter method a route runs. */
export type BillingOperation = Exclude<keyof BillingAdapter, 'subscribeUsage'>;

export interface RouteContext {
  adapter: BillingAdapter;
  /** Path parameters, decoded. */
  params: string[];
  url: URL;
  body: unknown;
  idempotencyKey: string;
  /** The request's Accept-Language, for catalog text. */
  language: string | undefined;
  localizeCatalog: (catalog: Catalog) => Catalog;
  /** The handler's `authorize` for this request's identity (true without one). */
  authorize: (operation: BillingOperation) => Promise<boolean>;
  /** The identity's role, where the host names one. */
  role: string | undefined;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  pattern: RegExp;
  operation: BillingOperation;
  /** The answer: a JSON value, or undefined for 204. */
  run(ctx: RouteContext): Promise<unknown>;
  /**
   * What makes two requests under one Idempotency-Key the same request (default: the whole
   * body). A purchase is its selection: after a reload the kit sends the same key with a
   * fresh quote and a newly tokenized card, and must hear the first answer, not a conflict.
   */
  sameRequest?(body: unknown): unknown;
}

/** The purchase a body makes, without the quote or card it was made with. */
const purchaseOf = (body: unknown): unknown => {
  if (!body || typeof body !== 'object') return body;
  const { tierId, interval, seats, couponCode } = body as Record<string, unknown>;
  return [tierId, interval, seats ?? null, couponCode ?? null];
};

const pageLimit = (url: URL) => {
  const limit = Number(url.searchParams.get('limit') ?? 20);
  return Number.isSafeInteger(limit) && limit >= 1 ? Math.min(limit, 100) : 20;
};

/** An optional method of the contract, or 404 when this backend does not offer it. */
function offered<K extends keyof BillingAdapter>(adapter: BillingAdapter, name: K): NonNullable<BillingAdapter[K]> {
  const method = adapter[name];
  if (!method) throw new HttpProblem(404, 'not_found', 'No such billing route.');
  return (method as (...args: unknown[]) => unknown).bind(adapter) as NonNullable<BillingAdapter[K]>;
}

/** The billing details a body sends, with an address that has what its country needs (400 naming the field otherwise). */
function billingDetailsOf(body: unknown) {
  const details = parseBody(BODIES.billingDetails, body);
  const [problem] = details.address ? addressProblems(details.address) : [];
  if (problem) {
    const [field, reason] = problem;
    throw new HttpProblem(400, 'invalid_request', `address.${field}: ${reason === 'required' ? 'required in this country' : 'not a postal code of this country'}`);
  }
  return details;
}

export const ROUTES: Route[] = [
  { method: 'GET', pattern: /^\/catalog$/, operation: 'getCatalog', run: async (c) => c.localizeCatalog(await c.adapter.getCatalog()) },
  { method: 'GET', pattern: /^\/subscription$/, operation: 'getSubscription', run: (c) => c.adapter.getSubscription() },
  { method: 'GET', pattern: /^\/usage$/, operation: 'getUsage', run: (c) => c.adapter.getUsage() },
  {
    method: 'GET',
    pattern: /^\/invoices$/,
    operation: 'listInvoices',
    run: (c) => {
      const cursor = c.url.searchParams.get('cursor');
      return c.adapter.listInvoices({ ...(cursor ? { cursor } : {}), limit: pageLimit(c.url) });
    },
  },
  { method: 'GET', pattern: /^\/payment-methods$/, operation: 'listPaymentMethods', run: async (c) => ({ items: await c.adapter.listPaymentMethods() }) },
  {
    method: 'POST',
    pattern: /^\/coupons\/validate$/,
    operation: 'validateCoupon',
    run: (c) => {
      const { code, selection } = parseBody(BODIES.couponValidate, c.body);
      return c.adapter.validateCoupon(code, selection);
    },
  },
  { method: 'POST', pattern: /^\/quotes$/, operation: 'previewChange', run: (c) => c.adapter.previewChange(parseBody(BODIES.quote, c.body).selection) },
  { method: 'POST', pattern: /^\/setup-intents$/, operation: 'createSetupIntent', run: (c) => (parseBody(BODIES.empty, c.body), c.adapter.createSetupIntent()) },
  {
    method: 'POST',
    pattern: /^\/subscription\/activate$/,
    operation: 'activate',
    sameRequest: purchaseOf,
    run: (c) => c.adapter.activate({ ...parseBody(BODIES.activate, c.body), idempotencyKey: c.idempotencyKey }),
  },
  {
    method: 'POST',
    pattern: /^\/subscription\/change$/,
    operation: 'changeTier',
    sameRequest: purchaseOf,
    run: (c) => c.adapter.changeTier({ ...parseBody(BODIES.change, c.body), idempotencyKey: c.idempotencyKey }),
  },
  {
    method: 'POST',
    pattern: /^\/subscription\/cancel$/,
    operation: 'cancelSubscription',
    run: (c) => {
      const { comment, ...rest } = parseBody(BODIES.cancel, c.body);
      return c.adapter.cancelSubscription({ ...rest, ...(comment ? { comment } : {}), idempotencyKey: c.idempotencyKey });
    },
  },
  {
    method: 'POST',
    pattern: /^\/subscription\/resume$/,
    operation: 'resumeSubscription',
    run: (c) => (parseBody(BODIES.empty, c.body), c.adapter.resumeSubscription({ idempotencyKey: c.idempotencyKey })),
  },
  {
    method: 'DELETE',
    pattern: /^\/subscription\/scheduled-change$/,
    operation: 'cancelScheduledChange',
    run: (c) => c.adapter.cancelScheduledChange({ idempotencyKey: c.idempotencyKey }),
  },
  {
    method: 'POST',
    pattern: /^\/invoices\/([^/]+)\/pay$/,
    operation: 'payInvoice',
    // One invoice is paid once, whichever card or completed step the repeat names.
    sameRequest: () => null,
    run: (c) => c.adapter.payInvoice(c.params[0] ?? '', { ...parseBody(BODIES.payInvoice, c.body), idempotencyKey: c.idempotencyKey }),
  },
  {
    method: 'POST',
    pattern: /^\/payment-methods$/,
    operation: 'addPaymentMethod',
    run: async (c) => {
      await c.adapter.addPaymentMethod?.(parseBody(BODIES.addPaymentMethod, c.body).paymentMethodId);
    },
  },
  {
    method: 'POST',
    pattern: /^\/payment-methods\/([^/]+)\/default$/,
    operation: 'setDefaultPaymentMethod',
    run: async (c) => {
      await c.adapter.setDefaultPaymentMethod(c.params[0] ?? '');
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/payment-methods\/([^/]+)$/,
    operation: 'removePaymentMethod',
    run: async (c) => {
      await c.adapter.removePaymentMethod(c.params[0] ?? '');
    },
  },
  {
    method: 'PUT',
    pattern: /^\/usage\/alerts\/([^/]+)$/,
    operation: 'setUsageAlerts',
    run: async (c) => {
      await c.adapter.setUsageAlerts(c.params[0] ?? '', parseBody(BODIES.alerts, c.body).thresholds);
    },
  },
  {
    method: 'PUT',
    pattern: /^\/usage\/caps\/([^/]+)$/,
    operation: 'setSpendCap',
    run: async (c) => {
      const set = offered(c.adapter, 'setSpendCap');
      const { cap } = parseBody(BODIES.spendCap, c.body);
      const key = c.params[0] ?? '';
      // The rules that need the meter (its limit, its overage price), whatever the engine.
      const meter = (await c.adapter.getUsage()).meters.find((m) => m.key === key);
      if (!meter) throw new HttpProblem(404, 'not_found', `There is no meter "${key}".`);
      const problem = cap && spendCapProblem(cap, meter);
      if (problem) throw new HttpProblem(400, 'invalid_request', `cap: ${SPEND_CAP_PROBLEMS[problem]}`);
      await set(key, cap);
    },
  },
  { method: 'GET', pattern: /^\/usage\/daily$/, operation: 'getDailyUsage', run: (c) => offered(c.adapter, 'getDailyUsage')() },
  { method: 'GET', pattern: /^\/usage\/members$/, operation: 'getMemberUsage', run: (c) => offered(c.adapter, 'getMemberUsage')() },
  {
    method: 'PUT',
    pattern: /^\/usage\/members\/([^/]+)\/limits\/([^/]+)$/,
    operation: 'setMemberLimit',
    run: async (c) => {
      const set = offered(c.adapter, 'setMemberLimit');
      const { limit } = parseBody(BODIES.memberLimit, c.body);
      const [member = '', key = ''] = c.params;
      if (!(await c.adapter.getUsage()).meters.some((m) => m.key === key)) throw new HttpProblem(404, 'not_found', `There is no meter "${key}".`);
      await set(member, key, limit);
    },
  },
  { method: 'GET', pattern: /^\/billing-details$/, operation: 'getBillingDetails', run: (c) => offered(c.adapter, 'getBillingDetails')() },
  {
    method: 'PUT',
    pattern: /^\/billing-details$/,
    operation: 'updateBillingDetails',
    run: (c) => offered(c.adapter, 'updateBillingDetails')({ ...billingDetailsOf(c.body), idempotencyKey: c.idempotencyKey }),
  },
  {
    method: 'POST',
    pattern: /^\/billing-details\/tax-ids$/,
    operation: 'addTaxId',
    run: (c) => {
      const { type, value } = parseBody(BODIES.taxId, c.body);
      if (!isValidTaxId(type, value)) throw new HttpProblem(400, 'invalid_request', `value: not a valid ${type} number`);
      return offered(c.adapter, 'addTaxId')({ type, value: normalizeTaxId(type, value), idempotencyKey: c.idempotencyKey });
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/billing-details\/tax-ids\/([^/]+)$/,
    operation: 'removeTaxId',
    run: async (c) => {
      await offered(c.adapter, 'removeTaxId')(c.params[0] ?? '');
    },
  },
  {
    method: 'GET',
    pattern: /^\/capabilities$/,
    operation: 'getCapabilities',
    // Derived from authorize, so the elements offer exactly what the server lets through.
    run: async (c) => {
      const granted = [];
      for (const capability of CAPABILITIES) if (await c.authorize(CAPABILITY_OPERATIONS[capability][0]!)) granted.push(capability);
      return { ...(c.role ? { role: c.role } : {}), granted };
    },
  },
  {
    method: 'GET',
    pattern: /^\/credits$/,
    operation: 'getCredits',
    // No credit is an answer, not a failure: 204, so a page that looks on every load logs no error.
    run: async (c) => {
      if (!c.adapter.getCredits) return undefined;
      try {
        return await c.adapter.getCredits();
      } catch (error) {
        if (error instanceof BillingError && error.code === 'not_found') return undefined;
        throw error;
      }
    },
  },
  {
    method: 'GET',
    pattern: /^\/credits\/ledger$/,
    operation: 'listCreditEntries',
    run: (c) => {
      const cursor = c.url.searchParams.get('cursor');
      return offered(c.adapter, 'listCreditEntries')({ ...(cursor ? { cursor } : {}), limit: pageLimit(c.url) });
    },
  },
  {
    method: 'POST',
    pattern: /^\/credits\/purchases$/,
    operation: 'purchaseCredits',
    // One key buys once, whichever card or completed step the repeat names.
    sameRequest: (body) => {
      const { packId, amount, couponCode } = (body ?? {}) as Record<string, unknown>;
      return [packId ?? null, amount ?? null, couponCode ?? null];
    },
    run: (c) => offered(c.adapter, 'purchaseCredits')({ ...parseBody(BODIES.creditPurchase, c.body), idempotencyKey: c.idempotencyKey }),
  },
  {
    method: 'PUT',
    pattern: /^\/credits\/auto-recharge$/,
    operation: 'setAutoRecharge',
    run: (c) => offered(c.adapter, 'setAutoRecharge')({ ...autoRechargeOf(c.body), idempotencyKey: c.idempotencyKey }),
  },
];

/** An auto-recharge setting that holds together (400 naming the field otherwise; the currency is the engine's to check). */
function autoRechargeOf(body: unknown) {
  const setting = parseBody(BODIES.autoRecharge, body);
  const [problem] = autoRechargeProblems(setting, setting.threshold.currency);
  if (problem) throw new HttpProblem(400, 'invalid_request', `${problem[0]}: ${problem[1] === 'not_above_threshold' ? 'must be above the threshold' : problem[1] === 'below_amount' ? 'must hold one recharge at least' : problem[1]}`);
  return setting;
}

/** The route for a method and path, or why there is none (404 no such path, 405 another method). */
export function matchRoute(method: string, path: string): { route: Route; params: string[] } | 'not_found' | 'method_not_allowed' {
  let pathKnown = false;
  for (const route of ROUTES) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    pathKnown = true;
    if (route.method !== method) continue;
    try {
      return { route, params: m.slice(1).map((p) => decodeURIComponent(p)) };
    } catch {
      return 'not_found'; // a malformed %-escape names nothing
    }
  }
  return pathKnown ? 'method_not_allowed' : 'not_found';
}
