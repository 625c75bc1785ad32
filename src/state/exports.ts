/**
 * The client's CSV exports, loaded with the first download: every invoice (page by page)
 * and this period's usage (by meter, or by day), read fresh from the backend and checked like every answer.
 */
import type { BillingAdapter, RequestOptions } from '../adapters/types.js';
import { dailyUsageCsv, invoicesCsv, usageCsv } from '../core/csv.js';
import type { Invoice } from '../core/types.js';
import { checked } from './checked.js';
import { guarded } from './guarded.js';

export async function exportInvoicesCsv(adapter: BillingAdapter, o?: RequestOptions): Promise<string> {
  const all: Invoice[] = [];
  let cursor: string | null | undefined;
  do {
    const page = await checked('invoices', await guarded(() => adapter.listInvoices(cursor ? { cursor, limit: 100 } : { limit: 100 }, o)));
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return invoicesCsv(all);
}

export async function exportUsageCsv(adapter: BillingAdapter, o?: RequestOptions): Promise<string> {
  return usageCsv(await checked('usage', await guarded(() => adapter.getUsage(o))));
}

/** Day by day where the backend reports days (`getDailyUsage`); the period's totals otherwise. */
export async function exportDailyUsageCsv(adapter: BillingAdapter, o?: RequestOptions): Promise<string> {
  if (!adapter.getDailyUsage) return exportUsageCsv(adapter, o);
  const [usage, daily] = await Promise.all([
    guarded(() => adapter.getUsage(o)).then((u) => checked('usage', u)),
    guarded(() => adapter.getDailyUsage!(o)).then((d) => checked('dailyUsage', d)),
  ]);
  return dailyUsageCsv(daily, usage);
}
