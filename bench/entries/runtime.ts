// The shared runtime every element stands on: Lit, stores, localize, context, the
// client with its validation, the base element, events, tokens and the define helper.
export { TectraElement } from '../../src/elements/base/tectra-element.js';
export { createBillingClient } from '../../src/state/client.js';
export { setDefaultBillingClient } from '../../src/state/default-client.js';
export { define } from '../../src/define/define.js';
export * from '../../src/events.js';
export { setBillingLocale } from '../../src/i18n/localization.js';
export { formatMoney } from '../../src/core/money.js';
export { formatDate, formatDateRange } from '../../src/core/dates.js';
