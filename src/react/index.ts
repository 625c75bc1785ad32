/**
 * React wrappers (`@tectra/billing-widgets/react`): typed components with event
 * callbacks, made by `@lit/react`. Each wrapper registers only its own element: a page that
 * imports `TierPicker` gets the tier picker, not the other nine.
 */
export { BillingProvider } from './billing-provider.js';
export { BillingSummary } from './billing-summary.js';
export { TierPicker } from './tier-picker.js';
export { PaymentForm } from './payment-form.js';
export { PaymentMethods } from './payment-methods.js';
export { UsageMeter } from './usage-meter.js';
export { UsageAlerts } from './usage-alerts.js';
export { InvoiceList } from './invoice-list.js';
export { BillingDetails } from './billing-details.js';
export { Credits } from './credits.js';
export { UpgradePrompt } from './upgrade-prompt.js';
export { SpendCaps } from './spend-caps.js';
export { MemberUsage } from './member-usage.js';
export { BillingPortal } from './billing-portal.js';
