/**
 * The servers the conformance suite runs against, each the reference handler over HTTP
 * (node:http on a free port) on one engine: the simulator, the Stripe engine on the
 * project's Stripe double, and (opt-in, `STRIPE_SECRET_KEY=sk_test_...`) Stripe test mode.
 * What only a provider can show (what Stripe holds, 3-D Secure completed in a browser, a
 * clock moved to the renewal) is each subject's own, and absent where it cannot be done.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { demoCatalog, demoCreditPacks, demoOveragePrices } from '../../src/adapters/memory/catalogs.js';
import { demoCoupons } from '../../src/adapters/memory/scenarios.js';
import {
  createBillingHandler,
  createSimulatorEngine,
  createStripeEngine,
  setUpStripeCatalog,
  toNodeListener,
  type BillingEvent,
  type BillingHandler,
  type BillingIdentity,
  type BillingStore,
  type StripeCouponSetup,
  type StripeEngine,
  type StripeEngineState,
} from '../../src/server/index.js';
import { createStripeDouble, type StripeDouble } from '../stripe-double/double.js';

/** The demo's own codes, as the setup script creates them in Stripe. */
export const DEMO_COUPONS: StripeCouponSetup[] = demoCoupons('USD');

/** The handler's store and the Stripe engine's state: one Postgres in production (a `PostgresStore` is both). */
export type ContractStore = BillingStore & StripeEngineState;

export interface Subject {
  name: string;
  baseUrl: string;
  handler: BillingHandler;
  /** Payment method ids as the browser hands them over after Stripe.js (or the test card form). */
  cards: { visa: string; mastercard: string; declined?: string; authenticationRequired?: string };
  /** Subscriptions and invoices the provider holds for an account (what was charged). */
  subscriptionsOf(accountId: string): Promise<number>;
  invoicesOf(accountId: string): Promise<number>;
  /** The customer completes 3-D Secure in the browser. */
  completeAction?(clientSecret: string): Promise<void>;
  /** The provider's clock moves past the account's period end (renewals, scheduled changes). */
  passPeriodEnd?(accountId: string): Promise<void>;
  /** Signed webhook deliveries of what happened so far, as the provider sends them. */
  webhookDeliveries?(): Promise<Array<{ payload: string; signature: string; id: string }>>;
  /**
   * A new account that sells prepaid credit (the demo's packs and custom amounts, auto-recharge
   * off, a card on file on the simulator and none yet on Stripe); absent where the engine offers no credit.
   */
  prepaidAccount?(): string;
  /** A new account billed with tax by where it is (the demo's rates), no address on file. */
  taxedAccount(): string;
  /**
   * The provider applies `amount` of the account's credit to an invoice (Stripe does when it
   * bills metered usage), and its webhooks reach the handler.
   */
  useCredit?(accountId: string, amount: number): Promise<void>;
  /** Usage as the provider's meters have it, after a flush. */
  meteredOf?(accountId: string, meter: string): Promise<number>;
  events: BillingEvent[];
  /** What reached onError: defects and provider failures (a passing journey has none). */
  errors: unknown[];
  close(): Promise<void>;
}

const WEBHOOK_SECRET = 'whsec_double';

function serve(handler: BillingHandler): Promise<{ server: Server; baseUrl: string }> {
  const server = createServer(toNodeListener(handler));
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/billing` })),
  );
}

/** `Authorization: Bearer <account>[:viewer]` stands in for the host's session. */
function handlerOptions(store: BillingStore, events: BillingEvent[], errors: unknown[]) {
  return {
    onError: (error: unknown) => void errors.push(error),
    store,
    identify: (request: Request) => {
      const token = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
      if (!token) return null;
      const [accountId = '', role = 'owner'] = token.split(':');
      return { accountId, role };
    },
    // A viewer may read but not buy, cancel or manage cards.
    authorize: (identity: BillingIdentity, operation: string) => identity.role === 'owner' || operation.startsWith('get') || operation.startsWith('list'),
    onEvent: (event: BillingEvent) => void events.push(event),
  };
}

export async function simulatorSubject(store: BillingStore): Promise<Subject> {
  // Accounts named prepaid-… start with the demo's prepaid credit; every other one with nothing.
  const engine = createSimulatorEngine({
    scenario: 'new',
    scenarioFor: (id) => (id.startsWith('prepaid-') ? 'prepaid' : id.startsWith('taxed-') ? 'new-with-tax' : undefined),
  });
  let prepaid = 0;
  const events: BillingEvent[] = [];
  const errors: unknown[] = [];
  const handler = createBillingHandler({ engine, ...handlerOptions(store, events, errors) });
  const { server, baseUrl } = await serve(handler);
  return {
    name: 'simulator',
    baseUrl,
    handler,
    cards: { visa: 'pm_card_visa', mastercard: 'pm_test_5_4444' },
    subscriptionsOf: async (id) => (engine.adapterFor(id).snapshot().subscription.status === 'none' ? 0 : 1),
    invoicesOf: async (id) => engine.adapterFor(id).snapshot().invoices.length,
    prepaidAccount: () => `prepaid-${++prepaid}-${Date.now().toString(36)}`,
    taxedAccount: () => `taxed-${++prepaid}-${Date.now().toString(36)}`,
    events,
    errors,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function stripeSubject(name: string, stripe: Stripe, store: ContractStore, double?: StripeDouble): Promise<Subject> {
  await setUpStripeCatalog(stripe, demoCatalog(), DEMO_COUPONS, demoOveragePrices('USD'));
  // The handler's store and the engine's state in one Postgres (PGlite here), as in production.
  const state = store;
  // Accounts named prepaid-… may buy the demo's credit; every other one is offered none.
  const engine: StripeEngine = createStripeEngine({
    stripe,
    publishableKey: 'pk_test_contract',
    state,
    usageFlushMs: 60_000,
    credits: (accountId) => (accountId.startsWith('prepaid-') ? { ...demoCreditPacks(), expiresAfterDays: 365 } : undefined),
    // Accounts named taxed-… are billed with Stripe Tax (the double's rates are the demo's).
    automaticTax: (accountId) => accountId.startsWith('taxed-'),
  });
  let prepaid = 0;
  const events: BillingEvent[] = [];
  const errors: unknown[] = [];
  const handler = createBillingHandler({ engine, webhooks: { secret: WEBHOOK_SECRET }, ...handlerOptions(store, events, errors) });
  const { server, baseUrl } = await serve(handler);
  const customerOf = async (accountId: string) => (await state.account(accountId)).customerId;
  return {
    name,
    baseUrl,
    handler,
    cards: { visa: 'pm_card_visa', mastercard: 'pm_card_mastercard', declined: 'pm_card_chargeDeclined', authenticationRequired: 'pm_card_authenticationRequired' },
    prepaidAccount: () => `prepaid-${++prepaid}-${Date.now().toString(36)}`,
    taxedAccount: () => `taxed-${++prepaid}-${Date.now().toString(36)}`,
    subscriptionsOf: async (accountId) => {
      const customer = await customerOf(accountId);
      return customer ? (await stripe.subscriptions.list({ customer, status: 'all' })).data.length : 0;
    },
    invoicesOf: async (accountId) => {
      const customer = await customerOf(accountId);
      return customer ? (await stripe.invoices.list({ customer })).data.filter((i) => i.status !== 'draft').length : 0;
    },
    ...(double
      ? {
          completeAction: async (secret: string) => double.completeAction(secret),
          passPeriodEnd: async (accountId: string) => {
            const sub = [...double.state.subscriptions.values()].find((s) => s.metadata.tectra_account === accountId && s.status !== 'canceled');
            const end = sub?.items.data[0]?.current_period_end;
            if (!end) throw new Error(`${accountId} has no subscription on the double`);
            double.advanceTo(new Date(end * 1000 + 1000));
          },
          webhookDeliveries: async () => (await double.signedEvents()).map(({ payload, signature, event }) => ({ payload, signature, id: event.id })),
          useCredit: async (accountId: string, amount: number) => {
            const customer = await customerOf(accountId);
            const from = double.state.events.length;
            double.applyCredit(customer ?? '', amount);
            // Delivered as Stripe would: signed, to the handler's webhook route.
            for (const { payload, signature } of (await double.signedEvents()).slice(from)) {
              const answer = await fetch(`${baseUrl}/webhooks/stripe`, { method: 'POST', headers: { 'stripe-signature': signature, 'content-type': 'application/json' }, body: payload });
              if (!answer.ok) throw new Error(`webhook answered ${answer.status}`);
            }
          },
          meteredOf: async (accountId: string, meter: string) => {
            await engine.flushUsage();
            const customer = await customerOf(accountId);
            return double.state.meterEvents.filter((e) => e.event_name === meter && e.payload.stripe_customer_id === customer).reduce((s, e) => s + Number(e.payload.value), 0);
          },
        }
      : {}),
    events,
    errors,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export async function stripeDoubleSubject(store: ContractStore): Promise<Subject> {
  const double = createStripeDouble({ webhookSecret: WEBHOOK_SECRET });
  return stripeSubject('stripe engine on the double', double.client(), store, double);
}

/** Opt-in: the same suite against Stripe test mode, the guard against the double drifting from Stripe. */
export async function stripeTestModeSubject(store: ContractStore): Promise<Subject | undefined> {
  const key = process.env.STRIPE_SECRET_KEY;
  if (!key?.startsWith('sk_test_')) return undefined;
  return stripeSubject('stripe engine on Stripe test mode', new Stripe(key), store);
}
