// @ts-check
/* The small map on a profile page: the listing's locations, still shown when tiles cannot load. */
;(function () {
  'use strict'
  var box = document.getElementById('profile-map')
  if (!box || typeof L === 'undefined') return
  /** @type {Array<[number, number, string]>} latitude, longitude and the place's name, as the profile view writes them */
  var points = JSON.parse(box.dataset.points || '[]')
  var map = L.map(box, { scrollWheelZoom: false })
  L.tileLayer(box.dataset.tiles || '', { attribution: box.dataset.attribution, maxZoom: 18 }).addTo(map)
  var markers = points.map(function (p) {
    return L.marker([p[0], p[1]], { icon: L.divIcon({ html: '', className: 'pin', iconSize: [18, 18] }), title: p[2] || '', alt: p[2] || '', keyboard: false })
  })
  var group = L.featureGroup(markers).addTo(map)
  if (points.length === 1) map.setView([points[0][0], points[0][1]], 11)
  else map.fitBounds(group.getBounds().pad(0.3))
})()
