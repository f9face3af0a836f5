// @ts-check
/*
 * The search map's arithmetic, with no Leaflet and no page: which box of the
 * world a view shows (for "search this area"), where the results are (to fit
 * the map to them), and how markers at the same spot are spread apart. Pure,
 * so tests/unit/map-geometry.test.ts runs it as it is served.
 *
 * Markers at the same spot: supercluster (map.js) groups them until its last
 * zoom, and a click on such a cluster zooms past it; from there each listing
 * is its own marker, and those closer on screen than a marker's width are
 * laid out around the first of them, a ring for a few and a spiral for more,
 * each joined to the true spot by a leg. This is what people know from
 * Leaflet.markercluster's "spiderfy", without its dependency; the layout
 * depends only on the points and their order (the server's), never on the
 * view, so a marker is where the reader last saw it, and each has room to be
 * clicked or focused.
 */
;(/** @param {Window} scope */ function (scope) {
  'use strict'

  /** @param {number} x a longitude, any number of turns around @returns {number} the same in [-180, 180) */
  function wrapWest(x) { return x - 360 * Math.floor((x + 180) / 360) }
  /** @param {number} x @returns {number} the same in (-180, 180]: 180 stays the eastern edge */
  function wrapEast(x) { return -wrapWest(-x) }
  /** @param {number} x @param {number} min @param {number} max */
  function clamp(x, min, max) { return Math.min(max, Math.max(min, x)) }

  /**
   * The box a view shows, as the search's `bbox` reads it (minLng, minLat,
   * maxLng, maxLat): longitudes brought back to the one world (a view across
   * the 180th meridian gives minLng > maxLng, which the engines read as
   * crossing it), latitudes within the poles, rounded outwards to 4 decimals
   * (about 10 m) so what is on the edge of the screen is still in.
   * @param {number} west @param {number} south @param {number} east @param {number} north
   * @returns {[number, number, number, number]}
   */
  function visibleBox(west, south, east, north) {
    var down = function (/** @type {number} */ x) { return Math.floor(x * 1e4) / 1e4 }
    var up = function (/** @type {number} */ x) { return Math.ceil(x * 1e4) / 1e4 }
    var minLat = clamp(down(Math.min(south, north)), -90, 90)
    var maxLat = clamp(up(Math.max(south, north)), -90, 90)
    if (east - west >= 360) return [-180, minLat, 180, maxLat]
    return [clamp(down(wrapWest(west)), -180, 180), minLat, clamp(up(wrapEast(east)), -180, 180), maxLat]
  }

  /**
   * The corners of the smallest box around the points, [[south, west],
   * [north, east]] as Leaflet takes them, or null when there are none.
   * @param {number[]} lng @param {number[]} lat
   * @returns {[[number, number], [number, number]] | null}
   */
  function boundsOf(lng, lat) {
    if (!lng.length) return null
    var west = Infinity, east = -Infinity, south = Infinity, north = -Infinity
    for (var i = 0; i < lng.length; i++) {
      var x = /** @type {number} */ (lng[i]), y = /** @type {number} */ (lat[i])
      if (x < west) west = x
      if (x > east) east = x
      if (y < south) south = y
      if (y > north) north = y
    }
    return [[south, west], [north, east]]
  }

  /**
   * Where n markers go around a spot, in screen pixels from it, at least about
   * `spacing` apart: a circle for up to 8 (starting at the top, clockwise),
   * an Archimedean spiral for more, whose turns are `spacing` apart too.
   * @param {number} n @param {number} spacing
   * @returns {Array<[number, number]>}
   */
  function ringOffsets(n, spacing) {
    /** @type {Array<[number, number]>} */
    var out = []
    if (n <= 8) {
      var r = Math.max(spacing, spacing * n / (2 * Math.PI))
      for (var i = 0; i < n; i++) {
        var a = -Math.PI / 2 + 2 * Math.PI * i / n
        out.push([Math.round(r * Math.cos(a)), Math.round(r * Math.sin(a))])
      }
      return out
    }
    var b = spacing / (2 * Math.PI) // r = b·θ: one turn further out is `spacing` further
    for (var theta = 2 * Math.PI; out.length < n; theta += spacing / (b * theta)) {
      out.push([Math.round(b * theta * Math.cos(theta - Math.PI / 2)), Math.round(b * theta * Math.sin(theta - Math.PI / 2))])
    }
    return out
  }

  /**
   * Markers closer than `gap` pixels, directly or through others, form a
   * group; each group of more than one is laid out around its first member
   * (the lowest index). Items are screen positions in a fixed order; a grid
   * of `gap`-wide cells keeps this linear in their number.
   * @param {Array<{ x: number, y: number }>} items
   * @param {number} gap @param {number} spacing
   * @returns {{ offsets: Array<[number, number]>, groups: Array<{ lead: number, members: number[], ring: Array<[number, number]> }> }}
   *   offsets[i]: where item i is drawn, in pixels from its own position; groups: each spread group, its ring around the lead
   */
  function spreadLayout(items, gap, spacing) {
    var parent = items.map(function (_, i) { return i })
    /** @param {number} i @returns {number} */
    function rootOf(i) {
      while (parent[i] !== i) i = parent[i] = /** @type {number} */ (parent[/** @type {number} */ (parent[i])])
      return i
    }
    /** @type {Map<string, number[]>} */
    var cells = new Map()
    items.forEach(function (p, i) {
      var cx = Math.floor(p.x / gap), cy = Math.floor(p.y / gap)
      for (var dx = -1; dx <= 1; dx++) for (var dy = -1; dy <= 1; dy++) {
        (cells.get((cx + dx) + ':' + (cy + dy)) || []).forEach(function (j) {
          var q = /** @type {{ x: number, y: number }} */ (items[j])
          if (Math.hypot(p.x - q.x, p.y - q.y) >= gap) return
          var a = rootOf(i), b = rootOf(j)
          parent[Math.max(a, b)] = Math.min(a, b) // the lowest index leads
        })
      }
      var key = cx + ':' + cy
      var list = cells.get(key)
      if (list) list.push(i)
      else cells.set(key, [i])
    })
    /** @type {Map<number, number[]>} */
    var byLead = new Map()
    items.forEach(function (_, i) {
      var lead = rootOf(i)
      var members = byLead.get(lead)
      if (members) members.push(i)
      else byLead.set(lead, [i])
    })
    /** @type {Array<[number, number]>} */
    var offsets = items.map(function () { return /** @type {[number, number]} */ ([0, 0]) })
    /** @type {Array<{ lead: number, members: number[], ring: Array<[number, number]> }>} */
    var groups = []
    byLead.forEach(function (members, lead) {
      if (members.length < 2) return
      var centre = /** @type {{ x: number, y: number }} */ (items[lead])
      var ring = ringOffsets(members.length, spacing)
      members.forEach(function (m, k) {
        var own = /** @type {{ x: number, y: number }} */ (items[m])
        var at = /** @type {[number, number]} */ (ring[k])
        offsets[m] = [Math.round(centre.x + at[0] - own.x), Math.round(centre.y + at[1] - own.y)]
      })
      groups.push({ lead: lead, members: members, ring: ring })
    })
    return { offsets: offsets, groups: groups }
  }

  scope.TejidoMapGeometry = { visibleBox: visibleBox, boundsOf: boundsOf, ringOffsets: ringOffsets, spreadLayout: spreadLayout }
})(window)
