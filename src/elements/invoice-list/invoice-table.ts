/**
 * The invoice list's table: virtualized rows with their links, the count and Load more.
 * Loaded on demand with the virtualizer it is built on, while the list's data loads; the
 * list shows its skeleton until both are there.
 */
import { virtualize, virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { cachedFormatter } from '../../core/intl-cache.js';
import { formatDate, formatDateRange } from '../../core/dates.js';
import type { BillingError } from '../../core/errors.js';
import { formatMoney } from '../../core/money.js';
import type { Invoice, InvoiceStatus } from '../../core/types.js';
import { safeUrl } from '../../core/urls.js';
import type { BillingClient } from '../../state/client.js';
import { errorMessage } from '../base/error-message.js';
import { rovingTarget } from '../base/roving-keys.js';
import { downloadButton, downloadFailure } from '../base/csv-download.js';
import { countOf } from '../../format/counts.js';

/** What the invoice list shares with its table on each render. */
export interface InvoiceTableContext {
  items: Invoice[];
  /** Older invoices remain on the backend. */
  more: boolean;
  locale: string;
  /** The account's time zone, for dates. */
  timeZone: string;
  focusIndex: number;
  loadingMore: boolean;
  moreError: BillingError | undefined;
  statusText: (status: InvoiceStatus) => string;
  onLoadMore: () => void;
  /** The list, which renders again as the export goes (its rows are in its shadow root), and its client, which exports. */
  host: HTMLElement & { requestUpdate(): void };
  client: BillingClient | undefined;
  /** Shows every invoice again (offered when the filters match none). */
  onClearFilters: () => void;
  onRowFocus: (index: number) => void;
}

/**
 * Up to this many rows are rendered as they are, and the list is as tall as they are (up to
 * its cap); longer lists are virtualized, in a box of the cap's height (the virtualizer
 * needs one), which they fill anyway.
 */
const PLAIN_ROWS = 20;

/** Scrolls row `index` into view (a virtualized one may not be in the DOM yet). */
function scrollToRow(scroller: Element | null | undefined, index: number): void {
  const virtualizer = (scroller as VirtualizerHostElement | null | undefined)?.[virtualizerRef];
  if (virtualizer) virtualizer.element(index)?.scrollIntoView({ block: 'nearest' });
  else scroller?.querySelector(`[data-index="${index}"]`)?.scrollIntoView({ block: 'nearest' });
}

/** Arrow keys, Home, End and Page keys move between rows, scrolling them into view. */
function onRowKeydown(ctx: InvoiceTableContext, event: KeyboardEvent, index: number, count: number): void {
  const next = rovingTarget(event, index, count, 'rows');
  if (next === undefined) return;
  ctx.onRowFocus(next);
  const root = ctx.host.shadowRoot;
  scrollToRow(root?.querySelector('.body'), next);
  // A virtualized row is rendered a frame or more after it scrolls into view.
  const focus = (tries: number) => {
    const row = root?.querySelector<HTMLElement>(`[data-index="${next}"]`);
    if (row) row.focus();
    else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
  };
  requestAnimationFrame(() => focus(60));
}

/**
 * The calendar year of an invoice in the account's time zone. Time zones are within
 * 14 hours of UTC, so only dates within a day of New Year need Intl (which is slow
 * to call ten thousand times).
 */
function yearOf(invoice: Invoice, timeZone: string): string {
  const date = new Date(invoice.createdAt);
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  const nearNewYear = (month === 0 && day <= 1) || (month === 11 && day >= 31);
  if (!nearNewYear) return String(date.getUTCFullYear());
  return cachedFormatter('year', 'en', { tz: timeZone }, () => new Intl.DateTimeFormat('en', { year: 'numeric', timeZone })).format(date);
}

const years = new WeakMap<Invoice[], { timeZone: string; years: string[] }>();

/** The years the invoices fall in, newest first (worked out once per list and time zone). */
export function yearsOf(items: Invoice[], timeZone: string): string[] {
  let known = years.get(items);
  if (known?.timeZone !== timeZone) years.set(items, (known = { timeZone, years: [...new Set(items.map((i) => yearOf(i, timeZone)))].sort().reverse() }));
  return known.years;
}

/** What each list shows: its invoices, the filters they were filtered with, and the result. */
const shown = new WeakMap<HTMLElement, { source: Invoice[]; key: string; items: Invoice[] }>();

/** A list's invoices newest first, filtered by status and year; recomputed only when the list or a filter changes. */
export function shownInvoices(host: HTMLElement, items: Invoice[], status: string, year: string, timeZone: string): Invoice[] {
  const key = `${status}|${year}|${timeZone}`;
  const known = shown.get(host);
  if (known?.source === items && known.key === key) return known.items;
  const filtered = status || year ? items.filter((i) => (!status || i.status === status) && (!year || yearOf(i, timeZone) === year)) : items;
  // Backends answer newest first; sort only when they did not.
  const sorted = filtered.every((item, i) => i === 0 || (filtered[i - 1] as Invoice).createdAt >= item.createdAt)
    ? filtered
    : [...filtered].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  shown.set(host, { source: items, key, items: sorted });
  return sorted;
}

/** How many invoices a list shows now. */
export const shownCount = (host: HTMLElement): number => shown.get(host)?.items.length ?? 0;

/** Each list's watch on its last row: the scroller it watches in, and the observer. */
const ends = new WeakMap<HTMLElement, { scroller: Element; observer: IntersectionObserver }>();

/**
 * Calls `onEnd` when the last of `count()` rows scrolls into view (the list loads its next
 * page then). Call it after every update of the list; the virtualizer renders rows as the
 * list scrolls, without an update, so it watches for that too.
 */
export function watchEnd(host: HTMLElement, count: () => number, onEnd: () => void): void {
  const scroller = host.shadowRoot?.querySelector('.body');
  let end = ends.get(host);
  if (!end || end.scroller !== scroller) {
    stopWatchingEnd(host);
    if (!scroller) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && onEnd(), { root: scroller, rootMargin: '0px 0px 200px 0px' });
    scroller.addEventListener('rangeChanged', () => watchEnd(host, count, onEnd));
    ends.set(host, (end = { scroller, observer }));
  }
  const { observer } = end;
  observer.disconnect();
  const last = scroller?.querySelector(`[data-index="${count() - 1}"]`);
  if (last) observer.observe(last);
}

export function stopWatchingEnd(host: HTMLElement): void {
  ends.get(host)?.observer.disconnect();
  ends.delete(host);
}

export function renderInvoiceTable(ctx: InvoiceTableContext): TemplateResult {
  const { items, more } = ctx;
  const count = countOf('invoices', items.length, ctx.locale);
  const focus = Math.min(ctx.focusIndex, Math.max(0, items.length - 1));
  return html`<div part="table" role="table" aria-labelledby="invoices-title" aria-describedby="invoices-count" aria-rowcount=${more ? -1 : items.length + 1}>
      <div role="rowgroup">
        <div role="row" aria-rowindex="1" class="row head-row">
          <span role="columnheader">${msg('Number', { id: 'invoices.number' })}</span>
          <span role="columnheader">${msg('Date', { id: 'invoices.date' })}</span>
          <span role="columnheader">${msg('Billing period', { id: 'summary.billing_period' })}</span>
          <span role="columnheader" class="amount">${msg('Amount', { id: 'invoices.amount' })}</span>
          <span role="columnheader">${msg('Status', { id: 'invoices.status' })}</span>
          <span role="columnheader"><span class="visually-hidden">${msg('Documents', { id: 'invoices.documents' })}</span></span>
        </div>
      </div>
      ${items.length
        ? items.length <= PLAIN_ROWS
          ? html`<div role="rowgroup" class="body">${items.map((invoice, index) => renderRow(ctx, invoice, index, index === focus))}</div>`
          : html`<div role="rowgroup" class="body virtual">
            ${virtualize({
              items,
              scroller: true,
              keyFunction: (i: Invoice) => i.id,
              renderItem: (invoice: Invoice, index: number) => renderRow(ctx, invoice, index, index === focus),
            })}
          </div>`
        : html`<div class="body-empty">
            <p class="muted">${msg('No invoices match these filters.', { id: 'invoices.no_match' })}</p>
            <button type="button" part="clear-filters" @click=${ctx.onClearFilters}>${msg('Clear filters', { id: 'invoices.clear_filters' })}</button>
          </div>`}
    </div>
    <div class="footer">
      <p id="invoices-count" class="note" role="status">
        ${more
          ? msg(str`Showing ${count}; older ones load as you scroll.`, { id: 'invoices.count_more' })
          : msg(str`Showing ${count}.`, { id: 'invoices.count' })}
      </p>
      ${more
        ? html`<button part="load-more" ?disabled=${ctx.loadingMore} aria-busy=${ctx.loadingMore ? 'true' : 'false'} @click=${ctx.onLoadMore}>
            ${ctx.loadingMore ? msg('Loading…', { id: 'invoices.loading_more' }) : msg('Load more', { id: 'invoices.load_more' })}
          </button>`
        : nothing}
      ${downloadButton(ctx.host, () => ctx.client!.exportInvoicesCsv(), 'invoices.csv', 'export-invoices')}
    </div>
    ${downloadFailure(ctx.host)}
    ${ctx.moreError
      ? html`<div part="error" class="banner" data-tone="danger" role="alert">
          <p>${msg('We could not load more invoices.', { id: 'invoices.more_error' })} ${errorMessage(ctx.moreError)}</p>
          <button @click=${ctx.onLoadMore}>${msg('Retry', { id: 'common.retry' })}</button>
        </div>`
      : nothing}`;
}

/** Who the invoice is made out to, under its number: the name (else the email) and the tax IDs. */
function billedTo(invoice: Invoice): TemplateResult | typeof nothing {
  const to = invoice.billedTo;
  const who = to && [to.name ?? to.email, ...to.taxIds.map((t) => t.value)].filter(Boolean).join(' · ');
  return who ? html`<span part="billed-to" class="billed-to">${msg(str`Billed to ${who}`, { id: 'invoices.billed_to' })}</span>` : nothing;
}

function renderRow(ctx: InvoiceTableContext, invoice: Invoice, index: number, tabStop: boolean): TemplateResult {
  const { locale, timeZone: tz } = ctx;
  const count = ctx.items.length;
  const number = invoice.number;
  const pdf = safeUrl(invoice.pdfUrl);
  const hosted = safeUrl(invoice.hostedUrl);
  const unpaid = invoice.status === 'open' || invoice.status === 'uncollectible';
  // An open invoice past its due date is overdue: say so, not just "Open".
  const overdue = invoice.status === 'open' && !!invoice.dueDate && Date.parse(invoice.dueDate) < Date.now();
  const label = (text: string) => html`<span class="cell-label" aria-hidden="true">${text}</span>`;
  return html`<div
    part="row"
    role="row"
    class="row"
    aria-rowindex=${index + 2}
    data-index=${index}
    tabindex=${tabStop ? 0 : -1}
    @focus=${() => ctx.onRowFocus(index)}
    @keydown=${(e: KeyboardEvent) => e.target === e.currentTarget && onRowKeydown(ctx, e, index, count)}
  >
    <span role="cell">${label(msg('Number', { id: 'invoices.number' }))}${number}${billedTo(invoice)}</span>
    <span role="cell">${label(msg('Date', { id: 'invoices.date' }))}${formatDate(invoice.createdAt, locale, tz)}</span>
    <span role="cell">${label(msg('Billing period', { id: 'summary.billing_period' }))}${formatDateRange(invoice.periodStart, invoice.periodEnd, locale, tz)}</span>
    <span role="cell" class="amount">${label(msg('Amount', { id: 'invoices.amount' }))}${formatMoney(invoice.total, locale)}</span>
    <span role="cell">${overdue
      ? html`<span part="status" class="badge" data-status="overdue">${msg('Overdue', { id: 'invoices.overdue' })}</span>`
      : html`<span part="status" class="badge" data-status=${invoice.status}>${ctx.statusText(invoice.status)}</span>`}</span>
    <span role="cell" class="actions">
      ${unpaid
        ? hosted
          ? html`<a part="pay-now" class="pay" href=${hosted} target="_blank" rel="noopener noreferrer">${msg('Pay now', { id: 'invoices.pay_now' })}<span class="visually-hidden"> ${number}</span></a>`
          : html`<span>${msg('Pay now', { id: 'invoices.pay_now' })}</span>`
        : nothing}
      ${hosted && !unpaid
        ? html`<a href=${hosted} target="_blank" rel="noopener noreferrer">${msg('View', { id: 'invoices.view' })}<span class="visually-hidden"> ${number}</span></a>`
        : !hosted && invoice.hostedUrl && !unpaid
          ? html`<span>${msg('View', { id: 'invoices.view' })}</span>`
          : nothing}
      ${pdf
        ? html`<a class="pdf" href=${pdf} target="_blank" rel="noopener noreferrer" download>${msg('PDF', { id: 'invoices.pdf' })}<span class="visually-hidden"> ${number}</span></a>`
        : invoice.pdfUrl
          ? html`<span class="pdf">${msg('PDF', { id: 'invoices.pdf' })}</span>`
          : nothing}
    </span>
  </div>`;
}
