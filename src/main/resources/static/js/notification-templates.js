// The template editor: a placeholder's button inserts it at the cursor; the counter shows characters
// and SMS parts (70 in one Chinese message, 67 each when longer), the signature included.
(function () {
  'use strict';
  function segments(n) { return n === 0 ? 0 : (n <= 70 ? 1 : Math.ceil(n / 67)); }
  function count(area, out) {
    var text = (area.getAttribute('data-signature') || '') + area.value;
    var n = Array.from(text).length;
    out.textContent = (out.getAttribute('data-one') || '{0} / {1}').replace('{0}', n).replace('{1}', segments(n));
  }
  document.addEventListener('DOMContentLoaded', function () {
    var area = document.getElementById('draft-body');
    var out = document.getElementById('counter');
    if (!area || !out) { return; }
    count(area, out);
    area.addEventListener('input', function () { count(area, out); });
    document.querySelectorAll('.placeholders .insert').forEach(function (b) {
      b.addEventListener('click', function () {
        if (area.readOnly) { return; }
        var text = b.getAttribute('data-insert');
        var start = area.selectionStart, end = area.selectionEnd;
        area.value = area.value.slice(0, start) + text + area.value.slice(end);
        area.selectionStart = area.selectionEnd = start + text.length;
        area.focus();
        area.dispatchEvent(new Event('input', { bubbles: true }));
      });
    });
  });
})();
