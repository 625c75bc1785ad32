/**
 * What the Stripe engine keeps beside Stripe (SERVER.md, "Persisted locally"): which Stripe
 * customer and subscription are an account's, quotes with their proration date, usage
 * counters for an immediate `GET /usage`, alert thresholds, and the webhook events already
 * applied. Stripe stays the source of truth for everything else.
 */
import type { AutoRecharge, MeterKey, PlanSelection, SpendCap } from '../core/types.js';

export interface StripeAccountRecord {
  accountId: string;
  customerId?: string;
  subscriptionId?: string;
  timeZone?: string;
}

export interface StoredQuote {
  id: string;
  accountId: string;
  selection: PlanSelection;
  /** The moment the upgrade was priced for: passed again on the change, so the charge equals the quote. */
  prorationDate?: number;
  /** Where Stripe Tax placed the customer when it was priced (taxed accounts): bought elsewhere, it is priced again. */
  taxLocation?: string;
  expiresAt: string;
  used: boolean;
}

/** A meter event waiting to be sent to Stripe, under the identifier it keeps for every attempt. */
export interface MeterEventRow {
  identifier: string;
  customerId: string;
  meter: MeterKey;
  value: number;
  /** When the usage happened (Unix seconds): Stripe bills it to the period it falls in. */
  timestamp: number;
}

/** An account's auto-recharge setting and its last failed off-session charge: Stripe keeps neither. */
export type StoredAutoRecharge = Pick<AutoRecharge, 'enabled' | 'threshold' | 'amount' | 'monthlyLimit' | 'lastFailure'>;

export interface StripeEngineState {
  account(accountId: string): Promise<StripeAccountRecord>;
  /** Saves the fields given; one left out keeps what is stored. */
  saveAccount(record: StripeAccountRecord): Promise<void>;
  accountOfCustomer(customerId: string): Promise<string | undefined>;
  saveQuote(quote: StoredQuote): Promise<void>;
  quote(id: string): Promise<StoredQuote | undefined>;
  /** Adds to an account's meter in a period and answers the new total. */
  addUsage(accountId: string, periodStart: string, meter: MeterKey, value: number): Promise<number>;
  usage(accountId: string, periodStart: string): Promise<Record<string, number>>;
  setAlerts(accountId: string, meter: MeterKey, thresholds: number[]): Promise<void>;
  alerts(accountId: string): Promise<Record<string, number[]>>;
  /** Sets a meter's spend cap, or removes it with null. */
  setSpendCap(accountId: string, meter: MeterKey, cap: SpendCap | null): Promise<void>;
  spendCaps(accountId: string): Promise<Record<string, SpendCap>>;
  /** Sets a member's own limit on a meter, or removes it with null. */
  setMemberLimit(accountId: string, member: string, meter: MeterKey, limit: number | null): Promise<void>;
  /** Members' own limits: by member id, then meter. */
  memberLimits(accountId: string): Promise<Record<string, Record<string, number>>>;
  saveAutoRecharge(accountId: string, setting: StoredAutoRecharge): Promise<void>;
  autoRecharge(accountId: string): Promise<StoredAutoRecharge | undefined>;
  /** The meter outbox: queued events, the oldest unsent first, and those Stripe has. */
  queueMeterEvents(events: MeterEventRow[]): Promise<void>;
  unsentMeterEvents(limit: number): Promise<MeterEventRow[]>;
  markMeterEventsSent(identifiers: string[]): Promise<void>;
  /** Takes the account's change lease for `ttlMs` (false while another holder has it); released by its holder. */
  acquireLease(accountId: string, holder: string, ttlMs: number): Promise<boolean>;
  releaseLease(accountId: string, holder: string): Promise<void>;
  /** Records a webhook event id; false when it was already there (a duplicate delivery). */
  firstDelivery(eventId: string): Promise<boolean>;
  /** Forgets an event whose processing failed, so Stripe's next delivery is applied. */
  forgetDelivery(eventId: string): Promise<void>;
}

export function createMemoryStripeState(): StripeEngineState {
  const accounts = new Map<string, StripeAccountRecord>();
  const quotes = new Map<string, StoredQuote>();
  const usage = new Map<string, Record<string, number>>();
  const alerts = new Map<string, Record<string, number[]>>();
  const caps = new Map<string, Record<string, SpendCap>>();
  const memberLimits = new Map<string, Record<string, Record<string, number>>>();
  const recharges = new Map<string, StoredAutoRecharge>();
  const events = new Set<string>();
  const outbox = new Map<string, MeterEventRow>();
  const leases = new Map<string, { holder: string; until: number }>();
  return {
    acquireLease: async (accountId, holder, ttlMs) => {
      const lease = leases.get(accountId);
      if (lease && lease.holder !== holder && lease.until > Date.now()) return false;
      leases.set(accountId, { holder, until: Date.now() + ttlMs });
      return true;
    },
    releaseLease: async (accountId, holder) => void (leases.get(accountId)?.holder === holder && leases.delete(accountId)),
    queueMeterEvents: async (rows) => rows.forEach((row) => outbox.set(row.identifier, { ...row })),
    unsentMeterEvents: async (limit) => [...outbox.values()].slice(0, limit).map((row) => ({ ...row })),
    markMeterEventsSent: async (identifiers) => identifiers.forEach((id) => outbox.delete(id)),
    account: async (accountId) => ({ ...(accounts.get(accountId) ?? { accountId }) }),
    // A field left out keeps its value, as in Postgres.
    saveAccount: async (record) => {
      const known = accounts.get(record.accountId);
      const merged = { ...known, ...Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) } as StripeAccountRecord;
      accounts.set(record.accountId, merged);
    },
    accountOfCustomer: async (customerId) => [...accounts.values()].find((a) => a.customerId === customerId)?.accountId,
    saveQuote: async (quote) => void quotes.set(quote.id, structuredClone(quote)),
    quote: async (id) => structuredClone(quotes.get(id)),
    addUsage: async (accountId, periodStart, meter, value) => {
      const key = `${accountId} ${periodStart}`;
      const counters = usage.get(key) ?? {};
      counters[meter] = (counters[meter] ?? 0) + value;
      usage.set(key, counters);
      return counters[meter];
    },
    usage: async (accountId, periodStart) => ({ ...usage.get(`${accountId} ${periodStart}`) }),
    setAlerts: async (accountId, meter, thresholds) => void alerts.set(accountId, { ...alerts.get(accountId), [meter]: [...thresholds] }),
    alerts: async (accountId) => ({ ...alerts.get(accountId) }),
    setSpendCap: async (accountId, meter, cap) => {
      const { [meter]: _old, ...rest } = caps.get(accountId) ?? {};
      caps.set(accountId, cap ? { ...rest, [meter]: structuredClone(cap) } : rest);
    },
    spendCaps: async (accountId) => structuredClone(caps.get(accountId) ?? {}),
    setMemberLimit: async (accountId, member, meter, limit) => {
      const all = memberLimits.get(accountId) ?? {};
      const { [meter]: _old, ...rest } = all[member] ?? {};
      memberLimits.set(accountId, { ...all, [member]: limit === null ? rest : { ...rest, [meter]: limit } });
    },
    memberLimits: async (accountId) => structuredClone(memberLimits.get(accountId) ?? {}),
    saveAutoRecharge: async (accountId, setting) => void recharges.set(accountId, structuredClone(setting)),
    autoRecharge: async (accountId) => structuredClone(recharges.get(accountId)),
    firstDelivery: async (eventId) => !events.has(eventId) && !!events.add(eventId),
    forgetDelivery: async (eventId) => void events.delete(eventId),
  };
}
