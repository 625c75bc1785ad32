import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/billing-provider.js';
import '../../src/define/invoice-list.js';
import { createMemoryAdapter, demoSnapshot, type BillingSnapshot, type DemoScenario, type MemoryAdapterOptions } from '../../src/adapters/memory/index.js';
import type { BillingAdapter } from '../../src/adapters/types.js';
import { BillingError } from '../../src/core/errors.js';
import type { Invoice, InvoiceStatus, Page } from '../../src/core/types.js';
import type { TectraInvoiceList } from '../../src/elements/invoice-list/invoice-list.js';
import { setBillingLocale } from '../../src/i18n/localization.js';
import { createBillingClient, type BillingClient } from '../../src/state/client.js';
import { captureDownloads, shadowText, textOf, waitForText, waitUntil, warmOnDemand } from '../helpers.js';

before(warmOnDemand);

/** `count` monthly invoices, newest first, cycling through every status. */
function manyInvoices(count: number, currency = 'USD'): Invoice[] {
  const statuses: InvoiceStatus[] = ['paid', 'paid', 'open', 'void', 'uncollectible', 'draft'];
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(Date.UTC(2026, 10 - i, 1));
    const end = new Date(Date.UTC(2026, 11 - i, 1));
    const n = count - i;
    return {
      id: `in_${n}`,
      number: `INV-${String(n).padStart(5, '0')}`,
      status: statuses[i % statuses.length] as InvoiceStatus,
      total: { amount: 4900, currency },
      amountDue: { amount: 0, currency },
      createdAt: start.toISOString(),
      periodStart: start.toISOString(),
      periodEnd: end.toISOString(),
      pdfUrl: `https://billing.tectra.example/${n}.pdf`,
      hostedUrl: `https://billing.tectra.example/${n}`,
    };
  });
}

function snapshotWith(invoices: Invoice[], scenario: DemoScenario = 'individual-active'): BillingSnapshot {
  return { ...demoSnapshot(scenario), invoices };
}

async function mount(client: BillingClient): Promise<TectraInvoiceList> {
  const provider = await fixture(html`<tectra-billing-provider .client=${client}><tectra-invoice-list></tectra-invoice-list></tectra-billing-provider>`);
  const el = provider.querySelector('tectra-invoice-list') as TectraInvoiceList;
  await waitUntil(() => el.shadowRoot?.querySelector('[role="row"][data-index], .muted, [part="error"]'), 'list never rendered', { timeout: 10_000 });
  return el;
}

function setup(invoices: Invoice[] | DemoScenario, options: MemoryAdapterOptions = {}, pageSize = 20) {
  const adapter = createMemoryAdapter(typeof invoices === 'string' ? demoSnapshot(invoices) : snapshotWith(invoices), options);
  return { adapter, client: createBillingClient({ adapter, invoicePageSize: pageSize }) };
}

const rows = (el: Element) => [...(el.shadowRoot?.querySelectorAll<HTMLElement>('[role="row"][data-index]') ?? [])];
const numbers = (el: Element) => rows(el).map((r) => textOf(r.querySelector('[role="cell"]')).replace('Number ', ''));

describe('<tectra-invoice-list>', () => {
  it('is a table with a caption, column headers, and rows with number, date, period, amount and status', async () => {
    const { client } = setup('past-due');
    const el = await mount(client);
    const table = el.shadowRoot?.querySelector('[role="table"]') as HTMLElement;
    expect(textOf(el.shadowRoot?.getElementById(table.getAttribute('aria-labelledby') ?? ''))).to.equal('Billing history');
    const headers = [...table.querySelectorAll('[role="columnheader"]')].map((h) => textOf(h));
    expect(headers).to.deep.equal(['Number', 'Date', 'Billing period', 'Amount', 'Status', 'Documents']);
    expect(table.getAttribute('aria-rowcount')).to.equal('6');
    // Its renewal charge failed on its due date: open and overdue.
    expect(textOf(rows(el)[0])).to.contain('TEC-ST-0005').and.contain('$19.00').and.contain('Overdue');
    expect(rows(el)[0]?.getAttribute('aria-rowindex')).to.equal('2');
    await expect(el).to.be.accessible();
  });

  it('says under each number who the invoice is made out to, as it was; nothing for one made out to no one', async () => {
    const [a, b, c] = manyInvoices(3);
    a!.billedTo = { name: 'Acme GmbH', address: { line1: 'Unter den Linden 1', city: 'Berlin', country: 'DE' }, taxIds: [{ type: 'eu_vat', value: 'DE123456789' }] };
    b!.billedTo = { email: 'ap@acme.example', taxIds: [] };
    const { client } = setup([a!, b!, c!]);
    const el = await mount(client);
    const cell = (number: string) => textOf(rows(el).find((r) => textOf(r).includes(number))?.querySelector('[role="cell"]'));
    expect(cell('INV-00003')).to.contain('Billed to Acme GmbH · DE123456789');
    expect(cell('INV-00002')).to.contain('Billed to ap@acme.example');
    expect(cell('INV-00001')).to.not.contain('Billed to');
    await expect(el).to.be.accessible();
  });

  it('reads an open invoice as Open until its due date, and Overdue after it', async () => {
    const soon = new Date(Date.now() + 86_400_000).toISOString();
    const late = new Date(Date.now() - 86_400_000).toISOString();
    const [a, b] = manyInvoices(2);
    const { client } = setup([
      { ...(a as Invoice), status: 'open', dueDate: soon },
      { ...(b as Invoice), status: 'open', dueDate: late },
    ]);
    const el = await mount(client);
    const badges = rows(el).map((r) => textOf(r.querySelector('[part="status"]')));
    expect(badges).to.deep.equal(['Open', 'Overdue']);
    await expect(el).to.be.accessible();
  });

  it('offers PDF and the hosted invoice, and Pay now for an unpaid invoice', async () => {
    const { client } = setup('past-due');
    const el = await mount(client);
    const first = rows(el)[0] as HTMLElement;
    const pay = first.querySelector<HTMLAnchorElement>('[part="pay-now"]');
    expect(pay?.href).to.equal('https://billing.tectra.example/invoices/in_st_5');
    expect(textOf(first.querySelector('.actions'))).to.contain('PDF');
    const paid = rows(el)[1] as HTMLElement;
    expect(paid.querySelector('[part="pay-now"]')).to.equal(null);
    expect([...paid.querySelectorAll('a')].map((a) => a.textContent?.trim().split(' ')[0])).to.deep.equal(['View', 'PDF']);
    // The action column does not shift between Pay now and View: PDF keeps its place.
    const pdfEdge = (row: HTMLElement) => Math.round((row.querySelector('.pdf') as HTMLElement).getBoundingClientRect().right);
    expect(pdfEdge(first)).to.equal(pdfEdge(paid));
  });

  it('renders only web links: javascript: and other schemes are shown as text', async () => {
    const invoices = manyInvoices(3);
    invoices[0] = { ...invoices[0], status: 'open', pdfUrl: 'javascript:alert(1)', hostedUrl: 'data:text/html,<script>alert(1)</script>' } as Invoice;
    invoices[1] = { ...invoices[1], number: '<img src=x onerror=alert(1)>', pdfUrl: 'http://localhost:8080/a.pdf', hostedUrl: 'http://evil.example/x' } as Invoice;
    const { client } = setup(invoices);
    const el = await mount(client);
    const hrefs = [...(el.shadowRoot?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'));
    expect(hrefs.some((h) => !h || !/^(https:|http:\/\/localhost)/.test(h))).to.equal(false);
    expect(hrefs).to.include('http://localhost:8080/a.pdf');
    expect(textOf(rows(el)[0])).to.contain('Pay now').and.contain('PDF');
    expect(textOf(rows(el)[1])).to.contain('<img src=x onerror=alert(1)>');
    expect(el.shadowRoot?.querySelector('img')).to.equal(null);
  });

  it('loads more pages in order, without duplicates, by the button', async () => {
    const { client, adapter } = setup(manyInvoices(45), {}, 20);
    const el = await mount(client);
    expect(numbers(el).slice(0, 3)).to.deep.equal(['INV-00045', 'INV-00044', 'INV-00043']);
    (el.shadowRoot?.querySelector('[part="load-more"]') as HTMLButtonElement).click();
    await waitForText(el, 'Showing 40 invoices');
    (el.shadowRoot?.querySelector('[part="load-more"]') as HTMLButtonElement).click();
    await waitForText(el, 'Showing 45 invoices.');
    expect(el.shadowRoot?.querySelector('[part="load-more"]')).to.equal(null);
    const items = client.$invoices.get().data?.items ?? [];
    expect(new Set(items.map((i) => i.id)).size).to.equal(45);
    expect(items.map((i) => i.createdAt)).to.deep.equal([...items.map((i) => i.createdAt)].sort().reverse());
    expect(adapter.count('listInvoices')).to.be.at.least(3);
    await expect(el).to.be.accessible();
  });

  it('loads the next page when scrolled to the end', async () => {
    const { client, adapter } = setup(manyInvoices(60), {}, 20);
    const el = await mount(client);
    const scroller = el.shadowRoot?.querySelector('.body') as HTMLElement;
    const before = adapter.count('listInvoices');
    scroller.scrollTop = scroller.scrollHeight;
    await waitUntil(() => adapter.count('listInvoices') > before, 'scrolling to the end loaded nothing', { timeout: 3000 });
    await waitUntil(() => (client.$invoices.get().data?.items.length ?? 0) >= 40);
  });

  it('keeps a bounded number of rows in the page with 10,000 invoices', async () => {
    const all = manyInvoices(10_000);
    const memory = createMemoryAdapter(snapshotWith([]));
    const adapter: BillingAdapter = { ...memory, listInvoices: async (): Promise<Page<Invoice>> => ({ items: all, nextCursor: null }) };
    const el = await mount(createBillingClient({ adapter }));
    expect(rows(el).length).to.be.greaterThan(5).and.lessThan(100);
    expect(el.shadowRoot?.querySelector('[role="table"]')?.getAttribute('aria-rowcount')).to.equal('10001');
    expect(shadowText(el)).to.contain('Showing 10,000 invoices.');
  });

  it('drops a page that arrives after the list was reloaded (no duplicates, no gaps)', async () => {
    const memory = createMemoryAdapter(snapshotWith(manyInvoices(30)));
    let release: (() => void) | undefined;
    const adapter: BillingAdapter = {
      ...memory,
      listInvoices: async (query, o) => {
        if (query.cursor) await new Promise<void>((r) => (release = r));
        return memory.listInvoices(query, o);
      },
    };
    const client = createBillingClient({ adapter, invoicePageSize: 10 });
    const el = await mount(client);
    const more = client.loadMoreInvoices();
    await waitUntil(() => release !== undefined);
    await client.refresh('invoices');
    release?.();
    await more;
    const ids = client.$invoices.get().data?.items.map((i) => i.id) ?? [];
    expect(ids).to.have.length(10);
    expect(numbers(el)[0]).to.equal('INV-00030');
  });

  it('filters by status and by year', async () => {
    const { client } = setup(manyInvoices(30), {}, 100);
    const el = await mount(client);
    const [status, year] = [...(el.shadowRoot?.querySelectorAll('select') ?? [])] as HTMLSelectElement[];
    if (!status || !year) throw new Error('no filters');
    status.value = 'open';
    status.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await waitUntil(() => rows(el).every((r) => textOf(r).includes('Open')));
    expect(shadowText(el)).to.contain('Showing 5 invoices.');
    status.value = '';
    status.dispatchEvent(new Event('change'));
    year.value = '2025';
    year.dispatchEvent(new Event('change'));
    await waitForText(el, 'Showing 12 invoices.');
    expect(rows(el).every((r) => textOf(r).includes('2025'))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('moves between rows with the arrow keys, scrolling as it goes', async () => {
    const { client } = setup(manyInvoices(100), {}, 100);
    const el = await mount(client);
    rows(el)[0]?.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => (el.shadowRoot?.activeElement as HTMLElement | null)?.dataset.index === '1');
    await sendKeys({ press: 'End' });
    await waitUntil(() => (el.shadowRoot?.activeElement as HTMLElement | null)?.dataset.index === '99', 'End did not reach the last row', { timeout: 3000 });
    expect(textOf(el.shadowRoot?.activeElement)).to.contain('INV-00001');
    expect(rows(el).length).to.be.lessThan(100);
  });

  it('shows the empty state', async () => {
    const empty = await mount(setup('new').client);
    expect(shadowText(empty)).to.contain('No invoices yet.');
    await expect(empty).to.be.accessible();
  });

  it('shows the loading skeleton', async () => {
    const { client } = setup('individual-active', { faults: { listInvoices: 'hang' } });
    const provider = await fixture(html`<tectra-billing-provider .client=${client}><tectra-invoice-list></tectra-invoice-list></tectra-billing-provider>`);
    const el = provider.querySelector('tectra-invoice-list') as TectraInvoiceList;
    await el.updateComplete;
    expect(shadowText(el)).to.contain('Loading invoices…');
    expect((el.shadowRoot?.querySelector('[part="skeleton"]') as HTMLElement).getBoundingClientRect().height).to.be.greaterThan(300);
    await expect(el).to.be.accessible();
  });

  it('shows an error with retry', async () => {
    const { client: failing, adapter } = setup('individual-active', { faults: { listInvoices: { code: 'server', times: 1 } } });
    const failed = await mount(failing);
    await waitForText(failed, 'We could not load your invoices.');
    await expect(failed).to.be.accessible();
    [...(failed.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.includes('Retry'))?.click();
    await waitUntil(() => rows(failed).length === 8);
    expect(adapter.count('listInvoices')).to.equal(2);
  });

  it('keeps its column headers for screen readers when the rows become cards (under 40rem)', async () => {
    const { client } = setup('past-due');
    const provider = await fixture(html`<div style="inline-size: 320px"><tectra-billing-provider .client=${client}><tectra-invoice-list></tectra-invoice-list></tectra-billing-provider></div>`);
    const el = provider.querySelector('tectra-invoice-list') as TectraInvoiceList;
    await waitUntil(() => rows(el).length > 0, 'no rows', { timeout: 5000 });
    const headers = [...(el.shadowRoot?.querySelectorAll<HTMLElement>('[role="columnheader"]') ?? [])];
    expect(headers.map((h) => textOf(h))).to.include.members(['Number', 'Date', 'Amount', 'Status']);
    // Rendered (in the accessibility tree), though out of sight.
    expect(headers.every((h) => h.getClientRects().length > 0 && getComputedStyle(h).visibility !== 'hidden' && !h.closest('[aria-hidden="true"]'))).to.equal(true);
    expect(Math.round((headers[0]?.parentElement as HTMLElement).getBoundingClientRect().height)).to.be.at.most(1);
    await expect(el).to.be.accessible();
  });

  it('is as tall as its rows up to a cap, then scrolls', async () => {
    const one = await mount(setup(manyInvoices(1)).client);
    await waitUntil(() => rows(one).length === 1);
    const body = (el: Element) => el.shadowRoot?.querySelector('.body') as HTMLElement;
    const rowHeight = rows(one)[0]?.getBoundingClientRect().height ?? 0;
    expect(body(one).getBoundingClientRect().height, 'one invoice, one row of room').to.be.below(rowHeight * 2);
    const many = await mount(setup(manyInvoices(40)).client);
    await waitUntil(() => rows(many).length > 5);
    const cap = parseFloat(getComputedStyle(document.documentElement).fontSize) * 24;
    expect(Math.round(body(many).getBoundingClientRect().height)).to.be.at.most(Math.round(cap) + 1);
    expect(body(many).scrollHeight).to.be.above(body(many).clientHeight);
  });

  it('offers Clear filters when the filters match no invoice, which shows them all and keeps focus in the filters', async () => {
    const el = await mount(setup(manyInvoices(5)).client);
    await waitUntil(() => rows(el).length === 5);
    el.status = 'draft';
    await waitForText(el, 'No invoices match these filters.');
    const clear = el.shadowRoot?.querySelector<HTMLButtonElement>('[part="clear-filters"]');
    clear?.focus();
    clear?.click();
    await waitUntil(() => rows(el).length === 5, 'the invoices did not come back');
    expect(el.status).to.equal('');
    expect(el.shadowRoot?.activeElement?.localName).to.equal('select');
  });

  it('keeps the rows when a later page fails, and retries it', async () => {
    // Every later page fails until told otherwise, whoever asks for it: the Load more button,
    // or the list itself when its last row scrolls near (infinite scroll).
    const adapter = createMemoryAdapter(snapshotWith(manyInvoices(30)));
    let laterPagesFail = true;
    const client = createBillingClient({
      adapter: { ...adapter, listInvoices: (query, o) => (query.cursor && laterPagesFail ? Promise.reject(new BillingError('network', 'offline')) : adapter.listInvoices(query, o)) },
      invoicePageSize: 10,
    });
    const list = await mount(client);
    list.shadowRoot?.querySelector<HTMLButtonElement>('[part="load-more"]')?.click();
    await waitForText(list, 'We could not load more invoices.');
    expect(rows(list).length).to.equal(10);
    await expect(list).to.be.accessible();
    laterPagesFail = false;
    [...(list.shadowRoot?.querySelectorAll('[part="error"] button') ?? [])][0]?.dispatchEvent(new MouseEvent('click'));
    // The rows kept, the next page added (and maybe the one after, as the list scrolls by itself).
    await waitUntil(() => rows(list).length >= 20 && !shadowText(list).includes('We could not load more'), 'the retry did not load the page', { timeout: 5000 });
    expect(textOf(rows(list)[0])).to.contain('INV-00030');
  });

  it('formats JPY and German', async () => {
    const { client } = setup('jpy');
    const el = await mount(client);
    expect(textOf(rows(el)[0])).to.contain('¥7,400');
    await setBillingLocale('de');
    try {
      await waitForText(el, 'Rechnungsverlauf');
      expect(textOf(rows(el)[0])).to.contain('7.400 ¥').and.contain('Bezahlt');
      await expect(el).to.be.accessible();
    } finally {
      await setBillingLocale('en');
    }
  });
});

describe('<tectra-invoice-list> CSV export', () => {
  it('downloads every invoice, all pages, not only those shown; a failure is said and reported', async () => {
    const adapter = createMemoryAdapter(snapshotWith(manyInvoices(45)));
    const client = createBillingClient({ adapter, invoicePageSize: 20 });
    const el = await mount(client);
    // The file the page is handed: the download link's blob, read back.
    const { files, stop } = captureDownloads();
    try {
      const button = el.shadowRoot?.querySelector<HTMLButtonElement>('[part="export"]');
      expect(textOf(button)).to.equal('Download CSV');
      button?.click();
      await waitUntil(() => files.length === 1, 'no file was offered');
      const rows = (await files[0]!.text).trim().split('\r\n');
      expect(files[0]!.name).to.equal('invoices.csv');
      expect(rows).to.have.length(46);
      expect(rows[1]).to.match(/^INV-00045,paid,2026-11-01T00:00:00.000Z,/);
      expect(el.shadowRoot?.querySelectorAll('[role="row"][data-index]').length, 'the list itself still shows one page').to.be.at.most(20);
      adapter.setFault('listInvoices', { code: 'server', times: 1 });
      const errors: string[] = [];
      el.addEventListener('tectra-error', (e) => errors.push(e.detail.operation));
      el.shadowRoot?.querySelector<HTMLButtonElement>('[part="export"]')?.click();
      await waitForText(el, 'The CSV was not made.');
      expect(errors).to.deep.equal(['export-invoices']);
      expect(files).to.have.length(1);
    } finally {
      stop();
    }
  });
});
