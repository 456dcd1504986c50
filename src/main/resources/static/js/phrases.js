// Service phrases and the three voices on the desk, and the knowledge panel that suggests articles
// from the description (desk and intake) with the "this answered the caller" mark. No inline script (CSP).
(function () {
  'use strict';

  var CALL_SET = 'GREETING,ACKNOWLEDGE,CLARIFY';
  var COMPLAINT_SET = 'COMPLAINT,APOLOGY';
  var OUTBOUND_SET = 'OUTBOUND';
  var CLOSING_SET = 'CLOSING';
  var PENDING_KEY = 'heatdesk.kb.pending';

  function csrfHeaders(headers) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      headers[header.getAttribute('content')] = token.getAttribute('content');
    }
    return headers;
  }

  function getText(url) {
    return fetch(url, { credentials: 'same-origin', headers: { 'HX-Request': 'true' } }).then(function (r) {
      return r.ok ? r.text() : null;
    }).catch(function () { return null; });
  }

  // ---- phrases on the desk -------------------------------------------------------------------

  var desk = { set: null, name: '', callId: null, before: null };

  function showPhrases(set) {
    var box = document.getElementById('desk-phrases');
    if (!box) { return; }
    desk.set = set;
    box.querySelectorAll('[data-phrase-set]').forEach(function (tab) {
      tab.setAttribute('aria-pressed', tab.getAttribute('data-phrase-set') === set ? 'true' : 'false');
    });
    var url = box.getAttribute('data-phrases-url') + '?scenario=' + encodeURIComponent(set) +
      '&surname=' + encodeURIComponent(desk.name || '');
    getText(url).then(function (html) {
      var target = document.getElementById('phrase-box');
      if (target && html !== null && desk.set === set) {
        target.innerHTML = html;
        target.setAttribute('data-set', set);
      }
    });
  }

  function copy(button) {
    var text = button.getAttribute('data-copy');
    var done = function () {
      document.querySelectorAll('.phrase.copied').forEach(function (b) { b.classList.remove('copied'); });
      button.classList.add('copied');
      button.setAttribute('data-copied', 'true');
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
    } else {
      fallbackCopy(text);
      done();
    }
  }

  // where the clipboard API is refused (an insecure origin), a hidden selection does the same
  function fallbackCopy(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try { document.execCommand('copy'); } catch (e) { /* nothing more to try */ }
    document.body.removeChild(area);
  }

  function loadVoices(callId) {
    var box = document.getElementById('desk-phrases');
    if (!box || !window.htmx) { return; }
    window.htmx.ajax('GET', box.getAttribute('data-voices-url') + '?call=' + encodeURIComponent(callId),
      { target: '#desk-voices-box', swap: 'innerHTML' });
  }

  function momentOf(status) {
    if (status === 'RINGING' || status === 'TALKING') { return CALL_SET; }
    return status ? CLOSING_SET : null;
  }

  function complaintChosen() {
    var type = document.getElementById('ticket-type');
    return type && type.value === 'COMPLAINT';
  }

  function startDeskPhrases(box) {
    showPhrases(CALL_SET);
    box.addEventListener('click', function (event) {
      var tab = event.target.closest('[data-phrase-set]');
      if (tab) { showPhrases(tab.getAttribute('data-phrase-set')); }
    });
    // a new pop: the caller's name, the call's voices, the phrases for where the call is
    document.body.addEventListener('htmx:afterSwap', function (event) {
      var id = event.detail.target.id;
      if (id === 'caller') {
        var who = document.getElementById('pop-customer');
        desk.name = who ? (who.getAttribute('data-name') || '') : '';
        var badge = document.getElementById('pop-status');
        if (badge) {
          var callId = badge.getAttribute('data-call-id');
          if (callId !== desk.callId) {
            desk.callId = callId;
            loadVoices(callId);
          }
          showPhrases(momentOf(badge.getAttribute('data-status')) || CALL_SET);
        }
      } else if (id === 'ticket-outcome') {
        linkMarksToTicket();
      }
    });
    document.addEventListener('heatdesk:call-status', function (event) {
      var c = event.detail;
      if (String(c.callId) !== String(desk.callId)) { return; }
      if (c.status === 'TALKING' && !complaintChosen()) {
        showPhrases(CALL_SET);
      } else if (c.status !== 'RINGING' && c.status !== 'TALKING') {
        showPhrases(CLOSING_SET);
      }
    });
    document.addEventListener('heatdesk:presence', function (event) {
      if (event.detail.state === 'WRAP_UP') { showPhrases(CLOSING_SET); }
    });
    // the ticket type: a complaint brings the complaint and apology phrases
    document.addEventListener('change', function (event) {
      if (event.target.id !== 'ticket-type') { return; }
      if (event.target.value === 'COMPLAINT') {
        showPhrases(COMPLAINT_SET);
      } else if (desk.set === COMPLAINT_SET) {
        showPhrases(CALL_SET);
      }
    });
    // logging a call-back: the outbound phrases while the form is open
    var callback = document.querySelector('.desk-callback');
    if (callback) {
      callback.addEventListener('toggle', function () {
        if (callback.open) {
          desk.before = desk.set;
          showPhrases(OUTBOUND_SET);
        } else if (desk.set === OUTBOUND_SET) {
          showPhrases(desk.before || CALL_SET);
        }
      });
    }
  }

  // ---- knowledge panel: suggestions from the description ------------------------------------

  var timers = {};

  function panelFor(sourceId) {
    var panel = document.getElementById('kb-panel');
    return panel && panel.getAttribute('data-kb-source') === sourceId ? panel : null;
  }

  function suggest(panel, text) {
    var hits = panel.querySelector('.kb-hits');
    var q = (text || '').trim();
    if (q.length < 2) {
      hits.innerHTML = '';
      panel.removeAttribute('data-q');
      return;
    }
    panel.setAttribute('data-q', q);
    getText(panel.getAttribute('data-kb-suggest') + '?q=' + encodeURIComponent(q.slice(0, 200))).then(function (html) {
      // only the answer to the latest words counts; a missing search (404) shows nothing, no error
      if (panel.getAttribute('data-q') !== q) { return; }
      hits.innerHTML = html === null ? '' : html;
      decorate(panel);
      panel.setAttribute('data-loaded', q);
    });
  }

  var ARTICLE = /\/knowledge\/articles\/(\d+)/;

  // every hit gets "open" (new tab) and the mark, whatever the search's own markup offers
  function decorate(panel) {
    var seen = {};
    panel.querySelectorAll('.kb-hits a[href]').forEach(function (a) {
      var m = ARTICLE.exec(a.getAttribute('href'));
      if (!m) { return; }
      a.setAttribute('target', '_blank');
      a.setAttribute('rel', 'noopener');
      var id = m[1];
      if (seen[id]) { return; }
      seen[id] = true;
      var hit = a.closest('[data-article-id], li, article, .hit') || a.parentElement;
      hit.classList.add('kb-hit');
      hit.setAttribute('data-kb-article', id);
      if (hit.querySelector('.kb-actions')) { return; }
      var actions = document.createElement('div');
      actions.className = 'kb-actions';
      var open = document.createElement('a');
      open.className = 'kb-open';
      open.href = a.getAttribute('href');
      open.target = '_blank';
      open.rel = 'noopener';
      open.textContent = panel.getAttribute('data-label-open');
      var mark = document.createElement('button');
      mark.type = 'button';
      mark.className = 'small secondary kb-mark';
      mark.setAttribute('data-article-id', id);
      mark.textContent = panel.getAttribute('data-label-answered');
      if (markedIn(panel)[id]) { showMarked(panel, mark, markedIn(panel)[id]); }
      actions.appendChild(open);
      actions.appendChild(mark);
      hit.appendChild(actions);
    });
  }

  function markedIn(panel) {
    if (!panel.kbMarked) { panel.kbMarked = {}; }
    return panel.kbMarked;
  }

  function showMarked(panel, button, state) {
    button.disabled = true;
    button.classList.add('marked');
    button.textContent = panel.getAttribute(state === 'pending' ? 'data-label-pending' : 'data-label-marked');
  }

  function postMark(url, articleId, ticketNo, contactId) {
    var body = {};
    if (ticketNo) { body.ticketNo = ticketNo; }
    if (contactId) { body.contactId = Number(contactId); }
    return fetch(url + articleId + '/answered', {
      method: 'POST', credentials: 'same-origin',
      headers: csrfHeaders({ 'Content-Type': 'application/json', 'Accept': 'application/json' }),
      body: JSON.stringify(body)
    }).then(function (r) { return r.ok; }).catch(function () { return false; });
  }

  function mark(panel, button) {
    var id = button.getAttribute('data-article-id');
    var contactId = panel.getAttribute('data-contact-id');
    var ticketNo = panel.getAttribute('data-ticket-no');
    var formId = panel.getAttribute('data-kb-form');
    if (formId && !ticketNo) {
      // the intake page has no ticket yet: the mark waits for it (the ticket page sends it)
      var pending = readPending();
      if (pending.ids.indexOf(id) < 0) { pending.ids.push(id); }
      pending.contactId = contactId || null;
      pending.submitted = null;
      sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
      markedIn(panel)[id] = 'pending';
      showMarked(panel, button, 'pending');
      if (!contactId) { return; }
    }
    button.disabled = true;
    postMark(panel.getAttribute('data-kb-answered'), id, ticketNo, contactId).then(function (ok) {
      if (ok) {
        markedIn(panel)[id] = markedIn(panel)[id] || 'marked';
        showMarked(panel, button, markedIn(panel)[id]);
      } else {
        button.disabled = false;
      }
    });
  }

  // the desk recorded a ticket (or answered in the call): the marks made for this call name it
  function linkMarksToTicket() {
    var panel = document.getElementById('kb-panel');
    var recorded = document.getElementById('ticket-recorded');
    if (!panel || !recorded) { return; }
    var ticketNo = recorded.getAttribute('data-ticket-no');
    panel.setAttribute('data-ticket-no', ticketNo);
    Object.keys(markedIn(panel)).forEach(function (id) {
      postMark(panel.getAttribute('data-kb-answered'), id, ticketNo, panel.getAttribute('data-contact-id'));
    });
  }

  function readPending() {
    try {
      var p = JSON.parse(sessionStorage.getItem(PENDING_KEY) || 'null');
      if (p && p.ids) { return p; }
    } catch (e) { /* a broken entry is dropped */ }
    return { ids: [], contactId: null, submitted: null };
  }

  function startPanels() {
    document.addEventListener('input', function (event) {
      var panel = panelFor(event.target.id);
      if (!panel) { return; }
      var source = event.target;
      clearTimeout(timers[source.id]);
      timers[source.id] = setTimeout(function () { suggest(panel, source.value); }, 250);
    });
    document.addEventListener('click', function (event) {
      var button = event.target.closest('.kb-mark');
      if (button && !button.disabled) {
        mark(button.closest('.kb-panel'), button);
        return;
      }
      var phrase = event.target.closest('button.phrase');
      if (phrase) { copy(phrase); }
    });
    var panel = document.getElementById('kb-panel');
    if (panel) {
      var formId = panel.getAttribute('data-kb-form');
      if (formId) {
        // marks not sent with a ticket are stale once a fresh form opens
        var pending = readPending();
        if (!pending.submitted) { sessionStorage.removeItem(PENDING_KEY); }
        var form = document.getElementById(formId);
        if (form) {
          form.addEventListener('submit', function () {
            var p = readPending();
            if (p.ids.length) {
              p.submitted = Date.now();
              sessionStorage.setItem(PENDING_KEY, JSON.stringify(p));
            }
          });
        }
      }
      var source = document.getElementById(panel.getAttribute('data-kb-source'));
      if (source && source.value.trim()) { suggest(panel, source.value); }
    }
  }

  // ---- the ticket page: marks made on the intake form, and the articles used ------------------

  function startTicketPage(section) {
    var ticketNo = section.getAttribute('data-ticket-no');
    var pending = readPending();
    var sends = [];
    if (pending.submitted && Date.now() - pending.submitted < 120000) {
      pending.ids.forEach(function (id) {
        sends.push(postMark(section.getAttribute('data-kb-answered'), id, ticketNo, pending.contactId));
      });
    }
    sessionStorage.removeItem(PENDING_KEY);
    Promise.all(sends).then(function () {
      return getText(section.getAttribute('data-kb-used'));
    }).then(function (html) {
      if (html && html.trim()) {
        section.innerHTML = html;
        section.hidden = false;
      }
      section.setAttribute('data-loaded', 'true');
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var box = document.getElementById('desk-phrases');
    if (box) { startDeskPhrases(box); }
    startPanels();
    var used = document.getElementById('kb-used');
    if (used) { startTicketPage(used); }
  });
})();
