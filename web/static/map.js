// @ts-check
/*
 * The map and search page, enhanced: a Leaflet map of every matching location
 * clustered with supercluster, and list, facets, map and URL kept in step as
 * the reader types. The page works without this script (a GET form). The list
 * and the facets are the server's: GET /fragments/results renders them with
 * the page's own view, and this script only puts them in place, so their rules
 * (the facet cap, labels, links) have one home. Listing text reaches the page
 * as the server's escaped HTML, or in map popups as text nodes.
 */
;(function () {
  'use strict'
  var root = document.getElementById('search-page')
  if (!root || typeof L === 'undefined' || typeof Supercluster === 'undefined') return
  var page = root
  /** @type {{ results: string, mapNote: string, locating: string, noLocation: string }} */
  var messages = JSON.parse(page.dataset.messages || '{}')
  var origin = page.dataset.origin || ''
  var lang = page.dataset.lang || ''
  var form = /** @type {HTMLFormElement} */ (byId('search'))
  var facetsBox = byId('facets')
  var results = byId('results')
  var mapNote = byId('map-note')
  var numbers = new Intl.NumberFormat(lang)

  /** @param {string} id */
  function byId(id) {
    var node = document.getElementById(id)
    if (!node) throw new Error('the search page has no #' + id)
    return node
  }
  /** @param {string} template @param {number} count */
  function say(template, count) { return template.replace('{count}', numbers.format(count)) }
  /**
   * The server's profileHref (src/http/site/map/view.ts) once more, for the
   * popups only: the points answer carries ids, and a popup opens without a request.
   * @param {string} id
   */
  function profileHref(id) {
    var local = origin + '/orgs/'
    return id.indexOf(local) === 0 ? '/orgs/' + id.slice(local.length) : '/profile?id=' + encodeURIComponent(id)
  }

  // --- the map -------------------------------------------------------------
  /** @typedef {{ count: number, lng: number[], lat: number[], id: string[], name: string[] }} Points the columns of GET /api/search.points */
  /** @typedef {{ i: number }} PointProperties a point's index in its Points */
  /** @typedef {ReturnType<Supercluster<PointProperties>['getClusters']>[number]} Feature */
  /** @typedef {{ points: Points, index: Supercluster<PointProperties> }} Shown the points on the map and their clusters */

  var map = L.map('map', { worldCopyJump: true, keyboard: true }).setView([20, -20], 2)
  var tiles = L.tileLayer(page.dataset.tiles || '', { attribution: page.dataset.attribution, maxZoom: 18 })
  var tileFailed = false
  tiles.on('tileerror', function () {
    if (tileFailed) return
    tileFailed = true
    mapNote.textContent = messages.mapNote
  })
  tiles.addTo(map)
  var layer = L.layerGroup().addTo(map)
  /** @type {Shown | null} */
  var shown = null
  /** @type {Map<string, L.Marker>} */
  var markerById = new Map()
  var firstDraw = true

  /** @param {Points} data */
  function loadPoints(data) {
    /** @type {Array<SuperclusterPoint<PointProperties>>} */
    var features = new Array(data.count)
    for (var i = 0; i < data.count; i++) features[i] = { type: 'Feature', geometry: { type: 'Point', coordinates: [data.lng[i], data.lat[i]] }, properties: { i: i } }
    shown = { points: data, index: new Supercluster({ radius: 60, maxZoom: 16 }).load(features) }
  }

  /** @param {Points} points @param {number} i */
  function popupFor(points, i) {
    var box = document.createElement('div')
    box.setAttribute('class', 'popup')
    var link = document.createElement('a')
    link.setAttribute('href', profileHref(points.id[i]))
    link.textContent = points.name[i]
    box.appendChild(link)
    return box
  }

  /** @param {Supercluster<PointProperties>} index @param {L.LatLngTuple} at @param {SuperclusterClusterProperties} cluster */
  function clusterMarker(index, at, cluster) {
    var n = cluster.point_count
    var size = n < 100 ? 'small' : n < 1000 ? 'medium' : 'large'
    var marker = L.marker(at, {
      icon: L.divIcon({ html: '<span>' + numbers.format(n) + '</span>', className: 'cluster cluster-' + size, iconSize: [40, 40] }),
      title: say(messages.results, n), alt: say(messages.results, n), keyboard: true
    })
    marker.on('click', function () { map.setView(at, Math.min(index.getClusterExpansionZoom(cluster.cluster_id), 18)) })
    return marker
  }

  /** @param {Points} points @param {L.LatLngTuple} at @param {number} i */
  function pointMarker(points, at, i) {
    var marker = L.marker(at, {
      icon: L.divIcon({ html: '', className: 'pin', iconSize: [18, 18] }), title: points.name[i], alt: points.name[i], keyboard: true
    })
    marker.bindPopup(function () { return popupFor(points, i) })
    marker.on('click', function () { highlight(points.id[i], true) })
    markerById.set(points.id[i], marker)
    return marker
  }

  /** @param {Shown} current @param {Feature} feature */
  function markerFor(current, feature) {
    var lngLat = feature.geometry.coordinates
    /** @type {L.LatLngTuple} */
    var at = [lngLat[1], lngLat[0]]
    var properties = feature.properties
    return properties.cluster ? clusterMarker(current.index, at, properties) : pointMarker(current.points, at, properties.i)
  }

  function draw() {
    var current = shown
    if (!current) return
    var b = map.getBounds()
    var west = Math.max(-180, b.getWest())
    var east = Math.min(180, b.getEast())
    if (b.getEast() - b.getWest() >= 360) { west = -180; east = 180 }
    var clusters = current.index.getClusters([west, Math.max(-85, b.getSouth()), east, Math.min(85, b.getNorth())], Math.round(map.getZoom()))
    layer.clearLayers()
    markerById.clear()
    clusters.forEach(function (c) { markerFor(/** @type {Shown} */ (current), c).addTo(layer) })
    page.dataset.clusters = String(clusters.length)
    page.dataset.draws = String(Number(page.dataset.draws || 0) + 1)
    if (firstDraw) {
      firstDraw = false
      performance.mark('tejido:clusters-drawn')
    }
    page.dispatchEvent(new CustomEvent('clusters-drawn', { detail: clusters.length }))
  }
  map.on('moveend', draw)

  /** @param {string} id @param {boolean} fromMap */
  function highlight(id, fromMap) {
    results.querySelectorAll('.hit.active').forEach(function (li) { li.classList.remove('active') })
    markerById.forEach(function (m) {
      var element = m.getElement()
      if (element) element.classList.remove('active')
    })
    var marker = markerById.get(id)
    var pin = marker && marker.getElement()
    if (pin) pin.classList.add('active')
    var item = results.querySelector('.hit[data-id="' + CSS.escape(id) + '"]')
    if (item) {
      item.classList.add('active')
      if (fromMap) item.scrollIntoView({ block: 'nearest' })
    }
  }

  // Listened for on the region, not on each item, since the items are replaced
  // with every search: mouseenter does not bubble, so it is caught on the way down.
  /** @param {Event} event */
  function hitEntered(event) {
    var target = /** @type {Element} */ (event.target)
    var item = event.type === 'mouseenter' ? (target.matches('.hit') ? target : null) : target.closest('.hit')
    var id = item && item.getAttribute('data-id')
    if (id) highlight(id, false)
  }
  results.addEventListener('mouseenter', hitEntered, true)
  results.addEventListener('focusin', hitEntered)

  // --- the list and the facets: the server's, put in place ---------------------
  /**
   * What is inside the page's #facets and #results becomes what is inside the
   * server's: the live region itself stays (the new total is announced), and a
   * facet box that had focus keeps it in its new copy.
   * @param {string} fragment the HTML of GET /fragments/results
   */
  function showResults(fragment) {
    var parsed = document.createElement('template')
    parsed.innerHTML = fragment // inert: nothing in a template runs or loads
    var focused = document.activeElement
    var facet = focused && facetsBox.contains(focused) ? { name: focused.getAttribute('name') || '', value: focused.getAttribute('value') || '' } : null
    replaceInside(facetsBox, parsed.content.getElementById('facets'))
    replaceInside(results, parsed.content.getElementById('results'))
    var again = facet && facetsBox.querySelector('input[name="' + CSS.escape(facet.name) + '"][value="' + CSS.escape(facet.value) + '"]')
    if (again) /** @type {HTMLInputElement} */ (again).focus()
  }
  /** @param {HTMLElement} target @param {HTMLElement | null} source */
  function replaceInside(target, source) {
    if (source) target.replaceChildren(...source.childNodes)
  }

  // --- searching -------------------------------------------------------------
  function query() {
    var params = new URLSearchParams()
    new FormData(form).forEach(function (value, key) { if (typeof value === 'string' && value !== '') params.append(key, value) })
    if (params.get('near') && params.get('radius')) params.set('sort', 'distance')
    else if (!params.get('radius')) params.delete('near')
    return params
  }

  var generation = 0
  function refresh() {
    var params = query()
    var mine = ++generation
    history.replaceState(null, '', params.toString() ? '/?' + params.toString() : '/')
    var listParams = new URLSearchParams(params)
    listParams.set('lang', lang)
    return Promise.all([
      fetch('/fragments/results?' + listParams.toString()).then(function (r) { return r.text().then(function (text) { return { ok: r.ok, text: text } }) }),
      fetch('/api/search.points?' + params.toString()).then(function (r) { return /** @type {Promise<Points>} */ (r.json()) })
    ]).then(function (answers) {
      if (mine !== generation) return // a newer search is on its way
      showResults(answers[0].text)
      if (!answers[0].ok) return // a bad parameter: the server's answer says which, in #total
      loadPoints(answers[1])
      draw()
    })
  }

  /** @type {number | undefined} */
  var timer
  byId('q').addEventListener('input', function () {
    clearTimeout(timer)
    timer = setTimeout(refresh, 200)
  })
  form.addEventListener('change', function (e) { if (/** @type {Element} */ (e.target).id !== 'q') refresh() })
  form.addEventListener('submit', function (e) { e.preventDefault(); refresh() })

  var nearStatus = byId('near-status')
  byId('near-me').addEventListener('click', function () {
    if (!navigator.geolocation) { nearStatus.textContent = messages.noLocation; return }
    nearStatus.textContent = messages.locating
    navigator.geolocation.getCurrentPosition(function (pos) {
      nearStatus.textContent = ''
      var near = /** @type {HTMLInputElement} */ (byId('near'))
      near.value = pos.coords.latitude.toFixed(4) + ',' + pos.coords.longitude.toFixed(4)
      var radius = /** @type {HTMLSelectElement} */ (byId('radius'))
      if (!radius.value) radius.value = '50'
      map.setView([pos.coords.latitude, pos.coords.longitude], 8)
      refresh()
    }, function () { nearStatus.textContent = messages.noLocation })
  })

  // The server rendered the first list; the map needs the points.
  refresh()
})()
