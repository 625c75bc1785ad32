/**
 * The confirm step of a tier change: the dialog with what changes, the quote, and
 * Confirm / Cancel, with focus moved in and back. Loaded on demand by the tier picker:
 * accounts without a plan never need it.
 */
import { capabilitiesOf } from '../../state/capabilities.js';
import { msg, str } from '@lit/localize';
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { formatDate } from '../../core/dates.js';
import { formatMoney } from '../../core/money.js';
import { changeKind, findTierIn, type CarriedSeats } from '../../core/plans.js';
import type { Catalog, PlanSelection, Quote, Subscription, Tier, Usage } from '../../core/types.js';
import { meterLabel } from '../../format/labels.js';
import { countOf } from '../../format/counts.js';
import { chargeRows, dueRows, quoteList, recurringPrice, type QuoteRow } from '../../format/quote.js';
import { formatUsageAmount } from '../../format/usage.js';
import { TectraTierChangedEvent } from '../../events.js';
import type { BillingClient } from '../../state/client.js';
import { intervalName } from '../../format/labels.js';
import type { TierChangeState } from '../../state/tier-change.js';
import { cardErrorMessage, errorMessage } from '../base/error-message.js';
import { adoptStyles, modal } from '../../styles/modal.js';

interface ChangeDialogContext {
  state: TierChangeState;
  usage: Usage | undefined;
  catalog: Catalog;
  subscription: Subscription;
  locale: string;
  onConfirm: () => void;
  onCancel: () => void;
  onRetryQuote: () => void;
}

function describe(catalog: Catalog, selection: PlanSelection, locale: string): string {
  const name = findTierIn(catalog, selection.tierId)?.name ?? selection.tierId;
  const cadence = intervalName(selection.interval);
  if (selection.seats) {
    const seats = countOf('seats', selection.seats, locale);
    return msg(str`${name} (${cadence}, ${seats})`, { id: 'picker.selection_with_seats' });
  }
  return msg(str`${name} (${cadence})`, { id: 'picker.selection' });
}

function quoteRows(quote: Quote, ctx: ChangeDialogContext): TemplateResult {
  const tz = ctx.subscription.timeZone ?? 'UTC';
  const date = (iso: string) => formatDate(iso, ctx.locale, tz, 'long');
  const immediate = !quote.effectiveAt || Date.parse(quote.effectiveAt) <= Date.now() + 60_000;
  const rows: QuoteRow[] = [
    [msg('New price', { id: 'picker.quote_new_price' }), recurringPrice(quote, ctx.locale)],
    ...chargeRows(quote, ctx.locale, false),
    ...dueRows(quote, ctx.locale, tz),
  ];
  rows.push([
    msg('Takes effect', { id: 'picker.quote_effective' }),
    immediate ? msg('Immediately', { id: 'picker.quote_immediately' }) : date(quote.effectiveAt ?? quote.nextPaymentDate),
  ]);
  return quoteList(rows, 'quote');
}

/** What a customer should know before confirming: usage over the new limits, features lost, what else changes. */
function consequences(quote: Quote, ctx: ChangeDialogContext): string[] {
  const { catalog, subscription: sub, locale, usage } = ctx;
  const target = findTierIn(catalog, quote.selection.tierId);
  const current = findTierIn(catalog, sub.tierId);
  if (!target) return [];
  const name = target.name;
  const out: string[] = [];
  for (const meter of usage?.meters ?? []) {
    const limit = target.limits[meter.key];
    if (limit === null || limit === undefined || meter.used <= limit) continue;
    const what = meterLabel(meter.key, meter.label);
    const used = formatUsageAmount(meter.used, meter, locale);
    const allowed = formatUsageAmount(limit, meter, locale);
    out.push(msg(str`${what}: this period's ${used} is over ${name}'s limit of ${allowed}.`, { id: 'picker.over_limit' }));
  }
  const lost = (current?.features ?? []).filter((f) => !target.features.includes(f));
  if (lost.length) {
    const list = new Intl.ListFormat(locale, { type: 'conjunction' }).format(lost);
    out.push(msg(str`You lose: ${list}.`, { id: 'picker.features_lost' }));
  }
  const immediate = !quote.effectiveAt || Date.parse(quote.effectiveAt) <= Date.now() + 60_000;
  if (sub.scheduledChange && immediate) {
    const scheduled = findTierIn(catalog, sub.scheduledChange.tierId)?.name ?? sub.scheduledChange.tierId;
    out.push(msg(str`Your scheduled change to ${scheduled} is canceled.`, { id: 'picker.drops_scheduled' }));
  }
  if (quote.proration.amount < 0) {
    const credit = formatMoney({ ...quote.proration, amount: -quote.proration.amount }, locale);
    out.push(
      quote.dueNow.amount > 0
        ? msg(str`The unused part of your current plan, ${credit}, is taken off this payment.`, { id: 'picker.credit_now' })
        : msg(str`The unused part of your current plan, ${credit}, is credited to your next invoices.`, { id: 'picker.credit_later' }),
    );
  }
  if (sub.status === 'trialing' && sub.trialEnd) {
    const end = formatDate(sub.trialEnd, locale, sub.timeZone ?? 'UTC', 'long');
    out.push(msg(str`Your trial continues until ${end}; the new price applies after it.`, { id: 'picker.trial_continues' }));
  }
  return out;
}

function renderChangeDialogBody(ctx: ChangeDialogContext): TemplateResult {
  const { state, catalog, subscription, locale } = ctx;
  const current = subscription.tierId && subscription.interval
    ? describe(catalog, { tierId: subscription.tierId, interval: subscription.interval, ...(subscription.seats ? { seats: subscription.seats } : {}) }, locale)
    : '';
  const target = state.selection ? describe(catalog, state.selection, locale) : '';
  const busy = state.status === 'quoting' || state.status === 'changing';
  const canConfirm = state.status === 'quoted' || state.status === 'change_failed';
  let body: TemplateResult | typeof nothing = nothing;
  if (state.status === 'quoting') {
    body = html`<p class="muted" role="status">${msg('Calculating your price…', { id: 'picker.quoting' })}</p>
      <span class="skeleton quote-skeleton"></span>`;
  } else if (state.status === 'quote_failed') {
    body = html`<div class="banner" data-tone="danger" role="alert">
      <p>${msg('We could not calculate the price of this change.', { id: 'picker.quote_failed' })} ${errorMessage(state.error)}</p>
      <button part="retry-button" @click=${ctx.onRetryQuote}>${msg('Retry', { id: 'common.retry' })}</button>
    </div>`;
  } else if (state.quote) {
    body = html`${state.refreshed
        ? html`<p class="banner" data-tone="info" role="status">
            ${msg('The price was refreshed because the previous quote expired. Please review it.', { id: 'picker.quote_refreshed' })}
          </p>`
        : nothing}
      ${quoteRows(state.quote, ctx)}
      ${(() => {
        const notes = consequences(state.quote, ctx);
        return notes.length ? html`<ul part="consequences" class="consequences">${notes.map((n) => html`<li>${n}</li>`)}</ul>` : nothing;
      })()}
      ${state.status === 'change_failed'
        ? html`<div class="banner" data-tone="danger" role="alert">
            <p>${msg('Your plan was not changed.', { id: 'picker.change_failed' })} ${cardErrorMessage(state.error)}</p>
          </div>`
        : nothing}`;
  }
  return html`
    <h3 id="dialog-title">${msg('Review your change', { id: 'picker.dialog_title' })}</h3>
    <p class="change-line">
      ${msg(str`From ${current} to ${target}`, { id: 'picker.change_from_to' })}
    </p>
    <div class="dialog-body" aria-busy=${busy ? 'true' : 'false'}>${body}</div>
    <div class="dialog-actions">
      <button part="dialog-cancel" ?disabled=${state.status === 'changing'} @click=${ctx.onCancel}>
        ${msg('Cancel', { id: 'common.cancel' })}
      </button>
      <button
        part="dialog-confirm"
        class="primary"
        ?disabled=${!canConfirm && state.status !== 'changing'}
        aria-disabled=${state.status === 'changing' ? 'true' : 'false'}
        aria-busy=${state.status === 'changing' ? 'true' : 'false'}
        @click=${ctx.onConfirm}
      >
        ${state.status === 'changing'
          ? msg('Changing your plan…', { id: 'picker.changing' })
          : state.status === 'change_failed'
            ? msg('Try again', { id: 'picker.try_again' })
            : msg('Confirm change', { id: 'picker.confirm' })}
      </button>
    </div>
  `;
}

// The confirm step's styles arrive with it and are adopted by the host's shadow root.
const dialogStyles = css`
  .dialog-body {
    display: grid;
    gap: 0.75rem;
    margin-block: var(--_space);
    min-block-size: 8rem;
  }
  .quote {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.35rem 1rem;
  }
  .quote dt {
    color: var(--_muted);
  }
  .quote dd {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .consequences {
    margin: 0;
    padding-inline-start: 1.1rem;
    display: grid;
    gap: 0.25rem;
  }
  .quote-skeleton {
    block-size: 6rem;
  }
  .dialog-actions {
    display: flex;
    justify-content: flex-end;
    gap: 0.5rem;
  }
`;

/** The element that hosts the flow (its dialog is the host's `dialog.change-dialog`). */
export interface ChangeFlowHost extends ReactiveControllerHost, EventTarget {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** What the flow needs from its host, handed to the constructor so that none of it is public. */
export interface ChangeFlowHooks {
  /** What it renders from. */
  state(): {
    client: BillingClient | undefined;
    catalog: Catalog | undefined;
    subscription: Subscription | undefined;
    change: TierChangeState | undefined;
    locale: string;
  };
  /**
   * Tells the user (the host's live region) how the change ended; `false`: focus is the
   * flow's to move (it returns through `closed`). The plan actions' hook of the same name.
   */
  changed(announcement: string, done: false): void;
  /** The dialog closed; focus goes back to `trigger` or wherever the host decides. */
  closed(trigger: HTMLElement | undefined): void;
}

/** Opens, confirms and closes the confirm step; the quote and change live in the client. */
export class ChangeFlow implements ReactiveController {
  open = false;
  private trigger: HTMLElement | undefined;

  constructor(
    private readonly host: ChangeFlowHost,
    private readonly hooks: ChangeFlowHooks,
  ) {
    host.addController(this);
    adoptStyles(host.renderRoot, [modal.styleSheet, dialogStyles.styleSheet]);
  }

  /** Quotes the selection and opens the confirm step. */
  start(selection: PlanSelection, trigger: HTMLElement | undefined): void {
    this.trigger = trigger;
    void this.hooks.state().client?.requestChange(selection);
    this.open = true;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const dialog = this.host.renderRoot.querySelector<HTMLDialogElement>('dialog.change-dialog');
    if (!dialog) return;
    if (this.open && !dialog.open) dialog.showModal();
    if (!this.open && dialog.open) dialog.close();
  }

  /** The dialog's `cancel` event (Escape). */
  onCancel(event: Event): void {
    event.preventDefault();
    this.close();
  }

  close(): void {
    const { client, change } = this.hooks.state();
    if (change?.status === 'changing') return;
    if (change?.status !== 'changed') client?.cancelChange();
    this.open = false;
    this.host.requestUpdate();
    const trigger = this.trigger;
    this.trigger = undefined;
    this.hooks.closed(trigger);
  }

  private async confirm(): Promise<void> {
    // Busy, the button stays focusable; a second press must not announce or fire twice.
    if (this.hooks.state().change?.status === 'changing') return;
    const subscription = await this.hooks.state().client?.confirmChange();
    if (!subscription) return;
    const { catalog, change, locale } = this.hooks.state();
    this.close();
    const name = findTierIn(catalog, change?.selection?.tierId)?.name ?? '';
    if (subscription.scheduledChange) {
      const when = formatDate(subscription.scheduledChange.effectiveAt, locale, subscription.timeZone ?? 'UTC', 'long');
      this.hooks.changed(msg(str`Your plan changes to ${name} on ${when}.`, { id: 'picker.change_scheduled' }), false);
    } else {
      this.hooks.changed(msg(str`Your plan is now ${name}.`, { id: 'picker.change_done' }), false);
    }
    this.host.dispatchEvent(new TectraTierChangedEvent({ subscription }));
  }

  private retryQuote(): void {
    const { client, change } = this.hooks.state();
    const selection = change?.selection;
    if (!selection) return;
    client?.cancelChange();
    void client?.requestChange(selection);
  }

  /** A card's action with a plan: what choosing the tier would do, or why it cannot be chosen. */
  action(tier: Tier, selection: PlanSelection): { label: string; primary: boolean; disabled: boolean } | undefined {
    const { catalog, subscription: sub, client } = this.hooks.state();
    if (!catalog || !sub) return undefined;
    const kind = changeKind(catalog, sub, selection);
    const name = tier.name;
    const change = sub.scheduledChange;
    // The change already scheduled is not offered again (Keep <tier> in the banner undoes it).
    const scheduled = change?.tierId === tier.id && change.interval === selection.interval && (change.seats ?? null) === (selection.seats ?? null);
    const label = scheduled
      ? msg('Scheduled', { id: 'picker.scheduled' })
      : kind === 'same'
        ? msg('Current plan', { id: 'picker.action_current' })
        : sub.tierId === tier.id
          ? msg('Update seats', { id: 'picker.action_update_seats' })
          : kind === 'upgrade'
            ? msg(str`Upgrade to ${name}`, { id: 'picker.action_upgrade' })
            : msg(str`Downgrade to ${name}`, { id: 'picker.action_downgrade' });
    // A member who may not change the plan sees the actions, unavailable (the banner says why).
    const may = !client || capabilitiesOf(client).can('purchase');
    return { label, primary: kind === 'upgrade' && may, disabled: kind === 'same' || scheduled || !may };
  }

  /** The plan's seats did not fit this tier's range: what is counted instead. */
  clampedHint(tier: Tier, carried: CarriedSeats | undefined): TemplateResult | typeof nothing {
    const { subscription, locale } = this.hooks.state();
    if (!carried?.clamped) return nothing;
    const had = countOf('seats', subscription?.seats ?? 0, locale);
    const counted = countOf('seats', carried.seats, locale);
    const name = tier.name;
    return html`<p class="hint">${msg(str`Your plan has ${had}; ${name} counts ${counted}.`, { id: 'picker.seats_clamped' })}</p>`;
  }

  /** The dialog's content while it is open. */
  render(): TemplateResult | typeof nothing {
    const { catalog, subscription, change, locale } = this.hooks.state();
    if (!this.open || !catalog || !subscription || !change) return nothing;
    return renderChangeDialogBody({
      state: change,
      usage: this.hooks.state().client?.$usage.get().data,
      catalog,
      subscription,
      locale,
      onConfirm: () => void this.confirm(),
      onCancel: () => this.close(),
      onRetryQuote: () => this.retryQuote(),
    });
  }
}
