// @ts-check
/*
 * "Search this area": once the reader has moved the map (dragged it, zoomed,
 * opened a cluster, used the arrow keys), a button over the map searches the
 * box she sees. The box becomes the form's `bbox` field and the form is told
 * it changed, so search.js runs it like any other change: the list, the
 * facets and the URL follow, and every other filter stays. While the search
 * has an area, "Search everywhere" takes it off again.
 *
 * Moves the page makes itself (fitting the results, near me, a resize, a
 * popup panning into view) are made through `quietly` or are recognised, so
 * they never offer the button.
 */
;(/** @param {Window} scope */ function (scope) {
  'use strict'

  /** @param {string} text @param {string} id */
  function button(text, id) {
    var b = document.createElement('button')
    b.type = 'button'
    b.id = id
    b.textContent = text
    return b
  }

  /** The form's `bbox` field: the server's (a search with an area) or one made now, hidden like it. @param {HTMLFormElement} form */
  function bboxField(form) {
    var input = /** @type {HTMLInputElement | null} */ (form.querySelector('input[name="bbox"]'))
    if (input) return input
    input = document.createElement('input')
    input.type = 'hidden'
    input.name = 'bbox'
    form.appendChild(input)
    return input
  }

  /**
   * @param {L.Map} map
   * @param {HTMLElement} overlay where over the map the buttons go
   * @param {HTMLFormElement} form
   * @param {{ searchArea: string, anywhere: string }} messages
   */
  function attach(map, overlay, form, messages) {
    var geometry = scope.TejidoMapGeometry
    var box = document.createElement('div')
    box.className = 'map-area'
    var here = button(messages.searchArea, 'search-area')
    var anywhere = button(messages.anywhere, 'search-anywhere')
    box.append(here, anywhere)
    overlay.appendChild(box)
    /** @param {boolean} offerHere @param {boolean} offerAnywhere */
    function offer(offerHere, offerAnywhere) {
      here.hidden = !offerHere
      anywhere.hidden = !offerAnywhere
      box.hidden = !offerHere && !offerAnywhere
    }
    offer(false, !!bboxField(form).value)

    /** @param {string} value the new bbox, '' for none */
    function searchWith(value) {
      var input = bboxField(form)
      input.value = value
      // search.js runs a search on any change in the form but the words (which it waits on while typed)
      input.dispatchEvent(new CustomEvent('change', { bubbles: true }))
    }

    var quiet = 0
    var ownPan = false
    var readerMoves = 0
    map.on('autopanstart', function () { ownPan = true }) // a popup making room for itself
    map.on('moveend', function () {
      if (quiet) return
      if (ownPan) { ownPan = false; return }
      readerMoves++
      offer(true, !anywhere.hidden)
    })

    here.addEventListener('click', function () {
      var b = map.getBounds()
      var focused = document.activeElement === here
      offer(false, true)
      if (focused) anywhere.focus() // the pressed button is gone: focus stays in the map's controls
      searchWith(geometry.visibleBox(b.getWest(), b.getSouth(), b.getEast(), b.getNorth()).join(','))
    })
    anywhere.addEventListener('click', function () {
      var focused = document.activeElement === anywhere
      offer(!here.hidden, false)
      if (focused) map.getContainer().focus()
      searchWith('')
    })

    return {
      /** How many times the reader has moved the map so far: a search's results are not framed if she moved it while they came. */
      moves: function () { return readerMoves },
      /** Runs `move` (which moves the map at once: no animation) as the page's own move, not the reader's. @param {() => void} move */
      quietly: function (move) {
        quiet++
        try { move() } finally { quiet-- }
      },
      /** A new search: "Search everywhere" is there while it has an area; a fit to its results ends the offer to search the old view. @param {URLSearchParams} params @param {boolean} refitted */
      searched: function (params, refitted) {
        offer(!here.hidden && !refitted, !!params.get('bbox'))
      }
    }
  }

  scope.TejidoMapArea = { attach: attach }
})(window)
