/**
 * The demo backend: the billing simulator served over HTTP under the REST contract in
 * `openapi.yaml`. Used by `npm start` (Vite dev server) and by the browser tests
 * (web-test-runner), so the http adapter is exercised by real HTTP round trips.
 *
 * Routes live under `/demo-api/<scenario>/<session>/`: each session is its own
 * simulator seeded with a demo scenario, so parallel tests never share state.
 * `POST /demo-api/_control/<scenario>/<session>` injects faults into a session; `GET` on
 * the same path answers what the session's simulator holds and the calls it received.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createMemoryAdapter, demoSnapshot, isDemoScenario, type MemoryAdapter } from '../../src/adapters/memory/index.js';
import { localizeDemoCatalog } from '../../src/adapters/memory/catalog-text.js';
import { STATUS_BY_CODE } from '../../src/server/errors.js';
import { BillingError, isBillingErrorCode, toBillingError, type BillingErrorCode } from '../../src/core/errors.js';
import type { CancellationReason, Interval, PlanSelection } from '../../src/core/types.js';

const REASONS: CancellationReason[] = [
  'too_expensive', 'missing_features', 'switched_service', 'unused', 'too_complex', 'low_quality', 'customer_service', 'other',
];

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
}

interface Session {
  adapter: MemoryAdapter;
  faults: Map<string, HttpFault & { used: number }>;
  /** Idempotency-Key -> the first answer, replayed for retries. */
  replies: Map<string, { status: number; body: string }>;
  /** Requests held by a `hold` fault, released together. */
  held: Array<() => void>;
}


function statusCode(status: number): BillingErrorCode {
  const match = Object.entries(STATUS_BY_CODE).find(([, s]) => s === status);
  return match ? (match[0] as BillingErrorCode) : status >= 500 ? 'server' : 'unknown';
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: BillingErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', reject);
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (!text) return resolve(undefined);
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new HttpError(400, 'invalid_request', 'The request body is not JSON.'));
      }
    });
  });
}

function asObject(value: unknown): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new HttpError(400, 'invalid_request', 'The request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

function asSelection(value: unknown): PlanSelection {
  const body = asObject(value);
  if (typeof body.tierId !== 'string' || (body.interval !== 'month' && body.interval !== 'year')) {
    throw new HttpError(400, 'invalid_request', 'A selection needs tierId and interval.');
  }
  const selection: PlanSelection = { tierId: body.tierId, interval: body.interval as Interval };
  if (typeof body.seats === 'number') selection.seats = body.seats;
  if (typeof body.couponCode === 'string') selection.couponCode = body.couponCode;
  return selection;
}

export function createDemoApi(options: DemoApiOptions = {}) {
  const prefix = options.prefix ?? '/demo-api';
  const sessions = new Map<string, Session>();

  function session(scenario: string, id: string): Session {
    const key = `${scenario}/${id}`;
    let s = sessions.get(key);
    if (!s) {
      if (!isDemoScenario(scenario)) throw new HttpError(404, 'not_found', `Unknown demo scenario "${scenario}".`);
      const adapterOptions = options.latencyMs === undefined ? {} : { latencyMs: options.latencyMs };
      s = { adapter: createMemoryAdapter(demoSnapshot(scenario), adapterOptions), faults: new Map(), replies: new Map(), held: [] };
      sessions.set(key, s);
    }
    return s;
  }

  async function route(s: Session, method: string, path: string, url: URL, body: unknown, idempotencyKey: string, language: string | undefined) {
    const a = s.adapter;
    const key = `${method} ${path}`;
    let m: RegExpExecArray | null;
    switch (key) {
      case 'GET /catalog':
        // In the customer's language, as a real backend answers from its product catalog.
        return localizeDemoCatalog(await a.getCatalog(), language);
      case 'GET /subscription':
        return a.getSubscription();
      case 'GET /usage':
        if (options.liveUsage) {
          // The simulated product keeps being used, so live meters move in the demo.
          a.recordUsage('input_tokens', Math.round(Math.random() * 40_000));
          a.recordUsage('output_tokens', Math.round(Math.random() * 9_000));
        }
        return a.getUsage();
      case 'GET /invoices': {
        const cursor = url.searchParams.get('cursor') ?? undefined;
        const limit = Number(url.searchParams.get('limit') ?? 20);
        return a.listInvoices({ ...(cursor ? { cursor } : {}), limit });
      }
      case 'GET /payment-methods':
        return { items: await a.listPaymentMethods() };
      case 'POST /coupons/validate': {
        const b = asObject(body);
        if (typeof b.code !== 'string') throw new HttpError(400, 'invalid_request', 'A code is required.');
        return a.validateCoupon(b.code, asSelection(b.selection));
      }
      case 'POST /quotes':
        return a.previewChange(asSelection(asObject(body).selection));
      case 'POST /setup-intents':
        return a.createSetupIntent();
      case 'POST /subscription/activate': {
        const b = asObject(body);
        return a.activate({
          ...asSelection(b),
          ...(typeof b.paymentMethodId === 'string' ? { paymentMethodId: b.paymentMethodId } : {}),
          ...(typeof b.quoteId === 'string' ? { quoteId: b.quoteId } : {}),
          idempotencyKey,
        });
      }
      case 'POST /subscription/change': {
        const b = asObject(body);
        return a.changeTier({
          ...asSelection(b),
          ...(typeof b.quoteId === 'string' ? { quoteId: b.quoteId } : {}),
          idempotencyKey,
        });
      }
    }
    if (key === 'POST /subscription/cancel') {
      const b = asObject(body);
      if (typeof b.atPeriodEnd !== 'boolean') throw new HttpError(400, 'invalid_request', 'atPeriodEnd must be true or false.');
      if (b.reason !== undefined && !REASONS.includes(b.reason as CancellationReason)) {
        throw new HttpError(400, 'invalid_request', 'reason is not one of the known reasons.');
      }
      if (b.comment !== undefined && (typeof b.comment !== 'string' || b.comment.length > 1000)) {
        throw new HttpError(400, 'invalid_request', 'comment must be text of at most 1000 characters.');
      }
      return a.cancelSubscription({
        atPeriodEnd: b.atPeriodEnd,
        ...(b.reason ? { reason: b.reason as CancellationReason } : {}),
        ...(typeof b.comment === 'string' && b.comment ? { comment: b.comment } : {}),
        idempotencyKey,
      });
    }
    if (key === 'POST /subscription/resume') return a.resumeSubscription({ idempotencyKey });
    if (key === 'DELETE /subscription/scheduled-change') return a.cancelScheduledChange({ idempotencyKey });
    if (method === 'POST' && (m = /^\/invoices\/([^/]+)\/pay$/.exec(path))) {
      const b = asObject(body ?? {});
      for (const field of ['paymentMethodId', 'completedAction'] as const) {
        if (b[field] !== undefined && (typeof b[field] !== 'string' || !b[field])) {
          throw new HttpError(400, 'invalid_request', `${field} must be a non-empty string.`);
        }
      }
      return a.payInvoice(decodeURIComponent(m[1] ?? ''), {
        ...(typeof b.paymentMethodId === 'string' ? { paymentMethodId: b.paymentMethodId } : {}),
        ...(typeof b.completedAction === 'string' ? { completedAction: b.completedAction } : {}),
        idempotencyKey,
      });
    }
    if (key === 'POST /payment-methods') {
      const b = asObject(body);
      if (typeof b.paymentMethodId !== 'string') throw new HttpError(400, 'invalid_request', 'paymentMethodId is required.');
      await a.addPaymentMethod?.(b.paymentMethodId);
      return undefined;
    }
    if (method === 'POST' && (m = /^\/payment-methods\/([^/]+)\/default$/.exec(path))) {
      await a.setDefaultPaymentMethod(decodeURIComponent(m[1] ?? ''));
      return undefined;
    }
    if (method === 'DELETE' && (m = /^\/payment-methods\/([^/]+)$/.exec(path))) {
      await a.removePaymentMethod(decodeURIComponent(m[1] ?? ''));
      return undefined;
    }
    if (method === 'PUT' && (m = /^\/usage\/alerts\/([^/]+)$/.exec(path))) {
      const thresholds = asObject(body).thresholds;
      if (!Array.isArray(thresholds) || !thresholds.every((t) => typeof t === 'number')) {
        throw new HttpError(400, 'invalid_request', 'thresholds must be a list of numbers.');
      }
      await a.setUsageAlerts(decodeURIComponent(m[1] ?? ''), thresholds as number[]);
      return undefined;
    }
    throw new HttpError(404, 'not_found', `No route ${key}.`);
  }

  function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
    res.end(body);
  }

  function errorReply(error: unknown): { status: number; body: string } {
    if (error instanceof HttpError) {
      return { status: error.status, body: JSON.stringify({ error: { code: error.code, message: error.message } }) };
    }
    const e = error instanceof BillingError ? error : toBillingError(error);
    const status = e.status ?? STATUS_BY_CODE[e.code] ?? 500;
    return { status, body: JSON.stringify({ error: { code: e.code, message: e.message } }) };
  }

  /** Handles a request under the prefix; returns false for anything else. */
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(`${prefix}/`)) return false;
    const parts = url.pathname.slice(prefix.length + 1).split('/');
    const method = (req.method ?? 'GET').toUpperCase();
    try {
      if (parts[0] === '_control') {
        const s = session(parts[1] ?? '', parts[2] ?? '');
        if (method === 'GET') {
          // What the backend holds (for tests that check the outcome of a journey).
          send(res, 200, JSON.stringify({ snapshot: s.adapter.snapshot(), calls: s.adapter.calls.map((c) => c.method) }));
          return true;
        }
        const body = asObject(await readBody(req));
        if (body.release === true) {
          for (const release of s.held.splice(0)) release();
          send(res, 200, JSON.stringify({ ok: true }));
          return true;
        }
        s.faults.clear();
        const faults = (body.faults ?? {}) as Record<string, HttpFault>;
        for (const [route, fault] of Object.entries(faults)) s.faults.set(route, { ...fault, used: 0 });
        send(res, 200, JSON.stringify({ ok: true, calls: s.adapter.calls.length }));
        return true;
      }
      const [scenario = '', id = '', ...rest] = parts;
      const s = session(scenario, id);
      const path = `/${rest.join('/')}`;
      const routeKey = `${method} ${path}`;
      const fault = s.faults.get(routeKey);
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

      const body = method === 'GET' || method === 'DELETE' ? undefined : await readBody(req);
      const idempotencyKey = String(req.headers['idempotency-key'] ?? '');
      if (method !== 'GET' && !idempotencyKey) throw new HttpError(400, 'invalid_request', 'Idempotency-Key header is required.');
      const replayKey = `${routeKey} ${idempotencyKey}`;
      let reply = method === 'GET' ? undefined : s.replies.get(replayKey);
      if (!reply) {
        try {
          const result = await route(s, method, path, url, body, idempotencyKey, req.headers['accept-language']);
          reply = result === undefined ? { status: 204, body: '' } : { status: 200, body: JSON.stringify(result) };
          if (method !== 'GET') s.replies.set(replayKey, reply);
        } catch (error) {
          reply = errorReply(error);
        }
      }
      if (active && fault.afterSuccess) {
        // Headers and part of the body, then the connection dies: the client saw bytes, so
        // the browser does not silently resend, and the answer is lost.
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(reply.body.length + 64) });
        await new Promise<void>((resolve) => res.write(reply.body.slice(0, 8), () => setTimeout(resolve, 30)));
        res.destroy();
        return true;
      }
      if (reply.status === 204) {
        res.writeHead(204, { 'Cache-Control': 'no-store' });
        res.end();
      } else send(res, reply.status, reply.body);
      return true;
    } catch (error) {
      const reply = errorReply(error);
      send(res, reply.status, reply.body);
      return true;
    }
  };
}

export { isBillingErrorCode };
