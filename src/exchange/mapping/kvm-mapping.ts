/**
 * Karte von Morgen terms → Tejido fields (issue 13), as tables.
 *
 * Categories: an entry's `categories` cell holds category ids
 * (openfairdb `ofdb-entities/src/category.rs`): non-profit, commercial
 * (a business of any legal form) and event. Non-profit is Tejido's
 * `non-profit`; the others say nothing of the legal form, so `other`.
 *
 * Tags: Karte von Morgen tags are free, lower-case keywords, mostly German
 * and English, hyphens for spaces. A tag that names one of Tejido's
 * services becomes that service (the table below, built from the tags that
 * tech entries on the map use); every tag is also kept as a tag, so a
 * matched tag's word is not lost.
 */

const CATEGORY_KINDS: Readonly<Record<string, string>> = {
  '2cd00bebec0c48ba9db761da48678134': 'non-profit', // Category::ID_NON_PROFIT
  '77b3c33a92554bcf8e8c2c86cedd6f6f': 'other', // Category::ID_COMMERCIAL
  c2dc278a2d6a4b9b8a50cb606fc017ed: 'other' // Category::ID_EVENT
}

/** The kind of an entry from its category ids: non-profit if any says so, else other. */
export function kindOfCategories(ids: readonly string[]): string {
  const kinds = ids.map((id) => CATEGORY_KINDS[id.trim().toLowerCase()]).filter(Boolean)
  return kinds.includes('non-profit') ? 'non-profit' : 'other'
}

/** Karte von Morgen tag → Tejido service id, where they mean the same service. */
export const KVM_TAG_SERVICES: Readonly<Record<string, string>> = {
  webhosting: 'web-hosting',
  'web-hosting': 'web-hosting',
  hosting: 'web-hosting',
  server: 'managed-servers',
  cloud: 'cloud-storage',
  nextcloud: 'cloud-storage',
  domain: 'domain-registration',
  domains: 'domain-registration',
  email: 'email-hosting',
  'e-mail': 'email-hosting',
  mail: 'email-hosting',
  mailinglisten: 'mailing-lists',
  mailinglist: 'mailing-lists',
  matrix: 'chat-hosting',
  xmpp: 'chat-hosting',
  videokonferenz: 'video-conferencing',
  mastodon: 'fediverse-hosting',
  fediverse: 'fediverse-hosting',
  webdesign: 'web-design',
  'web-design': 'web-design',
  webentwicklung: 'website-development',
  website: 'website-development',
  websites: 'website-development',
  softwareentwicklung: 'software-development',
  programmierung: 'software-development',
  software: 'software-development',
  app: 'mobile-apps',
  apps: 'mobile-apps',
  'open-source': 'free-software-support',
  opensource: 'free-software-support',
  'freie-software': 'free-software-support',
  linux: 'free-software-support',
  barrierefreiheit: 'accessibility-audits',
  'it-sicherheit': 'security-audits',
  datenschutz: 'privacy-consulting',
  'it-support': 'it-support',
  'it-service': 'it-support',
  edv: 'it-support',
  freifunk: 'community-networks',
  reparatur: 'hardware-repair',
  'repair-cafe': 'hardware-repair',
  repaircafe: 'hardware-repair',
  computerreparatur: 'hardware-repair',
  backup: 'backup-services',
  medienkompetenz: 'digital-literacy',
  'digitale-bildung': 'digital-literacy',
  programmierkurs: 'coding-workshops',
  'open-data': 'open-data',
  opendata: 'open-data',
  karten: 'mapping-gis',
  gis: 'mapping-gis',
  uebersetzung: 'translation',
  übersetzung: 'translation',
  grafikdesign: 'graphic-design',
  videoproduktion: 'video-production',
  podcast: 'podcast-hosting',
  onlineshop: 'ecommerce'
}

/** The services some of an entry's tags name, in the tags' order, each once. */
export const servicesOfTags = (tags: readonly string[]): string[] => [...new Set(tags.flatMap((t) => KVM_TAG_SERVICES[t.toLowerCase()] ?? []))]
