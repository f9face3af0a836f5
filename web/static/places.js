// @ts-check
/*
 * The search page's "near" field as a combobox (the WAI-ARIA list
 * autocomplete pattern): as the reader types a town or city, places from
 * the offline gazetteer (GET /api/places) are offered in a listbox; the
 * arrows move through them, Enter or a click picks one, Escape closes the
 * list. Picking fills the field with the place's label and the form's
 * hidden `near` with its point, and says `place-picked` on #search-page
 * (search.js then searches). Typing again forgets the point: the server
 * reads the typed name instead. A <datalist> would not do: the browser
 * filters its options by the typed letters itself, so "Sao" would hide
 * "São Paulo", and an option cannot carry the point it names.
 * Without this script the field is a text box the server reads.
 * The listing form's place name uses it too (data-places on the field).
 */
;(function () {
  'use strict'
  // The search page's "near" field, or another page's place field marked data-places (the listing form's place name),
  // whose data-point names its hidden point and whose form hears `place-picked`.
  var input = /** @type {HTMLInputElement | null} */ (document.querySelector('input[data-places]') || document.getElementById('place'))
  var page = input && input.dataset.places !== undefined ? input.form : document.getElementById('search-page')
  var near = /** @type {HTMLInputElement | null} */ (document.getElementById((input && input.dataset.point) || 'near'))
  var box = input && input.parentElement
  if (!page || !input || !near || !box) return
  var field = input
  var point = near
  var root = page
  /** @type {{ options: string, found: string, foundOne: string, none: string }} */
  var messages = JSON.parse(field.dataset.messages || '{}')
  var lang = root.dataset.lang || ''
  var numbers = new Intl.NumberFormat(lang)

  var list = document.createElement('ul')
  list.id = 'place-options'
  list.className = 'place-options'
  list.setAttribute('role', 'listbox')
  list.setAttribute('aria-label', messages.options)
  list.hidden = true
  var status = document.createElement('div') // not a <p>: a page's own status paragraph stays the only one
  status.id = 'place-status'
  status.className = 'visually-hidden'
  status.setAttribute('role', 'status')
  box.append(list, status)
  field.setAttribute('role', 'combobox')
  field.setAttribute('aria-autocomplete', 'list')
  field.setAttribute('aria-expanded', 'false')
  field.setAttribute('aria-controls', list.id)

  /** @typedef {{ id: string, label: string, latitude: number, longitude: number }} Suggestion */
  /** @type {Suggestion[]} */
  var suggestions = []
  var active = -1

  /** @param {boolean} open */
  function setOpen(open) {
    list.hidden = !open
    field.setAttribute('aria-expanded', String(open))
    if (!open) activate(-1)
  }

  /** @param {number} index the option to mark as the one Enter picks (-1: none) */
  function activate(index) {
    active = index
    Array.prototype.forEach.call(list.children, function (/** @type {Element} */ option, /** @type {number} */ i) {
      option.setAttribute('aria-selected', String(i === index))
    })
    var chosen = index >= 0 ? list.children[index] : null
    if (chosen) {
      field.setAttribute('aria-activedescendant', chosen.id)
      chosen.scrollIntoView({ block: 'nearest' })
    } else field.removeAttribute('aria-activedescendant')
  }

  /** The places found for what is typed, as options (text nodes only). @param {Suggestion[]} found */
  function show(found) {
    suggestions = found
    list.replaceChildren(...found.map(function (place, i) {
      var option = document.createElement('li')
      option.id = 'place-option-' + i
      option.setAttribute('role', 'option')
      option.setAttribute('aria-selected', 'false')
      option.textContent = place.label
      return option
    }))
    setOpen(found.length > 0)
    status.textContent = found.length === 0 ? messages.none : found.length === 1 ? messages.foundOne : messages.found.replace('{count}', numbers.format(found.length))
  }

  /** @param {Suggestion} place */
  function pick(place) {
    field.value = place.label
    point.value = place.latitude + ',' + place.longitude
    setOpen(false)
    status.textContent = ''
    root.dispatchEvent(new CustomEvent('place-picked', { detail: place }))
  }

  var generation = 0
  /** @type {number | undefined} */
  var timer
  function suggest() {
    var typed = field.value.trim()
    var mine = ++generation
    if (!typed) { show([]); status.textContent = ''; return }
    var params = new URLSearchParams({ q: typed.slice(0, 100), lang: lang, limit: '8' })
    fetch('/api/places?' + params.toString()).then(function (r) { return r.ok ? r.json() : [] }).then(function (/** @type {Suggestion[]} */ found) {
      // a newer letter was typed, or the field was left, while this was on its way
      if (mine === generation && document.activeElement === field) show(found)
    }, function () { if (mine === generation) show([]) })
  }

  field.addEventListener('input', function () {
    point.value = '' // the point was the old text's: the server reads the new text until a place is picked
    clearTimeout(timer)
    timer = setTimeout(suggest, 150)
  })
  field.addEventListener('keydown', function (e) {
    var count = suggestions.length
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!count) return
      e.preventDefault()
      var down = e.key === 'ArrowDown'
      if (list.hidden) setOpen(true)
      activate(active < 0 ? (down ? 0 : count - 1) : (active + (down ? 1 : count - 1)) % count)
    } else if (e.key === 'Enter' && !list.hidden && active >= 0) {
      e.preventDefault() // picks rather than submits: picking searches
      pick(/** @type {Suggestion} */ (suggestions[active]))
    } else if (e.key === 'Escape' && !list.hidden) {
      e.preventDefault()
      setOpen(false)
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      // the search goes ahead with the typed name: suggestions still on their way would reopen the list over its results
      clearTimeout(timer)
      generation++
      setOpen(false)
    }
  })
  // the field keeps the focus while an option is clicked
  list.addEventListener('mousedown', function (e) { e.preventDefault() })
  list.addEventListener('click', function (e) {
    var option = /** @type {Element} */ (e.target).closest('[role="option"]')
    var index = option ? Array.prototype.indexOf.call(list.children, option) : -1
    if (index >= 0) pick(/** @type {Suggestion} */ (suggestions[index]))
  })
  field.addEventListener('blur', function () {
    generation++
    setOpen(false)
  })
})()
