// Two pages: the app with the kit, and the baseline without it (scripts/apps-check.mjs compares them).
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

export default defineConfig({
  logLevel: 'warn',
  plugins: [svelte()],
  build: { rolldownOptions: { input: { index: 'index.html', baseline: 'baseline.html' } } },
});
