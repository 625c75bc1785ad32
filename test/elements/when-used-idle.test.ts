import { expect } from '@open-wc/testing';
import { registerWhenUsed } from '../../src/define/when-used.js';
import { waitUntil } from '../helpers.js';

// A tag in a host application's shadow root is out of the document's sight: it is
// registered at the page's idle moment, so customElements.whenDefined() resolves anyway.
describe('elements registered when used: the idle moment', () => {
  it('registers a tag placed in a shadow root once the page is idle', async () => {
    const idle: Array<() => void> = [];
    const original = window.requestIdleCallback;
    window.requestIdleCallback = (run: IdleRequestCallback) => idle.push(() => run({} as IdleDeadline));
    try {
      registerWhenUsed();
      const host = document.createElement('div');
      host.attachShadow({ mode: 'open' }).innerHTML = '<tectra-billing-details></tectra-billing-details>';
      document.body.append(host);
      await new Promise((r) => setTimeout(r, 300));
      expect(customElements.get('tectra-billing-details'), 'the document cannot see into the shadow root').to.equal(undefined);
      const defined = customElements.whenDefined('tectra-billing-details');
      idle.forEach((run) => run());
      await defined;
      await waitUntil(() => host.shadowRoot?.querySelector('tectra-billing-details')?.shadowRoot, 'the element in the shadow root never upgraded');
      host.remove();
    } finally {
      window.requestIdleCallback = original;
    }
  });
});
