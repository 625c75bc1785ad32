/**
 * What a billing address needs in each country: whether it has a state (and what it is
 * called), whether it has a postal code and its format. Countries not listed have a street,
 * a city and an optional postal code, which is what an invoice needs anywhere.
 */
import { BillingError } from './errors.js';
import type { Address } from './types.js';

/**
 * A purchase refused because tax goes by where the customer is and no address is on file
 * (the quote said `addressRequired`): the same answer from every backend of the kit.
 */
export const addressRequiredError = (): BillingError =>
  new BillingError('invalid_request', 'address: Enter a billing address first: tax depends on where you are billed.', { status: 400 });

export type RegionLabel = 'state' | 'province' | 'prefecture' | 'county' | 'region';

export interface AddressFormat {
  /** The state, province or prefecture: required, optional or not asked. */
  region?: { required: boolean; label: RegionLabel };
  /** The postal code: required (with its format), optional, or not used in the country. */
  postalCode: 'none' | 'optional' | RegExp;
}

const OPTIONAL: AddressFormat = { postalCode: 'optional' };
const state = (label: RegionLabel = 'state') => ({ required: true, label });

/** Countries whose addresses have no postal code. */
const NO_POSTAL_CODE = ['AE', 'AG', 'AO', 'AW', 'BS', 'BZ', 'BJ', 'BO', 'BW', 'CW', 'DJ', 'DM', 'FJ', 'GD', 'GH', 'GY', 'HK', 'KI', 'KM', 'KN', 'LC', 'ML', 'MO', 'MW', 'NR', 'QA', 'RW', 'SB', 'SC', 'SR', 'SY', 'TG', 'TL', 'TO', 'TT', 'TV', 'UG', 'VU', 'YE', 'ZW'];

const FORMATS: Record<string, AddressFormat> = {
  US: { region: state(), postalCode: /^\d{5}(-\d{4})?$/ },
  CA: { region: state('province'), postalCode: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/ },
  AU: { region: state(), postalCode: /^\d{4}$/ },
  BR: { region: state(), postalCode: /^\d{5}-?\d{3}$/ },
  MX: { region: state(), postalCode: /^\d{5}$/ },
  IN: { region: state(), postalCode: /^\d{6}$/ },
  JP: { region: state('prefecture'), postalCode: /^\d{3}-?\d{4}$/ },
  CN: { region: state('province'), postalCode: /^\d{6}$/ },
  IT: { region: { required: false, label: 'province' }, postalCode: /^\d{5}$/ },
  ES: { region: { required: false, label: 'province' }, postalCode: /^\d{5}$/ },
  IE: { region: { required: false, label: 'county' }, postalCode: 'optional' },
  GB: { postalCode: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/ },
  DE: { postalCode: /^\d{5}$/ },
  FR: { postalCode: /^\d{5}$/ },
  NL: { postalCode: /^\d{4} ?[A-Z]{2}$/ },
  BE: { postalCode: /^\d{4}$/ },
  AT: { postalCode: /^\d{4}$/ },
  CH: { postalCode: /^\d{4}$/ },
  DK: { postalCode: /^\d{4}$/ },
  NO: { postalCode: /^\d{4}$/ },
  SE: { postalCode: /^\d{3} ?\d{2}$/ },
  FI: { postalCode: /^\d{5}$/ },
  PL: { postalCode: /^\d{2}-\d{3}$/ },
  PT: { postalCode: /^\d{4}-\d{3}$/ },
  SG: { postalCode: /^\d{6}$/ },
  KR: { postalCode: /^\d{5}$/ },
  NZ: { postalCode: /^\d{4}$/ },
  ZA: { postalCode: /^\d{4}$/ },
};

export function addressFormat(country: string): AddressFormat {
  if (NO_POSTAL_CODE.includes(country)) return { postalCode: 'none' };
  return FORMATS[country] ?? OPTIONAL;
}

/** A field of an address and why it is not right yet. */
export type AddressProblem = [field: keyof Address, reason: 'required' | 'format'];

/** What is missing or malformed in an address for its country, in the order of the form. */
export function addressProblems(address: Address): AddressProblem[] {
  const problems: AddressProblem[] = [];
  const format = addressFormat(address.country);
  if (!/^[A-Z]{2}$/.test(address.country)) problems.push(['country', 'required']);
  if (!address.line1.trim()) problems.push(['line1', 'required']);
  if (!address.city.trim()) problems.push(['city', 'required']);
  if (format.region?.required && !address.state?.trim()) problems.push(['state', 'required']);
  const code = address.postalCode?.trim().toUpperCase() ?? '';
  if (format.postalCode instanceof RegExp) {
    if (!code) problems.push(['postalCode', 'required']);
    else if (!format.postalCode.test(code)) problems.push(['postalCode', 'format']);
  }
  return problems;
}

/** ISO 3166-1 alpha-2: every country and territory a billing address may be in (names come from `Intl.DisplayNames`). */
export const COUNTRIES: readonly string[] = (
  'ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGB' +
  'GDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMV' +
  'MWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZ' +
  'VAVCVEVGVIVNVUWFWSYEYTZAZMZW'
).match(/../g) ?? [];
