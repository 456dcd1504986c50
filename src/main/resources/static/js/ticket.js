// The overdue board, live: the server says "changed" over server-sent events and the board fetches
// its rows again as its viewer; on every (re)connection ("hello") it re-syncs, and once a minute it
// re-renders so that "overdue by" keeps counting.
(function () {
  'use strict';

  function startBoard(live) {
    var offline = document.getElementById('board-offline');
    var pending = null;
    function refresh() {
      pending = null;
      if (window.htmx) {
        window.htmx.ajax('GET', live.getAttribute('data-board-rows'), { target: '#board', swap: 'outerHTML' });
      }
    }
    // a sweep may move many tickets at once: one fetch for a burst
    function soon() {
      if (!pending) { pending = setTimeout(refresh, 200); }
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
    if (live) { startBoard(live); }
  });
})();
