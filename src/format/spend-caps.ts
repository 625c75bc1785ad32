/**
 * A spend cap in words, shared by the spend caps editor and the usage meter: what happens
 * at the limit, and where the meter stands against its cap this period.
 */
import { msg, str } from '@lit/localize';
import { capReached, capUnits, overageSpent } from '../core/spend-caps.js';
import { formatMoney } from '../core/money.js';
import type { Meter, SpendCap } from '../core/types.js';
import { formatUsageAmount } from './usage.js';

/** What happens at the meter's limit with `cap` (the one saved, or one being chosen). */
export function capPreview(meter: Meter, cap: SpendCap | undefined, resetsOn: string, locale: string): string {
  const amount = (n: number) => formatUsageAmount(n, meter, locale);
  const limit = amount(meter.limit ?? 0);
  const price = meter.overagePrice;
  // A cap at or below what is used already stops usage at once: say so, not "at" a point passed.
  const stopsAt = cap ? capUnits(meter, cap) : null;
  if (stopsAt !== null && meter.used >= stopsAt) return msg(str`Usage stops now, until it resets on ${resetsOn}.`, { id: 'caps.preview_stop_now' });
  if (cap?.atLimit === 'stop') return msg(str`Usage stops at ${limit} until it resets on ${resetsOn}.`, { id: 'caps.preview_stop' });
  if (!price) return msg('Usage goes on past the limit.', { id: 'caps.preview_none_free' });
  const each = formatMoney(price.amount, locale);
  const per = amount(price.per);
  if (!cap) return msg(str`Past ${limit}, usage costs ${each} per ${per}, with no cap.`, { id: 'caps.preview_none' });
  const max = formatMoney(cap.maxOverage, locale);
  const end = amount(stopsAt ?? 0);
  return msg(str`Past ${limit}, usage costs ${each} per ${per}, up to ${max} a period. Usage stops at ${end} until it resets on ${resetsOn}.`, {
    id: 'caps.preview_overage',
  });
}

/** The cap in a few words, for a meter that has one: "Spend cap: stops at the limit." */
export function capSummary(cap: SpendCap, locale: string): string {
  if (cap.atLimit === 'stop') return msg('Spend cap: usage stops at the limit.', { id: 'caps.summary_stop' });
  const max = formatMoney(cap.maxOverage, locale);
  return msg(str`Spend cap: overage up to ${max} a period.`, { id: 'caps.summary_overage' });
}

/** Where the meter stands this period: stopped at its cap, or the overage billed so far; empty when neither. */
export function capStanding(meter: Meter, resetsOn: string, locale: string): string {
  if (capReached(meter)) return msg(str`Stopped by your spend cap until ${resetsOn}.`, { id: 'caps.reached' });
  const spent = overageSpent(meter);
  if (!spent || meter.used <= (meter.limit ?? Infinity)) return '';
  const billed = formatMoney(spent, locale);
  const cap = meter.spendCap;
  if (cap?.atLimit !== 'overage') return msg(str`Overage this period: ${billed}.`, { id: 'caps.overage' });
  const max = formatMoney(cap.maxOverage, locale);
  return msg(str`Overage this period: ${billed} of ${max}.`, { id: 'caps.overage_of' });
}
