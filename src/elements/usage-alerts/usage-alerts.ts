import { msg } from '@lit/localize';
import { css, html, type TemplateResult } from 'lit';
import { onDemand } from '../../core/on-demand.js';
import { fields } from '../../styles/fields.js';
import { errorMessage, reportFailure } from '../base/error-message.js';
import { TectraElement } from '../base/tectra-element.js';
import type { AlertsEditor } from './alerts-editor.js';

// The editor loads with the first element on the page, while its usage loads; until both
// are there the element shows its skeleton.
const editor = onDemand(() => import('./alerts-editor.js'));

const styles = css`
  .card {
    display: grid;
    gap: var(--_space);
    align-content: start;
  }
  /* Room is reserved while loading only; once loaded, the card is as tall as what it holds. */
  .card:has(.skeleton) {
    min-block-size: var(--tectra-usage-alerts-min-height, 14rem);
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
    border-radius: var(--_radius-small);
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

/**
 * Usage-limit notification thresholds per meter (such as 50 %, 80 %, 100 %): add, edit
 * and remove, checked (1 to 100 %, no repeats), saved at once and put back with a
 * message when saving fails. Thresholds the current usage has passed are marked.
 *
 * @tagname tectra-usage-alerts
 * @summary Set usage-limit notification thresholds per meter.
 *
 * @fires {TectraErrorEvent} tectra-error - Loading or saving failed (`detail.error`, `detail.operation`).
 *
 * @csspart base - The card around everything.
 * @csspart meter - One meter's thresholds.
 * @csspart threshold - One threshold.
 * @csspart passed - The badge of a threshold usage has passed.
 * @csspart not-allowed - Why the viewer's role cannot change the alerts (instead of the editor).
 * @csspart status - The saved message (a polite live region).
 * @csspart error - The failed message (an assertive live region).
 *
 * @cssprop --tectra-usage-alerts-min-height - Reserved height while loading (default 14rem).
 */
export class TectraUsageAlerts extends TectraElement {
  static override styles = [...TectraElement.styles, fields, styles];

  #usage = this.select((c) => c.$usage);
  #editor: AlertsEditor | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // A chunk that fails to load is tried again by the next element connected.
    if (!editor.loaded) editor().then(() => this.requestUpdate(), () => undefined);
  }

  #editorFor(module: typeof import('./alerts-editor.js')): AlertsEditor {
    return (this.#editor ??= new module.AlertsEditor({
      element: this,
      client: () => this.client,
      locale: () => this.intlLocale,
      reportError: (error, operation) => this.reportError(error, operation),
    }));
  }

  protected override updated(): void {
    reportFailure(this, this.#usage.value?.error, 'load-usage');
  }

  protected override render(): TemplateResult {
    const usage = this.#usage.value;
    const module = editor.loaded;
    let body: TemplateResult;
    if (usage?.status === 'error' && !usage.data) {
      body = html`<div class="banner" data-tone="danger" role="alert">
        <p>${msg('We could not load your usage.', { id: 'usage.error' })} ${errorMessage(usage.error)}</p>
        <button @click=${() => void this.client?.refresh('usage')}>${msg('Retry', { id: 'common.retry' })}</button>
      </div>`;
    } else if (!usage?.data || !module) {
      body = html`<div class="skeleton skeleton-alerts" role="status"><span class="visually-hidden">${msg('Loading usage…', { id: 'usage.loading' })}</span></div>`;
    } else {
      const meters = usage.data.meters.filter((m) => m.limit !== null);
      body = meters.length
        ? html`${meters.map((m) => this.#editorFor(module).renderMeter(m))}`
        : html`<p class="muted">${msg('There are no limited meters to alert on.', { id: 'alerts.empty' })}</p>`;
    }
    return html`<section part="base" class="card" aria-labelledby="alerts-title">
      <h2 id="alerts-title">${msg('Usage alerts', { id: 'alerts.title' })}</h2>
      <p class="muted">${msg('Get notified when usage reaches a share of the limit.', { id: 'alerts.intro' })}</p>
      ${body}
    </section>`;
  }
}
