/**
 * Which addresses outgoing federation may reach: public unicast only, unless
 * the operator listed the host (with or without port) or a CIDR in
 * ALLOW_PRIVATE_ADDRESSES. The resolved address is what is checked, never
 * just the name, and IPv4-mapped IPv6 is judged as the IPv4 it maps.
 */
import ipaddr from 'ipaddr.js'

export interface AllowList {
  hosts: Set<string>
  cidrs: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]>
}

export function parseAllowList(entries: readonly string[]): AllowList {
  const list: AllowList = { hosts: new Set(), cidrs: [] }
  for (const entry of entries) {
    if (entry.includes('/')) list.cidrs.push(ipaddr.parseCIDR(entry))
    else list.hosts.add(entry.toLowerCase().replace(/^\[|\](?=(:\d+)?$)/g, ''))
  }
  return list
}

function normalise(ip: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (!ipaddr.isValid(ip)) return null
  const parsed = ipaddr.parse(ip)
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) return (parsed as ipaddr.IPv6).toIPv4Address()
  return parsed
}

/** True for addresses on the public internet (unicast, not reserved). */
export function isPublicAddress(ip: string): boolean {
  const addr = normalise(ip)
  return addr !== null && addr.range() === 'unicast'
}

/** May a request to `host` (as written in the URL, with `port`) connect to `ip`? */
export function mayConnect(ip: string, host: string, port: number, allow: AllowList): boolean {
  return isPublicAddress(ip) || isListed(ip, host, port, allow)
}

/** Did the operator list this host, host:port or address explicitly? */
export function isListed(ip: string, host: string, port: number, allow: AllowList): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '')
  if (allow.hosts.has(name) || allow.hosts.has(`${name}:${port}`)) return true
  const addr = normalise(ip)
  if (!addr) return false
  return allow.cidrs.some(([net, bits]) => net.kind() === addr.kind() && addr.match(net, bits))
}
