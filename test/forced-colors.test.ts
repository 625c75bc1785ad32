/**
 * Forced colors (Windows high contrast, emulated in Chromium): box shadows and backgrounds
 * are dropped there, so what is selected and what has focus must show with outlines,
 * borders and system colors. axe does not look at this mode.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../src/define/billing-portal.js';
import type { TectraBillingPortal } from '../src/elements/billing-portal/billing-portal.js';
import { memoryClient, waitUntil, warmOnDemand } from './helpers.js';

before(warmOnDemand);

const forcedColors = (active: boolean) => executeServerCommand('forced-colors', { active });

describe('forced colors', () => {
  before(() => forcedColors(true));
  after(() => forcedColors(false));

  async function planSection(): Promise<{ portal: TectraBillingPortal; picker: HTMLElement }> {
    const { client } = memoryClient('individual-active');
    const provider = await fixture(html`<tectra-billing-provider .client=${client}><tectra-billing-portal section="plan"></tectra-billing-portal></tectra-billing-provider>`);
    const portal = provider.querySelector('tectra-billing-portal') as TectraBillingPortal;
    await waitUntil(() => portal.shadowRoot?.querySelector('tectra-tier-picker')?.shadowRoot?.querySelector('[part="tier"] [role="radio"]'), 'no tiers', { timeout: 5000 });
    return { portal, picker: portal.shadowRoot?.querySelector('tectra-tier-picker') as HTMLElement };
  }

  it('is emulated', () => {
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
  });

  it('the selected tab has its own border color; the others none that shows', async () => {
    const { portal } = await planSection();
    const style = (id: string) => getComputedStyle(portal.shadowRoot?.querySelector(`#tab-${id}`) as Element);
    const selected = style('plan').borderBlockEndColor;
    expect(selected).not.to.equal(style('overview').borderBlockEndColor);
    expect(selected).not.to.equal(style('plan').backgroundColor);
  });

  it('the chosen tier has an outline the others do not have', async () => {
    const { picker } = await planSection();
    const radios = [...(picker.shadowRoot?.querySelectorAll<HTMLElement>('[part="tier"] [role="radio"]') ?? [])];
    radios[0]?.click();
    await waitUntil(() => picker.shadowRoot?.querySelector('[part="tier"][data-checked]'), 'no tier chosen');
    const tiers = [...(picker.shadowRoot?.querySelectorAll('[part="tier"]') ?? [])];
    const outline = (el: Element) => getComputedStyle(el).outlineStyle;
    expect(tiers.filter((t) => outline(t) === 'solid')).to.have.length(1);
    expect(tiers.find((t) => outline(t) === 'solid')?.hasAttribute('data-checked')).to.equal(true);
  });

  it('the month/year toggle: the chosen side is filled with a system color, and keyboard focus draws an outline', async () => {
    const { picker } = await planSection();
    const labels = [...(picker.shadowRoot?.querySelectorAll('[part="interval-toggle"] label') ?? [])];
    const [month, year] = labels.map((l) => getComputedStyle(l));
    expect(month?.backgroundColor).not.to.equal(year?.backgroundColor);
    expect(year?.outlineStyle).to.equal('none');
    (labels[0]?.querySelector('input') as HTMLInputElement).focus();
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => getComputedStyle(labels[1] as Element).outlineStyle === 'solid', 'no focus outline on the toggle');
    expect(parseFloat(getComputedStyle(labels[1] as Element).outlineWidth)).to.be.at.least(2);
  });
});
