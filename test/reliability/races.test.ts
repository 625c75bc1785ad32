/**
 * Races: answers that come back out of order, a user who switches tiers faster than the
 * backend quotes, and an element removed while its request is in flight.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/billing-provider.js';
import '../../src/define/billing-summary.js';
import '../../src/define/payment-form.js';
import '../../src/define/tier-picker.js';
import { createMemoryAdapter, demoSnapshot } from '../../src/adapters/memory/index.js';
import type { BillingAdapter, RequestOptions } from '../../src/adapters/types.js';
import type { PlanSelection } from '../../src/core/types.js';
import { createBillingClient } from '../../src/state/client.js';
import { countRenders, textOf, waitForText, waitUntil, warmOnDemand } from '../helpers.js';

before(warmOnDemand);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('races', function () {
  this.timeout(15_000);

  it('quick tier switching with quotes answered out of order: the last choice wins, stale quotes are discarded', async () => {
    const memory = createMemoryAdapter(demoSnapshot('new'));
    // The first choice's quote is the slowest: it answers after the later ones.
    const delays: Record<string, number> = { starter: 600, pro: 300, team: 10 };
    const quoted: string[] = [];
    const adapter: BillingAdapter = {
      ...memory,
      previewChange: async (selection: PlanSelection, o?: RequestOptions) => {
        await sleep(delays[selection.tierId] ?? 0);
        quoted.push(selection.tierId);
        return memory.previewChange(selection, o);
      },
    };
    const client = createBillingClient({ adapter });
    const page = await fixture(html`<tectra-billing-provider .client=${client}>
      <tectra-tier-picker></tectra-tier-picker>
      <tectra-payment-form></tectra-payment-form>
    </tectra-billing-provider>`);
    const picker = page.querySelector('tectra-tier-picker') as HTMLElement;
    const form = page.querySelector('tectra-payment-form') as HTMLElement;
    const radio = (id: string) => picker.shadowRoot?.querySelector<HTMLElement>(`[data-tier-radio="${id}"]`);
    await waitUntil(() => radio('team'), 'the tiers never showed');
    radio('starter')?.click();
    radio('pro')?.click();
    radio('team')?.click();
    await waitUntil(() => quoted.length === 3, 'not every quote answered', { timeout: 3000 });
    await sleep(50);
    expect(quoted).to.deep.equal(['team', 'pro', 'starter']);
    expect(client.$checkout.get().selection?.tierId).to.equal('team');
    expect(client.$checkoutQuote.get().data?.selection.tierId).to.equal('team');
    const review = () => textOf(form.shadowRoot?.querySelector('[part="review"]'));
    const teamQuote = await memory.previewChange({ tierId: 'team', interval: 'month', seats: client.$checkout.get().selection?.seats ?? 2 });
    await waitUntil(() => review().includes('Total'), 'no review');
    expect(review()).to.contain(new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(teamQuote.total.amount / 100));
    expect(textOf(form.shadowRoot?.querySelector('[part="selection"]'))).to.match(/^Team,/);
  });

  it('an element removed mid-request: its request is aborted and it renders nothing after', async () => {
    const memory = createMemoryAdapter(demoSnapshot('individual-active'));
    let signal: AbortSignal | undefined;
    let answered = false;
    const adapter: BillingAdapter = {
      ...memory,
      getSubscription: async (o?: RequestOptions) => {
        signal = o?.signal;
        await sleep(1500);
        answered = true;
        return memory.getSubscription(o);
      },
    };
    const client = createBillingClient({ adapter });
    const page = await fixture(html`<tectra-billing-provider .client=${client}><tectra-billing-summary></tectra-billing-summary></tectra-billing-provider>`);
    const summary = page.querySelector('tectra-billing-summary') as HTMLElement;
    await waitForText(summary, 'Loading your plan');
    await waitUntil(() => signal, 'the subscription was never requested');
    const renders = countRenders(summary);
    page.remove();
    // nanostores lets a store go 1 s after its last reader left; then the request is aborted.
    await waitUntil(() => signal?.aborted, 'the request was not aborted', { timeout: 3000 });
    await sleep(700);
    expect(answered).to.equal(true);
    expect(client.$subscription.get().data).to.equal(undefined);
    expect(renders.count).to.equal(0);
  });
});
