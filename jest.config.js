/** Jest runs TypeScript through ts-jest; type errors are caught by `tsc` in `npm test`. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }]
  },
  // ESM-only packages that tests import must be transformed too.
  transformIgnorePatterns: ['/node_modules/(?!(supercluster|kdbush|meilisearch)/)'],
  testTimeout: 30000,
  maxWorkers: 2
}
