export { $locale, setBillingLocale, matchLocale, supportedLocales, isRtlLocale } from './localization.js';
