/**
 * @tectra/billing-widgets: registers every element and exports the public API.
 * Import `@tectra/billing-widgets/define/<name>.js` instead to register one element.
 */
import './define/billing-provider.js';
import './define/billing-summary.js';
import './define/tier-picker.js';
import './define/payment-form.js';
import './define/payment-methods.js';
import './define/usage-meter.js';
import './define/usage-alerts.js';
import './define/invoice-list.js';
import './define/billing-portal.js';
import { registerWhenUsed } from './define/when-used.js';

// Elements a page pays for only when it uses them (the billing details): registered when
// their tag appears, and at the latest once the page is idle.
registerWhenUsed();

export * from './core/index.js';
export type { BillingAdapter, InvoiceQuery, RequestOptions } from './adapters/types.js';
export { createHttpAdapter } from './adapters/http.js';
export type { HttpAdapterOptions } from './adapters/http.js';
export { createMemoryAdapter, demoSnapshot, DEMO_SCENARIOS } from './adapters/memory/index.js';
export type {
  BillingSnapshot,
  DemoScenario,
  FaultSpec,
  MemoryAdapter,
  MemoryAdapterOptions,
  SimulatedCoupon,
} from './adapters/memory/index.js';
export * from './state/index.js';
export * from './events.js';
export { setBillingLocale, billingTranslations, supportedLocales } from './i18n/index.js';
export { define } from './define/define.js';
export { loadElement } from './define/when-used.js';
export { TectraBillingProvider } from './elements/billing-provider/billing-provider.js';
export { TectraBillingSummary } from './elements/billing-summary/billing-summary.js';
export { TectraTierPicker } from './elements/tier-picker/tier-picker.js';
export { TectraPaymentForm } from './elements/payment-form/payment-form.js';
export { TectraPaymentMethods } from './elements/payment-methods/payment-methods.js';
export { TectraUsageMeter } from './elements/usage-meter/usage-meter.js';
export type { TectraSpendCapReachedEvent } from './elements/usage-meter/usage-meter.js';
export { TectraUsageAlerts } from './elements/usage-alerts/usage-alerts.js';
export { TectraInvoiceList } from './elements/invoice-list/invoice-list.js';
export { TectraBillingPortal, TectraSectionChangeEvent, PORTAL_SECTIONS } from './elements/billing-portal/billing-portal.js';
export type { PortalSection } from './elements/billing-portal/billing-portal.js';
export { createPaymentProvider } from './payments/provider.js';
export type { PaymentProvider, PaymentProviderOptions } from './payments/provider.js';
export { preloadBillingViews } from './core/on-demand.js';
