// The dispatch board and the workload view, live (HeatDesk.liveRows): only the rows are fetched again,
// never the dispatch form, which may hold what someone typed. The kind of work chosen in the form asks
// for new suggestions at once.
(function () {
  'use strict';

  document.addEventListener('DOMContentLoaded', function () {
    var live = document.querySelector('[data-board-stream]');
    if (live) { window.HeatDesk.liveRows(live, 300); }
    // the first suggestion (or, to re-dispatch, the reason) has the focus, so Enter dispatches; set
    // here as well as by autofocus, which a browser skips in some cases (an address with a #part)
    var form = document.getElementById('dispatch-form');
    if (form) {
      var first = form.querySelector('#reason') || form.querySelector('ol.suggestions button:not([disabled])');
      if (first) { first.focus(); }
    }
    var kind = document.getElementById('kind');
    if (kind && kind.form) {
      kind.addEventListener('change', function () { kind.form.submit(); });
    }
  });
})();
