/**
 * Billing credits on the Stripe double: credit grants, the customer's credit balance summary
 * and its balance transactions, as Stripe's Billing Credits API has them. Stripe applies
 * credit to metered invoice lines when it makes an invoice; the double does that when a test
 * says so (`applyCredit`), and expires what is left of a grant when its clock passes
 * `expires_at`. Each transaction is announced as `billing.credit_balance_transaction.created`.
 */
import type Stripe from 'stripe';
import FIXTURES from './fixtures.json' with { type: 'json' };
import { number, object, text, type Params } from './form.js';

type Handler = (params: Params, match: string[], query: URLSearchParams) => unknown;
type Grant = Stripe.Billing.CreditGrant & { remaining: number };

export interface CreditHost {
  newId(prefix: string): string;
  now(): number;
  emit(type: string, object: { id?: string }): void;
  /** Throws Stripe's 404 for an unknown customer. */
  customerOf(id: string): Stripe.Customer;
  invalid(message: string, param?: string): Error;
  missing(kind: string, id: string): Error;
}

const monetary = (value: number, currency: string) => ({ type: 'monetary' as const, monetary: { value, currency } });

export function createCreditDouble(host: CreditHost) {
  const grants = new Map<string, Grant>();
  const transactions: Stripe.Billing.CreditBalanceTransaction[] = [];

  const publicGrant = ({ remaining: _remaining, ...grant }: Grant): Stripe.Billing.CreditGrant => structuredClone(grant);

  function transact(grant: Grant, side: 'credit' | 'debit', type: string, value: number): void {
    const base = FIXTURES['billing.credit_balance_transaction'];
    const amount = monetary(value, grant.amount.monetary?.currency ?? 'usd');
    const txn = {
      ...structuredClone(base),
      id: host.newId('cbtxn'),
      created: host.now(),
      effective_at: host.now(),
      credit_grant: grant.id,
      type: side,
      credit: side === 'credit' ? { amount, type } : null,
      debit: side === 'debit' ? { amount, type } : null,
    } as unknown as Stripe.Billing.CreditBalanceTransaction;
    // Newest first, as Stripe lists them.
    transactions.unshift(txn);
    host.emit('billing.credit_balance_transaction.created', txn);
  }

  /** A customer's grants that still hold credit, in the order Stripe draws them: priority, then the soonest to expire. */
  const live = (customer: string) =>
    [...grants.values()]
      .filter((g) => g.customer === customer && !g.voided_at && g.remaining > 0 && (g.expires_at === null || g.expires_at > host.now()))
      .sort((a, b) => (a.priority ?? 50) - (b.priority ?? 50) || (a.expires_at ?? Infinity) - (b.expires_at ?? Infinity) || a.created - b.created);

  const routes: Array<[string, RegExp, Handler]> = [
    [
      'POST',
      /^\/v1\/billing\/credit_grants$/,
      (p) => {
        const customer = text(p.customer) ?? '';
        host.customerOf(customer);
        const money = object(object(p.amount).monetary);
        const value = number(money.value);
        const currency = text(money.currency)?.toLowerCase();
        if (!value || value <= 0 || !Number.isInteger(value) || !currency) throw host.invalid('Invalid amount.', 'amount');
        if (text(object(object(p.applicability_config).scope).price_type) !== 'metered') throw host.invalid('Missing required param: applicability_config[scope][price_type].', 'applicability_config');
        const grant = {
          ...structuredClone(FIXTURES['billing.credit_grant']),
          id: host.newId('credgr'),
          customer,
          amount: monetary(value, currency),
          category: text(p.category) === 'promotional' ? 'promotional' : 'paid',
          created: host.now(),
          updated: host.now(),
          effective_at: number(p.effective_at) ?? host.now(),
          expires_at: number(p.expires_at) ?? null,
          livemode: false,
          metadata: object(p.metadata) as Record<string, string>,
          name: text(p.name) ?? null,
          priority: number(p.priority) ?? 50,
          remaining: value,
        } as unknown as Grant;
        grants.set(grant.id, grant);
        host.emit('billing.credit_grant.created', publicGrant(grant));
        transact(grant, 'credit', 'credits_granted', value);
        return publicGrant(grant);
      },
    ],
    [
      'GET',
      /^\/v1\/billing\/credit_grants$/,
      // Newest first, a page at a time (`limit`, `starting_after`), as Stripe lists.
      (_, __, q) => {
        const all = [...grants.values()].filter((g) => !q.get('customer') || g.customer === q.get('customer')).reverse();
        const after = q.get('starting_after');
        const from = after ? all.findIndex((g) => g.id === after) + 1 : 0;
        const limit = Number(q.get('limit') ?? 10);
        return { ...page(all.slice(from, from + limit).map(publicGrant), '/v1/billing/credit_grants'), has_more: from + limit < all.length };
      },
    ],
    [
      'GET',
      /^\/v1\/billing\/credit_grants\/([^/]+)$/,
      (_, [id = '']) => {
        const grant = grants.get(id);
        if (!grant) throw host.missing('billing.credit_grant', id);
        return publicGrant(grant);
      },
    ],
    [
      'GET',
      /^\/v1\/billing\/credit_balance_summary$/,
      (p) => {
        const customer = text(p.customer) ?? '';
        const cust = host.customerOf(customer);
        const filter = object(p.filter);
        const grantId = text(filter.credit_grant);
        if (filter.type === 'credit_grant' && (!grantId || grants.get(grantId)?.customer !== customer)) throw host.missing('billing.credit_grant', grantId ?? '');
        const held = live(customer).filter((g) => filter.type !== 'credit_grant' || g.id === grantId);
        const byCurrency = new Map<string, number>();
        for (const g of held) byCurrency.set(g.amount.monetary?.currency ?? 'usd', (byCurrency.get(g.amount.monetary?.currency ?? 'usd') ?? 0) + g.remaining);
        return {
          ...structuredClone(FIXTURES['billing.credit_balance_summary']),
          customer: cust.id,
          livemode: false,
          balances: [...byCurrency].map(([currency, value]) => ({ available_balance: monetary(value, currency), ledger_balance: monetary(value, currency) })),
        } as unknown as Stripe.Billing.CreditBalanceSummary;
      },
    ],
    [
      'GET',
      /^\/v1\/billing\/credit_balance_transactions$/,
      (p) => {
        const customer = text(p.customer) ?? '';
        host.customerOf(customer);
        const own = transactions.filter((t) => grants.get(String(t.credit_grant))?.customer === customer);
        const after = text(p.starting_after);
        const from = after ? own.findIndex((t) => t.id === after) + 1 : 0;
        if (after && from === 0) throw host.missing('billing.credit_balance_transaction', after);
        const limit = Math.min(number(p.limit) ?? 10, 100);
        return { ...page(own.slice(from, from + limit), '/v1/billing/credit_balance_transactions'), has_more: from + limit < own.length };
      },
    ],
  ];

  return {
    routes,
    grants,
    /** A grant as Stripe shows it, for expansion (`expand: ['data.credit_grant']`). */
    grantOf: (id: string) => {
      const grant = grants.get(id);
      return grant && publicGrant(grant);
    },
    transactions,
    /** Stripe applies the customer's credit to an invoice's metered lines: `amount` is drawn, as far as credit goes. */
    applyCredit(customer: string, amount: number): number {
      let left = amount;
      for (const grant of live(customer)) {
        const drawn = Math.min(left, grant.remaining);
        grant.remaining -= drawn;
        left -= drawn;
        transact(grant, 'debit', 'credits_applied', drawn);
        if (!left) break;
      }
      return amount - left;
    },
    /** The clock passed `at`: what is left of each grant that expired by then is gone. */
    expireUntil(at: number): void {
      for (const grant of grants.values()) {
        if (grant.expires_at !== null && grant.expires_at <= at && grant.remaining > 0 && !grant.voided_at) {
          const left = grant.remaining;
          grant.remaining = 0;
          transact(grant, 'debit', 'credits_expired', left);
        }
      }
    },
  };
}

function page<T>(data: T[], url: string): Stripe.ApiList<T> {
  return { object: 'list', data, has_more: false, url };
}
