// Generated from custom-elements.json by scripts/editor-data.mjs: do not edit.
/**
 * @tectra/billing-widgets/vue: the kit's tags in Vue 3 templates, typed for vue-tsc and
 * Volar. Add `import type {} from '@tectra/billing-widgets/vue';` once (or list it in
 * tsconfig's `types`); every tag then takes its attributes and properties with their types,
 * and `@tectra-…` listeners get the event's class. With `vueCompilerOptions.strictTemplates`
 * a misspelt attribute or event is a type error. Tell Vue the tags are custom elements
 * (`compilerOptions.isCustomElement: (tag) => tag.startsWith('tectra-')`).
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
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

/** A kit element as Vue's tooling sees a component. `$props` and `$emit` exist for templates only. */
type VueTag<E extends HTMLElement, Props, Events extends Record<string, Event>> = new () => E & {
  /** @deprecated Types the template's attributes; an element has no `$props`. */
  $props: Props & Omit<HTMLAttributes, keyof Props> & PublicProps;
  /** @deprecated Types the template's listeners; an element has no `$emit`. */
  $emit: EmitFn<{ [K in keyof Events]: (event: Events[K]) => void }>;
};

/** Each tag as a Vue component type. */
export interface TectraVueTags {
  'tectra-billing-details': VueTag<
    TectraBillingDetails,
    {
      /** Ask for the address first: the form is open while none is on file, and saving needs one. */
      addressRequired?: TectraBillingDetails['addressRequired'];
    },
    {
      /** Loading or saving failed (`detail.error`, `detail.operation`). */
      'tectra-error': TectraErrorEvent;
    }
  >;
  'tectra-billing-portal': VueTag<
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
    },
    {
      /** The user moved to another section (`detail.section`). */
      'tectra-section-change': TectraSectionChangeEvent;
    }
  >;
  'tectra-billing-provider': VueTag<
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
    },
    Record<never, never>
  >;
  'tectra-billing-summary': VueTag<
    TectraBillingSummary,
    Record<never, never>,
    {
      /** The user chose Manage, Choose a tier, Resubscribe or Update payment method (`detail.action`). */
      'tectra-manage': TectraManageEvent;
      /** The plan was canceled: it ends at the period end (`detail.subscription`). */
      'tectra-subscription-canceled': TectraSubscriptionCanceledEvent;
      /** A canceled plan renews again (`detail.subscription`). */
      'tectra-subscription-resumed': TectraSubscriptionResumedEvent;
      /** The scheduled change was dropped: the current tier stays (`detail.subscription`). */
      'tectra-tier-changed': TectraTierChangedEvent;
      /** An overdue invoice was paid (`detail.invoice`). */
      'tectra-invoice-paid': TectraInvoicePaidEvent;
      /** Loading or an action failed (`detail.error`, `detail.operation`). */
      'tectra-error': TectraErrorEvent;
    }
  >;
  'tectra-credits': VueTag<
    TectraCredits,
    Record<never, never>,
    {
      /** Credit was bought (`detail.credits`, `detail.charged`). */
      'tectra-credits-purchased': TectraCreditsPurchasedEvent;
      /** Loading, buying or saving auto-recharge failed (`detail.error`, `detail.operation`). */
      'tectra-error': TectraErrorEvent;
    }
  >;
  'tectra-invoice-list': VueTag<
    TectraInvoiceList,
    {
      /** Show only this status (`paid`, `open`, `void`, `uncollectible`, `draft`); all when empty. */
      'status'?: TectraInvoiceList['status'];
      /** Show only this year (in the account's time zone); all when empty. */
      'year'?: TectraInvoiceList['year'];
    },
    {
      /** Loading failed (`detail.error`, `detail.operation`). */
      'tectra-error': TectraErrorEvent;
    }
  >;
  'tectra-member-usage': VueTag<
    TectraMemberUsage,
    {
      /** The meter shown (`output_tokens`, ...); without it the first pooled meter, and a choice of meters. */
      'meter'?: TectraMemberUsage['meter'];
    },
    {
      /** A member's own limit was saved (`detail.memberId`, `detail.meter`, `detail.limit`, null when removed). */
      'tectra-member-limit-changed': TectraMemberLimitChangedEvent;
      /** Loading or saving a limit failed (`detail.error`, `detail.operation`). */
      'tectra-error': TectraErrorEvent;
    }
  >;
  'tectra-payment-form': VueTag<
    TectraPaymentForm,
    {
      /** Tier id to check out (instead of the tier picker's choice). */
      'tier'?: TectraPaymentForm['tier'];
      /** `month` or `year`, with `tier`. */
      'interval'?: TectraPaymentForm['interval'];
      /** Seats, with `tier`, for team tiers. */
      'seats'?: TectraPaymentForm['seats'];
    },
    {
      /** The backend confirmed the new subscription (`detail.subscription`). */
      'tectra-billing-activated': TectraBillingActivatedEvent;
      /** Quoting, the card step or the purchase failed (`detail.error`, `detail.operation`). */
      'tectra-error': TectraErrorEvent;
    }
  >;
  'tectra-payment-methods': VueTag<
    TectraPaymentMethods,
    Record<never, never>,
    {
      /** A card was added, removed or made the default (`detail.action`). */
      'tectra-payment-method-changed': TectraPaymentMethodChangedEvent;
      /** A card added while the plan was past due paid the overdue invoice (`detail.invoice`). */
      'tectra-invoice-paid': TectraInvoicePaidEvent;
      /** Loading or a change failed (`detail.error`, `detail.operation`). */
      'tectra-error': TectraErrorEvent;
    }
  >;
  'tectra-spend-caps': VueTag<
    TectraSpendCaps,
    {
      /** One meter's key (`output_tokens`, ...); every limited meter when absent. */
      'meter'?: TectraSpendCaps['meter'];
    },
    {
      /** A cap was saved (`detail.meter`, `detail.cap`, null when removed). */
      'tectra-spend-cap-changed': TectraSpendCapChangedEvent;
      /** Loading usage or saving a cap failed (`detail.error`, `detail.operation`). */
      'tectra-error': TectraErrorEvent;
    }
  >;
  'tectra-tier-picker': VueTag<
    TectraTierPicker,
    {
      /** Tier groups to show, e.g. `individual team` (all when empty). */
      'kinds'?: TectraTierPicker['kinds'];
      /** Billing interval shown; follows the subscription until the user switches. */
      'interval'?: TectraTierPicker['interval'];
      /** Form field name: with one, the chosen tier id is submitted with a host `<form>`. */
      'name'?: TectraTierPicker['name'];
    },
    {
      /** A tier was chosen for checkout (`detail.selection`). Cancelable: `preventDefault()` vetoes it. */
      'tectra-tier-select': TectraTierSelectEvent;
      /** The backend confirmed a change of tier, or the scheduled change was dropped (`detail.subscription`). */
      'tectra-tier-changed': TectraTierChangedEvent;
      /** The plan was canceled with Cancel plan (`detail.subscription`). */
      'tectra-subscription-canceled': TectraSubscriptionCanceledEvent;
      /** An ending plan renews again (`detail.subscription`). */
      'tectra-subscription-resumed': TectraSubscriptionResumedEvent;
      /** An overdue invoice was paid from the past-due banner (`detail.invoice`). */
      'tectra-invoice-paid': TectraInvoicePaidEvent;
      /** Loading, quoting or changing failed (`detail.error`, `detail.operation`). */
      'tectra-error': TectraErrorEvent;
    }
  >;
  'tectra-upgrade-prompt': VueTag<
    TectraUpgradePrompt,
    {
      /** The meter to watch, e.g. `output_tokens`; without it (and without `feature`), the meter nearest its limit. */
      'meter'?: TectraUpgradePrompt['meter'];
      /** A feature the page needs, by its name in the catalog, e.g. `Premium models`. */
      'feature'?: TectraUpgradePrompt['feature'];
    },
    {
      /** The upgrade was confirmed (`detail.subscription`). */
      'tectra-tier-changed': TectraTierChangedEvent;
      /** Without a plan: the tier was chosen for the checkout (`detail.selection`). */
      'tectra-tier-select': TectraTierSelectEvent;
      /** Quoting or upgrading failed (`detail.error`, `detail.operation`). */
      'tectra-error': TectraErrorEvent;
    }
  >;
  'tectra-usage-alerts': VueTag<
    TectraUsageAlerts,
    Record<never, never>,
    {
      /** Loading or saving failed (`detail.error`, `detail.operation`). */
      'tectra-error': TectraErrorEvent;
    }
  >;
  'tectra-usage-meter': VueTag<
    TectraUsageMeter,
    {
      /** One meter's key (`input_tokens`, ...); all meters when absent. */
      'meter'?: TectraUsageMeter['meter'];
      /** `detailed` (default) or `compact`. */
      'variant'?: TectraUsageMeter['variant'];
      /** Seconds between polls when the adapter cannot push (default 60). */
      refreshInterval?: TectraUsageMeter['refreshInterval'] | `${number}`;
    },
    {
      /** Usage of a meter crossed one of its alert thresholds (`detail.meter`, `detail.threshold`); once per crossing. */
      'tectra-usage-threshold': TectraUsageThresholdEvent;
      /** Usage of a meter reached its spend cap (`detail.meter`, `detail.used`, `detail.cap`); once per crossing. */
      'tectra-spend-cap-reached': TectraSpendCapReachedEvent;
      /** Loading failed (`detail.error`, `detail.operation`). */
      'tectra-error': TectraErrorEvent;
    }
  >;
}

declare module 'vue' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalComponents extends TectraVueTags {}
}
