import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', 'artifacts/', 'web/vendor/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read the environment only in src/config.' }]
    }
  },
  {
    files: ['src/config/**', 'tests/**', 'bench/**', '*.js', '*.mjs'],
    rules: { 'no-restricted-properties': 'off' }
  },
  {
    // the browser's scripts: plain ES2020 in the page, with Leaflet (L) and supercluster as globals
    files: ['web/static/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { window: 'readonly', document: 'readonly', navigator: 'readonly', history: 'readonly', performance: 'readonly', fetch: 'readonly', URLSearchParams: 'readonly', FormData: 'readonly', CustomEvent: 'readonly', CSS: 'readonly', Intl: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', L: 'readonly', Supercluster: 'readonly' }
    },
    rules: { 'no-var': 'off', '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none' }] }
  },
  {
    files: ['*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
    languageOptions: { globals: { module: 'writable', require: 'readonly' } }
  }
)
