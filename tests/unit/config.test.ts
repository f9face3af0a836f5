import { loadConfig, ConfigError } from '../../src/config/config'

describe('config', () => {
  test('defaults', () => {
    const c = loadConfig({})
    expect(c).toMatchObject({ port: 8080, publicUrl: 'http://localhost:8080', host: 'localhost:8080', logLevel: 'info', mongodbUrl: undefined, allowPrivateAddresses: [] })
    expect(c.dataDir).toMatch(/data$/)
    expect(Object.isFrozen(c)).toBe(true)
  })

  test('PUBLIC_URL follows PORT and keeps only the origin', () => {
    expect(loadConfig({ PORT: '9000' }).publicUrl).toBe('http://localhost:9000')
    expect(loadConfig({ PUBLIC_URL: 'https://Tejido.Example/' }).publicUrl).toBe('https://tejido.example')
  })

  test('map tiles: OpenStreetMap by default with its attribution; another provider brings its own', () => {
    expect(loadConfig({})).toMatchObject({ tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', tileAttribution: '© OpenStreetMap contributors' })
    expect(loadConfig({ TILE_URL: 'https://t.example/{z}/{x}/{y}.png', TILE_ATTRIBUTION: '© Example' })).toMatchObject({ tileUrl: 'https://t.example/{z}/{x}/{y}.png', tileAttribution: '© Example' })
  })

  test('allow-list of private addresses', () => {
    expect(loadConfig({ ALLOW_PRIVATE_ADDRESSES: '127.0.0.1, ::1,10.0.0.0/8,localhost:8081' }).allowPrivateAddresses).toEqual(['127.0.0.1', '::1', '10.0.0.0/8', 'localhost:8081'])
  })

  test('proxies, metrics and moderation limits', () => {
    expect(loadConfig({})).toMatchObject({ trustProxy: ['loopback'], metricsToken: undefined, maxPendingListings: 200, maxPendingPerClient: 3 })
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2)
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8'])
    expect(loadConfig({ METRICS_TOKEN: 'metrics-token-0123456789', MAX_PENDING_LISTINGS: '50', MAX_PENDING_PER_CLIENT: '1' })).toMatchObject({ metricsToken: 'metrics-token-0123456789', maxPendingListings: 50, maxPendingPerClient: 1 })
  })

  test.each([
    ['TRUST_PROXY', { TRUST_PROXY: 'everyone' }],
    ['TRUST_PROXY', { TRUST_PROXY: '10.0.0.0/40' }],
    ['METRICS_TOKEN', { METRICS_TOKEN: 'short' }],
    ['MAX_PENDING_LISTINGS', { MAX_PENDING_LISTINGS: 'lots' }],
    ['MAX_PENDING_PER_CLIENT', { MAX_PENDING_PER_CLIENT: '-1' }],
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['PUBLIC_URL', { PUBLIC_URL: 'not a url' }],
    ['PUBLIC_URL', { PUBLIC_URL: 'ftp://x.example' }],
    ['PUBLIC_URL', { PUBLIC_URL: 'https://x.example/sub/path' }],
    ['MONGODB_URL', { MONGODB_URL: 'http://db:27017' }],
    ['MEILI_URL', { MEILI_URL: 'meili:7700' }],
    ['ADMIN_TOKEN', { ADMIN_TOKEN: 'short' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['ALLOW_PRIVATE_ADDRESSES', { ALLOW_PRIVATE_ADDRESSES: '10.0.0.0/99' }],
    ['ALLOW_PRIVATE_ADDRESSES', { ALLOW_PRIVATE_ADDRESSES: 'bad host!' }],
    ['TILE_URL', { TILE_URL: 'https://tiles.example/{z}/{x}.png' }],
    ['TILE_URL', { TILE_URL: 'http://tiles.example/{z}/{x}/{y}.png' }],
    ['TILE_URL', { TILE_URL: 'not a url {z}{x}{y}' }],
    ['SMTP_URL', { SMTP_URL: 'http://mail.example', MAIL_FROM: 'a@b.example' }],
    ['SMTP_URL', { SMTP_URL: 'not a url', MAIL_FROM: 'a@b.example' }],
    ['MAIL_FROM', { SMTP_URL: 'smtp://mail.example:587' }],
    ['MAIL_FROM', { SMTP_URL: 'smtp://mail.example:587', MAIL_FROM: 'Tejido <nobody>' }],
    ['MAIL_FROM', { MAIL_FROM: 'a@b.example' }]
  ])('a bad %s is named', (variable, env) => {
    let error: unknown
    try {
      loadConfig(env)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as ConfigError).variable).toBe(variable)
    expect((error as Error).message).toContain(variable)
  })

  test('mail: SMTP_URL and MAIL_FROM together, "Name <address>" or a bare address; the URL\'s password never in a message', () => {
    expect(loadConfig({}).mail).toBeUndefined()
    expect(loadConfig({ SMTP_URL: 'smtps://u:secret@mail.example:465', MAIL_FROM: 'Tejido <dir@example.org>' }).mail).toEqual({ url: 'smtps://u:secret@mail.example:465', from: 'Tejido <dir@example.org>' })
    expect(loadConfig({ SMTP_URL: 'smtp://mail.example', MAIL_FROM: 'dir@example.org' }).mail?.from).toBe('dir@example.org')
    expect(() => loadConfig({ SMTP_URL: 'smtpx://u:secret@mail.example', MAIL_FROM: 'a@b.example' })).toThrow(/^(?!.*secret)/)
  })
})
