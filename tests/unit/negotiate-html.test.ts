import type { Request } from 'express'
import { wantsActivityJson } from '../../src/http/negotiate'
import { html, trusted, escapeHtml } from '../../src/http/site/html'

const req = (accept?: string) => ({ get: (h: string) => (h.toLowerCase() === 'accept' ? accept : undefined) }) as unknown as Request

describe('content negotiation', () => {
  test.each([
    ['application/activity+json', true],
    ['application/ld+json; profile="https://www.w3.org/ns/activitystreams"', true],
    ['application/ld+json', true],
    ['application/ld+json; profile="https://example.com/other"', false],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', false],
    ['*/*', false],
    [undefined, false],
    ['text/html;q=0.5, application/activity+json', true],
    ['application/activity+json;q=0.2, text/html', false]
  ])('%s → ActivityPub %s', (accept, expected) => {
    expect(wantsActivityJson(req(accept))).toBe(expected)
  })
})

describe('html', () => {
  test('escapes interpolations, keeps trusted fragments', () => {
    const name = '<img src=x onerror=alert(1)>'
    expect(html`<h1>${name}</h1>`.value).toBe('<h1>&lt;img src=x onerror=alert(1)&gt;</h1>')
    expect(html`<a title="${'" onmouseover="x'}">`.value).toBe('<a title="&quot; onmouseover=&quot;x">')
    expect(html`<div>${trusted('<p>ok</p>')}</div>`.value).toBe('<div><p>ok</p></div>')
    expect(html`<ul>${['a', '<b>'].map((x) => html`<li>${x}</li>`)}</ul>`.value).toBe('<ul><li>a</li><li>&lt;b&gt;</li></ul>')
    expect(escapeHtml("it's")).toBe('it&#39;s')
  })
})
