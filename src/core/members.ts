/**
 * Usage by member: the order a team reads it in, a member's share of the pool, and whether
 * a member has reached a limit of their own. Shared by the element and its tests.
 */
import type { MemberUsage } from './types.js';

export type MemberSort = { by: 'name' | 'used'; descending: boolean };

/** The members in the order asked for; ties keep the name order, so the list never jumps. */
export function sortMembers(members: MemberUsage[], meter: string, sort: MemberSort, locale: string): MemberUsage[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const byName = (a: MemberUsage, b: MemberUsage) => collator.compare(a.name, b.name);
  const used = (m: MemberUsage) => m.used[meter] ?? 0;
  const direction = sort.descending ? -1 : 1;
  return [...members].sort((a, b) => (sort.by === 'name' ? direction * byName(a, b) : direction * (used(a) - used(b)) || byName(a, b)));
}

/** A member's share of what the team used of a meter (0 when nothing was used). */
export function shareOfPool(member: MemberUsage, meter: string, members: MemberUsage[]): number {
  const pool = members.reduce((sum, m) => sum + (m.used[meter] ?? 0), 0);
  return pool > 0 ? (member.used[meter] ?? 0) / pool : 0;
}

/** Whether a member has used all of their own limit on a meter. */
export function atOwnLimit(member: MemberUsage, meter: string): boolean {
  const limit = member.limits?.[meter];
  return limit !== undefined && (member.used[meter] ?? 0) >= limit;
}
