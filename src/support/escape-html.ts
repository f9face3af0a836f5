/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" }
const ENTITY = /&(?:amp|lt|gt|quot|#39);/g

/**
 * The inverse of escapeHtml: decodes the five entities it writes (the ones
 * sanitize-html and ActivityPub servers emit), in one pass so that an
 * escaped entity ("&amp;lt;") comes back as written ("&lt;"), not decoded twice.
 */
export function unescapeHtml(text: string): string {
  return text.includes('&') ? text.replace(ENTITY, (e) => ENTITIES[e] as string) : text
}
