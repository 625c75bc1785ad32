import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/billing-provider.js';
import '../../src/define/billing-summary.js';
import '../../src/define/usage-meter.js';
import { createMemoryAdapter, demoSnapshot, type DemoScenario, type MemoryAdapterOptions } from '../../src/adapters/memory/index.js';
import type { TectraBillingSummary } from '../../src/elements/billing-summary/billing-summary.js';
import type { TectraUsageMeter } from '../../src/elements/usage-meter/usage-meter.js';
import type { TectraUsageThresholdEvent } from '../../src/events.js';
import { formatPercent, formatUsageAmount } from '../../src/format/usage.js';
import { setBillingLocale } from '../../src/i18n/localization.js';
import { createBillingClient, type BillingClient } from '../../src/state/client.js';
import { captureDownloads, countRenders, manualFrames, nextFrame, shadowText, textOf, waitForText, waitUntil } from '../helpers.js';

function setup(scenario: DemoScenario = 'individual-active', options: MemoryAdapterOptions = {}) {
  const adapter = createMemoryAdapter(demoSnapshot(scenario), options);
  return { adapter, client: createBillingClient({ adapter }) };
}

async function mount(client: BillingClient, attrs = ''): Promise<TectraUsageMeter> {
  const provider = await fixture(html`<tectra-billing-provider .client=${client}><tectra-usage-meter></tectra-usage-meter></tectra-billing-provider>`);
  const el = provider.querySelector('tectra-usage-meter') as TectraUsageMeter;
  for (const pair of attrs.split(' ').filter(Boolean)) {
    const [name, value] = pair.split('=');
    el.setAttribute(name ?? '', value ?? '');
  }
  await waitUntil(() => el.shadowRoot?.querySelector('[part="meter"], [part="error"], .muted'), 'meter never rendered');
  return el;
}

const meterRow = (el: Element, key: string) =>
  [...(el.shadowRoot?.querySelectorAll('[part="meter"]') ?? [])].find((m) => m.querySelector(`#meter-${key}`)) as HTMLElement;

describe('<tectra-usage-meter>: layout', () => {
  it('lines up the bars and notes of meters side by side, when a name wraps and only one meter has a state', async () => {
    const { client } = setup('team');
    const provider = await fixture(html`<div style="inline-size: 700px"><tectra-billing-provider .client=${client}><tectra-usage-meter></tectra-usage-meter></tectra-billing-provider></div>`);
    const el = provider.querySelector('tectra-usage-meter') as TectraUsageMeter;
    await waitUntil(() => el.shadowRoot?.querySelectorAll('[part="meter"]').length === 4, 'no meters', { timeout: 5000 });
    const meters = [...(el.shadowRoot?.querySelectorAll<HTMLElement>('[part="meter"]') ?? [])];
    const top = (m: HTMLElement, selector: string) => Math.round((m.querySelector(selector) as HTMLElement).getBoundingClientRect().top);
    // Transcription minutes (the fourth) is Nearing the limit; Integrations beside it has no state.
    expect(meters[3]?.querySelector('[part="state"]')).to.exist;
    expect(meters[2]?.querySelector('[part="state"]')).to.equal(null);
    for (const [a, b] of [[meters[0], meters[1]], [meters[2], meters[3]]] as [HTMLElement, HTMLElement][]) {
      expect(top(a, 'meter'), 'bars').to.equal(top(b, 'meter'));
      expect(top(a, '.notes'), 'notes').to.equal(top(b, '.notes'));
    }
  });
});

describe('usage formatting', () => {
  it('reads well in several locales, each amount in its meter\'s unit', async () => {
    const tokens = { unit: 'tokens' } as const;
    const minutes = { unit: 'minutes' } as const;
    expect(formatUsageAmount(1_234_567, tokens, 'en')).to.equal('1.2M tokens');
    expect(formatUsageAmount(950, tokens, 'en')).to.equal('950 tokens');
    // Minutes stay minutes, as the tiers' limits are written ("600"), and large ones are compact.
    expect(formatUsageAmount(222, minutes, 'en')).to.equal('222 min');
    expect(formatUsageAmount(16_000_000, minutes, 'en')).to.equal('16M min');
    expect(formatUsageAmount(12, { unit: 'count' }, 'en')).to.equal('12');
    // A backend's own meter: its unit, and the fraction it has.
    expect(formatUsageAmount(12.5, { unit: 'count', unitLabel: 'GB' }, 'en')).to.equal('12.5 GB');
    expect(formatPercent(0.004, 'en')).to.equal('<1%');
    expect(formatPercent(0, 'en')).to.equal('0%');
    expect(formatPercent(0.62, 'en')).to.equal('62%');
    await setBillingLocale('de');
    try {
      expect(formatUsageAmount(1_234_567, tokens, 'de').replace(/\u00a0/g, ' ')).to.equal('1,2 Mio. Tokens');
      expect(formatUsageAmount(222, minutes, 'de').replace(/\u00a0/g, ' ')).to.equal('222 Min.');
    } finally {
      await setBillingLocale('en');
    }
    expect(formatUsageAmount(1_234_567, tokens, 'ja')).to.equal('123.5万 tokens');
    expect(formatUsageAmount(222, minutes, 'ja').replace(/\s/g, '')).to.equal('222分');
  });
});

describe('<tectra-usage-meter>', () => {
  it('shows every meter as role meter with min, max, now and a value text', async () => {
    const { client } = setup('individual-active');
    const el = await mount(client);
    const bars = [...(el.shadowRoot?.querySelectorAll('meter') ?? [])];
    expect(bars).to.have.length(4);
    const input = meterRow(el, 'input_tokens').querySelector('meter') as HTMLMeterElement;
    expect(input.min).to.equal(0);
    expect(input.max).to.equal(10_000_000);
    expect(input.value).to.equal(6_200_000);
    expect(input.getAttribute('aria-valuetext')).to.equal('6.2M of 10M tokens · 62%');
    expect(shadowText(el)).to.contain('Transcription minutes').and.contain('222 of 600 min · 37%');
    expect(shadowText(el)).to.match(/resets on/);
    await expect(el).to.be.accessible();
  });

  it("names a backend's own meter and its unit as the backend sends them", async () => {
    const snapshot = demoSnapshot('individual-active');
    snapshot.usage.meters.push({ key: 'storage_gb', label: 'Storage', unitLabel: 'GB', used: 12.5, limit: 50, unit: 'count' });
    const el = await mount(createBillingClient({ adapter: createMemoryAdapter(snapshot) }));
    const row = meterRow(el, 'storage_gb');
    expect(textOf(row.querySelector('.label'))).to.equal('Storage');
    expect(textOf(row.querySelector('.value'))).to.equal('12.5 of 50 GB · 25%');
    expect(shadowText(el)).not.to.contain('storage gb');
  });

  it('shows one meter with the meter attribute, compact or detailed', async () => {
    const { client } = setup('individual-active');
    const el = await mount(client, 'meter=output_tokens variant=compact');
    await el.updateComplete;
    expect(el.shadowRoot?.querySelectorAll('[part="meter"]').length).to.equal(1);
    expect(shadowText(el)).to.contain('Output tokens');
    expect(el.shadowRoot?.querySelector('[part="forecast"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('warns near the limit and says over the limit, by text and icon as well as color', async () => {
    const { client } = setup('past-due');
    const el = await mount(client);
    expect(textOf(meterRow(el, 'input_tokens'))).to.contain('Nearing the limit');
    expect(meterRow(el, 'input_tokens').querySelector('[part="state"] svg')).to.exist;
    expect(textOf(meterRow(el, 'output_tokens'))).to.contain('Over the limit');
    expect(meterRow(el, 'output_tokens').dataset.state).to.equal('over');
    await expect(el).to.be.accessible();
  });

  it('says the limit is reached at exactly 100 %, and over it only past it', async () => {
    const snapshot = demoSnapshot('individual-active');
    const input = snapshot.usage.meters.find((m) => m.key === 'input_tokens')!;
    input.used = input.limit!;
    const adapter = createMemoryAdapter(snapshot);
    const client = createBillingClient({ adapter });
    const el = await mount(client);
    expect(textOf(meterRow(el, 'input_tokens'))).to.contain('Limit reached').and.not.contain('Over the limit');
    adapter.recordUsage('input_tokens', 1);
    await client.refresh('usage');
    await waitUntil(() => textOf(meterRow(el, 'input_tokens')).includes('Over the limit'), 'one more token is over the limit');
  });

  it('says Unlimited and draws no bar for an unlimited meter', async () => {
    const { client } = setup('enterprise');
    const el = await mount(client);
    expect(textOf(meterRow(el, 'input_tokens'))).to.contain('used · Unlimited');
    expect(meterRow(el, 'input_tokens').querySelector('meter')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says pooled usage is shared by the team', async () => {
    const { client } = setup('team');
    const el = await mount(client);
    expect(textOf(meterRow(el, 'input_tokens'))).to.contain('Shared by the team');
    await expect(el).to.be.accessible();
  });

  it('shows the empty and error states', async () => {
    const empty = await mount(setup('new').client);
    expect(shadowText(empty)).to.contain('There is no usage to show yet.');
    await expect(empty).to.be.accessible();
    const { client, adapter } = setup('individual-active', { faults: { getUsage: { code: 'server', times: 1 } } });
    const failed = await mount(client);
    await waitForText(failed, 'We could not load your usage.');
    await expect(failed).to.be.accessible();
    [...(failed.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.includes('Retry'))?.click();
    await waitUntil(() => meterRow(failed, 'input_tokens'));
    expect(adapter.count('getUsage')).to.equal(2);
  });

  it('follows pushed usage and fires tectra-usage-threshold once per crossing', async () => {
    const { client, adapter } = setup('individual-active', { pushUsage: true });
    const el = await mount(client);
    const events: Array<{ meter: string; threshold: number }> = [];
    el.addEventListener('tectra-usage-threshold', (e) => events.push(e.detail));
    // input_tokens is at 62 % of 10M; 80 % is 8M.
    adapter.recordUsage('input_tokens', 1_000_000);
    await waitUntil(() => textOf(meterRow(el, 'input_tokens')).includes('72%'));
    expect(events).to.deep.equal([]);
    adapter.recordUsage('input_tokens', 1_000_000);
    await waitUntil(() => textOf(meterRow(el, 'input_tokens')).includes('82%'));
    adapter.recordUsage('input_tokens', 100_000);
    await waitUntil(() => textOf(meterRow(el, 'input_tokens')).includes('83%'));
    expect(events).to.deep.equal([{ meter: 'input_tokens', threshold: 0.8 }]);
    adapter.recordUsage('input_tokens', 2_000_000);
    await waitUntil(() => textOf(meterRow(el, 'input_tokens')).includes('103%'));
    expect(events).to.deep.equal([
      { meter: 'input_tokens', threshold: 0.8 },
      { meter: 'input_tokens', threshold: 1 },
    ]);
    // The first read, and one as the push starts; the rest came by push.
    expect(adapter.count('getUsage')).to.equal(2);
  });

  it('takes the first reading as the baseline: a meter already past 80 % when it appears fires only what is crossed later', async () => {
    const { client, adapter } = setup('individual-active', { pushUsage: true });
    // input_tokens is at 62 % of 10M: 85 % before any meter is on the page.
    adapter.recordUsage('input_tokens', 2_300_000);
    // Listening before the meter has any data, so its first reading would be heard.
    const events: Array<{ meter: string; threshold: number }> = [];
    const provider = await fixture(html`<tectra-billing-provider .client=${client}>
      <tectra-usage-meter @tectra-usage-threshold=${(e: TectraUsageThresholdEvent) => events.push(e.detail)}></tectra-usage-meter>
    </tectra-billing-provider>`);
    const el = provider.querySelector('tectra-usage-meter') as TectraUsageMeter;
    await waitUntil(() => textOf(meterRow(el, 'input_tokens')).includes('85%'));
    adapter.recordUsage('input_tokens', 100_000);
    await waitUntil(() => textOf(meterRow(el, 'input_tokens')).includes('86%'));
    expect(events, 'nothing for the 80 % it was already past').to.deep.equal([]);
    adapter.recordUsage('input_tokens', 1_500_000);
    await waitUntil(() => textOf(meterRow(el, 'input_tokens')).includes('101%'));
    expect(events).to.deep.equal([{ meter: 'input_tokens', threshold: 1 }]);
  });

  it('renders a burst of 1,000 updates at most once per animation frame', async () => {
    const { client, adapter } = setup('individual-active', { pushUsage: true });
    const el = await mount(client);
    const renders = countRenders(el);
    // Frames are driven by hand: the property holds whatever the machine's speed.
    const frames = manualFrames();
    const settled = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
    try {
      // 1,000 updates inside one frame, in one task: one render once the frame comes.
      for (let i = 0; i < 1000; i++) adapter.recordUsage('input_tokens', 10);
      // Pushed usage is validated before it reaches the store: let those promises settle.
      await settled();
      await el.updateComplete;
      expect(renders.count, 'no render before the frame').to.equal(0);
      expect(frames.pending, 'one frame requested').to.equal(1);
      frames.frame();
      await el.updateComplete;
      expect(renders.count).to.equal(1);
      // 1,000 more updates over 10 frames (100 each, one microtask apart): one render per frame.
      renders.reset();
      for (let f = 0; f < 10; f++) {
        for (let i = 0; i < 100; i++) {
          adapter.recordUsage('input_tokens', 10);
          await new Promise<void>((resolve) => queueMicrotask(resolve));
        }
        await settled();
        await el.updateComplete;
        expect(renders.count, `before frame ${f + 1}`).to.equal(f);
        frames.frame();
        await el.updateComplete;
        expect(renders.count, `after frame ${f + 1}`).to.equal(f + 1);
      }
      // A frame with no update renders nothing.
      frames.frame();
      await el.updateComplete;
      expect(renders.count).to.equal(10);
      expect(textOf(meterRow(el, 'input_tokens'))).to.contain('6.2M of 10M tokens');
    } finally {
      frames.restore();
    }
  });

  it('a usage update does not re-render elements that do not read usage', async () => {
    const { client, adapter } = setup('individual-active', { pushUsage: true });
    const provider = await fixture(html`<tectra-billing-provider .client=${client}>
      <tectra-billing-summary></tectra-billing-summary><tectra-usage-meter></tectra-usage-meter>
    </tectra-billing-provider>`);
    const summary = provider.querySelector('tectra-billing-summary') as TectraBillingSummary;
    const meter = provider.querySelector('tectra-usage-meter') as TectraUsageMeter;
    await waitForText(summary, 'Pro');
    await waitUntil(() => meterRow(meter, 'input_tokens'));
    const summaryRenders = countRenders(summary);
    adapter.recordUsage('input_tokens', 500_000);
    await waitUntil(() => textOf(meterRow(meter, 'input_tokens')).includes('67%'));
    await nextFrame();
    expect(summaryRenders.count).to.equal(0);
  });

  it('stops polling when no meter is connected', async () => {
    const { client, adapter } = setup('individual-active');
    const el = await mount(client, 'refresh-interval=1');
    const before = adapter.count('getUsage');
    await waitUntil(() => adapter.count('getUsage') > before, 'no poll', { timeout: 2500 });
    el.remove();
    const after = adapter.count('getUsage');
    await new Promise((r) => setTimeout(r, 1300));
    expect(adapter.count('getUsage')).to.equal(after);
  });

  it('speaks German', async () => {
    await setBillingLocale('de');
    try {
      const el = await mount(setup('past-due').client);
      await waitForText(el, 'Nutzung');
      expect(textOf(meterRow(el, 'output_tokens'))).to.contain('Limit überschritten');
      await expect(el).to.be.accessible();
    } finally {
      await setBillingLocale('en');
    }
  });
});

describe('client.watchUsage', () => {
  function visibility(state: 'hidden' | 'visible') {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    document.dispatchEvent(new Event('visibilitychange'));
  }

  it('polls, pauses while the page is hidden, resumes when visible, and stops with the last watcher', async () => {
    const { client, adapter } = setup('individual-active');
    const stopRead = client.$usage.listen(() => {});
    const stop = client.watchUsage(40);
    await waitUntil(() => adapter.count('getUsage') >= 3, 'no polling');
    visibility('hidden');
    try {
      const hiddenAt = adapter.count('getUsage');
      await new Promise((r) => setTimeout(r, 200));
      expect(adapter.count('getUsage')).to.be.at.most(hiddenAt + 1);
      visibility('visible');
      await waitUntil(() => adapter.count('getUsage') >= hiddenAt + 3, 'did not resume');
    } finally {
      delete (document as unknown as { visibilityState?: string }).visibilityState;
    }
    stop();
    const stoppedAt = adapter.count('getUsage');
    await new Promise((r) => setTimeout(r, 150));
    expect(adapter.count('getUsage')).to.be.at.most(stoppedAt + 1);
    stopRead();
  });

  it('uses the adapter push instead of polling when it can', async () => {
    const { client, adapter } = setup('individual-active', { pushUsage: true });
    const stopRead = client.$usage.listen(() => {});
    const stop = client.watchUsage(20);
    // The first read, and one as the push starts; then no polling, though 20 ms was asked for.
    await waitUntil(() => adapter.count('getUsage') === 2, 'no read as the push started');
    await new Promise((r) => setTimeout(r, 120));
    expect(adapter.count('getUsage')).to.equal(2);
    adapter.recordUsage('integrations', 1);
    // A push is validated before it is shown (the schemas are loaded by now: a microtask).
    await waitUntil(() => client.$usage.get().data?.meters.find((m) => m.key === 'integrations')?.used === 5, 'the push was not applied');
    stop();
    stopRead();
  });
});

describe('<tectra-usage-meter> CSV', () => {
  it('downloads the period day by day, every meter every day; a failure is said beside the button and reported once', async () => {
    const { client, adapter } = setup('individual-active');
    const el = await mount(client);
    await waitUntil(() => el.shadowRoot?.querySelector('[part="export"]'), 'no Download CSV');
    const button = el.shadowRoot?.querySelector<HTMLButtonElement>('[part="export"]');
    expect(textOf(button)).to.equal('Download CSV');
    const { files, stop } = captureDownloads();
    try {
      button?.click();
      await waitUntil(() => files.length === 1, 'no file was offered');
      expect(files[0]!.name).to.equal('usage.csv');
      const rows = (await files[0]!.text).trim().split('\r\n');
      expect(rows[0]).to.equal('date,meter,unit,used');
      const meters = adapter.snapshot().usage.meters;
      // Together the days are what the meters show.
      for (const meter of meters) {
        expect(rows.slice(1).filter((r) => r.split(',')[1] === meter.key).reduce((sum, r) => sum + Number(r.split(',')[3]), 0), meter.key).to.equal(meter.used);
      }
      adapter.setFault('getDailyUsage', { code: 'network', times: 1 });
      const errors: string[] = [];
      el.addEventListener('tectra-error', (e) => errors.push(e.detail.operation));
      el.shadowRoot?.querySelector<HTMLButtonElement>('[part="export"]')?.click();
      await waitForText(el, 'The CSV was not made. Check your connection and try again.');
      expect(errors).to.deep.equal(['export-usage']);
      expect(files).to.have.length(1);
      await expect(el).to.be.accessible();
    } finally {
      stop();
    }
  });

  it('offers no download in the compact variant or for one meter', async () => {
    const { client } = setup('individual-active');
    for (const attrs of ['variant=compact', 'meter=input_tokens']) {
      const el = await mount(client, attrs);
      await new Promise((r) => setTimeout(r, 50));
      expect(el.shadowRoot?.querySelector('[part="export"]'), attrs).to.equal(null);
    }
  });
});
