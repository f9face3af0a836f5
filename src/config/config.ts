/**
 * The environment, read once into a typed, frozen Config. A bad value stops
 * the start with a message that names the variable. Nothing else in the code
 * reads process.env.
 */
import path from 'node:path'
import net from 'node:net'
import { looksLikeEmail } from '../directory/editor-accounts'
import { parseReviewPolicy, type ReviewField } from '../directory/change-review'

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

export interface Config {
  readonly port: number
  /** The instance's public base URL, without a trailing slash (its origin). */
  readonly publicUrl: string
  readonly host: string
  readonly dataDir: string
  readonly mongodbUrl: string | undefined
  readonly meiliUrl: string | undefined
  readonly meiliMasterKey: string | undefined
  readonly adminToken: string | undefined
  /** Hosts or CIDRs outgoing federation may reach although private/loopback. */
  readonly allowPrivateAddresses: readonly string[]
  readonly logLevel: LogLevel
  readonly instanceName: string
  /** Hosts whose follow requests are approved without an operator. */
  readonly autoApprovePeers: readonly string[]
  /** How often mirrors are repaired by walking each peer's /directory, in ms. */
  readonly repairIntervalMs: number
  /** Map tiles: an https URL template with {z}, {x} and {y}, and the attribution its licence asks for. */
  readonly tileUrl: string
  readonly tileAttribution: string
  /**
   * Which proxies Express believes about the client's address and protocol
   * (`trust proxy`): a hop count, or addresses/CIDRs and Express's names
   * `loopback`, `linklocal`, `uniquelocal`. Default: loopback only.
   */
  readonly trustProxy: number | readonly string[]
  /** Bearer token for /metrics; without it /metrics answers loopback clients only. */
  readonly metricsToken: string | undefined
  /** At most this many listings may wait for moderation at once (applications beyond it are refused). */
  readonly maxPendingListings: number
  /** At most this many pending applications from one client (address, IPv6 by /64). */
  readonly maxPendingPerClient: number
  /** Outgoing mail (SMTP_URL and MAIL_FROM); undefined when SMTP_URL is unset: the features that need mail say so. */
  readonly mail: MailConfig | undefined
  /** REVIEW_CHANGES: the fields whose change by an editor of an approved listing waits for review (none: every edit goes live). */
  readonly reviewChanges: readonly ReviewField[]
  /** OPERATOR_EMAIL: who is mailed when something starts waiting for the operator (needs SMTP_URL). */
  readonly operatorEmail: string | undefined
  /** The Murmurations index this instance registers its listings with, and the one it mirrors profiles from (issue 13). */
  readonly murmurations: MurmurationsConfig
}

/** MURMURATIONS_*: registration with an index, and keeping profiles from an index as mirrors. */
export interface MurmurationsConfig {
  /** MURMURATIONS_INDEX_URL: where approved listings are registered (the base, e.g. https://test-index.murmurations.network). */
  readonly indexUrl: string | undefined
  /** MURMURATIONS_IMPORT_URL, _TAGS, _SCHEMA, _INTERVAL: the index whose profiles are mirrored, which ones, and how often. */
  readonly importUrl: string | undefined
  readonly importTags: readonly string[]
  readonly importSchema: string
  readonly importIntervalMs: number
}

/** Where mail goes out and whom it is from. */
export interface MailConfig {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465 (TLS from the start). */
  readonly url: string
  /** "Name <address>" or a bare address. */
  readonly from: string
}

export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`Invalid environment variable ${variable}: ${problem}`)
    this.name = 'ConfigError'
  }
}

type Env = Record<string, string | undefined>

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim()
  return value ? value : undefined
}

function parsePort(env: Env): number {
  const raw = text(env, 'PORT') ?? '8080'
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 65535) throw new ConfigError('PORT', `"${raw}" is not a port number (1-65535)`)
  return Number(raw)
}

function parseUrl(name: string, raw: string, protocols: string[]): URL {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError(name, `"${raw}" is not a URL`)
  }
  if (!protocols.includes(url.protocol)) throw new ConfigError(name, `"${raw}" must use ${protocols.join(' or ')}`)
  return url
}

function parsePublicUrl(env: Env, port: number): URL {
  const url = parseUrl('PUBLIC_URL', text(env, 'PUBLIC_URL') ?? `http://localhost:${port}`, ['http:', 'https:'])
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new ConfigError('PUBLIC_URL', 'must be a bare origin such as https://tejido.example (no path, query or credentials)')
  }
  return url
}

function parseAllowList(env: Env): string[] {
  const raw = text(env, 'ALLOW_PRIVATE_ADDRESSES')
  if (!raw) return []
  return raw.split(',').map((s) => s.trim()).filter(Boolean).map((entry) => {
    const [addr, bits, extra] = entry.split('/')
    if (extra !== undefined) throw new ConfigError('ALLOW_PRIVATE_ADDRESSES', `"${entry}" is not a host or CIDR`)
    if (bits !== undefined) {
      const family = net.isIP(addr ?? '')
      const max = family === 6 ? 128 : 32
      if (!family || !/^\d+$/.test(bits) || Number(bits) > max) throw new ConfigError('ALLOW_PRIVATE_ADDRESSES', `"${entry}" is not a valid CIDR`)
    } else if (!net.isIP(entry) && !/^[A-Za-z0-9.-]+(:\d+)?$/.test(entry)) {
      throw new ConfigError('ALLOW_PRIVATE_ADDRESSES', `"${entry}" is not a host name, IP address or CIDR`)
    }
    return entry
  })
}

function parseDuration(env: Env, name: string, fallback: string): number {
  const raw = text(env, name) ?? fallback
  const m = /^(\d+)\s*(ms|s|m|h|d)?$/.exec(raw)
  if (!m) throw new ConfigError(name, `"${raw}" is not a duration such as 90s, 30m or 1h`)
  const unit = { ms: 1, s: 1000, m: 60000, h: 3600000, d: 86400000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h' | 'd']
  const ms = Number(m[1]) * unit
  if (ms < 1000) throw new ConfigError(name, 'must be at least one second')
  return ms
}

function parseHosts(env: Env, name: string): string[] {
  const raw = text(env, name)
  if (!raw) return []
  return raw.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean).map((host) => {
    if (!/^[a-z0-9.-]+(:\d+)?$|^\[[0-9a-f:]+\](:\d+)?$/.test(host)) throw new ConfigError(name, `"${host}" is not a host name (host or host:port)`)
    return host
  })
}

const OSM_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png'
const OSM_ATTRIBUTION = '© OpenStreetMap contributors'

function parseTileUrl(env: Env): string {
  const raw = text(env, 'TILE_URL') ?? OSM_TILES
  const url = parseUrl('TILE_URL', raw.replace(/\{[a-z]\}/g, '0'), ['https:', 'http:'])
  if (!['{z}', '{x}', '{y}'].every((p) => raw.includes(p))) throw new ConfigError('TILE_URL', 'must contain {z}, {x} and {y}')
  if (url.protocol === 'http:' && !['localhost', '127.0.0.1'].includes(url.hostname)) throw new ConfigError('TILE_URL', 'must use https (browsers block mixed content)')
  return raw
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal']

function parseTrustProxy(env: Env): number | string[] {
  const raw = text(env, 'TRUST_PROXY') ?? 'loopback'
  if (/^\d{1,2}$/.test(raw)) return Number(raw)
  return raw.split(',').map((s) => s.trim()).filter(Boolean).map((entry) => {
    if (PROXY_NAMES.includes(entry)) return entry
    const [addr, bits, extra] = entry.split('/')
    const family = net.isIP(addr ?? '')
    const max = family === 6 ? 128 : 32
    if (!family || extra !== undefined || (bits !== undefined && (!/^\d{1,3}$/.test(bits) || Number(bits) > max))) {
      throw new ConfigError('TRUST_PROXY', `"${entry}" is not a hop count, an IP address, a CIDR or one of ${PROXY_NAMES.join(', ')}`)
    }
    return entry
  })
}

function parseCount(env: Env, name: string, fallback: number): number {
  const raw = text(env, name)
  if (raw === undefined) return fallback
  if (!/^\d{1,7}$/.test(raw)) throw new ConfigError(name, `"${raw}" is not a whole number`)
  return Number(raw)
}

/** SMTP_URL and MAIL_FROM, both or neither. */
function parseMail(env: Env): MailConfig | undefined {
  const url = text(env, 'SMTP_URL')
  const from = text(env, 'MAIL_FROM')
  if (!url) {
    if (from) throw new ConfigError('MAIL_FROM', 'is set but SMTP_URL is not: set SMTP_URL too (smtp://user:password@host:587), or unset MAIL_FROM')
    return undefined
  }
  // never echo the URL: it holds the SMTP password
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new ConfigError('SMTP_URL', 'is not a URL (smtp://user:password@host:587 or smtps://user:password@host:465)')
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') throw new ConfigError('SMTP_URL', `must use smtp: or smtps:, not ${parsed.protocol}`)
  if (!parsed.hostname) throw new ConfigError('SMTP_URL', 'names no host')
  if (!from) throw new ConfigError('MAIL_FROM', 'must be set with SMTP_URL: the address mail comes from, e.g. "Tejido <directory@example.org>"')
  const open = from.lastIndexOf('<')
  const address = open === -1 ? from : from.slice(open + 1, from.endsWith('>') ? -1 : undefined)
  if ((open !== -1 && !from.endsWith('>')) || !looksLikeEmail(address.trim())) throw new ConfigError('MAIL_FROM', `"${from}" is not an address nor "Name <address>"`)
  return { url, from }
}

function parseReviewChanges(env: Env): readonly ReviewField[] {
  const policy = parseReviewPolicy(text(env, 'REVIEW_CHANGES'))
  if (!policy.ok) throw new ConfigError('REVIEW_CHANGES', policy.error)
  return Object.freeze([...policy.value])
}

/** OPERATOR_EMAIL: one address, and only with mail set up (else it would silently never be used). */
function parseOperatorEmail(env: Env, mail: MailConfig | undefined): string | undefined {
  const address = text(env, 'OPERATOR_EMAIL')
  if (!address) return undefined
  if (!mail) throw new ConfigError('OPERATOR_EMAIL', 'is set but SMTP_URL is not: operator notices are sent by mail, so set SMTP_URL and MAIL_FROM too, or unset OPERATOR_EMAIL')
  if (!looksLikeEmail(address)) throw new ConfigError('OPERATOR_EMAIL', `"${address}" is not an email address (one address, e.g. operator@example.org)`)
  return address
}

function parseSecret(env: Env, name: string): string | undefined {
  const value = text(env, name)
  if (value !== undefined && value.length < 16) {
    throw new ConfigError(name, 'must be at least 16 characters (use a long random string, e.g. `openssl rand -hex 24`)')
  }
  return value
}

/** An index's base URL: http(s), no query; a trailing slash or `/v2` is dropped (the API's paths are added to it). */
export function indexBase(name: string, raw: string): string {
  const url = parseUrl(name, raw, ['http:', 'https:'])
  if (url.search || url.hash || url.username || url.password) throw new ConfigError(name, 'must be the index\'s address, such as https://test-index.murmurations.network (no query or credentials)')
  return `${url.origin}${url.pathname.replace(/\/+$/, '').replace(/\/v2$/, '')}`
}

function parseMurmurations(env: Env): MurmurationsConfig {
  const index = text(env, 'MURMURATIONS_INDEX_URL')
  const from = text(env, 'MURMURATIONS_IMPORT_URL')
  const schema = text(env, 'MURMURATIONS_IMPORT_SCHEMA') ?? 'organizations_schema-v1.0.0'
  if (schema !== 'organizations_schema-v1.0.0') throw new ConfigError('MURMURATIONS_IMPORT_SCHEMA', `only organizations_schema-v1.0.0 profiles can become listings, not "${schema}"`)
  const tags = (text(env, 'MURMURATIONS_IMPORT_TAGS') ?? '').split(',').map((t) => t.trim()).filter(Boolean)
  return Object.freeze({
    indexUrl: index ? indexBase('MURMURATIONS_INDEX_URL', index) : undefined,
    importUrl: from ? indexBase('MURMURATIONS_IMPORT_URL', from) : undefined,
    importTags: Object.freeze(tags),
    importSchema: schema,
    importIntervalMs: parseDuration(env, 'MURMURATIONS_IMPORT_INTERVAL', '6h')
  })
}

export function loadConfig(env: Env = process.env): Config {
  const port = parsePort(env)
  const publicUrl = parsePublicUrl(env, port)
  const mongodbUrl = text(env, 'MONGODB_URL')
  if (mongodbUrl) parseUrl('MONGODB_URL', mongodbUrl, ['mongodb:', 'mongodb+srv:'])
  const meiliUrl = text(env, 'MEILI_URL')
  if (meiliUrl) parseUrl('MEILI_URL', meiliUrl, ['http:', 'https:'])
  const adminToken = parseSecret(env, 'ADMIN_TOKEN')
  const logLevel = (text(env, 'LOG_LEVEL') ?? 'info').toLowerCase()
  if (!LEVELS.includes(logLevel as LogLevel)) throw new ConfigError('LOG_LEVEL', `"${logLevel}" is not one of ${LEVELS.join(', ')}`)
  const mail = parseMail(env)
  return Object.freeze({
    port,
    publicUrl: publicUrl.origin,
    host: publicUrl.host,
    dataDir: path.resolve(text(env, 'DATA_DIR') ?? './data'),
    mongodbUrl,
    meiliUrl,
    meiliMasterKey: text(env, 'MEILI_MASTER_KEY'),
    adminToken,
    allowPrivateAddresses: Object.freeze(parseAllowList(env)),
    logLevel: logLevel as LogLevel,
    instanceName: text(env, 'INSTANCE_NAME') ?? `Tejido at ${publicUrl.host}`,
    autoApprovePeers: Object.freeze(parseHosts(env, 'AUTO_APPROVE_PEERS')),
    repairIntervalMs: parseDuration(env, 'REPAIR_INTERVAL', '1h'),
    tileUrl: parseTileUrl(env),
    tileAttribution: text(env, 'TILE_ATTRIBUTION') ?? (text(env, 'TILE_URL') ? '' : OSM_ATTRIBUTION),
    trustProxy: Object.freeze(parseTrustProxy(env)),
    metricsToken: parseSecret(env, 'METRICS_TOKEN'),
    maxPendingListings: parseCount(env, 'MAX_PENDING_LISTINGS', 200),
    maxPendingPerClient: parseCount(env, 'MAX_PENDING_PER_CLIENT', 3),
    mail,
    reviewChanges: parseReviewChanges(env),
    operatorEmail: parseOperatorEmail(env, mail),
    murmurations: parseMurmurations(env)
  })
}
