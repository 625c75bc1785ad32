import { describe, expect, it } from 'vitest';
import { atOwnLimit, shareOfPool, sortMembers } from '../../../src/core/members.js';
import { parseDecimalInput } from '../../../src/core/number-input.js';
import type { MemberUsage } from '../../../src/core/types.js';

const members: MemberUsage[] = [
  { id: 'b', name: 'Ben', used: { output_tokens: 300 }, limits: { output_tokens: 300 } },
  { id: 'a', name: 'amara', used: { output_tokens: 500 } },
  { id: 'c', name: 'Chen', used: { output_tokens: 300 } },
  { id: 'd', name: 'Diego', used: {} },
];

describe('usage by member', () => {
  it('sorts by use, highest first, ties by name; and by name in the language’s order, either way', () => {
    expect(sortMembers(members, 'output_tokens', { by: 'used', descending: true }, 'en').map((m) => m.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(sortMembers(members, 'output_tokens', { by: 'used', descending: false }, 'en').map((m) => m.id)).toEqual(['d', 'b', 'c', 'a']);
    expect(sortMembers(members, 'output_tokens', { by: 'name', descending: false }, 'en').map((m) => m.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(sortMembers(members, 'output_tokens', { by: 'name', descending: true }, 'en').map((m) => m.id)).toEqual(['d', 'c', 'b', 'a']);
    // Sorting copies: the list as loaded stays as it was.
    expect(members[0]?.id).toBe('b');
  });

  it('gives each member their share of the pool, and nothing to divide when nothing was used', () => {
    expect(shareOfPool(members[1]!, 'output_tokens', members)).toBeCloseTo(0.4545, 3);
    expect(shareOfPool(members[3]!, 'output_tokens', members)).toBe(0);
    expect(shareOfPool(members[0]!, 'input_tokens', members)).toBe(0);
  });

  it('knows a member at their own limit, and that a member without one never is', () => {
    expect(atOwnLimit(members[0]!, 'output_tokens')).toBe(true);
    expect(atOwnLimit(members[1]!, 'output_tokens')).toBe(false);
    expect(atOwnLimit({ ...members[0]!, used: { output_tokens: 299 } }, 'output_tokens')).toBe(false);
  });

  it('reads numbers as each language writes them', () => {
    expect(parseDecimalInput('2,000,000', 'en')).toBe('2000000');
    expect(parseDecimalInput('2.000.000', 'de')).toBe('2000000');
    expect(parseDecimalInput('12,5', 'de')).toBe('12.5');
    expect(parseDecimalInput('٢٠٠٠', 'ar')).toBe('2000');
    expect(parseDecimalInput('1 200 000', 'fr')).toBe('1200000');
    expect(parseDecimalInput('lots', 'en')).toBeNull();
    expect(parseDecimalInput('1.2.3', 'en')).toBeNull();
    expect(parseDecimalInput('', 'en')).toBeNull();
  });
});

describe('numbers as typed', () => {
  it('refuses the other language’s decimal separator instead of reading it as grouping', () => {
    expect(parseDecimalInput('25.50', 'de')).toBeNull();
    expect(parseDecimalInput('1.5', 'de')).toBeNull();
    expect(parseDecimalInput('25,50', 'en')).toBeNull();
    expect(parseDecimalInput('25.50', 'ar-EG')).toBe(new Intl.NumberFormat('ar-EG').formatToParts(1.5).find((p) => p.type === 'decimal')?.value === '.' ? '25.50' : null);
    expect(parseDecimalInput('1.250', 'de')).toBe('1250');
    expect(parseDecimalInput('1,250.75', 'en')).toBe('1250.75');
    expect(parseDecimalInput('20,00,000', 'en-IN')).toBe('2000000');
    expect(parseDecimalInput('€ 25,50', 'de')).toBe('25.50');
    expect(parseDecimalInput('USD 12', 'en')).toBe('12');
  });
});
