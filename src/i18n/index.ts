export { $locale, setBillingLocale, billingTranslations, matchLocale, supportedLocales, isRtlLocale } from './localization.js';
