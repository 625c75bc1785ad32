import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { formatMoney, formatNumber, multiplyMoney } from '../../core/money.js';
import { carrySeats, currentSelection, findTierIn, hasPlan, monthlyValue, priceFor, sameSelection, yearlySavingPercent } from '../../core/plans.js';
import type { Catalog, Interval, PlanSelection, Subscription, Money, Tier, TierKind, TierPrice } from '../../core/types.js';
import { afterLoading, madeFrom, onDemand, view } from '../../core/on-demand.js';
import { safeUrl } from '../../core/urls.js';
import { TectraTierSelectEvent } from '../../events.js';
import { intervalName, perInterval } from '../../format/labels.js';
import { countOf } from '../../format/counts.js';
import { limitItems } from '../../format/limits.js';
import type { Resource } from '../../state/client.js';
import type { PlanActionsHooks } from '../billing-summary/plan-actions.js';
import { planActions } from '../billing-summary/plan-actions-view.js';
import { errorMessage, reportFailure } from '../base/error-message.js';
import { rovingTarget } from '../base/roving-keys.js';
import { TectraElement } from '../base/tectra-element.js';
import { seatsForKey, seatsInRange } from './seat-keys.js';
import type { ChangeFlowHooks } from './change-flow.js';
import type { seatRefusal } from './seats.js';
import { styles } from './tier-picker.styles.js';

type SeatRefusal = typeof seatRefusal;

/** The confirm step of a change and the cards' actions with a plan. */
const changeFlow = view(() => import('./change-flow.js'));

/**
 * A tier id as one id token, whatever it holds: aria-labelledby splits at spaces, and the ids
 * are the same on a server render, which has no CSS.escape. (`_` and other characters are
 * written as `_` and their code, so two tier ids never meet.)
 */
const idFor = (tierId: string): string => tierId.replace(/[^\w-]|_/g, (c) => `_${c.charCodeAt(0).toString(16)}`);

const KINDS: TierKind[] = ['individual', 'team', 'enterprise'];

const kindTitle = (kind: TierKind): string =>
  ({
    individual: msg('Individual', { id: 'picker.kind_individual' }),
    team: msg('Team', { id: 'picker.kind_team' }),
    enterprise: msg('Enterprise', { id: 'picker.kind_enterprise' }),
  })[kind];

/**
 * Individual, Team and Enterprise tiers with price, limits and features; a month/year
 * toggle; seats for team tiers; the current tier marked. Without a subscription,
 * choosing a tier makes it the checkout selection; with one, it quotes the change and
 * asks to confirm it.
 *
 * @tagname tectra-tier-picker
 * @summary Choose a tier, or upgrade / downgrade with a quote to confirm.
 *
 * @fires {TectraTierSelectEvent} tectra-tier-select - A tier was chosen for checkout (`detail.selection`). Cancelable: `preventDefault()` vetoes it.
 * @fires {TectraTierChangedEvent} tectra-tier-changed - The backend confirmed a change of tier, or the scheduled change was dropped (`detail.subscription`).
 * @fires {TectraSubscriptionCanceledEvent} tectra-subscription-canceled - The plan was canceled with Cancel plan (`detail.subscription`).
 * @fires {TectraSubscriptionResumedEvent} tectra-subscription-resumed - An ending plan renews again (`detail.subscription`).
 * @fires {TectraInvoicePaidEvent} tectra-invoice-paid - An overdue invoice was paid from the past-due banner (`detail.invoice`).
 * @fires {TectraErrorEvent} tectra-error - Loading, quoting or changing failed (`detail.error`, `detail.operation`).
 *
 * @csspart base - The wrapper.
 * @csspart header - Title and interval toggle.
 * @csspart interval-toggle - The month / year switch.
 * @csspart group - One group of tiers (Individual, Team, Enterprise).
 * @csspart group-title - A group's heading.
 * @csspart tier - A tier's card.
 * @csspart tier-radio - The choosable part of a card (role radio).
 * @csspart badge - Recommended, Current, Scheduled and Save badges.
 * @csspart price - A tier's price.
 * @csspart limits - A tier's limits.
 * @csspart features - A tier's features.
 * @csspart seats - The seat stepper of a team tier.
 * @csspart contact-sales - The Contact sales link.
 * @csspart tier-action - A card's action: Choose, Upgrade to, Downgrade to, Update seats, Current plan.
 * @csspart banner-action - The button in a banner: Keep, Resume plan, Pay now.
 * @csspart actions - The row with Cancel plan.
 * @csspart cancel-button - Cancel plan.
 * @csspart banner - Scheduled change and result messages.
 * @csspart dialog - The confirm step of a change, and of a cancel.
 * @csspart quote - The quote in the confirm step.
 * @csspart dialog-confirm - Confirm change.
 * @csspart dialog-cancel - Cancel.
 * @csspart skeleton - The loading placeholder.
 * @csspart error - The error message.
 * @csspart retry-button - Retry.
 *
 * @cssprop --tectra-picker-min-height - Reserved height while loading; set it to your catalog's height (default 84.3125rem, the demo catalog's three groups at full width).
 */
export class TectraTierPicker extends TectraElement {
  static override styles = [...TectraElement.styles, styles];
  static formAssociated = true;
  // Declared without decorators: the decorator helpers would add half a kilobyte to the bundle.
  // Everything else private is `#private`, which minifiers can rename.
  static override properties = {
    kinds: {},
    interval: { reflect: true },
    name: { reflect: true },
    checkedTierId: { state: true },
    seats: { state: true },
    refused: { state: true },
    announcement: { state: true },
  };

  /** Tier groups to show, e.g. `individual team` (all when empty). */
  kinds = '';

  /** Billing interval shown; follows the subscription until the user switches. */
  interval: Interval | undefined;

  /** Form field name: with one, the chosen tier id is submitted with a host `<form>`. */
  name: string | undefined;

  private checkedTierId: string | undefined;
  private seats = new Map<string, number>();
  /** Typed seat counts that were refused, by tier: what was typed (kept in the field) and why. */
  private refused = new Map<string, { text: string; reason: string }>();
  private announcement = '';
  /**
   * What the change flow and the plan actions need from the picker: what they render from,
   * and what the picker does when they end. Handed to them, so none of it is public.
   */
  readonly #hooks: ChangeFlowHooks & PlanActionsHooks = {
    state: () => ({
      client: this.client,
      catalog: this.#catalog.value?.data,
      subscription: this.#subscription.value?.data,
      change: this.#change.value,
      locale: this.intlLocale,
    }),
    // How a change or a plan action ended; a done action moves focus to the heading of the tiers.
    changed: (announcement, done) => {
      this.announcement = announcement;
      if (done) void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>('#picker-title')?.focus());
    },
    // The change flow closed: the current tier is checked again and focus returns to the
    // trigger, unless it went or can no longer act (its button is disabled: the tier is now
    // the current plan; a radio that opened the review has no `disabled` and keeps focus).
    closed: (trigger) => {
      if (this.#mode === 'change') this.checkedTierId = currentSelection(this.#subscription.value?.data)?.tierId;
      void this.updateComplete.then(() =>
        (trigger?.isConnected && !(trigger as HTMLButtonElement).disabled ? trigger : this.#radio(this.checkedTierId ?? ''))?.focus(),
      );
    },
  };
  /** The confirm step of a change, loaded on demand: accounts without a plan never need it. */
  readonly #flow = madeFrom(changeFlow, ({ ChangeFlow }) => new ChangeFlow(this, this.#hooks));
  /** Why a typed seat count is refused, in words: loaded with the first tier that has seats. */
  readonly #seatRefusal = onDemand(() => import('./seats.js').then((m) => m.seatRefusal));
  /** Cancel plan, Keep <tier>, Resume plan and the contract banner: the summary's, loaded on demand too. */
  readonly #actions = madeFrom(planActions, ({ PlanActions }) => new PlanActions(this, this.#hooks));
  /** Rendered on the server: the shadow root came with the page (declarative shadow DOM). */
  readonly #hydrating = !!this.shadowRoot;

  readonly #catalog = this.select((c) => c.$catalog);
  readonly #subscription = this.select((c) => c.$subscription);
  readonly #checkout = this.select((c) => c.$checkout);
  readonly #change = this.select((c) => c.$change);
  readonly #internals: ElementInternals;

  constructor() {
    super();
    this.#internals = this.attachInternals();
  }

  /** The chosen tier id (the form value). */
  get value(): string {
    return this.checkedTierId ?? '';
  }

  get #activeInterval(): Interval {
    // An empty attribute (`interval=""`, or Lit's `interval=${undefined}`) is no choice.
    return this.interval || this.#subscription.value?.data?.interval || this.#checkout.value?.selection?.interval || 'month';
  }

  get #mode(): 'checkout' | 'change' {
    return hasPlan(this.#subscription.value?.data) ? 'change' : 'checkout';
  }

  #seatsFor(tier: Tier): number | undefined {
    return this.seats.get(tier.id) ?? this.#carried(tier)?.seats;
  }

  /** The plan's seats carried over to another team tier (clamped to its range). */
  #carried(tier: Tier) {
    const sub = this.#subscription.value?.data;
    return carrySeats(tier, hasPlan(sub) ? sub?.seats : undefined);
  }

  #selectionFor(tier: Tier): PlanSelection {
    const seats = this.#seatsFor(tier);
    return { tierId: tier.id, interval: this.#activeInterval, ...(seats === undefined ? {} : { seats }) };
  }

  /** The current tier with the same interval and seats cannot be chosen again. */
  #isCurrent(tier: Tier): boolean {
    return sameSelection(currentSelection(this.#subscription.value?.data), this.#selectionFor(tier));
  }

  /** The radios, in the order arrow keys walk them: every shown tier with a price for this interval. */
  #choosable(catalog: Catalog): Tier[] {
    return this.#visibleTiers(catalog).filter((t) => priceFor(t, this.#activeInterval));
  }

  #visibleTiers(catalog: Catalog): Tier[] {
    const wanted = this.kinds.split(/[\s,]+/).filter(Boolean);
    return catalog.tiers.filter((t) => wanted.length === 0 || wanted.includes(t.kind));
  }

  #lastMode: 'checkout' | 'change' | undefined;
  #flowFailed = false;

  /** With a plan, the tiers wait for the change flow, which says what each card's action does. */
  #waitingForFlow(sub: Subscription): boolean {
    return hasPlan(sub) && !this.#flow.loaded && !this.#flowFailed;
  }

  /** A server-rendered picker hydrates once the views it was rendered with are here. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.#hydrating && !this.hasUpdated ? afterLoading([changeFlow, planActions], () => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const mode = this.#mode;
    // "Pro selected" belongs to the checkout: once the plan is bought it is old news.
    if (mode !== this.#lastMode && this.#lastMode) this.announcement = '';
    this.#lastMode = mode;
    if (mode === 'change') {
      // The cards' actions come from the flow: the tiers show once it is here (or could not come:
      // then without their actions, and choosing a tier tries the download again).
      if (!this.#flow.loaded && !this.#flowFailed) {
        this.#flow().then(
          () => this.requestUpdate(),
          () => {
            this.#flowFailed = true;
            this.requestUpdate();
          },
        );
      }
      if (!this.#actions.loaded) this.#actions().then(() => this.requestUpdate(), () => undefined);
    }
    if (this.checkedTierId === undefined) {
      this.checkedTierId = this.#checkout.value?.selection?.tierId ?? currentSelection(this.#subscription.value?.data)?.tierId;
    }
    this.#syncFormValue();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const loadError = this.#catalog.value?.error ?? this.#subscription.value?.error;
    const change = this.#change.value;
    const failure = loadError ?? change?.error;
    reportFailure(this, failure, loadError ? 'load-catalog' : change?.status === 'quote_failed' ? 'preview-change' : 'change-tier');
  }

  #syncFormValue(): void {
    this.#internals.setFormValue(findTierIn(this.#catalog.value?.data, this.checkedTierId)?.id ?? null);
  }

  formResetCallback(): void {
    this.checkedTierId = undefined;
    this.seats = new Map();
    this.refused = new Map();
  }

  // --- choosing -----------------------------------------------------------------------

  /** Checks a tier (arrow keys); in checkout mode checking is choosing. */
  #check(tier: Tier): void {
    if (this.#mode === 'checkout') this.#choose(tier);
    else this.checkedTierId = tier.id;
  }

  /** Click, Space or Enter on a tier. */
  #choose(tier: Tier, trigger?: HTMLElement): void {
    if (this.#isCurrent(tier) || !priceFor(tier, this.#activeInterval)) return;
    const selection = this.#selectionFor(tier);
    if (this.#mode === 'checkout') {
      const event = new TectraTierSelectEvent({ selection });
      this.dispatchEvent(event);
      if (event.defaultPrevented) return;
      this.checkedTierId = tier.id;
      // A click, Enter or Space commits to the choice: the checkout is the next step. Arrow keys only move.
      this.client?.selectTier(selection, { proceed: trigger !== undefined });
      const price = this.#priceText(tier);
      this.announcement = msg(str`${tier.name} selected, ${price}.`, { id: 'picker.selected' });
      return;
    }
    this.checkedTierId = tier.id;
    this.announcement = '';
    const from = trigger ?? (this.shadowRoot?.activeElement as HTMLElement | null) ?? undefined;
    void this.#flow().then((flow) => flow.start(selection, from));
  }

  #setInterval(interval: Interval): void {
    if (interval === this.#activeInterval) return;
    this.interval = interval;
    this.#reselect();
  }

  /** In checkout mode a changed interval or seat count updates the checkout selection. */
  #reselect(): void {
    if (this.#mode !== 'checkout') return;
    const tier = findTierIn(this.#catalog.value?.data, this.checkedTierId);
    if (tier && this.#checkout.value?.selection?.tierId === tier.id) this.#choose(tier);
  }

  /** Seats from the buttons and keys (kept within the tier's range), or typed ones the tier takes. */
  #putSeats(tier: Tier, seats: number): void {
    const refused = new Map(this.refused);
    refused.delete(tier.id);
    this.refused = refused;
    this.seats = new Map(this.seats).set(tier.id, carrySeats(tier, seats)?.seats ?? seats);
    this.#reselect();
  }

  /** Typed seats are taken at once when the tier takes them; otherwise refused with a reason, and what was typed stays. */
  #typeSeats(tier: Tier, text: string): void {
    const seats = seatsInRange(tier, text);
    if (seats !== undefined) return this.#putSeats(tier, seats);
    const refuse = (seatRefusal: SeatRefusal) => {
      this.refused = new Map(this.refused).set(tier.id, { text, reason: seatRefusal(tier, text, this.intlLocale) });
    };
    const loaded = this.#seatRefusal.loaded;
    if (loaded) refuse(loaded);
    else this.#seatRefusal().then(refuse, () => undefined);
  }

  #onRadioKeydown(event: KeyboardEvent, tiers: Tier[], index: number): void {
    const tier = tiers[index];
    if (!tier) return;
    if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      this.#choose(tier, event.currentTarget as HTMLElement);
      return;
    }
    const target = tiers[rovingTarget(event, index, tiers.length, 'radios') ?? -1];
    if (!target) return;
    this.#check(target);
    void this.updateComplete.then(() => this.#radio(target.id)?.focus());
  }

  #radio(tierId: string): HTMLElement | null | undefined {
    // The tier's name is a child of its radio (a tier without a price has no radio: its
    // name's parent is a static box, which cannot take focus).
    return this.shadowRoot?.getElementById(`name-${idFor(tierId)}`)?.parentElement;
  }

  #retryLoad(): void {
    if (this.#catalog.value?.status === 'error') void this.client?.refresh('catalog');
    if (this.#subscription.value?.status === 'error') void this.client?.refresh('subscription');
  }

  // --- rendering ----------------------------------------------------------------------

  #priceText(tier: Tier): string {
    const price = priceFor(tier, this.#activeInterval);
    return price ? this.#perText(price.amount, price.perSeat, this.#activeInterval) : '';
  }

  #perText(money: Money, perSeat: boolean | undefined, interval: Interval): string {
    const amount = formatMoney(money, this.intlLocale, { trimZeroFraction: true });
    const per = perInterval(interval);
    return perSeat
      ? msg(str`${amount} per seat ${per}`, { id: 'picker.price_per_user' })
      : msg(str`${amount} ${per}`, { id: 'picker.price' });
  }

  /** A yearly price as a month of it ("$40.83 per month, billed yearly"); the saving is on the toggle. */
  #monthlyText(price: TierPrice): TemplateResult | typeof nothing {
    if (price.interval !== 'year') return nothing;
    const monthly = this.#perText({ ...price.amount, amount: Math.round(monthlyValue(price.amount, 'year')) }, price.perSeat, 'month');
    return html`<p class="muted">${msg(str`${monthly}, billed yearly`, { id: 'picker.billed_yearly' })}</p>`;
  }

  protected override render(): TemplateResult {
    const catalog = this.#catalog.value;
    const sub = this.#subscription.value;
    const failed = [catalog, sub].find((r): r is Resource<never> => r?.status === 'error' && r.data === undefined);
    let body: TemplateResult;
    // While loading, the toggle waits too: it joins the tiers, so the skeleton does not move.
    let loading = false;
    if (failed) {
      body = html`<div part="error" class="banner" data-tone="danger" role="alert">
        <p>${msg('We could not load the plans.', { id: 'picker.error' })} ${errorMessage(failed.error)}</p>
        <button part="retry-button" @click=${this.#retryLoad}>${msg('Retry', { id: 'common.retry' })}</button>
      </div>`;
    } else if (!catalog?.data || !sub?.data || this.#waitingForFlow(sub.data)) {
      body = this.#renderSkeleton();
      loading = true;
    } else {
      body = this.#renderTiers(catalog.data, sub.data);
    }
    return html`<section part="base" class="base" aria-labelledby="picker-title" aria-busy=${loading ? 'true' : 'false'}>
      <header part="header">
        <h2 id="picker-title">${msg('Choose a plan', { id: 'summary.choose_tier' })}</h2>
        ${catalog?.data && !loading ? this.#renderIntervalToggle(catalog.data) : nothing}
      </header>
      ${body}
      <p part="status" class=${this.announcement ? 'banner' : 'visually-hidden'} data-tone="success" role="status">${this.announcement}</p>
      ${this.#actions.loaded?.cancelRow(findTierIn(catalog?.data, sub?.data?.tierId)) ?? nothing}
      ${this.#renderDialog()} ${this.#actions.loaded?.dialog() ?? nothing}
    </section>`;
  }

  #renderSkeleton(): TemplateResult {
    return html`<div part="skeleton" class="skeleton-grid" role="status">
      <span class="visually-hidden">${msg('Loading plans…', { id: 'picker.loading' })}</span>
      <span class="skeleton skeleton-card"></span><span class="skeleton skeleton-card"></span><span class="skeleton skeleton-card"></span>
    </div>`;
  }

  #renderIntervalToggle(catalog: Catalog): TemplateResult {
    const savings = this.#visibleTiers(catalog).map(yearlySavingPercent).filter((s): s is number => s !== undefined);
    const best = savings.length ? Math.max(...savings) : undefined;
    const percent = best === undefined ? '' : formatNumber(best / 100, this.intlLocale, { style: 'percent' });
    const option = (interval: Interval, extra: string) => html`<label>
      <input type="radio" name="interval" .value=${interval} .checked=${this.#activeInterval === interval} @change=${() => this.#setInterval(interval)} />
      ${intervalName(interval)}${extra ? html` <span class="save">${extra}</span>` : nothing}
    </label>`;
    return html`<fieldset part="interval-toggle" class="toggle">
      <legend class="visually-hidden">${msg('Billing interval', { id: 'picker.interval_legend' })}</legend>
      ${option('month', '')}
      ${option('year', percent ? msg(str`save up to ${percent}`, { id: 'picker.save_up_to' }) : '')}
    </fieldset>`;
  }

  #renderTiers(catalog: Catalog, sub: Subscription): TemplateResult {
    const visible = this.#visibleTiers(catalog);
    if (visible.length === 0) {
      return html`<p class="empty">${msg('No plans are available right now.', { id: 'picker.empty' })}</p>`;
    }
    // Roving tab stop: the checked radio, else the first one that can be chosen.
    const order = this.#choosable(catalog);
    const tabStop = order.find((t) => t.id === this.checkedTierId) ?? order.find((t) => !this.#isCurrent(t)) ?? order[0];
    const current = findTierIn(catalog, sub.tierId);
    const banners = this.#actions.loaded?.banners(current, (tone, text, action) =>
      html`<div part="banner" class="banner" data-tone=${tone}><p>${text}</p>${action ?? nothing}</div>`,
    );
    // A contract is changed with the account manager, not here.
    if (current?.kind === 'enterprise' && hasPlan(sub)) return html`${banners}`;
    return html`
      ${banners}
      <div class="groups" role="radiogroup" aria-labelledby="picker-title">
        ${KINDS.map((kind) => {
          const tiers = visible.filter((t) => t.kind === kind);
          if (!tiers.length) return nothing;
          return html`<div part="group" class="group" role="group" aria-labelledby="group-${kind}">
            <h3 part="group-title" id="group-${kind}">${kindTitle(kind)}</h3>
            <div class="tiers">${tiers.map((t) => this.#renderTier(t, sub, order, tabStop))}</div>
          </div>`;
        })}
      </div>
    `;
  }

  #renderTier(tier: Tier, sub: Subscription, order: Tier[], tabStop: Tier | undefined): TemplateResult {
    const price = priceFor(tier, this.#activeInterval);
    const current = sub.tierId === tier.id && hasPlan(sub);
    const sameAsCurrent = this.#isCurrent(tier);
    const scheduled = sub.scheduledChange?.tierId === tier.id;
    const badges: string[] = [];
    if (tier.recommended) badges.push(msg('Recommended', { id: 'picker.recommended' }));
    if (current) badges.push(msg('Current plan', { id: 'picker.current' }));
    if (scheduled) badges.push(msg('Scheduled', { id: 'picker.scheduled' }));
    const index = order.indexOf(tier);
    const id = idFor(tier.id);
    const header = html`
      <p class="badges" id="badges-${id}">${badges.map((b) => html`<span part="badge" class="badge">${b}</span>`)}</p>
      <p class="name" id="name-${id}">${tier.name}</p>
      ${price
        ? html`<p part="price" class="price" id="price-${id}">${this.#priceText(tier)}</p>${this.#monthlyText(price)}`
        : html`<p part="price" class="price" id="price-${id}">${tier.prices.length ? msg('Not available for this interval', { id: 'picker.no_price' }) : msg('Custom pricing', { id: 'summary.custom_pricing' })}</p>`}
      ${tier.description ? html`<p class="description muted" id="desc-${id}" dir="auto">${tier.description}</p>` : nothing}
    `;
    const choosable = price && index >= 0;
    const checked = this.checkedTierId === tier.id;
    return html`<article part="tier" class="tier" ?data-checked=${checked && choosable}>
      ${choosable
        ? html`<div
            part="tier-radio"
            class="radio"
            role="radio"
            data-tier-radio=${tier.id}
            aria-checked=${checked ? 'true' : 'false'}
            aria-disabled=${sameAsCurrent ? 'true' : 'false'}
            aria-labelledby="name-${id} price-${id}"
            aria-describedby=${badges.length ? `badges-${id}` : nothing}
            tabindex=${tabStop?.id === tier.id ? 0 : -1}
            @click=${() => this.#check(tier)}
            @keydown=${(e: KeyboardEvent) => this.#onRadioKeydown(e, order, index)}
          >
            ${header}
          </div>`
        : html`<div class="radio static">${header}</div>`}
      ${tier.seats && price ? this.#renderSeats(tier) : nothing}
      ${this.#renderLimits(tier)}
      ${tier.features.length
        ? html`<ul part="features" class="features">${tier.features.map((f) => html`<li dir="auto">${f}</li>`)}</ul>`
        : nothing}
      ${tier.contactSalesUrl || !tier.prices.length ? this.#renderContactSales(tier) : choosable ? this.#renderAction(tier, sub) : nothing}
    </article>`;
  }

  #renderContactSales(tier: Tier): TemplateResult {
    const href = safeUrl(tier.contactSalesUrl);
    const label = msg('Contact sales', { id: 'picker.contact_sales' });
    return href
      ? html`<a part="contact-sales" class="contact" href=${href} target="_blank" rel="noopener noreferrer">${label}<span class="visually-hidden">: ${tier.name}</span></a>`
      : html`<p part="contact-sales" class="contact muted">${label}</p>`;
  }

  /**
   * The card's one action. Without a plan it is Choose <tier>; with one, the change flow
   * (loaded with the plan) says what it does: Upgrade to, Downgrade to, Update seats, Scheduled or Current plan.
   */
  #renderAction(tier: Tier, sub: Subscription): TemplateResult | typeof nothing {
    const name = tier.name;
    const action = hasPlan(sub)
      ? this.#flow.loaded?.action(tier, this.#selectionFor(tier))
      : { label: msg(str`Choose ${name}`, { id: 'picker.action_choose' }), primary: true, disabled: false };
    return action
      ? html`<button part="tier-action" class=${action.primary ? 'primary action' : 'action'} ?disabled=${action.disabled}
          @click=${(e: Event) => this.#choose(tier, e.currentTarget as HTMLElement)}>${action.label}</button>`
      : nothing;
  }

  #renderLimits(tier: Tier): TemplateResult {
    return html`<ul part="limits" class="limits">
      ${limitItems(tier, this.intlLocale)}
      ${tier.kind === 'team' ? html`<li class="muted">${msg('Usage is pooled across the team.', { id: 'picker.pooled' })}</li>` : nothing}
    </ul>`;
  }

  #renderSeats(tier: Tier): TemplateResult {
    const id = idFor(tier.id);
    const seats = this.#seatsFor(tier) ?? 1;
    const min = tier.seats?.min ?? 1;
    const max = tier.seats?.max;
    const refused = this.refused.get(tier.id);
    const error = refused?.reason;
    const text = refused?.text ?? String(seats);
    // Ready before anything is typed; a failed load is tried again at the next render.
    this.#seatRefusal().catch(() => undefined);
    const price = priceFor(tier, this.#activeInterval);
    const total = price ? formatMoney(multiplyMoney(price.amount, seats), this.intlLocale, { trimZeroFraction: true }) : '';
    const per = perInterval(this.#activeInterval);
    const least = countOf('seats', min, this.intlLocale);
    const from = formatNumber(min, this.intlLocale);
    const most = max === undefined ? '' : countOf('seats', max, this.intlLocale);
    const range = max === undefined
      ? msg(str`At least ${least}`, { id: 'picker.seats_min' })
      : msg(str`${from} to ${most}`, { id: 'picker.seats_range' });
    return html`<div part="seats" class="seats">
      <label for="seats-${id}">${msg('Seats', { id: 'summary.seats' })}</label>
      <div class="stepper">
        <button type="button" aria-label=${msg('One seat fewer', { id: 'picker.seats_less' })} aria-disabled=${seats <= min ? 'true' : 'false'} @click=${() => this.#putSeats(tier, seats - 1)}>−</button>
        <input
          id="seats-${id}"
          role="spinbutton"
          inputmode="numeric"
          .value=${text}
          aria-valuenow=${seats}
          aria-valuemin=${min}
          aria-valuemax=${max ?? nothing}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby="seats-hint-${id} seats-error-${id}"
          @change=${(e: Event) => this.#typeSeats(tier, (e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => {
            const to = seatsForKey(e.key, seats, tier);
            if (e.key === 'Enter') this.#typeSeats(tier, (e.target as HTMLInputElement).value);
            if (to === undefined) return;
            e.preventDefault();
            this.#putSeats(tier, to);
          }}
        />
        <button type="button" aria-label=${msg('One seat more', { id: 'picker.seats_more' })} aria-disabled=${max !== undefined && seats >= max ? 'true' : 'false'} @click=${() => this.#putSeats(tier, seats + 1)}>+</button>
      </div>
      <p class="hint muted" id="seats-hint-${id}" aria-live="polite">${range} · ${msg(str`${total} ${per} in total`, { id: 'picker.seats_total' })}</p>
      ${this.seats.has(tier.id) ? nothing : this.#flow.loaded?.clampedHint(tier, this.#carried(tier))}
      <p class="field-error" id="seats-error-${id}" role="alert">${error ?? ''}</p>
    </div>`;
  }

  #renderDialog(): TemplateResult {
    return html`<dialog part="dialog" class="change-dialog modal" aria-labelledby="dialog-title" @cancel=${(e: Event) => this.#flow.loaded?.onCancel(e)}>
      ${this.#flow.loaded?.render() ?? nothing}
    </dialog>`;
  }
}
