// Lint: TypeScript, Lit template rules, web-component rules, template accessibility.
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';

export default tseslint.config(
  { ignores: ['dist/', 'storybook-static/', 'node_modules/', 'public/', 'scratch/', '.data/', 'coverage/'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'stories/**/*.ts'],
    plugins: { lit, wc, 'lit-a11y': litA11y },
    rules: {
      ...lit.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      ...litA11y.configs.recommended.rules,
      'no-console': ['error', { allow: ['warn'] }],
      // Components never talk to the network themselves: only the fetch client does.
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Use the PortalClient from context; only src/api/fetch-client.ts calls fetch.' },
        { name: 'XMLHttpRequest', message: 'Use the PortalClient from context.' },
        { name: 'localStorage', message: 'No browser storage: PHI must never be persisted client-side.' },
        { name: 'sessionStorage', message: 'No browser storage: PHI must never be persisted client-side.' },
        { name: 'indexedDB', message: 'No browser storage: PHI must never be persisted client-side.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "ImportSpecifier[imported.name='unsafeHTML']", message: 'Never render HTML from people or servers.' },
      ],
    },
  },
  {
    files: ['src/api/fetch-client.ts', 'src/api/mock/**', 'src/backend/**', '**/*.test.ts', 'src/internal/test-helpers.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    // chai's `expect(x).to.exist` style reads as an unused expression.
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
);
