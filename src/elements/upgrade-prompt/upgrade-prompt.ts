import { msg, str } from '@lit/localize';
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { formatMoney, formatNumber, multiplyMoney } from '../../core/money.js';
import { hasPlan, priceFor } from '../../core/plans.js';
import type { Meter, PlanSelection, Tier } from '../../core/types.js';
import { safeUrl } from '../../core/urls.js';
import { suggestUpgrade, type UpgradeReason, type UpgradeSuggestion } from '../../core/upgrade.js';
import { usedFraction } from '../../core/usage.js';
import { TectraTierChangedEvent } from '../../events.js';
import { countOf } from '../../format/counts.js';
import { meterLabel, perInterval } from '../../format/labels.js';
import { chargeRows, dueRows, quoteList, recurringPrice } from '../../format/quote.js';
import { formatQuantity } from '../../format/quantities.js';
import { errorMessage, reportFailure } from '../base/error-message.js';
import { focusFirst } from '../base/focus.js';
import { TectraElement } from '../base/tectra-element.js';

const styles = css`
  :host(:not([data-shown])) {
    display: none;
  }
  .prompt {
    display: grid;
    gap: 0.5rem;
    padding: var(--_space);
    border-radius: var(--_radius);
    border: 1px solid var(--tectra-upgrade-border, var(--_accent));
    background: var(--tectra-upgrade-background, var(--_surface));
  }
  p {
    margin: 0;
  }
  .headline {
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  dl {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.25rem 1rem;
    margin: 0;
  }
  dd {
    margin: 0;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .total {
    font-weight: 600;
  }
`;

/**
 * An upgrade where the need is: shown when a meter nears or passes its limit
 * (`meter="output_tokens"`; without it, the meter nearest its limit), or when a feature is not in the plan (`feature="Premium models"`,
 * a feature's name as the catalog lists it), naming the smallest tier that fits with its
 * price; the upgrade is quoted and confirmed right there (`tectra-tier-changed`). Without a
 * plan it chooses that tier for the checkout; where only a contract tier fits, it links to
 * sales. Hidden while nothing needs an upgrade.
 *
 * @tagname tectra-upgrade-prompt
 * @summary Suggests the smallest tier that fits a meter or a feature, with the upgrade in place.
 *
 * @fires {TectraTierChangedEvent} tectra-tier-changed - The upgrade was confirmed (`detail.subscription`).
 * @fires {TectraTierSelectEvent} tectra-tier-select - Without a plan: the tier was chosen for the checkout (`detail.selection`).
 * @fires {TectraErrorEvent} tectra-error - Quoting or upgrading failed (`detail.error`, `detail.operation`).
 *
 * @csspart base - The prompt.
 * @csspart upgrade-button - Upgrade to (or Choose) the suggested tier.
 * @csspart quote - The quote of the upgrade.
 * @csspart confirm-button - Confirm upgrade.
 * @csspart status - What happened (a polite live region).
 *
 * @cssprop --tectra-upgrade-border - The prompt's border color (default: the accent).
 * @cssprop --tectra-upgrade-background - The prompt's background (default: the surface).
 */
export class TectraUpgradePrompt extends TectraElement {
  static override styles = [...TectraElement.styles, styles];
  static override properties = {
    meter: { reflect: true },
    feature: { reflect: true },
    started: { state: true },
    done: { state: true },
  };

  /** The meter to watch, e.g. `output_tokens`; without it (and without `feature`), the meter nearest its limit. */
  meter: string | undefined;
  /** A feature the page needs, by its name in the catalog, e.g. `Premium models`. */
  feature: string | undefined;

  /** The upgrade was started here (its quote is this prompt's to show). */
  private started = false;
  /** The outcome, kept after the prompt's reason is gone (the new plan fits). */
  private done = '';

  readonly #catalog = this.select((c) => c.$catalog);
  readonly #subscription = this.select((c) => c.$subscription);
  readonly #usage = this.select((c) => c.$usage);
  readonly #change = this.select((c) => c.$change);

  #reason(): UpgradeReason | undefined {
    if (this.feature) return { feature: this.feature };
    const meter = this.#meterData();
    return meter ? { meter: meter.key } : undefined;
  }

  /** The meter named, or without one, the meter nearest its limit (by the share used). */
  #meterData(): Meter | undefined {
    if (this.feature) return undefined;
    const meters = this.#usage.value?.data?.meters ?? [];
    if (this.meter) return meters.find((m) => m.key === this.meter);
    return meters.reduce<Meter | undefined>((top, m) => ((usedFraction(m) ?? -1) > (top ? (usedFraction(top) ?? -1) : -1) ? m : top), undefined);
  }

  #suggestion(): UpgradeSuggestion | undefined {
    const catalog = this.#catalog.value?.data;
    const reason = this.#reason();
    if (!catalog || !reason || !this.#subscription.value?.data) return undefined;
    return suggestUpgrade(catalog, this.#subscription.value.data, reason, this.#meterData());
  }

  #current: UpgradeSuggestion | undefined;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.#current = this.#suggestion();
    // Shown while there is something to say: a need, or the outcome of the upgrade made here.
    this.toggleAttribute('data-shown', !!this.#current || !!this.done);
  }

  /** A quote was asked for here: focus goes to its Confirm (or Retry) once it has come. */
  #awaitingQuote = false;

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const change = this.#change.value;
    if (!this.started) return;
    reportFailure(this, change?.error, change?.status === 'quote_failed' ? 'preview-change' : 'change-tier');
    if (this.#awaitingQuote && (change?.status === 'quoted' || change?.status === 'quote_failed')) {
      this.#awaitingQuote = false;
      focusFirst(this, '#up-confirm', '#up-retry');
    }
  }

  #quote(selection: PlanSelection): void {
    this.#awaitingQuote = true;
    void this.client?.requestChange(selection);
  }

  #start(tier: Tier, selection: PlanSelection): void {
    this.done = '';
    if (!hasPlan(this.#subscription.value?.data)) {
      // No plan yet: the tier becomes the checkout's selection, as a tier picker would make it.
      this.client?.selectTier(selection, { proceed: true });
      const name = tier.name;
      this.done = msg(str`${name} chosen. Complete the checkout to start it.`, { id: 'upgrade.chosen' });
      return;
    }
    this.started = true;
    this.#quote(selection);
  }

  async #confirm(tier: Tier): Promise<void> {
    const subscription = await this.client?.confirmChange();
    const change = this.#change.value;
    if (subscription && change?.status === 'changed') {
      this.started = false;
      const name = tier.name;
      this.done = msg(str`You are on ${name} now.`, { id: 'upgrade.done' });
      this.client?.cancelChange();
      this.dispatchEvent(new TectraTierChangedEvent({ subscription }));
      focusFirst(this, '#up-done');
    } else focusFirst(this, '#up-confirm', '#up-retry');
  }

  #cancel(): void {
    this.started = false;
    this.client?.cancelChange();
    focusFirst(this, '#up-start');
  }

  #headline(suggestion: UpgradeSuggestion): string {
    const meter = this.#meterData();
    const what = meter ? meterLabel(meter.key, meter.label) : '';
    switch (suggestion.need) {
      case 'over_limit':
        return msg(str`You have used all your ${what} for this period.`, { id: 'upgrade.over' });
      case 'near_limit': {
        const percent = formatNumber(Math.min(usedFraction(meter as Meter) ?? 0, 1), this.intlLocale, { style: 'percent' });
        return msg(str`You have used ${percent} of your ${what} for this period.`, { id: 'upgrade.near' });
      }
      case 'feature_missing': {
        const feature = this.feature ?? '';
        return msg(str`${feature} is not in your plan.`, { id: 'upgrade.feature' });
      }
    }
  }

  #offer(tier: Tier, selection: PlanSelection): string {
    return `${this.#offerText(tier, selection)}${this.#seatsText(tier, selection)}`;
  }

  #offerText(tier: Tier, selection: PlanSelection): string {
    const price = priceFor(tier, selection.interval);
    const amount = price ? formatMoney(price.amount, this.intlLocale, { trimZeroFraction: true }) : '';
    const per = perInterval(selection.interval);
    const cost = price?.perSeat ? msg(str`${amount} per seat ${per}`, { id: 'picker.price_per_user' }) : msg(str`${amount} ${per}`, { id: 'picker.price' });
    const name = tier.name;
    const meter = this.#meterData();
    if (!meter) return msg(str`${name} includes it, for ${cost}.`, { id: 'upgrade.offer_feature' });
    const what = meterLabel(meter.key, meter.label);
    const limit = tier.limits[meter.key];
    if (limit === null || limit === undefined) return msg(str`${name} has no limit on ${what}, for ${cost}.`, { id: 'upgrade.offer_unlimited' });
    const allowance = formatQuantity(limit, meter.unit, this.intlLocale);
    return msg(str`${name} includes ${allowance} ${what}, for ${cost}.`, { id: 'upgrade.offer_meter' });
  }

  /** A price per seat, with the seats it counts and their total ("$117 per month for 3 seats."). */
  #seatsText(tier: Tier, selection: PlanSelection): string {
    const price = priceFor(tier, selection.interval);
    if (!price?.perSeat || !selection.seats) return '';
    const total = formatMoney(multiplyMoney(price.amount, selection.seats), this.intlLocale, { trimZeroFraction: true });
    const per = perInterval(selection.interval);
    const seats = countOf('seats', selection.seats, this.intlLocale);
    return ` ${msg(str`${total} ${per} for ${seats}.`, { id: 'upgrade.offer_total' })}`;
  }

  #renderQuote(tier: Tier): TemplateResult | typeof nothing {
    const change = this.#change.value;
    if (!this.started || !change) return nothing;
    const locale = this.intlLocale;
    const timeZone = this.#subscription.value?.data?.timeZone ?? 'UTC';
    if (change.status === 'quoting') {
      return html`<p class="muted" role="status">${msg('Getting the price…', { id: 'upgrade.quoting' })}</p>`;
    }
    if (change.status === 'quote_failed') {
      return html`<p class="field-error" role="alert">${msg('We could not get the price.', { id: 'upgrade.quote_failed' })} ${errorMessage(change.error)}</p>
        <div class="actions">
          <button id="up-retry" @click=${() => change.selection && this.#quote(change.selection)}>${msg('Retry', { id: 'common.retry' })}</button>
          <button id="up-cancel" @click=${() => this.#cancel()}>${msg('Cancel', { id: 'common.cancel' })}</button>
        </div>`;
    }
    const quote = change.quote;
    if (!quote) return nothing;
    const busy = change.status === 'changing';
    const name = tier.name;
    return html`<div id="up-quote">${quoteList(
        [[msg('New price', { id: 'picker.quote_new_price' }), recurringPrice(quote, locale)], ...chargeRows(quote, locale, false), ...dueRows(quote, locale, timeZone)],
        'quote',
      )}</div>
      ${change.status === 'change_failed'
        ? html`<p class="field-error" role="alert">${msg(str`Your plan was not changed. ${errorMessage(change.error)}`, { id: 'upgrade.failed' })}</p>`
        : nothing}
      <div class="actions">
        <button part="confirm-button" id="up-confirm" class="primary" aria-describedby="up-quote" aria-disabled=${busy ? 'true' : 'false'} @click=${() => !busy && void this.#confirm(tier)}>
          ${busy ? msg('Upgrading…', { id: 'upgrade.busy' }) : msg(str`Confirm upgrade to ${name}`, { id: 'upgrade.confirm' })}
        </button>
        <button id="up-cancel" @click=${() => this.#cancel()}>${msg('Cancel', { id: 'common.cancel' })}</button>
      </div>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const suggestion = this.#current;
    // The outcome stays in one place of one template, so it keeps focus when the prompt goes.
    const status = html`<p part="status" id="up-done" tabindex="-1" class=${this.done ? 'banner' : 'visually-hidden'} data-tone="success" role="status">${this.done}</p>`;
    return html`${suggestion ? this.#renderPrompt(suggestion) : nothing}${status}`;
  }

  #renderPrompt(suggestion: UpgradeSuggestion): TemplateResult {
    const { tier, selection, contactSales } = suggestion;
    const name = tier?.name ?? '';
    let action: TemplateResult | typeof nothing = nothing;
    if (tier && selection) {
      action = html`<p>${this.#offer(tier, selection)}</p>
        ${this.started
          ? this.#renderQuote(tier)
          : html`<div class="actions">
              <button part="upgrade-button" id="up-start" class="primary" @click=${() => this.#start(tier, selection)}>
                ${hasPlan(this.#subscription.value?.data) ? msg(str`Upgrade to ${name}`, { id: 'upgrade.start' }) : msg(str`Choose ${name}`, { id: 'picker.action_choose' })}
              </button>
            </div>`}`;
    } else if (contactSales) {
      const href = safeUrl(contactSales.contactSalesUrl);
      const sales = contactSales.name;
      const text = msg(str`${sales} fits: talk to sales.`, { id: 'upgrade.contact' });
      action = href ? html`<p><a href=${href} target="_blank" rel="noopener noreferrer">${text}</a></p>` : html`<p>${text}</p>`;
    }
    return html`<aside part="base" class="prompt" aria-labelledby="up-headline">
      <p class="headline" id="up-headline">${this.#headline(suggestion)}</p>
      ${action}
    </aside>`;
  }
}

