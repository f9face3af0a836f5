/*
 * The map and search page, enhanced: a Leaflet map of every matching location
 * clustered with supercluster, and list, facets, map and URL kept in step as
 * the reader types. The page works without this script (a GET form).
 * Text from listings only ever reaches the page as text nodes.
 */
;(function () {
  'use strict'
  var root = document.getElementById('search-page')
  if (!root || typeof L === 'undefined' || typeof Supercluster === 'undefined') return
  var messages = JSON.parse(root.dataset.messages)
  var labels = JSON.parse(root.dataset.labels)
  var origin = root.dataset.origin
  var lang = root.dataset.lang
  var form = document.getElementById('search')
  var hitsList = document.getElementById('hits')
  var total = document.getElementById('total')
  var facetsBox = document.getElementById('facets')
  var mapNote = document.getElementById('map-note')
  var languageNames = new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' })
  var regionNames = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' })
  var numbers = new Intl.NumberFormat(lang)

  function say(template, count) { return template.replace('{count}', numbers.format(count)) }
  function profileHref(id) {
    var local = origin + '/orgs/'
    return id.indexOf(local) === 0 ? '/orgs/' + id.slice(local.length) : '/profile?id=' + encodeURIComponent(id)
  }
  function label(facet, value) {
    try {
      if (facet === 'service') return labels.service[value] || value
      if (facet === 'kind') return labels.kind[value] || value
      if (facet === 'language') return languageNames.of(value) || value
      if (facet === 'country') return regionNames.of(value.toUpperCase()) || value
    } catch (e) { /* not a well-formed code: shown as given */ }
    return value
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag)
    for (var k in attrs || {}) node.setAttribute(k, attrs[k])
    if (text !== undefined) node.textContent = text
    return node
  }

  // --- the map -------------------------------------------------------------
  var map = L.map('map', { worldCopyJump: true, keyboard: true }).setView([20, -20], 2)
  var tiles = L.tileLayer(root.dataset.tiles, { attribution: root.dataset.attribution, maxZoom: 18 })
  var tileFailed = false
  tiles.on('tileerror', function () {
    if (tileFailed) return
    tileFailed = true
    mapNote.textContent = messages.mapNote
  })
  tiles.addTo(map)
  var layer = L.layerGroup().addTo(map)
  var index = null
  var points = null
  var markerById = new Map()
  var firstDraw = true

  function loadPoints(data) {
    points = data
    var features = new Array(data.count)
    for (var i = 0; i < data.count; i++) features[i] = { type: 'Feature', geometry: { type: 'Point', coordinates: [data.lng[i], data.lat[i]] }, properties: { i: i } }
    index = new Supercluster({ radius: 60, maxZoom: 16 }).load(features)
  }

  function popupFor(i) {
    var box = el('div', { class: 'popup' })
    var link = el('a', { href: profileHref(points.id[i]) }, points.name[i])
    box.appendChild(link)
    return box
  }

  function draw() {
    if (!index) return
    var b = map.getBounds()
    var west = Math.max(-180, b.getWest())
    var east = Math.min(180, b.getEast())
    if (b.getEast() - b.getWest() >= 360) { west = -180; east = 180 }
    var clusters = index.getClusters([west, Math.max(-85, b.getSouth()), east, Math.min(85, b.getNorth())], Math.round(map.getZoom()))
    layer.clearLayers()
    markerById.clear()
    clusters.forEach(function (c) {
      var lngLat = c.geometry.coordinates
      var marker
      if (c.properties.cluster) {
        var n = c.properties.point_count
        var size = n < 100 ? 'small' : n < 1000 ? 'medium' : 'large'
        marker = L.marker([lngLat[1], lngLat[0]], {
          icon: L.divIcon({ html: '<span>' + numbers.format(n) + '</span>', className: 'cluster cluster-' + size, iconSize: [40, 40] }),
          title: say(messages.results, n), alt: say(messages.results, n), keyboard: true
        })
        marker.on('click', function () { map.setView([lngLat[1], lngLat[0]], Math.min(index.getClusterExpansionZoom(c.properties.cluster_id), 18)) })
      } else {
        var i = c.properties.i
        marker = L.marker([lngLat[1], lngLat[0]], {
          icon: L.divIcon({ html: '', className: 'pin', iconSize: [18, 18] }), title: points.name[i], alt: points.name[i], keyboard: true
        })
        marker.bindPopup(function () { return popupFor(i) })
        marker.on('click', function () { highlight(points.id[i], true) })
        markerById.set(points.id[i], marker)
      }
      marker.addTo(layer)
    })
    root.dataset.clusters = String(clusters.length)
    root.dataset.draws = String(Number(root.dataset.draws || 0) + 1)
    if (firstDraw) {
      firstDraw = false
      performance.mark('tejido:clusters-drawn')
    }
    root.dispatchEvent(new CustomEvent('clusters-drawn', { detail: clusters.length }))
  }
  map.on('moveend', draw)

  function highlight(id, fromMap) {
    hitsList.querySelectorAll('.hit.active').forEach(function (li) { li.classList.remove('active') })
    markerById.forEach(function (m) { if (m.getElement()) m.getElement().classList.remove('active') })
    var marker = markerById.get(id)
    if (marker && marker.getElement()) marker.getElement().classList.add('active')
    var item = hitsList.querySelector('.hit[data-id="' + CSS.escape(id) + '"]')
    if (item) {
      item.classList.add('active')
      if (fromMap) item.scrollIntoView({ block: 'nearest' })
    }
  }

  // --- the list and the facets ----------------------------------------------
  function renderHits(result) {
    total.textContent = say(messages.results, result.total)
    hitsList.textContent = ''
    result.hits.forEach(function (hit) {
      var li = el('li', { class: 'hit', 'data-id': hit.id })
      var h3 = el('h3')
      h3.appendChild(el('a', { href: profileHref(hit.id) }, hit.name))
      li.appendChild(h3)
      li.appendChild(el('p', { class: 'excerpt' }, hit.summary))
      var meta = [labels.kind[hit.kind] || hit.kind]
      if (hit.country) meta.push(label('country', hit.country))
      if (hit.distanceKm !== undefined) meta.push(numbers.format(Math.round(hit.distanceKm)) + ' km')
      li.appendChild(el('p', { class: 'meta' }, meta.join(' · ')))
      li.addEventListener('mouseenter', function () { highlight(hit.id, false) })
      li.addEventListener('focusin', function () { highlight(hit.id, false) })
      hitsList.appendChild(li)
    })
    var none = document.querySelector('#results .none')
    if (none) none.hidden = result.total !== 0
  }

  function renderFacets(result) {
    facetsBox.querySelectorAll('fieldset.facet').forEach(function (fs) {
      var facet = fs.dataset.facet
      var chosen = Array.from(fs.querySelectorAll('input:checked')).map(function (i) { return i.value })
      var counts = result.facets[facet] || {}
      var values = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || (a < b ? -1 : 1) }).slice(0, 12)
      chosen.forEach(function (v) { if (values.indexOf(v) === -1) values.unshift(v) })
      Array.from(fs.querySelectorAll('label')).forEach(function (l) { l.remove() })
      values.forEach(function (v) {
        var lab = el('label')
        var input = el('input', { type: 'checkbox', name: facet, value: v })
        input.checked = chosen.indexOf(v) !== -1
        lab.appendChild(input)
        lab.appendChild(document.createTextNode(' ' + label(facet, v) + ' '))
        lab.appendChild(el('span', { class: 'count' }, numbers.format(counts[v] || 0)))
        fs.appendChild(lab)
      })
    })
  }

  // --- searching -------------------------------------------------------------
  function query() {
    var params = new URLSearchParams()
    new FormData(form).forEach(function (value, key) { if (value !== '') params.append(key, value) })
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
      fetch('/api/search?' + listParams.toString()).then(function (r) { return r.json() }),
      fetch('/api/search.points?' + params.toString()).then(function (r) { return r.json() })
    ]).then(function (answers) {
      if (mine !== generation) return // a newer search is on its way
      if (!answers[0].hits) { total.textContent = answers[0].detail || ''; return }
      renderHits(answers[0])
      renderFacets(answers[0])
      loadPoints(answers[1])
      draw()
    })
  }

  var timer = null
  document.getElementById('q').addEventListener('input', function () {
    clearTimeout(timer)
    timer = setTimeout(refresh, 200)
  })
  form.addEventListener('change', function (e) { if (e.target.id !== 'q') refresh() })
  form.addEventListener('submit', function (e) { e.preventDefault(); refresh() })

  var nearStatus = document.getElementById('near-status')
  document.getElementById('near-me').addEventListener('click', function () {
    if (!navigator.geolocation) { nearStatus.textContent = messages.noLocation; return }
    nearStatus.textContent = messages.locating
    navigator.geolocation.getCurrentPosition(function (pos) {
      nearStatus.textContent = ''
      document.getElementById('near').value = pos.coords.latitude.toFixed(4) + ',' + pos.coords.longitude.toFixed(4)
      var radius = document.getElementById('radius')
      if (!radius.value) radius.value = '50'
      map.setView([pos.coords.latitude, pos.coords.longitude], 8)
      refresh()
    }, function () { nearStatus.textContent = messages.noLocation })
  })

  // The server rendered the first list; the map needs the points.
  refresh()
})()
