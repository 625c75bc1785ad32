import '../src/index.js';
import type { TectraBillingPortal, TectraBillingProvider } from '../src/index.js';

const provider = document.querySelector<TectraBillingProvider>('#provider');
const portal = document.querySelector<TectraBillingPortal>('#portal');
const scenario = document.querySelector<HTMLSelectElement>('#scenario');
const locale = document.querySelector<HTMLSelectElement>('#locale');
const theme = document.querySelector<HTMLSelectElement>('#theme');
const log = document.querySelector<HTMLElement>('#last-event');

// Deep links: #usage opens the usage section, and moving updates the address.
const fromHash = () => location.hash.slice(1);
if (portal && fromHash()) portal.setAttribute('section', fromHash());
window.addEventListener('hashchange', () => portal?.setAttribute('section', fromHash() || 'overview'));
portal?.addEventListener('tectra-section-change', (event) => history.replaceState(null, '', `#${event.detail.section}`));

// ?scenario=past-due&locale=ar&theme=dark opens the demo in that state (scripts/screenshots.mjs uses it).
const params = new URLSearchParams(location.search);
// The kit speaks the chosen language; the demo's own page stays English, so only the kit's
// part of the page is marked with the language and its direction.
function applyLocale(value: string): void {
  provider?.setAttribute('locale', value);
  provider?.setAttribute('lang', value);
  provider?.setAttribute('dir', value === 'ar' ? 'rtl' : 'ltr');
}
for (const [select, apply] of [
  [scenario, (value: string) => provider?.setAttribute('api', `/demo-api/${value}/demo-${Date.now().toString(36)}`)],
  [locale, applyLocale],
  [theme, (value: string) => (document.documentElement.dataset.theme = value)],
] as const) {
  const value = select && params.get(select.id);
  if (select && value && [...select.options].some((o) => o.value === value)) {
    select.value = value;
    apply(value);
  }
}

// Each scenario switch starts a fresh backend session, so the demo can be replayed.
scenario?.addEventListener('change', () => {
  provider?.setAttribute('api', `/demo-api/${scenario.value}/demo-${Date.now().toString(36)}`);
});
locale?.addEventListener('change', () => applyLocale(locale.value));
theme?.addEventListener('change', () => {
  document.documentElement.dataset.theme = theme.value;
});
for (const type of ['tectra-manage', 'tectra-tier-select', 'tectra-tier-changed', 'tectra-billing-activated', 'tectra-payment-method-changed', 'tectra-usage-threshold', 'tectra-subscription-canceled', 'tectra-subscription-resumed', 'tectra-invoice-paid', 'tectra-error'] as const) {
  provider?.addEventListener(type, (event) => {
    if (log) log.textContent = `${type}: ${JSON.stringify(event.detail)}`.slice(0, 200);
  });
}
