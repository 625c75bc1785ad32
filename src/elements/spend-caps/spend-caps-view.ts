/**
 * The spend caps' view, loaded with the first <tectra-spend-caps> on the page: for each
 * limited meter, no cap, stop at the limit, or overage up to an amount, with what that means
 * said before saving. What is typed stays when saving fails; focus stays on Save after it
 * saved, and goes to the amount when the amount is wrong.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { parseMoneyInput } from '../../core/credits.js';
import { formatDate } from '../../core/dates.js';
import type { BillingError } from '../../core/errors.js';
import { formatMoney } from '../../core/money.js';
import { capReached, MAX_OVERAGE_AMOUNT, spendCapProblem } from '../../core/spend-caps.js';
import type { Meter, MeterKey, SpendCap } from '../../core/types.js';
import { meterLabel } from '../../format/labels.js';
import { capPreview, capStanding } from '../../format/spend-caps.js';
import { formatUsageAmount } from '../../format/usage.js';
import { mayDo, notAllowedNote } from '../base/role-gate.js';
import { offersSpendCaps, saveSpendCap } from '../../state/spend-caps.js';
import { errorMessage, reportFailure } from '../base/error-message.js';
import { focusFirst } from '../base/focus.js';
import type { ViewElement, ViewHost } from '../base/view-element.js';
import { asMoneyInput } from '../../format/money-input.js';

export interface SpendCapsHost extends ViewHost<ViewElement & { readonly meter: string | undefined }> {
  /** A cap was saved: the element tells the page. */
  changed(meter: MeterKey, cap: SpendCap | null): void;
}

type Mode = 'none' | 'stop' | 'overage';

/** One meter's choice as the owner is making it. */
interface Draft {
  mode: Mode;
  amount: string;
  /** The language the amount is written in: another one starts the draft again. */
  locale: string;
  /** The saved cap the draft started from (JSON): an untouched draft follows a newer one. */
  base: string;
  edited?: boolean;
  error?: string;
}

type Message = { tone: 'success' | 'danger'; text: string };

const modeOf = (cap: SpendCap | undefined): Mode => cap?.atLimit ?? 'none';

export class SpendCapsView {
  #stops: Array<() => void> = [];
  /** Drafts by meter, made when a meter is first shown and kept while it is edited. */
  #drafts = new Map<MeterKey, Draft>();
  /** The last save's outcome by meter, said under its Save. */
  #messages = new Map<MeterKey, Message>();
  #saving = new Set<MeterKey>();

  constructor(private readonly host: SpendCapsHost) {}

  connect(): void {
    if (this.#stops.length) return;
    const update = () => this.host.element.requestUpdate();
    this.#stops = [
      this.host.client.$usage.subscribe((resource) => {
        reportFailure(this.host.element, resource.error, 'load-usage');
        update();
      }),
      this.host.client.$subscription.subscribe(update),
    ];
  }

  disconnect(): void {
    for (const stop of this.#stops) stop();
    this.#stops = [];
  }

  /** The cap as the form starts from, in the page's language. */
  #startFrom(cap: SpendCap | null | undefined, base: string): Draft {
    const locale = this.host.locale();
    return { mode: modeOf(cap ?? undefined), amount: cap?.atLimit === 'overage' ? asMoneyInput(cap.maxOverage, locale) : '', locale, base };
  }

  /**
   * The meter's draft: the saved cap until the owner edits it. An untouched draft follows a
   * cap saved elsewhere (another tab, another admin); an edited one stays as typed.
   */
  #draftFor(meter: Meter): Draft {
    const base = JSON.stringify(meter.spendCap ?? null);
    let draft = this.#drafts.get(meter.key);
    if (!draft || draft.locale !== this.host.locale() || (!draft.edited && draft.base !== base)) {
      draft = this.#startFrom(meter.spendCap, base);
      this.#drafts.set(meter.key, draft);
    }
    return draft;
  }

  /** Changes the draft as it is now (handlers of an older render may run before the next one). */
  #set(key: MeterKey, change: Partial<Draft>): void {
    const draft = this.#drafts.get(key);
    if (!draft) return;
    this.#drafts.set(key, { ...draft, error: undefined, edited: true, ...change });
    this.#messages.delete(key);
    this.host.element.requestUpdate();
  }

  /** The cap the draft asks for, or the reason it cannot be saved. */
  #capOf(meter: Meter, draft: Draft): { cap: SpendCap | null } | { error: string } {
    if (draft.mode === 'none') return { cap: null };
    if (draft.mode === 'stop') return { cap: { atLimit: 'stop' } };
    const price = meter.overagePrice;
    // The backend stopped selling overage since the form was filled: say so, do not save something else.
    if (!price) return { error: msg('Overage is no longer offered for this meter. Choose No cap or Stop at the limit.', { id: 'caps.overage_gone' }) };
    const maxOverage = parseMoneyInput(draft.amount, price.amount.currency, this.host.locale());
    if (!maxOverage) return { error: msg('Enter an amount, like 25.', { id: 'credits.amount_invalid' }) };
    const cap: SpendCap = { atLimit: 'overage', maxOverage };
    const locale = this.host.locale();
    switch (spendCapProblem(cap, meter)) {
      case undefined:
        return { cap };
      case 'too_large': {
        const most = formatMoney({ amount: MAX_OVERAGE_AMOUNT, currency: maxOverage.currency }, locale);
        return { error: msg(str`Allow at most ${most}.`, { id: 'caps.amount_max' }) };
      }
      default: {
        const least = formatMoney(price.amount, locale);
        const per = formatUsageAmount(price.per, meter, locale);
        return { error: msg(str`Allow at least ${least}, the price of ${per}.`, { id: 'caps.amount_min' }) };
      }
    }
  }

  async #save(meter: Meter): Promise<void> {
    const { key } = meter;
    const draft = this.#drafts.get(key);
    if (!draft || this.#saving.has(key)) return;
    const wanted = this.#capOf(meter, draft);
    if ('error' in wanted && draft.mode === 'overage' && !meter.overagePrice) {
      // No amount field to show it on: said under Save, where focus stays.
      this.#messages.set(key, { tone: 'danger', text: wanted.error });
      this.host.element.requestUpdate();
      return;
    }
    if ('error' in wanted) {
      this.#set(key, { error: wanted.error });
      focusFirst(this.host.element, `#${CSS.escape(`cap-${key}`)}-amount`);
      return;
    }
    this.#saving.add(key);
    this.#messages.delete(key);
    this.host.element.requestUpdate();
    const label = meterLabel(key, meter.label);
    try {
      await saveSpendCap(this.host.client, key, wanted.cap);
      // The form shows the cap just saved (also when reading usage again failed); a choice made
      // while it was saving stays.
      if (this.#drafts.get(key) === draft) {
        const stored = this.host.client.$usage.get().data?.meters.find((m) => m.key === key)?.spendCap;
        this.#drafts.set(key, this.#startFrom(wanted.cap, JSON.stringify(stored ?? null)));
      }
      this.#messages.set(key, { tone: 'success', text: msg(str`Spend cap saved for ${label}.`, { id: 'caps.saved' }) });
      this.host.changed(key, wanted.cap);
    } catch (error) {
      this.host.reportError(error as BillingError, 'set-spend-cap');
      // A refusal is about what was chosen, not the connection: trying again will not help.
      const why = (error as BillingError).code === 'invalid_request' ? msg('Check the amount: the billing service refused it.', { id: 'caps.refused' }) : errorMessage(error as BillingError);
      this.#messages.set(key, { tone: 'danger', text: msg(str`The spend cap was not saved. ${why}`, { id: 'caps.save_failed' }) });
    } finally {
      this.#saving.delete(key);
      this.host.element.requestUpdate();
    }
  }

  #amountLabel(currency: string): string {
    return msg(str`Most overage a period (${currency})`, { id: 'caps.amount_label' });
  }

  #renderMeter(meter: Meter, resetsOn: string, may: boolean): TemplateResult {
    const locale = this.host.locale();
    const id = `cap-${meter.key}`;
    const label = meterLabel(meter.key, meter.label);
    const limit = formatUsageAmount(meter.limit ?? 0, meter, locale);
    const standing = capStanding(meter, resetsOn, locale);
    // A heading per meter, so a long card can be moved through by headings.
    const name = msg(str`${label}: ${limit} in your plan`, { id: 'caps.legend' });
    const heading = html`<legend><h3 class="meter-name">${name}</h3></legend>`;
    if (!may) {
      return html`<div part="meter" class="meter">
        <h3 class="meter-name">${name}</h3>
        <p part="preview" class="note">${capPreview(meter, meter.spendCap, resetsOn, locale)}</p>
        ${standing ? html`<p part="standing" class="standing">${standing}</p>` : nothing}
      </div>`;
    }
    const draft = this.#draftFor(meter);
    const chosen = this.#capOf(meter, draft);
    const preview = 'cap' in chosen ? capPreview(meter, chosen.cap ?? undefined, resetsOn, locale) : '';
    // Stopped by the saved cap: the preview of that cap says so already.
    const saved = 'cap' in chosen && JSON.stringify(chosen.cap) === JSON.stringify(meter.spendCap ?? null);
    const shown = saved && capReached(meter) ? '' : standing;
    const option = (mode: Mode, text: string) => html`<label class="choice">
      <input type="radio" name="${id}-mode" .value=${mode} .checked=${draft.mode === mode} @change=${() => this.#set(meter.key, { mode })} />
      ${text}
    </label>`;
    const price = meter.overagePrice;
    const saving = this.#saving.has(meter.key);
    const message = this.#messages.get(meter.key);
    return html`<form part="meter" class="meter" novalidate aria-busy=${saving ? 'true' : 'false'}
        @submit=${(e: Event) => (e.preventDefault(), void this.#save(meter))}>
      <fieldset>
        ${heading}
        ${option('none', msg('No cap', { id: 'caps.none' }))}
        ${option('stop', msg('Stop at the limit', { id: 'caps.stop' }))}
        ${price ? option('overage', msg('Allow overage up to an amount', { id: 'caps.overage_option' })) : nothing}
      </fieldset>
      ${price && draft.mode === 'overage'
        ? html`<div class="field">
            <label for="${id}-amount">${this.#amountLabel(price.amount.currency)}</label>
            <input id="${id}-amount" inputmode="decimal" autocomplete="off" .value=${draft.amount} aria-invalid=${draft.error ? 'true' : 'false'}
              aria-describedby="${id}-error" @input=${(e: Event) => this.#set(meter.key, { amount: (e.target as HTMLInputElement).value })} />
            <p class="field-error" id="${id}-error">${draft.error ?? ''}</p>
          </div>`
        : nothing}
      <p part="preview" class="note" id="${id}-preview">${preview}</p>
      ${shown ? html`<p part="standing" class="standing">${shown}</p>` : nothing}
      <div class="actions">
        <button type="submit" id="${id}-save" class="primary" aria-describedby="${id}-preview" aria-disabled=${saving ? 'true' : 'false'}>
          ${msg('Save', { id: 'alerts.save' })}<span class="visually-hidden">: ${label}</span>
        </button>
      </div>
      <p part="status" class=${message?.tone === 'success' ? 'done' : 'visually-hidden'} role="status">${message?.tone === 'success' ? message.text : ''}</p>
      <p part="error" class=${message?.tone === 'danger' ? 'banner' : 'visually-hidden'} data-tone="danger" role="alert">${message?.tone === 'danger' ? message.text : ''}</p>
    </form>`;
  }

  render(): TemplateResult {
    const client = this.host.client;
    if (!offersSpendCaps(client)) return html`<p class="muted">${msg('This billing service offers no spend caps.', { id: 'caps.unsupported' })}</p>`;
    const usage = client.$usage.get();
    if (usage.status === 'error' && !usage.data) {
      return html`<div class="banner" data-tone="danger" role="alert">
        <p>${msg('We could not load your usage.', { id: 'usage.error' })} ${errorMessage(usage.error)}</p>
        <button type="button" @click=${() => void client.refresh('usage')}>${msg('Retry', { id: 'common.retry' })}</button>
      </div>`;
    }
    if (!usage.data) {
      return html`<div class="skeleton skeleton-caps" role="status"><span class="visually-hidden">${msg('Loading usage…', { id: 'usage.loading' })}</span></div>`;
    }
    const only = this.host.element.meter;
    const meters = usage.data.meters.filter((m) => m.limit !== null && (!only || m.key === only));
    if (!meters.length) return html`<p class="muted">${msg('Your plan has no limits to cap.', { id: 'caps.empty' })}</p>`;
    const tz = client.$subscription.get().data?.timeZone ?? 'UTC';
    const resetsOn = formatDate(usage.data.period.end, this.host.locale(), tz, 'long');
    const may = mayDo(this.host.element, client, 'set_spend_caps');
    return html`<p class="note">${msg('Choose what happens when a meter reaches its limit.', { id: 'caps.intro' })}</p>
      ${may ? nothing : notAllowedNote('set_spend_caps')}
      ${meters.map((m) => this.#renderMeter(m, resetsOn, may))}`;
  }
}
