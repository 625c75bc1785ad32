// Browser side: Lit's hydration support first (before Lit loads), then the client with the
// data the server rendered with, handed to the provider before the elements upgrade.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { createBillingClient, createMemoryAdapter, demoSnapshot } from '@tectra/billing-widgets/client';

const initial = JSON.parse(document.getElementById('billing-data').textContent);
const client = createBillingClient({ adapter: createMemoryAdapter(demoSnapshot('team', { now: '2026-12-01T12:00:00.000Z' })), initial });
document.querySelector('tectra-billing-provider').client = client;
window.manageEvents = [];
document.addEventListener('tectra-manage', (e) => window.manageEvents.push(e.detail.action));

await import('@tectra/billing-widgets/define/billing-provider.js');
await import('@tectra/billing-widgets/define/billing-summary.js');
await import('@tectra/billing-widgets/define/tier-picker.js');
await import('@tectra/billing-widgets/define/usage-meter.js');
window.hydrated = true;
