/**
 * A website as a key for matching the same co-op across directories (issue
 * 13): scheme, `www.`, default port, query, fragment and trailing slashes
 * do not count, case in the host does not either; the path does, because
 * two groups can share a host (`example.org/coop-a`). `undefined` for what
 * is not a web address.
 */
export function websiteKey(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.length > 2000) return undefined
  const text = raw.trim()
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`
  if (!URL.canParse(withScheme)) return undefined
  const url = new URL(withScheme)
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return undefined // mailto:a@b read as https://mailto:…@b is no site
  const host = url.hostname.replace(/^www\./, '')
  if (!host.includes('.')) return undefined
  let path = url.pathname
  while (path.endsWith('/')) path = path.slice(0, -1)
  return `${host}${path}`
}

/**
 * Whether a value is an absolute http(s) address, as every exchange format
 * takes a website or a logo: a string with no whitespace that parses as a
 * URL whose scheme is http or https (in any case). One rule for what we
 * write (profiles, JSON-LD) and what we read (profiles from elsewhere).
 */
export function isWebUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 2000 || /\s/.test(value) || !URL.canParse(value)) return false
  const { protocol } = new URL(value)
  return protocol === 'http:' || protocol === 'https:'
}
