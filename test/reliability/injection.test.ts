/**
 * Every string that comes from the adapter, fuzzed with HTML and script payloads: it
 * is rendered as text, nothing executes, and no link other than a web link appears.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/billing-portal.js';
import '../../src/define/billing-provider.js';
import '../../src/define/payment-form.js';
import { createMemoryAdapter, demoSnapshot } from '../../src/adapters/memory/index.js';
import type { BillingAdapter } from '../../src/adapters/types.js';
import type { TectraBillingPortal } from '../../src/elements/billing-portal/billing-portal.js';
import { createBillingClient } from '../../src/state/client.js';
import { waitUntil, warmOnDemand } from '../helpers.js';

before(warmOnDemand);

const PAYLOADS = [
  '<img src=x onerror="window.__injected=1">',
  '<script>window.__injected=1</script>',
  '"><svg onload="window.__injected=1">',
  '{{constructor.constructor("window.__injected=1")()}}',
  '${window.__injected=1}',
];
const URLS = ['javascript:window.__injected=1', 'data:text/html,<script>window.__injected=1</script>', 'vbscript:msgbox(1)', '//evil.example/x'];

/** Every element and every link in a tree of shadow roots. */
function deepQuery(root: ParentNode, selector: string): Element[] {
  const found = [...root.querySelectorAll(selector)];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...deepQuery(el.shadowRoot, selector));
  return found;
}

function deepText(root: ParentNode): string {
  let text = '';
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) text += ` ${el.shadowRoot.textContent ?? ''} ${deepText(el.shadowRoot)}`;
  return text;
}

describe('injection', function () {
  this.timeout(20_000);

  PAYLOADS.forEach((payload, i) => {
    it(`payload ${i + 1} in every adapter string is shown as text and never runs`, async () => {
      const snapshot = demoSnapshot('past-due');
      for (const tier of snapshot.catalog.tiers) {
        tier.name = `${tier.name}${payload}`;
        tier.description = payload;
        tier.features = [payload];
        tier.contactSalesUrl = URLS[i % URLS.length] as string;
      }
      snapshot.invoices.forEach((invoice, j) => {
        invoice.number = `${payload}${j}`;
        invoice.pdfUrl = URLS[j % URLS.length];
        invoice.hostedUrl = URLS[(j + 1) % URLS.length];
      });
      for (const pm of snapshot.paymentMethods) pm.brand = payload;
      snapshot.subscription.discount = { code: payload, percentOff: 10, duration: 'forever' };
      const memory = createMemoryAdapter(snapshot);
      const adapter: BillingAdapter = {
        ...memory,
        validateCoupon: async () => ({ code: payload, percentOff: 10, duration: 'once' }),
      };
      const client = createBillingClient({ adapter });
      const provider = await fixture(html`<tectra-billing-provider .client=${client}><tectra-billing-portal></tectra-billing-portal></tectra-billing-provider>`);
      const portal = provider.querySelector('tectra-billing-portal') as TectraBillingPortal;
      for (const section of ['overview', 'plan', 'payment', 'invoices'] as const) {
        portal.section = section;
        await portal.updateComplete;
        await new Promise((r) => setTimeout(r, 150));
      }
      await waitUntil(() => deepText(provider).includes(`${payload}0`), 'invoice numbers not shown');
      expect(deepText(provider)).to.contain(payload);
      expect(deepQuery(provider, 'img, script, svg[onload]').length).to.equal(0);
      const hrefs = deepQuery(provider, 'a[href]').map((a) => a.getAttribute('href') ?? '');
      expect(hrefs.filter((h) => !/^https:\/\/|^http:\/\/(localhost|127\.0\.0\.1)/.test(h))).to.deep.equal([]);
      expect((window as { __injected?: number }).__injected).to.equal(undefined);
    });
  });

  PAYLOADS.forEach((payload, i) => {
    it(`payload ${i + 1} typed into the coupon field is shown as text in the error, kept in the field, and never runs`, async () => {
      const memory = createMemoryAdapter(demoSnapshot('new'));
      let accept = false;
      const adapter: BillingAdapter = {
        ...memory,
        // Rejected first (an unknown code), then accepted and echoed back by the backend.
        validateCoupon: async (code, selection, o) =>
          accept ? { code, percentOff: 10, duration: 'once' } : memory.validateCoupon(code, selection, o),
      };
      const client = createBillingClient({ adapter });
      client.selectTier({ tierId: 'pro', interval: 'month' });
      const provider = await fixture(html`<tectra-billing-provider .client=${client}><tectra-payment-form></tectra-payment-form></tectra-billing-provider>`);
      const form = provider.querySelector('tectra-payment-form') as HTMLElement;
      const root = form.shadowRoot as ShadowRoot;
      await waitUntil(() => root.querySelector('#coupon'), 'no coupon field', { timeout: 8000 });
      const input = root.querySelector('#coupon') as HTMLInputElement;
      input.value = payload;
      input.dispatchEvent(new Event('input'));
      const apply = () => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Apply') as HTMLButtonElement;
      apply().click();
      await waitUntil(() => root.querySelector('#coupon-error')?.textContent?.includes(payload), 'the error does not quote the code');
      expect((root.querySelector('#coupon') as HTMLInputElement).value).to.equal(payload);
      expect(deepQuery(provider, 'img, script, svg').length).to.equal(0);
      accept = true;
      apply().click();
      await waitUntil(() => root.querySelector('[part="coupon"]')?.textContent?.includes(`Code ${payload}`), 'the applied code is not shown');
      expect(deepQuery(provider, 'img, script, svg').length).to.equal(0);
      expect((window as { __injected?: number }).__injected).to.equal(undefined);
      await expect(form).to.be.accessible();
    });
  });
});
