/**
 * The usage alerts' editor, loaded with the first <tectra-usage-alerts> on the page (while
 * its usage loads): per meter, the thresholds being typed, checked (1 to 100 %, no
 * repeats) and saved, with the messages that say how saving went.
 */
import type { ViewElement } from '../base/view-element.js';
import { mayDo, notAllowedNote } from '../base/role-gate.js';
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { BillingError } from '../../core/errors.js';
import { formatNumber } from '../../core/money.js';
import type { Meter } from '../../core/types.js';
import { usedFraction } from '../../core/usage.js';
import { meterLabel } from '../../format/labels.js';
import { formatPercent } from '../../format/usage.js';
import type { BillingClient } from '../../state/client.js';
import { focusFirst } from '../base/focus.js';
import { errorMessage } from '../base/error-message.js';

/** What the editor needs of its element (some of it protected there, so handed over). */
export interface AlertsHost {
  readonly element: ViewElement;
  client(): BillingClient | undefined;
  locale(): string;
  reportError(error: BillingError, operation: string): void;
}

/** A threshold being edited: the text as typed, and its error. */
interface Draft {
  text: string;
  error?: string;
}

export class AlertsEditor {
  /** Per meter, the thresholds being edited (absent: showing the saved ones). */
  #drafts = new Map<string, Draft[]>();
  #messages = new Map<string, { tone: 'success' | 'danger'; text: string }>();
  #saving = new Set<string>();

  constructor(private readonly host: AlertsHost) {}

  /** Whether the viewer may change alerts (the element follows the backend's answer). */
  #mayEdit(): boolean {
    return mayDo(this.host.element, this.host.client(), 'set_alerts');
  }

  #draftsFor(meter: Meter): Draft[] {
    return this.#drafts.get(meter.key) ?? (meter.alertThresholds ?? []).map((t) => ({ text: formatNumber(t * 100, 'en', { maximumFractionDigits: 2, useGrouping: false }) }));
  }

  #setDrafts(meter: Meter, drafts: Draft[]): void {
    this.#drafts = new Map(this.#drafts).set(meter.key, drafts);
    const messages = new Map(this.#messages);
    messages.delete(meter.key);
    this.#messages = messages;
    this.host.element.requestUpdate();
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
  /** Removes a threshold; focus goes to the one that took its place, the one before, or Add threshold. */
  #removeDraft(meter: Meter, drafts: Draft[], index: number): void {
    this.#setDrafts(meter, drafts.filter((_, j) => j !== index));
    const key = meter.key;
    focusFirst(this.host.element, `#t-${key}-${index}`, `#t-${key}-${index - 1}`, `[data-add="${CSS.escape(key)}"]`);
  }

  async #save(meter: Meter): Promise<void> {
    const { drafts, values } = this.#check(this.#draftsFor(meter));
    this.#drafts = new Map(this.#drafts).set(meter.key, drafts);
    this.host.element.requestUpdate();
    if (!values) {
      const first = drafts.findIndex((d) => d.error);
      this.host.element.shadowRoot?.querySelector<HTMLInputElement>(`#t-${meter.key}-${first}`)?.focus();
      return;
    }
    this.#saving = new Set(this.#saving).add(meter.key);
    this.host.element.requestUpdate();
    const messages = new Map(this.#messages);
    try {
      await this.host.client()?.setUsageAlerts(meter.key, values);
      const saved = new Map(this.#drafts);
      saved.delete(meter.key);
      this.#drafts = saved;
      messages.set(meter.key, { tone: 'success', text: msg('Alerts saved.', { id: 'alerts.saved' }) });
    } catch (error) {
      // The saved thresholds are back in the store; what was typed stays in the fields.
      this.host.reportError(error as BillingError, 'set-usage-alerts');
      messages.set(meter.key, {
        tone: 'danger',
        text: msg(str`Your alerts were not saved. ${errorMessage(error as BillingError)}`, { id: 'alerts.failed' }),
      });
    } finally {
      const saving = new Set(this.#saving);
      saving.delete(meter.key);
      this.#saving = saving;
      this.#messages = messages;
      this.host.element.requestUpdate();
    }
  }

  /** One meter's thresholds, as a fieldset. */
  renderMeter(meter: Meter): TemplateResult {
    if (!this.#mayEdit()) return this.#renderReadOnly(meter);
    const drafts = this.#draftsFor(meter);
    const fraction = usedFraction(meter) ?? 0;
    const label = meterLabel(meter.key, meter.label);
    const used = formatPercent(fraction, this.host.locale());
    const message = this.#messages.get(meter.key);
    const saving = this.#saving.has(meter.key);
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
                  aria-describedby="${id}-error ${id}-passed"
                  @input=${(e: Event) => this.#setDrafts(meter, drafts.map((x, j) => (j === i ? { text: (e.target as HTMLInputElement).value } : x)))}
                />
                <button type="button" @click=${() => this.#removeDraft(meter, drafts, i)}>
                  ${msg('Remove', { id: 'checkout.coupon_remove' })}<span class="visually-hidden">: ${d.text} %</span>
                </button>
                ${passed ? html`<span part="passed" class="passed" id="${id}-passed">${msg('Passed', { id: 'alerts.passed' })}</span>` : nothing}
                <p class="field-error" id="${id}-error">${d.error ?? ''}</p>
              </li>`;
            })}
          </ul>`
        : html`<p class="muted">${msg('No alerts for this meter.', { id: 'alerts.none' })}</p>`}
      <div class="actions">
        <button type="button" data-add=${meter.key} @click=${() => {
          this.#setDrafts(meter, [...drafts, { text: '' }]);
          focusFirst(this.host.element, `#t-${meter.key}-${drafts.length}`);
        }}>${msg('Add threshold', { id: 'alerts.add' })}</button>
        <button type="button" class="primary" aria-disabled=${saving ? 'true' : 'false'} aria-busy=${saving ? 'true' : 'false'} @click=${() => !saving && void this.#save(meter)}>
          ${msg('Save', { id: 'alerts.save' })}
        </button>
      </div>
      <p part="status" class=${message?.tone === 'success' ? 'banner' : 'visually-hidden'} data-tone="success" role="status">${message?.tone === 'success' ? message.text : ''}</p>
      <p part="error" class=${message?.tone === 'danger' ? 'banner' : 'visually-hidden'} data-tone="danger" role="alert">${message?.tone === 'danger' ? message.text : ''}</p>
    </fieldset>`;
  }

  /** The thresholds as they are, and why they cannot be changed here. */
  #renderReadOnly(meter: Meter): TemplateResult {
    const label = meterLabel(meter.key, meter.label);
    const used = formatPercent(usedFraction(meter) ?? 0, this.host.locale());
    const thresholds = (meter.alertThresholds ?? []).map((t) => formatPercent(t, this.host.locale()));
    return html`<fieldset part="meter">
      <legend>${msg(str`${label} · ${used} used`, { id: 'alerts.legend' })}</legend>
      <p>${thresholds.length ? thresholds.join(' · ') : msg('No alerts for this meter.', { id: 'alerts.none' })}</p>
      ${notAllowedNote('set_alerts')}
    </fieldset>`;
  }
}
