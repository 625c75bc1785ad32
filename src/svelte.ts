// Generated from custom-elements.json by scripts/editor-data.mjs: do not edit.
/**
 * @tectra/billing-widgets/svelte: the kit's tags in Svelte 5 markup, typed for svelte-check
 * and the Svelte language server. Add `import type {} from '@tectra/billing-widgets/svelte';`
 * once (or list it in tsconfig's `types`); every tag then takes its attributes and
 * properties with their types, and `ontectra-…` listeners get the event's class. A misspelt
 * attribute or event is a type error.
 */
import type { HTMLAttributes } from 'svelte/elements';
import type { TectraBillingDetails } from './elements/billing-details/billing-details.js';
import type { TectraBillingPortal, TectraSectionChangeEvent } from './elements/billing-portal/billing-portal.js';
import type { TectraBillingProvider } from './elements/billing-provider/billing-provider.js';
import type { TectraBillingSummary } from './elements/billing-summary/billing-summary.js';
import type { TectraCredits, TectraCreditsPurchasedEvent } from './elements/credits/credits.js';
import type { TectraInvoiceList } from './elements/invoice-list/invoice-list.js';
import type { TectraMemberUsage, TectraMemberLimitChangedEvent } from './elements/member-usage/member-usage.js';
import type { TectraPaymentForm } from './elements/payment-form/payment-form.js';
import type { TectraPaymentMethods } from './elements/payment-methods/payment-methods.js';
import type { TectraSpendCaps, TectraSpendCapChangedEvent } from './elements/spend-caps/spend-caps.js';
import type { TectraTierPicker } from './elements/tier-picker/tier-picker.js';
import type { TectraUpgradePrompt } from './elements/upgrade-prompt/upgrade-prompt.js';
import type { TectraUsageAlerts } from './elements/usage-alerts/usage-alerts.js';
import type { TectraUsageMeter, TectraSpendCapReachedEvent } from './elements/usage-meter/usage-meter.js';
import type { TectraBillingActivatedEvent, TectraErrorEvent, TectraInvoicePaidEvent, TectraManageEvent, TectraPaymentMethodChangedEvent, TectraSubscriptionCanceledEvent, TectraSubscriptionResumedEvent, TectraTierChangedEvent, TectraTierSelectEvent, TectraUsageThresholdEvent } from './events.js';

/** A tag's own attributes, properties and listeners, with Svelte's HTML attributes. */
type SvelteTag<E extends HTMLElement, Own> = Own & Omit<HTMLAttributes<E>, keyof Own>;

/** Each tag's attributes. */
export interface TectraSvelteTags {
  'tectra-billing-details': SvelteTag<
    TectraBillingDetails,
    {
    /** Ask for the address first: the form is open while none is on file, and saving needs one. */
    'address-required'?: string;
    /** Loading or saving failed (`detail.error`, `detail.operation`). */
    'ontectra-error'?: (event: TectraErrorEvent) => void;
    }
  >;
  'tectra-billing-portal': SvelteTag<
    TectraBillingPortal,
    {
    /** The section shown: `overview`, `usage`, `credits` (for an account with prepaid credit), `plan`, `payment`, `details` (billing details, with a backend that keeps them) or `invoices`. Set it to deep-link. */
    'section'?: TectraBillingPortal['section'];
    /** Base URL of a backend (as on `<tectra-billing-provider>`); without it the portal uses the provider around it. */
    'api'?: TectraBillingPortal['api'];
    /** Runs the demo simulator with a scenario (as on `<tectra-billing-provider>`). */
    'demo'?: TectraBillingPortal['demo'];
    /** Locale, when `api` or `demo` is set. */
    'locale'?: TectraBillingPortal['locale'];
    /** The user moved to another section (`detail.section`). */
    'ontectra-section-change'?: (event: TectraSectionChangeEvent) => void;
    }
  >;
  'tectra-billing-provider': SvelteTag<
    TectraBillingProvider,
    {
    /** Base URL of a backend speaking the kit's REST contract (`openapi.yaml`); creates an http adapter. */
    'api'?: TectraBillingProvider['api'];
    /** Whether the http adapter sends cookies: `same-origin` (the default), `include` for an API on another origin that allows credentials (CORS), or `omit`. */
    'credentials'?: TectraBillingProvider['credentials'];
    /** Runs the built-in simulator with a demo scenario (`new`, `individual-active`, `trial`, `past-due`, `team`, `enterprise`, `scheduled-downgrade`, `canceled`, `jpy`); empty means `individual-active`. Loaded on demand, so pages without it do not download it. */
    'demo'?: TectraBillingProvider['demo'];
    /** BCP 47 locale of the kit's text, numbers, money and dates, e.g. `de` or `de-CH`. */
    'locale'?: TectraBillingProvider['locale'];
    /** The client handed down; set it to use your own adapter. Wins over `api` and `demo`. */
    client?: TectraBillingProvider['client'];
    }
  >;
  'tectra-billing-summary': SvelteTag<
    TectraBillingSummary,
    {
    /** The user chose Manage, Choose a tier, Resubscribe or Update payment method (`detail.action`). */
    'ontectra-manage'?: (event: TectraManageEvent) => void;
    /** The plan was canceled: it ends at the period end (`detail.subscription`). */
    'ontectra-subscription-canceled'?: (event: TectraSubscriptionCanceledEvent) => void;
    /** A canceled plan renews again (`detail.subscription`). */
    'ontectra-subscription-resumed'?: (event: TectraSubscriptionResumedEvent) => void;
    /** The scheduled change was dropped: the current tier stays (`detail.subscription`). */
    'ontectra-tier-changed'?: (event: TectraTierChangedEvent) => void;
    /** An overdue invoice was paid (`detail.invoice`). */
    'ontectra-invoice-paid'?: (event: TectraInvoicePaidEvent) => void;
    /** Loading or an action failed (`detail.error`, `detail.operation`). */
    'ontectra-error'?: (event: TectraErrorEvent) => void;
    }
  >;
  'tectra-credits': SvelteTag<
    TectraCredits,
    {
    /** Credit was bought (`detail.credits`, `detail.charged`). */
    'ontectra-credits-purchased'?: (event: TectraCreditsPurchasedEvent) => void;
    /** Loading, buying or saving auto-recharge failed (`detail.error`, `detail.operation`). */
    'ontectra-error'?: (event: TectraErrorEvent) => void;
    }
  >;
  'tectra-invoice-list': SvelteTag<
    TectraInvoiceList,
    {
    /** Show only this status (`paid`, `open`, `void`, `uncollectible`, `draft`); all when empty. */
    'status'?: TectraInvoiceList['status'];
    /** Show only this year (in the account's time zone); all when empty. */
    'year'?: TectraInvoiceList['year'];
    /** Loading failed (`detail.error`, `detail.operation`). */
    'ontectra-error'?: (event: TectraErrorEvent) => void;
    }
  >;
  'tectra-member-usage': SvelteTag<
    TectraMemberUsage,
    {
    /** The meter shown (`output_tokens`, ...); without it the first pooled meter, and a choice of meters. */
    'meter'?: TectraMemberUsage['meter'];
    /** A member's own limit was saved (`detail.memberId`, `detail.meter`, `detail.limit`, null when removed). */
    'ontectra-member-limit-changed'?: (event: TectraMemberLimitChangedEvent) => void;
    /** Loading or saving a limit failed (`detail.error`, `detail.operation`). */
    'ontectra-error'?: (event: TectraErrorEvent) => void;
    }
  >;
  'tectra-payment-form': SvelteTag<
    TectraPaymentForm,
    {
    /** Tier id to check out (instead of the tier picker's choice). */
    'tier'?: TectraPaymentForm['tier'];
    /** `month` or `year`, with `tier`. */
    'interval'?: TectraPaymentForm['interval'];
    /** Seats, with `tier`, for team tiers. */
    'seats'?: TectraPaymentForm['seats'];
    /** The backend confirmed the new subscription (`detail.subscription`). */
    'ontectra-billing-activated'?: (event: TectraBillingActivatedEvent) => void;
    /** Quoting, the card step or the purchase failed (`detail.error`, `detail.operation`). */
    'ontectra-error'?: (event: TectraErrorEvent) => void;
    }
  >;
  'tectra-payment-methods': SvelteTag<
    TectraPaymentMethods,
    {
    /** A card was added, removed or made the default (`detail.action`). */
    'ontectra-payment-method-changed'?: (event: TectraPaymentMethodChangedEvent) => void;
    /** A card added while the plan was past due paid the overdue invoice (`detail.invoice`). */
    'ontectra-invoice-paid'?: (event: TectraInvoicePaidEvent) => void;
    /** Loading or a change failed (`detail.error`, `detail.operation`). */
    'ontectra-error'?: (event: TectraErrorEvent) => void;
    }
  >;
  'tectra-spend-caps': SvelteTag<
    TectraSpendCaps,
    {
    /** One meter's key (`output_tokens`, ...); every limited meter when absent. */
    'meter'?: TectraSpendCaps['meter'];
    /** A cap was saved (`detail.meter`, `detail.cap`, null when removed). */
    'ontectra-spend-cap-changed'?: (event: TectraSpendCapChangedEvent) => void;
    /** Loading usage or saving a cap failed (`detail.error`, `detail.operation`). */
    'ontectra-error'?: (event: TectraErrorEvent) => void;
    }
  >;
  'tectra-tier-picker': SvelteTag<
    TectraTierPicker,
    {
    /** Tier groups to show, e.g. `individual team` (all when empty). */
    'kinds'?: TectraTierPicker['kinds'];
    /** Billing interval shown; follows the subscription until the user switches. */
    'interval'?: TectraTierPicker['interval'];
    /** Form field name: with one, the chosen tier id is submitted with a host `<form>`. */
    'name'?: TectraTierPicker['name'];
    /** A tier was chosen for checkout (`detail.selection`). Cancelable: `preventDefault()` vetoes it. */
    'ontectra-tier-select'?: (event: TectraTierSelectEvent) => void;
    /** The backend confirmed a change of tier, or the scheduled change was dropped (`detail.subscription`). */
    'ontectra-tier-changed'?: (event: TectraTierChangedEvent) => void;
    /** The plan was canceled with Cancel plan (`detail.subscription`). */
    'ontectra-subscription-canceled'?: (event: TectraSubscriptionCanceledEvent) => void;
    /** An ending plan renews again (`detail.subscription`). */
    'ontectra-subscription-resumed'?: (event: TectraSubscriptionResumedEvent) => void;
    /** An overdue invoice was paid from the past-due banner (`detail.invoice`). */
    'ontectra-invoice-paid'?: (event: TectraInvoicePaidEvent) => void;
    /** Loading, quoting or changing failed (`detail.error`, `detail.operation`). */
    'ontectra-error'?: (event: TectraErrorEvent) => void;
    }
  >;
  'tectra-upgrade-prompt': SvelteTag<
    TectraUpgradePrompt,
    {
    /** The meter to watch, e.g. `output_tokens`; without it (and without `feature`), the meter nearest its limit. */
    'meter'?: TectraUpgradePrompt['meter'];
    /** A feature the page needs, by its name in the catalog, e.g. `Premium models`. */
    'feature'?: TectraUpgradePrompt['feature'];
    /** The upgrade was confirmed (`detail.subscription`). */
    'ontectra-tier-changed'?: (event: TectraTierChangedEvent) => void;
    /** Without a plan: the tier was chosen for the checkout (`detail.selection`). */
    'ontectra-tier-select'?: (event: TectraTierSelectEvent) => void;
    /** Quoting or upgrading failed (`detail.error`, `detail.operation`). */
    'ontectra-error'?: (event: TectraErrorEvent) => void;
    }
  >;
  'tectra-usage-alerts': SvelteTag<
    TectraUsageAlerts,
    {
    /** Loading or saving failed (`detail.error`, `detail.operation`). */
    'ontectra-error'?: (event: TectraErrorEvent) => void;
    }
  >;
  'tectra-usage-meter': SvelteTag<
    TectraUsageMeter,
    {
    /** One meter's key (`input_tokens`, ...); all meters when absent. */
    'meter'?: TectraUsageMeter['meter'];
    /** `detailed` (default) or `compact`. */
    'variant'?: TectraUsageMeter['variant'];
    /** Seconds between polls when the adapter cannot push (default 60). */
    'refresh-interval'?: string;
    /** Usage of a meter crossed one of its alert thresholds (`detail.meter`, `detail.threshold`); once per crossing. */
    'ontectra-usage-threshold'?: (event: TectraUsageThresholdEvent) => void;
    /** Usage of a meter reached its spend cap (`detail.meter`, `detail.used`, `detail.cap`); once per crossing. */
    'ontectra-spend-cap-reached'?: (event: TectraSpendCapReachedEvent) => void;
    /** Loading failed (`detail.error`, `detail.operation`). */
    'ontectra-error'?: (event: TectraErrorEvent) => void;
    }
  >;
}

declare module 'svelte/elements' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface SvelteHTMLElements extends TectraSvelteTags {}
}
