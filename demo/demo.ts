import '../src/index.js';
import type { TectraBillingPortal, TectraBillingProvider } from '../src/index.js';
import { translateShell } from './shell-text.js';

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

// Each switcher applies its choice, from the select or from the address:
// ?scenario=past-due&locale=ar&theme=dark opens the demo in that state (scripts/screenshots.mjs uses it).
const params = new URLSearchParams(location.search);
const switchers = [
  // Each scenario switch starts a fresh backend session, so the demo can be replayed.
  [scenario, (value: string) => provider?.setAttribute('api', `/demo-api/${value}/demo-${Date.now().toString(36)}`)],
  // The kit and the page around it speak the chosen language (the page is marked with it and its direction).
  [locale, (value: string) => {
    provider?.setAttribute('locale', value);
    translateShell(value);
  }],
  [theme, (value: string) => (document.documentElement.dataset.theme = value)],
] as const;
for (const [select, apply] of switchers) {
  if (!select) continue;
  select.addEventListener('change', () => apply(select.value));
  const value = params.get(select.id);
  if (value && [...select.options].some((o) => o.value === value)) {
    select.value = value;
    apply(value);
  }
}
for (const type of ['tectra-manage', 'tectra-tier-select', 'tectra-tier-changed', 'tectra-billing-activated', 'tectra-payment-method-changed', 'tectra-usage-threshold', 'tectra-subscription-canceled', 'tectra-subscription-resumed', 'tectra-invoice-paid', 'tectra-error'] as const) {
  provider?.addEventListener(type, (event) => {
    if (log) log.textContent = `${type}: ${JSON.stringify(event.detail)}`.slice(0, 200);
  });
}
