// @ts-check
/*
 * The map of the search page: a Leaflet map of every matching location,
 * clustered with supercluster, drawn again for each search search.js
 * announces (a `search` event on #search-page), and a result and its marker
 * highlighted together. The page works without this script.
 *
 * After a search the map fits its results, unless the search is of an area
 * (the reader's own "search this area", map-area.js, or a link with a
 * `bbox`): then the view is the area and stays where she put it. Markers at
 * one spot are spread apart (map-geometry.js); what is drawn is made in
 * map-markers.js. When tiles cannot load, a notice in the map says so.
 */
;(function () {
  'use strict'
  var root = document.getElementById('search-page')
  if (!root || typeof L === 'undefined' || typeof Supercluster === 'undefined') return
  var page = root
  /** @type {{ results: string, mapNote: string, searchArea: string, anywhere: string, services: string }} */
  var messages = JSON.parse(page.dataset.messages || '{}')
  var origin = page.dataset.origin || ''
  var lang = page.dataset.lang || ''
  var results = byId('results')
  var mapNote = byId('map-note')
  var geometry = window.TejidoMapGeometry
  /** Supercluster's last zoom: past it every point is drawn on its own, and those at one spot are spread. */
  var CLUSTER_MAX_ZOOM = 16
  /** The zoom a fit never passes: a single result (or several in one street) shows its town around it. */
  var FIT_MAX_ZOOM = 13

  /** @param {string} id */
  function byId(id) {
    var node = document.getElementById(id)
    if (!node) throw new Error('the search page has no #' + id)
    return node
  }
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
  /** @typedef {{ i: number }} PointProperties a point's index in its MapPoints */
  /** @typedef {ReturnType<Supercluster<PointProperties>['getClusters']>[number]} Feature */
  /** @typedef {{ points: MapPoints, index: Supercluster<PointProperties> }} Shown the points on the map and their clusters */
  /** @typedef {{ key: string, layer: L.Marker, id?: string }} Drawn a marker on the map, by what it stands for */

  page.classList.add('has-map') // shown from now on: without this script it would be an empty box
  // resizes are followed below, as the page's own moves
  var map = L.map('map', { worldCopyJump: true, keyboard: true, trackResize: false }).setView([20, -20], 2)
  // over the top of the map, clear of the zoom buttons: "search this area", then the tiles notice (in view on a phone too, where the map's foot may not be)
  var overlay = document.createElement('div')
  overlay.className = 'map-overlay'
  // first in the map, so one Tab from the map (after moving it with the arrow keys) reaches "search this area"
  map.getContainer().insertBefore(overlay, map.getContainer().firstChild)
  // a click or a wheel on what is in it is not a click or a zoom on the map
  L.DomEvent.disableClickPropagation(overlay)
  L.DomEvent.disableScrollPropagation(overlay)
  var area = window.TejidoMapArea.attach(map, overlay, /** @type {HTMLFormElement} */ (byId('search')), messages)
  var markers = window.TejidoMapMarkers.create({
    numbers: new Intl.NumberFormat(lang), messages: messages, profileHref: profileHref,
    // a popup opens below the overlay, whatever it holds now: Leaflet reads x and y of this object (a point) each time it pans one into view
    popupTopLeft: { x: 10, get y() { return overlay.offsetHeight + 20 } }
  })
  var tiles = L.tileLayer(page.dataset.tiles || '', { attribution: page.dataset.attribution, maxZoom: 18 })
  showTileNotice()
  tiles.addTo(map)
  var layer = L.layerGroup().addTo(map)
  /** @type {Shown | null} */
  var shown = null
  /** @type {Map<string, Drawn>} what is on the map now, so a redraw keeps what stays (and an open popup with it) */
  var drawn = new Map()
  var firstDraw = true

  /**
   * The notice that tiles could not load, moved into the map's overlay (in
   * the page's flow it would sit under the map's panes); a status, so it is
   * announced once when it says something.
   */
  function showTileNotice() {
    mapNote.classList.add('map-note')
    overlay.appendChild(mapNote)
    tiles.on('tileerror', function () {
      if (mapNote.textContent) return
      mapNote.textContent = messages.mapNote
      page.dataset.tiles = 'failed'
    })
  }

  /** @param {MapPoints} data */
  function loadPoints(data) {
    /** @type {Array<SuperclusterPoint<PointProperties>>} */
    var features = new Array(data.count)
    for (var i = 0; i < data.count; i++) features[i] = { type: 'Feature', geometry: { type: 'Point', coordinates: [data.lng[i], data.lat[i]] }, properties: { i: i } }
    shown = { points: data, index: new Supercluster({ radius: 60, maxZoom: CLUSTER_MAX_ZOOM }).load(features) }
    layer.clearLayers()
    drawn.clear()
  }

  /** @param {Feature} feature @returns {L.LatLngTuple} */
  function latLngOf(feature) { return [feature.geometry.coordinates[1], feature.geometry.coordinates[0]] }

  /**
   * What the view should show, by key: clusters, then single points (spread
   * apart where they meet) and the spots they were spread from.
   * @param {Shown} current @param {Feature[]} features @param {number} zoom
   * @returns {Array<{ key: string, make: () => L.Marker, id?: string }>}
   */
  function wanted(current, features, zoom) {
    /** @type {Array<{ key: string, make: () => L.Marker, id?: string }>} */
    var out = []
    /** @type {Array<{ at: L.LatLngTuple, i: number }>} */
    var singles = []
    features.forEach(function (f) {
      var p = f.properties
      var at = latLngOf(f)
      if (p.cluster) {
        var c = p
        out.push({ key: 'c' + c.cluster_id, make: function () { return clusterMarker(current.index, at, c) } })
      } else singles.push({ at: at, i: p.i })
    })
    // in the server's order, so a spread layout is the same whatever part of it is in view
    singles.sort(function (a, b) { return a.i - b.i })
    var spread = zoom > CLUSTER_MAX_ZOOM ? geometry.spreadLayout(singles.map(function (s) { return map.project(s.at, zoom) }), window.TejidoMapMarkers.PIN + 4, 28) : null
    singles.forEach(function (s, k) {
      var offset = spread ? /** @type {[number, number]} */ (spread.offsets[k]) : /** @type {[number, number]} */ ([0, 0])
      var id = /** @type {string} */ (current.points.id[s.i])
      out.push({ key: 'p' + s.i + '@' + offset.join(','), id: id, make: function () { return pointMarker(current.points, s.at, s.i, offset) } })
    })
    if (spread) spread.groups.forEach(function (g) {
      var lead = /** @type {{ at: L.LatLngTuple, i: number }} */ (singles[g.lead])
      out.push({ key: 's' + lead.i + '/' + g.members.length, make: function () { return markers.spot(lead.at, g.ring) } })
    })
    return out
  }

  /** @param {Supercluster<PointProperties>} index @param {L.LatLngTuple} at @param {SuperclusterClusterProperties} cluster */
  function clusterMarker(index, at, cluster) {
    var marker = markers.cluster(at, cluster.point_count)
    // past supercluster's last zoom no cluster is left: its points are drawn, spread apart if they share a spot
    marker.on('click', function () { map.setView(at, Math.min(index.getClusterExpansionZoom(cluster.cluster_id), 18)) })
    return marker
  }

  /** @param {MapPoints} points @param {L.LatLngTuple} at @param {number} i @param {[number, number]} offset */
  function pointMarker(points, at, i, offset) {
    var marker = markers.pin(points, i, at, offset)
    marker.on('click', function () { highlight(/** @type {string} */ (points.id[i])) })
    return marker
  }

  function draw() {
    var current = shown
    if (!current) return
    var b = map.getBounds()
    var west = Math.max(-180, b.getWest())
    var east = Math.min(180, b.getEast())
    if (b.getEast() - b.getWest() >= 360) { west = -180; east = 180 }
    var zoom = Math.round(map.getZoom())
    var clusters = current.index.getClusters([west, Math.max(-85, b.getSouth()), east, Math.min(85, b.getNorth())], zoom)
    /** @type {Map<string, Drawn>} */
    var next = new Map()
    wanted(current, clusters, zoom).forEach(function (w) {
      var kept = drawn.get(w.key)
      next.set(w.key, kept || { key: w.key, layer: w.make().addTo(layer), id: w.id })
    })
    drawn.forEach(function (d, key) { if (!next.has(key)) layer.removeLayer(d.layer) })
    drawn = next
    page.dataset.clusters = String(clusters.length)
    // the view, as "search this area" would search it (tests and bench:map read these)
    page.dataset.mapZoom = String(zoom)
    page.dataset.mapBox = geometry.visibleBox(b.getWest(), b.getSouth(), b.getEast(), b.getNorth()).join(',')
    page.dataset.draws = String(Number(page.dataset.draws || 0) + 1)
    if (firstDraw) {
      firstDraw = false
      performance.mark('tejido:clusters-drawn')
    }
    page.dispatchEvent(new CustomEvent('clusters-drawn', { detail: clusters.length }))
  }
  map.on('moveend', draw)

  /**
   * The result and its marker marked together. A click on a marker no longer
   * scrolls the page to the result: the list is under the map (a tab of its
   * own on a phone), so scrolling would take away the popup just opened.
   * @param {string} id
   */
  function highlight(id) {
    results.querySelectorAll('.hit.active').forEach(function (li) { li.classList.remove('active') })
    drawn.forEach(function (d) {
      var element = d.layer.getElement()
      if (element && d.id) element.classList.toggle('active', d.id === id)
    })
    var item = results.querySelector('.hit[data-id="' + CSS.escape(id) + '"]')
    if (item) item.classList.add('active')
  }

  // Listened for on the region, not on each item, since the items are replaced
  // with every search: mouseenter does not bubble, so it is caught on the way down.
  /** @param {Event} event */
  function hitEntered(event) {
    var target = /** @type {Element} */ (event.target)
    var item = event.type === 'mouseenter' ? (target.matches('.hit') ? target : null) : target.closest('.hit')
    var id = item && item.getAttribute('data-id')
    if (id) highlight(id)
  }
  results.addEventListener('mouseenter', hitEntered, true)
  results.addEventListener('focusin', hitEntered)

  // --- fitting the view to a search ---------------------------------------------
  /** @type {{ box: [[number, number], [number, number]], exact: boolean } | null} a fit asked for while the map had no size (the list tab of a phone) */
  var pendingFit = null

  /** Shows the box, at once and as the page's own move. @param {[[number, number], [number, number]]} box @param {boolean} exact whether it is an area to show as it is, not results to frame */
  function fit(box, exact) {
    var size = map.getSize()
    if (!size.x || !size.y) { pendingFit = { box: box, exact: exact }; return }
    pendingFit = null
    area.quietly(function () { map.fitBounds(box, exact ? { animate: false } : { padding: [32, 32], maxZoom: FIT_MAX_ZOOM, animate: false }) })
  }

  /**
   * After a search: its results framed (for words naming a place, the place
   * and the results nearest it, as the server chose), or, for a search of an area, the
   * area shown when the page opens with it and left alone after that (the
   * reader is looking at it). Nothing found: the view stays. Not called when
   * the reader moved the map while the points came.
   * @param {URLSearchParams} params @param {MapPoints} points @param {boolean} opening
   * @returns {boolean} whether the view was fitted to the results
   */
  function fitTo(params, points, opening) {
    var bbox = params.get('bbox')
    if (bbox) {
      var b = bbox.split(',').map(Number)
      if (opening && b.length === 4) fit([[/** @type {number} */ (b[1]), /** @type {number} */ (b[0])], [/** @type {number} */ (b[3]), /** @type {number} */ (b[2])]], true)
      return false
    }
    if (!points.count) return false
    // a query naming a place matches far and wide, nearest first: the place and its nearest results are framed
    var box = points.frame ? points.frame.box : geometry.boundsOf(points.lng, points.lat)
    if (box) fit(box, false)
    return !!box
  }

  // --- what the search page asks of the map (search.js) ------------------------
  var generation = 0
  /** The points of a search, drawn once they come, unless a newer search came first or this one was refused. @param {string} query @param {boolean} opening */
  function showPoints(query, opening) {
    var mine = ++generation
    var moves = area.moves()
    var params = new URLSearchParams(query)
    var asked = new URLSearchParams(params)
    asked.set('lang', lang) // popups in the reader's language
    return fetch('/api/search.points?' + asked.toString()).then(function (r) {
      // a refused search shows no points, as it lists none (the list says why)
      return r.ok ? /** @type {Promise<MapPoints>} */ (r.json()) : { count: 0, lng: [], lat: [], id: [], name: [], place: [], places: [], services: [], serviceLabels: [] }
    }).then(function (points) {
      if (mine !== generation) return
      loadPoints(points)
      // the reader moved the map while they came: she is looking somewhere, and the view stays hers
      area.searched(params, area.moves() === moves && fitTo(params, points, opening))
      draw()
    })
  }
  page.addEventListener('search', function (e) { showPoints(/** @type {CustomEvent<string>} */ (e).detail, false) })
  page.addEventListener('located', function (e) {
    var at = /** @type {CustomEvent<L.LatLngTuple>} */ (e).detail
    area.quietly(function () { map.setView(at, 8, { animate: false }) })
  })
  // a map drawn while hidden (the list tab of a phone) has no size: measure it again when shown
  function measure() {
    area.quietly(function () { map.invalidateSize() })
    if (pendingFit) fit(pendingFit.box, pendingFit.exact)
  }
  page.addEventListener('map-shown', function () {
    measure()
    draw()
  })
  window.addEventListener('resize', measure)

  // The server rendered the first list; the map needs the points.
  var first = new URLSearchParams(window.location.search)
  first.delete('page')
  first.delete('lang')
  showPoints(first.toString(), true)
})()
