import '../src/index.js';
import type { TectraBillingProvider } from '../src/index.js';

const provider = document.querySelector<TectraBillingProvider>('#provider');
const scenario = document.querySelector<HTMLSelectElement>('#scenario');
const locale = document.querySelector<HTMLSelectElement>('#locale');
const theme = document.querySelector<HTMLSelectElement>('#theme');
const log = document.querySelector<HTMLElement>('#last-event');

// Each scenario switch starts a fresh backend session, so the demo can be replayed.
scenario?.addEventListener('change', () => {
  provider?.setAttribute('api', `/demo-api/${scenario.value}/demo-${Date.now().toString(36)}`);
});
locale?.addEventListener('change', () => {
  provider?.setAttribute('locale', locale.value);
  document.documentElement.lang = locale.value;
});
theme?.addEventListener('change', () => {
  document.documentElement.dataset.theme = theme.value;
});
provider?.addEventListener('tectra-manage', (event) => {
  if (log) log.textContent = `tectra-manage: ${event.detail.action}`;
  if (event.detail.action !== 'update-payment-method') document.querySelector('#picker')?.scrollIntoView({ behavior: 'smooth' });
});
provider?.addEventListener('tectra-tier-select', (event) => {
  if (log) log.textContent = `tectra-tier-select: ${JSON.stringify(event.detail.selection)}`;
});
provider?.addEventListener('tectra-tier-changed', (event) => {
  if (log) log.textContent = `tectra-tier-changed: now ${event.detail.subscription.tierId}`;
});
