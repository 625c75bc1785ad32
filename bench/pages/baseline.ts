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
