// @ts-check
/*
 * The location picker on the listing form: a place picked from the place
 * name's suggestions (places.js, `place-picked`) fills the name, country
 * and coordinates and shows the pin; a click on the map moves the pin
 * and adjusts the coordinates; typed coordinates ("-8,05" too) move the pin.
 * Typing another name after a pick clears the picked coordinates, so the
 * server finds the new name instead of keeping the old point. The map
 * serves the place last focused (a second place's click fills its own).
 */
;(function () {
  'use strict'
  var box = document.getElementById('pick-map')
  var form = document.getElementById('join')
  /** @param {number} i @param {string} part @returns {HTMLInputElement | null} a field of place i */
  function placeField(i, part) { return /** @type {HTMLInputElement | null} */ (document.getElementById('f-location-' + i + '-' + part)) }
  var latInput = placeField(0, 'latitude')
  var lngInput = placeField(0, 'longitude')
  var nameInput = /** @type {HTMLInputElement | null} */ (document.getElementById('f-location-0-name'))
  var countryInput = /** @type {HTMLInputElement | null} */ (document.getElementById('f-location-0-country'))
  if (!box || !form || !latInput || !lngInput || typeof L === 'undefined') return
  var lat = latInput
  var lng = lngInput
  var map = L.map(box).setView([15, -30], 2)
  L.tileLayer(box.dataset.tiles || '', { attribution: box.dataset.attribution, maxZoom: 18 }).addTo(map)
  /** @type {L.Marker | null} */
  var marker = null
  /** Coordinates filled by a pick, not typed: a new name replaces them. */
  var picked = false

  /** @param {string} text a coordinate with a point or a comma */
  function number(text) { return Number(text.trim().replace(',', '.').replace('\u2212', '-')) }

  /** @param {number} y @param {number} x */
  function setCoordinates(y, x) {
    lat.value = y.toFixed(5)
    lng.value = x.toFixed(5)
  }

  /** @param {number} y latitude @param {number} x longitude @param {boolean} pan */
  function place(y, x, pan) {
    if (!isFinite(y) || !isFinite(x) || Math.abs(y) > 90 || Math.abs(x) > 180) return
    if (!marker) marker = L.marker([y, x], { icon: L.divIcon({ html: '', className: 'pin', iconSize: [18, 18] }), keyboard: false }).addTo(map)
    else marker.setLatLng([y, x])
    if (pan) map.setView([y, x], Math.max(map.getZoom(), 11))
  }
  map.on('click', function (e) {
    setCoordinates(e.latlng.lat, e.latlng.lng)
    picked = false
    place(e.latlng.lat, e.latlng.lng, false)
  })
  function typed() {
    picked = false
    if (lat.value !== '' && lng.value !== '') place(number(lat.value), number(lng.value), true)
  }
  lat.addEventListener('change', typed)
  lng.addEventListener('change', typed)
  if (lat.value !== '' && lng.value !== '') place(number(lat.value), number(lng.value), true)

  // The map serves the place being filled in: focus in another place's fields, and a click sets that place's coordinates.
  form.addEventListener('focusin', function (e) {
    var target = /** @type {Element} */ (e.target)
    if (map.getContainer().contains(target)) return // the map itself, focused by the click that sets the place
    var block = target.closest('fieldset.place')
    var index = block ? Number(block.id.replace('place-', '')) : NaN
    var y = placeField(index, 'latitude')
    var x = placeField(index, 'longitude')
    if (!y || !x || y === lat) return
    lat.removeEventListener('change', typed)
    lng.removeEventListener('change', typed)
    lat = y
    lng = x
    lat.addEventListener('change', typed)
    lng.addEventListener('change', typed)
    if (lat.value !== '' && lng.value !== '') place(number(lat.value), number(lng.value), true)
  })

  form.addEventListener('place-picked', function (e) {
    var found = /** @type {CustomEvent<{ name: string, country: string, latitude: number, longitude: number }>} */ (e).detail
    if (nameInput) nameInput.value = found.name
    if (countryInput) countryInput.value = found.country
    setCoordinates(found.latitude, found.longitude)
    picked = true
    place(found.latitude, found.longitude, true)
  })
  if (nameInput) {
    nameInput.addEventListener('input', function () {
      if (!picked) return
      lat.value = ''
      lng.value = ''
      picked = false
    })
  }
})()
