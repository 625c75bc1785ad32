/**
 * The rules of prepaid credit, shared by the element, the simulator and the server: what a
 * custom amount and an auto-recharge setting may be, how a typed amount reads, and the
 * ledger by period. The backend checks the same rules again.
 */
import { parseDecimalInput } from './number-input.js';
import { fromDecimalString } from './money.js';
import type { AutoRechargeRequest, CreditEntry, Credits, Meter, Money } from './types.js';

export type AmountProblem = 'invalid' | 'below_min' | 'above_max' | 'currency';

/** Why a custom amount cannot be bought, or undefined when it can. */
export function customAmountProblem(amount: Money | null, bounds: Credits['customAmount']): AmountProblem | undefined {
  if (!amount || !Number.isSafeInteger(amount.amount) || amount.amount <= 0) return 'invalid';
  if (!bounds) return 'invalid';
  if (amount.currency !== bounds.min.currency) return 'currency';
  if (amount.amount < bounds.min.amount) return 'below_min';
  if (amount.amount > bounds.max.amount) return 'above_max';
  return undefined;
}

export type AutoRechargeField = 'threshold' | 'amount' | 'monthlyLimit';
export type AutoRechargeProblem = 'invalid' | 'currency' | 'not_above_threshold' | 'below_amount';

/**
 * What is wrong with an auto-recharge setting, field by field: amounts are whole minor
 * units in the balance's currency; the amount added is above the threshold (otherwise one
 * recharge would not lift the balance over it); a monthly ceiling holds one recharge at least.
 */
export function autoRechargeProblems(
  request: Pick<AutoRechargeRequest, 'threshold' | 'amount' | 'monthlyLimit'>,
  currency: string,
): Array<[AutoRechargeField, AutoRechargeProblem]> {
  const problems: Array<[AutoRechargeField, AutoRechargeProblem]> = [];
  const check = (field: AutoRechargeField, m: Money | undefined, min: number): boolean => {
    if (!m) return false;
    if (m.currency !== currency) problems.push([field, 'currency']);
    else if (!Number.isSafeInteger(m.amount) || m.amount < min) problems.push([field, 'invalid']);
    else return true;
    return false;
  };
  const { threshold, amount, monthlyLimit } = request;
  const thresholdOk = check('threshold', threshold, 0);
  const amountOk = check('amount', amount, 1);
  if (thresholdOk && amountOk && amount.amount <= threshold.amount) problems.push(['amount', 'not_above_threshold']);
  if (check('monthlyLimit', monthlyLimit, 1) && amountOk && monthlyLimit && monthlyLimit.amount < amount.amount) {
    problems.push(['monthlyLimit', 'below_amount']);
  }
  return problems;
}

/**
 * An amount as a person types it in their language ("25", "25.50", "1,250.00", "25,50" in
 * German, Arabic-Indic digits) in minor units, or null when it is not one.
 */
export function parseMoneyInput(text: string, currency: string, locale: string): Money | null {
  const decimal = parseDecimalInput(text, locale);
  return decimal === null ? null : fromDecimalString(decimal, currency);
}

export interface LedgerPeriod {
  /** The period's first day (ISO), in the account's time zone: a calendar month. */
  start: string;
  /** Its entries, newest first. */
  entries: CreditEntry[];
  /** Credit added (grants, purchases, recharges) and used (usage, expiry), in minor units. */
  added: number;
  used: number;
}

/** The ledger in calendar months of the account's time zone, newest first. */
export function ledgerByPeriod(entries: CreditEntry[], timeZone = 'UTC'): LedgerPeriod[] {
  const month = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' });
  const periods = new Map<string, LedgerPeriod>();
  for (const entry of [...entries].sort((a, b) => b.at.localeCompare(a.at))) {
    const key = month.format(new Date(entry.at));
    let period = periods.get(key);
    if (!period) periods.set(key, (period = { start: `${key}-01`, entries: [], added: 0, used: 0 }));
    period.entries.push(entry);
    if (entry.amount.amount >= 0) period.added += entry.amount.amount;
    else period.used -= entry.amount.amount;
  }
  return [...periods.values()];
}

/**
 * The balance in units of what it pays for: for each meter it covers that has an overage
 * price in the balance's currency, how many units the balance buys at that price (whole
 * units, rounded down). Meters without a price, or priced in another currency, are left out.
 */
export function creditInUnits(credits: Pick<Credits, 'balance' | 'covers'>, meters: readonly Meter[]): Array<{ meter: Meter; units: number }> {
  const { balance, covers } = credits;
  if (balance.amount <= 0) return [];
  return meters.flatMap((meter) => {
    const price = meter.overagePrice;
    const covered = !covers.length || covers.includes(meter.key);
    if (!covered || !price || price.amount.currency !== balance.currency || price.amount.amount <= 0 || price.per <= 0) return [];
    return [{ meter, units: Math.floor((balance.amount * price.per) / price.amount.amount) }];
  });
}
