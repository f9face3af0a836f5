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
  var place = /** @type {HTMLInputElement} */ (byId('place'))
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

  /** "Nearest first" only with a centre (a point, or a place the server reads) and a radius; without them the order falls back to relevance. */
  function syncSort() {
    var centred = (!!near.value || !!placeText()) && !!radius.value
    var distance = /** @type {HTMLOptionElement} */ (sort.querySelector('option[value="distance"]'))
    distance.disabled = !centred
    if (!centred && sort.value === 'distance') sort.value = ''
  }

  // --- the place typed in "near" (places.js offers suggestions) --------------
  function placeText() { return place.value.trim() }
  /**
   * A typed place that was not picked from the suggestions has no point
   * here: the server reads the name. Its point, given with the results
   * (#place-note's data-near), becomes the form's, so the map's request
   * (map.js asks with these parameters) searches around the same point as
   * the list. Nothing when the name was not read: the list says why.
   */
  function adoptNear() {
    if (!placeText()) return
    var note = results.querySelector('#place-note[data-near]')
    near.value = note ? note.getAttribute('data-near') || '' : ''
  }
  /**
   * The search's parameters, as the URL and the map take them. A place the
   * server could not read goes with an empty point, which the points API
   * refuses as the page refused the name: the map then shows no points, as
   * the list shows none, rather than every point the other filters allow.
   */
  function shared() {
    var params = query()
    if (placeText() && !near.value) params.set('near', '')
    return params
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

  /** The URL, the language links and the map follow a search. @param {URLSearchParams} params */
  function announce(params) {
    history.replaceState(null, '', params.toString() ? '/?' + params.toString() : '/')
    keepSearchInLanguageLinks(params)
    page.dispatchEvent(new CustomEvent('search', { detail: params.toString() }))
  }

  var generation = 0
  var searchedPlace = placeText()
  /** @param {boolean} [paged] whether a page link asked for it: the reader is then taken to the top of the new page */
  function refresh(paged) {
    var mine = ++generation
    // a place typed but not picked: the map waits for the point the server reads it as
    var reading = !!placeText() && !near.value
    searchedPlace = placeText()
    if (!reading) announce(query())
    showChosen()
    var listParams = query()
    listParams.set('lang', lang)
    return fetch('/fragments/results?' + listParams.toString()).then(function (r) { return r.text() }).then(function (text) {
      if (mine !== generation) return // a newer search is on its way
      showResults(text)
      if (reading) {
        adoptNear()
        announce(shared())
      }
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
  form.addEventListener('change', function (e) {
    var id = /** @type {Element} */ (e.target).id
    // a place picked from the suggestions was searched as it was picked
    if (id !== 'q' && !(id === 'place' && placeText() === searchedPlace)) search()
  })
  // a picked place is searched around at once, nearest first, as "Near me" does
  page.addEventListener('place-picked', function () {
    if (!radius.value) radius.value = '50'
    syncSort()
    if (sort.value === '') sort.value = 'distance'
    search()
  })
  // no place, no distance: an emptied field searches everywhere again rather than being refused
  place.addEventListener('input', function () {
    if (placeText() || near.value) return
    radius.value = ''
    syncSort()
  })
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
      place.value = '' // the centre is now where the reader is
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

  // the server read the place in the URL: its point goes into the URL before map.js asks for the points
  if (placeText()) {
    adoptNear()
    history.replaceState(null, '', '/?' + shared().toString())
  }
  syncSort()
  keepSearchInLanguageLinks(query())
  showRefusals()
})()
