/**
 * The simulator's prepaid credit: packs and custom amounts bought with a card (3-D Secure
 * and declines as the test cards say), a ledger, auto-recharge after usage beyond the plan
 * draws the balance down, and expiry. Part of the simulator's chunk.
 */
import { autoRechargeProblems, customAmountProblem } from '../../core/credits.js';
import { BillingError } from '../../core/errors.js';
import { addMoney, money, subtractMoney } from '../../core/money.js';
import type {
  Coupon,
  CreditEntry,
  CreditEntryKind,
  CreditPurchaseResult,
  Credits,
  Meter,
  Money,
  PaymentMethod,
  PlanSelection,
} from '../../core/types.js';
import type { BillingAdapter, RequestOptions } from '../types.js';
import type { AdapterMethod } from './memory-adapter.js';
import { discountFor } from './pricing.js';
import type { BillingSnapshot } from './snapshot.js';

/** What credit needs from the simulator around it. */
export interface CreditHost {
  state: BillingSnapshot;
  call<T>(method: AdapterMethod, o: RequestOptions | undefined, work: () => T): Promise<T>;
  once<T>(key: string, fingerprint: string, run: () => T): Promise<T>;
  nextId(prefix: string): string;
  now(): string;
  cardFor(paymentMethodId: string | undefined): PaymentMethod;
  chargeCard(card: PaymentMethod, payment: string, completedAction: string | undefined): { clientSecret: string } | undefined;
  findCoupon(code: string, selection: PlanSelection): Coupon;
}

type CreditMethods = Required<Pick<BillingAdapter, 'getCredits' | 'listCreditEntries' | 'purchaseCredits' | 'setAutoRecharge'>>;

/** Credit coupons are checked as for a tier named `credits` (a coupon limited to tiers does not apply). */
const CREDIT_SELECTION: PlanSelection = { tierId: 'credits', interval: 'month' };

export function createCredits(host: CreditHost): CreditMethods & { afterUsage(meter: Meter, before: number): void } {
  const { state } = host;

  function credits(): Credits {
    if (!state.credits) throw new BillingError('not_found', 'This account has no prepaid credit.', { status: 404 });
    return state.credits;
  }

  function record(kind: CreditEntryKind, amount: Money, extra: Partial<CreditEntry> = {}): void {
    const account = credits();
    account.balance = addMoney(account.balance, amount);
    state.creditLedger = [{ id: host.nextId('cre'), kind, amount, balanceAfter: { ...account.balance }, at: host.now(), ...extra }, ...(state.creditLedger ?? [])];
  }

  /** The month's recharges so far, for the ceiling. */
  function rechargedThisMonth(): number {
    const month = host.now().slice(0, 7);
    return (state.creditLedger ?? []).filter((e) => e.kind === 'recharge' && e.at.startsWith(month)).reduce((sum, e) => sum + e.amount.amount, 0);
  }

  function view(): Credits {
    const account = structuredClone(credits());
    account.autoRecharge.rechargedThisMonth = money(rechargedThisMonth(), account.balance.currency);
    return account;
  }

  /** Off session: the default card, no customer to authenticate; a failure is kept for the customer to see. */
  function autoRecharge(): void {
    const account = credits();
    const setting = account.autoRecharge;
    if (!setting.enabled || account.balance.amount >= setting.threshold.amount) return;
    const last = (state.creditLedger ?? []).find((e) => e.kind === 'recharge');
    if (last && Date.parse(host.now()) - Date.parse(last.at) < setting.cooldownMinutes * 60_000) return;
    if (setting.monthlyLimit && rechargedThisMonth() + setting.amount.amount > setting.monthlyLimit.amount) return;
    const failed = (reason: 'authentication_required' | 'card_declined') => {
      setting.lastFailure = { reason, at: host.now(), amount: { ...setting.amount } };
    };
    try {
      const card = host.cardFor(undefined);
      if (host.chargeCard(card, 'recharge', undefined)) return failed('authentication_required');
    } catch {
      return failed('card_declined');
    }
    delete setting.lastFailure;
    record('recharge', { ...setting.amount });
  }

  return {
    getCredits: (o) => host.call('getCredits', o, view),
    listCreditEntries: (query, o) =>
      host.call('listCreditEntries', o, () => {
        credits();
        const entries = state.creditLedger ?? [];
        const start = query.cursor ? Number(/^c(\d+)$/.exec(query.cursor)?.[1] ?? Number.NaN) : 0;
        if (!Number.isInteger(start) || start < 0) throw new BillingError('invalid_request', 'Unknown cursor.', { status: 400 });
        const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
        const items = entries.slice(start, start + limit);
        return { items, nextCursor: start + items.length < entries.length ? `c${start + items.length}` : null };
      }),
    purchaseCredits: ({ idempotencyKey, ...body }, o) =>
      host.call('purchaseCredits', o, () => body).then(() =>
        host.once<CreditPurchaseResult>(idempotencyKey, JSON.stringify([body.packId ?? null, body.amount ?? null, body.couponCode ?? null]), () => {
          const account = credits();
          const pack = body.packId === undefined ? undefined : account.packs.find((p) => p.id === body.packId);
          if (body.packId !== undefined && !pack) throw new BillingError('not_found', 'That credit pack does not exist.', { status: 404 });
          if (!pack === !body.amount) throw new BillingError('invalid_request', 'packId or amount: name one.', { status: 400 });
          if (body.amount && customAmountProblem(body.amount, account.customAmount)) {
            throw new BillingError('invalid_request', 'amount: outside the amounts on sale.', { status: 400 });
          }
          const credit = pack?.credit ?? (body.amount as Money);
          let price = pack?.price ?? (body.amount as Money);
          if (body.couponCode) {
            price = subtractMoney(price, discountFor(price, host.findCoupon(body.couponCode, CREDIT_SELECTION)));
          }
          const action = host.chargeCard(host.cardFor(body.paymentMethodId), 'credits', body.completedAction);
          if (action) return { status: 'requires_action', ...action };
          delete account.autoRecharge.lastFailure;
          record('purchase', { ...credit });
          return { status: 'succeeded', credits: view(), charged: price };
        }),
      ).then((result) => structuredClone(result)),
    setAutoRecharge: ({ idempotencyKey, ...body }, o) =>
      host.call('setAutoRecharge', o, () => body).then(() =>
        host.once(idempotencyKey, JSON.stringify(body), () => {
          const account = credits();
          const [problem] = autoRechargeProblems(body, account.balance.currency);
          if (problem) throw new BillingError('invalid_request', `${problem[0]}: ${problem[1].replaceAll('_', ' ')}`, { status: 400 });
          const { monthlyLimit, ...rest } = body;
          const { monthlyLimit: _old, ...kept } = account.autoRecharge;
          account.autoRecharge = { ...kept, ...rest, ...(monthlyLimit ? { monthlyLimit } : {}) };
          autoRecharge();
          return view();
        }),
      ).then((result) => structuredClone(result)),
    /** Usage beyond the plan's allowance on a covered meter draws credit at the account's rate. */
    afterUsage(meter, before) {
      const account = state.credits;
      const rate = state.creditRates?.[meter.key];
      if (!account || !rate || meter.limit === null) return;
      if (account.covers.length && !account.covers.includes(meter.key)) return;
      const beyond = Math.max(0, meter.used - Math.max(before, meter.limit));
      const cost = Math.round((beyond * rate.amount) / rate.per);
      // At zero nothing more is drawn: usage stops, or is billed as overage on the next invoice.
      const drawn = Math.min(cost, Math.max(0, account.balance.amount));
      if (drawn > 0) record('usage', money(-drawn, account.balance.currency), { meter: meter.key, quantity: beyond });
      if (beyond > 0) autoRecharge();
    },
  };
}
