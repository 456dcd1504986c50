// The agent's desk (screen pop, presence, call status and queue over server-sent events) and the lead's wallboard.
(function () {
  'use strict';

  function mmss(seconds) {
    var s = Math.max(0, Math.round(seconds || 0));
    var m = Math.floor(s / 60);
    var r = s % 60;
    return m + ':' + (r < 10 ? '0' : '') + r;
  }

  function loadCall(desk, id) {
    desk.setAttribute('data-shown-call', id);
    if (window.htmx) {
      window.htmx.ajax('GET', desk.getAttribute('data-pop-url') + id, { target: '#caller', swap: 'innerHTML' });
    }
  }

  // colour only for state, as the server renders the same badges
  var PRESENCE_BADGE = { READY: 'ok', AWAY: 'warn', OFFLINE: 'closed', ON_CALL: 'busy', WRAP_UP: 'busy' };
  var CALL_BADGE = { RINGING: 'warn', TALKING: 'ok' };

  function showPresence(labels, p) {
    // the desk's phrases follow the agent's state (wrap-up: the farewell)
    document.dispatchEvent(new CustomEvent('heatdesk:presence', { detail: p }));
    var badge = document.getElementById('presence-state');
    if (!badge) { return; }
    badge.className = 'badge ' + (PRESENCE_BADGE[p.state] || 'busy');
    badge.setAttribute('data-state', p.state);
    badge.textContent = labels.presence[p.state] || p.state;
    var reason = document.getElementById('presence-reason');
    if (reason) { reason.textContent = p.reason ? (labels.reason[p.reason] || p.reason) : ''; }
  }

  // the last status pushed for each call, for a pop that was still loading when it came
  var callStatus = {};

  function showCallStatus(labels, c) {
    callStatus[c.callId] = c.status;
    // the desk's phrases follow the call (answered: the greeting; ended: the farewell)
    document.dispatchEvent(new CustomEvent('heatdesk:call-status', { detail: c }));
    var badge = document.getElementById('pop-status');
    if (!badge || badge.getAttribute('data-call-id') !== String(c.callId)) { return; }
    badge.className = 'badge ' + (CALL_BADGE[c.status] || 'closed');
    badge.setAttribute('data-status', c.status);
    badge.textContent = labels.call[c.status] || c.status;
  }

  // when the stream (re)connects, fetch once what may have changed while it was not listening:
  // presence, the shown call's status, and a call that rang meanwhile (204 when there is none)
  function resync(desk) {
    replaceFrom(desk.getAttribute('data-presence-url'), 'presence-now');
    var status = document.getElementById('pop-status');
    if (status) {
      replaceFrom(status.getAttribute('data-status-url'), 'pop-status');
    }
    var shown = desk.getAttribute('data-shown-call');
    var url = desk.getAttribute('data-current-url') + (shown ? '?shown=' + encodeURIComponent(shown) : '');
    if (window.htmx) {
      window.htmx.ajax('GET', url, { target: '#caller', swap: 'innerHTML' });
    }
  }

  // a plain badge (no htmx attributes): fetched and put in place of the element with this id,
  // independently of any htmx request in flight on the page (htmx would queue it behind a pop's)
  function replaceFrom(url, id) {
    fetch(url, { credentials: 'same-origin' }).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (html) {
      var el = document.getElementById(id);
      if (!html || !el) { return; }
      var template = document.createElement('template');
      template.innerHTML = html.trim();
      var fresh = template.content.getElementById(id);
      if (fresh) { el.replaceWith(fresh); }
    });
  }

  function startDesk(desk) {
    var labels = JSON.parse(desk.getAttribute('data-labels'));
    var current = document.getElementById('caller').getAttribute('data-current-call');
    if (current) {
      loadCall(desk, current);
    }
    var source = new EventSource(desk.getAttribute('data-desk-stream'));
    source.addEventListener('pop', function (event) {
      var pop = JSON.parse(event.data);
      loadCall(desk, pop.callId);
    });
    source.addEventListener('presence', function (event) {
      showPresence(labels, JSON.parse(event.data));
    });
    source.addEventListener('call', function (event) {
      showCallStatus(labels, JSON.parse(event.data));
    });
    document.body.addEventListener('htmx:afterSwap', function (event) {
      var badge = document.getElementById('pop-status');
      var id = badge ? badge.getAttribute('data-call-id') : null;
      if (event.detail.target.id === 'caller' && id && callStatus[id] && callStatus[id] !== badge.getAttribute('data-status')) {
        showCallStatus(labels, { callId: id, status: callStatus[id] });
      }
    });
    source.addEventListener('queue', function (event) {
      var q = JSON.parse(event.data);
      desk.querySelector('[data-queue="waiting"]').textContent = q.waiting;
      desk.querySelector('[data-queue="longest"]').textContent = mmss(q.longest);
      desk.querySelector('[data-queue="alert"]').classList.toggle('hidden', !q.alert);
    });
    source.addEventListener('hello', function () {
      resync(desk);
      desk.setAttribute('data-stream-open', 'true');
    });
  }

  function pct(v) {
    return v === null || v === undefined ? '—' : v.toFixed(1) + '%';
  }

  function startWallboard(board) {
    var source = new EventSource(board.getAttribute('data-wallboard-stream'));
    source.addEventListener('figures', function (event) {
      var f = JSON.parse(event.data);
      var set = function (name, text) {
        var el = board.querySelector('[data-figure="' + name + '"]');
        if (el) { el.textContent = text; }
      };
      set('waiting', f.waiting);
      set('longest', mmss(f.longestWaitSeconds));
      set('withinLimit', pct(f.withinLimitPercent));
      set('abandonedPercent', pct(f.abandonedPercent));
      set('asa', f.averageAnswerSeconds === null ? '—' : f.averageAnswerSeconds.toFixed(1) + 's');
      set('answered', f.answered);
      set('abandoned', f.abandoned);
      set('offered', f.offered);
      Object.keys(f.byPresence).forEach(function (state) { set('presence-' + state, f.byPresence[state]); });
      board.querySelector('[data-figure="alert"]').classList.toggle('hidden', !f.alert);
      var list = board.querySelector('[data-figure="agents"]');
      var labels = JSON.parse(board.getAttribute('data-presence-labels'));
      list.textContent = '';
      f.agents.forEach(function (a) {
        var item = document.createElement('span');
        item.className = 'wb-agent ' + a.state;
        item.textContent = a.name + ' ' + (a.extension || '') + ' · ' + (labels[a.state] || a.state);
        list.appendChild(item);
      });
      // the company's clock, 24-hour, whatever the wallboard PC's own zone and language
      set('updated', new Date().toLocaleTimeString('zh-CN', { timeZone: board.getAttribute('data-zone') || 'Asia/Shanghai', hour12: false }));
      board.setAttribute('data-updated', 'true');
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var desk = document.querySelector('[data-desk-stream]');
    if (desk) { startDesk(desk); }
    var board = document.querySelector('[data-wallboard-stream]');
    if (board) { startWallboard(board); }
  });
})();
