/**
 * ISO 4217 minor-unit exponents that differ from the common 2 (ISO 4217 list one).
 * Intl's CLDR data is not used for this: CLDR's display digits differ from ISO's
 * minor units for several currencies (ISK, HUF, TWD, ...), and amounts on the wire
 * are ISO minor units.
 */
const EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0,
  RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

const CODE = /^[A-Z]{3}$/;

export function isCurrencyCode(value: string): boolean {
  return CODE.test(value);
}

/** Number of minor-unit digits of an ISO 4217 currency (JPY 0, USD 2, KWD 3). */
export function currencyExponent(currency: string): number {
  const code = currency.toUpperCase();
  if (!CODE.test(code)) throw new RangeError(`Not an ISO 4217 currency code: ${currency}`);
  return EXPONENTS[code] ?? 2;
}
