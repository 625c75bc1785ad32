// The adapter contract through the http adapter: real HTTP on loopback to the demo backend
// (the reference handler over the simulator engine), as the browser tests reach it.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { createHttpAdapter } from '../../../src/adapters/http.js';
import { createDemoApi } from '../../../demo/backend/api.js';
import { adapterContract } from './contract.js';

const demoApi = createDemoApi();
const server = createServer((req, res) => {
  void demoApi(req, res).then((handled) => {
    if (!handled) res.writeHead(404).end();
  });
});
let origin = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// Each call of `make` is an account of its own, seeded with the scenario.
adapterContract('http adapter over the demo backend', (scenario) =>
  createHttpAdapter({ baseUrl: `${origin}/demo-api/${scenario}/${randomUUID()}`, retryDelayMs: 5 }),
);
