// Vue's template compiler is told the tectra-* tags are custom elements. Two pages: the app
// with the kit, and the baseline without it (scripts/apps-check.mjs compares them).
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  logLevel: 'warn',
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('tectra-') } } })],
  build: { rolldownOptions: { input: { index: 'index.html', baseline: 'baseline.html' } } },
});
