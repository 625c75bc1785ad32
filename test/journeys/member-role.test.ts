/**
 * Journey: a team member who may look but not change anything opens the portal over HTTP.
 * Every section shows what is on file and says, where a control would be, that their role
 * does not allow it; by keyboard they download the usage by day and the invoices as CSV
 * (reading is allowed). The server refuses a change all the same, and nothing changed.
 */
import { expect } from '@open-wc/testing';
import { captureDownloads, textOf } from '../helpers.js';
import { deepAll, focused, inEnglish, openPortal, press, tabTo, until, VARIANTS, waitFor, type Journey, type Variant } from './journey.js';

/** Moves along the portal's tabs with the arrow keys (the tab shown follows focus). */
async function openSection(j: Journey, variant: Variant, section: string): Promise<void> {
  await tabTo((el) => el.getAttribute('role') === 'tab' && el.getAttribute('aria-selected') === 'true', 'the selected tab', { back: true });
  const next = variant.locale === 'ar' ? 'ArrowLeft' : 'ArrowRight';
  for (let i = 0; i < 8 && focused()?.id !== `tab-${section}`; i++) await press(next);
  expect(focused()?.id).to.equal(`tab-${section}`);
  await until(() => j.portal.section === section, `the portal shows ${j.portal.section}`);
}

/** Whether a button whose text starts with `text` is anywhere in the portal, shadow roots included. */
const hasButton = (j: Journey, text: string) => !!findDeep(j, 'button', (b) => textOf(b).startsWith(text));

/** The first element under the portal, shadow roots included, that matches `selector` and `match`. */
function findDeep(j: Journey, selector: string, match: (el: Element) => boolean): Element | undefined {
  return deepAll(j.portal.shadowRoot ?? j.portal).find((el) => el.matches(selector) && match(el));
}

describe('journey: a member who may only look', () => {
  for (const variant of VARIANTS) {
    it(`sees why nothing can be changed, downloads usage and invoices as CSV, and the server refuses a change (${variant.name})`, async function () {
      this.timeout(40_000);
      const j = await openPortal('team', variant, 'overview', 'member');
      const { files, stop } = captureDownloads();
      try {
        // Overview: the plan, and instead of Cancel plan, why not.
        await waitFor(() => findDeep(j, '[part="actions"]', () => true), 'no plan actions', 8000);
        if (inEnglish(variant)) await j.sees('Your role does not allow cancelling or resuming the plan. Ask an account owner.');
        expect(hasButton(j, 'Cancel plan')).to.equal(false);

        // Usage: the alerts cannot be changed; the usage by day downloads all the same.
        await openSection(j, variant, 'usage');
        if (inEnglish(variant)) await j.sees('Your role does not allow changing alerts. Ask an account owner.');
        await waitFor(() => findDeep(j, '[part="export"]', (el) => (el.getRootNode() as ShadowRoot).host?.localName === 'tectra-usage-meter'), 'no Download CSV on the meters', 8000);
        await tabTo((el) => el.matches('[part="export"]') && (el.getRootNode() as ShadowRoot).host?.localName === 'tectra-usage-meter', 'the meters’ Download CSV');
        await press('Enter');
        await until(() => files.length === 1, 'no usage file was offered');
        expect(files[0]!.name).to.equal('usage.csv');
        const usage = (await files[0]!.text).trim().split('\r\n');
        expect(usage[0]).to.equal('date,meter,unit,used');
        expect(usage.length, 'a row per meter and day').to.be.greaterThan(4);

        // Payment methods: the cards, and no Add a card.
        await openSection(j, variant, 'payment');
        await waitFor(() => findDeep(j, '[part="not-allowed"]', (el) => (el.getRootNode() as ShadowRoot).host?.localName === 'tectra-payment-methods'), 'no role note on the cards', 8000);
        if (inEnglish(variant)) await j.sees('Your role does not allow managing cards. Ask an account owner.');
        expect(hasButton(j, 'Add a card')).to.equal(false);

        // Billing details: what is on file, no Edit.
        await openSection(j, variant, 'details');
        await waitFor(() => findDeep(j, '[part="not-allowed"]', (el) => (el.getRootNode() as ShadowRoot).host?.localName === 'tectra-billing-details'), 'no role note on the details', 8000);
        if (inEnglish(variant)) await j.sees('Your role does not allow changing billing details. Ask an account owner.');
        expect(hasButton(j, 'Edit billing details')).to.equal(false);

        // Billing history: every invoice as CSV, by keyboard.
        await openSection(j, variant, 'invoices');
        await waitFor(() => findDeep(j, '[part="export"]', (el) => (el.getRootNode() as ShadowRoot).host?.localName === 'tectra-invoice-list'), 'no Download CSV on the invoices', 8000);
        await tabTo((el) => el.matches('[part="export"]'), 'the invoices’ Download CSV');
        await press('Enter');
        await until(() => files.length === 2, 'no invoices file was offered');
        expect(files[1]!.name).to.equal('invoices.csv');
        const { snapshot, calls } = await j.backend.state();
        expect((await files[1]!.text).trim().split('\r\n')).to.have.length(snapshot.invoices.length + 1);

        // The server enforces the same: a change sent anyway is refused, and nothing changed.
        const refused = await fetch(`${j.backend.baseUrl}/subscription/cancel`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }, body: '{}' });
        expect(refused.status).to.equal(403);
        expect(((await refused.json()) as { error: { code: string } }).error.code).to.equal('forbidden');
        const after = await j.backend.state();
        expect(after.snapshot.subscription).to.deep.equal(snapshot.subscription);
        expect(calls.filter((c) => !/^(get|list)/.test(c)), 'the member changed nothing').to.deep.equal([]);
        expect(j.events['tectra-error'] ?? 0).to.equal(0);
      } finally {
        stop();
        await j.end();
      }
    });
  }
});
