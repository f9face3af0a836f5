/** The page frame every server-rendered page shares. */
import { html, type SafeHtml } from '../html'

export function page(opts: { title: string; lang: string; body: SafeHtml; head?: SafeHtml }): string {
  return '<!doctype html>\n' + html`<html lang="${opts.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} · Tejido</title>
<link rel="stylesheet" href="/static/styles.css">
${opts.head}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site"><a href="/" class="brand">Tejido</a></header>
<main id="main">
${opts.body}
</main>
<footer class="site"><p>Tejido — a federated directory of tech co-operatives.</p></footer>
</body>
</html>`.value
}
