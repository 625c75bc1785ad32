import { msg, str } from '@lit/localize';
import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { formatDate, formatDateRange } from '../../core/dates.js';
import type { Meter, Usage } from '../../core/types.js';
import { forecast, meterState, newlyCrossed, usedFraction, warningThreshold, type MeterState } from '../../core/usage.js';
import { view } from '../../core/on-demand.js';
import { TectraUsageThresholdEvent } from '../../events.js';
import { meterLabel } from '../../format/labels.js';
import { formatAmount, formatPercent, formatUsageAmount } from '../../format/usage.js';
import { errorMessage, reportFailure } from '../base/error-message.js';
import { TectraElement } from '../base/tectra-element.js';
import { styles } from './usage-meter.styles.js';

// A meter's spend cap in words, loaded with the first usage that has a cap or an overage price.
const capView = view(() => import('./meter-cap.js'));

// Download CSV (its button, busy state and failure), loaded with the first usage.
const download = view(() => import('../base/csv-download.js'));

export type { TectraSpendCapReachedEvent } from './meter-cap.js';

const warningIcon = svg`<svg viewBox="0 0 24 24" aria-hidden="true" fill="currentColor"><path d="M12 2 1 21h22L12 2zm1 15h-2v2h2v-2zm0-8h-2v6h2V9z"/></svg>`;
const overIcon = svg`<svg viewBox="0 0 24 24" aria-hidden="true" fill="currentColor"><path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 15h-2v-2h2v2zm0-4h-2V7h2v6z"/></svg>`;

/**
 * Usage against the limits of the current period, per meter: input and output
 * tokens, integrations, transcription minutes. Live: the adapter's push where it has
 * one, else polling that pauses while the page is hidden.
 *
 * @tagname tectra-usage-meter
 * @summary Usage against limits with warning and over-limit states, a forecast and live updates.
 *
 * @fires {TectraUsageThresholdEvent} tectra-usage-threshold - Usage of a meter crossed one of its alert thresholds (`detail.meter`, `detail.threshold`); once per crossing.
 * @fires {TectraSpendCapReachedEvent} tectra-spend-cap-reached - Usage of a meter reached its spend cap (`detail.meter`, `detail.used`, `detail.cap`); once per crossing.
 * @fires {TectraErrorEvent} tectra-error - Loading failed (`detail.error`, `detail.operation`).
 *
 * @csspart base - The card around everything.
 * @csspart period - The billing period and reset date.
 * @csspart meter - One meter.
 * @csspart bar - The bar (a native `<meter>`).
 * @csspart state - The warning or over-limit message.
 * @csspart forecast - When the limit is reached at the current pace.
 * @csspart cap - The meter's spend cap: stopped by it, the overage so far, or the cap in a few words.
 * @csspart export - The Download CSV button (every meter, day by day where the backend reports days; not in the compact variant or for one meter).
 * @csspart error - The error message (loading, or a CSV that was not made).
 *
 * @cssprop --tectra-usage-min-height - Reserved height while loading (default 14rem).
 */
export class TectraUsageMeter extends TectraElement {
  static override styles = [...TectraElement.styles, styles];
  static override properties = {
    meter: { reflect: true },
    variant: { reflect: true },
    refreshInterval: { type: Number, attribute: 'refresh-interval' },
  };

  /** One meter's key (`input_tokens`, ...); all meters when absent. */
  meter: string | undefined;
  /** `detailed` (default) or `compact`. */
  variant: 'detailed' | 'compact' = 'detailed';
  /** Seconds between polls when the adapter cannot push (default 60). */
  refreshInterval = 60;

  #usage = this.select((c) => c.$usage, { throttle: 'frame' });
  #subscription = this.select((c) => c.$subscription);
  #stopWatching: (() => void) | undefined;
  /** The last fraction seen per meter, to tell a crossing from a repeat. */
  #seen = new Map<string, number>();
  /** Whether each meter was at its spend cap at the last reading. */
  #capped = new Map<string, boolean>();
  #period = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.#watch();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopWatching?.();
    this.#stopWatching = undefined;
  }

  protected override clientChanged(): void {
    this.#seen.clear();
    this.#capped.clear();
    this.#watch();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('refreshInterval') && changed.get('refreshInterval') !== undefined) this.#watch();
  }

  #watch(): void {
    this.#stopWatching?.();
    // At least one second between polls, whatever the attribute says.
    this.#stopWatching = this.isConnected ? this.client?.watchUsage(Math.max(1, this.refreshInterval) * 1000) : undefined;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const usage = this.#usage.value;
    reportFailure(this, usage?.error, 'load-usage');
    if (usage?.data) this.#announceCrossings(usage.data);
  }

  /** Fires tectra-usage-threshold for each threshold crossed since the last update; the first reading is the baseline. */
  #announceCrossings(usage: Usage): void {
    if (usage.period.start !== this.#period) {
      this.#period = usage.period.start;
      this.#seen.clear();
      this.#capped.clear();
    }
    const caps = capView.loaded;
    for (const meter of this.#meters(usage)) {
      if (caps) caps.announceCap(this, meter, this.#capped);
      else if (meter.spendCap || meter.overagePrice) void capView().then(() => this.requestUpdate(), () => undefined);
      const fraction = usedFraction(meter);
      if (fraction === undefined) continue;
      const before = this.#seen.get(meter.key);
      this.#seen.set(meter.key, fraction);
      if (before === undefined) continue;
      for (const threshold of newlyCrossed(before, fraction, meter.alertThresholds ?? [])) {
        this.dispatchEvent(new TectraUsageThresholdEvent({ meter: meter.key, threshold }));
      }
    }
  }

  #meters(usage: Usage): Meter[] {
    return this.meter ? usage.meters.filter((m) => m.key === this.meter) : usage.meters;
  }

  protected override render(): TemplateResult {
    const usage = this.#usage.value;
    const tz = this.#subscription.value?.data?.timeZone ?? 'UTC';
    let body: TemplateResult;
    if (usage?.status === 'error' && !usage.data) {
      body = html`<div part="error" class="banner" data-tone="danger" role="alert">
        <p>${msg('We could not load your usage.', { id: 'usage.error' })} ${errorMessage(usage.error)}</p>
        <button @click=${() => void this.client?.refresh('usage')}>${msg('Retry', { id: 'common.retry' })}</button>
      </div>`;
    } else if (!usage?.data) {
      body = html`<div part="skeleton" class="skeleton skeleton-meters" role="status"><span class="visually-hidden">${msg('Loading usage…', { id: 'usage.loading' })}</span></div>`;
    } else {
      const meters = this.#meters(usage.data);
      body = meters.length
        ? html`<ul class="meters">${meters.map((m) => this.#renderMeter(m, usage.data as Usage, tz))}</ul>`
        : html`<p class="muted">${msg('There is no usage to show yet.', { id: 'usage.empty' })}</p>`;
    }
    const period = usage?.data?.period;
    return html`<section part="base" class="card" aria-labelledby="usage-title" aria-busy=${usage?.data ? 'false' : 'true'}>
      <header>
        <h2 id="usage-title">${msg('Usage', { id: 'usage.title' })}</h2>
        ${period && this.variant !== 'compact'
          ? html`<p part="period" class="note">
              ${msg(str`Billing period ${formatDateRange(period.start, period.end, this.intlLocale, tz)} · resets on ${formatDate(period.end, this.intlLocale, tz, 'long')}`, { id: 'usage.period' })}
            </p>`
          : nothing}
      </header>
      ${body}
      ${usage?.data && this.variant !== 'compact' && !this.meter ? this.#renderExport() : nothing}
    </section>`;
  }

  /** Download CSV, from its own small module: shown once that has loaded (it starts loading with the first usage). */
  #renderExport(): TemplateResult | typeof nothing {
    const d = download.loaded;
    if (!d) {
      void download().then(() => this.requestUpdate(), () => undefined);
      return nothing;
    }
    return html`<p class="export">${d.downloadButton(this, () => this.client!.exportDailyUsageCsv(), 'usage.csv', 'export-usage')}</p>
      ${d.downloadFailure(this)}`;
  }

  #renderMeter(meter: Meter, usage: Usage, tz: string): TemplateResult {
    const state = meterState(meter);
    const fraction = usedFraction(meter);
    const label = meterLabel(meter.key, meter.label);
    const used = formatUsageAmount(meter.used, meter, this.intlLocale);
    const id = `meter-${meter.key}`;
    let value: string;
    if (meter.limit === null) {
      value = msg(str`${used} used · Unlimited`, { id: 'usage.unlimited' });
    } else {
      const part = formatAmount(meter.used, meter.unit, this.intlLocale);
      const limit = formatUsageAmount(meter.limit, meter, this.intlLocale);
      const percent = formatPercent(fraction ?? 0, this.intlLocale);
      value = msg(str`${part} of ${limit} · ${percent}`, { id: 'usage.of' });
    }
    return html`<li part="meter" class="meter" data-state=${state}>
      <div class="row">
        <span class="label" id=${id}>${label}</span>
        <span class="value">${value}</span>
      </div>
      ${meter.limit === null
        ? nothing
        : html`<meter
            part="bar"
            aria-labelledby=${id}
            aria-valuetext=${value}
            min="0"
            max=${meter.limit}
            .value=${Math.min(meter.used, meter.limit)}
            low=${meter.limit * warningThreshold(meter)}
            high=${meter.limit * 0.9999}
            optimum="0"
          ></meter>`}
      ${this.#renderState(state, meter)}
      ${capView.loaded?.capLine(meter, usage.period.end, tz, this.intlLocale) ?? nothing}
      ${this.variant === 'compact' ? nothing : this.#renderDetails(meter, usage, tz)}
    </li>`;
  }

  #renderState(state: MeterState, meter: Meter): TemplateResult | typeof nothing {
    if (state === 'warning') {
      return html`<p part="state" class="state" data-state="warning">${warningIcon}${msg('Nearing the limit', { id: 'usage.warning' })}</p>`;
    }
    if (state === 'over') {
      // Exactly at the limit is not over it (a meter that stops there never is).
      return html`<p part="state" class="state" data-state="over">${overIcon}${meter.used > (meter.limit ?? 0) ? msg('Over the limit', { id: 'usage.over' }) : msg('Limit reached', { id: 'usage.reached' })}</p>`;
    }
    return nothing;
  }

  #renderDetails(meter: Meter, usage: Usage, tz: string): TemplateResult {
    const f = forecast(meter, usage);
    let text = '';
    if (f.kind === 'on') {
      const date = formatDate(f.date, this.intlLocale, tz, 'long');
      text = msg(str`At this pace you reach the limit on ${date}.`, { id: 'usage.forecast_on' });
    } else if (f.kind === 'within') {
      text = msg('At this pace you stay within the limit this period.', { id: 'usage.forecast_within' });
    }
    return html`<div class="notes">
      ${meter.pooled ? html`<p class="note">${msg('Shared by the team', { id: 'usage.pooled' })}</p>` : nothing}
      ${text ? html`<p part="forecast" class="note">${text}</p>` : nothing}
    </div>`;
  }
}
