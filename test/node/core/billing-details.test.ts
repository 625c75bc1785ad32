// Billing details' rules: tax IDs by format (and the ABN's checksum), the types a country
// offers, normalizing what a customer types, and what an address needs in its country.
import { describe, expect, it } from 'vitest';
import { addressFormat, addressProblems } from '../../../src/core/address.js';
import { isValidTaxId, normalizeTaxId, TAX_ID_TYPES, taxIdTypesFor } from '../../../src/core/tax-ids.js';
import type { TaxIdType } from '../../../src/core/types.js';

describe('tax IDs', () => {
  it('accepts each type’s own example, and refuses a near miss of each', () => {
    const nearMiss: Record<TaxIdType, string> = {
      eu_vat: 'DE12345678',
      gb_vat: 'GB12345678',
      ch_vat: 'CHE-123.456.78 MWST',
      no_vat: '123456789',
      us_ein: '12-345678',
      ca_bn: '12345678',
      au_abn: '51824753557',
      nz_gst: '1234567',
      jp_cn: '123456789123',
      in_gst: '22AAAAA0000A1X5',
      sg_uen: '12345678',
      kr_brn: '123-45-6789',
      ae_trn: '12345678901234',
      za_vat: '5123456789',
    };
    for (const [type, format] of Object.entries(TAX_ID_TYPES) as Array<[TaxIdType, (typeof TAX_ID_TYPES)[TaxIdType]]>) {
      expect(isValidTaxId(type, format.example), `${type} ${format.example}`).toBe(true);
      expect(isValidTaxId(type, nearMiss[type]), `${type} ${nearMiss[type]}`).toBe(false);
    }
  });

  it('checks EU VAT numbers by their country’s format, Greece under EL', () => {
    expect(['ATU12345678', 'BE0123456789', 'FR40303265045', 'NL123456789B01', 'ESX1234567X', 'IE1234567T', 'IE1234567TW', 'SE123456789701', 'EL123456789'].filter((v) => !isValidTaxId('eu_vat', v))).toEqual([]);
    expect(['AT12345678', 'BE2123456789', 'NL123456789C01', 'SE123456789702', 'US123456789', 'DE'].filter((v) => isValidTaxId('eu_vat', v))).toEqual([]);
    expect(normalizeTaxId('eu_vat', ' gr 123.456.789 ')).toBe('EL123456789');
    expect(isValidTaxId('eu_vat', 'gr123456789')).toBe(true);
  });

  it('takes what people type: lower case, spaces, dots and dashes where a format has none', () => {
    expect(normalizeTaxId('gb_vat', 'gb 123 4567 89')).toBe('GB123456789');
    expect(normalizeTaxId('au_abn', '51 824 753 556')).toBe('51824753556');
    expect(normalizeTaxId('ch_vat', ' che-123.456.789   mwst ')).toBe('CHE-123.456.789 MWST');
    expect(normalizeTaxId('us_ein', '12-3456789')).toBe('12-3456789');
    expect(isValidTaxId('ch_vat', 'CHE123456789TVA')).toBe(true);
    expect(isValidTaxId('kr_brn', '1234567890')).toBe(true);
  });

  it('offers the types of the customer’s country', () => {
    expect(taxIdTypesFor('DE')).toEqual(['eu_vat']);
    expect(taxIdTypesFor('GR')).toEqual(['eu_vat']);
    expect(taxIdTypesFor('GB')).toEqual(['gb_vat']);
    expect(taxIdTypesFor('LI')).toEqual(['ch_vat']);
    expect(taxIdTypesFor('US')).toEqual(['us_ein']);
    expect(taxIdTypesFor('JP')).toEqual(['jp_cn']);
    expect(taxIdTypesFor('AQ')).toEqual([]);
  });
});

describe('billing addresses', () => {
  const base = { line1: '1 Main St', city: 'Springfield', country: 'US' };

  it('asks for a state and a ZIP code in the US, and names a malformed one', () => {
    expect(addressProblems({ ...base, state: 'IL', postalCode: '62701' })).toEqual([]);
    expect(addressProblems({ ...base, state: 'IL', postalCode: '62701-1234' })).toEqual([]);
    expect(addressProblems(base)).toEqual([
      ['state', 'required'],
      ['postalCode', 'required'],
    ]);
    expect(addressProblems({ ...base, state: ' ', postalCode: '6270' })).toEqual([
      ['state', 'required'],
      ['postalCode', 'format'],
    ]);
  });

  it('knows postcodes by country, and countries without one', () => {
    expect(addressProblems({ line1: '10 Downing St', city: 'London', postalCode: 'sw1a 2aa', country: 'GB' })).toEqual([]);
    expect(addressProblems({ line1: 'Damrak 1', city: 'Amsterdam', postalCode: '1012 LG', country: 'NL' })).toEqual([]);
    expect(addressProblems({ line1: '1-1 Chiyoda', city: 'Chiyoda-ku', state: 'Tokyo', postalCode: '100-0001', country: 'JP' })).toEqual([]);
    expect(addressProblems({ line1: '1 Queen’s Rd', city: 'Central', country: 'HK' })).toEqual([]);
    expect(addressFormat('HK').postalCode).toBe('none');
    expect(addressProblems({ line1: 'Main St 1', city: 'Dublin', country: 'IE' })).toEqual([]);
    expect(addressFormat('JP').region).toEqual({ required: true, label: 'prefecture' });
    expect(addressFormat('IT').region).toEqual({ required: false, label: 'province' });
    // A country this table does not know: street, city and any postal code.
    expect(addressProblems({ line1: 'Rua 1', city: 'Maputo', postalCode: 'anything', country: 'MZ' })).toEqual([]);
  });

  it('asks for the street, the city and a country code', () => {
    expect(addressProblems({ line1: ' ', city: '', country: 'usa' })).toEqual([
      ['country', 'required'],
      ['line1', 'required'],
      ['city', 'required'],
    ]);
  });
});
