import { msg } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { onDemand } from '../../core/on-demand.js';
import type { BillingError } from '../../core/errors.js';
import { formatNumber } from '../../core/money.js';
import type { Invoice, InvoiceStatus } from '../../core/types.js';
import { errorMessage, reportFailure } from '../base/error-message.js';
import { TectraElement } from '../base/tectra-element.js';
import type { InvoiceTableContext } from './invoice-table.js';
import { styles } from './invoice-list.styles.js';

// The table, with the virtualizer it is built on, loads with the first invoice list on the
// page, while its data loads; until both are there the list shows its skeleton, which has
// the list's final size.
const table = onDemand(() => import('./invoice-table.js'));

const STATUSES: InvoiceStatus[] = ['paid', 'open', 'void', 'uncollectible', 'draft'];

function statusText(status: InvoiceStatus): string {
  switch (status) {
    case 'paid':
      return msg('Paid', { id: 'invoices.paid' });
    case 'open':
      return msg('Open', { id: 'invoices.open' });
    case 'void':
      return msg('Void', { id: 'invoices.void' });
    case 'uncollectible':
      return msg('Uncollectible', { id: 'invoices.uncollectible' });
    case 'draft':
      return msg('Draft', { id: 'invoices.draft' });
  }
}

/**
 * Billing history: every invoice with its number, date, period, amount and status, the
 * PDF and the hosted page, Pay now for unpaid ones; paged by cursor (a button, and on
 * scrolling to the end), filtered by status and year, and virtualized so thousands of
 * invoices keep a bounded number of rows in the page.
 *
 * @tagname tectra-invoice-list
 * @summary Billing history: invoices with PDF and hosted links, paged, filtered and virtualized.
 *
 * @fires {TectraErrorEvent} tectra-error - Loading failed (`detail.error`, `detail.operation`).
 *
 * @csspart base - The card around everything.
 * @csspart filters - The status and year filters.
 * @csspart table - The table (role table).
 * @csspart row - One invoice.
 * @csspart status - An invoice's status badge.
 * @csspart pay-now - The Pay now link of an unpaid invoice.
 * @csspart load-more - The Load more button.
 * @csspart billed-to - Who an invoice is made out to, under its number (the name and tax IDs, as they were when it was made).
 * @csspart export - The Download CSV button (every invoice, all pages).
 * @csspart clear-filters - The Clear filters button, shown when the filters match no invoice.
 * @csspart error - The error message.
 *
 * @cssprop --tectra-invoice-list-height - Most the list grows to with its rows before it scrolls (default 24rem).
 */
export class TectraInvoiceList extends TectraElement {
  static override styles = [...TectraElement.styles, styles];
  static override properties = {
    status: { reflect: true },
    year: { reflect: true },
    loadingMore: { state: true },
    moreError: { state: true },
    focusIndex: { state: true },
  };

  /** Show only this status (`paid`, `open`, `void`, `uncollectible`, `draft`); all when empty. */
  status = '';
  /** Show only this year (in the account's time zone); all when empty. */
  year = '';

  private loadingMore = false;
  private moreError: BillingError | undefined;
  private focusIndex = 0;

  #invoices = this.select((c) => c.$invoices);
  #subscription = this.select((c) => c.$subscription);

  override connectedCallback(): void {
    super.connectedCallback();
    // A chunk that fails to load is tried again by the next list connected.
    if (!table.loaded) table().then(() => this.requestUpdate(), () => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    table.loaded?.stopWatchingEnd(this);
  }

  get #tz(): string {
    return this.#subscription.value?.data?.timeZone ?? 'UTC';
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    reportFailure(this, this.#invoices.value?.error ?? this.moreError, 'load-invoices');
    // Past the last row, the next page loads (the table's module watches its rows).
    table.loaded?.watchEnd(this, () => table.loaded?.shownCount(this) ?? 0, () => void (this.moreError || this.#loadMore()));
  }

  async #loadMore(): Promise<void> {
    const client = this.client;
    if (!client || this.loadingMore || !this.#invoices.value?.data?.nextCursor) return;
    this.loadingMore = true;
    this.moreError = undefined;
    try {
      await client.loadMoreInvoices();
    } catch (error) {
      this.moreError = error as BillingError;
    } finally {
      this.loadingMore = false;
    }
  }

  protected override render(): TemplateResult {
    const invoices = this.#invoices.value;
    let body: TemplateResult;
    if (invoices?.status === 'error' && !invoices.data) {
      body = html`<div part="error" class="banner" data-tone="danger" role="alert">
        <p>${msg('We could not load your invoices.', { id: 'invoices.error' })} ${errorMessage(invoices.error)}</p>
        <button @click=${() => void this.client?.refresh('invoices')}>${msg('Retry', { id: 'common.retry' })}</button>
      </div>`;
    } else if (!invoices?.data || !table.loaded) {
      body = html`<div part="skeleton" class="skeleton skeleton-rows" role="status"><span class="visually-hidden">${msg('Loading invoices…', { id: 'invoices.loading' })}</span></div>`;
    } else if (!invoices.data.items.length) {
      body = html`<p class="muted">${msg('No invoices yet.', { id: 'invoices.empty' })}</p>`;
    } else {
      body = table.loaded.renderInvoiceTable(this.#tableContext(table.loaded.shownInvoices(this, invoices.data.items, this.status, this.year, this.#tz), invoices.data.nextCursor !== null));
    }
    return html`<section part="base" class="card" aria-labelledby="invoices-title">
      <header>
        <h2 id="invoices-title">${msg('Billing history', { id: 'invoices.title' })}</h2>
        ${invoices?.data?.items.length
          ? this.#renderFilters(invoices.data.items)
          : invoices?.data
            ? nothing
            : this.#renderFilters([], true) /* held in place while loading, so the title does not move */}
      </header>
      ${invoices?.status === 'error' && invoices.data
        ? html`<div part="error" class="banner" data-tone="danger" role="alert">
            <p>${msg('We could not refresh your invoices.', { id: 'invoices.refresh_error' })} ${errorMessage(invoices.error)}</p>
            <button @click=${() => void this.client?.refresh('invoices')}>${msg('Retry', { id: 'common.retry' })}</button>
          </div>`
        : nothing}
      ${body}
    </section>`;
  }

  #renderFilters(items: Invoice[], loading = false): TemplateResult {
    // The years come with the table's module; until then the list has only All years.
    const years = table.loaded?.yearsOf(items, this.#tz) ?? [];
    return html`<div part="filters" class="filters">
      <label>
        ${msg('Status', { id: 'invoices.status' })}
        <select ?disabled=${loading} @change=${(e: Event) => ((this.status = (e.target as HTMLSelectElement).value), (this.focusIndex = 0))}>
          <option value="" ?selected=${!this.status}>${msg('All statuses', { id: 'invoices.all_statuses' })}</option>
          ${STATUSES.map((s) => html`<option value=${s} ?selected=${this.status === s}>${statusText(s)}</option>`)}
        </select>
      </label>
      <label>
        ${msg('Year', { id: 'invoices.year' })}
        <select ?disabled=${loading} @change=${(e: Event) => ((this.year = (e.target as HTMLSelectElement).value), (this.focusIndex = 0))}>
          <option value="" ?selected=${!this.year}>${msg('All years', { id: 'invoices.all_years' })}</option>
          ${years.map((y) => html`<option value=${y} ?selected=${this.year === y}>${formatNumber(Number(y), this.intlLocale, { useGrouping: false })}</option>`)}
        </select>
      </label>
    </div>`;
  }

  // Stable handlers for the table, so its rows do not re-bind their listeners on each render.
  readonly #onLoadMore = () => void this.#loadMore();
  readonly #onRowFocus = (index: number) => (this.focusIndex = index);

  #onClearFilters = (): void => {
    this.status = '';
    this.year = '';
    this.focusIndex = 0;
    // The button goes with the empty result: focus moves to the first filter.
    void this.updateComplete.then(() => this.shadowRoot?.querySelector('select')?.focus());
  };

  #tableContext(items: Invoice[], more: boolean): InvoiceTableContext {
    return {
      items,
      more,
      locale: this.intlLocale,
      timeZone: this.#tz,
      focusIndex: this.focusIndex,
      loadingMore: this.loadingMore,
      moreError: this.moreError,
      statusText,
      onLoadMore: this.#onLoadMore,
      // The CSV export lives in the table's module: a list without invoices never loads it.
      host: this,
      client: this.client,
      onClearFilters: this.#onClearFilters,
      onRowFocus: this.#onRowFocus,
    };
  }
}
