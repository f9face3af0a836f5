// @ts-check
/*
 * The map of the search page: a Leaflet map of every matching location,
 * clustered with supercluster, drawn again for each search search.js
 * announces (a `search` event on #search-page), and a result and its marker
 * highlighted together. The page works without this script. Listing text
 * reaches the map only as text nodes, in popups.
 */
;(function () {
  'use strict'
  var root = document.getElementById('search-page')
  if (!root || typeof L === 'undefined' || typeof Supercluster === 'undefined') return
  var page = root
  /** @type {{ results: string, mapNote: string }} */
  var messages = JSON.parse(page.dataset.messages || '{}')
  var origin = page.dataset.origin || ''
  var lang = page.dataset.lang || ''
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

  page.classList.add('has-map') // shown from now on: without this script it would be an empty box
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

  // --- what the search page asks of the map (search.js) ------------------------
  var generation = 0
  /** The points of a search, drawn once they come, unless a newer search came first or this one was refused. @param {string} params */
  function showPoints(params) {
    var mine = ++generation
    return fetch('/api/search.points?' + params).then(function (r) {
      // a refused search shows no points, as it lists none (the list says why)
      return r.ok ? /** @type {Promise<Points>} */ (r.json()) : { count: 0, lng: [], lat: [], id: [], name: [] }
    }).then(function (points) {
      if (mine !== generation) return
      loadPoints(points)
      draw()
    })
  }
  page.addEventListener('search', function (e) { showPoints(/** @type {CustomEvent<string>} */ (e).detail) })
  page.addEventListener('located', function (e) {
    var at = /** @type {CustomEvent<L.LatLngTuple>} */ (e).detail
    map.setView(at, 8)
  })
  // a map drawn while hidden (the list tab of a phone) has no size: measure it again when shown
  page.addEventListener('map-shown', function () {
    map.invalidateSize()
    draw()
  })

  // The server rendered the first list; the map needs the points.
  var first = new URLSearchParams(window.location.search)
  first.delete('page')
  first.delete('lang')
  showPoints(first.toString())
})()
