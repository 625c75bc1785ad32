/**
 * Tax IDs a business customer puts on its invoices, by Stripe's type names (the reference
 * server hands them to Stripe as they are). Checked here by format, so a typo is named
 * before the request; the backend checks again (Stripe verifies EU VAT numbers with VIES).
 */
import type { TaxIdType } from './types.js';

/** The EU's VAT number formats after the country prefix (VIES; Greece is EL, Northern Ireland XI). */
const EU_VAT: Record<string, RegExp> = {
  AT: /^U\d{8}$/,
  BE: /^[01]\d{9}$/,
  BG: /^\d{9,10}$/,
  CY: /^\d{8}[A-Z]$/,
  CZ: /^\d{8,10}$/,
  DE: /^\d{9}$/,
  DK: /^\d{8}$/,
  EE: /^\d{9}$/,
  EL: /^\d{9}$/,
  ES: /^[0-9A-Z]\d{7}[0-9A-Z]$/,
  FI: /^\d{8}$/,
  FR: /^[0-9A-HJ-NP-Z]{2}\d{9}$/,
  HR: /^\d{11}$/,
  HU: /^\d{8}$/,
  IE: /^(\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/,
  IT: /^\d{11}$/,
  LT: /^(\d{9}|\d{12})$/,
  LU: /^\d{8}$/,
  LV: /^\d{11}$/,
  MT: /^\d{8}$/,
  NL: /^\d{9}B\d{2}$/,
  PL: /^\d{10}$/,
  PT: /^\d{9}$/,
  RO: /^\d{2,10}$/,
  SE: /^\d{10}01$/,
  SI: /^\d{8}$/,
  SK: /^\d{10}$/,
  XI: /^(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/,
};

/** The ABN's checksum: weights over the digits with 1 taken from the first, a multiple of 89. */
function abnChecksum(value: string): boolean {
  const weights = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19];
  const digits = [...value].map(Number);
  digits[0] = (digits[0] ?? 0) - 1;
  return digits.reduce((sum, digit, i) => sum + digit * (weights[i] ?? 0), 0) % 89 === 0;
}

/** Each type: the countries it is for, its format after normalizing, and an example to show as a hint. */
export const TAX_ID_TYPES: Record<TaxIdType, { countries: string[]; valid: (value: string) => boolean; example: string }> = {
  eu_vat: {
    countries: ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'GR', 'ES', 'FI', 'FR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK'],
    valid: (value) => EU_VAT[value.slice(0, 2)]?.test(value.slice(2)) ?? false,
    example: 'DE123456789',
  },
  gb_vat: { countries: ['GB'], valid: (value) => /^GB(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/.test(value), example: 'GB123456789' },
  ch_vat: { countries: ['CH', 'LI'], valid: (value) => /^CHE-?\d{3}\.?\d{3}\.?\d{3} ?(MWST|TVA|IVA)$/.test(value), example: 'CHE-123.456.789 MWST' },
  no_vat: { countries: ['NO'], valid: (value) => /^\d{9}MVA$/.test(value), example: '123456789MVA' },
  us_ein: { countries: ['US'], valid: (value) => /^\d{2}-?\d{7}$/.test(value), example: '12-3456789' },
  ca_bn: { countries: ['CA'], valid: (value) => /^\d{9}$/.test(value), example: '123456789' },
  au_abn: { countries: ['AU'], valid: (value) => /^\d{11}$/.test(value) && abnChecksum(value), example: '51824753556' },
  nz_gst: { countries: ['NZ'], valid: (value) => /^\d{8,9}$/.test(value), example: '123456789' },
  jp_cn: { countries: ['JP'], valid: (value) => /^\d{13}$/.test(value), example: '1234567891234' },
  in_gst: { countries: ['IN'], valid: (value) => /^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/.test(value), example: '22AAAAA0000A1Z5' },
  sg_uen: { countries: ['SG'], valid: (value) => /^(\d{8}[A-Z]|\d{9}[A-Z]|[STR]\d{2}[A-Z]{2}\d{4}[A-Z])$/.test(value), example: '123456789F' },
  kr_brn: { countries: ['KR'], valid: (value) => /^\d{3}-?\d{2}-?\d{5}$/.test(value), example: '123-45-67890' },
  ae_trn: { countries: ['AE'], valid: (value) => /^\d{15}$/.test(value), example: '123456789012345' },
  za_vat: { countries: ['ZA'], valid: (value) => /^4\d{9}$/.test(value), example: '4123456789' },
};

/** The tax ID types a business in a country may add (none for a country without one here). */
export function taxIdTypesFor(country: string): TaxIdType[] {
  return (Object.keys(TAX_ID_TYPES) as TaxIdType[]).filter((type) => TAX_ID_TYPES[type].countries.includes(country));
}

/**
 * A tax ID as it is stored and sent: upper case, without spaces (a Swiss number keeps its
 * one space before the suffix), a Greek EU VAT number under its VIES prefix EL.
 */
export function normalizeTaxId(type: TaxIdType, value: string): string {
  const upper = value.trim().toUpperCase();
  if (type === 'ch_vat') return upper.replace(/\s+/g, ' ');
  const compact = upper.replace(/[\s.]/g, '');
  if (type === 'eu_vat') return compact.replace(/-/g, '').replace(/^GR/, 'EL');
  if (type === 'gb_vat' || type === 'no_vat' || type === 'au_abn' || type === 'nz_gst' || type === 'ca_bn' || type === 'za_vat' || type === 'ae_trn') return compact.replace(/-/g, '');
  return compact;
}

/** Whether a value (as typed) has the format of its type. */
export function isValidTaxId(type: TaxIdType, value: string): boolean {
  const format = TAX_ID_TYPES[type];
  return !!format && format.valid(normalizeTaxId(type, value));
}
