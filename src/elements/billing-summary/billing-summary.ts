import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatDateRange } from '../../core/dates.js';
import { formatMoney, formatNumber } from '../../core/money.js';
import type { Catalog, Coupon, Subscription, Tier } from '../../core/types.js';
import { TectraManageEvent, type ManageAction } from '../../events.js';
import { intervalName, perInterval, statusLabel } from '../../format/labels.js';
import { limitItems } from '../../format/limits.js';
import type { Resource } from '../../state/client.js';
import { errorMessage, reportFailure } from '../base/error-message.js';
import { TectraElement } from '../base/tectra-element.js';
import { styles } from './billing-summary.styles.js';

/**
 * The account's current billing: tier with its limits and features, next payment,
 * billing period and status (trial, past due, canceled, scheduled change).
 *
 * @tagname tectra-billing-summary
 * @summary Current tier, included limits and features, next payment, billing period and status.
 *
 * @fires tectra-manage - The user chose Manage, Choose a tier or Update payment method (`detail.action`).
 * @fires tectra-error - Loading failed (`detail.error`, `detail.operation`).
 *
 * @csspart base - The card around everything.
 * @csspart header - The heading row with the Manage button.
 * @csspart title - The heading.
 * @csspart manage-button - The Manage button.
 * @csspart tier-name - The current tier's name.
 * @csspart status - The status badge.
 * @csspart price - The recurring price.
 * @csspart banner - A status message (trial, past due, canceled, scheduled change).
 * @csspart details - Next payment, billing period and seats.
 * @csspart limits - The included limits.
 * @csspart features - The tier's features.
 * @csspart skeleton - The loading placeholder.
 * @csspart error - The error message.
 * @csspart retry-button - The Retry button.
 *
 * @cssprop --tectra-summary-min-height - Reserved height, so loading and ready take the same room (default 22rem).
 */
export class TectraBillingSummary extends TectraElement {
  static override styles = [...TectraElement.styles, styles];

  private readonly subscription = this.select((c) => c.$subscription);
  private readonly catalog = this.select((c) => c.$catalog);

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

  protected override updated(): void {
    reportFailure(this, this.subscription.value?.error ?? this.catalog.value?.error, 'load-subscription');
  }

  protected override render(): TemplateResult {
    const sub = this.subscription.value;
    const cat = this.catalog.value;
    const failed = [sub, cat].find((r): r is Resource<never> => r?.status === 'error' && r.data === undefined);
    let body: TemplateResult;
    let busy = false;
    if (failed) body = this.renderError(failed);
    else if (!sub?.data || !cat?.data) {
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
      </section>
    `;
  }

  private renderSkeleton(): TemplateResult {
    return html`<div part="skeleton" class="skeleton-stack" role="status">
      <span class="visually-hidden">${msg('Loading billing details…', { id: 'summary.loading' })}</span>
      <span class="skeleton skeleton-title"></span>
      <span class="skeleton skeleton-line"></span>
      <span class="skeleton skeleton-block"></span>
    </div>`;
  }

  private renderError(resource: Resource<never>): TemplateResult {
    const retryable = resource.error?.retryable !== false;
    return html`<div part="error" class="banner" data-tone="danger" role="alert">
      <p>
        ${msg('We could not load your billing details.', { id: 'summary.error' })}
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
        <p>${msg('You have no plan yet. Choose a tier to start using Tectra.', { id: 'summary.none' })}</p>
        <button class="primary" @click=${() => this.manage('choose-tier')}>
          ${msg('Choose a tier', { id: 'summary.choose_tier' })}
        </button>
      </div>`;
    }
    const tier = catalog.tiers.find((t) => t.id === sub.tierId);
    return html`
      <div class="plan">
        <h3 part="tier-name">${tier?.name ?? sub.tierId ?? ''}</h3>
        <span part="status" class="badge" data-status=${sub.status}>${statusLabel(sub.status)}</span>
      </div>
      ${this.renderPrice(sub, tier)} ${this.renderBanners(sub, catalog)}
      <div class="columns">
        ${this.renderDetails(sub)} ${tier ? this.renderLimits(tier) : nothing}
      </div>
      ${tier && tier.features.length
        ? html`<div part="features">
            <h4>${msg('Features', { id: 'summary.features' })}</h4>
            <ul>
              ${tier.features.map((f) => html`<li dir="auto">${f}</li>`)}
            </ul>
          </div>`
        : nothing}
    `;
  }

  private renderPrice(sub: Subscription, tier: Tier | undefined): TemplateResult | typeof nothing {
    if (!tier || !sub.interval) return nothing;
    const price = tier.prices.find((p) => p.interval === sub.interval);
    if (!price) {
      return html`<p part="price" class="price muted">${msg('Custom pricing', { id: 'summary.custom_pricing' })}</p>`;
    }
    const amount = formatMoney(price.amount, this.intlLocale);
    const per = perInterval(sub.interval);
    if (price.perSeat && sub.seats) {
      const seats = formatNumber(sub.seats, this.intlLocale);
      return html`<p part="price" class="price">
        ${msg(str`${amount} per seat ${per} · ${seats} seats`, { id: 'summary.price_per_seat' })}
      </p>`;
    }
    return html`<p part="price" class="price">${amount} ${per}</p>`;
  }

  private renderBanners(sub: Subscription, catalog: Catalog): TemplateResult[] {
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
    if (sub.status === 'past_due') {
      banners.push(
        banner(
          'danger',
          msg('Your last payment failed. Update your payment method to keep your plan.', { id: 'summary.past_due' }),
          html`<button class="primary" @click=${() => this.manage('update-payment-method')}>
            ${msg('Update payment method', { id: 'summary.update_payment_method' })}
          </button>`,
        ),
      );
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
          html`<button class="primary" @click=${() => this.manage('choose-tier')}>
            ${msg('Choose a tier', { id: 'summary.choose_tier' })}
          </button>`,
        ),
      );
    }
    if (sub.cancelAtPeriodEnd && sub.status !== 'canceled' && sub.currentPeriod) {
      const end = date(sub.currentPeriod.end);
      banners.push(banner('warning', msg(str`Your plan ends on ${end} and will not renew.`, { id: 'summary.cancel_at_period_end' })));
    }
    if (sub.scheduledChange) {
      const change = sub.scheduledChange;
      const name = catalog.tiers.find((t) => t.id === change.tierId)?.name ?? change.tierId;
      const when = date(change.effectiveAt);
      const cadence = intervalName(change.interval);
      banners.push(
        banner('info', msg(str`Your plan changes to ${name} (${cadence}) on ${when}.`, { id: 'summary.scheduled_change' })),
      );
    }
    return banners;
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
      const months = formatNumber(coupon.durationInMonths, this.intlLocale);
      return msg(str`${code}: ${amount} off for ${months} months`, { id: 'summary.discount_repeating' });
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
