import { msg, str } from '@lit/localize';
import { css, html, nothing, type TemplateResult } from 'lit';
import type { BillingError } from '../../core/errors.js';
import { formatNumber } from '../../core/money.js';
import type { Meter } from '../../core/types.js';
import { usedFraction } from '../../core/usage.js';
import { meterLabel } from '../../format/labels.js';
import { formatPercent } from '../../format/usage.js';
import { fields } from '../../styles/fields.js';
import { errorMessage, reportFailure } from '../base/error-message.js';
import { TectraElement } from '../base/tectra-element.js';

const styles = css`
  .card {
    display: grid;
    gap: var(--_space);
    min-block-size: var(--tectra-usage-alerts-min-height, 14rem);
    align-content: start;
  }
  h2 {
    font-size: 1.125rem;
  }
  fieldset {
    display: grid;
    gap: 0.5rem;
    margin: 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
  }
  legend {
    font-weight: 600;
    padding-inline: 0.25rem;
  }
  ul {
    list-style: none;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  li input {
    inline-size: 6rem;
  }
  .passed {
    font-size: 0.75rem;
    font-weight: 600;
    padding-inline: 0.5em;
    border-radius: 999px;
    background: var(--_warning-bg);
    color: var(--_warning);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .skeleton-alerts {
    block-size: 51.125rem;
  }
`;

/** A threshold being edited: the text as typed, and its error. */
interface Draft {
  text: string;
  error?: string;
}

/**
 * Usage-limit notification thresholds per meter (such as 50 %, 80 %, 100 %): add, edit
 * and remove, checked (1 to 100 %, no repeats), saved at once and put back with a
 * message when saving fails. Thresholds the current usage has passed are marked.
 *
 * @tagname tectra-usage-alerts
 * @summary Set usage-limit notification thresholds per meter.
 *
 * @fires tectra-error - Loading or saving failed (`detail.error`, `detail.operation`).
 *
 * @csspart base - The card around everything.
 * @csspart meter - One meter's thresholds.
 * @csspart threshold - One threshold.
 * @csspart passed - The badge of a threshold usage has passed.
 * @csspart status - The saved message (a polite live region).
 * @csspart error - The failed message (an assertive live region).
 *
 * @cssprop --tectra-usage-alerts-min-height - Reserved height while loading (default 14rem).
 */
export class TectraUsageAlerts extends TectraElement {
  static override styles = [...TectraElement.styles, fields, styles];
  static override properties = { drafts: { state: true }, messages: { state: true }, saving: { state: true } };

  /** Per meter, the thresholds being edited (absent: showing the saved ones). */
  private drafts = new Map<string, Draft[]>();
  private messages = new Map<string, { tone: 'success' | 'danger'; text: string }>();
  private saving = new Set<string>();

  #usage = this.select((c) => c.$usage);

  protected override updated(): void {
    reportFailure(this, this.#usage.value?.error, 'load-usage');
  }

  #draftsFor(meter: Meter): Draft[] {
    return this.drafts.get(meter.key) ?? (meter.alertThresholds ?? []).map((t) => ({ text: formatNumber(t * 100, 'en', { maximumFractionDigits: 2, useGrouping: false }) }));
  }

  #setDrafts(meter: Meter, drafts: Draft[]): void {
    this.drafts = new Map(this.drafts).set(meter.key, drafts);
    const messages = new Map(this.messages);
    messages.delete(meter.key);
    this.messages = messages;
  }

  /** Checks every threshold: a number from 1 to 100, none twice. */
  #check(drafts: Draft[]): { drafts: Draft[]; values?: number[] } {
    const seen = new Set<number>();
    let ok = true;
    const checked = drafts.map((d) => {
      const value = Number(d.text.trim().replace(',', '.'));
      let error: string | undefined;
      if (!d.text.trim() || !Number.isFinite(value) || value < 1 || value > 100) {
        error = msg('Enter a percentage from 1 to 100.', { id: 'alerts.range' });
      } else if (seen.has(value)) {
        error = msg('This threshold is already set.', { id: 'alerts.duplicate' });
      }
      seen.add(value);
      if (error) ok = false;
      return error ? { text: d.text, error } : { text: d.text };
    });
    return ok ? { drafts: checked, values: checked.map((d) => Number(d.text.trim().replace(',', '.')) / 100) } : { drafts: checked };
  }

  /** Focuses `selector` once rendered; the first of several that exists. */
  #focus(...selectors: string[]): void {
    void this.updateComplete.then(() => selectors.map((q) => this.shadowRoot?.querySelector<HTMLElement>(q)).find(Boolean)?.focus());
  }

  /** Removes a threshold; focus goes to the one that took its place, the one before, or Add threshold. */
  #removeDraft(meter: Meter, drafts: Draft[], index: number): void {
    this.#setDrafts(meter, drafts.filter((_, j) => j !== index));
    const key = meter.key;
    this.#focus(`#t-${key}-${index}`, `#t-${key}-${index - 1}`, `[data-add="${CSS.escape(key)}"]`);
  }

  async #save(meter: Meter): Promise<void> {
    const { drafts, values } = this.#check(this.#draftsFor(meter));
    this.drafts = new Map(this.drafts).set(meter.key, drafts);
    if (!values) {
      const first = drafts.findIndex((d) => d.error);
      this.shadowRoot?.querySelector<HTMLInputElement>(`#t-${meter.key}-${first}`)?.focus();
      return;
    }
    this.saving = new Set(this.saving).add(meter.key);
    const messages = new Map(this.messages);
    try {
      await this.client?.setUsageAlerts(meter.key, values);
      const saved = new Map(this.drafts);
      saved.delete(meter.key);
      this.drafts = saved;
      messages.set(meter.key, { tone: 'success', text: msg('Alerts saved.', { id: 'alerts.saved' }) });
    } catch (error) {
      // The saved thresholds are back in the store; what was typed stays in the fields.
      this.reportError(error as BillingError, 'set-usage-alerts');
      messages.set(meter.key, {
        tone: 'danger',
        text: msg(str`Your alerts were not saved. ${errorMessage(error as BillingError)}`, { id: 'alerts.failed' }),
      });
    } finally {
      const saving = new Set(this.saving);
      saving.delete(meter.key);
      this.saving = saving;
      this.messages = messages;
    }
  }

  protected override render(): TemplateResult {
    const usage = this.#usage.value;
    let body: TemplateResult;
    if (usage?.status === 'error' && !usage.data) {
      body = html`<div class="banner" data-tone="danger" role="alert">
        <p>${msg('We could not load your usage.', { id: 'usage.error' })} ${errorMessage(usage.error)}</p>
        <button @click=${() => void this.client?.refresh('usage')}>${msg('Retry', { id: 'common.retry' })}</button>
      </div>`;
    } else if (!usage?.data) {
      body = html`<div class="skeleton skeleton-alerts" role="status"><span class="visually-hidden">${msg('Loading usage…', { id: 'usage.loading' })}</span></div>`;
    } else {
      const meters = usage.data.meters.filter((m) => m.limit !== null);
      body = meters.length
        ? html`${meters.map((m) => this.#renderMeter(m))}`
        : html`<p class="muted">${msg('There are no limited meters to alert on.', { id: 'alerts.empty' })}</p>`;
    }
    return html`<section part="base" class="card" aria-labelledby="alerts-title">
      <h2 id="alerts-title">${msg('Usage alerts', { id: 'alerts.title' })}</h2>
      <p class="muted">${msg('Get notified when usage reaches a share of the limit.', { id: 'alerts.intro' })}</p>
      ${body}
    </section>`;
  }

  #renderMeter(meter: Meter): TemplateResult {
    const drafts = this.#draftsFor(meter);
    const fraction = usedFraction(meter) ?? 0;
    const label = meterLabel(meter.key);
    const used = formatPercent(fraction, this.intlLocale);
    const message = this.messages.get(meter.key);
    const saving = this.saving.has(meter.key);
    // Both live regions (status, alert) are always there, so a message is read when its text arrives.
    return html`<fieldset part="meter" aria-busy=${saving ? 'true' : 'false'}>
      <legend>${msg(str`${label} · ${used} used`, { id: 'alerts.legend' })}</legend>
      ${drafts.length
        ? html`<ul>
            ${drafts.map((d, i) => {
              const id = `t-${meter.key}-${i}`;
              const value = Number(d.text.replace(',', '.')) / 100;
              const passed = !d.error && Number.isFinite(value) && value > 0 && fraction >= value;
              return html`<li part="threshold">
                <label for=${id}>${msg('Alert at (%)', { id: 'alerts.at' })}</label>
                <input
                  id=${id}
                  inputmode="decimal"
                  .value=${d.text}
                  aria-invalid=${d.error ? 'true' : 'false'}
                  aria-describedby="${id}-error"
                  @input=${(e: Event) => this.#setDrafts(meter, drafts.map((x, j) => (j === i ? { text: (e.target as HTMLInputElement).value } : x)))}
                />
                ${passed ? html`<span part="passed" class="passed">${msg('Passed', { id: 'alerts.passed' })}</span>` : nothing}
                <button type="button" @click=${() => this.#removeDraft(meter, drafts, i)}>
                  ${msg('Remove', { id: 'checkout.coupon_remove' })}<span class="visually-hidden">: ${d.text} %</span>
                </button>
                <p class="field-error" id="${id}-error">${d.error ?? ''}</p>
              </li>`;
            })}
          </ul>`
        : html`<p class="muted">${msg('No alerts for this meter.', { id: 'alerts.none' })}</p>`}
      <div class="actions">
        <button type="button" data-add=${meter.key} @click=${() => {
          this.#setDrafts(meter, [...drafts, { text: '' }]);
          this.#focus(`#t-${meter.key}-${drafts.length}`);
        }}>${msg('Add threshold', { id: 'alerts.add' })}</button>
        <button type="button" class="primary" aria-disabled=${saving ? 'true' : 'false'} aria-busy=${saving ? 'true' : 'false'} @click=${() => !saving && void this.#save(meter)}>
          ${msg('Save', { id: 'alerts.save' })}
        </button>
      </div>
      <p part="status" class=${message?.tone === 'success' ? 'banner' : 'visually-hidden'} data-tone="success" role="status">${message?.tone === 'success' ? message.text : ''}</p>
      <p part="error" class=${message?.tone === 'danger' ? 'banner' : 'visually-hidden'} data-tone="danger" role="alert">${message?.tone === 'danger' ? message.text : ''}</p>
    </fieldset>`;
  }
}
