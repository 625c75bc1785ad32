/**
 * Contrast that axe does not measure: the edge of a field or select against the surface it
 * sits on (WCAG 1.4.11, at least 3:1) and placeholder text (at least 4.5:1), in the light,
 * dark and a brand theme.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define/billing-provider.js';
import '../src/define/invoice-list.js';
import '../src/define/tier-picker.js';
import { memoryClient, warmOnDemand } from './helpers.js';

before(warmOnDemand);

function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
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
