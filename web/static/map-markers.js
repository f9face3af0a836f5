// @ts-check
/*
 * What the search map draws (map.js decides where and when): a cluster with
 * its count, a listing's pin with its popup, and, where markers at one spot
 * are spread apart (map-geometry.js), the spot itself with a leg to each.
 * Listing text reaches the page only as text nodes.
 *
 * A divIcon's box is iconSize, border included (styles.css: border-box), and
 * Leaflet puts the point at iconAnchor from its top left: half the size, so
 * the point is the circle's centre and the count is centred on it. A spread
 * pin keeps its listing's coordinates and is drawn away from them by moving
 * its anchor, so its popup and its place in the tab order stay its own.
 */
;(/** @param {Window} scope */ function (scope) {
  'use strict'

  var PIN = 18
  var CLUSTER = 40

  /** @param {string} tag @param {string} className @param {string} [text] */
  function element(tag, className, text) {
    var node = document.createElement(tag)
    node.className = className
    if (text !== undefined) node.textContent = text
    return node
  }

  /**
   * @param {{ numbers: Intl.NumberFormat, messages: { results: string, services: string }, profileHref: (id: string) => string, popupTopLeft: { x: number, y: number } }} options
   *   popupTopLeft: how far from the map's top left corner a popup keeps (Leaflet pans it into view); read each time one opens
   */
  function create(options) {
    var numbers = options.numbers
    var messages = options.messages

    /** The popup of point i: its name linking to its profile, where it is, its services in the reader's language. @param {MapPoints} points @param {number} i */
    function popupFor(points, i) {
      var box = element('div', 'popup')
      var title = element('p', 'popup-name')
      var link = element('a', '', points.name[i])
      link.setAttribute('href', options.profileHref(/** @type {string} */ (points.id[i])))
      title.appendChild(link)
      box.appendChild(title)
      var place = points.place[i]
      if (place !== undefined && place >= 0) box.appendChild(element('p', 'popup-place', points.places[place]))
      var services = points.services[i] || []
      if (services.length) {
        var list = element('ul', 'tags popup-services')
        list.setAttribute('aria-label', messages.services)
        services.forEach(function (s) { list.appendChild(element('li', '', points.serviceLabels[s])) })
        box.appendChild(list)
      }
      return box
    }

    /** @param {L.LatLngTuple} at @param {number} count */
    function cluster(at, count) {
      var size = count < 100 ? 'small' : count < 1000 ? 'medium' : 'large'
      var told = messages.results.replace('{count}', numbers.format(count))
      return L.marker(at, {
        icon: L.divIcon({ html: '<span>' + numbers.format(count) + '</span>', className: 'cluster cluster-' + size, iconSize: [CLUSTER, CLUSTER], iconAnchor: [CLUSTER / 2, CLUSTER / 2] }),
        title: told, alt: told, keyboard: true
      })
    }

    /**
     * Point i's pin, drawn `offset` pixels from its coordinates (0, 0 unless spread).
     * @param {MapPoints} points @param {number} i @param {L.LatLngTuple} at @param {[number, number]} offset
     */
    function pin(points, i, at, offset) {
      var dx = offset[0], dy = offset[1]
      var name = /** @type {string} */ (points.name[i])
      var marker = L.marker(at, {
        icon: L.divIcon({ html: '', className: 'pin' + (dx || dy ? ' spread' : ''), iconSize: [PIN, PIN], iconAnchor: [PIN / 2 - dx, PIN / 2 - dy], popupAnchor: [dx, dy - PIN / 2] }),
        title: name, alt: name, keyboard: true
      })
      marker.bindPopup(function () { return popupFor(points, i) }, { autoPanPaddingTopLeft: options.popupTopLeft })
      return marker
    }

    /**
     * The true spot of spread markers: a dot, and a leg to where each is drawn.
     * Not focusable and not clickable: the pins are what the reader uses.
     * @param {L.LatLngTuple} at @param {Array<[number, number]>} ring
     */
    function spot(at, ring) {
      var box = element('div', 'spot-legs')
      box.setAttribute('aria-hidden', 'true')
      ring.forEach(function (r) {
        var leg = element('span', 'leg')
        // set through the CSSOM: the page's CSP allows no style attribute
        leg.style.width = Math.round(Math.hypot(r[0], r[1])) + 'px'
        leg.style.transform = 'rotate(' + Math.atan2(r[1], r[0]) + 'rad)'
        box.appendChild(leg)
      })
      return L.marker(at, {
        icon: L.divIcon({ html: box, className: 'spot', iconSize: [8, 8], iconAnchor: [4, 4] }),
        interactive: false, keyboard: false, zIndexOffset: -1000
      })
    }

    return { cluster: cluster, pin: pin, spot: spot }
  }

  scope.TejidoMapMarkers = { create: create, PIN: PIN }
})(window)
