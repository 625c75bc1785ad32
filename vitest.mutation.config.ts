// The tests StrykerJS runs against each mutant (`npm run mutation`): the Node unit tests of
// src/core, src/state and src/adapters. Fast and without a browser, so every mutant gets them.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/node/**/*.test.ts'],
    environment: 'node',
    sequence: { concurrent: false },
  },
});
