/** The ESM-only Meilisearch client loads from our CommonJS code (no server needed). */
test('the Meilisearch client module loads', async () => {
  const m = await import('meilisearch')
  expect(typeof m.Meilisearch).toBe('function')
})
