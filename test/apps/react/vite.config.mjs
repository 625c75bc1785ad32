// Two pages: the app with the kit, and the baseline without it (scripts/apps-check.mjs compares them).
import { defineConfig } from 'vite';

export default defineConfig({
  logLevel: 'warn',
  build: { rolldownOptions: { input: { index: 'index.html', baseline: 'baseline.html' } } },
});
