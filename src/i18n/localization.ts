/**
 * The kit's language. Messages go through `@lit/localize` (runtime mode, `msg()` with
 * stable ids); numbers, money and dates through `Intl` in `$locale`, which may be more
 * specific than the message locale ("de-CH" formats Swiss, speaks German).
 */
import { configureLocalization, LOCALE_STATUS_EVENT, type LocaleModule } from '@lit/localize';
import { atom } from 'nanostores';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';

type TargetLocale = (typeof targetLocales)[number];

// An explicit map: a template string in import() is not resolvable by every bundler.
const loaders: Record<TargetLocale, () => Promise<LocaleModule>> = {
  de: () => import('./generated/locales/de.js'),
  fr: () => import('./generated/locales/fr.js'),
  es: () => import('./generated/locales/es.js'),
  ja: () => import('./generated/locales/ja.js'),
  ar: () => import('./generated/locales/ar.js'),
};

export const supportedLocales: readonly string[] = [sourceLocale, ...targetLocales];

/** The active formatting locale (BCP 47). */
export const $locale = atom<string>(sourceLocale);

/**
 * `@lit/localize` holds one message locale per page (per copy of the library), and only
 * one party can configure it. The kit does so only when a language other than English is
 * asked for, so a host app that configures it later still can. Once the kit configured
 * it, `setMessageLocale` is set; when the host had configured it first, `hostDrives`.
 */
let setMessageLocale: ((locale: string) => Promise<void>) | undefined;
let hostDrives = false;

function takeLocalization(): void {
  if (setMessageLocale || hostDrives) return;
  try {
    setMessageLocale = configureLocalization({
      sourceLocale,
      targetLocales,
      loadLocale: (locale) => loaders[locale as TargetLocale](),
    }).setLocale;
  } catch {
    // The host configured @lit/localize first: its locale drives the kit's messages too.
    hostDrives = true;
    console.warn("[tectra] following the page's @lit/localize");
  }
}

/** The supported message locale closest to a BCP 47 tag ("de-AT" -> "de"), else English. */
export function matchLocale(tag: string): string {
  const lower = tag.toLowerCase();
  const exact = supportedLocales.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  const language = lower.split('-')[0];
  return supportedLocales.find((l) => l.toLowerCase() === language) ?? sourceLocale;
}

const RTL_LANGUAGES = ['ar', 'he', 'fa', 'ur'];

/** True for right-to-left languages (the elements then lay out right to left). */
export function isRtlLocale(tag: string): boolean {
  return RTL_LANGUAGES.includes(tag.toLowerCase().split('-')[0] ?? '');
}

/** Sets the kit's language and formatting locale; every element re-renders. */
export async function setBillingLocale(tag: string): Promise<void> {
  const requested = tag.trim() || sourceLocale;
  $locale.set(requested);
  const messages = matchLocale(requested);
  if (messages !== sourceLocale) takeLocalization();
  await setMessageLocale?.(messages);
}

/**
 * The kit's translated texts for a locale, keyed by message id, for a host app that
 * configures `@lit/localize` itself: merge them into what its `loadLocale` returns.
 */
export async function billingTranslations(locale: string): Promise<LocaleModule['templates']> {
  const messages = matchLocale(locale);
  return messages === sourceLocale ? {} : (await loaders[messages as TargetLocale]()).templates;
}

/** While the host drives the message locale, the kit's formats follow it. */
function followHost(event: WindowEventMap[typeof LOCALE_STATUS_EVENT]): void {
  const { detail } = event;
  if (!setMessageLocale && detail.status === 'ready' && matchLocale($locale.get()) !== detail.readyLocale) $locale.set(detail.readyLocale);
}

/** Called by every element (the browser ignores a listener added twice). */
export function ensureLocalization(): void {
  window.addEventListener(LOCALE_STATUS_EVENT, followHost);
}
