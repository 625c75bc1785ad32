// CSV exports: RFC 4180 quoting, formulas kept from running, exact decimal amounts, every
// invoice page through the client, the credit ledger through its state.
import { describe, expect, it } from 'vitest';
import { creditLedgerCsv, dailyUsageCsv, invoicesCsv, toCsv, usageCsv } from '../../../src/core/csv.js';
import { creditsOf } from '../../../src/state/credits.js';
import { memoryClient } from '../client-helpers.js';

describe('CSV exports', () => {
  it('quotes what needs it, ends lines with CRLF, and keeps a text cell from running as a formula', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'two\nlines', 3, null, undefined], ['=SUM(A1)', '+1', '-x', '@me', 'plain']])).toBe(
      'a,"b,c","say ""hi""","two\nlines",3,,\r\n\'=SUM(A1),\'+1,\'-x,\'@me,plain\r\n',
    );
  });

  it('writes invoices with ISO dates and exact decimals, a refund or usage line as a plain negative number', () => {
    const { adapter } = memoryClient('jpy');
    const [invoice] = adapter.snapshot().invoices;
    const csv = invoicesCsv([invoice!]);
    const [header, row] = csv.trim().split('\r\n');
    expect(header).toBe('number,status,created_at,period_start,period_end,due_date,currency,total,amount_due,pdf_url,hosted_url');
    // Yen have no minor unit: 4900 yen is "4900", not "49.00".
    expect(row).toMatch(/^TEC-JP-0006,paid,\d{4}-\d\d-\d\dT[^,]+,[^,]+,[^,]+,,JPY,\d+,0,https:/);
    const ledger = creditLedgerCsv([{ id: 'cre_1', kind: 'usage', amount: { amount: -120, currency: 'USD' }, balanceAfter: { amount: 1520, currency: 'USD' }, at: '2026-12-02T00:00:00.000Z', meter: 'output_tokens', quantity: 300000 }]);
    expect(ledger.split('\r\n')[1]).toBe('cre_1,2026-12-02T00:00:00.000Z,usage,USD,-1.20,15.20,output_tokens,300000,');
  });

  it('exports every invoice page through the client, the usage per meter, and the whole credit ledger', async () => {
    const { client, adapter } = memoryClient('individual-active');
    const csv = await client.exportInvoicesCsv();
    expect(csv.trim().split('\r\n')).toHaveLength(1 + adapter.snapshot().invoices.length);
    const usage = (await client.exportUsageCsv()).trim().split('\r\n');
    expect(usage[0]).toBe('meter,unit,used,limit,period_start,period_end,updated_at');
    expect(usage[1]).toMatch(/^input_tokens,tokens,6200000,10000000,/);
    expect(usageCsv({ period: { start: 'a', end: 'b' }, meters: [{ key: 'integrations', unit: 'count', used: 3, limit: null }], updatedAt: 'c' }).split('\r\n')[1]).toBe('integrations,count,3,,a,b,c');
    const prepaid = memoryClient('prepaid');
    const ledger = (await creditsOf(prepaid.client).exportCsv()).trim().split('\r\n');
    expect(ledger).toHaveLength(1 + (prepaid.adapter.snapshot().creditLedger?.length ?? 0));
    expect(ledger.at(-1)).toMatch(/^cre_1,[^,]+,grant,USD,10.00,10.00,,,Welcome credit$/);
  });

  it('writes usage by day: every meter every day, 0 where unused, and the period totals from a backend without days', async () => {
    const usage = { period: { start: 'a', end: 'b' }, updatedAt: 'c', meters: [{ key: 'input_tokens', unit: 'tokens' as const, used: 12, limit: 100 }, { key: 'integrations', unit: 'count' as const, used: 1, limit: null }] };
    const csv = dailyUsageCsv({ period: usage.period, days: [{ date: '2026-12-01', used: { input_tokens: 5 } }, { date: '2026-12-02', used: { input_tokens: 7, integrations: 1 } }] }, usage);
    expect(csv).toBe('date,meter,unit,used\r\n2026-12-01,input_tokens,tokens,5\r\n2026-12-01,integrations,count,0\r\n2026-12-02,input_tokens,tokens,7\r\n2026-12-02,integrations,count,1\r\n');

    const { client, adapter } = memoryClient('individual-active');
    const rows = (await client.exportDailyUsageCsv()).trim().split('\r\n').slice(1).map((row) => row.split(','));
    const meters = adapter.snapshot().usage.meters;
    // Together, the days are the period's usage of each meter.
    for (const meter of meters) expect(rows.filter((r) => r[1] === meter.key).reduce((sum, r) => sum + Number(r[3]), 0)).toBe(meter.used);
    const { getDailyUsage: _none, ...withoutDays } = adapter;
    const { createBillingClient } = await import('../../../src/state/client.js');
    const plain = createBillingClient({ adapter: withoutDays as typeof adapter });
    expect((await plain.exportDailyUsageCsv()).split('\r\n')[0]).toBe('meter,unit,used,limit,period_start,period_end,updated_at');
  });
});
