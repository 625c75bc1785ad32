// A host app built with Lit 2 beside the kit (Lit 3): two versions of Lit on one page,
// each rendering its own elements, neither breaking the other's templates, events or
// updates.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { html as html2, LitElement as LitElement2 } from 'lit-2';
import '../../src/define/billing-provider.js';
import '../../src/define/billing-summary.js';
import '../../src/define/tier-picker.js';
import { memoryClient, shadowText, waitForText } from '../helpers.js';

/** The host's own header, in Lit 2: a counter the tests click while the kit renders. */
class HostHeader extends LitElement2 {
  static override properties = { clicks: { type: Number } };
  clicks = 0;

  override render() {
    return html2`<header><h1>Acme settings</h1><button @click=${() => this.clicks++}>Clicked ${this.clicks} times</button></header>`;
  }
}
customElements.define('host-lit2-header', HostHeader);

function litVersions(): string[] {
  return (globalThis as { litHtmlVersions?: string[] }).litHtmlVersions ?? [];
}

describe('the kit beside a host app on Lit 2', () => {
  it('two versions of Lit are on the page', () => {
    const majors = new Set(litVersions().map((v) => v.split('.')[0]));
    expect([...majors].sort()).to.deep.equal(['2', '3']);
  });

  it("the host's Lit 2 element and the kit's elements each render and update", async () => {
    const { client } = memoryClient('new');
    const page = await fixture(html`<div>
      <host-lit2-header></host-lit2-header>
      <tectra-billing-provider .client=${client}>
        <tectra-billing-summary></tectra-billing-summary>
        <tectra-tier-picker></tectra-tier-picker>
      </tectra-billing-provider>
    </div>`);
    const header = page.querySelector('host-lit2-header') as HostHeader;
    const summary = page.querySelector('tectra-billing-summary') as HTMLElement;
    const picker = page.querySelector('tectra-tier-picker') as HTMLElement;
    await waitForText(summary, 'You have no plan yet.');
    await waitUntil(() => picker.shadowRoot?.querySelector('[part~="tier-radio"]'), 'the tier picker never rendered tiers');

    header.shadowRoot?.querySelector('button')?.click();
    await header.updateComplete;
    expect(header.shadowRoot?.textContent).to.contain('Clicked 1 times');

    // The kit still reacts to the user: choosing a tier updates the shared checkout.
    (picker.shadowRoot?.querySelector('[part~="tier-radio"]:not([aria-disabled="true"])') as HTMLElement).click();
    await waitUntil(() => client.$checkout.get().selection !== undefined, 'choosing a tier did nothing');
    expect(shadowText(picker)).to.match(/selected/);
    await expect(summary).to.be.accessible();
    await expect(picker).to.be.accessible();
  });

  it('a kit element inside a Lit 2 template renders with its data', async () => {
    const { client } = memoryClient('individual-active');
    class HostPage extends LitElement2 {
      override render() {
        return html2`<tectra-billing-provider .client=${client}><tectra-billing-summary></tectra-billing-summary></tectra-billing-provider>`;
      }
    }
    customElements.define('host-lit2-page', HostPage);
    const host = await fixture<HostPage>(html`<host-lit2-page></host-lit2-page>`);
    const summary = host.shadowRoot?.querySelector('tectra-billing-summary') as HTMLElement;
    await waitUntil(() => summary.shadowRoot?.querySelector('[part="tier-name"]')?.textContent === 'Pro', 'the summary never showed the plan');
    await expect(summary).to.be.accessible();
  });
});
