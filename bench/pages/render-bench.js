// Runs in the benchmark page against the built dist/tectra-billing.js. Every figure is a
// median with its spread over repeated samples, measured beside a baseline in the same
// run: a "twin" (a plain Lit element rendering the markup and styles the kit element
// rendered, captured once, with no stores, context or logic) or a plain Lit element.
import { elementsOf, kitElement, settled } from '/ready.js';
import { createBillingClient, createMemoryAdapter, demoSnapshot } from '/tectra-billing.js';

const { twinOf } = window.benchBaseline;
const KINDS = ['individual', 'team', 'enterprise'];
const WARM_UP = 3;

// --- scheduling and statistics ---------------------------------------------------------

/** Yields one task (a message, not setTimeout, whose nesting clamp would add 4 ms). */
const nextTask = () =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
/** Resolves after the next frame has been rendered. */
const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  const m = Math.floor(s.length / 2);
  return { median: s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2, p25: at(0.25), p75: at(0.75), runs: s.length };
}

// --- readiness ---------------------------------------------------------------------------

function describe(root) {
  return elementsOf(root)
    .map((el) => `${el.localName}${el.shadowRoot ? '' : ' (no shadow)'}${el.isUpdatePending ? ' (pending)' : ''}${el.shadowRoot?.querySelector('.skeleton') ? ' (skeleton)' : ''}${el.shadowRoot?.querySelector('[role="row"][data-index]') ? ' (rows)' : ''}`)
    .join(', ');
}

async function until(check, what, timeoutMs = 10_000) {
  const t0 = performance.now();
  while (!check()) {
    if (performance.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}: ${describe(document.getElementById('stage'))}`);
    await nextTask();
  }
}

const hasRows = (tag) => (root) => !!kitElement(root, tag)?.shadowRoot?.querySelector('[role="row"][data-index]');
const twinRows = (root) => !!root.shadowRoot?.querySelector('[role="row"][data-index]');

// --- data --------------------------------------------------------------------------------

/** 3 groups x 4 tiers, every tier with prices, limits and features. */
function twelveTierSnapshot() {
  const snapshot = demoSnapshot('new');
  const tiers = [];
  for (const kind of KINDS) {
    for (let i = 1; i <= 4; i++) {
      const perSeat = kind === 'team';
      tiers.push({
        id: `${kind}-${i}`,
        name: `${kind} ${i}`,
        kind,
        description: `The ${kind} tier number ${i}.`,
        prices: [
          { interval: 'month', amount: { amount: 1000 * i, currency: 'USD' }, perSeat },
          { interval: 'year', amount: { amount: 10000 * i, currency: 'USD' }, perSeat },
        ],
        limits: { input_tokens: 1_000_000 * i, output_tokens: 250_000 * i, integrations: 5 * i, transcription_minutes: i === 4 ? null : 100 * i },
        features: ['Feature one', 'Feature two', 'Feature three'],
        ...(perSeat ? { seats: { min: 2, max: 50 } } : {}),
        recommended: i === 2,
      });
    }
  }
  snapshot.catalog.tiers = tiers;
  return snapshot;
}

function invoices(count) {
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(Date.UTC(2026, 10 - i, 1)).toISOString();
    return {
      id: `in_${i}`, number: `INV-${i}`, status: i % 7 ? 'paid' : 'open',
      total: { amount: 4900, currency: 'USD' }, amountDue: { amount: 0, currency: 'USD' },
      createdAt: start, periodStart: start, periodEnd: start,
      pdfUrl: `https://x.example/${i}.pdf`, hostedUrl: `https://x.example/${i}`,
    };
  });
}

const RESOURCES = ['$catalog', '$subscription', '$usage', '$invoices', '$paymentMethods'];

/** A client whose data is loaded (and kept loaded: the listeners stay). */
async function loadedClient(adapter) {
  const client = createBillingClient({ adapter });
  for (const name of RESOURCES) client[name].listen(() => {});
  await until(() => RESOURCES.every((name) => client[name].get().status === 'ready'), 'the data');
  return client;
}

function inProvider(client, tag, attributes = {}) {
  return () => {
    const provider = document.createElement('tectra-billing-provider');
    provider.client = client;
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
    provider.append(el);
    return provider;
  };
}

// --- first render --------------------------------------------------------------------------

const stage = () => document.getElementById('stage');

/** One sample: connect, wait until rendered with data, force style and layout. */
async function sample(mount, ready, what) {
  const el = mount();
  const t0 = performance.now();
  stage().append(el);
  await until(() => ready(el), what);
  void el.getBoundingClientRect().height;
  const ms = performance.now() - t0;
  return { el, ms };
}

/**
 * The kit element and its twin, interleaved run by run. The twin is captured from the
 * kit element's first render.
 */
async function firstRender({ name, mount, tag, extra, twinExtra }, runs) {
  const kit = [];
  const twin = [];
  let makeTwin;
  let rowsInDom;
  for (let i = 0; i < runs + WARM_UP; i++) {
    const a = await sample(mount, (el) => settled(el, extra), name);
    const inner = kitElement(a.el, tag);
    makeTwin ??= twinOf(inner);
    rowsInDom = inner.shadowRoot.querySelectorAll('[role="row"][data-index]').length || undefined;
    a.el.remove();
    await afterPaint();
    const b = await sample(makeTwin, (el) => settled(el, twinExtra), `${name} twin`);
    b.el.remove();
    await afterPaint();
    if (i >= WARM_UP) {
      kit.push(a.ms);
      twin.push(b.ms);
    }
  }
  return { name, kit: stats(kit), baseline: stats(twin), ...(rowsInDom ? { rowsInDom } : {}) };
}

// --- month/year toggle ---------------------------------------------------------------------

async function toggle(client, runs) {
  const picker = inProvider(client, 'tectra-tier-picker')();
  stage().append(picker);
  const el = kitElement(picker, 'tectra-tier-picker');
  await until(() => settled(picker), 'the tier picker');
  const plain = document.createElement('plain-tiers');
  plain.tiers = plainTiers(twelveTierSnapshot(), 'month');
  stage().append(plain);
  await plain.updateComplete;
  const kit = { work: [], paint: [] };
  const base = { work: [], paint: [] };
  for (let i = 0; i < runs + WARM_UP; i++) {
    const radios = el.shadowRoot.querySelectorAll('[part~="interval-toggle"] input');
    const interval = i % 2 ? 'month' : 'year';
    let t0 = performance.now();
    radios[interval === 'year' ? 1 : 0].click();
    await el.updateComplete;
    void el.getBoundingClientRect().height;
    const kitWork = performance.now() - t0;
    await afterPaint();
    const kitPaint = performance.now() - t0;
    await afterPaint();
    t0 = performance.now();
    plain.tiers = plainTiers(twelveTierSnapshot(), interval);
    await plain.updateComplete;
    void plain.getBoundingClientRect().height;
    const baseWork = performance.now() - t0;
    await afterPaint();
    const basePaint = performance.now() - t0;
    await afterPaint();
    if (i >= WARM_UP) {
      kit.work.push(kitWork);
      kit.paint.push(kitPaint);
      base.work.push(baseWork);
      base.paint.push(basePaint);
    }
  }
  picker.remove();
  plain.remove();
  return {
    work: { kit: stats(kit.work), baseline: stats(base.work) },
    paint: { kit: stats(kit.paint), baseline: stats(base.paint) },
  };
}

function plainTiers(snapshot, interval) {
  return KINDS.map((kind) =>
    snapshot.catalog.tiers
      .filter((t) => t.kind === kind)
      .map((t) => {
        const price = t.prices.find((p) => p.interval === interval);
        return {
          name: t.name,
          price: `$${price.amount.amount / 100} per ${interval}`,
          description: t.description,
          limits: Object.entries(t.limits).map(([k, v]) => [k, String(v ?? 'Unlimited')]),
          features: t.features,
        };
      }),
  );
}

// --- 1,000 usage updates -------------------------------------------------------------------

/** 1,000 pushed usage updates, one per task, until painted: the kit meter against a plain Lit meter. */
async function usageUpdates(runs) {
  const adapter = createMemoryAdapter(demoSnapshot('individual-active'), { pushUsage: true });
  const client = await loadedClient(adapter);
  const provider = inProvider(client, 'tectra-usage-meter')();
  stage().append(provider);
  await until(() => settled(provider), 'the usage meter');
  const meter = kitElement(provider, 'tectra-usage-meter');
  let renders = 0;
  const render = meter.render.bind(meter);
  meter.render = () => (renders++, render());
  const plain = document.createElement('plain-meter');
  stage().append(plain);
  let plainRenders = 0;
  const plainRender = plain.render.bind(plain);
  plain.render = () => (plainRenders++, plainRender());
  const kit = [];
  const base = [];
  const rendersPerRun = [];
  const plainRendersPerRun = [];
  for (let i = 0; i < runs + 1; i++) {
    renders = 0;
    let t0 = performance.now();
    for (let n = 0; n < 1000; n++) {
      adapter.recordUsage('input_tokens', 1000);
      await nextTask();
    }
    await meter.updateComplete;
    await afterPaint();
    const kitMs = performance.now() - t0;
    plainRenders = 0;
    t0 = performance.now();
    for (let n = 0; n < 1000; n++) {
      plain.used += 1000;
      await nextTask();
    }
    await plain.updateComplete;
    await afterPaint();
    const baseMs = performance.now() - t0;
    if (i >= 1) {
      kit.push(kitMs);
      base.push(baseMs);
      rendersPerRun.push(renders);
      plainRendersPerRun.push(plainRenders);
    }
  }
  provider.remove();
  plain.remove();
  return { kit: stats(kit), baseline: stats(base), renders: stats(rendersPerRun), baselineRenders: stats(plainRendersPerRun) };
}

// --- 1,000 mount/unmount cycles -----------------------------------------------------------

function listenerCount(client) {
  return Object.values(client).reduce((sum, v) => sum + (v && typeof v.lc === 'number' ? v.lc : 0), 0);
}

/**
 * The portal (its overview: summary and usage) mounted and removed 1,000 times (20 samples of 50): time per cycle
 * against its twin, and the heap (after a forced GC), the client's store listeners and the
 * window's and document's event listeners before and after.
 */
async function mountCycles(client) {
  const mount = inProvider(client, 'tectra-billing-portal');
  const cycle = async (make, extra) => {
    const el = make();
    stage().append(el);
    await until(() => settled(el, extra), 'the portal');
    el.remove();
  };
  // Warm-up: chunks loaded, code optimised by the JIT (its compiled code is on the heap too).
  for (let i = 0; i < 300; i++) await cycle(mount);
  const first = mount();
  stage().append(first);
  await until(() => settled(first), 'the portal');
  const makeTwin = twinOf(kitElement(first, 'tectra-billing-portal'));
  first.remove();
  await afterPaint();
  for (let i = 0; i < 20; i++) await cycle(makeTwin); // the twin's template is cached before the count starts
  const counts = async () => {
    // nanostores stops an unobserved store 1 s after its last listener left (its timer
    // holds a closure until then): counted once those timers have run.
    await new Promise((r) => setTimeout(r, 1100));
    return { heap: await window.benchHeap(), storeListeners: listenerCount(client), domListeners: await window.benchDomListeners() };
  };
  const before = await counts();
  const kit = [];
  let halfway;
  for (let s = 0; s < 20; s++) {
    const t0 = performance.now();
    for (let i = 0; i < 50; i++) await cycle(mount);
    kit.push((performance.now() - t0) / 50);
    if (s === 9) halfway = await counts();
  }
  await afterPaint();
  const after = await counts();
  const twin = [];
  for (let s = 0; s < 20; s++) {
    const t0 = performance.now();
    for (let i = 0; i < 50; i++) await cycle(makeTwin);
    twin.push((performance.now() - t0) / 50);
  }
  return { cycles: 1000, kit: stats(kit), baseline: stats(twin), before, halfway, after };
}

// --- layout stability --------------------------------------------------------------------

/**
 * Each element from loading to ready (a fresh client whose backend answers after 200 ms),
 * with a paragraph after it as the rest of a page would be, at a phone's, a narrow page's
 * and a wide page's width: the layout shift it causes.
 */
async function layoutShift(cases, widths = [360, 784, 1100]) {
  const out = [];
  for (const width of widths) for (const { name, tag, scenario, attributes, extra } of cases) {
    stage().style.width = `${width}px`;
    const adapter = createMemoryAdapter(demoSnapshot(scenario), { latencyMs: 200 });
    const client = createBillingClient({ adapter });
    const shifts = [];
    const sources = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        shifts.push(entry.value);
        for (const src of entry.sources) {
          const n = src.node;
          const r = (x) => `${Math.round(x.x)},${Math.round(x.y)} ${Math.round(x.width)}x${Math.round(x.height)}`;
          sources.push(`${n ? (n.nodeType === 1 ? n.localName + (n.getAttribute('part') ? '[' + n.getAttribute('part') + ']' : '') + (n.className ? '.' + n.className : '') : '#text:' + n.textContent.slice(0, 20)) : '?'} ${r(src.previousRect)} -> ${r(src.currentRect)}`);
        }
      }
    });
    observer.observe({ type: 'layout-shift' });
    const page = document.createElement('div');
    const el = inProvider(client, tag, attributes)();
    const after = document.createElement('p');
    after.textContent = 'The rest of the page.';
    page.append(el, after);
    stage().append(page);
    let sawLoading = false;
    await until(() => {
      sawLoading ||= elementsOf(el).some((e) => e.shadowRoot?.querySelector('.skeleton'));
      return settled(el, extra);
    }, `${name} ready`);
    await afterPaint();
    await afterPaint();
    await new Promise((r) => setTimeout(r, 100));
    observer.takeRecords().forEach((entry) => !entry.hadRecentInput && shifts.push(entry.value));
    observer.disconnect();
    page.remove();
    out.push({ name, width, shift: shifts.reduce((a, b) => a + b, 0), entries: shifts.length, sawLoading, sources });
  }
  stage().style.width = '';
  return out;
}

// --- the run --------------------------------------------------------------------------------

export async function run(runs = 25) {
  const twelve = await loadedClient(createMemoryAdapter(twelveTierSnapshot()));
  const team = await loadedClient(createMemoryAdapter(demoSnapshot('team')));
  const checkout = await loadedClient(createMemoryAdapter(demoSnapshot('new')));
  checkout.selectTier({ tierId: 'pro', interval: 'month' });
  checkout.$checkoutQuote.listen(() => {});
  await until(() => checkout.$checkoutQuote.get().status === 'ready', 'the checkout quote');
  const withInvoices = async (count) => {
    const memory = createMemoryAdapter(demoSnapshot('individual-active'));
    const all = invoices(count);
    return loadedClient({ ...memory, listInvoices: async () => ({ items: all, nextCursor: null }) });
  };
  const thousand = await withInvoices(1_000);
  const tenThousand = await withInvoices(10_000);

  const cases = [
    { name: 'tier-picker (3 groups x 4 tiers)', tag: 'tectra-tier-picker', mount: inProvider(twelve, 'tectra-tier-picker') },
    { name: 'billing-summary (team)', tag: 'tectra-billing-summary', mount: inProvider(team, 'tectra-billing-summary') },
    { name: 'usage-meter (team)', tag: 'tectra-usage-meter', mount: inProvider(team, 'tectra-usage-meter') },
    { name: 'usage-alerts (team)', tag: 'tectra-usage-alerts', mount: inProvider(team, 'tectra-usage-alerts') },
    { name: 'payment-methods (team)', tag: 'tectra-payment-methods', mount: inProvider(team, 'tectra-payment-methods') },
    { name: 'payment-form (new account, Pro chosen; card form ready)', tag: 'tectra-payment-form', mount: inProvider(checkout, 'tectra-payment-form') },
    { name: 'invoice-list (1,000 invoices)', tag: 'tectra-invoice-list', mount: inProvider(thousand, 'tectra-invoice-list'), extra: hasRows('tectra-invoice-list'), twinExtra: twinRows },
    { name: 'invoice-list (10,000 invoices)', tag: 'tectra-invoice-list', mount: inProvider(tenThousand, 'tectra-invoice-list'), extra: hasRows('tectra-invoice-list'), twinExtra: twinRows },
    { name: 'billing-portal (team, overview)', tag: 'tectra-billing-portal', mount: inProvider(team, 'tectra-billing-portal') },
  ];
  const firstRenders = [];
  for (const c of cases) firstRenders.push(await firstRender(c, runs));

  const shifts = await layoutShift([
    { name: 'tier-picker', tag: 'tectra-tier-picker', scenario: 'individual-active' },
    { name: 'billing-summary', tag: 'tectra-billing-summary', scenario: 'team' },
    { name: 'usage-meter', tag: 'tectra-usage-meter', scenario: 'team' },
    { name: 'usage-alerts', tag: 'tectra-usage-alerts', scenario: 'team' },
    { name: 'payment-methods', tag: 'tectra-payment-methods', scenario: 'team' },
    { name: 'payment-form', tag: 'tectra-payment-form', scenario: 'new', attributes: { tier: 'pro', interval: 'month' } },
    { name: 'invoice-list', tag: 'tectra-invoice-list', scenario: 'team', extra: hasRows('tectra-invoice-list') },
    { name: 'billing-portal (overview)', tag: 'tectra-billing-portal', scenario: 'team' },
  ]);

  return {
    firstRender: firstRenders,
    toggle: await toggle(twelve, runs),
    usageUpdates: await usageUpdates(20),
    mountCycles: await mountCycles(team),
    layoutShift: shifts,
  };
}
