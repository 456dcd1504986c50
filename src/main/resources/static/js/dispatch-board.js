// The dispatch board and the workload view, live: the server says "changed" over server-sent events
// and the page fetches its rows again (never the dispatch form, which may hold what someone typed);
// on every (re)connection ("hello") it re-syncs, and once a minute it re-renders so the deadlines keep
// counting down. The kind of work chosen in the form asks for new suggestions at once.
(function () {
  'use strict';

  function startLive(live) {
    var offline = document.getElementById('board-offline');
    var pending = null;
    function refresh() {
      pending = null;
      if (window.htmx) {
        window.htmx.ajax('GET', live.getAttribute('data-board-rows'), { target: '#board', swap: 'outerHTML' });
      }
    }
    function soon() {
      if (!pending) { pending = setTimeout(refresh, 300); }
    }
    var source = new EventSource(live.getAttribute('data-board-stream'));
    source.addEventListener('hello', function () {
      offline.classList.add('hidden');
      live.setAttribute('data-stream-open', 'true');
      soon();
    });
    source.addEventListener('changed', soon);
    source.addEventListener('error', function () {
      live.removeAttribute('data-stream-open');
      offline.classList.remove('hidden');
    });
    setInterval(soon, 60000);
  }

  document.addEventListener('DOMContentLoaded', function () {
    var live = document.querySelector('[data-board-stream]');
    if (live) { startLive(live); }
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
