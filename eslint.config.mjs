import js from '@eslint/js'
import tseslint from 'typescript-eslint'

// The layer rule (docs/adr/0004-layout-and-layers.md): a lower layer never imports a higher one.
// Imports inside src are relative, so a layer is matched by the folder name a relative path
// climbs to ('../storage/x', '../../http/problem', './composition/compose'); every top-level
// folder name in src is unique, so the name alone says which layer is meant.
const layer = (folder, why) => ({ regex: `^(\\.{1,2}/)+${folder}(/|$)`, message: why })
const COMPOSITION = layer('composition', 'Only src/main.ts and src/cli/ build the application; everything else takes its dependencies as arguments.')
const HTTP = layer('http', 'Only http/ knows about requests and responses; return a value and let the route render it.')
const FEDERATION = layer('federation', 'The layers below federation must not know about ActivityPub; map at the federation edge and pass plain values down.')
const SEARCH = layer('search', 'Search is a read model fed by domain events; the layers below it must not depend on it.')
const STORAGE = layer('storage', 'The domain holds rules and ports, not engines; put the implementation in storage/ and pass it in.')
const DRIVERS = { regex: '^(mongodb|express)(/|$)', message: 'The domain does no I/O: no database driver, no web framework.' }
const EXPRESS = { regex: '^express(/|$)', message: 'Only http/ handles requests and responses; take and return plain values.' }
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] })
const layerRules = [
  { files: ['src/**/*.ts'], ignores: ['src/main.ts', 'src/cli/**'], rules: restrict(COMPOSITION) },
  // each block below replaces the one above for its folder, so each repeats COMPOSITION
  { files: ['src/directory/**/*.ts'], rules: restrict(STORAGE, SEARCH, FEDERATION, HTTP, COMPOSITION, DRIVERS) },
  { files: ['src/storage/**/*.ts'], rules: restrict(SEARCH, FEDERATION, HTTP, COMPOSITION, EXPRESS) },
  { files: ['src/search/**/*.ts'], rules: restrict(FEDERATION, HTTP, COMPOSITION, EXPRESS) },
  { files: ['src/federation/**/*.ts'], rules: restrict(HTTP, COMPOSITION, EXPRESS) },
  { files: ['src/mail/**/*.ts'], rules: restrict(SEARCH, FEDERATION, HTTP, COMPOSITION, EXPRESS) }
]

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', 'artifacts/', 'web/vendor/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Small files and functions (issue 10): a newcomer reads one idea at a time. Counted without
    // blank lines and comments, so explaining why never costs room; the browser scripts' scope
    // wrapper (an IIFE) is file scope, not a function.
    files: ['src/**/*.ts', 'web/**/*.js'],
    rules: {
      'max-lines': ['error', { max: 300 }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true, IIFEs: false }]
    }
  },
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read the environment only in src/config.' }]
    }
  },
  ...layerRules,
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
