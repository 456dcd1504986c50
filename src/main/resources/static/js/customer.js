// Customer search: arrow keys move through the results, Enter opens the chosen customer.
(function () {
  'use strict';

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll('[data-keyboard-list] tbody tr[data-href]'));
  }

  function selected(list) {
    for (var i = 0; i < list.length; i++) {
      if (list[i].classList.contains('selected')) {
        return i;
      }
    }
    return -1;
  }

  function select(list, index) {
    list.forEach(function (row, i) {
      row.classList.toggle('selected', i === index);
      row.setAttribute('aria-selected', i === index ? 'true' : 'false');
    });
    if (list[index]) {
      list[index].scrollIntoView({ block: 'nearest' });
    }
  }

  document.addEventListener('keydown', function (event) {
    var box = document.getElementById('q');
    if (!box || (event.target !== box && event.target.id !== 'community')) {
      return;
    }
    var list = rows();
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (list.length === 0) {
        return;
      }
      event.preventDefault();
      var current = selected(list);
      var next = event.key === 'ArrowDown' ? Math.min(list.length - 1, current + 1) : Math.max(0, current - 1);
      select(list, next);
    } else if (event.key === 'Enter') {
      var index = selected(list);
      if (index >= 0 && list.length > 0 && !box.dataset.stale) {
        event.preventDefault();
        window.location.href = list[index].getAttribute('data-href');
      }
    } else if (event.key.length === 1 || event.key === 'Backspace' || event.key === 'Delete') {
      // The results shown belong to the previous text until the new ones arrive.
      box.dataset.stale = '1';
    }
  });

  document.addEventListener('htmx:afterSwap', function (event) {
    if (event.target && event.target.id === 'results') {
      var box = document.getElementById('q');
      if (box) {
        delete box.dataset.stale;
      }
    }
  });

  document.addEventListener('click', function (event) {
    var row = event.target.closest('[data-keyboard-list] tbody tr[data-href]');
    if (row && !event.target.closest('a')) {
      window.location.href = row.getAttribute('data-href');
    }
  });
})();
