// Server side: renders the summary, the tier picker and a usage meter with Lit SSR into
// declarative shadow DOM, from data handed in, and writes the page (index.html) with that
// data for the browser to hydrate with. Run with Node from this folder (the tarball installed).
import { writeFileSync } from 'node:fs';
import { render } from '@lit-labs/ssr';
import { LitElementRenderer } from '@lit-labs/ssr/lib/lit-element-renderer.js';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { preloadBillingViews } from '@tectra/billing-widgets';
import { createBillingClient, createMemoryAdapter, demoSnapshot } from '@tectra/billing-widgets/client';

// The kit's elements find their provider through events, which Lit SSR delivers once their
// connectedCallback runs on the server.
LitElementRenderer.renderOptions.push((element) => (element.localName.startsWith('tectra-') ? { connectedCallback: true } : undefined));

// What the server knows of the account (here the demo's team account; your adapter's answers).
const account = demoSnapshot('team', { now: '2026-12-01T12:00:00.000Z' });
const initial = { catalog: account.catalog, subscription: account.subscription, usage: account.usage };
const client = createBillingClient({ adapter: createMemoryAdapter(account), initial });
// Lit SSR renders synchronously: the views that a plan's elements show load first.
await preloadBillingViews();

const body = await collectResult(
  render(html`<tectra-billing-provider .client=${client}>
    <tectra-billing-summary></tectra-billing-summary>
    <tectra-tier-picker kinds="individual team"></tectra-tier-picker>
    <tectra-usage-meter meter="output_tokens"></tectra-usage-meter>
  </tectra-billing-provider>`),
);
// `<` escaped: the data sits in a script element.
const data = JSON.stringify(initial).replaceAll('<', '\\u003c');
writeFileSync(
  'index.html',
  `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Billing, rendered on the server</title></head>
  <body>
    ${body}
    <script type="application/json" id="billing-data">${data}</script>
    <script src="/before.js"></script>
    <script type="module" src="/hydrate.js"></script>
  </body>
</html>
`,
);
console.log(`rendered ${body.length} characters`);
