/** Jest runs TypeScript through ts-jest; type errors are caught by `tsc` in `npm test`. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }]
  },
  // ESM-only packages (meilisearch) load natively: npm test runs Jest with --experimental-vm-modules.
  transformIgnorePatterns: ['/node_modules/'],
  testTimeout: 30000,
  maxWorkers: 2
}
