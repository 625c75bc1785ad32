import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['node_modules/', 'lib/', 'dist/', 'storybook-static/', 'src/i18n/generated/', 'custom-elements.json', '.cache/', '.tmp/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  wc.configs['flat/recommended'],
  lit.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'lit/no-template-arrow': 'off',
      'lit/attribute-names': 'error',
      'lit/no-invalid-html': 'error',
      'lit/no-value-attribute': 'error',
      'wc/guard-super-call': 'off',
      'no-restricted-imports': ['error', { paths: [{ name: 'lit/directives/unsafe-html.js', message: 'Adapter strings are rendered as text, never as HTML.' }] }],
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'demo/backend/**', '*.config.*', '.storybook/**', 'vite.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['test/**'],
    languageOptions: { globals: { ...globals.mocha } },
    // Chai property assertions (`to.exist`, `to.be.empty`) read as expressions.
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
