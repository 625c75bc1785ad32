export { $locale, setBillingLocale, matchLocale, supportedLocales } from './localization.js';
