// @ts-check
/*
 * The search page, enhanced: list, facets, pages and URL kept in step as the
 * reader types or ticks, without reloading. The page works without this
 * script (a GET form, links to the other pages). The list and the facets are
 * the server's: GET /fragments/results renders them with the page's own view,
 * and this script only puts them in place, so their rules (labels, links,
 * refusals in the reader's language) have one home. Each new search is
 * announced on #search-page as a `search` event (map.js draws its points);
 * on a phone the list and the map are tabs, and showing the map says `map-shown`.
 */
;(function () {
  'use strict'
  var root = document.getElementById('search-page')
  if (!root) return
  var page = root
  /** @type {{ chosen: string, locating: string, noLocation: string }} */
  var messages = JSON.parse(page.dataset.messages || '{}')
  var lang = page.dataset.lang || ''
  var form = /** @type {HTMLFormElement} */ (byId('search'))
  var facetsBox = byId('facets')
  var results = byId('results')
  var filters = /** @type {HTMLDetailsElement} */ (byId('filters'))
  var radius = /** @type {HTMLSelectElement} */ (byId('radius'))
  var near = /** @type {HTMLInputElement} */ (byId('near'))
  var sort = /** @type {HTMLSelectElement} */ (byId('sort'))
  var numbers = new Intl.NumberFormat(lang)
  var wide = window.matchMedia('(min-width: 48rem)')

  /** @param {string} id */
  function byId(id) {
    var node = document.getElementById(id)
    if (!node) throw new Error('the search page has no #' + id)
    return node
  }

  page.classList.add('enhanced')
  page.dataset.view = 'list'
  // a wide screen has room for the filters beside the results; a phone keeps them behind their button
  if (wide.matches) filters.open = true

  // --- the list and the facets: the server's, put in place ---------------------
  /**
   * What is inside the page's #facets and #results becomes what is inside the
   * server's: the live region itself stays (the new total is announced), a
   * facet box that had focus keeps it in its new copy, and an opened "show all" stays open.
   * @param {string} fragment the HTML of GET /fragments/results
   */
  function showResults(fragment) {
    var parsed = document.createElement('template')
    parsed.innerHTML = fragment // inert: nothing in a template runs or loads
    var focused = document.activeElement
    var facet = focused && facetsBox.contains(focused) ? { name: focused.getAttribute('name') || '', value: focused.getAttribute('value') || '' } : null
    /** @type {string[]} */
    var opened = []
    facetsBox.querySelectorAll('.facet > details.more[open]').forEach(function (d) { opened.push((d.parentElement && d.parentElement.getAttribute('data-facet')) || '') })
    replaceInside(facetsBox, parsed.content.getElementById('facets'))
    // a "show all" the reader opened stays open in the new copy
    opened.forEach(function (name) {
      var more = facetsBox.querySelector('.facet[data-facet="' + CSS.escape(name) + '"] > details.more')
      if (more) more.setAttribute('open', '')
    })
    replaceInside(results, parsed.content.getElementById('results'))
    var again = facet && facetsBox.querySelector('input[name="' + CSS.escape(facet.name) + '"][value="' + CSS.escape(facet.value) + '"]')
    if (again) /** @type {HTMLInputElement} */ (again).focus()
    showRefusals()
  }
  /** @param {HTMLElement} target @param {HTMLElement | null} source */
  function replaceInside(target, source) {
    if (source) target.replaceChildren(...source.childNodes)
  }

  /** Each refusal the server gave (in #total, marked with its slot) also next to its field, which is marked invalid. */
  function showRefusals() {
    form.querySelectorAll('.field-error[data-for]').forEach(function (element) {
      var slot = /** @type {HTMLElement} */ (element)
      var name = slot.getAttribute('data-for') || ''
      var said = Array.prototype.map.call(results.querySelectorAll('#total [data-slot="' + name + '"]'), function (/** @type {Element} */ s) { return s.textContent }).join(' ')
      slot.textContent = said
      slot.hidden = !said
      form.querySelectorAll('[aria-describedby="' + slot.id + '"]').forEach(function (control) {
        if (said) control.setAttribute('aria-invalid', 'true')
        else control.removeAttribute('aria-invalid')
      })
      if (said && (name === 'sort' || name === 'accepting')) filters.open = true
    })
  }

  /** The count on the filters' button. */
  function showChosen() {
    var n = form.querySelectorAll('#facets input:checked, #accepting:checked').length
    var chosen = byId('chosen')
    chosen.textContent = messages.chosen.replace('{count}', numbers.format(n))
    chosen.hidden = n === 0
  }

  /** "Nearest first" only with a centre and a radius (the query needs both); without them the order falls back to relevance. */
  function syncSort() {
    var centred = !!near.value && !!radius.value
    var distance = /** @type {HTMLOptionElement} */ (sort.querySelector('option[value="distance"]'))
    distance.disabled = !centred
    if (!centred && sort.value === 'distance') sort.value = ''
  }

  // --- searching -------------------------------------------------------------
  var currentPage = Number(new URLSearchParams(window.location.search).get('page')) || 1

  function query() {
    var params = new URLSearchParams()
    new FormData(form).forEach(function (value, key) { if (typeof value === 'string' && value !== '') params.append(key, value) })
    if (!params.get('radius')) params.delete('near')
    if (currentPage > 1) params.set('page', String(currentPage))
    return params
  }

  /** The language switch keeps the search: each language's link is this search in it. @param {URLSearchParams} params */
  function keepSearchInLanguageLinks(params) {
    document.querySelectorAll('.langs a[hreflang]').forEach(function (link) {
      var withLang = new URLSearchParams(params)
      withLang.set('lang', link.getAttribute('hreflang') || '')
      link.setAttribute('href', '/?' + withLang.toString())
    })
  }

  var generation = 0
  /** @param {boolean} [paged] whether a page link asked for it: the reader is then taken to the top of the new page */
  function refresh(paged) {
    var params = query()
    var mine = ++generation
    history.replaceState(null, '', params.toString() ? '/?' + params.toString() : '/')
    keepSearchInLanguageLinks(params)
    showChosen()
    page.dispatchEvent(new CustomEvent('search', { detail: params.toString() }))
    var listParams = new URLSearchParams(params)
    listParams.set('lang', lang)
    return fetch('/fragments/results?' + listParams.toString()).then(function (r) { return r.text() }).then(function (text) {
      if (mine !== generation) return // a newer search is on its way
      showResults(text)
      if (paged) {
        var total = byId('total')
        total.setAttribute('tabindex', '-1')
        total.focus()
      }
    })
  }
  /** A change of words or filters starts again at the first page. */
  function search() {
    currentPage = 1
    syncSort()
    return refresh()
  }

  /** @type {number | undefined} */
  var timer
  byId('q').addEventListener('input', function () {
    clearTimeout(timer)
    timer = setTimeout(search, 200)
  })
  form.addEventListener('change', function (e) { if (/** @type {Element} */ (e.target).id !== 'q') search() })
  form.addEventListener('submit', function (e) { e.preventDefault(); search() })
  results.addEventListener('click', function (e) {
    var link = /** @type {Element} */ (e.target).closest('.pager a[data-page]')
    if (!link || e.ctrlKey || e.metaKey || e.shiftKey) return
    e.preventDefault()
    currentPage = Number(link.getAttribute('data-page')) || 1
    refresh(true)
  })

  var nearStatus = byId('near-status')
  byId('near-me').addEventListener('click', function () {
    if (!navigator.geolocation) { nearStatus.textContent = messages.noLocation; return }
    nearStatus.textContent = messages.locating
    navigator.geolocation.getCurrentPosition(function (pos) {
      nearStatus.textContent = ''
      near.value = pos.coords.latitude.toFixed(4) + ',' + pos.coords.longitude.toFixed(4)
      if (!radius.value) radius.value = '50'
      syncSort()
      if (sort.value === '') sort.value = 'distance'
      page.dispatchEvent(new CustomEvent('located', { detail: [pos.coords.latitude, pos.coords.longitude] }))
      currentPage = 1
      refresh()
    }, function () { nearStatus.textContent = messages.noLocation })
  })

  // --- list and map as tabs (a phone; styles.css shows the tabs only there) ---
  var tabs = [byId('tab-list'), byId('tab-map')]
  /** @param {HTMLElement} tab @param {boolean} focus */
  function select(tab, focus) {
    tabs.forEach(function (t) {
      var on = t === tab
      t.setAttribute('aria-selected', String(on))
      t.tabIndex = on ? 0 : -1
    })
    page.dataset.view = tab.id === 'tab-map' ? 'map' : 'list'
    if (focus) tab.focus()
    if (page.dataset.view === 'map') page.dispatchEvent(new CustomEvent('map-shown'))
  }
  tabs.forEach(function (tab, i) {
    tab.addEventListener('click', function () { select(tab, false) })
    tab.addEventListener('keydown', function (e) {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return
      e.preventDefault()
      select(/** @type {HTMLElement} */ (tabs[(i + 1) % tabs.length]), true)
    })
  })

  syncSort()
  keepSearchInLanguageLinks(query())
  showRefusals()
})()
