// A host application that uses @lit/localize itself, as a product team's app would:
// its own message ids, its own locales, and the kit's translations merged in.
import { configureLocalization, msg, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement } from 'lit';
import { billingTranslations } from '../../src/i18n/localization.js';

const hostTemplates: Record<string, Record<string, string>> = {
  de: { 'host.greeting': 'Willkommen zurück' },
  fr: { 'host.greeting': 'Bon retour' },
};

export class HostGreeting extends LitElement {
  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override render() {
    return html`<h1>${msg('Welcome back', { id: 'host.greeting' })}</h1>`;
  }
}
customElements.define('host-greeting', HostGreeting);

/** The host's own configuration, with the kit's texts merged in as the README shows. */
export function configureHost() {
  return configureLocalization({
    sourceLocale: 'en',
    targetLocales: ['de', 'fr'],
    loadLocale: async (locale) => ({
      templates: { ...(await billingTranslations(locale)), ...hostTemplates[locale] },
    }),
  });
}
