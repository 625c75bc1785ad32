/**
 * A CSV download from an element, shared by the invoice list and the usage meter: one at a
 * time per element, its button busy while the file is made, and a failure said beside the
 * button (and reported to the page with `tectra-error`). Loaded on demand, with the list's
 * table or the meter's first click.
 */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { BillingError } from '../../core/errors.js';
import { TectraErrorEvent } from '../../events.js';
import { errorMessage } from './error-message.js';

/** An element that offers a CSV (a Lit element, or one that renders like one). */
type Host = HTMLElement & { requestUpdate(): void };

/** Each element's download: running (true), failed (its error), or none. */
const downloads = new WeakMap<Host, true | BillingError>();

/** Makes the CSV and offers it as `filename`; a second click while it is made does nothing. */
export async function downloadCsvFrom(host: Host, make: () => Promise<string>, filename: string, operation: string): Promise<void> {
  if (downloads.get(host) === true) return;
  downloads.set(host, true);
  host.requestUpdate();
  try {
    downloadCsv(await make(), filename);
    downloads.delete(host);
  } catch (error) {
    downloads.set(host, error as BillingError);
    host.dispatchEvent(new TectraErrorEvent({ error: error as BillingError, operation }));
  }
  host.requestUpdate();
}

/** The Download CSV button (part `export`): busy, and saying so, while the file is made. */
export function downloadButton(host: Host, make: () => Promise<string>, filename: string, operation: string): TemplateResult {
  const busy = downloads.get(host) === true;
  return html`<button part="export" aria-busy=${busy ? 'true' : 'false'} @click=${() => void downloadCsvFrom(host, make, filename, operation)}>
    ${busy ? msg('Preparing the CSV…', { id: 'invoices.exporting' }) : msg('Download CSV', { id: 'invoices.export' })}
  </button>`;
}

/** Why the last download failed, in the user's language (an assertive live region), or nothing. */
export function downloadFailure(host: Host): TemplateResult | typeof nothing {
  const failed = downloads.get(host);
  return typeof failed === 'object'
    ? html`<div part="error" class="banner" data-tone="danger" role="alert">
        <p>${msg('The CSV was not made.', { id: 'invoices.export_failed' })} ${errorMessage(failed)}</p>
      </div>`
    : nothing;
}

/** Offers `csv` as a file to save (a page's download; nothing happens without a document). */
export function downloadCsv(csv: string, filename: string): void {
  if (!globalThis.document) return;
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
