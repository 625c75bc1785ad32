/**
 * The demo backend: the reference server (`createBillingHandler`) over the simulator engine,
 * the same router a product team mounts in production. Used by `npm start` (Vite dev
 * server) and by the browser tests (web-test-runner), so the http adapter is exercised by
 * real HTTP round trips through the real handler.
 *
 * Routes live under `/demo-api/<scenario>/<session>/`: each session is an account of its
 * own, seeded with a demo scenario, so parallel tests never share state. The path stands in
 * for the sign-in a real app has: this wrapper identifies the account and hands the handler
 * the contract's path; a session named `member-…` signs in a team member who may look but
 * not buy, cancel, pay or change anything (the handler's `authorize` refuses it, and its
 * capabilities say so). `POST /demo-api/_control/<scenario>/<session>` injects faults into a
 * session; `GET` on the same path answers what the session's simulator holds and the calls
 * it received.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { demoCreditPacks, isDemoScenario, type DemoScenario } from '../../src/adapters/memory/index.js';
import { createBillingHandler } from '../../src/server/handler.js';
import { createSimulatorEngine } from '../../src/server/simulator-engine.js';
import { createStripeEngine } from '../../src/server/stripe-engine.js';
import type { BillingEngine } from '../../src/server/engine.js';
import { createMemoryStore } from '../../src/server/store.js';
import { sendFetchResponse, toFetchRequest } from '../../src/server/node.js';
import { STATUS_BY_CODE } from '../../src/server/errors.js';
import type { BillingErrorCode } from '../../src/core/errors.js';

/** A fault injected at the HTTP level for one route (`"GET /catalog"`, `"POST /subscription/activate"`). */
export interface HttpFault {
  /** Answer with this status (and `body`, default a JSON error). */
  status?: number;
  /** Raw response body (malformed JSON, wrong types, empty). */
  body?: string;
  headers?: Record<string, string>;
  /** Destroy the connection without an answer. */
  drop?: boolean;
  /** Run the operation first, then lose the answer mid-body: "succeeded but the client never heard". */
  afterSuccess?: boolean;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Wait until the test releases held requests (`POST _control` with `{ release: true }`): an order, not a timer. */
  hold?: boolean;
  /** Only the first N matching requests (default: all). */
  times?: number;
}

export interface DemoApiOptions {
  prefix?: string;
  /** Simulated latency of every call in the demo (default none). */
  latencyMs?: number | { min: number; max: number };
  /** Usage grows a little on every read, as if the product were in use (the demo). */
  liveUsage?: boolean;
  /**
   * Opt-in: the Stripe engine on your Stripe test account instead of the simulator (`npm start`
   * with STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY; run `npm run stripe:setup` first). Every
   * session is then a new customer, whatever its scenario, and `_control` has no simulator to show.
   */
  stripe?: { secretKey: string; publishableKey: string };
}

interface Session {
  faults: Map<string, HttpFault & { used: number }>;
  /** Requests held by a `hold` fault, released together. */
  held: Array<() => void>;
}

function statusCode(status: number): BillingErrorCode {
  const match = Object.entries(STATUS_BY_CODE).find(([, s]) => s === status);
  return match ? (match[0] as BillingErrorCode) : status >= 500 ? 'server' : 'unknown';
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/** The Stripe engine, loaded with the first request (the `stripe` package is only needed then). */
function stripeTestMode(keys: { secretKey: string; publishableKey: string }): BillingEngine {
  let engine: Promise<BillingEngine> | undefined;
  const ready = () =>
    (engine ??= import('stripe').then(({ default: Stripe }) =>
      // Every demo account may buy the demo's credit packs in test mode.
      createStripeEngine({ stripe: new Stripe(keys.secretKey), publishableKey: keys.publishableKey, credits: () => demoCreditPacks() }),
    ));
  return {
    adapterFor: async (accountId) => (await ready()).adapterFor(accountId),
    recordUsage: async (accountId, meter, value, member) => (await ready()).recordUsage(accountId, meter, value, member),
    receiveWebhook: async (raw, signature, secret) => (await ready()).receiveWebhook?.(raw, signature, secret) ?? 'ignored',
  };
}

export function createDemoApi(options: DemoApiOptions = {}) {
  const prefix = options.prefix ?? '/demo-api';
  // The account id is "<scenario>/<session>": the scenario seeds it the first time it is seen.
  const simulator = createSimulatorEngine({
    scenarioFor: (accountId) => accountId.split('/')[0] as DemoScenario,
    ...(options.latencyMs === undefined ? {} : { latencyMs: options.latencyMs }),
  });
  const engine = options.stripe ? stripeTestMode(options.stripe) : simulator;
  // Who is asking, set by this wrapper for the request it builds: nothing the browser sends names an account.
  const accountOf = new WeakMap<Request, string>();
  const handler = createBillingHandler({
    engine,
    store: createMemoryStore(),
    basePath: prefix,
    identify: (request) => {
      const accountId = accountOf.get(request);
      return accountId ? { accountId, role: accountId.split('/')[1]?.startsWith('member-') ? 'member' : 'owner' } : null;
    },
    // A member reads (get, list, export) and changes nothing.
    authorize: (identity, operation) => identity.role !== 'member' || /^(get|list)/.test(operation),
    onError: (error) => console.error('[demo-api]', error),
  });
  const sessions = new Map<string, Session>();
  const sessionOf = (accountId: string): Session => {
    let s = sessions.get(accountId);
    if (!s) sessions.set(accountId, (s = { faults: new Map(), held: [] }));
    return s;
  };

  async function control(req: IncomingMessage, res: ServerResponse, accountId: string): Promise<void> {
    const s = sessionOf(accountId);
    const account = simulator.adapterFor(accountId);
    if (req.method === 'GET') {
      // What the backend holds (for tests that check the outcome of a journey).
      if (options.stripe) return send(res, 404, JSON.stringify({ error: { code: 'not_found', message: 'Stripe holds this account: see the Dashboard.' } }));
      return send(res, 200, JSON.stringify({ snapshot: account.snapshot(), calls: account.calls.map((c) => c.method) }));
    }
    const body = await readJson(req);
    if (body.release === true) {
      for (const release of s.held.splice(0)) release();
      return send(res, 200, JSON.stringify({ ok: true }));
    }
    s.faults.clear();
    const faults = (body.faults ?? {}) as Record<string, HttpFault>;
    for (const [route, fault] of Object.entries(faults)) s.faults.set(route, { ...fault, used: 0 });
    send(res, 200, JSON.stringify({ ok: true, calls: account.calls.length }));
  }

  /** Handles a request under the prefix; returns false for anything else. */
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    if (!url.pathname.startsWith(`${prefix}/`)) return false;
    const [first = '', ...parts] = url.pathname.slice(prefix.length + 1).split('/');
    const isControl = first === '_control';
    const [scenario = '', id = '', ...rest] = isControl ? parts : [first, ...parts];
    if (!isDemoScenario(scenario) || !id) {
      send(res, 404, JSON.stringify({ error: { code: 'not_found', message: `Unknown demo scenario "${scenario}".` } }));
      return true;
    }
    const accountId = `${scenario}/${id}`;
    if (isControl) {
      await control(req, res, accountId);
      return true;
    }

    const path = `/${rest.join('/')}`;
    const method = (req.method ?? 'GET').toUpperCase();
    const s = sessionOf(accountId);
    const fault = s.faults.get(`${method} ${path}`);
    const active = fault && (fault.times === undefined || fault.used < fault.times);
    if (fault && active) fault.used++;
    if (active && fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (active && fault.hold) await new Promise<void>((release) => s.held.push(release));
    if (active && !fault.afterSuccess) {
      if (fault.drop) {
        req.socket.destroy();
        return true;
      }
      if (fault.status !== undefined || fault.body !== undefined) {
        const code = statusCode(fault.status ?? 200);
        send(res, fault.status ?? 200, fault.body ?? JSON.stringify({ error: { code, message: `Injected ${fault.status}.` } }), fault.headers);
        return true;
      }
    }

    if (options.liveUsage && method === 'GET' && path === '/usage') {
      // The simulated product keeps being used, so live meters move in the demo.
      // An account without a plan has no meters to grow: that is not an error of the read.
      await handler.usage.record(accountId, 'input_tokens', Math.round(Math.random() * 40_000)).catch(() => undefined);
      await handler.usage.record(accountId, 'output_tokens', Math.round(Math.random() * 9_000)).catch(() => undefined);
    }
    const request = toFetchRequest(req, res, new URL(`${prefix}${path}${url.search}`, url));
    accountOf.set(request, accountId);
    const response = await handler(request);
    if (active && fault.afterSuccess) {
      // Headers and part of the body, then the connection dies: the client saw bytes, so
      // the browser does not silently resend, and the answer is lost.
      const text = await response.text();
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(text.length + 64) });
      await new Promise<void>((resolve) => res.write(text.slice(0, 8), () => setTimeout(resolve, 30)));
      res.destroy();
      return true;
    }
    await sendFetchResponse(res, response);
    return true;
  };
}
