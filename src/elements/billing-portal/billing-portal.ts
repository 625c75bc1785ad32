import { msg } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { hasPlan } from '../../core/plans.js';
import type { TectraManageEvent } from '../../events.js';
import { ContextProvider } from '@lit/context';
import { setBillingLocale } from '../../i18n/localization.js';
import { clientFromAttributes } from '../../state/attribute-client.js';
import type { BillingClient } from '../../state/client.js';
import { billingClientContext } from '../../state/context.js';
import { loadElement } from '../../define/when-used.js';
import { rovingTarget } from '../base/roving-keys.js';
import { TectraElement } from '../base/tectra-element.js';
import { styles } from './billing-portal.styles.js';

export const PORTAL_SECTIONS = ['overview', 'usage', 'credits', 'plan', 'payment', 'details', 'invoices'] as const;
export type PortalSection = (typeof PORTAL_SECTIONS)[number];

function sectionLabel(section: PortalSection): string {
  switch (section) {
    case 'overview':
      return msg('Overview', { id: 'portal.overview' });
    case 'usage':
      return msg('Usage', { id: 'usage.title' });
    case 'credits':
      return msg('Credits', { id: 'credits.title' });
    case 'plan':
      return msg('Plan', { id: 'portal.plan' });
    case 'payment':
      return msg('Payment methods', { id: 'cards.title' });
    case 'details':
      return msg('Billing details', { id: 'details.title' });
    case 'invoices':
      return msg('Billing history', { id: 'invoices.title' });
  }
}

interface CreditFollow {
  client: BillingClient | undefined;
  has: boolean | undefined;
  stop?: () => void;
}

/** The user moved to another section of the billing portal. */
export class TectraSectionChangeEvent extends Event {
  static readonly type = 'tectra-section-change';
  constructor(readonly detail: { section: PortalSection }) {
    super(TectraSectionChangeEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'tectra-section-change': TectraSectionChangeEvent;
  }
}

/**
 * The whole billing settings page in one tag: current billing, usage and alerts, tier
 * management (or, for an account without billing, choosing a tier and paying), payment
 * methods and billing history, as tabs.
 *
 * @tagname tectra-billing-portal
 * @summary The billing settings page in one tag, composed of the other elements.
 *
 * @fires {TectraSectionChangeEvent} tectra-section-change - The user moved to another section (`detail.section`).
 *
 * @csspart base - The wrapper.
 * @csspart tabs - The tab list.
 * @csspart tab - One tab.
 * @csspart panel - The section shown.
 *
 */
export class TectraBillingPortal extends TectraElement {
  static override styles = [...TectraElement.styles, styles];
  static override properties = {
    section: { reflect: true },
    api: {},
    demo: {},
    locale: {},
  };

  /**
   * The section shown: `overview`, `usage`, `credits` (for an account with prepaid credit),
   * `plan`, `payment`, `details` (billing details, with a backend that keeps them) or
   * `invoices`. Set it to deep-link.
   */
  section: PortalSection = 'overview';
  /** Base URL of a backend (as on `<tectra-billing-provider>`); without it the portal uses the provider around it. */
  api: string | undefined;
  /** Runs the demo simulator with a scenario (as on `<tectra-billing-provider>`). */
  demo: string | undefined;
  /** Locale, when `api` or `demo` is set. */
  locale: string | undefined;

  #subscription = this.select((c) => c.$subscription);
  #purchase = this.select((c) => c.$purchase);
  #own: BillingClient | undefined;
  /** Created only with `api` / `demo`: otherwise the provider around the portal serves its elements. */
  #provider: ContextProvider<typeof billingClientContext> | undefined;
  #request = 0;
  /** Whether the account has prepaid credit: asked once the client is known, where the adapter sells credit. */
  #credit: CreditFollow | undefined;

  constructor() {
    super();
    // The summary's Manage actions lead to the matching section.
    this.addEventListener('tectra-manage', (event: TectraManageEvent) => {
      this.#go(event.detail.action === 'update-payment-method' ? 'payment' : 'plan', true);
    });
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('locale') && this.locale) void setBillingLocale(this.locale);
    if (changed.has('api') || changed.has('demo')) {
      const request = ++this.#request;
      void clientFromAttributes(this.api, this.demo).then((client) => {
        if (request !== this.#request) return;
        // The portal then hands its own client to the elements inside it.
        this.#own = client;
        this.#provider ??= new ContextProvider(this, { context: billingClientContext });
        this.#provider.setValue(client);
        this.requestUpdate();
      });
    }
    super.willUpdate(changed);
    this.#followCredit(this.client);
    // A deep link to credits waits until the portal knows whether the account has any.
    const client = this.client;
    const waiting = this.section === 'credits' && (!client || (this.#credit?.has === undefined && !!client.adapter.getCredits));
    if (!waiting && !this.#sections().includes(this.section)) this.section = 'overview';
  }

  protected override updated(changed: PropertyValues): void {
    // At narrow widths the tabs scroll: the selected one is brought into the strip's view
    // (the strip only; the page does not move).
    if (!changed.has('section')) return;
    const tab = this.shadowRoot?.querySelector(`#tab-${this.section}`);
    const strip = tab?.parentElement;
    if (!tab || !strip) return;
    const [t, s] = [tab.getBoundingClientRect(), strip.getBoundingClientRect()];
    strip.scrollBy({ left: Math.max(0, t.right - s.right) + Math.min(0, t.left - s.left) });
  }

  protected override ownClient(): BillingClient | undefined {
    return this.#own;
  }

  #go(section: PortalSection, focusPanel: boolean): void {
    if (section === this.section) return;
    // A purchase's confirmation was seen: leaving the plan section ends it.
    if (this.section === 'plan' && this.#purchase.value?.status === 'succeeded') this.client?.resetPurchase();
    this.section = section;
    this.dispatchEvent(new TectraSectionChangeEvent({ section }));
    void this.updateComplete.then(() => {
      const target = focusPanel ? this.shadowRoot?.querySelector<HTMLElement>('[role="tabpanel"]') : this.shadowRoot?.querySelector<HTMLElement>(`#tab-${section}`);
      target?.focus();
    });
  }

  /** The sections this account has: credits where it has prepaid credit, billing details where the adapter keeps them. */
  #sections(): PortalSection[] {
    const client = this.client;
    return PORTAL_SECTIONS.filter((s) =>
      s === 'details' ? !client || client.adapter.getBillingDetails : s === 'credits' ? this.#credit?.has : true,
    );
  }

  /** Asks the credit state (loaded on demand) whether the account has credit; the tab shows once it does. */
  #followCredit(client: BillingClient | undefined): void {
    if (this.#credit?.client === client) return;
    this.#credit?.stop?.();
    const followed: CreditFollow = { client, has: undefined };
    this.#credit = followed;
    if (client?.adapter.getCredits) {
      import('../../state/credits.js').then((m) => {
        if (this.#credit === followed) followed.stop = m.followHasCredit(client, (has) => ((followed.has = has), this.requestUpdate()));
      }, () => undefined);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#credit?.stop?.();
    this.#credit = undefined;
  }

  #onTabKeydown(event: KeyboardEvent, index: number): void {
    const sections = this.#sections();
    const next = rovingTarget(event, index, sections.length, 'tabs');
    if (next !== undefined) this.#go(sections[next] as PortalSection, false);
  }

  protected override render(): TemplateResult {
    return html`<div part="base" class="portal">
      <div part="tabs" role="tablist" aria-label=${msg('Billing', { id: 'portal.label' })}>
        ${this.#sections().map(
          (s, i) => html`<button
            part="tab"
            role="tab"
            id="tab-${s}"
            aria-selected=${s === this.section ? 'true' : 'false'}
            aria-controls="panel"
            tabindex=${s === this.section ? 0 : -1}
            @click=${() => this.#go(s, false)}
            @keydown=${(e: KeyboardEvent) => this.#onTabKeydown(e, i)}
          >
            ${sectionLabel(s)}
          </button>`,
        )}
      </div>
      <div part="panel" role="tabpanel" id="panel" aria-labelledby="tab-${this.section}" tabindex="-1">${this.#renderSection()}</div>
    </div>`;
  }

  #renderSection(): TemplateResult {
    switch (this.section) {
      case 'usage': {
        // The upgrade prompt shows only when a meter nears its limit; both register when first shown.
        // Spend caps and usage by member where the backend has them (members for a plan with seats).
        const adapter = this.client?.adapter;
        const tags = ['tectra-upgrade-prompt', adapter?.setSpendCap && 'tectra-spend-caps', adapter?.getMemberUsage && this.#subscription.value?.data?.seats && 'tectra-member-usage'];
        for (const tag of tags) if (tag) void loadElement(tag).catch(() => undefined);
        // The caps beside the meters they stop, then who used what, then the alerts.
        return html`<tectra-upgrade-prompt></tectra-upgrade-prompt><tectra-usage-meter></tectra-usage-meter>${tags[1] ? html`<tectra-spend-caps></tectra-spend-caps>` : nothing}${tags[2] ? html`<tectra-member-usage></tectra-member-usage>` : nothing}<tectra-usage-alerts></tectra-usage-alerts>`;
      }
      case 'plan': {
        // Without billing yet: choose a tier, then pay for it. With a plan: change it with a quote.
        // The checkout stays through the purchase, so its confirmation shows once the plan is live.
        const purchase = this.#purchase.value?.status;
        const firstActivation = !hasPlan(this.#subscription.value?.data) || (purchase !== undefined && purchase !== 'idle');
        return html`<tectra-tier-picker></tectra-tier-picker>${firstActivation ? html`<tectra-payment-form></tectra-payment-form>` : nothing}`;
      }
      case 'payment':
        return html`<tectra-payment-methods></tectra-payment-methods>`;
      case 'invoices':
        return html`<tectra-invoice-list></tectra-invoice-list>`;
      case 'credits':
        // Registered when first shown, as billing details.
        void loadElement('tectra-credits').catch(() => undefined);
        return html`<tectra-credits></tectra-credits>`;
      case 'details':
        // Registered when first shown: a portal that never opens it does not load it.
        void loadElement('tectra-billing-details').catch(() => undefined);
        return html`<tectra-billing-details></tectra-billing-details>`;
      default:
        return html`<div class="pair">
          <tectra-billing-summary></tectra-billing-summary>
          <tectra-usage-meter variant="compact"></tectra-usage-meter>
        </div>`;
    }
  }
}
