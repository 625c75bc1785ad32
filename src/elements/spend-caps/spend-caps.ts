import { msg } from '@lit/localize';
import { css, html, type TemplateResult } from 'lit';
import { onDemand } from '../../core/on-demand.js';
import type { MeterKey, SpendCap } from '../../core/types.js';
import { fields } from '../../styles/fields.js';
import { TectraElement } from '../base/tectra-element.js';
import { TectraViewElement } from '../base/view-element.js';
import type { BillingClient } from '../../state/client.js';
import type { SpendCapsView } from './spend-caps-view.js';

// The view (the forms, their rules and the preview) loads with the first element on the
// page; until it is there the element shows its skeleton.
const view = onDemand(() => import('./spend-caps-view.js'));

/** A spend cap was saved: the meter and its cap (null: removed). */
export class TectraSpendCapChangedEvent extends Event {
  static readonly type = 'tectra-spend-cap-changed';
  constructor(readonly detail: { meter: MeterKey; cap: SpendCap | null }) {
    super(TectraSpendCapChangedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'tectra-spend-cap-changed': TectraSpendCapChangedEvent;
  }
}

const styles = css`
  .card {
    display: grid;
    gap: var(--_space);
    align-content: start;
  }
  .card:has(.skeleton-caps) {
    min-block-size: var(--tectra-spend-caps-min-height, 16rem);
  }
  h2 {
    font-size: 1.125rem;
  }
  p {
    margin: 0;
  }
  .meter {
    display: grid;
    gap: 0.75rem;
    padding-block-start: var(--_space);
    border-block-start: 1px solid var(--_raised);
  }
  .meter-name {
    font-size: 1rem;
    font-weight: 600;
    padding: 0;
    margin-block: 0 0.25rem;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  legend {
    inline-size: 100%;
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
  .field {
    max-inline-size: 16rem;
  }
  .standing {
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .done {
    color: var(--_success);
  }
  .skeleton-caps {
    block-size: 12rem;
  }
`;

/**
 * Spend caps, set by the account owner: for each limited meter, what happens at the plan's
 * limit (no cap, stop there, or allow overage up to an amount a period), with what that
 * means in words before saving, and where the meter stands against its cap. A viewer whose
 * role may not change caps reads them and is told why.
 *
 * Needs an adapter with `setSpendCap`; the http adapter and both engines of the reference
 * server have it. The host app asks `handler.usage.check()` before serving usage.
 *
 * @tagname tectra-spend-caps
 * @summary Spend caps per meter: stop at the limit, or allow overage up to an amount.
 *
 * @fires {TectraSpendCapChangedEvent} tectra-spend-cap-changed - A cap was saved (`detail.meter`, `detail.cap`, null when removed).
 * @fires {TectraErrorEvent} tectra-error - Loading usage or saving a cap failed (`detail.error`, `detail.operation`).
 *
 * @csspart base - The card around everything.
 * @csspart meter - One meter's form (a plain block for a viewer who may not change it).
 * @csspart preview - What happens at the limit with the cap chosen.
 * @csspart standing - Where the meter stands: stopped by its cap, or the overage so far.
 * @csspart not-allowed - Why the viewer's role cannot change caps.
 * @csspart status - A meter's saved message (a polite live region).
 * @csspart error - A meter's failed message (an assertive live region).
 *
 * @cssprop --tectra-spend-caps-min-height - Reserved height while loading (default 16rem).
 */
export class TectraSpendCaps extends TectraViewElement<typeof import('./spend-caps-view.js'), SpendCapsView> {
  static override styles = [...TectraElement.styles, fields, styles];
  static override properties = { meter: { reflect: true } };

  /** One meter's key (`output_tokens`, ...); every limited meter when absent. */
  meter: string | undefined;

  protected readonly viewModule = view;

  protected createView(module: typeof import('./spend-caps-view.js'), client: BillingClient): SpendCapsView {
    return new module.SpendCapsView({
      ...this.viewHost(client),
      changed: (meter, cap) => this.dispatchEvent(new TectraSpendCapChangedEvent({ meter, cap })),
    });
  }

  protected loading(): TemplateResult {
    return html`<div class="skeleton skeleton-caps" role="status"><span class="visually-hidden">${msg('Loading usage…', { id: 'usage.loading' })}</span></div>`;
  }

  protected readonly headingId = 'caps-title';

  protected heading(): string {
    return msg('Spend caps', { id: 'caps.title' });
  }
}
