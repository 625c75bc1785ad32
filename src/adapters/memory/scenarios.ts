/** Ready-made demo accounts for Storybook, the demo page and tests. */
import { addInterval, addMonths } from '../../core/dates.js';
import type { Catalog, CreditEntry, CreditEntryKind, Invoice, MemberUsage, Meter, PaymentMethod, Subscription, Usage } from '../../core/types.js';
import { DEMO_METERS, DEMO_TAX_RATES, demoCatalog, demoCreditPacks, demoOveragePrices } from './catalogs.js';
import { charge, recurringPrice } from './pricing.js';
import type { BillingSnapshot, SimulatedCoupon } from './snapshot.js';

export const DEMO_SCENARIOS = [
  'new',
  'individual-active',
  'trial',
  'past-due',
  'team',
  'enterprise',
  'scheduled-downgrade',
  'canceled',
  'cancel-at-period-end',
  'jpy',
  'prepaid',
  'auto-recharge',
  'capped',
  'team-with-members',
  'new-with-tax',
] as const;
export type DemoScenario = (typeof DEMO_SCENARIOS)[number];

export function isDemoScenario(value: string): value is DemoScenario {
  return (DEMO_SCENARIOS as readonly string[]).includes(value);
}

export interface DemoSnapshotOptions {
  /** The simulated "now" (ISO); the real clock by default. Fix it for deterministic tests. */
  now?: string;
}

const DAY = 86_400_000;

function shift(iso: string, days: number): string {
  return new Date(new Date(iso).getTime() + days * DAY).toISOString();
}

/** Midnight UTC of the day `iso` falls on. */
function startOfDay(iso: string): string {
  return `${iso.slice(0, 10)}T00:00:00.000Z`;
}

/** The demo's codes (also what `npm run stripe:setup` creates as promotion codes). */
export const demoCoupons = (currency: string): SimulatedCoupon[] => [
  { code: 'WELCOME20', percentOff: 20, duration: 'repeating', durationInMonths: 3 },
  { code: 'LAUNCH50', percentOff: 50, duration: 'once' },
  { code: 'TEAMFOREVER', percentOff: 10, duration: 'forever', appliesTo: ['team', 'business'] },
  { code: 'TENOFF', amountOff: { amount: currency === 'JPY' ? 1000 : 1000, currency }, duration: 'once' },
  { code: 'EXPIRED10', percentOff: 10, duration: 'once', expired: true },
];

function cards(year: number, kind: 'one' | 'two' | 'expired' | 'none'): PaymentMethod[] {
  if (kind === 'none') return [];
  if (kind === 'expired') {
    // Expired last year, whatever month the demo runs in.
    return [{ id: 'pm_visa_expired', type: 'card', brand: 'visa', last4: '0341', expMonth: 11, expYear: year - 1, isDefault: true }];
  }
  const visa: PaymentMethod = { id: 'pm_visa', type: 'card', brand: 'visa', last4: '4242', expMonth: 8, expYear: year + 2, isDefault: true };
  if (kind === 'one') return [visa];
  return [visa, { id: 'pm_mastercard', type: 'card', brand: 'mastercard', last4: '4444', expMonth: 3, expYear: year + 1, isDefault: false }];
}

/** The four meters of a tier at these fractions of their limits; team and enterprise tiers pool usage. */
function meters(catalog: Catalog, tierId: string | undefined, fractions: number[]): Meter[] {
  const tier = catalog.tiers.find((t) => t.id === tierId);
  if (!tier) return [];
  const pooled = tier.kind !== 'individual';
  return DEMO_METERS.map(([key, unit], i) => {
    const limit = tier.limits[key] ?? null;
    const fraction = fractions[i] ?? 0;
    const used = limit === null ? Math.round(fraction * (unit === 'count' ? 40 : 80_000_000)) : Math.round(limit * fraction);
    const meter: Meter = { key, used, limit, unit, alertThresholds: [0.8, 1] };
    const overagePrice = limit === null ? undefined : demoOveragePrices(catalog.currency)[key];
    if (overagePrice) meter.overagePrice = overagePrice;
    if (pooled) meter.pooled = true;
    return meter;
  });
}

/** Paid invoices for every past period back to `from`, newest first. */
function history(catalog: Catalog, sub: Subscription, periods: number, prefix: string): Invoice[] {
  if (!sub.tierId || !sub.interval || !sub.currentPeriod) return [];
  const price = recurringPrice(catalog, { tierId: sub.tierId, interval: sub.interval, ...(sub.seats ? { seats: sub.seats } : {}) });
  const { total } = charge(price, undefined, 0);
  const invoices: Invoice[] = [];
  for (let i = 0; i < periods; i++) {
    const start = addInterval(sub.currentPeriod.start, sub.interval, -i);
    const end = addInterval(start, sub.interval);
    const n = periods - i;
    invoices.push({
      id: `in_${prefix}_${n}`,
      number: `TEC-${prefix.toUpperCase()}-${String(n).padStart(4, '0')}`,
      status: 'paid',
      total,
      amountDue: { amount: 0, currency: total.currency },
      createdAt: start,
      periodStart: start,
      periodEnd: end,
      pdfUrl: `https://billing.tectra.example/invoices/in_${prefix}_${n}.pdf`,
      hostedUrl: `https://billing.tectra.example/invoices/in_${prefix}_${n}`,
    });
  }
  return invoices;
}

/**
 * Prepaid credit in US cents: three packs (the largest with a bonus), custom amounts, a
 * ledger over two months; with `recharge`, auto-recharge is on and its last try needed 3-D Secure.
 */
function prepaidCredit(now: string, recharge: boolean): Pick<BillingSnapshot, 'credits' | 'creditLedger' | 'creditRates'> {
  const usd = (amount: number) => ({ amount, currency: 'USD' });
  let balance = 0;
  // [days ago, kind, amount, output tokens used (input tokens when negative)]: oldest first, at the
  // plan's overage prices (creditRates below: $3 per 1M input tokens, $15 per 1M output tokens).
  type Line = [number, CreditEntryKind, number, number?];
  const lines: Line[] = [
    [70, 'grant', 1000], [65, 'usage', -420, 280_000], [40, 'purchase', 2500], [33, 'usage', -1180, 786_667], [20, 'usage', -260, -866_667],
    ...(recharge ? ([[8, 'recharge', 2500], [3, 'usage', -3200, 2_133_333]] as Line[]) : []),
    [2, 'usage', -120, 80_000],
  ];
  const creditLedger = lines.map(([days, kind, amount, tokens], i): CreditEntry => ({
    id: `cre_${i + 1}`,
    kind,
    amount: usd(amount),
    balanceAfter: usd((balance += amount)),
    at: shift(now, -days),
    ...(tokens ? { meter: tokens > 0 ? 'output_tokens' : 'input_tokens', quantity: Math.abs(tokens) } : kind === 'grant' ? { description: 'Welcome credit' } : {}),
  })).reverse();
  return {
    credits: {
      balance: usd(balance),
      covers: ['input_tokens', 'output_tokens'],
      nextExpiry: { amount: usd(580), at: startOfDay(shift(now, 20)) },
      atZero: recharge ? 'overage' : 'stop',
      ...demoCreditPacks(),
      autoRecharge: recharge
        ? { enabled: true, threshold: usd(1000), amount: usd(2500), monthlyLimit: usd(10000), cooldownMinutes: 60, lastFailure: { reason: 'authentication_required', at: shift(now, -1), amount: usd(2500) } }
        : { enabled: false, threshold: usd(500), amount: usd(2500), cooldownMinutes: 60 },
    },
    creditLedger,
    creditRates: { input_tokens: { per: 1e6, amount: 300 }, output_tokens: { per: 1e6, amount: 1500 } },
  };
}

function usage(periodStart: string, periodEnd: string, now: string, list: Meter[]): Usage {
  return { period: { start: periodStart, end: periodEnd }, meters: list, updatedAt: now };
}

/** A ready scenario; every date is relative to `now` so the demo always looks current. */
export function demoSnapshot(name: DemoScenario = 'individual-active', options: DemoSnapshotOptions = {}): BillingSnapshot {
  const now = options.now ?? new Date().toISOString();
  const year = new Date(now).getUTCFullYear();
  const catalog = demoCatalog(name === 'jpy' ? 'JPY' : 'USD');
  const coupons = demoCoupons(catalog.currency);
  const periodStart = startOfDay(shift(now, -12));
  const monthEnd = addMonths(periodStart, 1);
  const money = (amount: number) => ({ amount, currency: catalog.currency });
  const base = { catalog, coupons };

  const active = (sub: Partial<Subscription> & Pick<Subscription, 'tierId' | 'interval'>): Subscription => {
    const end = addInterval(periodStart, sub.interval ?? 'month');
    const price = recurringPrice(catalog, { tierId: sub.tierId ?? '', interval: sub.interval ?? 'month', ...(sub.seats ? { seats: sub.seats } : {}) });
    return {
      status: 'active',
      currentPeriod: { start: periodStart, end },
      nextPayment: { amount: price, dueDate: end },
      timeZone: 'UTC',
      ...sub,
    };
  };

  /** The account around a subscription: its usage (none without `fractions`), invoices and cards. */
  const account = (
    subscription: Subscription,
    fractions: number[] | undefined,
    invoices: Invoice[],
    cardKind: Parameters<typeof cards>[1],
    usageEnd = monthEnd,
  ): BillingSnapshot => ({
    ...base,
    subscription,
    usage: usage(periodStart, usageEnd, now, fractions ? meters(catalog, subscription.tierId, fractions) : []),
    invoices,
    paymentMethods: cards(year, cardKind),
  });

  switch (name) {
    case 'new':
      return account({ status: 'none', timeZone: 'UTC' }, undefined, [], 'none');
    case 'new-with-tax':
      // Tax by where the customer is, and no address on file yet: the checkout asks for it.
      return { ...account({ status: 'none', timeZone: 'UTC' }, undefined, [], 'none'), taxByCountry: DEMO_TAX_RATES };
    case 'individual-active': {
      const subscription = active({ tierId: 'pro', interval: 'month', timeZone: 'America/New_York' });
      return account(subscription, [0.62, 0.84, 0.27, 0.37], history(catalog, subscription, 8, 'pro'), 'one');
    }
    case 'trial': {
      const trialEnd = startOfDay(shift(now, 9));
      const subscription: Subscription = {
        status: 'trialing',
        tierId: 'pro',
        interval: 'month',
        currentPeriod: { start: periodStart, end: trialEnd },
        trialEnd,
        nextPayment: { amount: money(catalog.currency === 'JPY' ? 7400 : 4900), dueDate: trialEnd },
        timeZone: 'UTC',
      };
      return account(subscription, [0.12, 0.08, 0.2, 0.05], [], 'one', trialEnd);
    }
    case 'past-due': {
      const subscription = active({ tierId: 'starter', interval: 'month', status: 'past_due' });
      const invoices = history(catalog, subscription, 5, 'st');
      const [latest] = invoices;
      if (latest) {
        // The renewal charge failed on the day it was due.
        latest.status = 'open';
        latest.amountDue = latest.total;
        latest.dueDate = latest.createdAt;
      }
      return account(subscription, [0.95, 1.04, 0.67, 0.5], invoices, 'expired');
    }
    case 'team': {
      const subscription = active({ tierId: 'team', interval: 'year', seats: 8, timeZone: 'America/Los_Angeles' });
      return account(subscription, [0.41, 0.58, 0.5, 0.82], history(catalog, subscription, 3, 'team'), 'two');
    }
    case 'enterprise': {
      const end = addInterval(periodStart, 'year');
      const subscription: Subscription = {
        status: 'active',
        tierId: 'enterprise',
        interval: 'year',
        seats: 250,
        currentPeriod: { start: periodStart, end },
        nextPayment: { amount: money(catalog.currency === 'JPY' ? 18_000_000 : 12_000_000), dueDate: end },
        timeZone: 'Europe/Berlin',
      };
      return account(subscription, [0.5, 0.3, 0.6, 0.2], [], 'two');
    }
    case 'scheduled-downgrade': {
      const subscription = active({ tierId: 'pro', interval: 'month' });
      subscription.scheduledChange = { tierId: 'starter', interval: 'month', effectiveAt: subscription.currentPeriod?.end ?? monthEnd };
      if (subscription.nextPayment) subscription.nextPayment.amount = money(catalog.currency === 'JPY' ? 2900 : 1900);
      return account(subscription, [0.3, 0.2, 0.1, 0.15], history(catalog, subscription, 4, 'sd'), 'one');
    }
    case 'canceled': {
      const ended = startOfDay(shift(now, -3));
      const subscription: Subscription = {
        status: 'canceled',
        tierId: 'pro',
        interval: 'month',
        currentPeriod: { start: addMonths(ended, -1), end: ended },
        timeZone: 'UTC',
      };
      return account(subscription, undefined, history(catalog, subscription, 6, 'cx'), 'one');
    }
    case 'cancel-at-period-end': {
      // Canceled by the customer: runs to the period end, then stops; it can be resumed until then.
      const { nextPayment: _none, ...subscription } = active({ tierId: 'pro', interval: 'month' });
      return account({ ...subscription, cancelAtPeriodEnd: true }, [0.4, 0.3, 0.2, 0.1], history(catalog, subscription, 3, 'ce'), 'one');
    }
    case 'prepaid': {
      // Output tokens past the plan's allowance are paid from credit.
      const subscription = active({ tierId: 'pro', interval: 'month', timeZone: 'America/New_York' });
      return { ...account(subscription, [0.62, 1.12, 0.27, 0.37], history(catalog, subscription, 3, 'pp'), 'one'), ...prepaidCredit(now, false) };
    }
    case 'auto-recharge': {
      const subscription = active({ tierId: 'team', interval: 'month', seats: 5, timeZone: 'Europe/London' });
      // Its card asks for 3-D Secure, so each recharge without the customer fails until they confirm a payment.
      const paymentMethods = [{ id: 'pm_visa_3ds', type: 'card', brand: 'visa', last4: '3184', expMonth: 8, expYear: year + 2, isDefault: true }];
      return { ...account(subscription, [0.7, 1.3, 0.4, 0.6], history(catalog, subscription, 3, 'ar'), 'two'), paymentMethods, ...prepaidCredit(now, true) };
    }
    case 'capped': {
      // The owner capped spend: output tokens stopped at the limit; input tokens run on as overage up to $50.00.
      const subscription = active({ tierId: 'pro', interval: 'month', timeZone: 'America/Chicago' });
      const snapshot = account(subscription, [1.08, 1, 0.4, 0.55], history(catalog, subscription, 3, 'cp'), 'one');
      const [input, output] = snapshot.usage.meters as [Meter, Meter];
      input.spendCap = { atLimit: 'overage', maxOverage: money(5000) };
      output.spendCap = { atLimit: 'stop' };
      return snapshot;
    }
    case 'team-with-members': {
      // The team's pool as five members used it, halving down the list; Ben has a limit of his own on output tokens.
      const snapshot = demoSnapshot('team', options);
      const members: MemberUsage[] = ['Amara Okafor', 'Ben Carter', 'Chen Wei', 'Diego Alvarez', 'Eva Novak'].map((name, i) => ({
        id: `member_${i + 1}`,
        name,
        used: Object.fromEntries(snapshot.usage.meters.map((m) => [m.key, Math.round(m.used / 2 ** (i + 1))])),
      }));
      members[1]!.limits = { output_tokens: 3_000_000 };
      // The pool is what its members used, to the unit.
      for (const m of snapshot.usage.meters) m.used = members.reduce((sum, member) => sum + (member.used[m.key] ?? 0), 0);
      return { ...snapshot, members };
    }
    case 'jpy': {
      const subscription = active({ tierId: 'pro', interval: 'month', timeZone: 'Asia/Tokyo' });
      return account(subscription, [0.45, 0.5, 0.2, 0.9], history(catalog, subscription, 6, 'jp'), 'one');
    }
  }
}
