/**
 * Checkout chaos: the payment form against the demo backend over real HTTP (and, for a
 * challenge the backend asks for, the simulator behind a wrapper). Whatever the user or
 * the network does: zero duplicate activations, zero "failed" messages for a payment
 * that went through, and the new tier shown only once the backend confirms it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/billing-provider.js';
import '../../src/define/billing-summary.js';
import '../../src/define/payment-form.js';
import { createHttpAdapter } from '../../src/adapters/http.js';
import { createMemoryAdapter, demoSnapshot } from '../../src/adapters/memory/index.js';
import type { BillingAdapter } from '../../src/adapters/types.js';
import { createBillingClient, type BillingClient, type PurchaseStatus } from '../../src/state/client.js';
import { cardReady, submitButton, typeCard } from '../checkout.js';
import { demoBackend, shadowText, waitForText, waitUntil, warmOnDemand } from '../helpers.js';

before(warmOnDemand);

const ACTIVATE = 'POST /subscription/activate';

/** A demo backend session, a client on it, and every request the client sent. */
function httpSetup() {
  const backend = demoBackend('new');
  const requests: Array<{ route: string; key: string | null }> = [];
  const recording: typeof fetch = (input, init) => {
    const url = new URL(String(input), location.href);
    const route = `${init?.method ?? 'GET'} ${url.pathname.replace(backend.baseUrl, '')}`;
    requests.push({ route, key: new Headers(init?.headers).get('Idempotency-Key') });
    return fetch(input, init);
  };
  const adapter = createHttpAdapter({ baseUrl: backend.baseUrl, retryDelayMs: 5, fetch: recording });
  const client = createBillingClient({ adapter, activationPoll: { intervalMs: 20, attempts: 10 } });
  return {
    backend,
    client,
    activations: () => requests.filter((r) => r.route === ACTIVATE),
    /** What the backend itself holds, read by a separate adapter. */
    invoicesOnBackend: async () => (await createHttpAdapter({ baseUrl: backend.baseUrl }).listInvoices({})).items.length,
    subscriptionOnBackend: async () => (await createHttpAdapter({ baseUrl: backend.baseUrl }).getSubscription()).status,
  };
}

/** Every purchase status the client went through. */
function recordStatuses(client: BillingClient): PurchaseStatus[] {
  const seen: PurchaseStatus[] = [];
  client.$purchase.subscribe((p) => void seen.push(p.status));
  return seen;
}

async function mountCheckout(client: BillingClient) {
  client.selectTier({ tierId: 'pro', interval: 'month' });
  const page = await fixture(html`<tectra-billing-provider .client=${client}>
    <tectra-billing-summary></tectra-billing-summary>
    <tectra-payment-form></tectra-payment-form>
  </tectra-billing-provider>`);
  const form = page.querySelector('tectra-payment-form') as HTMLElement;
  const summary = page.querySelector('tectra-billing-summary') as HTMLElement;
  const root = form.shadowRoot as ShadowRoot;
  const submit = () => submitButton(form);
  await cardReady(form, 8000);
  const type = (number: string) => typeCard(form, number);
  const challenge = () => root.querySelector<HTMLDialogElement>('dialog.challenge');
  const challengeButton = (label: string) =>
    [...(challenge()?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.includes(label)) as HTMLButtonElement;
  return { page, form, summary, root, submit, type, challenge, challengeButton };
}

const tierShown = (summary: HTMLElement) => summary.shadowRoot?.querySelector('[part="tier-name"]')?.textContent ?? '';

describe('checkout chaos', function () {
  this.timeout(20_000);

  it('rapid clicks and Enter: one activation on the backend, one subscription, one invoice', async () => {
    const s = httpSetup();
    const ui = await mountCheckout(s.client);
    ui.type('4242 4242 4242 4242');
    const form = ui.root.querySelector('form') as HTMLFormElement;
    // All in one task, before any re-render could disable the button.
    ui.submit().click();
    ui.submit().click();
    form.requestSubmit();
    ui.submit().click();
    form.requestSubmit();
    await waitForText(ui.form, 'You are subscribed to Pro.', 8000);
    expect(s.activations()).to.have.length(1);
    expect(await s.invoicesOnBackend()).to.equal(1);
    expect(await s.subscriptionOnBackend()).to.equal('active');
    await expect(ui.form).to.be.accessible();
  });

  it('the answer is lost after the backend activated: the plan is read back, shown as bought, never as failed', async () => {
    const s = httpSetup();
    await s.backend.faults({ [ACTIVATE]: { afterSuccess: true, times: 1 } });
    const statuses = recordStatuses(s.client);
    const ui = await mountCheckout(s.client);
    ui.type('4242 4242 4242 4242');
    ui.submit().click();
    await waitForText(ui.form, 'You are subscribed to Pro.', 8000);
    expect(statuses).to.not.include('failed');
    expect(ui.root.querySelector('[role="alert"]:not(:empty)')?.textContent?.trim() ?? '').to.equal('');
    expect(s.activations()).to.have.length(1);
    expect(await s.invoicesOnBackend()).to.equal(1);
    await waitUntil(() => tierShown(ui.summary) === 'Pro', 'the summary never showed the new tier');
  });

  it('the backend fails before activating (503): the plan is read back, the retry reuses the key, and the backend charges once', async () => {
    const s = httpSetup();
    await s.backend.faults({ [ACTIVATE]: { status: 503, times: 1 } });
    const ui = await mountCheckout(s.client);
    ui.type('4242 4242 4242 4242');
    ui.submit().click();
    await waitForText(ui.form, 'you will not be charged twice', 8000);
    expect(tierShown(ui.summary)).to.equal('');
    expect(s.activations()).to.have.length(1);
    ui.submit().click();
    await waitForText(ui.form, 'You are subscribed to Pro.', 8000);
    expect(s.activations()).to.have.length(2);
    expect(new Set(s.activations().map((r) => r.key)).size).to.equal(1);
    expect(await s.invoicesOnBackend()).to.equal(1);
  });

  it('reload mid-checkout: the new page pays with the same key, and the backend answers both with one subscription', async () => {
    const s = httpSetup();
    // The first page's activation is held at the backend until the second page has paid:
    // the order is set by the test, not by how fast the machine is.
    await s.backend.faults({ [ACTIVATE]: { hold: true, times: 1 } });
    const first = await mountCheckout(s.client);
    first.type('4242 4242 4242 4242');
    first.submit().click();
    await waitUntil(() => s.activations().length === 1, 'the first page never sent the activation');
    // The page reloads while the activation is on its way: a new client, the same session storage.
    first.page.remove();
    const keyOf = (init?: RequestInit) => new Headers(init?.headers).get('Idempotency-Key');
    const secondKeys: Array<string | null> = [];
    const adapter = createHttpAdapter({
      baseUrl: s.backend.baseUrl,
      retryDelayMs: 5,
      fetch: (input, init) => {
        if (String(input).endsWith('/subscription/activate')) secondKeys.push(keyOf(init));
        return fetch(input, init);
      },
    });
    const second = await mountCheckout(createBillingClient({ adapter, activationPoll: { intervalMs: 20, attempts: 10 } }));
    second.type('4242 4242 4242 4242');
    second.submit().click();
    await waitForText(second.form, 'You are subscribed to Pro.', 8000);
    expect(secondKeys).to.have.length(1);
    expect(secondKeys[0]).to.equal(s.activations()[0]?.key);
    // Now the first page's request lands, with the same key: still one subscription, one invoice.
    // (The backend replays the answer it gave the second page; the first page's client hears it.)
    await s.backend.release();
    await waitUntil(() => s.client.$purchase.get().status === 'succeeded', 'the first page never heard back', { timeout: 6000 });
    expect(await s.invoicesOnBackend()).to.equal(1);
    expect((await s.backend.state()).calls.filter((c) => c === 'activate')).to.have.length(1);
    expect(sessionStorage.length).to.equal(0);
  });

  it('3-D Secure abandoned (Escape on the challenge): nothing is charged, the card is still there, and paying again works once', async () => {
    const s = httpSetup();
    const ui = await mountCheckout(s.client);
    ui.type('4000 0027 6000 3184');
    ui.submit().click();
    await waitUntil(() => ui.challenge()?.open, 'no challenge');
    ui.challenge()?.dispatchEvent(new Event('cancel', { cancelable: true }));
    await waitForText(ui.form, 'The card could not be authenticated.');
    expect(s.activations()).to.have.length(0);
    expect(tierShown(ui.summary)).to.equal('');
    expect((ui.root.querySelector('[name="card-number"]') as HTMLInputElement).value).to.equal('4000 0027 6000 3184');
    await expect(ui.form).to.be.accessible();
    ui.submit().click();
    await waitUntil(() => ui.challenge()?.open, 'no second challenge');
    ui.challengeButton('Complete').click();
    await waitForText(ui.form, 'You are subscribed to Pro.', 8000);
    expect(s.activations()).to.have.length(1);
    expect(await s.invoicesOnBackend()).to.equal(1);
  });

  it('3-D Secure failed when the backend asked for it: shown as not paid, no plan shown, and the retry keeps the key', async () => {
    const memory = createMemoryAdapter(demoSnapshot('new'));
    const keys: string[] = [];
    const adapter: BillingAdapter = {
      ...memory,
      activate: async (request, o) => {
        keys.push(request.idempotencyKey);
        // The bank wants a challenge for the first attempt; nothing is activated yet.
        if (keys.length === 1) return { status: 'requires_action', clientSecret: 'pi_1_secret_1' };
        return memory.activate(request, o);
      },
    };
    const client = createBillingClient({ adapter, activationPoll: { intervalMs: 20, attempts: 10 } });
    const statuses = recordStatuses(client);
    const ui = await mountCheckout(client);
    ui.type('4242 4242 4242 4242');
    ui.submit().click();
    await waitUntil(() => ui.challenge()?.open, 'no challenge for the required action');
    expect(shadowText(ui.form)).to.contain('Waiting for your bank');
    ui.challengeButton('Fail').click();
    await waitForText(ui.form, 'The card could not be authenticated.');
    expect(statuses).to.not.include('succeeded');
    expect(tierShown(ui.summary)).to.equal('');
    expect(memory.snapshot().subscription.status).to.equal('none');
    ui.submit().click();
    await waitForText(ui.form, 'You are subscribed to Pro.', 8000);
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
    await waitUntil(() => tierShown(ui.summary) === 'Pro', 'the summary never showed the new tier');
  });
});
