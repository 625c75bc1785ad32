// The tests StrykerJS runs against each mutant (`npm run mutation`): the Node tests of
// src/core, src/state, src/adapters and src/server. Fast and without a browser, so every
// mutant gets them. PGlite's cold open (seconds) for every mutant would take hours: the
// conformance suite keeps its state in memory here, and the Postgres store's own tests run in
// `npm test` only.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/node/**/*.test.ts', 'test/server/**/*.test.ts', 'test/contract/**/*.test.ts'],
    exclude: ['test/server/postgres-store.test.ts'],
    environment: 'node',
    env: { TECTRA_CONTRACT_STORE: 'memory' },
    sequence: { concurrent: false },
  },
});
