/**
 * The kit's language. Messages go through `@lit/localize` (runtime mode, `msg()` with
 * stable ids); numbers, money and dates through `Intl` in `$locale`, which may be more
 * specific than the message locale ("de-CH" formats Swiss, speaks German).
 */
import { configureLocalization, type LocaleModule } from '@lit/localize';
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

let localization: { getLocale(): string; setLocale(locale: string): Promise<void> } | undefined;

function localize() {
  if (!localization) {
    try {
      localization = configureLocalization({
        sourceLocale,
        targetLocales,
        loadLocale: (locale) => loaders[locale as TargetLocale](),
      });
    } catch (error) {
      // The host app configured @lit/localize itself; its locale switching drives the kit's messages.
      console.warn('[tectra] @lit/localize is already configured by the page; using its locale.', error);
      localization = { getLocale: () => $locale.get(), setLocale: async () => undefined };
    }
  }
  return localization;
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
  localize();
  const requested = tag.trim() || sourceLocale;
  $locale.set(requested);
  await localization?.setLocale(matchLocale(requested));
}

/** Called once by the first element: configures message loading. */
export function ensureLocalization(): void {
  localize();
}
