// Runs before any module (a classic script at the end of the page): keeps the nodes the server
// rendered, so the check can tell that hydration kept them rather than rendering anew.
window.serverNodes = {
  summary: document.querySelector('tectra-billing-summary')?.shadowRoot?.querySelector('[part="manage-button"]'),
  picker: document.querySelector('tectra-tier-picker')?.shadowRoot?.querySelector('[data-tier-radio="team"]'),
  meter: document.querySelector('tectra-usage-meter')?.shadowRoot?.querySelector('h2'),
};
window.serverText = ['tectra-billing-summary', 'tectra-tier-picker', 'tectra-usage-meter'].map((tag) => document.querySelector(tag)?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '');
