/** The page frame every server-rendered page shares: navigation, the language switch, one stylesheet, scripts by URL only (the CSP allows no inline script). */
import { html, type SafeHtml } from './html'
import { UI_LANGUAGES, ui as uiFor, type Ui } from './i18n/translate'

export interface PageOptions {
  title: string
  ui: Ui
  body: SafeHtml
  /** The request's path and query, for the language switch. */
  url: string
  head?: SafeHtml
  scripts?: string[]
  /** A page that uses the full width (the map). */
  wide?: boolean
}

/**
 * This page's path and query with `lang` set. Only the path is used: a
 * request target in absolute form (`GET http://host:port/...`) may carry a
 * host or port that is no URL at all, and the link stays on this site anyway.
 */
function withLang(url: string, lang: string): string {
  const slash = url.startsWith('/') ? 0 : url.indexOf('/', url.indexOf('//') + 2)
  const path = slash < 0 ? '/' : `/${url.slice(slash).replace(/^\/+/, '')}`
  let u: URL
  try {
    u = new URL(path, 'http://x')
  } catch {
    u = new URL('/', 'http://x')
  }
  u.searchParams.set('lang', lang)
  return `${u.pathname}${u.search}`
}

export function page(opts: PageOptions): string {
  const { ui } = opts
  return '<!doctype html>\n' + html`<html lang="${ui.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} · Tejido</title>
<link rel="stylesheet" href="/static/styles.css">
${opts.head}
</head>
<body>
<a class="skip" href="#main">${ui.t('site.skip')}</a>
<header class="site">
<a href="/" class="brand">Tejido</a>
<nav aria-label="Tejido"><ul class="nav">
<li><a href="/">${ui.t('nav.map')}</a></li>
<li><a href="/join">${ui.t('nav.join')}</a></li>
<li><a href="/editors">${ui.t('editors.nav')}</a></li>
<li><a href="/operators">${ui.t('nav.operators')}</a></li>
</ul></nav>
<nav aria-label="${ui.t('nav.language')}"><ul class="langs">
${UI_LANGUAGES.map((l) => html`<li><a href="${withLang(opts.url, l)}" hreflang="${l}" lang="${l}"${l === ui.lang ? html` aria-current="true"` : ''}>${uiFor(l).languageName(l)}</a></li>`)}
</ul></nav>
</header>
<main id="main"${opts.wide ? html` class="wide"` : ''}>
${opts.body}
</main>
<footer class="site"><p>Tejido — ${ui.t('site.tagline')}</p></footer>
${(opts.scripts ?? []).map((src) => html`<script src="${src}" defer></script>\n`)}
</body>
</html>`.value
}
