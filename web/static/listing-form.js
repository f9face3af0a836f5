// @ts-check
/*
 * The listing form's small helps (the form works without them):
 * - the error summary takes the focus when the page opens, so a screen
 *   reader hears what to fix first and the keyboard is next to its links;
 * - when the main language changes, its summary box comes into sight
 *   (required, labelled as such) and the previous one goes to "In other
 *   languages", as the server would render it.
 */
;(function () {
  'use strict'
  var summary = document.getElementById('form-errors')
  if (summary) summary.focus()

  var menu = /** @type {HTMLSelectElement | null} */ (document.getElementById('f-defaultLanguage'))
  var slot = document.getElementById('main-summary')
  var others = document.getElementById('other-languages')
  if (!menu || !slot || !others) return
  var main = slot
  var rest = others
  var language = menu

  /** @param {Element} field @param {boolean} isMain */
  function mark(field, isMain) {
    var label = /** @type {HTMLElement | null} */ (field.querySelector('label'))
    var box = field.querySelector('textarea')
    if (label) label.textContent = (isMain ? label.dataset.labelMain : label.dataset.labelOther) || label.textContent
    if (box) box.required = isMain
  }

  language.addEventListener('change', function () {
    var wanted = rest.querySelector('[data-summary="' + CSS.escape(language.value) + '"]')
    if (!wanted) return // a language with no box of its own: the boxes stay as they are
    var current = main.querySelector('[data-summary]')
    if (current) {
      wanted.before(current) // where the wanted one was, among the other languages
      mark(current, false)
    }
    main.append(wanted)
    mark(wanted, true)
  })
})()
