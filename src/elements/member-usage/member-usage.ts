import { msg } from '@lit/localize';
import { css, html, type TemplateResult } from 'lit';
import { onDemand } from '../../core/on-demand.js';
import { fields } from '../../styles/fields.js';
import { TectraElement } from '../base/tectra-element.js';
import { TectraViewElement } from '../base/view-element.js';
import type { BillingClient } from '../../state/client.js';
import type { MemberUsageView } from './member-usage-view.js';

// The view (the table, its order, the limit form) loads with the first element on the page;
// until it is there the element shows its skeleton.
const view = onDemand(() => import('./member-usage-view.js'));

/** A member's own limit on a meter was saved (`limit` null: removed). */
export class TectraMemberLimitChangedEvent extends Event {
  static readonly type = 'tectra-member-limit-changed';
  constructor(readonly detail: { memberId: string; meter: string; limit: number | null }) {
    super(TectraMemberLimitChangedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'tectra-member-limit-changed': TectraMemberLimitChangedEvent;
  }
}

const styles = css`
  :host {
    container-type: inline-size;
  }
  .card {
    display: grid;
    gap: var(--_space);
    align-content: start;
  }
  .card:has(.skeleton-members) {
    min-block-size: var(--tectra-member-usage-min-height, 16rem);
  }
  h2 {
    font-size: 1.125rem;
  }
  h3 {
    font-size: 1rem;
  }
  p {
    margin: 0;
  }
  .meter-choice {
    max-inline-size: 20rem;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding-block: 0.5rem;
    padding-inline: 0.5rem;
    border-block-end: 1px solid var(--_raised);
  }
  thead th {
    font-size: 0.8125rem;
  }
  tbody th {
    font-weight: normal;
  }
  .num {
    text-align: end;
  }
  .name,
  .email {
    display: block;
    overflow-wrap: anywhere;
  }
  .email {
    font-size: 0.8125rem;
  }
  .sort {
    font: inherit;
    font-weight: 600;
    border: 0;
    background: none;
    padding: 0;
    min-block-size: 1.5rem;
    color: inherit;
    cursor: pointer;
    text-decoration: underline dotted;
  }
  th[aria-sort='ascending'] .sort::after {
    content: ' ▲' / '';
  }
  th[aria-sort='descending'] .sort::after {
    content: ' ▼' / '';
  }
  .amount {
    white-space: nowrap;
  }
  .badge {
    display: inline-block;
    margin-inline-start: 0.25rem;
    padding-inline: 0.55em;
    border-radius: var(--_radius-small);
    font-size: 0.75rem;
    font-weight: 600;
    background: var(--_warning-bg);
    color: var(--_warning);
  }
  .limit-form {
    display: grid;
    gap: 0.75rem;
    padding-block-start: var(--_space);
    border-block-start: 1px solid var(--_raised);
  }
  .fields {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: start;
  }
  .fields .field {
    flex: 1 1 12rem;
  }
  .hint {
    font-size: 0.8125rem;
  }
  .done {
    color: var(--_success);
  }
  .share-inline {
    display: none;
  }
  /* Narrow: the share moves under the amount it belongs to, and the table keeps to the width. */
  @container (max-width: 30rem) {
    .share {
      display: none;
    }
    .share-inline {
      display: block;
    }
    th,
    td {
      padding-inline: 0.25rem;
    }
  }
  .skeleton-members {
    block-size: 12rem;
  }
`;

/**
 * Usage by member, for pooled team usage: one meter at a time, who used how much of it this
 * period and their share of the team's use, sorted by use or by member; each member's own
 * limit, set by whoever may set spend caps (the host app refuses a member at their limit:
 * `handler.usage.check(account, meter, member)`).
 *
 * Needs an adapter with `getMemberUsage` (and `setMemberLimit` to set limits); the http
 * adapter and both engines of the reference server have them.
 *
 * @tagname tectra-member-usage
 * @summary Usage by member: who used how much of each meter, sortable, with members' own limits.
 *
 * @fires {TectraMemberLimitChangedEvent} tectra-member-limit-changed - A member's own limit was saved (`detail.memberId`, `detail.meter`, `detail.limit`, null when removed).
 * @fires {TectraErrorEvent} tectra-error - Loading or saving a limit failed (`detail.error`, `detail.operation`).
 *
 * @csspart base - The card around everything.
 * @csspart table - The members' table.
 * @csspart member - One member's row.
 * @csspart badge - A member at their own limit.
 * @csspart limit-form - Setting a member's own limit.
 * @csspart not-allowed - Why the viewer's role cannot set limits (instead of the form).
 * @csspart status - The saved message or the new order (a polite live region).
 * @csspart error - The failed message (an assertive live region).
 *
 * @cssprop --tectra-member-usage-min-height - Reserved height while loading (default 16rem).
 */
export class TectraMemberUsage extends TectraViewElement<typeof import('./member-usage-view.js'), MemberUsageView> {
  static override styles = [...TectraElement.styles, fields, styles];
  static override properties = { meter: { reflect: true } };

  /** The meter shown (`output_tokens`, ...); without it the first pooled meter, and a choice of meters. */
  meter: string | undefined;

  protected readonly viewModule = view;

  protected createView(module: typeof import('./member-usage-view.js'), client: BillingClient): MemberUsageView {
    return new module.MemberUsageView({
      ...this.viewHost(client),
      limitChanged: (memberId, meter, limit) => this.dispatchEvent(new TectraMemberLimitChangedEvent({ memberId, meter, limit })),
    });
  }

  protected loading(): TemplateResult {
    return html`<div class="skeleton skeleton-members" role="status"><span class="visually-hidden">${msg('Loading usage by member…', { id: 'members.loading' })}</span></div>`;
  }

  protected readonly headingId = 'members-title';

  protected heading(): string {
    return msg('Usage by member', { id: 'members.title' });
  }
}
