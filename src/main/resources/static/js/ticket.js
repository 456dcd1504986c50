// The overdue board, live (HeatDesk.liveRows): a sweep may move many tickets at once, one fetch for
// a burst of 200 ms; once a minute it re-renders so that "overdue by" keeps counting.
(function () {
  'use strict';

  document.addEventListener('DOMContentLoaded', function () {
    var live = document.querySelector('[data-board-stream]');
    if (live) { window.HeatDesk.liveRows(live, 200); }
  });
})();
