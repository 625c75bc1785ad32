/**
 * The credits' view, loaded with the first <tectra-credits> on the page: the balance and
 * what it pays for, buying a pack or an amount (3-D Secure when the bank asks),
 * auto-recharge and its last failure, and the ledger by month. What is typed stays when
 * something fails; focus goes where the next step is after every action.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { autoRechargeProblems, creditInUnits, customAmountProblem, ledgerByPeriod, parseMoneyInput, type AutoRechargeField } from '../../core/credits.js';
import { downloadCsv } from '../base/csv-download.js';
import { formatDate } from '../../core/dates.js';
import type { BillingError } from '../../core/errors.js';
import { cachedFormatter } from '../../core/intl-cache.js';
import { formatMoney } from '../../core/money.js';
import type { CreditEntry, Credits, Money, PaymentMethod } from '../../core/types.js';
import { cardLabel, isExpired } from '../../format/cards.js';
import { asMoneyInput } from '../../format/money-input.js';
import { meterLabel } from '../../format/labels.js';
import { formatQuantity, meterUnit } from '../../format/quantities.js';
import { formatAmount, formatUsageAmount } from '../../format/usage.js';
import { paymentContainer, releasePayment } from '../../payments/container.js';
import { createPaymentProvider, type PaymentProvider } from '../../payments/provider.js';
import { mayDo, notAllowedNote } from '../base/role-gate.js';
import { creditsOf, type CreditPurchase, type CreditsState } from '../../state/credits.js';
import { errorMessage, reportFailure } from '../base/error-message.js';
import { focusFirst } from '../base/focus.js';
import type { ViewHost } from '../base/view-element.js';

export interface CreditsHost extends ViewHost {
  /** A purchase went through: the element tells the page. */
  purchased(credits: Credits, charged: Money): void;
}

interface BuyDraft {
  /** A pack id, or `custom`. */
  choice: string | undefined;
  amount: string;
  coupon: string;
  /** The card chosen to pay with (the default card when none is). */
  card?: string;
  errors: Partial<Record<'choice' | 'amount' | 'coupon', string>>;
}

interface RechargeDraft {
  /** The language its amounts are written in: another one starts the draft again. */
  locale: string;
  enabled: boolean;
  values: Record<AutoRechargeField, string>;
  errors: Partial<Record<AutoRechargeField, string>>;
}

type Message = { tone: 'success' | 'danger'; text: string };

/** What a ledger line was, in words. */
function activity(entry: CreditEntry, locale: string): string {
  switch (entry.kind) {
    case 'grant':
      return entry.description ?? msg('Credit granted', { id: 'credits.kind_grant' });
    case 'purchase':
      return msg('Credit bought', { id: 'credits.kind_purchase' });
    case 'recharge':
      return msg('Auto-recharge', { id: 'credits.auto_recharge' });
    case 'expiry':
      return msg('Credit expired', { id: 'credits.kind_expiry' });
    case 'usage': {
      if (!entry.meter) return msg('Usage', { id: 'usage.title' });
      const name = meterLabel(entry.meter);
      return entry.quantity === undefined ? name : `${name} · ${formatQuantity(entry.quantity, meterUnit(entry.meter), locale)}`;
    }
  }
}

export class CreditsView {
  readonly #state: CreditsState;
  #stops: Array<() => void> = [];
  #buy: BuyDraft = { choice: undefined, amount: '', coupon: '', errors: {} };
  #buying = false;
  #recharge: RechargeDraft | undefined;
  #savingRecharge = false;
  #message: Message | undefined;
  #provider: PaymentProvider | undefined;

  constructor(private readonly host: CreditsHost) {
    this.#state = creditsOf(host.client);
  }

  /** Follows the stores while the element is on the page (they load when first followed). */
  connect(): void {
    if (this.#stops.length) return;
    const update = () => this.host.element.requestUpdate();
    this.#stops = [
      this.#state.$credits.subscribe((resource) => {
        // An account without credit is a state to show, not a failure to report.
        if (resource.error?.code !== 'not_found') reportFailure(this.host.element, resource.error, 'load-credits');
        update();
      }),
      this.#state.$ledger.subscribe(update),
      this.host.client.$paymentMethods.subscribe(update),
      this.host.client.$subscription.subscribe(update),
      // The meters' overage prices say what the balance buys in units.
      this.host.client.$usage.subscribe(update),
    ];
  }

  disconnect(): void {
    for (const stop of this.#stops) stop();
    this.#stops = [];
    releasePayment(this.host.element, this.#provider);
    this.#provider = undefined;
  }

  #update(): void {
    this.host.element.requestUpdate();
  }

  #money(m: Money): string {
    return formatMoney(m, this.host.locale());
  }

  #date(iso: string): string {
    return formatDate(iso, this.host.locale(), this.host.client.$subscription.get().data?.timeZone ?? 'UTC', 'long');
  }

  #defaultCard(): PaymentMethod | undefined {
    return this.host.client.$paymentMethods.get().data?.find((pm) => pm.isDefault);
  }

  /** The cards a purchase can be paid with (not expired), the default first. */
  #usableCards(): PaymentMethod[] {
    const cards = (this.host.client.$paymentMethods.get().data ?? []).filter((pm) => !isExpired(pm));
    return [...cards.filter((pm) => pm.isDefault), ...cards.filter((pm) => !pm.isDefault)];
  }

  /** The card the purchase is paid with: the one chosen while it is still on file, else the default. */
  #payingCard(): PaymentMethod | undefined {
    return this.#usableCards().find((pm) => pm.id === this.#buy.card) ?? this.#defaultCard();
  }

  // --- buying --------------------------------------------------------------------------

  /** The purchase the form says, or the reason it cannot be made (on the field, which takes focus). */
  #purchaseOf(credits: Credits): CreditPurchase | undefined {
    const { choice, amount } = this.#buy;
    this.#message = undefined;
    const errors: BuyDraft['errors'] = {};
    let purchase: CreditPurchase | undefined;
    if (!choice) errors.choice = msg('Choose an amount of credit.', { id: 'credits.choose' });
    else if (choice !== 'custom') purchase = { packId: choice };
    else {
      const typed = parseMoneyInput(amount, credits.balance.currency, this.host.locale());
      const problem = customAmountProblem(typed, credits.customAmount);
      const bounds = credits.customAmount;
      if (problem && bounds) {
        const min = this.#money(bounds.min);
        const max = this.#money(bounds.max);
        errors.amount = msg(str`Enter an amount from ${min} to ${max}.`, { id: 'credits.amount_range' });
      } else if (typed) purchase = { amount: typed };
    }
    this.#buy = { ...this.#buy, errors };
    const first = (['choice', 'amount'] as const).find((f) => errors[f]);
    if (first) focusFirst(this.host.element, first === 'choice' ? 'input[name="credit-choice"]' : '#credit-amount');
    return first ? undefined : purchase;
  }

  /** The page's payment provider, for the bank's 3-D Secure step only. */
  async #loadProvider(): Promise<PaymentProvider> {
    if (this.#provider) return this.#provider;
    const provider = await createPaymentProvider(await this.host.client.createSetupIntent(), { locale: this.host.locale() });
    this.#provider = provider;
    await provider.mount(paymentContainer(this.host.element, provider));
    return provider;
  }

  async #purchase(credits: Credits): Promise<void> {
    if (this.#buying) return;
    const what = this.#purchaseOf(credits);
    if (!what) return this.#update();
    const card = this.#payingCard();
    this.#buying = true;
    this.#message = undefined;
    this.#update();
    try {
      const coupon = this.#buy.coupon.trim();
      const payment = { handleNextAction: async (secret: string) => (await this.#loadProvider()).handleNextAction(secret) };
      const chosen = card && !card.isDefault ? { paymentMethodId: card.id } : {};
      const { credits: now, charged } = await this.#state.purchase(what, { ...(coupon ? { couponCode: coupon } : {}), ...chosen, payment });
      const added = this.#money(this.#added(what, credits));
      const paid = this.#money(charged);
      const cardName = card ? cardLabel(card) : '';
      this.#message = {
        tone: 'success',
        text: cardName
          ? msg(str`${added} of credit added. ${paid} charged to ${cardName}.`, { id: 'credits.bought_card' })
          : msg(str`${added} of credit added. ${paid} charged.`, { id: 'credits.bought' }),
      };
      this.#buy = { choice: undefined, amount: '', coupon: '', ...(this.#buy.card ? { card: this.#buy.card } : {}), errors: {} };
      this.host.purchased(now, charged);
      focusFirst(this.host.element, '#credit-balance');
    } catch (error) {
      const e = error as BillingError;
      this.host.reportError(e, 'purchase-credits');
      if (e.code === 'coupon_invalid') {
        this.#buy = { ...this.#buy, errors: { coupon: msg('This code is not valid for credit.', { id: 'credits.coupon_invalid' }) } };
        focusFirst(this.host.element, '#credit-coupon');
      } else {
        this.#message = { tone: 'danger', text: msg(str`No credit was added. ${errorMessage(e)}`, { id: 'credits.buy_failed' }) };
        focusFirst(this.host.element, '#credit-buy');
      }
    } finally {
      this.#buying = false;
      this.#update();
    }
  }

  /** The credit a purchase adds: a pack's credit, or the amount. */
  #added(what: CreditPurchase, credits: Credits): Money {
    return 'amount' in what ? what.amount : (credits.packs.find((p) => p.id === what.packId)?.credit ?? credits.balance);
  }

  #setBuy(change: Partial<BuyDraft>, clears: keyof BuyDraft['errors']): void {
    const errors = { ...this.#buy.errors };
    delete errors[clears];
    this.#buy = { ...this.#buy, ...change, errors };
    this.#update();
  }

  // --- auto-recharge -------------------------------------------------------------------

  #rechargeDraft(credits: Credits): RechargeDraft {
    const a = credits.autoRecharge;
    const locale = this.host.locale();
    if (this.#recharge?.locale === locale) return this.#recharge;
    return (this.#recharge = {
      locale,
      enabled: a.enabled,
      values: { threshold: asMoneyInput(a.threshold, locale), amount: asMoneyInput(a.amount, locale), monthlyLimit: asMoneyInput(a.monthlyLimit, locale) },
      errors: {},
    });
  }

  /** Changes the draft as it is now (handlers of an older render may run before the next one). */
  #setRecharge(change: Partial<RechargeDraft['values']>, enabled?: boolean): void {
    const draft = this.#recharge;
    if (!draft) return;
    enabled ??= draft.enabled;
    const errors = { ...draft.errors };
    for (const field of Object.keys(change) as AutoRechargeField[]) delete errors[field];
    this.#recharge = { ...draft, enabled, values: { ...draft.values, ...change }, errors };
    this.#update();
  }

  async #saveRecharge(credits: Credits): Promise<void> {
    const draft = this.#recharge;
    if (this.#savingRecharge || !draft) return;
    this.#message = undefined;
    const currency = credits.balance.currency;
    const locale = this.host.locale();
    const read = (field: AutoRechargeField) => parseMoneyInput(draft.values[field], currency, locale);
    const threshold = read('threshold');
    const amount = read('amount');
    const limit = draft.values.monthlyLimit.trim() ? read('monthlyLimit') : undefined;
    const errors: RechargeDraft['errors'] = {};
    const invalid = msg('Enter an amount, like 25.', { id: 'credits.amount_invalid' });
    if (!threshold) errors.threshold = invalid;
    if (!amount) errors.amount = invalid;
    if (limit === null) errors.monthlyLimit = invalid;
    if (threshold && amount) {
      for (const [field, problem] of autoRechargeProblems({ threshold, amount, ...(limit ? { monthlyLimit: limit } : {}) }, currency)) {
        errors[field] ??=
          problem === 'not_above_threshold'
            ? msg('Add more than the balance it recharges below.', { id: 'credits.amount_above' })
            : problem === 'below_amount'
              ? msg('The monthly limit must allow one recharge at least.', { id: 'credits.limit_below' })
              : invalid;
      }
    }
    const first = (['threshold', 'amount', 'monthlyLimit'] as const).find((f) => errors[f]);
    // Turning it off needs no amounts: when what was typed does not hold, the saved ones go with it.
    const off = !draft.enabled && (first || !threshold || !amount) ? credits.autoRecharge : undefined;
    if (!off && (first || !threshold || !amount)) {
      this.#recharge = { ...draft, errors };
      this.#update();
      if (first) focusFirst(this.host.element, `#recharge-${first}`);
      return;
    }
    const setting = off
      ? { threshold: off.threshold, amount: off.amount, ...(off.monthlyLimit ? { monthlyLimit: off.monthlyLimit } : {}) }
      : { threshold: threshold!, amount: amount!, ...(limit ? { monthlyLimit: limit } : {}) };
    this.#savingRecharge = true;
    this.#message = undefined;
    this.#update();
    try {
      const saved = await this.#state.setAutoRecharge({ enabled: draft.enabled, ...setting });
      this.#recharge = undefined;
      const below = this.#money(saved.autoRecharge.threshold);
      const add = this.#money(saved.autoRecharge.amount);
      // Below the threshold already: the backend recharged at once, and the customer is told.
      const now = saved.balance.amount > credits.balance.amount ? ` ${msg(str`The balance was below it, so ${add} was added now.`, { id: 'credits.recharged_now' })}` : '';
      this.#message = {
        tone: 'success',
        text: saved.autoRecharge.enabled
          ? msg(str`Auto-recharge is on: when the balance falls below ${below}, ${add} is added.`, { id: 'credits.recharge_on' }) + now
          : msg('Auto-recharge is off.', { id: 'credits.recharge_off' }),
      };
    } catch (error) {
      this.host.reportError(error as BillingError, 'set-auto-recharge');
      this.#message = { tone: 'danger', text: msg(str`Auto-recharge was not saved. ${errorMessage(error as BillingError)}`, { id: 'credits.recharge_failed' }) };
    } finally {
      this.#savingRecharge = false;
      this.#update();
      focusFirst(this.host.element, '#recharge-save');
    }
  }

  /** The whole ledger (every page) as a CSV file to save. */
  async #export(): Promise<void> {
    try {
      downloadCsv(await this.#state.exportCsv(), 'credit-history.csv');
    } catch (error) {
      this.host.reportError(error as BillingError, 'export-credits');
      this.#message = { tone: 'danger', text: msg(str`The CSV was not made. ${errorMessage(error as BillingError)}`, { id: 'credits.export_failed' }) };
      this.#update();
    }
  }

  // --- rendering -----------------------------------------------------------------------

  #renderBalance(credits: Credits): TemplateResult {
    const locale = this.host.locale();
    const covers = credits.covers.length
      ? cachedFormatter('list', locale, {}, () => new Intl.ListFormat(locale, { type: 'conjunction' })).format(credits.covers.map((key) => meterLabel(key)))
      : '';
    const expiry = credits.nextExpiry;
    const expiring = expiry ? this.#money(expiry.amount) : '';
    const expiresOn = expiry ? this.#date(expiry.at) : '';
    return html`<div part="balance" class="balance-block">
      <p class="balance" id="credit-balance" tabindex="-1">
        <span class="muted">${msg('Balance', { id: 'credits.balance' })}</span>
        <strong class="amount">${this.#money(credits.balance)}</strong>
      </p>
      <p>${covers
        ? msg(str`Pays for ${covers} beyond your plan's allowance.`, { id: 'credits.covers' })
        : msg("Pays for all usage beyond your plan's allowance.", { id: 'credits.covers_all' })}</p>
      ${this.#renderUnits(credits)}
      ${expiry ? html`<p>${msg(str`${expiring} of it expires on ${expiresOn}.`, { id: 'credits.expires' })}</p>` : nothing}
      <p class="muted">${credits.atZero === 'stop'
        ? msg('At zero, usage beyond your plan stops until you add credit.', { id: 'credits.zero_stop' })
        : msg('At zero, usage beyond your plan is billed on your next invoice.', { id: 'credits.zero_overage' })}</p>
    </div>`;
  }

  /** The balance in units of each meter it pays for, at the plan's overage prices (where the plan has them). */
  #renderUnits(credits: Credits): TemplateResult | typeof nothing {
    const worth = creditInUnits(credits, this.host.client.$usage.get().data?.meters ?? []);
    if (!worth.length) return nothing;
    const locale = this.host.locale();
    // Each line spends the whole balance on its own: "one of these". The meter's name says "tokens" already.
    return html`<p class="muted" id="credit-units-title">${msg("At your plan's overage prices, the balance pays for about one of these:", { id: 'credits.units_one_of' })}</p>
      <dl part="balance-units" class="units" aria-labelledby="credit-units-title">
        ${worth.map(({ meter, units }) => html`<dt>${meterLabel(meter.key, meter.label)}</dt><dd>${meter.unit === 'tokens' ? formatAmount(units, meter.unit, locale) : formatUsageAmount(units, meter, locale)}</dd>`)}
      </dl>`;
  }

  #renderFailure(credits: Credits): TemplateResult | typeof nothing {
    const failure = credits.autoRecharge.lastFailure;
    if (!failure) return nothing;
    const amount = this.#money(failure.amount);
    const on = this.#date(failure.at);
    return html`<div part="recharge-failure" class="banner" data-tone="warning">
      <p>${failure.reason === 'authentication_required'
        ? msg(str`The auto-recharge of ${amount} on ${on} did not go through: your bank asks you to confirm payments (3-D Secure). Buy credit below to confirm a payment.`, { id: 'credits.failed_auth' })
        : msg(str`The auto-recharge of ${amount} on ${on} did not go through: your card was declined. Update your card in Payment methods, then buy credit below.`, { id: 'credits.failed_declined' })}</p>
    </div>`;
  }

  #moneyField(id: string, label: string, value: string, error: string | undefined, onInput: (value: string) => void, hint?: string): TemplateResult {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} inputmode="decimal" autocomplete="off" .value=${value} aria-invalid=${error ? 'true' : 'false'}
        aria-describedby="${id}-error${hint ? ` ${id}-hint` : ''}" @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)} />
      ${hint ? html`<p class="hint muted" id="${id}-hint">${hint}</p>` : nothing}
      <p class="field-error" id="${id}-error">${error ?? ''}</p>
    </div>`;
  }

  #renderBuy(credits: Credits): TemplateResult {
    const draft = this.#buy;
    const card = this.#payingCard();
    const cards = this.#usableCards();
    const bounds = credits.customAmount;
    const option = (value: string, label: TemplateResult | string) => html`<label class="choice">
      <input type="radio" name="credit-choice" .value=${value} .checked=${draft.choice === value} aria-describedby="credit-choice-error"
        @change=${() => this.#setBuy({ choice: value }, 'choice')} />
      <span>${label}</span>
    </label>`;
    return html`<form part="buy" class="buy" novalidate aria-labelledby="buy-title" aria-busy=${this.#buying ? 'true' : 'false'} @submit=${(e: Event) => {
        e.preventDefault();
        void this.#purchase(credits);
      }}>
      <h3 id="buy-title">${msg('Add credit', { id: 'credits.add' })}</h3>
      <fieldset class="choices">
        <legend class="visually-hidden">${msg('Amount of credit', { id: 'credits.amount_legend' })}</legend>
        ${credits.packs.map((pack) => {
          const credit = this.#money(pack.credit);
          const price = this.#money(pack.price);
          return option(pack.id, pack.price.amount < pack.credit.amount ? msg(str`${credit} for ${price}`, { id: 'credits.pack_bonus' }) : credit);
        })}
        ${bounds ? option('custom', msg('Another amount', { id: 'credits.other_amount' })) : nothing}
        <p class="field-error" id="credit-choice-error">${draft.errors.choice ?? ''}</p>
      </fieldset>
      ${draft.choice === 'custom' && bounds
        ? this.#moneyField('credit-amount', msg(str`Amount (${credits.balance.currency})`, { id: 'credits.amount_label' }), draft.amount, draft.errors.amount,
            (value) => this.#setBuy({ amount: value }, 'amount'),
            msg(str`From ${this.#money(bounds.min)} to ${this.#money(bounds.max)}.`, { id: 'credits.amount_hint' }))
        : nothing}
      <div class="field">
        <label for="credit-coupon">${msg('Coupon code (optional)', { id: 'credits.coupon' })}</label>
        <input id="credit-coupon" autocomplete="off" spellcheck="false" .value=${draft.coupon} aria-invalid=${draft.errors.coupon ? 'true' : 'false'}
          aria-describedby="credit-coupon-error" @input=${(e: Event) => this.#setBuy({ coupon: (e.target as HTMLInputElement).value }, 'coupon')} />
        <p class="field-error" id="credit-coupon-error">${draft.errors.coupon ?? ''}</p>
      </div>
      ${cards.length > 1
        ? html`<div class="field">
            <label for="credit-card-choice">${msg('Pay with', { id: 'credits.pay_with' })}</label>
            <select id="credit-card-choice" @change=${(e: Event) => this.#setBuy({ card: (e.target as HTMLSelectElement).value }, 'choice')}>
              ${cards.map((pm) => html`<option value=${pm.id} ?selected=${pm.id === card?.id}>${pm.isDefault ? msg(str`${cardLabel(pm)} (default)`, { id: 'credits.card_default' }) : cardLabel(pm)}</option>`)}
            </select>
          </div>`
        : html`<p class="muted" id="credit-card">${card
            ? msg(str`Paid with ${cardLabel(card)}, your default card.`, { id: 'credits.pays_with' })
            : msg('Add a card in Payment methods to buy credit.', { id: 'credits.no_card' })}</p>`}
      <div class="card-fields"></div>
      <slot name="payment-element"></slot>
      <div class="actions">
        <button type="submit" id="credit-buy" class="primary" aria-describedby=${cards.length > 1 ? nothing : 'credit-card'} aria-disabled=${this.#buying || !card ? 'true' : 'false'}>
          ${this.#buying ? msg('Buying credit…', { id: 'credits.buying' }) : msg('Buy credit', { id: 'credits.buy' })}
        </button>
      </div>
    </form>`;
  }

  #renderRecharge(credits: Credits): TemplateResult {
    const draft = this.#rechargeDraft(credits);
    const a = credits.autoRecharge;
    const minutes = a.cooldownMinutes;
    const spent = a.rechargedThisMonth?.amount ? this.#money(a.rechargedThisMonth) : '';
    return html`<form part="auto-recharge" class="recharge" novalidate aria-labelledby="recharge-title" aria-busy=${this.#savingRecharge ? 'true' : 'false'} @submit=${(e: Event) => {
        e.preventDefault();
        void this.#saveRecharge(credits);
      }}>
      <h3 id="recharge-title">${msg('Auto-recharge', { id: 'credits.auto_recharge' })}</h3>
      <label class="check">
        <input type="checkbox" id="recharge-enabled" .checked=${draft.enabled} @change=${(e: Event) => this.#setRecharge({}, (e.target as HTMLInputElement).checked)} />
        ${msg('Add credit automatically when the balance runs low', { id: 'credits.recharge_toggle' })}
      </label>
      <div class="field-row">
        ${this.#moneyField('recharge-threshold', msg('When the balance falls below', { id: 'credits.threshold' }), draft.values.threshold, draft.errors.threshold, (v) => this.#setRecharge({ threshold: v }))}
        ${this.#moneyField('recharge-amount', msg('Add this much', { id: 'credits.recharge_amount' }), draft.values.amount, draft.errors.amount, (v) => this.#setRecharge({ amount: v }))}
        ${this.#moneyField('recharge-monthlyLimit', msg('Monthly limit (optional)', { id: 'credits.monthly_limit' }), draft.values.monthlyLimit, draft.errors.monthlyLimit, (v) => this.#setRecharge({ monthlyLimit: v }))}
      </div>
      <p class="hint muted">${msg(str`Charged to your default card, at most once every ${minutes} minutes.`, { id: 'credits.cooldown' })}${spent
        ? html` ${msg(str`Recharged this month: ${spent}.`, { id: 'credits.recharged_month' })}`
        : nothing}</p>
      <div class="actions">
        <button type="submit" id="recharge-save" aria-disabled=${this.#savingRecharge ? 'true' : 'false'}>${msg('Save auto-recharge', { id: 'credits.recharge_save' })}</button>
      </div>
    </form>`;
  }

  #renderLedger(): TemplateResult {
    const resource = this.#state.$ledger.get();
    const locale = this.host.locale();
    const timeZone = this.host.client.$subscription.get().data?.timeZone ?? 'UTC';
    const heading = html`<h3 id="ledger-title">${msg('Credit history', { id: 'credits.history' })}</h3>`;
    if (resource.status === 'error' && !resource.data) {
      return html`${heading}<div class="banner" data-tone="danger" role="alert">
        <p>${msg('We could not load your credit history.', { id: 'credits.history_error' })} ${errorMessage(resource.error)}</p>
        <button type="button" @click=${() => void this.#state.refresh()}>${msg('Retry', { id: 'common.retry' })}</button>
      </div>`;
    }
    const page = resource.data;
    if (!page) return html`${heading}<div class="skeleton skeleton-ledger"></div>`;
    if (!page.items.length) return html`${heading}<p class="muted">${msg('No credit activity yet.', { id: 'credits.history_empty' })}</p>`;
    // A period's first day at noon UTC names its month in any time zone.
    const month = cachedFormatter('month-year', locale, {}, () => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }));
    const currency = page.items[0]?.amount.currency ?? 'USD';
    const signed = (m: Money) => formatMoney(m, locale, { signDisplay: 'always' });
    return html`${heading}
      <div part="ledger" class="ledger">
        ${ledgerByPeriod(page.items, timeZone).map((period) => {
          const title = month.format(new Date(`${period.start}T12:00:00Z`));
          const added = this.#money({ amount: period.added, currency });
          const used = this.#money({ amount: period.used, currency });
          const id = `period-${period.start}`;
          return html`<table class="ledger-table" aria-labelledby=${id}>
            <caption id=${id}><span class="period">${title}</span> <span class="muted">${msg(str`Added ${added} · used ${used}`, { id: 'credits.period_totals' })}</span></caption>
            <thead><tr>
              <th scope="col">${msg('Date', { id: 'credits.date' })}</th>
              <th scope="col">${msg('Activity', { id: 'credits.activity' })}</th>
              <th scope="col" class="num">${msg('Amount', { id: 'credits.amount' })}</th>
              <th scope="col" class="num">${msg('Balance', { id: 'credits.balance' })}</th>
            </tr></thead>
            <tbody>${period.entries.map((e) => html`<tr>
              <td>${formatDate(e.at, locale, timeZone, 'medium')}</td>
              <td dir="auto">${activity(e, locale)}</td>
              <td class="num" data-tone=${e.amount.amount < 0 ? 'out' : 'in'}><bdi>${signed(e.amount)}</bdi></td>
              <td class="num"><bdi>${this.#money(e.balanceAfter)}</bdi></td>
            </tr>`)}</tbody>
          </table>`;
        })}
      </div>
      <div class="actions">
        ${page.nextCursor
          ? html`<button type="button" id="ledger-more" @click=${() => void this.#state.loadMore().then(() => focusFirst(this.host.element, '#ledger-more', '#ledger-title'), () => undefined)}>${msg('Show more', { id: 'credits.more' })}</button>`
          : nothing}
        <button type="button" id="ledger-export" @click=${() => void this.#export()}>${msg('Download CSV', { id: 'invoices.export' })}</button>
      </div>`;
  }

  render(): TemplateResult {
    if (!this.#state.supported) {
      return html`<p class="muted">${msg('This billing service sells no credit.', { id: 'credits.unsupported' })}</p>`;
    }
    const resource = this.#state.$credits.get();
    const message = this.#message;
    const regions = html`<p part="status" class=${message?.tone === 'success' ? 'banner' : 'visually-hidden'} data-tone="success" role="status">${message?.tone === 'success' ? message.text : ''}</p>
      <p part="error" class=${message?.tone === 'danger' ? 'banner' : 'visually-hidden'} data-tone="danger" role="alert">${message?.tone === 'danger' ? message.text : ''}</p>`;
    if (resource.status === 'error' && !resource.data) {
      if (resource.error?.code === 'not_found') {
        return html`<p class="muted">${msg('Your account has no prepaid credit.', { id: 'credits.none' })}</p>`;
      }
      return html`<div class="banner" data-tone="danger" role="alert">
        <p>${msg('We could not load your credit.', { id: 'credits.error' })} ${errorMessage(resource.error)}</p>
        <button type="button" @click=${() => void this.#state.refresh()}>${msg('Retry', { id: 'common.retry' })}</button>
      </div>`;
    }
    const credits = resource.data;
    if (!credits) {
      return html`<div class="skeleton skeleton-credits" role="status"><span class="visually-hidden">${msg('Loading credit…', { id: 'credits.loading' })}</span></div>`;
    }
    const may = mayDo(this.host.element, this.host.client, 'buy_credits');
    return html`${this.#renderBalance(credits)} ${this.#renderFailure(credits)} ${regions}
      ${may ? html`${this.#renderBuy(credits)} ${this.#renderRecharge(credits)}` : notAllowedNote('buy_credits')}
      ${this.#renderLedger()}`;
  }
}
