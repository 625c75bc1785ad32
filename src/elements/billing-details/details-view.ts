/**
 * The billing details' view, loaded with the first <tectra-billing-details> on the page:
 * the details on file, the form that edits them (fields by the address's country), and the
 * tax IDs with their own small form. What is typed stays when saving fails; focus goes
 * where the next step is after every action.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { addressFormat, addressProblems, COUNTRIES, type RegionLabel } from '../../core/address.js';
import type { BillingError } from '../../core/errors.js';
import { cachedFormatter } from '../../core/intl-cache.js';
import { isValidTaxId, TAX_ID_TYPES, taxIdTypesFor } from '../../core/tax-ids.js';
import type { Address, BillingDetails, TaxId, TaxIdType } from '../../core/types.js';
import { billingDetailsOf, type BillingDetailsState } from '../../state/billing-details.js';
import { mayDo, notAllowedNote } from '../base/role-gate.js';
import { focusFirst } from '../base/focus.js';
import type { ViewElement, ViewHost } from '../base/view-element.js';
import { errorMessage, reportFailure } from '../base/error-message.js';

export type DetailsHost = ViewHost<ViewElement & { readonly addressRequired: boolean }>;

type Field = 'email' | 'name' | 'country' | 'line1' | 'line2' | 'city' | 'state' | 'postalCode';
/** The form's order: the first field with an error takes focus. */
const FIELDS: Field[] = ['email', 'name', 'country', 'line1', 'line2', 'city', 'state', 'postalCode'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface Draft {
  values: Record<Field, string>;
  errors: Partial<Record<Field, string>>;
}

interface TaxDraft {
  type: TaxIdType | undefined;
  value: string;
  error?: string;
  busy: boolean;
}

export function taxIdLabel(type: TaxIdType): string {
  switch (type) {
    case 'eu_vat': return msg('EU VAT number', { id: 'tax.eu_vat' });
    case 'gb_vat': return msg('UK VAT number', { id: 'tax.gb_vat' });
    case 'ch_vat': return msg('Swiss VAT number', { id: 'tax.ch_vat' });
    case 'no_vat': return msg('Norwegian VAT number', { id: 'tax.no_vat' });
    case 'us_ein': return msg('US EIN', { id: 'tax.us_ein' });
    case 'ca_bn': return msg('Canadian business number', { id: 'tax.ca_bn' });
    case 'au_abn': return msg('Australian business number (ABN)', { id: 'tax.au_abn' });
    case 'nz_gst': return msg('New Zealand GST number', { id: 'tax.nz_gst' });
    case 'jp_cn': return msg('Japanese corporate number', { id: 'tax.jp_cn' });
    case 'in_gst': return msg('Indian GSTIN', { id: 'tax.in_gst' });
    case 'sg_uen': return msg('Singapore UEN', { id: 'tax.sg_uen' });
    case 'kr_brn': return msg('Korean business registration number', { id: 'tax.kr_brn' });
    case 'ae_trn': return msg('UAE tax registration number', { id: 'tax.ae_trn' });
    case 'za_vat': return msg('South African VAT number', { id: 'tax.za_vat' });
  }
}

function regionLabel(label: RegionLabel): string {
  switch (label) {
    case 'state': return msg('State', { id: 'details.region_state' });
    case 'province': return msg('Province', { id: 'details.region_province' });
    case 'prefecture': return msg('Prefecture', { id: 'details.region_prefecture' });
    case 'county': return msg('County', { id: 'details.region_county' });
    case 'region': return msg('Region', { id: 'details.region_region' });
  }
}

const optional = (label: string) => msg(str`${label} (optional)`, { id: 'details.optional' });

/** A country's name in a language, by the cached `Intl.DisplayNames` (its code where there is none). */
function countryName(code: string, locale: string): string {
  try {
    return cachedFormatter('region-names', locale, {}, () => new Intl.DisplayNames([locale], { type: 'region' })).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The country select's options, sorted by name in a language: made once per language, not on every keystroke. */
const sortedCountries = new Map<string, ReadonlyArray<readonly [string, string]>>();
function countriesIn(locale: string): ReadonlyArray<readonly [string, string]> {
  let list = sortedCountries.get(locale);
  if (!list) {
    const collator = cachedFormatter('collator', locale, {}, () => new Intl.Collator(locale));
    list = COUNTRIES.map((code) => [code, countryName(code, locale)] as const).sort((a, b) => collator.compare(a[1], b[1]));
    sortedCountries.set(locale, list);
  }
  return list;
}

export class DetailsView {
  readonly #state: BillingDetailsState;
  #stop: (() => void) | undefined;
  #draft: Draft | undefined;
  #saving = false;
  #message: { tone: 'success' | 'danger'; text: string } | undefined;
  #tax: TaxDraft = { type: undefined, value: '', busy: false };

  constructor(private readonly host: DetailsHost) {
    this.#state = billingDetailsOf(host.client);
  }

  /** Whether the form is open (what is typed is not saved yet). */
  get editing(): boolean {
    return !!this.#draft;
  }

  /** Follows the store while the element is on the page (the store loads when first followed). */
  connect(): void {
    if (this.#stop) return;
    this.#stop = this.#state.$billingDetails.subscribe((resource) => {
      reportFailure(this.host.element, resource.error, 'load-billing-details');
      this.host.element.requestUpdate();
    });
  }

  disconnect(): void {
    this.#stop?.();
    this.#stop = undefined;
  }

  #update(): void {
    this.host.element.requestUpdate();
  }

  #countryName(code: string): string {
    return countryName(code, this.host.locale());
  }

  /** The customer's likely country: their locale's region (en → US, de → DE), else none. */
  #guessCountry(): string {
    try {
      const region = new Intl.Locale(this.host.locale()).maximize().region ?? '';
      return COUNTRIES.includes(region) ? region : '';
    } catch {
      return '';
    }
  }

  /** The form's values, from what is on file. */
  #draftOf(details: BillingDetails): Draft {
    const a = details.address;
    return {
      values: {
        email: details.email ?? '',
        name: details.name ?? '',
        country: a?.country ?? this.#guessCountry(),
        line1: a?.line1 ?? '',
        line2: a?.line2 ?? '',
        city: a?.city ?? '',
        state: a?.state ?? '',
        postalCode: a?.postalCode ?? '',
      },
      errors: {},
    };
  }

  #startEditing(details: BillingDetails): void {
    this.#draft = this.#draftOf(details);
    this.#message = undefined;
    this.#update();
    focusFirst(this.host.element, '#d-email');
  }

  #stopEditing(): void {
    this.#draft = undefined;
    this.#update();
    focusFirst(this.host.element, '#d-edit');
  }

  /** The address typed, or undefined when none of its fields is (an address is then not sent). */
  #addressOf(values: Record<Field, string>): Address | undefined {
    const trimmed = (f: Field) => values[f].trim();
    if (!trimmed('line1') && !trimmed('line2') && !trimmed('city') && !trimmed('state') && !trimmed('postalCode')) return undefined;
    const format = addressFormat(values.country);
    return {
      line1: trimmed('line1'),
      ...(trimmed('line2') ? { line2: trimmed('line2') } : {}),
      city: trimmed('city'),
      ...(format.region && trimmed('state') ? { state: trimmed('state') } : {}),
      ...(format.postalCode !== 'none' && trimmed('postalCode') ? { postalCode: trimmed('postalCode').toUpperCase() } : {}),
      country: values.country,
    };
  }

  #check(draft: Draft): Partial<Record<Field, string>> {
    const errors: Partial<Record<Field, string>> = {};
    const { values } = draft;
    if (values.email.trim() && !EMAIL.test(values.email.trim())) errors.email = msg('Enter an email address like name@example.com.', { id: 'details.email_invalid' });
    // Asked for the address (tax goes by it): an empty one is checked, so each missing field says so.
    const address = this.#addressOf(values) ?? (this.host.element.addressRequired ? { line1: '', city: '', country: values.country } : undefined);
    if (address) {
      for (const [field, reason] of addressProblems(address)) {
        errors[field] =
          reason === 'format'
            ? msg(str`Enter a postal code of ${this.#countryName(values.country)}.`, { id: 'details.postal_invalid' })
            : field === 'country'
              ? msg('Choose a country or region.', { id: 'details.country_required' })
              : msg('This field is required.', { id: 'details.required' });
      }
    }
    return errors;
  }

  async #save(draft: Draft): Promise<void> {
    if (this.#saving) return;
    const errors = this.#check(draft);
    this.#draft = { ...draft, errors };
    const first = FIELDS.find((f) => errors[f]);
    if (first) {
      this.#update();
      focusFirst(this.host.element, `#d-${first}`);
      return;
    }
    const { values } = draft;
    const address = this.#addressOf(values);
    this.#saving = true;
    this.#message = undefined;
    this.#update();
    try {
      // A field emptied that was on file is sent empty, which clears it; one never set is left out.
      const onFile = this.#state.$billingDetails.get().data;
      await this.#state.save({
        ...(values.email.trim() || onFile?.email ? { email: values.email.trim() } : {}),
        ...(values.name.trim() || onFile?.name ? { name: values.name.trim() } : {}),
        ...(address ? { address } : {}),
      });
      this.#message = { tone: 'success', text: msg('Billing details saved.', { id: 'details.saved' }) };
      this.#saving = false;
      this.#stopEditing();
    } catch (error) {
      const e = error as BillingError;
      this.host.reportError(e, 'update-billing-details');
      this.#saving = false;
      // An address the backend cannot place for tax (a 400 names its field): the postal code is the likely slip.
      if (e.code === 'invalid_request' && e.message.startsWith('address:')) {
        const field = addressFormat(values.country).postalCode === 'none' ? 'line1' : 'postalCode';
        this.#draft = { ...draft, errors: { [field]: msg('We cannot place this address for tax. Check the postal code and the country.', { id: 'details.address_unplaced' }) } };
        this.#update();
        focusFirst(this.host.element, `#d-${field}`);
        return;
      }
      this.#message = { tone: 'danger', text: msg(str`Your billing details were not saved. ${errorMessage(e)}`, { id: 'details.failed' }) };
      this.#update();
    }
  }

  async #addTaxId(type: TaxIdType): Promise<void> {
    if (this.#tax.busy) return;
    const value = this.#tax.value;
    if (!isValidTaxId(type, value)) {
      this.#tax = { ...this.#tax, type, error: msg(str`This is not a valid ${taxIdLabel(type)}.`, { id: 'tax.invalid' }) };
      this.#update();
      focusFirst(this.host.element, '#tax-value');
      return;
    }
    this.#tax = { type, value, busy: true };
    this.#message = undefined;
    this.#update();
    try {
      await this.#state.addTaxId(type, value);
      this.#tax = { type, value: '', busy: false };
      this.#message = { tone: 'success', text: msg('Tax ID added.', { id: 'tax.added' }) };
    } catch (error) {
      const e = error as BillingError;
      this.host.reportError(e, 'add-tax-id');
      const text =
        e.code === 'conflict'
          ? msg('This tax ID is already on file.', { id: 'tax.duplicate' })
          : e.code === 'invalid_request'
            ? msg(str`This is not a valid ${taxIdLabel(type)}.`, { id: 'tax.invalid' })
            : undefined;
      this.#tax = { type, value, busy: false, ...(text ? { error: text } : {}) };
      if (!text) this.#message = { tone: 'danger', text: msg(str`The tax ID was not added. ${errorMessage(e)}`, { id: 'tax.add_failed' }) };
    }
    this.#update();
    focusFirst(this.host.element, '#tax-value');
  }

  async #removeTaxId(taxIds: TaxId[], index: number): Promise<void> {
    const target = taxIds[index];
    if (!target) return;
    this.#message = undefined;
    try {
      await this.#state.removeTaxId(target.id);
      this.#message = { tone: 'success', text: msg('Tax ID removed.', { id: 'tax.removed' }) };
      this.#update();
      // The one that took its place, the one before, or the form.
      focusFirst(this.host.element, `#tax-remove-${index}`, `#tax-remove-${index - 1}`, '#tax-value');
    } catch (error) {
      this.host.reportError(error as BillingError, 'remove-tax-id');
      this.#message = { tone: 'danger', text: msg(str`The tax ID was not removed. ${errorMessage(error as BillingError)}`, { id: 'tax.remove_failed' }) };
      this.#update();
    }
  }

  #renderAddress(a: Address): string {
    const region = a.state ? ` ${a.state}` : '';
    const postal = a.postalCode ?? '';
    // The US, Canada and Australia write "City, ST 12345"; most of the world "12345 City".
    // The UK writes the town, then the postcode on a line of its own.
    const cityLine = ['US', 'CA', 'AU'].includes(a.country)
      ? `${a.city},${region} ${postal}`.trim()
      : a.country === 'GB'
        ? [a.city, a.state, postal].filter(Boolean).join('\n')
        : `${postal} ${a.city}`.trim() + (a.state ? `\n${a.state}` : '');
    return [a.line1, a.line2, cityLine, this.#countryName(a.country)].filter(Boolean).join('\n');
  }

  #renderDetails(details: BillingDetails, may: boolean): TemplateResult {
    const notSet = html`<span class="muted">${msg('Not set', { id: 'details.not_set' })}</span>`;
    return html`<dl part="details">
        <dt>${msg('Billing email', { id: 'details.email' })}</dt>
        <dd>${details.email ?? notSet}</dd>
        <dt>${msg('Company name', { id: 'details.name' })}</dt>
        <dd>${details.name ?? notSet}</dd>
        <dt>${msg('Address', { id: 'details.address' })}</dt>
        <dd>${details.address ? html`<address dir="auto">${this.#renderAddress(details.address)}</address>` : notSet}</dd>
      </dl>
      ${may
        ? html`<div class="actions">
            <button type="button" id="d-edit" @click=${() => this.#startEditing(details)}>${msg('Edit billing details', { id: 'details.edit' })}</button>
          </div>`
        : notAllowedNote('edit_billing_details')}`;
  }

  #field(draft: Draft, field: Field, label: string, attributes: { type?: string; autocomplete: string; required?: boolean }): TemplateResult {
    const id = `d-${field}`;
    const error = draft.errors[field];
    return html`<div class="field">
      <label for=${id}>${attributes.required === false ? optional(label) : label}</label>
      <input
        id=${id}
        type=${attributes.type ?? 'text'}
        autocomplete=${attributes.autocomplete}
        .value=${draft.values[field]}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby="${id}-error"
        @input=${(e: Event) => this.#setValue(field, (e.target as HTMLInputElement).value)}
      />
      <p class="field-error" id="${id}-error">${error ?? ''}</p>
    </div>`;
  }

  #setValue(field: Field, value: string): void {
    const draft = this.#draft;
    if (!draft) return;
    const errors = { ...draft.errors };
    delete errors[field];
    this.#draft = { values: { ...draft.values, [field]: value }, errors };
    this.#update();
  }

  #renderForm(draft: Draft): TemplateResult {
    const format = addressFormat(draft.values.country);
    const countries = countriesIn(this.host.locale());
    const countryError = draft.errors.country;
    return html`<form part="form" novalidate aria-busy=${this.#saving ? 'true' : 'false'} @submit=${(e: Event) => {
        e.preventDefault();
        void this.#save(draft);
      }}>
      ${this.#field(draft, 'email', msg('Billing email', { id: 'details.email' }), { type: 'email', autocomplete: 'email', required: false })}
      ${this.#field(draft, 'name', msg('Company name', { id: 'details.name' }), { autocomplete: 'organization', required: false })}
      <div class="field">
        <label for="d-country">${msg('Country or region', { id: 'details.country' })}</label>
        <select id="d-country" autocomplete="country" aria-invalid=${countryError ? 'true' : 'false'} aria-describedby="d-country-error" @change=${(e: Event) => this.#setValue('country', (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!draft.values.country}>${msg('Choose…', { id: 'details.choose' })}</option>
          ${countries.map(([code, name]) => html`<option value=${code} ?selected=${code === draft.values.country}>${name}</option>`)}
        </select>
        <p class="field-error" id="d-country-error">${countryError ?? ''}</p>
      </div>
      ${this.#field(draft, 'line1', msg('Street address', { id: 'details.line1' }), { autocomplete: 'address-line1' })}
      ${this.#field(draft, 'line2', msg('Apartment, suite or floor', { id: 'details.line2' }), { autocomplete: 'address-line2', required: false })}
      ${this.#field(draft, 'city', msg('City', { id: 'details.city' }), { autocomplete: 'address-level2' })}
      ${format.region ? this.#field(draft, 'state', regionLabel(format.region.label), { autocomplete: 'address-level1', required: format.region.required }) : nothing}
      ${format.postalCode === 'none'
        ? nothing
        : this.#field(draft, 'postalCode', msg('Postal code', { id: 'details.postal' }), { autocomplete: 'postal-code', required: format.postalCode !== 'optional' })}
      <div class="actions">
        <button type="submit" class="primary" aria-disabled=${this.#saving ? 'true' : 'false'}>${msg('Save', { id: 'alerts.save' })}</button>
        ${this.host.element.addressRequired && !this.#state.$billingDetails.get().data?.address
          ? nothing
          : html`<button type="button" @click=${() => this.#stopEditing()}>${msg('Cancel', { id: 'common.cancel' })}</button>`}
      </div>
    </form>`;
  }

  #renderTaxIds(details: BillingDetails, may: boolean): TemplateResult {
    const country = this.#draft?.values.country ?? details.address?.country ?? this.#guessCountry();
    const own = taxIdTypesFor(country);
    const types = [...own, ...(Object.keys(TAX_ID_TYPES) as TaxIdType[]).filter((t) => !own.includes(t))];
    const type = this.#tax.type ?? types[0] ?? 'eu_vat';
    return html`<h3 id="tax-title">${msg('Tax IDs', { id: 'tax.title' })}</h3>
      ${details.taxIds.length
        ? html`<ul part="tax-ids" aria-labelledby="tax-title">
            ${details.taxIds.map((t, i) => {
              const badge =
                t.verification === 'verified'
                  ? html`<span class="badge" data-tone="success">${msg('Verified', { id: 'tax.verified' })}</span>`
                  : t.verification === 'pending'
                    ? html`<span class="badge" data-tone="warning">${msg('Verification pending', { id: 'tax.pending' })}</span>`
                    : t.verification === 'unverified'
                      ? html`<span class="badge" data-tone="warning">${msg('Not verified', { id: 'tax.unverified' })}</span>`
                      : nothing;
              return html`<li part="tax-id">
                <span>${taxIdLabel(t.type)}</span>
                <span class="tax-value">${t.value}</span>
                ${badge}
                ${may
                  ? html`<button type="button" id="tax-remove-${i}" @click=${() => void this.#removeTaxId(details.taxIds, i)}>
                      ${msg('Remove', { id: 'checkout.coupon_remove' })}<span class="visually-hidden">: ${t.value}</span>
                    </button>`
                  : nothing}
              </li>`;
            })}
          </ul>`
        : html`<p class="muted">${msg('No tax IDs on file.', { id: 'tax.none' })}</p>`}
      ${may ? this.#renderTaxForm(type, types) : nothing}`;
  }

  #renderTaxForm(type: TaxIdType, types: TaxIdType[]): TemplateResult {
    const tax = this.#tax;
    return html`<form class="tax-form" novalidate aria-busy=${tax.busy ? 'true' : 'false'} aria-labelledby="tax-add-title" @submit=${(e: Event) => {
        e.preventDefault();
        void this.#addTaxId(type);
      }}>
        <h4 id="tax-add-title" class="visually-hidden">${msg('Add tax ID', { id: 'tax.add' })}</h4>
        <div class="field-row">
          <div class="field">
            <label for="tax-type">${msg('Type', { id: 'tax.type' })}</label>
            <select id="tax-type" @change=${(e: Event) => {
              this.#tax = { ...this.#tax, type: (e.target as HTMLSelectElement).value as TaxIdType, error: undefined } as TaxDraft;
              this.#update();
            }}>
              ${types.map((t) => html`<option value=${t} ?selected=${t === type}>${taxIdLabel(t)}</option>`)}
            </select>
            <p class="field-error"></p>
          </div>
          <div class="field">
            <label for="tax-value">${msg('Tax ID', { id: 'tax.value' })}</label>
            <input
              id="tax-value"
              autocomplete="off"
              spellcheck="false"
              .value=${tax.value}
              aria-invalid=${tax.error ? 'true' : 'false'}
              aria-describedby="tax-hint tax-error"
              @input=${(e: Event) => {
                this.#tax = { type: this.#tax.type, value: (e.target as HTMLInputElement).value, busy: this.#tax.busy };
                this.#update();
              }}
            />
            <p class="field-error" id="tax-error">${tax.error ?? ''}</p>
          </div>
        </div>
        <p class="hint muted" id="tax-hint">${msg(str`For example ${TAX_ID_TYPES[type].example}`, { id: 'tax.example' })}</p>
        <div class="actions">
          <button type="submit" aria-disabled=${tax.busy ? 'true' : 'false'}>${msg('Add tax ID', { id: 'tax.add' })}</button>
        </div>
      </form>`;
  }

  render(): TemplateResult {
    if (!this.#state.supported) {
      return html`<p class="muted">${msg('This billing service does not keep billing details.', { id: 'details.unsupported' })}</p>`;
    }
    const resource = this.#state.$billingDetails.get();
    const message = this.#message;
    // Both live regions are always there, so a message is read when its text arrives.
    const regions = html`<p part="status" class=${message?.tone === 'success' ? 'banner' : 'visually-hidden'} data-tone="success" role="status">${message?.tone === 'success' ? message.text : ''}</p>
      <p part="error" class=${message?.tone === 'danger' ? 'banner' : 'visually-hidden'} data-tone="danger" role="alert">${message?.tone === 'danger' ? message.text : ''}</p>`;
    if (resource.status === 'error' && !resource.data) {
      return html`<div class="banner" data-tone="danger" role="alert">
        <p>${msg('We could not load your billing details.', { id: 'details.error' })} ${errorMessage(resource.error)}</p>
        <button type="button" @click=${() => void this.#state.refresh()}>${msg('Retry', { id: 'common.retry' })}</button>
      </div>`;
    }
    const details = resource.data;
    if (!details) {
      return html`<div class="skeleton skeleton-details" role="status"><span class="visually-hidden">${msg('Loading billing details…', { id: 'details.loading' })}</span></div>`;
    }
    const may = mayDo(this.host.element, this.host.client, 'edit_billing_details');
    const asked = this.host.element.addressRequired;
    // Asked for the address and none on file: the form is open from the start (focus stays where it is).
    if (may && !this.#draft && asked && !details.address) this.#draft = this.#draftOf(details);
    // Why the address is asked for, while it is (not once it is on file and shown).
    const why = asked && (!details.address || this.#draft) ? html`<p class="muted">${msg('Tax depends on where you are billed: enter your address to see what you pay.', { id: 'details.intro_tax' })}</p>` : nothing;
    return html`${why} ${this.#draft && may ? this.#renderForm(this.#draft) : this.#renderDetails(details, may)} ${regions} ${this.#renderTaxIds(details, may)}`;
  }
}
