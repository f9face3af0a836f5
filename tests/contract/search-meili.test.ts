import { MeiliSearchIndex } from '../../src/search/meilisearch/engine'
import { searchIndexContract } from './search-index.contract'

const url = process.env.MEILI_URL
// Jest hides console output of fully skipped suites; stderr is shown.
if (!url) process.stderr.write('Meilisearch contract run SKIPPED: MEILI_URL is not set (the embedded engine ran the same suite).\n')

;(url ? describe : describe.skip)('search index contract: Meilisearch at MEILI_URL', () => {
  searchIndexContract(async () => {
    const index = await MeiliSearchIndex.connect(url as string, process.env.MEILI_MASTER_KEY, 'https://search.test', `tejido_contract_${Date.now()}`)
    // The contract reads right after writing: apply each change before the next read.
    return new Proxy(index, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown
        if (prop === 'upsert' || prop === 'remove') {
          return async (arg: never) => {
            const applied = (value as (a: never) => Promise<void>).call(target, arg)
            await target.flush()
            await applied
          }
        }
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value
      }
    })
  })
})
