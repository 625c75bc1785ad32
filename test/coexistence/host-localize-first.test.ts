// A host app that configured @lit/localize before the kit appeared: one message locale
// for the page, the host's, driving both its texts and the kit's.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/billing-provider.js';
import '../../src/define/billing-summary.js';
import { setBillingLocale } from '../../src/i18n/localization.js';
import { memoryClient, shadowText, waitForText } from '../helpers.js';
import { configureHost } from './host-app.js';

const host = configureHost();

async function mountPage() {
  const { client } = memoryClient('individual-active');
  const page = await fixture(html`<div>
    <host-greeting></host-greeting>
    <tectra-billing-provider .client=${client}><tectra-billing-summary></tectra-billing-summary></tectra-billing-provider>
  </div>`);
  const greeting = page.querySelector('host-greeting') as HTMLElement;
  const summary = page.querySelector('tectra-billing-summary') as HTMLElement;
  await waitForText(summary, 'Current plan');
  return { greeting, summary };
}

describe('a host app that configured @lit/localize first', () => {
  afterEach(() => host.setLocale('en'));

  it('switching the host to German translates the host and the kit, and formats money in German', async () => {
    const { greeting, summary } = await mountPage();
    await host.setLocale('de');
    await waitForText(greeting, 'Willkommen zurück');
    await waitForText(summary, 'Aktueller Tarif');
    await waitUntil(() => /49,00\s\$/.test(shadowText(summary)), `money not German: ${shadowText(summary)}`);
    await expect(summary).to.be.accessible();
  });

  it('switching back to English restores both', async () => {
    const { greeting, summary } = await mountPage();
    await host.setLocale('fr');
    await waitForText(summary, 'Forfait actuel');
    await host.setLocale('en');
    await waitForText(greeting, 'Welcome back');
    await waitForText(summary, 'Current plan');
    await waitUntil(() => /\$49\.00/.test(shadowText(summary)));
  });

  it("the kit's own locale call warns, leaves the host's locale alone and does not throw", async () => {
    const { greeting, summary } = await mountPage();
    await host.setLocale('de');
    await waitForText(summary, 'Aktueller Tarif');
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      await setBillingLocale('fr');
    } finally {
      console.warn = warn;
    }
    expect(warnings.some((w) => w.includes("following the page's @lit/localize"))).to.equal(true);
    expect(host.getLocale()).to.equal('de');
    expect(shadowText(greeting)).to.contain('Willkommen zurück');
    expect(shadowText(summary)).to.contain('Aktueller Tarif');
  });
});
