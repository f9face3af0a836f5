/** MURMURATIONS_* (issue 13): read once, validated, a bad value named. */
import { loadConfig, ConfigError } from '../../src/config/config'

const load = (env: Record<string, string>) => loadConfig({ DATA_DIR: '/tmp/x', ...env })

test('off by default; an index URL loses a trailing slash or /v2; tags are split; the interval is a duration', () => {
  expect(load({}).murmurations).toEqual({ indexUrl: undefined, importUrl: undefined, importTags: [], importSchema: 'organizations_schema-v1.0.0', importIntervalMs: 6 * 3600000 })
  const set = load({ MURMURATIONS_INDEX_URL: 'https://test-index.murmurations.network/v2/', MURMURATIONS_IMPORT_URL: 'https://index.murmurations.network/', MURMURATIONS_IMPORT_TAGS: 'coop, hosting,,', MURMURATIONS_IMPORT_INTERVAL: '30m' }).murmurations
  expect(set).toEqual({ indexUrl: 'https://test-index.murmurations.network', importUrl: 'https://index.murmurations.network', importTags: ['coop', 'hosting'], importSchema: 'organizations_schema-v1.0.0', importIntervalMs: 1800000 })
  expect(Object.isFrozen(set)).toBe(true)
})

test.each([
  [{ MURMURATIONS_INDEX_URL: 'ftp://index.example' }, 'MURMURATIONS_INDEX_URL', 'must use http: or https:'],
  [{ MURMURATIONS_INDEX_URL: 'not a url' }, 'MURMURATIONS_INDEX_URL', 'is not a URL'],
  [{ MURMURATIONS_IMPORT_URL: 'https://index.example/v2/nodes?tags=a' }, 'MURMURATIONS_IMPORT_URL', 'no query or credentials'],
  [{ MURMURATIONS_IMPORT_SCHEMA: 'people_schema-v0.1.0' }, 'MURMURATIONS_IMPORT_SCHEMA', 'only organizations_schema-v1.0.0'],
  [{ MURMURATIONS_IMPORT_INTERVAL: 'often' }, 'MURMURATIONS_IMPORT_INTERVAL', 'is not a duration']
])('%j is refused naming %s', (env, variable, words) => {
  let error: unknown
  try {
    load(env)
  } catch (e) {
    error = e
  }
  expect(error).toBeInstanceOf(ConfigError)
  expect((error as ConfigError).variable).toBe(variable)
  expect((error as Error).message).toContain(words)
})
