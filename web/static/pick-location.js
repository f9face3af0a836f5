// @ts-check
/* The location picker on the listing form: a click on the map fills the coordinates; typed coordinates move the marker. */
;(function () {
  'use strict'
  var box = document.getElementById('pick-map')
  var latInput = /** @type {HTMLInputElement | null} */ (document.getElementById('f-location-0-latitude'))
  var lngInput = /** @type {HTMLInputElement | null} */ (document.getElementById('f-location-0-longitude'))
  if (!box || !latInput || !lngInput || typeof L === 'undefined') return
  var lat = latInput
  var lng = lngInput
  var map = L.map(box).setView([15, -30], 2)
  L.tileLayer(box.dataset.tiles || '', { attribution: box.dataset.attribution, maxZoom: 18 }).addTo(map)
  /** @type {L.Marker | null} */
  var marker = null
  /** @param {number} y latitude @param {number} x longitude @param {boolean} pan */
  function place(y, x, pan) {
    if (!isFinite(y) || !isFinite(x) || Math.abs(y) > 90 || Math.abs(x) > 180) return
    if (!marker) marker = L.marker([y, x], { icon: L.divIcon({ html: '', className: 'pin', iconSize: [18, 18] }), keyboard: false }).addTo(map)
    else marker.setLatLng([y, x])
    if (pan) map.setView([y, x], Math.max(map.getZoom(), 8))
  }
  map.on('click', function (e) {
    lat.value = e.latlng.lat.toFixed(5)
    lng.value = e.latlng.lng.toFixed(5)
    place(e.latlng.lat, e.latlng.lng, false)
  })
  function typed() { if (lat.value !== '' && lng.value !== '') place(Number(lat.value), Number(lng.value), true) }
  lat.addEventListener('change', typed)
  lng.addEventListener('change', typed)
  typed()
})()
