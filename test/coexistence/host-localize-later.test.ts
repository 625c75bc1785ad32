// A host app that configures @lit/localize after the kit is already on the page (an app
// that boots lazily): the kit in English has not taken the configuration, so the host's
// call succeeds and the kit follows the host's locale.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/billing-provider.js';
import '../../src/define/billing-summary.js';
import { memoryClient, shadowText, waitForText } from '../helpers.js';
import { configureHost } from './host-app.js';

describe('a host app that configures @lit/localize after the kit rendered', () => {
  it('configures without an error, and its locale switch reaches the kit', async () => {
    const { client } = memoryClient('individual-active');
    const provider = await fixture(html`<tectra-billing-provider .client=${client}><tectra-billing-summary></tectra-billing-summary></tectra-billing-provider>`);
    const summary = provider.querySelector('tectra-billing-summary') as HTMLElement;
    await waitForText(summary, 'Current plan');

    let host: ReturnType<typeof configureHost> | undefined;
    expect(() => (host = configureHost())).not.to.throw();
    const greeting = await fixture(html`<host-greeting></host-greeting>`);
    await host?.setLocale('de');
    await waitForText(greeting, 'Willkommen zurück');
    await waitForText(summary, 'Aktueller Tarif');
    await waitUntil(() => /49,00\s\$/.test(shadowText(summary)));
  });

});
