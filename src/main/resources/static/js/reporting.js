// The report's period picker: the day field for a day, week, month or season, the from and to fields
// for a range. Without this script every field stays visible and the server reads the ones that apply.
(function () {
  'use strict';
  function sync(form) {
    var kind = form.querySelector('#period');
    if (!kind) { return; }
    var range = kind.value === 'range';
    ['from', 'to'].forEach(function (id) {
      var f = form.querySelector('#' + id);
      if (f) { f.closest('label').hidden = !range; }
    });
    var day = form.querySelector('#day');
    if (day) { day.closest('label').hidden = range; }
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form.report-pickers').forEach(function (form) {
      sync(form);
      form.querySelector('#period').addEventListener('change', function () { sync(form); });
    });
  });
})();
