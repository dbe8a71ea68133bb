// Bộ chỉ số, definition form: shows the fields of the chosen kind (entered / computed). Without
// JavaScript every field stays visible and the server ignores the ones that do not apply.
(function () {
  'use strict';
  function update() {
    var kind = document.querySelector('[data-toggle="kind"]');
    if (!kind) { return; }
    document.querySelectorAll('[data-when-kind]').forEach(function (el) {
      el.hidden = el.getAttribute('data-when-kind') !== kind.value;
    });
  }
  function init() {
    var kind = document.querySelector('[data-toggle="kind"]');
    if (kind) { kind.addEventListener('change', update); update(); }
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
