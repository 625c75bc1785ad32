import { expect, fixture, html } from '@open-wc/testing';
import { SHELL_TEXT, translateShell } from '../demo/shell-text.js';

describe('the demo page speaks the chosen language too', () => {
  afterEach(() => translateShell('en'));

  it('translates the app bar, switchers, title and lead, marks the page with the language and direction, and goes back to English', async () => {
    const page = await fixture(html`<div>
      <nav aria-label="Breadcrumb" data-label="breadcrumb"><ol><li data-text="settings">Settings</li></ol></nav>
      <label><span data-text="scenario">Scenario</span> <select><option data-text="scenario.past-due">Past due</option></select></label>
      <h1 data-text="heading">Billing</h1>
      <p data-text="unknown-key">Stays English</p>
    </div>`);
    const text = () => [...page.querySelectorAll('[data-text]')].map((e) => e.textContent);
    translateShell('ar');
    expect(text()).to.deep.equal(['الإعدادات', 'السيناريو', 'متأخر السداد', 'الفوترة', 'Stays English']);
    expect(page.querySelector('nav')?.getAttribute('aria-label')).to.equal('مسار التنقل');
    expect([document.documentElement.lang, document.documentElement.dir]).to.deep.equal(['ar', 'rtl']);
    translateShell('ja-JP');
    expect(text()[0]).to.equal('設定');
    expect(document.documentElement.dir).to.equal('ltr');
    translateShell('en');
    expect(text()).to.deep.equal(['Settings', 'Scenario', 'Past due', 'Billing', 'Stays English']);
    expect(page.querySelector('nav')?.getAttribute('aria-label')).to.equal('Breadcrumb');
    expect(document.documentElement.lang).to.equal('en');
  });

  it('has every word of the demo page in every language', async () => {
    const page = new DOMParser().parseFromString(await (await fetch('/demo/index.html')).text(), 'text/html');
    const keys = ['title', ...[...page.querySelectorAll<HTMLElement>('[data-text], [data-label]')].flatMap((e) => [e.dataset.text, e.dataset.label].filter((k): k is string => !!k))];
    expect(keys.length).to.be.above(20);
    for (const key of keys) {
      const entry = SHELL_TEXT[key];
      expect(entry, key).to.exist;
      expect(Object.values(entry ?? {}).filter(Boolean), key).to.have.length(5);
    }
  });
});
