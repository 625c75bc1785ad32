import { expect, fixture, html } from '@open-wc/testing';
import { loadElement, registerWhenUsed } from '../../src/define/when-used.js';
import { waitUntil } from '../helpers.js';

// This file's page imports no define module of the elements registered when used: only the
// registry can define them. The idle moment is held back, so only the tag's appearance can.
describe('elements registered when used: the tag appears', () => {
  it('is not registered before the tag appears, and is as soon as it does, however deep', async () => {
    const idle: Array<() => void> = [];
    const original = window.requestIdleCallback;
    window.requestIdleCallback = (run: IdleRequestCallback) => idle.push(() => run({} as IdleDeadline));
    try {
      registerWhenUsed();
      await new Promise((r) => setTimeout(r, 200));
      expect(customElements.get('tectra-billing-details'), 'nothing used it yet').to.equal(undefined);
      await fixture(html`<div><section><tectra-billing-details></tectra-billing-details></section></div>`);
      await waitUntil(() => customElements.get('tectra-billing-details'), 'the tag appeared but was never registered', { timeout: 3000 });
      expect(idle.length, 'the idle moment was asked for, not reached').to.equal(1);
    } finally {
      window.requestIdleCallback = original;
    }
    // Loading again is the same registration, not a second one.
    await loadElement('tectra-billing-details');
    expect(customElements.get('tectra-billing-details')?.name).to.equal('TectraBillingDetails');
  });

  it('knows no other tag', async () => {
    await loadElement('tectra-not-a-kit-element');
    expect(customElements.get('tectra-not-a-kit-element')).to.equal(undefined);
  });
});
