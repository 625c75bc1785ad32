import { msg } from '@lit/localize';
import { css, html, type TemplateResult } from 'lit';
import { onDemand } from '../../core/on-demand.js';
import type { Credits, Money } from '../../core/types.js';
import { fields } from '../../styles/fields.js';
import { TectraElement } from '../base/tectra-element.js';
import { TectraViewElement } from '../base/view-element.js';
import type { BillingClient } from '../../state/client.js';
import type { CreditsView } from './credits-view.js';

// The view (balance, purchase, auto-recharge, ledger, its rules and its state) loads with the
// first element on the page; until it is there the element shows its skeleton.
const view = onDemand(() => import('./credits-view.js'));

/** Credit was bought: the balance now, and what was charged. */
export class TectraCreditsPurchasedEvent extends Event {
  static readonly type = 'tectra-credits-purchased';
  constructor(readonly detail: { credits: Credits; charged: Money }) {
    super(TectraCreditsPurchasedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'tectra-credits-purchased': TectraCreditsPurchasedEvent;
  }
}

const styles = css`
  .card {
    display: grid;
    gap: var(--_space);
    align-content: start;
  }
  .card:has(.skeleton-credits) {
    min-block-size: var(--tectra-credits-min-height, 24rem);
  }
  h2 {
    font-size: 1.125rem;
  }
  h3 {
    font-size: 1rem;
  }
  .balance-block p,
  .buy,
  .recharge {
    margin: 0;
  }
  .balance-block {
    display: grid;
    gap: 0.25rem;
  }
  .balance {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.5rem;
  }
  .units {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 0 1rem;
    margin: 0;
  }
  .units dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  .amount {
    font-size: var(--tectra-credits-balance-size, 1.75rem);
    font-variant-numeric: tabular-nums;
  }
  form {
    display: grid;
    gap: 0.75rem;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius-small);
  }
  .choice:has(:checked) {
    border-color: var(--_accent);
    outline: 1px solid var(--_accent);
  }
  fieldset .field-error {
    flex-basis: 100%;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .check input {
    flex: none;
  }
  .hint {
    font-size: 0.8125rem;
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .ledger {
    display: grid;
    gap: var(--_space);
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
    /* Every month's table has the same columns, so they line up. */
    table-layout: fixed;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    padding-block-end: 0.25rem;
  }
  .period {
    font-weight: 600;
  }
  th,
  td {
    text-align: start;
    padding-block: 0.375rem;
    padding-inline: 0.5rem;
    border-block-end: 1px solid var(--_raised);
  }
  th {
    font-weight: 600;
    font-size: 0.8125rem;
  }
  .num {
    text-align: end;
    white-space: nowrap;
  }
  td[data-tone='in'] {
    color: var(--_success);
  }
  @container (max-width: 30rem) {
    th:nth-child(4),
    td:nth-child(4) {
      display: none;
    }
  }
  .skeleton-credits {
    block-size: 18rem;
  }
  .skeleton-ledger {
    block-size: 6rem;
  }
`;

/**
 * Prepaid credit: the balance and what it pays for, when part of it expires and what
 * happens at zero; buying a pack or an amount of one's own with the default card (a coupon
 * too; 3-D Secure when the bank asks); auto-recharge ("when the balance falls below X,
 * add Y", a monthly limit) with its last off-session failure said plainly; and the ledger
 * by month. What is typed stays when something fails.
 *
 * Needs an adapter with credit (`getCredits` and the three others); the http adapter and
 * the reference server's simulator engine have them.
 *
 * @tagname tectra-credits
 * @summary Prepaid credit: balance, buy credit, auto-recharge and the credit ledger.
 *
 * @fires {TectraCreditsPurchasedEvent} tectra-credits-purchased - Credit was bought (`detail.credits`, `detail.charged`).
 * @fires {TectraErrorEvent} tectra-error - Loading, buying or saving auto-recharge failed (`detail.error`, `detail.operation`).
 *
 * @slot payment-element - Where Stripe's 3-D Secure step shows (filled by the kit).
 *
 * @csspart base - The card around everything.
 * @csspart balance - The balance and what it pays for.
 * @csspart balance-units - What the balance buys of each meter it pays for, at the plan's overage prices.
 * @csspart recharge-failure - The last auto-recharge that did not go through.
 * @csspart buy - The form that buys credit.
 * @csspart auto-recharge - The auto-recharge form.
 * @csspart ledger - The credit history, by month.
 * @csspart not-allowed - Why the viewer's role cannot buy credit (instead of the forms).
 * @csspart status - The done message (a polite live region).
 * @csspart error - The failed message (an assertive live region).
 *
 * @cssprop --tectra-credits-min-height - Reserved height while loading (default 24rem).
 * @cssprop --tectra-credits-balance-size - The balance's font size (default 1.75rem).
 */
export class TectraCredits extends TectraViewElement<typeof import('./credits-view.js'), CreditsView> {
  static override styles = [...TectraElement.styles, fields, styles];

  protected readonly viewModule = view;

  protected createView(module: typeof import('./credits-view.js'), client: BillingClient): CreditsView {
    return new module.CreditsView({
      ...this.viewHost(client),
      purchased: (credits, charged) => this.dispatchEvent(new TectraCreditsPurchasedEvent({ credits, charged })),
    });
  }

  protected loading(): TemplateResult {
    return html`<div class="skeleton skeleton-credits" role="status"><span class="visually-hidden">${msg('Loading credit…', { id: 'credits.loading' })}</span></div>`;
  }

  protected readonly headingId = 'credits-title';

  protected heading(): string {
    return msg('Credits', { id: 'credits.title' });
  }
}
