// Mutation testing (`npm run mutation`, outside `npm test`): StrykerJS changes the source one
// mutant at a time and runs the Node tests that cover it; a mutant no test notices survives.
// The scores per folder are in the README. One folder at a time:
// `npm run mutation -- --mutate 'src/server/**/*.ts'`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  // The folders whose rules the Node tests cover; the elements are the browser tests' (axe,
  // focus, layout), which run too slowly for every mutant. Type-only modules hold nothing to mutate.
  mutate: [
    'src/core/**/*.ts',
    'src/state/**/*.ts',
    'src/adapters/**/*.ts',
    'src/server/**/*.ts',
    '!src/**/index.ts',
    '!src/core/types.ts',
    '!src/adapters/types.ts',
    // The demo's data (its catalog and scenarios): fixtures, checked as valid snapshots, not rules.
    '!src/adapters/memory/catalogs.ts',
    '!src/adapters/memory/scenarios.ts',
    // SQL for PGlite and Postgres, tested in npm test against PGlite (too slow to open per mutant).
    '!src/server/postgres-store.ts',
  ],
  coverageAnalysis: 'perTest',
  // A mutant in a module's top level (the demo catalog's data, a table of constants) runs every
  // test: hundreds of them would take hours on two cores. They are reported as ignored, not scored.
  ignoreStatic: true,
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: '.tmp/mutation/report.json' },
  tempDirName: '.tmp/stryker',
  thresholds: { high: 85, low: 70, break: null },
  timeoutMS: 10000,
};
