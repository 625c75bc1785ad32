/**
 * `createBillingHandler`: the kit's REST contract (openapi.yaml) as one Fetch API handler,
 * `(request: Request) => Promise<Response>`, over an engine (the simulator or Stripe).
 * Next.js route handlers and Hono take it as it is; `toNodeListener` mounts it on
 * node:http and Express.
 *
 * Every request is identified by the host (`identify`): no body, query or path field ever
 * names an account. Each operation is authorized (`authorize`). Bodies are capped, parsed
 * and checked. A key (`Idempotency-Key`) gives one answer per account and route, also under
 * concurrent requests.
 */
import { BillingError } from '../core/errors.js';
import type { MeterKey } from '../core/types.js';
import { newlyCrossed } from '../core/usage.js';
import { WebhookSignatureError, type BillingEngine } from './engine.js';
import { errorReply, HttpProblem, jsonResponse } from './errors.js';
import { matchRoute, type BillingOperation } from './routes.js';
import { createPGliteStore, type PostgresStore } from './postgres-store.js';
import type { BillingStore, IdempotencyKeyRef } from './store.js';

/**
 * What the handler tells the host app (your mail, your Slack): a usage alert threshold
 * crossed, or a meter at its spend cap (your app refuses more of it until the period ends).
 */
export type BillingEvent =
  | {
      type: 'usage.threshold_crossed';
      accountId: string;
      meter: MeterKey;
      /** The fraction of the limit crossed (0.8 for 80 %). */
      threshold: number;
      used: number;
      limit: number;
      /** The billing period it was crossed in (once per threshold and period). */
      period: { start: string; end: string };
    }
  | {
      type: 'usage.cap_reached';
      accountId: string;
      meter: MeterKey;
      used: number;
      /** Where the cap stops usage: the limit, or the limit plus what the overage ceiling buys. */
      cap: number;
      /** Once per meter and period. */
      period: { start: string; end: string };
    };

/** A meter after recording usage: whether your app may serve more of it this period. */
export interface UsageStanding {
  /** False once the meter is at its spend cap: refuse the work (or ask the owner to raise the cap). */
  allowed: boolean;
  used: number;
  limit: number | null;
  /** Where the spend cap stops usage, or null without a cap. */
  cap: number | null;
  /** The member named: their own use of the meter and their limit (null without one); at it, `allowed` is false too. */
  member?: { used: number; limit: number | null };
}

/** Who is asking: what `identify` answers for a signed-in request. */
export interface BillingIdentity {
  accountId: string;
  [extra: string]: unknown;
}

export interface BillingHandlerOptions {
  engine: BillingEngine;
  /**
   * Where the handler keeps what it must (idempotent answers): `createPostgresStore({ pool })`
   * in production. Default: embedded PGlite in memory, opened with the first change (it needs
   * the optional package `@electric-sql/pglite`); `createMemoryStore()` for tests.
   */
  store?: BillingStore;
  /** The account of a request (from your session or token); `null` answers 401. */
  identify(request: Request): BillingIdentity | null | Promise<BillingIdentity | null>;
  /** Whether the identity may run an operation (a member who may read but not buy); `false` answers 403. Default: all. */
  authorize?(identity: BillingIdentity, operation: BillingOperation): boolean | Promise<boolean>;
  /** The path the routes are under (default `/api/billing`). */
  basePath?: string;
  /**
   * Origins that may send changes besides the handler's own (cookie sessions): a change
   * from any other site answers 403, so another page cannot buy or cancel with your cookies.
   */
  allowedOrigins?: string[];
  /** The largest body accepted, in bytes (default 16 KiB); larger answers 413. */
  maxBodyBytes?: number;
  /** How long a request waits for another one running with the same key before 409 (default 5 s). */
  idempotencyWaitMs?: number;
  /**
   * Stripe's webhooks, at `POST {basePath}/webhooks/stripe` (the raw body is verified with
   * this endpoint's signing secret; each event is applied once, in any order).
   */
  webhooks?: { secret: string };
  /** A usage alert threshold was crossed: once per account, meter, threshold and period. */
  onEvent?(event: BillingEvent): void | Promise<void>;
  /** Errors that are not the customer's (a defect, a provider outage): for your logs. Never sent to the browser. */
  onError?(error: unknown, request: Request): void;
}

export interface BillingHandler {
  (request: Request): Promise<Response>;
  usage: {
    /**
     * Records usage of the product for an account (tokens, minutes): your app calls it, not
     * the browser. Answers whether more may be served (undefined for a meter the plan lacks).
     */
    record(accountId: string, meter: MeterKey, value: number, member?: string): Promise<UsageStanding | undefined>;
    /** Whether an account (and the member, when named) may use a meter now: its spend cap and the member's limit not reached. */
    check(accountId: string, meter: MeterKey, member?: string): Promise<UsageStanding | undefined>;
  };
}

const MUTATING = new Set(['POST', 'PUT', 'DELETE']);
const WEBHOOK_PATH = '/webhooks/stripe';

/** An operation's answer; `keep` when it is a success to replay for the same key. */
interface Answer {
  status: number;
  body: string;
  headers?: Record<string, string>;
  keep: boolean;
}

/** Reads at most `limit` bytes of a body as text; more answers 413 without reading the rest. */
async function readCapped(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limit) throw new HttpProblem(413, 'invalid_request', `The request body is larger than ${limit} bytes.`);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new HttpProblem(413, 'invalid_request', `The request body is larger than ${limit} bytes.`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpProblem(400, 'invalid_request', 'The request body is not JSON.');
  }
}

/**
 * A change must come from the handler's own site or an allowed origin (cookies travel with
 * cross-site requests): a request that names another origin (or the opaque `null`), or that
 * the browser marks cross-site, is refused unless its origin is trusted.
 */
function checkSameSite(request: Request, url: URL, allowed: string[]): void {
  const origin = request.headers.get('origin');
  const trusted = origin !== null && origin !== 'null' && (origin === url.origin || allowed.includes(origin));
  const foreign = origin !== null || request.headers.get('sec-fetch-site') === 'cross-site';
  if (foreign && !trusted) throw new HttpProblem(403, 'forbidden', 'Changes are accepted from this site only.');
}

/** Only what is not the customer's own (a defect, a provider's failure) goes to the host's logs. */
const isCustomerFacing = (error: unknown) => error instanceof HttpProblem || error instanceof BillingError;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** PGlite, opened when first needed (a cold open takes seconds); a failed open is tried again next time. */
function embeddedStore(): BillingStore {
  let opening: Promise<PostgresStore> | undefined;
  const open = () =>
    (opening ??= createPGliteStore().catch((error: unknown) => {
      opening = undefined;
      throw error;
    }));
  return {
    claim: async (ref, fingerprint) => (await open()).claim(ref, fingerprint),
    complete: async (ref, answer) => (await open()).complete(ref, answer),
    release: async (ref) => (await open()).release(ref),
    firstNotice: async (notice) => (await open()).firstNotice(notice),
  };
}

export function createBillingHandler(options: BillingHandlerOptions): BillingHandler {
  const store = options.store ?? embeddedStore();
  const basePath = (options.basePath ?? '/api/billing').replace(/\/+$/, '');
  const maxBody = options.maxBodyBytes ?? 16 * 1024;
  const waitMs = options.idempotencyWaitMs ?? 5_000;
  const allowed = options.allowedOrigins ?? [];
  const { engine } = options;

  /** Runs `run` once per key: a repeat replays the first answer, a concurrent one waits for it. */
  async function once(ref: IdempotencyKeyRef, fingerprint: string, run: () => Promise<Answer>): Promise<Answer & { replayed: boolean }> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const claim = await store.claim(ref, fingerprint);
      if (claim.kind === 'done') return { ...claim.answer, keep: true, replayed: true };
      if (claim.kind === 'mismatch') {
        throw new HttpProblem(422, 'invalid_request', 'This Idempotency-Key was used for another request. Use a new key for a new request.');
      }
      if (claim.kind === 'running') {
        if (Date.now() >= deadline) {
          throw new HttpProblem(409, 'conflict', 'The same request is still being processed.', { 'Retry-After': '1' });
        }
        await delay(25);
        continue;
      }
      try {
        const answer = await run();
        // Only successes are kept: a decline or a 3-D Secure step may be tried again with the same key.
        if (answer.keep) await store.complete(ref, { status: answer.status, body: answer.body });
        else await store.release(ref);
        return { ...answer, replayed: false };
      } catch (error) {
        await store.release(ref);
        throw error;
      }
    }
  }

  /** A webhook is identified by its signature, not by a session: no identify, no key, no same-site check. */
  async function webhook(request: Request, method: string): Promise<Response> {
    if (method !== 'POST') throw new HttpProblem(405, 'invalid_request', `${method} is not allowed here.`);
    const secret = options.webhooks?.secret;
    if (!secret || !engine.receiveWebhook) throw new HttpProblem(404, 'not_found', 'No such billing route.');
    const signature = request.headers.get('stripe-signature');
    if (!signature) throw new HttpProblem(400, 'invalid_request', 'The Stripe-Signature header is missing.');
    // Stripe's events are larger than the contract's bodies; the raw bytes are what is signed.
    const raw = await readCapped(request, 512 * 1024);
    try {
      const outcome = await engine.receiveWebhook(raw, signature, secret);
      return jsonResponse(200, JSON.stringify({ received: true, outcome }));
    } catch (error) {
      if (error instanceof WebhookSignatureError) throw new HttpProblem(400, 'invalid_request', 'The webhook signature does not verify.');
      throw error;
    }
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) {
      throw new HttpProblem(404, 'not_found', 'No such billing route.');
    }
    const path = url.pathname.slice(basePath.length) || '/';
    if (path === WEBHOOK_PATH) return webhook(request, method);
    const match = matchRoute(method, path);
    if (match === 'not_found') throw new HttpProblem(404, 'not_found', 'No such billing route.');
    if (match === 'method_not_allowed') throw new HttpProblem(405, 'invalid_request', `${method} is not allowed here.`);

    const identity = await options.identify(request);
    if (!identity || typeof identity.accountId !== 'string' || !identity.accountId) {
      throw new HttpProblem(401, 'unauthorized', 'Sign in to manage billing.');
    }
    if (options.authorize && !(await options.authorize(identity, match.route.operation))) {
      throw new HttpProblem(403, 'forbidden', 'You may not do this for this account.');
    }

    const mutating = MUTATING.has(method);
    let text = '';
    if (mutating) {
      checkSameSite(request, url, allowed);
      text = await readCapped(request, maxBody);
      const type = request.headers.get('content-type') ?? '';
      if (text && !/^application\/json\b/i.test(type)) {
        throw new HttpProblem(415, 'invalid_request', 'Send the body as application/json.');
      }
    }
    const body = parseJson(text);
    const idempotencyKey = request.headers.get('idempotency-key') ?? '';
    if (mutating && (!idempotencyKey || idempotencyKey.length > 255)) {
      throw new HttpProblem(400, 'invalid_request', 'An Idempotency-Key header (at most 255 characters) is required.');
    }

    const adapter = await engine.adapterFor(identity.accountId);
    const language = request.headers.get('accept-language') ?? undefined;
    const run = async (): Promise<Answer> => {
      try {
        const result = await match.route.run({
          adapter,
          params: match.params,
          url,
          body,
          idempotencyKey,
          language,
          localizeCatalog: (catalog) => engine.localizeCatalog?.(catalog, language) ?? catalog,
          authorize: async (operation) => !options.authorize || (await options.authorize(identity, operation)),
          role: typeof identity.role === 'string' ? identity.role : undefined,
        });
        const requiresAction = typeof result === 'object' && result !== null && (result as { status?: unknown }).status === 'requires_action';
        return result === undefined ? { status: 204, body: '', keep: true } : { status: 200, body: JSON.stringify(result), keep: !requiresAction };
      } catch (error) {
        if (!isCustomerFacing(error)) options.onError?.(error, request);
        return { ...errorReply(error), keep: false };
      }
    };
    if (!mutating) {
      const answer = await run();
      return jsonResponse(answer.status, answer.body, answer.headers);
    }
    const ref = { accountId: identity.accountId, route: `${method} ${match.route.pattern.source}`, key: idempotencyKey };
    const same = match.route.sameRequest ? JSON.stringify(match.route.sameRequest(body)) : text;
    const answer = await once(ref, `${method} ${path} ${same}`, run);
    return jsonResponse(answer.status, answer.body, { ...answer.headers, ...(answer.replayed ? { 'Idempotent-Replayed': 'true' } : {}) });
  }

  const handler = (async (request: Request) => {
    try {
      return await handle(request);
    } catch (error) {
      if (!isCustomerFacing(error)) options.onError?.(error, request);
      const reply = errorReply(error);
      return jsonResponse(reply.status, reply.body, reply.headers);
    }
  }) as BillingHandler;
  // Usage of one account is recorded in order, so each crossing is seen by exactly one record.
  const usageQueues = new Map<string, Promise<unknown>>();
  const notified = new Set<string>();
  /** Whether a notice is new: once per account, meter, what was crossed and period, across processes with a store. */
  const firstNotice = async (notice: string) => (store.firstNotice ? store.firstNotice(notice) : !notified.has(notice) && !!notified.add(notice));
  async function recordAndAlert(accountId: string, meter: MeterKey, value: number, member?: string): Promise<UsageStanding | undefined> {
    const reading = await engine.recordUsage(accountId, meter, value, member);
    if (!reading) return undefined;
    const { before, after, limit, cap, period } = reading;
    const own = reading.member;
    const allowed = (cap === null || after < cap) && (!own || own.limit === null || own.used < own.limit);
    const standing: UsageStanding = { allowed, used: after, limit, cap, ...(own ? { member: own } : {}) };
    if (!options.onEvent) return standing;
    if (limit !== null && limit > 0) {
      for (const threshold of newlyCrossed(before / limit, after / limit, reading.thresholds)) {
        if (await firstNotice(JSON.stringify([accountId, meter, threshold, period.start]))) {
          await options.onEvent({ type: 'usage.threshold_crossed', accountId, meter, threshold, used: after, limit, period });
        }
      }
    }
    if (cap !== null && before < cap && after >= cap && (await firstNotice(JSON.stringify([accountId, meter, 'cap', period.start])))) {
      await options.onEvent({ type: 'usage.cap_reached', accountId, meter, used: after, cap, period });
    }
    return standing;
  }
  handler.usage = {
    check: (accountId, meter, member) => handler.usage.record(accountId, meter, 0, member),
    record(accountId, meter, value, member) {
      if (!accountId || !Number.isFinite(value) || value < 0) return Promise.reject(new RangeError('usage.record needs an account, a meter and a non-negative amount'));
      const previous = usageQueues.get(accountId) ?? Promise.resolve();
      const next = previous.then(() => recordAndAlert(accountId, meter, value, member));
      const settled = next.catch(() => undefined);
      usageQueues.set(accountId, settled);
      void settled.then(() => usageQueues.get(accountId) === settled && usageQueues.delete(accountId));
      return next;
    },
  };
  return handler;
}
