import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/billing-provider.js';
import '../../src/define/billing-summary.js';
import type { BillingAdapter } from '../../src/adapters/types.js';
import { define } from '../../src/define/define.js';
import { TectraBillingProvider } from '../../src/elements/billing-provider/billing-provider.js';
import { TectraBillingSummary } from '../../src/elements/billing-summary/billing-summary.js';
import { setBillingLocale } from '../../src/i18n/localization.js';
import { createBillingClient } from '../../src/state/client.js';
import { demoBackend, memoryClient, shadowText, waitForText, waitUntil } from '../helpers.js';

describe('<tectra-billing-provider>', () => {
  it('runs the built-in simulator with a demo scenario, loaded on demand', async () => {
    const provider = await fixture(html`<tectra-billing-provider demo="enterprise">
      <tectra-billing-summary></tectra-billing-summary>
    </tectra-billing-provider>`);
    const summary = provider.querySelector('tectra-billing-summary') as TectraBillingSummary;
    await waitForText(summary, 'Enterprise', 5000);
    expect(shadowText(summary)).to.contain('Custom pricing');
  });

  it('sends cookies to another origin when its credentials attribute says include, and keeps the default for a misspelt value', async () => {
    const sent: Array<RequestCredentials | undefined> = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      sent.push(init?.credentials);
      return realFetch(input, init);
    };
    try {
      for (const credentials of ['include', 'inclde']) {
        sent.length = 0;
        const provider = await fixture(html`<tectra-billing-provider api=${demoBackend('team').baseUrl} credentials=${credentials}>
          <tectra-billing-summary></tectra-billing-summary>
        </tectra-billing-provider>`);
        await waitForText(provider.querySelector('tectra-billing-summary') as TectraBillingSummary, '8 seats', 5000);
        expect([...new Set(sent)]).to.deep.equal([credentials === 'include' ? 'include' : 'same-origin']);
      }
    } finally {
      window.fetch = realFetch;
    }
  });

  it('switches every element inside when the client changes', async () => {
    const first = memoryClient('individual-active').client;
    const second = memoryClient('team').client;
    const provider = await fixture<HTMLElement & { client: unknown }>(html`<tectra-billing-provider .client=${first}>
      <tectra-billing-summary></tectra-billing-summary>
    </tectra-billing-provider>`);
    const summary = provider.querySelector('tectra-billing-summary') as TectraBillingSummary;
    await waitForText(summary, 'Pro');
    provider.client = second;
    await waitForText(summary, '8 seats');
  });

  it('sets the locale of the elements inside', async () => {
    const { client } = memoryClient('jpy');
    const provider = await fixture(html`<tectra-billing-provider locale="de" .client=${client}>
      <tectra-billing-summary></tectra-billing-summary>
    </tectra-billing-provider>`);
    const summary = provider.querySelector('tectra-billing-summary') as TectraBillingSummary;
    try {
      await waitForText(summary, 'Aktueller Tarif');
      await waitForText(summary, '7.400 ¥ pro Monat');
    } finally {
      await setBillingLocale('en');
    }
  });

  it('finds a provider that is connected after the element asked (late upgrade)', async () => {
    const { client } = memoryClient('trial');
    const wrapper = await fixture(html`<div></div>`);
    // A provider element that is not upgraded yet: the summary's request goes unanswered first.
    const late = document.createElement('tectra-late-provider');
    late.appendChild(document.createElement('tectra-billing-summary'));
    wrapper.appendChild(late);
    customElements.define('tectra-late-provider', class extends TectraBillingProvider {});
    (late as HTMLElement & { client: unknown }).client = client;
    const summary = late.querySelector('tectra-billing-summary') as TectraBillingSummary;
    await waitForText(summary, 'Your trial ends');
  });

  it('aborts a request when its element is removed, and updates nothing after', async () => {
    let signal: AbortSignal | undefined;
    const { adapter } = memoryClient('individual-active');
    const hanging: BillingAdapter = {
      ...adapter,
      getSubscription: (o) => {
        signal = o?.signal;
        return new Promise(() => {});
      },
    };
    const client = createBillingClient({ adapter: hanging });
    const provider = await fixture(html`<tectra-billing-provider .client=${client}>
      <tectra-billing-summary></tectra-billing-summary>
    </tectra-billing-provider>`);
    await waitUntil(() => signal !== undefined);
    provider.querySelector('tectra-billing-summary')?.remove();
    await waitUntil(() => signal?.aborted === true, 'request was not aborted', { timeout: 2500 });
  });
});

describe('define()', () => {
  it('warns instead of throwing when a tag is registered twice by another copy', () => {
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      class Copy extends TectraBillingSummary {}
      expect(() => define('tectra-billing-summary', Copy)).to.not.throw();
      define('tectra-billing-summary', TectraBillingSummary);
    } finally {
      console.warn = original;
    }
    expect(warnings).to.have.length(1);
    expect(String(warnings[0])).to.contain('is defined by another copy of the kit');
    expect(customElements.get('tectra-billing-summary')).to.equal(TectraBillingSummary);
  });
});
