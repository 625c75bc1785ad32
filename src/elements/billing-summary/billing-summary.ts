import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { formatDate, formatDateRange } from '../../core/dates.js';
import { formatMoney, formatNumber } from '../../core/money.js';
import { afterLoading, madeFrom } from '../../core/on-demand.js';
import { hasPlan } from '../../core/plans.js';
import type { Catalog, Coupon, Subscription, Tier } from '../../core/types.js';
import { TectraManageEvent, type ManageAction } from '../../events.js';
import { intervalName, perInterval, statusLabel } from '../../format/labels.js';
import { countOf } from '../../format/counts.js';
import { limitItems } from '../../format/limits.js';
import type { Resource } from '../../state/client.js';
import { errorMessage, reportFailure } from '../base/error-message.js';
import { TectraElement } from '../base/tectra-element.js';
import { styles } from './billing-summary.styles.js';
import { planActions } from './plan-actions-view.js';

/**
 * The account's current billing: tier with its limits and features, next payment,
 * billing period and status (trial, past due, canceled, scheduled change).
 *
 * @tagname tectra-billing-summary
 * @summary Current tier, included limits and features, next payment, billing period and status.
 *
 * @slot payment-element - Filled by the kit with Stripe's Payment Element while paying an overdue invoice with another card; leave empty.
 *
 * @fires {TectraManageEvent} tectra-manage - The user chose Manage, Choose a tier, Resubscribe or Update payment method (`detail.action`).
 * @fires {TectraSubscriptionCanceledEvent} tectra-subscription-canceled - The plan was canceled: it ends at the period end (`detail.subscription`).
 * @fires {TectraSubscriptionResumedEvent} tectra-subscription-resumed - A canceled plan renews again (`detail.subscription`).
 * @fires {TectraTierChangedEvent} tectra-tier-changed - The scheduled change was dropped: the current tier stays (`detail.subscription`).
 * @fires {TectraInvoicePaidEvent} tectra-invoice-paid - An overdue invoice was paid (`detail.invoice`).
 * @fires {TectraErrorEvent} tectra-error - Loading or an action failed (`detail.error`, `detail.operation`).
 *
 * @csspart base - The card around everything.
 * @csspart header - The heading row with the Manage button.
 * @csspart title - The heading.
 * @csspart manage-button - The Manage button.
 * @csspart tier-name - The current tier's name.
 * @csspart status - The status badge.
 * @csspart price - The recurring price.
 * @csspart banner - A status message (trial, past due, canceled, scheduled change, contract).
 * @csspart banner-action - The button in a banner: Pay now, Resume plan, Keep, Resubscribe.
 * @csspart actions - The row with Cancel plan.
 * @csspart cancel-button - Cancel plan.
 * @csspart dialog - The confirm step of a cancel, and the payment of an overdue invoice.
 * @csspart announcement - The outcome of an action, announced (visually hidden).
 * @csspart details - Next payment, billing period and seats.
 * @csspart limits - The included limits.
 * @csspart features - The tier's features.
 * @csspart skeleton - The loading placeholder.
 * @csspart error - The error message.
 * @csspart retry-button - The Retry button.
 *
 * @cssprop --tectra-summary-min-height - Reserved height while loading (default 22rem).
 */
export class TectraBillingSummary extends TectraElement {
  static override styles = [...TectraElement.styles, styles];
  static override properties = { announcement: { state: true } };

  private readonly subscription = this.select((c) => c.$subscription);
  private readonly catalog = this.select((c) => c.$catalog);
  /** Cancel, resume, keep and pay: loaded on demand for accounts with a plan. */
  readonly #actions = madeFrom(planActions, ({ PlanActions }) =>
    new PlanActions(this, {
      state: () => ({ client: this.client, catalog: this.catalog.value?.data, subscription: this.subscription.value?.data, locale: this.intlLocale }),
      // A done action changed the plan, so focus goes to it.
      changed: (announcement, done) => {
        this.announcement = announcement;
        if (done) void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>('[part="tier-name"]')?.focus());
      },
    }),
  );
  /** Rendered on the server: the shadow root came with the page (declarative shadow DOM). */
  readonly #hydrating = !!this.shadowRoot;
  private announcement = '';

  /** A server-rendered summary hydrates once the actions it was rendered with are here. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.#hydrating && !this.hasUpdated ? afterLoading([planActions], () => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  private manage(action: ManageAction): void {
    this.dispatchEvent(new TectraManageEvent({ action }));
  }

  private retry(): void {
    const client = this.client;
    if (!client) return;
    for (const name of ['subscription', 'catalog'] as const) {
      const store = name === 'subscription' ? client.$subscription : client.$catalog;
      if (store.get().status === 'error') void client.refresh(name);
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (hasPlan(this.subscription.value?.data) && !this.#actions.loaded) this.#actions().then(() => this.requestUpdate(), () => undefined);
  }

  protected override updated(): void {
    const failed = this.#actions.loaded?.failure;
    reportFailure(this, this.subscription.value?.error ?? this.catalog.value?.error ?? failed, failed ? 'plan-lifecycle' : 'load-subscription');
  }

  protected override render(): TemplateResult {
    const sub = this.subscription.value;
    const cat = this.catalog.value;
    const failed = [sub, cat].find((r): r is Resource<never> => r?.status === 'error' && r.data === undefined);
    let body: TemplateResult;
    let busy = false;
    if (failed) body = this.renderError(failed);
    // A plan's actions load with it (on demand); the skeleton stays until they are there.
    else if (!sub?.data || !cat?.data || (hasPlan(sub.data) && !this.#actions.loaded)) {
      busy = true;
      body = this.renderSkeleton();
    } else body = this.renderReady(sub.data, cat.data);

    return html`
      <section part="base" class="card" aria-labelledby="title" aria-busy=${busy ? 'true' : 'false'}>
        <header part="header">
          <h2 id="title" part="title">${msg('Current plan', { id: 'summary.title' })}</h2>
          ${sub?.data && sub.data.status !== 'none'
            ? html`<button part="manage-button" class="primary" @click=${() => this.manage('manage')}>
                ${msg('Manage', { id: 'summary.manage' })}
              </button>`
            : nothing}
        </header>
        ${body}
        <p part="announcement" class="visually-hidden" role="status">${this.announcement}</p>
        ${this.#actions.loaded?.dialog() ?? nothing}
      </section>
    `;
  }

  private renderSkeleton(): TemplateResult {
    return html`<div part="skeleton" class="skeleton-stack" role="status">
      <span class="visually-hidden">${msg('Loading your plan…', { id: 'summary.loading' })}</span>
      <span class="skeleton skeleton-title"></span>
      <span class="skeleton skeleton-line"></span>
      <span class="skeleton skeleton-block"></span>
    </div>`;
  }

  private renderError(resource: Resource<never>): TemplateResult {
    const retryable = resource.error?.retryable !== false;
    return html`<div part="error" class="banner" data-tone="danger" role="alert">
      <p>
        ${msg('We could not load your plan.', { id: 'summary.error' })}
        ${errorMessage(resource.error)}
      </p>
      ${retryable
        ? html`<button part="retry-button" @click=${this.retry}>${msg('Retry', { id: 'common.retry' })}</button>`
        : nothing}
    </div>`;
  }

  private renderReady(sub: Subscription, catalog: Catalog): TemplateResult {
    if (sub.status === 'none') {
      return html`<div class="empty">
        <p>${msg('You have no plan yet. Choose a plan to start using Tectra.', { id: 'summary.none' })}</p>
        <button class="primary" @click=${() => this.manage('choose-tier')}>
          ${msg('Choose a plan', { id: 'summary.choose_tier' })}
        </button>
      </div>`;
    }
    const tier = catalog.tiers.find((t) => t.id === sub.tierId);
    // A plan that ended includes nothing any more: no limits or features as if it were live.
    const live = sub.status !== 'canceled';
    return html`
      <div class="plan">
        <h3 part="tier-name" tabindex="-1">${tier?.name ?? sub.tierId ?? ''}</h3>
        <span part="status" class="badge" data-status=${sub.status}>${statusLabel(sub.status)}</span>
      </div>
      ${this.renderPrice(sub, tier)} ${this.renderBanners(sub, tier)}
      <div class="columns">
        ${this.renderDetails(sub)} ${tier && live ? this.renderLimits(tier) : nothing}
      </div>
      ${tier && live && tier.features.length
        ? html`<div part="features">
            <h4>${msg('Features', { id: 'summary.features' })}</h4>
            <ul>
              ${tier.features.map((f) => html`<li dir="auto">${f}</li>`)}
            </ul>
          </div>`
        : nothing}
      ${this.#actions.loaded?.cancelRow(tier) ?? nothing}
    `;
  }

  private renderPrice(sub: Subscription, tier: Tier | undefined): TemplateResult | typeof nothing {
    if (!tier || !sub.interval) return nothing;
    const price = tier.prices.find((p) => p.interval === sub.interval);
    if (!price) {
      return html`<p part="price" class="price muted">${msg('Custom pricing', { id: 'summary.custom_pricing' })}</p>`;
    }
    const amount = formatMoney(price.amount, this.intlLocale, { trimZeroFraction: true });
    const per = perInterval(sub.interval);
    if (price.perSeat && sub.seats) {
      const seats = countOf('seats', sub.seats, this.intlLocale);
      return html`<p part="price" class="price">
        ${msg(str`${amount} per seat ${per} · ${seats}`, { id: 'summary.price_per_seat' })}
      </p>`;
    }
    return html`<p part="price" class="price">${amount} ${per}</p>`;
  }

  private renderBanners(sub: Subscription, tier: Tier | undefined): TemplateResult[] {
    const tz = sub.timeZone ?? 'UTC';
    const date = (iso: string) => formatDate(iso, this.intlLocale, tz, 'long');
    const banners: TemplateResult[] = [];
    const banner = (tone: string, text: string, action?: TemplateResult) =>
      html`<div part="banner" class="banner" data-tone=${tone}><p>${text}</p>${action ?? nothing}</div>`;

    if (sub.status === 'trialing' && sub.trialEnd) {
      const end = date(sub.trialEnd);
      const first = sub.nextPayment ? formatMoney(sub.nextPayment.amount, this.intlLocale) : '';
      const text = sub.nextPayment
        ? msg(str`Your trial ends on ${end}. Your first payment of ${first} is due then.`, {
            id: 'summary.trial_with_payment',
          })
        : msg(str`Your trial ends on ${end}.`, { id: 'summary.trial' });
      banners.push(banner('info', text));
    }
    if (sub.status === 'incomplete') {
      banners.push(
        banner('danger', msg('Your first payment needs attention before the plan starts.', { id: 'summary.incomplete' }),
          html`<button class="primary" @click=${() => this.manage('update-payment-method')}>
            ${msg('Update payment method', { id: 'summary.update_payment_method' })}
          </button>`),
      );
    }
    if (sub.status === 'canceled') {
      const end = sub.currentPeriod?.end;
      banners.push(
        banner(
          'warning',
          end
            ? msg(str`Your plan was canceled and ended on ${date(end)}.`, { id: 'summary.canceled_on' })
            : msg('Your plan was canceled.', { id: 'summary.canceled' }),
          html`<button part="banner-action" class="primary" @click=${() => this.#resubscribe(sub)}>
            ${msg('Resubscribe', { id: 'summary.resubscribe' })}
          </button>`,
        ),
      );
    }
    if (hasPlan(sub)) banners.push(...(this.#actions.loaded?.banners(tier, banner) ?? []));
    return banners;
  }

  /** Resubscribe: the tier the account had, chosen again, and on to choosing and paying. */
  #resubscribe(sub: Subscription): void {
    if (sub.tierId && sub.interval) {
      this.client?.selectTier({ tierId: sub.tierId, interval: sub.interval, ...(sub.seats ? { seats: sub.seats } : {}) });
    }
    this.manage('choose-tier');
  }

  private renderDetails(sub: Subscription): TemplateResult {
    const tz = sub.timeZone ?? 'UTC';
    const rows: TemplateResult[] = [];
    if (sub.nextPayment && sub.status !== 'canceled') {
      const amount = formatMoney(sub.nextPayment.amount, this.intlLocale);
      const due = formatDate(sub.nextPayment.dueDate, this.intlLocale, tz, 'long');
      rows.push(html`<dt>${msg('Next payment', { id: 'summary.next_payment' })}</dt>
        <dd>${msg(str`${amount} on ${due}`, { id: 'summary.amount_on_date' })}</dd>`);
    }
    if (sub.currentPeriod) {
      rows.push(html`<dt>${msg('Billing period', { id: 'summary.billing_period' })}</dt>
        <dd>${formatDateRange(sub.currentPeriod.start, sub.currentPeriod.end, this.intlLocale, tz)}</dd>`);
    }
    if (sub.interval) {
      rows.push(html`<dt>${msg('Billing cycle', { id: 'summary.billing_cycle' })}</dt><dd>${intervalName(sub.interval)}</dd>`);
    }
    if (sub.seats) {
      rows.push(html`<dt>${msg('Seats', { id: 'summary.seats' })}</dt><dd>${formatNumber(sub.seats, this.intlLocale)}</dd>`);
    }
    if (sub.discount) {
      rows.push(html`<dt>${msg('Discount', { id: 'summary.discount' })}</dt><dd>${this.discountText(sub.discount)}</dd>`);
    }
    return html`<dl part="details">${rows}</dl>`;
  }

  private discountText(coupon: Coupon): string {
    const amount = coupon.percentOff !== undefined
      ? formatNumber(coupon.percentOff / 100, this.intlLocale, { style: 'percent', maximumFractionDigits: 2 })
      : coupon.amountOff
        ? formatMoney(coupon.amountOff, this.intlLocale)
        : '';
    const code = coupon.code;
    if (coupon.duration === 'forever') return msg(str`${code}: ${amount} off`, { id: 'summary.discount_forever' });
    if (coupon.duration === 'repeating' && coupon.durationInMonths) {
      const months = countOf('months', coupon.durationInMonths, this.intlLocale);
      return msg(str`${code}: ${amount} off for ${months}`, { id: 'summary.discount_repeating' });
    }
    return msg(str`${code}: ${amount} off once`, { id: 'summary.discount_once' });
  }

  private renderLimits(tier: Tier): TemplateResult {
    return html`<div>
      <h4 id="limits-title">${msg('Included each month', { id: 'summary.included' })}</h4>
      <ul part="limits" class="limits" aria-labelledby="limits-title">
        ${limitItems(tier, this.intlLocale)}
      </ul>
    </div>`;
  }
}
