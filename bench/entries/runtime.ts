// The shared runtime every element stands on: Lit, nanostores, the localize runtime,
// @lit/context, the base element with its store controller, events, design tokens and
// the define helper. Money and date formatting count toward the elements that use them.
export { TectraElement } from '../../src/elements/base/tectra-element.js';
export { setDefaultBillingClient } from '../../src/state/default-client.js';
export { define } from '../../src/define/define.js';
export * from '../../src/events.js';
export { setBillingLocale } from '../../src/i18n/localization.js';
