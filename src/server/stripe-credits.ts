/**
 * Prepaid credit on the Stripe engine, as Stripe Billing credits (SERVER.md, "Credits"):
 * - a purchase is a PaymentIntent of its own on the customer's card (3-D Secure on session),
 *   then a paid credit grant for metered prices, keyed by that payment: one payment, one grant;
 * - the balance is Stripe's credit balance summary; the ledger its credit balance
 *   transactions (grants, credit applied to invoices, expiries);
 * - auto-recharge is kept here (Stripe has none): when Stripe reports a new transaction and
 *   the balance is below the threshold, an off-session payment and a grant, within the
 *   monthly ceiling and after the cooldown; a card that asks for 3-D Secure or is declined is
 *   kept as the setting's last failure, for the customer to see.
 * Stripe applies credit when it makes an invoice with metered lines, so the balance drops at
 * invoicing, not with each record, and usage beyond the credit is billed: `atZero` is `overage`.
 */
import type Stripe from 'stripe';
import type { BillingAdapter } from '../adapters/types.js';
import { discountFor } from '../adapters/memory/pricing.js';
import { autoRechargeProblems, customAmountProblem } from '../core/credits.js';
import { BillingError } from '../core/errors.js';
import type { Coupon, CreditEntry, CreditPack, Credits, Money } from '../core/types.js';
import type { StoredAutoRecharge, StripeEngineState } from './stripe-state.js';

/** What an account may buy as credit (the engine's `credits(accountId)` option). */
export interface StripeCreditOffer {
  packs: CreditPack[];
  /** Bounds of an amount the customer chooses; only packs are sold without it. */
  customAmount?: { min: Money; max: Money };
  /** Days bought credit lasts (it does not expire when absent). */
  expiresAfterDays?: number;
  /** Minutes between two automatic recharges (default 60). */
  cooldownMinutes?: number;
}

/** What credit needs from the engine around it, for one account. */
export interface StripeCreditHost {
  stripe: Stripe;
  state: StripeEngineState;
  accountId: string;
  offer: StripeCreditOffer;
  /** The account's customer, if it has one yet; `ensureCustomer` makes it. */
  customerId(): Promise<string | undefined>;
  ensureCustomer(): Promise<string>;
  /** The account's own card (404 otherwise); a test token is attached. */
  ownCard(customerId: string, paymentMethodId: string): Promise<Stripe.PaymentMethod>;
  /** A promotion code's coupon, or `coupon_invalid` (one limited to tiers does not apply to credit). */
  coupon(code: string): Promise<Coupon>;
  /** A Stripe idempotency key derived from the request's key and the call's purpose. */
  key(purpose: string, key: string): Promise<string>;
}

type CreditMethods = Required<Pick<BillingAdapter, 'getCredits' | 'listCreditEntries' | 'purchaseCredits' | 'setAutoRecharge'>>;

const DECLINED = () => new BillingError('card_declined', 'The card was declined. Try another card.', { status: 402 });
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
const SCOPE = { scope: { price_type: 'metered' as const } };
/** Grants the kit made say what they were for; one made in the Dashboard is a plain grant. */
type GrantKind = 'purchase' | 'recharge';

export function createStripeCredits(host: StripeCreditHost): CreditMethods & { rechargeIfLow(): Promise<void> } {
  const { stripe, state, offer } = host;
  const currency = (offer.packs[0]?.price ?? offer.customAmount?.min)?.currency ?? 'USD';
  const money = (amount: number): Money => ({ amount, currency });
  const own = (m: { currency: string } | null | undefined) => m?.currency.toUpperCase() === currency;

  async function balanceOf(customer: string, grant?: string): Promise<{ available: number; ledger: number }> {
    const summary = await stripe.billing.creditBalanceSummaries.retrieve({
      customer,
      filter: grant ? { type: 'credit_grant', credit_grant: grant } : { type: 'applicability_scope', applicability_scope: { price_type: 'metered' } },
    });
    const line = summary.balances.find((b) => own(b.available_balance.monetary));
    return { available: line?.available_balance.monetary?.value ?? 0, ledger: line?.ledger_balance.monetary?.value ?? 0 };
  }

  /** Every grant of the customer, page after page (a customer who buys often has hundreds). */
  async function grantsOf(customer: string): Promise<Stripe.Billing.CreditGrant[]> {
    const all = await stripe.billing.creditGrants.list({ customer, limit: 100 }).autoPagingToArray({ limit: 10_000 });
    return all.filter((g) => !g.voided_at && own(g.amount.monetary));
  }

  const startOfMonth = () => {
    const now = new Date();
    return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1) / 1000;
  };
  const recharges = (grants: Stripe.Billing.CreditGrant[]) => grants.filter((g) => g.metadata?.tectra_kind === 'recharge');
  const rechargedThisMonth = (grants: Stripe.Billing.CreditGrant[]) =>
    recharges(grants).filter((g) => g.created >= startOfMonth()).reduce((sum, g) => sum + (g.amount.monetary?.value ?? 0), 0);

  async function setting(): Promise<StoredAutoRecharge> {
    const stored = await state.autoRecharge(host.accountId);
    if (stored) return stored;
    // Off until the customer turns it on; the first pack's figures are offered as a start.
    const first = offer.packs[0]?.credit.amount ?? offer.customAmount?.min.amount ?? 1000;
    const second = offer.packs[1]?.credit.amount ?? first;
    return { enabled: false, threshold: money(Math.floor(first / 2)), amount: money(second) };
  }

  async function view(): Promise<Credits> {
    const customer = await host.customerId();
    const [balance, grants, auto] = await Promise.all([customer ? balanceOf(customer) : { available: 0, ledger: 0 }, customer ? grantsOf(customer) : [], setting()]);
    // The next grant to expire that still holds credit (Stripe tells each grant's own balance).
    let nextExpiry: Credits['nextExpiry'];
    const now = Date.now() / 1000;
    for (const grant of grants.filter((g) => g.expires_at !== null && g.expires_at > now).sort((a, b) => (a.expires_at ?? 0) - (b.expires_at ?? 0))) {
      const left = (await balanceOf(customer ?? '', grant.id)).available;
      if (left > 0) {
        nextExpiry = { amount: money(left), at: iso(grant.expires_at ?? 0) };
        break;
      }
    }
    return {
      balance: money(balance.available),
      covers: [],
      ...(nextExpiry ? { nextExpiry } : {}),
      atZero: 'overage',
      packs: structuredClone(offer.packs),
      ...(offer.customAmount ? { customAmount: structuredClone(offer.customAmount) } : {}),
      autoRecharge: { ...structuredClone(auto), rechargedThisMonth: money(rechargedThisMonth(grants)), cooldownMinutes: offer.cooldownMinutes ?? 60 },
    };
  }

  /**
   * The paid grant for a payment that went through, once per payment however often it is asked for
   * (and long after Stripe's keys expire). `known`: the customer's grants, when just read.
   */
  async function grantFor(customer: string, payment: string, credit: number, kind: GrantKind, paidAt: number, known?: Stripe.Billing.CreditGrant[]): Promise<void> {
    if ((known ?? (await grantsOf(customer))).some((g) => g.metadata?.tectra_payment === payment)) return;
    const days = offer.expiresAfterDays;
    await stripe.billing.creditGrants.create(
      {
        customer,
        amount: { type: 'monetary', monetary: { value: credit, currency: currency.toLowerCase() } },
        applicability_config: SCOPE,
        category: 'paid',
        name: kind === 'recharge' ? 'Auto-recharge' : 'Credit purchase',
        // From when it was paid: a retry sends the same parameters under the same key.
        ...(days ? { expires_at: paidAt + days * 86_400 } : {}),
        metadata: { tectra_account: host.accountId, tectra_kind: kind, tectra_payment: payment },
      },
      { idempotencyKey: await host.key('credit_grant', payment) },
    );
  }

  async function clearFailure(): Promise<void> {
    const stored = await state.autoRecharge(host.accountId);
    if (stored?.lastFailure) {
      const { lastFailure: _cleared, ...rest } = stored;
      await state.saveAutoRecharge(host.accountId, rest);
    }
  }

  async function defaultCard(customer: string): Promise<string | undefined> {
    const c = await stripe.customers.retrieve(customer);
    const card = 'deleted' in c ? undefined : c.invoice_settings?.default_payment_method;
    return typeof card === 'string' ? card : card?.id;
  }

  async function rechargeIfLow(): Promise<void> {
    const customer = await host.customerId();
    const auto = await setting();
    if (!customer || !auto.enabled) return;
    if ((await balanceOf(customer)).available >= auto.threshold.amount) return;
    const grants = await grantsOf(customer);
    // A recharge paid whose grant was never made (the grant call failed): granted now, not charged again.
    const recent = await stripe.paymentIntents.list({ customer, limit: 10 });
    const ungranted = recent.data.find(
      (pi) => pi.status === 'succeeded' && pi.metadata.tectra_kind === 'recharge' && pi.metadata.tectra_account === host.accountId && !grants.some((g) => g.metadata?.tectra_payment === pi.id),
    );
    if (ungranted) {
      await grantFor(customer, ungranted.id, Number(ungranted.metadata.tectra_credit), 'recharge', ungranted.created, grants);
      return clearFailure();
    }
    const last = recharges(grants).sort((a, b) => b.created - a.created)[0];
    const cooldown = (offer.cooldownMinutes ?? 60) * 60;
    if (last && Date.now() / 1000 - last.created < cooldown) return;
    // A card that failed off session is not tried again on every transaction: after the cooldown, or a purchase (which clears the failure).
    if (auto.lastFailure && Date.now() / 1000 - Date.parse(auto.lastFailure.at) / 1000 < cooldown) return;
    if (auto.monthlyLimit && rechargedThisMonth(grants) + auto.amount.amount > auto.monthlyLimit.amount) return;
    const failed = (reason: 'authentication_required' | 'card_declined') =>
      state.saveAutoRecharge(host.accountId, { ...auto, lastFailure: { reason, at: new Date().toISOString(), amount: { ...auto.amount } } });
    const card = await defaultCard(customer);
    if (!card) return failed('card_declined');
    let intent: Stripe.PaymentIntent;
    try {
      intent = await stripe.paymentIntents.create(
        {
          amount: auto.amount.amount,
          currency: currency.toLowerCase(),
          customer,
          payment_method: card,
          // Cards only: a bank debit would sit in `processing`, neither paid nor declined, while the customer waits.
          allowed_payment_method_types: ['card'],
          confirm: true,
          off_session: true,
          description: 'Credit auto-recharge',
          metadata: { tectra_account: host.accountId, tectra_credit: String(auto.amount.amount), tectra_kind: 'recharge' },
        },
        // The recharge after the last one, on this card, after this failure: twice at once is one payment.
        { idempotencyKey: await host.key('recharge', JSON.stringify([last?.id ?? null, card, auto.lastFailure?.at ?? null])) },
      );
    } catch (error) {
      const e = error as { type?: string; code?: string };
      if (e.type !== 'StripeCardError') throw error;
      return failed(e.code === 'authentication_required' ? 'authentication_required' : 'card_declined');
    }
    if (intent.status !== 'succeeded') return failed(intent.status === 'requires_action' ? 'authentication_required' : 'card_declined');
    // The grants read above, under the account's lease: none of them can be this new payment's.
    await grantFor(customer, intent.id, auto.amount.amount, 'recharge', intent.created, grants);
    await clearFailure();
  }

  return {
    getCredits: () => view(),
    listCreditEntries: async (query) => {
      const customer = await host.customerId();
      // The cursor carries where the page starts and the balance after it (Stripe lists no running balance).
      const from = query.cursor ? /^(cbtxn_[A-Za-z0-9]+)\.(-?\d+)$/.exec(query.cursor) : null;
      if (query.cursor && !from) throw new BillingError('invalid_request', 'Unknown cursor.', { status: 400 });
      if (!customer) return { items: [], nextCursor: null };
      const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
      const list = await stripe.billing.creditBalanceTransactions.list({ customer, limit, ...(from ? { starting_after: from[1] } : {}), expand: ['data.credit_grant'] });
      let running = from ? Number(from[2]) : (await balanceOf(customer)).ledger;
      // Credit in another currency (a grant made in the Dashboard) is not this balance's: left out of it and of its running total.
      const items = list.data.filter((txn) => own((txn.credit ?? txn.debit)?.amount.monetary)).map((txn): CreditEntry => {
        const grant = typeof txn.credit_grant === 'object' ? txn.credit_grant : undefined;
        const value = (txn.credit ?? txn.debit)?.amount.monetary?.value ?? 0;
        const amount = txn.credit ? value : -value;
        // Only a grant's own credit is its purchase or recharge; credit given back (a voided invoice) is a plain grant.
        const kindOfGrant = txn.credit?.type === 'credits_granted' ? grant?.metadata?.tectra_kind : undefined;
        const kind: CreditEntry['kind'] = txn.debit ? (txn.debit.type === 'credits_applied' ? 'usage' : 'expiry') : kindOfGrant === 'purchase' || kindOfGrant === 'recharge' ? kindOfGrant : 'grant';
        const entry: CreditEntry = {
          id: txn.id,
          kind,
          amount: money(amount),
          balanceAfter: money(running),
          at: iso(txn.effective_at || txn.created),
          ...(kind === 'grant' && grant?.name ? { description: grant.name } : {}),
        };
        running -= amount;
        return entry;
      });
      const lastItem = list.data[list.data.length - 1];
      return { items, nextCursor: list.has_more && lastItem ? `${lastItem.id}.${running}` : null };
    },
    purchaseCredits: async ({ idempotencyKey, packId, amount, couponCode, paymentMethodId, completedAction }) => {
      if (completedAction) {
        // The customer authenticated in the browser: Stripe has the outcome. Only this account's purchase counts,
        // and it is worth what was paid for then (not what a later request names).
        const customer = await host.customerId();
        const id = completedAction.split('_secret_')[0] ?? '';
        const intent = customer ? await stripe.paymentIntents.retrieve(id).catch(() => undefined) : undefined;
        const meta = intent?.metadata ?? {};
        if (!intent || intent.client_secret !== completedAction || intent.customer !== customer || meta.tectra_account !== host.accountId || meta.tectra_kind !== 'purchase') {
          throw new BillingError('not_found', 'That payment does not exist.', { status: 404 });
        }
        if (intent.status !== 'succeeded') throw new BillingError('authentication_failed', 'The card could not be authenticated.', { status: 422 });
        await grantFor(customer ?? '', intent.id, Number(meta.tectra_credit), 'purchase', intent.created);
        await clearFailure();
        return { status: 'succeeded', credits: await view(), charged: money(intent.amount) };
      }
      const pack = packId === undefined ? undefined : offer.packs.find((p) => p.id === packId);
      if (packId !== undefined && !pack) throw new BillingError('not_found', 'That credit pack does not exist.', { status: 404 });
      if (!pack === !amount) throw new BillingError('invalid_request', 'packId or amount: name one.', { status: 400 });
      if (amount && customAmountProblem(amount, offer.customAmount)) throw new BillingError('invalid_request', 'amount: outside the amounts on sale.', { status: 400 });
      const credit = pack?.credit ?? (amount as Money);
      let price = pack?.price ?? (amount as Money);
      if (couponCode) price = { ...price, amount: price.amount - discountFor(price, await host.coupon(couponCode)).amount };
      // Credit is sold for money: a code that would pay for all of it is not taken (Stripe could not count it).
      if (price.amount <= 0) throw new BillingError('coupon_invalid', `The code "${couponCode ?? ''}" cannot be used for credit.`, { status: 422 });
      const customer = await host.ensureCustomer();
      const card = paymentMethodId ? (await host.ownCard(customer, paymentMethodId)).id : await defaultCard(customer);
      if (!card) throw new BillingError('invalid_request', 'A payment method is required.', { status: 400 });
      let intent: Stripe.PaymentIntent;
      try {
        intent = await stripe.paymentIntents.create(
          {
            amount: price.amount,
            currency: currency.toLowerCase(),
            customer,
            payment_method: card,
            // Cards only: a bank debit would sit in `processing`, neither paid nor declined, while the customer waits.
            allowed_payment_method_types: ['card'],
            confirm: true,
            description: 'Credit purchase',
            metadata: { tectra_account: host.accountId, tectra_credit: String(credit.amount), tectra_kind: 'purchase' },
          },
          // Per card: a repeat after a decline may name another card under the same key.
          { idempotencyKey: await host.key(`credits_${card}`, idempotencyKey) },
        );
      } catch (error) {
        if ((error as { type?: string }).type === 'StripeCardError') throw DECLINED();
        throw error;
      }
      if (intent.status === 'requires_action') {
        // Stripe replays a key's first answer: the payment may have moved on since. After a failed
        // 3-D Secure it waits for another try, so it is confirmed again (the bank asks again).
        intent = await stripe.paymentIntents.retrieve(intent.id);
        if (intent.status === 'requires_payment_method') {
          try {
            intent = await stripe.paymentIntents.confirm(intent.id, { payment_method: card });
          } catch (error) {
            if ((error as { type?: string }).type === 'StripeCardError') throw DECLINED();
            throw error;
          }
        }
      }
      if (intent.status === 'requires_action' && intent.client_secret) return { status: 'requires_action', clientSecret: intent.client_secret };
      if (intent.status !== 'succeeded') throw DECLINED();
      await grantFor(customer, intent.id, credit.amount, 'purchase', intent.created);
      await clearFailure();
      return { status: 'succeeded', credits: await view(), charged: price };
    },
    setAutoRecharge: async ({ idempotencyKey: _key, ...body }) => {
      const [problem] = autoRechargeProblems(body, currency);
      if (problem) throw new BillingError('invalid_request', `${problem[0]}: ${problem[1].replaceAll('_', ' ')}`, { status: 400 });
      const { lastFailure } = await setting();
      await state.saveAutoRecharge(host.accountId, {
        enabled: body.enabled,
        threshold: body.threshold,
        amount: body.amount,
        ...(body.monthlyLimit ? { monthlyLimit: body.monthlyLimit } : {}),
        ...(lastFailure ? { lastFailure } : {}),
      });
      await rechargeIfLow();
      return view();
    },
    rechargeIfLow,
  };
}
