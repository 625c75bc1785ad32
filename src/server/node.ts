/// <reference types="node" />
/**
 * Mounts a Fetch API handler on node:http or Express. Express: mount it before any body
 * parser (`express.json()` would consume the body), e.g. `app.use('/api/billing', toNodeListener(handler))`;
 * the URL is rebuilt from `req.originalUrl`, so the handler sees its whole path.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

type FetchHandler = (request: Request) => Promise<Response>;
type NodeRequest = IncomingMessage & { originalUrl?: string };

/** The Fetch API request for a Node one: its whole URL, headers and body as a stream; aborted when the client goes away. */
export function toFetchRequest(req: NodeRequest, res: ServerResponse, url?: URL): Request {
  const host = req.headers.host ?? 'localhost';
  const secure = (req.socket as { encrypted?: boolean }).encrypted === true;
  const target = url ?? new URL(req.originalUrl ?? req.url ?? '/', `${secure ? 'https' : 'http'}://${host}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = (req.method ?? 'GET').toUpperCase();
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const controller = new AbortController();
  res.on('close', () => controller.abort());
  return new Request(target, {
    method,
    headers,
    signal: controller.signal,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  } as RequestInit);
}

/** Writes a Fetch API response (status, headers, body) to a Node one. */
export async function sendFetchResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  if (!response.body) return void res.end();
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** A node:http / Express listener for a Fetch API handler (`next` is accepted and never called: the handler answers everything it is given). */
export function toNodeListener(handler: FetchHandler): (req: NodeRequest, res: ServerResponse) => Promise<void> {
  return async (req, res) => sendFetchResponse(res, await handler(toFetchRequest(req, res)));
}
