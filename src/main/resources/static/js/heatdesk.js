// Keyboard shortcuts, CSRF for htmx requests, confirmations and live rows; no inline script anywhere (CSP).
(function () {
  'use strict';

  document.addEventListener('keydown', function (event) {
    if (!event.altKey || event.ctrlKey || event.metaKey || event.key.length !== 1) {
      return;
    }
    var key = event.key.toLowerCase();
    // the page's own action wins over a navigation entry with the same key (its hint is hidden below)
    var target = document.querySelector('main [data-shortcut="' + key + '"]') ||
      document.querySelector('[data-shortcut="' + key + '"]');
    if (target) {
      event.preventDefault();
      if (target.matches('input, select, textarea')) {
        target.focus();
      } else {
        target.click();
      }
    }
  });

  // a key the page uses for its own action is not offered by the navigation on that page: the nav's
  // hint would promise what the key does not do there
  function yieldNavKeys() {
    var claimed = {};
    document.querySelectorAll('main [data-shortcut]').forEach(function (el) {
      claimed[el.getAttribute('data-shortcut')] = true;
    });
    document.querySelectorAll('.mainnav [data-shortcut]').forEach(function (a) {
      a.classList.toggle('shortcut-yielded', claimed[a.getAttribute('data-shortcut')] === true);
    });
  }
  yieldNavKeys();
  document.addEventListener('htmx:afterSettle', yieldNavKeys);

  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  // Live rows (the overdue board, the dispatch board, the workload view): the server says "changed"
  // over server-sent events and the page fetches its rows again as its viewer, once for a burst; on
  // every (re)connection ("hello") it re-syncs, and once a minute it re-renders so that the times keep
  // counting. The page holds [data-board-stream], [data-board-rows], #board and #board-offline.
  window.HeatDesk = window.HeatDesk || {};
  window.HeatDesk.liveRows = function (live, burstMillis) {
    var offline = document.getElementById('board-offline');
    var pending = null;
    function refresh() {
      pending = null;
      if (window.htmx) {
        window.htmx.ajax('GET', live.getAttribute('data-board-rows'), { target: '#board', swap: 'outerHTML' });
      }
    }
    function soon() {
      if (!pending) { pending = setTimeout(refresh, burstMillis); }
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
  };
})();
