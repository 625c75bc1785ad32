// Storybook's own Vite config: the root vite.config.ts builds the library and serves
// the demo, neither of which Storybook wants.
import { defineConfig } from 'vite';

export default defineConfig({});
