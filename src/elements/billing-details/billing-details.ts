import { msg } from '@lit/localize';
import { css, html, nothing, type TemplateResult } from 'lit';
import { onDemand } from '../../core/on-demand.js';
import { fields } from '../../styles/fields.js';
import { TectraElement } from '../base/tectra-element.js';
import { TectraViewElement } from '../base/view-element.js';
import type { BillingClient } from '../../state/client.js';
import type { DetailsView } from './details-view.js';

// The view (the form, its rules, the state and its store) loads with the first element on
// the page; until it is there the element shows its skeleton.
const view = onDemand(() => import('./details-view.js'));

const styles = css`
  .card {
    display: grid;
    gap: var(--_space);
    align-content: start;
  }
  .card:has(.skeleton) {
    min-block-size: var(--tectra-billing-details-min-height, 16rem);
  }
  h2 {
    font-size: 1.125rem;
  }
  h3 {
    font-size: 1rem;
  }
  dl {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) minmax(0, 1fr);
    gap: 0.5rem 1rem;
    margin: 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  @container (max-width: 30rem) {
    dl {
      grid-template-columns: minmax(0, 1fr);
    }
    dd {
      margin-block-end: 0.5rem;
    }
  }
  address {
    font-style: normal;
    white-space: pre-line;
  }
  form,
  .tax-form {
    display: grid;
    gap: 0.75rem;
  }
  .hint {
    font-size: 0.8125rem;
  }
  ul {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.5rem;
  }
  li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .tax-value {
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  .badge {
    font-size: 0.75rem;
    font-weight: 600;
    padding-inline: 0.5em;
    border-radius: var(--_radius-small);
    background: var(--_raised);
  }
  .badge[data-tone='success'] {
    background: var(--_success-bg);
    color: var(--_success);
  }
  .badge[data-tone='warning'] {
    background: var(--_warning-bg);
    color: var(--_warning);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .skeleton-details {
    block-size: 12rem;
  }
`;

/**
 * Who invoices are made out to: the billing email, the company name, the address (with
 * what each country needs: a state in the US, a prefecture in Japan, no postal code in
 * Hong Kong) and tax IDs (EU VAT, UK, Swiss, US EIN, Japanese, Australian and more),
 * checked by format before they are sent and shown on invoices issued afterwards. What is
 * typed stays when saving fails.
 *
 * With `address-required` (the checkout sets it where tax goes by where the customer is)
 * the form opens at once while no address is on file, and saving needs one.
 *
 * Needs an adapter with billing details (`getBillingDetails` and the three changes); the
 * http adapter and the reference server's engines have them.
 *
 * @tagname tectra-billing-details
 * @summary Edit the billing email, company, address and tax IDs invoices carry.
 *
 * @fires {TectraErrorEvent} tectra-error - Loading or saving failed (`detail.error`, `detail.operation`).
 *
 * @csspart base - The card around everything.
 * @csspart details - The details on file (a description list).
 * @csspart form - The form that edits them.
 * @csspart tax-ids - The list of tax IDs.
 * @csspart tax-id - One tax ID.
 * @csspart not-allowed - Why the viewer's role cannot change the details (instead of Edit).
 * @csspart status - The saved message (a polite live region).
 * @csspart error - The failed message (an assertive live region).
 *
 * @cssprop --tectra-billing-details-min-height - Reserved height while loading (default 16rem).
 */
export class TectraBillingDetails extends TectraViewElement<typeof import('./details-view.js'), DetailsView> {
  static override styles = [...TectraElement.styles, fields, styles];
  static override properties = { addressRequired: { type: Boolean, attribute: 'address-required' } };

  /** Ask for the address first: the form is open while none is on file, and saving needs one. */
  addressRequired = false;

  /** Whether the form is open with what is typed not saved yet (the checkout takes no payment then). */
  get editing(): boolean {
    return this.view?.editing ?? false;
  }

  protected readonly viewModule = view;

  protected createView(module: typeof import('./details-view.js'), client: BillingClient): DetailsView {
    return new module.DetailsView(this.viewHost(client));
  }

  protected loading(): TemplateResult {
    return html`<div class="skeleton skeleton-details" role="status"><span class="visually-hidden">${msg('Loading billing details…', { id: 'details.loading' })}</span></div>`;
  }

  protected readonly headingId = 'details-title';

  protected heading(): string {
    return msg('Billing details', { id: 'details.title' });
  }

  protected override intro(): TemplateResult | typeof nothing {
    // Asked for the address, the view says why (its words load with it).
    return this.addressRequired
      ? nothing
      : html`<p class="muted">${msg('Who your invoices are made out to. Changes apply to invoices issued from now on.', { id: 'details.intro' })}</p>`;
  }
}
