import type { Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { setBillingLocale } from '../src/i18n/localization.js';

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Language and formats',
      toolbar: { title: 'Locale', icon: 'globe', items: ['en', 'de', 'fr', 'es', 'ja', 'ar'], dynamicTitle: true },
    },
    theme: {
      description: 'Color scheme',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
    dir: {
      description: 'Text direction',
      toolbar: { title: 'Direction', icon: 'transfer', items: ['ltr', 'rtl'], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light', dir: 'ltr' },
  decorators: [
    (story, context) => {
      void setBillingLocale(String(context.globals.locale ?? 'en'));
      const dark = context.globals.theme === 'dark';
      return html`<div class=${dark ? 'tectra-story dark' : 'tectra-story'} dir=${context.globals.dir === 'rtl' ? 'rtl' : 'ltr'}>${story()}</div>`;
    },
  ],
  parameters: { layout: 'padded' },
};
export default preview;
