// The baseline for render benchmarks: a plain Lit element that renders the same card
// markup as the tier picker from plain data, with no stores, context or localization.
import { LitElement, css, html } from 'lit';

interface PlainTier {
  name: string;
  price: string;
  description: string;
  limits: Array<[string, string]>;
  features: string[];
}

export class PlainTiers extends LitElement {
  static override properties = { tiers: { attribute: false } };
  static override styles = css`
    :host { display: block; container-type: inline-size; font-family: system-ui; }
    .tiers { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); }
    .tier { display: flex; flex-direction: column; gap: 0.75rem; padding: 1rem; border: 1px solid #ccc; border-radius: 0.6rem; }
    ul { display: grid; gap: 0.2rem; }
  `;
  tiers: PlainTier[][] = [];

  override render() {
    return html`${this.tiers.map(
      (group, i) => html`<div role="group" aria-labelledby="g${i}">
        <h3 id="g${i}">Group ${i}</h3>
        <div class="tiers">
          ${group.map(
            (t) => html`<article class="tier">
              <div role="radio" aria-checked="false" tabindex="-1">
                <h4>${t.name}</h4>
                <p>${t.price}</p>
                <p>${t.description}</p>
              </div>
              <ul>${t.limits.map(([k, v]) => html`<li><span>${k}</span> <data>${v}</data></li>`)}</ul>
              <ul>${t.features.map((f) => html`<li>${f}</li>`)}</ul>
            </article>`,
          )}
        </div>
      </div>`,
    )}`;
  }
}
customElements.define('plain-tiers', PlainTiers);

/** A plain Lit meter: a label, figures and a bar, re-rendered on every `used` change. */
export class PlainMeter extends LitElement {
  static override properties = { used: { type: Number } };
  static override styles = css`
    .bar { block-size: 0.5rem; background: #eee; }
    .fill { block-size: 100%; background: #36c; }
  `;
  used = 0;
  limit = 10_000_000;

  override render() {
    const pct = Math.min(100, (this.used / this.limit) * 100);
    return html`<p>Input tokens</p><p><data value=${this.used}>${this.used.toLocaleString('en')}</data> of ${this.limit.toLocaleString('en')}</p>
      <div class="bar" role="progressbar" aria-valuenow=${this.used}><div class="fill" style="inline-size:${pct}%"></div></div>`;
  }
}
customElements.define('plain-meter', PlainMeter);

// Twins: plain Lit elements that render exactly the markup and styles a kit element
// rendered (captured once), with no stores, context, localization or logic. Each
// twin's template is one fixed strings array, so Lit caches it like any static template.
const twinTemplates: TemplateStringsArray[] = [];
const twinSheets: CSSStyleSheet[][] = [];

class Twin extends LitElement {
  protected override createRenderRoot() {
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = twinSheets[Number(this.dataset['twin'])] ?? [];
    return root;
  }

  override render() {
    return html(twinTemplates[Number(this.dataset['twin'])] as TemplateStringsArray);
  }
}

/** Defines the twin of a rendered kit element (and of the kit elements inside it); returns a factory. */
export function twinOf(el: Element): () => HTMLElement {
  const id = captureTwin(el);
  const tag = `twin-${el.localName.slice('tectra-'.length)}`;
  return () => {
    const twin = document.createElement(tag);
    twin.dataset['twin'] = String(id);
    return twin;
  };
}

function captureTwin(el: Element): number {
  const root = el.shadowRoot;
  if (!root) throw new Error(`${el.localName} has no shadow root`);
  const nested = [...root.querySelectorAll('*')].filter((e) => e.localName.startsWith('tectra-'));
  const ids = nested.map(captureTwin);
  let i = 0;
  const markup = root.innerHTML
    .replace(/<tectra-([a-z-]+)/g, (_, name: string) => `<twin-${name} data-twin="${ids[i++]}"`)
    .replace(/<\/tectra-/g, '</twin-');
  twinTemplates.push(Object.assign([markup], { raw: [markup] }) as unknown as TemplateStringsArray);
  twinSheets.push(root.adoptedStyleSheets);
  for (const e of [el, ...nested]) {
    const tag = `twin-${e.localName.slice('tectra-'.length)}`;
    if (!customElements.get(tag)) customElements.define(tag, class extends Twin {});
  }
  return twinTemplates.length - 1;
}

declare global {
  interface Window {
    benchBaseline: { twinOf: typeof twinOf };
  }
}
window.benchBaseline = { twinOf };
