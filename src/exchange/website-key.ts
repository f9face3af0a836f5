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
