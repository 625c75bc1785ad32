/**
 * Contrast that axe does not measure: the edge of a field or select against the surface it
 * sits on (WCAG 1.4.11, at least 3:1) and placeholder text (at least 4.5:1), in the light,
 * dark and a brand theme.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define/billing-provider.js';
import '../src/define/billing-summary.js';
import '../src/define/invoice-list.js';
import '../src/define/tier-picker.js';
import { memoryClient, waitUntil, warmOnDemand } from './helpers.js';

before(warmOnDemand);

/** Relative luminance of a computed color: `rgb(r, g, b)`, or `color(srgb r g b)` (from color-mix, channels 0 to 1). */
function luminance(color: string): number {
  const scale = color.startsWith('color(srgb') ? 1 : 255;
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / scale;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const THEMES = {
  light: '',
  dark: 'color-scheme: dark',
  brand: '--tectra-color-accent: #0f766e; --tectra-color-focus: #0f766e; --tectra-radius: 2px; --tectra-color-surface: #fffdf7',
};

describe('contrast of fields', () => {
  for (const [name, style] of Object.entries(THEMES)) {
    it(`${name}: field and select edges are 3:1 or more, placeholders 4.5:1`, async () => {
      const { client } = memoryClient('team');
      const root = await fixture(html`<div style=${style}><tectra-billing-provider .client=${client}><tectra-tier-picker></tectra-tier-picker><tectra-invoice-list></tectra-invoice-list></tectra-billing-provider></div>`);
      const picker = root.querySelector('tectra-tier-picker') as HTMLElement;
      const list = root.querySelector('tectra-invoice-list') as HTMLElement;
      await waitUntil(() => picker.shadowRoot?.querySelector('[part="seats"] input') && list.shadowRoot?.querySelector('select'), 'no fields', { timeout: 5000 });
      for (const field of [picker.shadowRoot?.querySelector('[part="seats"] input'), list.shadowRoot?.querySelector('select')] as HTMLElement[]) {
        const s = getComputedStyle(field);
        expect(contrast(s.borderTopColor, s.backgroundColor), `${field.localName} edge`).to.be.at.least(3);
      }
      const input = picker.shadowRoot?.querySelector('[part="seats"] input') as HTMLInputElement;
      const placeholder = getComputedStyle(input, '::placeholder').color;
      expect(contrast(placeholder, getComputedStyle(input).backgroundColor), 'placeholder').to.be.at.least(4.5);
    });
  }
});

describe('badges and banners follow the theme', () => {
  /** Every badge and information banner in the elements' shadow roots. */
  const marks = (root: Element) =>
    [...root.querySelectorAll('*')].flatMap((el) => [...(el.shadowRoot?.querySelectorAll<HTMLElement>('[part="badge"], .badge, .banner[data-tone="info"]') ?? [])]);

  for (const [name, style] of Object.entries(THEMES)) {
    it(`${name}: badges and information banners read at 4.5:1 or more`, async () => {
      const { client } = memoryClient('trial');
      const root = await fixture(html`<div style=${style}><tectra-billing-provider .client=${client}><tectra-tier-picker></tectra-tier-picker><tectra-billing-summary></tectra-billing-summary></tectra-billing-provider></div>`);
      await waitUntil(() => marks(root).length >= 3, 'no badges', { timeout: 5000 });
      for (const mark of marks(root)) {
        const s = getComputedStyle(mark);
        const surface = s.backgroundColor === 'rgba(0, 0, 0, 0)' ? getComputedStyle(mark.closest('[part="tier"], .card') ?? mark).backgroundColor : s.backgroundColor;
        expect(contrast(s.color, surface), `${mark.textContent?.trim()}`).to.be.at.least(4.5);
      }
    });
  }

  it('brand: badges, banners and the interval toggle take the brand color and corner radius', async () => {
    const { client } = memoryClient('trial');
    const root = await fixture(html`<div style="--tectra-color-accent: #0f766e; --tectra-radius-small: 2px"><tectra-billing-provider .client=${client}><tectra-tier-picker></tectra-tier-picker><tectra-billing-summary></tectra-billing-summary></tectra-billing-provider></div>`);
    await waitUntil(() => marks(root).length >= 3, 'no badges', { timeout: 5000 });
    const recommended = marks(root).find((m) => m.textContent?.trim() === 'Recommended') as HTMLElement;
    expect(getComputedStyle(recommended).color).to.equal('rgb(15, 118, 110)');
    for (const mark of marks(root)) expect(getComputedStyle(mark).borderTopLeftRadius, mark.textContent ?? '').to.equal('2px');
    const picker = root.querySelector('tectra-tier-picker') as HTMLElement;
    const toggle = picker.shadowRoot?.querySelector('[part="interval-toggle"] label') as HTMLElement;
    expect(getComputedStyle(toggle).borderTopLeftRadius).to.equal('2px');
  });
});
