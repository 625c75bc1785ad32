// Node tests (pure logic, the SSR parts and the reference server): vitest 4, Node only, no DOM. Browser tests run in web-test-runner.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/node/**/*.test.ts', 'test/server/**/*.test.ts', 'test/contract/**/*.test.ts'],
    environment: 'node',
    // Concurrency is what some tests are about: keep each file's tests in order.
    sequence: { concurrent: false },
  },
});
