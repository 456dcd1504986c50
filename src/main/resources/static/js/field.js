/*
 * The technician's phone: deadlines counting down, the call button, and the steps of a job sent to
 * /api/v1/field/jobs/{id}/steps through an outbox that survives a lost connection.
 *
 * Every step gets its id (a UUID) and its time (the phone's clock) when the button is pressed, and
 * is written to localStorage before anything is sent. The outbox is sent in order; a step the
 * server has stored is removed; a network failure or a 5xx keeps it and tries again (on the
 * browser's "online" event and with a growing pause, 2 s doubling up to 30 s); a refusal (4xx with
 * the API's {code,message}) removes it and shows the message. The server records a step id once,
 * so a step whose answer was lost is simply sent again. Photos travel inside the outbox entry as
 * data URLs (localStorage, about 5 MB per site): a photo over 400 kB is scaled down to 1600 px JPEG
 * first; if the phone still cannot keep it, the technician is told and nothing is queued.
 */
(function () {
  'use strict';

  var OUTBOX = 'heatdesk.field.outbox.v1';
  var REFUSED = 'heatdesk.field.refused.v1';
  var MAX_PAUSE = 30000;

  // What a step leads to, and which steps each status allows next (as the server's rules do).
  var AFTER = { ACCEPT: 'ACCEPTED', DECLINE: 'DECLINED', ON_THE_WAY: 'ON_THE_WAY', ARRIVE: 'ON_SITE',
    DONE: 'DONE', NOT_DONE: 'NOT_DONE' };
  var NEXT = { DISPATCHED: ['ACCEPT', 'DECLINE'], ACCEPTED: ['ON_THE_WAY', 'ARRIVE', 'DECLINE', 'NOT_DONE'],
    ON_THE_WAY: ['ARRIVE', 'NOT_DONE'], ON_SITE: ['DONE', 'NOT_DONE'] };

  // ------------------------------------------------------------------ helpers

  function uuid() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  function format(pattern) {
    var args = Array.prototype.slice.call(arguments, 1);
    return String(pattern).replace(/\{(\d+)\}/g, function (m, i) { return args[i] !== undefined ? args[i] : m; });
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  /** The time of day in the company's zone, as the server's pages write it (not the phone's zone). */
  function hhmm(iso) {
    var zone = document.body.dataset.zone;
    try {
      return new Intl.DateTimeFormat('en-GB', { timeZone: zone || undefined, hour: '2-digit', minute: '2-digit',
        hourCycle: 'h23' }).format(new Date(iso));
    }
    catch (e) {
      var d = new Date(iso);
      return pad(d.getHours()) + ':' + pad(d.getMinutes());
    }
  }

  function read(key) {
    try {
      return JSON.parse(localStorage.getItem(key) || '[]');
    }
    catch (e) {
      return [];
    }
  }

  /** Writes, or answers false when the phone has no room left (the caller says so). */
  function write(key, value) {
    try {
      localStorage.setItem(key, JSON.stringify(value));
      return true;
    }
    catch (e) {
      return false;
    }
  }

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var h = {};
    if (token && header) {
      h[header.content] = token.content;
    }
    return h;
  }

  // ------------------------------------------------------------------ deadlines

  function span(minutes, main) {
    var m = Math.abs(minutes);
    return m >= 60 ? format(main.dataset.hm, Math.floor(m / 60), pad(m % 60)) : format(main.dataset.m, m);
  }

  function tick() {
    var main = document.querySelector('main[data-left]');
    if (!main) {
      return;
    }
    document.querySelectorAll('.job-due[data-due]').forEach(function (el) {
      var left = Math.floor((new Date(el.dataset.due).getTime() - Date.now()) / 60000);
      var text = el.querySelector('.countdown');
      text.textContent = left >= 0 ? format(main.dataset.left, span(left, main)) : format(main.dataset.over, span(left, main));
      el.classList.toggle('bad', left < 0);
      el.classList.toggle('warn', left >= 0 && left < 30);
      el.classList.toggle('ok', left >= 30);
    });
  }

  // ------------------------------------------------------------------ the outbox

  var flushing = false;
  var pause = 2000;
  var timer = null;
  var loginNeeded = false;

  function bar() {
    var box = document.getElementById('outbox');
    if (!box) {
      return;
    }
    var n = read(OUTBOX).length;
    var text = box.querySelector('.outbox-text');
    if (n === 0) {
      if (!box.hidden && box.dataset.state === 'pending') {
        text.textContent = box.dataset.sent;
        box.dataset.state = 'sent';
        setTimeout(function () { if (read(OUTBOX).length === 0) { box.hidden = true; } }, 4000);
      }
      return;
    }
    box.hidden = false;
    box.dataset.state = 'pending';
    var s = format(box.dataset.pending, n);
    if (loginNeeded) {
      s += ' · ' + box.dataset.login;
    }
    else if (!navigator.onLine) {
      s += ' · ' + box.dataset.offline;
    }
    else if (flushing) {
      s += ' · ' + box.dataset.sending;
    }
    text.textContent = s;
  }

  function showRefusals() {
    var box = document.getElementById('refusals');
    if (!box) {
      return;
    }
    var list = read(REFUSED);
    box.hidden = list.length === 0;
    box.textContent = '';
    list.forEach(function (r, i) {
      var p = document.createElement('p');
      p.className = 'alert alert-error';
      p.textContent = r.message;
      var ok = document.createElement('button');
      ok.type = 'button';
      ok.className = 'small';
      ok.textContent = '×';
      ok.setAttribute('aria-label', 'OK');
      ok.addEventListener('click', function () {
        var now = read(REFUSED);
        now.splice(i, 1);
        write(REFUSED, now);
        showRefusals();
      });
      p.appendChild(ok);
      box.appendChild(p);
    });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(flush, pause);
    pause = Math.min(pause * 2, MAX_PAUSE);
  }

  function dataUrlToBlob(url) {
    var comma = url.indexOf(',');
    var type = url.slice(5, url.indexOf(';'));
    var bin = atob(url.slice(comma + 1));
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) {
      bytes[i] = bin.charCodeAt(i);
    }
    return new Blob([bytes], { type: type });
  }

  /** Sends one request; answers 'sent', 'refused' (with the message), 'retry' or 'login'. */
  function send(url, init) {
    return fetch(url, init).then(function (r) {
      var type = r.headers.get('Content-Type') || '';
      if (r.redirected || (r.ok && type.indexOf('json') < 0) || r.status === 401) {
        return { outcome: 'login' };
      }
      if (r.ok) {
        return r.json().then(function (body) { return { outcome: 'sent', body: body }; });
      }
      if (r.status >= 500 || r.status === 408 || r.status === 429) {
        return { outcome: 'retry' };
      }
      if (type.indexOf('json') < 0) {
        // a 403 page from the session's guard (an expired CSRF token): signing in again sends it
        return { outcome: 'login' };
      }
      return r.json().then(function (body) {
        // a stale CSRF token is the session's problem, not the step's: keep it for after signing in again
        return { outcome: body && body.code === 'CSRF' ? 'login' : 'refused', body: body };
      }, function () {
        return { outcome: 'retry' };
      });
    }, function () {
      return { outcome: 'retry' };
    });
  }

  function refuse(entry, body) {
    var list = read(REFUSED);
    list.push({ stepId: entry.stepId, jobId: entry.jobId, message: (body && body.message) || String(body && body.code) });
    write(REFUSED, list);
    drop(entry.stepId);
    showRefusals();
    var page = jobPage();
    if (page && String(entry.jobId) === page.dataset.job) {
      render(page);
    }
  }

  function drop(stepId) {
    write(OUTBOX, read(OUTBOX).filter(function (e) { return e.stepId !== stepId; }));
  }

  function sendPhotos(entry, index) {
    if (!entry.photos || index >= entry.photos.length) {
      return Promise.resolve({ outcome: 'sent' });
    }
    var p = entry.photos[index];
    if (p.sent) {
      return sendPhotos(entry, index + 1);
    }
    var form = new FormData();
    form.append('file', dataUrlToBlob(p.dataUrl), p.name);
    // each photo is its own step on the server (idempotent by its id), sent before the finish it belongs to
    form.append('stepId', p.id);
    form.append('takenAt', p.takenAt);
    return send(entry.photosUrl, { method: 'POST', headers: Object.assign({ 'Accept': 'application/json' }, csrf()),
      body: form, credentials: 'same-origin' }).then(function (result) {
      if (result.outcome !== 'sent') {
        return result;
      }
      // mark it sent at once, so a later failure does not send the same photo again
      var all = read(OUTBOX);
      all.forEach(function (e) {
        if (e.stepId === entry.stepId) {
          e.photos[index].sent = true;
          e.photos[index].dataUrl = '';
        }
      });
      write(OUTBOX, all);
      p.sent = true;
      return sendPhotos(entry, index + 1);
    });
  }

  function flush() {
    if (flushing || loginNeeded) {
      return;
    }
    var all = read(OUTBOX);
    if (all.length === 0) {
      pause = 2000;
      bar();
      return;
    }
    flushing = true;
    bar();
    var entry = all[0];
    sendPhotos(entry, 0).then(function (result) {
      if (result.outcome !== 'sent') {
        return result;
      }
      return send(entry.stepsUrl, { method: 'POST', credentials: 'same-origin',
        headers: Object.assign({ 'Content-Type': 'application/json', 'Accept': 'application/json' }, csrf()),
        body: JSON.stringify(entry.body) });
    }).then(function (result) {
      flushing = false;
      if (result.outcome === 'sent') {
        drop(entry.stepId);
        pause = 2000;
        var page = jobPage();
        if (page && String(entry.jobId) === page.dataset.job && result.body && result.body.status) {
          page.dataset.status = result.body.status;
          if (read(OUTBOX).filter(function (e) { return String(e.jobId) === page.dataset.job; }).length === 0) {
            // everything of this job is stored: show the page as the server has it now
            window.location.reload();
            return;
          }
          render(page);
        }
        bar();
        flush();
      }
      else if (result.outcome === 'refused') {
        refuse(entry, result.body);
        bar();
        flush();
      }
      else if (result.outcome === 'login') {
        loginNeeded = true;
        bar();
      }
      else {
        bar();
        later();
      }
    });
  }

  // ------------------------------------------------------------------ the job page

  function jobPage() {
    return document.querySelector('main.job-page[data-job]');
  }

  /** The status once this job's queued steps are counted in: what the technician did, sent or not. */
  function effectiveStatus(page) {
    var status = page.dataset.status;
    read(OUTBOX).forEach(function (e) {
      if (String(e.jobId) === page.dataset.job) {
        status = AFTER[e.body.kind] || status;
      }
    });
    return status;
  }

  function statusName(status) {
    var li = document.querySelector('#status-names li[data-status="' + status + '"]');
    return li ? li.textContent : status;
  }

  function render(page) {
    var status = effectiveStatus(page);
    var allowed = NEXT[status] || [];
    var panel = document.getElementById('steps-panel');
    panel.hidden = false;
    panel.querySelectorAll('[data-step]').forEach(function (el) {
      el.hidden = allowed.indexOf(el.dataset.step) < 0;
    });
    panel.querySelector('[data-for="ENDED"]').hidden = allowed.length > 0;
    var badge = document.getElementById('job-status');
    if (badge) {
      badge.textContent = statusName(status);
    }
    var pending = document.getElementById('pending-steps');
    pending.textContent = '';
    read(OUTBOX).forEach(function (e) {
      if (String(e.jobId) === page.dataset.job) {
        var p = document.createElement('p');
        p.className = 'pending';
        p.dataset.step = e.stepId;
        p.textContent = format(pending.dataset.label, pending.getAttribute('data-kind-' + e.body.kind), hhmm(e.body.occurredAt));
        pending.appendChild(p);
      }
    });
  }

  var photos = [];

  function photoList() {
    var list = document.getElementById('photo-list');
    list.textContent = '';
    photos.forEach(function (p, i) {
      var li = document.createElement('li');
      var img = document.createElement('img');
      img.src = p.dataUrl;
      img.alt = p.name;
      var rm = document.createElement('button');
      rm.type = 'button';
      rm.className = 'small';
      rm.textContent = '×';
      rm.setAttribute('aria-label', p.name);
      rm.addEventListener('click', function () {
        photos.splice(i, 1);
        photoList();
      });
      li.appendChild(img);
      li.appendChild(rm);
      list.appendChild(li);
    });
  }

  function readPhoto(file) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onerror = reject;
      reader.onload = function () {
        var url = reader.result;
        if (file.size <= 400 * 1024) {
          resolve(url);
          return;
        }
        // a camera's photo is several MB: scaled down, it fits the phone's storage while offline
        var img = new Image();
        img.onerror = reject;
        img.onload = function () {
          var scale = Math.min(1, 1600 / Math.max(img.width, img.height));
          var c = document.createElement('canvas');
          c.width = Math.round(img.width * scale);
          c.height = Math.round(img.height * scale);
          c.getContext('2d').drawImage(img, 0, 0, c.width, c.height);
          resolve(c.toDataURL('image/jpeg', 0.8));
        };
        img.src = url;
      };
      reader.readAsDataURL(file);
    });
  }

  function signaturePad(canvas) {
    var ctx = canvas.getContext('2d');
    var drawing = false;
    var last = null;
    var marked = false;
    ctx.lineWidth = 4;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#1f2933';
    function at(e) {
      var r = canvas.getBoundingClientRect();
      return { x: (e.clientX - r.left) * canvas.width / r.width, y: (e.clientY - r.top) * canvas.height / r.height };
    }
    canvas.addEventListener('pointerdown', function (e) {
      drawing = true;
      last = at(e);
      if (canvas.setPointerCapture) {
        try { canvas.setPointerCapture(e.pointerId); } catch (ignored) { /* a synthetic pointer */ }
      }
      e.preventDefault();
    });
    canvas.addEventListener('pointermove', function (e) {
      if (!drawing) {
        return;
      }
      var p = at(e);
      ctx.beginPath();
      ctx.moveTo(last.x, last.y);
      ctx.lineTo(p.x, p.y);
      ctx.stroke();
      last = p;
      marked = true;
      e.preventDefault();
    });
    ['pointerup', 'pointercancel', 'pointerleave'].forEach(function (t) {
      canvas.addEventListener(t, function () { drawing = false; });
    });
    return {
      signed: function () { return marked; },
      png: function () { return canvas.toDataURL('image/png'); },
      clear: function () { ctx.clearRect(0, 0, canvas.width, canvas.height); marked = false; }
    };
  }

  function problem(section, text, field) {
    var box = section.querySelector('.step-error');
    if (box) {
      box.hidden = !text;
      box.textContent = text || '';
    }
    if (field) {
      field.classList.add('invalid');
      field.focus();
    }
    return null;
  }

  function required(section, id) {
    var el = document.getElementById(id);
    var v = el.value.trim();
    el.classList.toggle('invalid', !v);
    return v;
  }

  function wire(page) {
    var checks = document.getElementById('check-texts').dataset;
    var canvas = document.getElementById('signature');
    var pad = canvas ? signaturePad(canvas) : null;
    if (pad) {
      document.getElementById('signature-clear').addEventListener('click', pad.clear);
    }
    var input = document.getElementById('photos');
    if (input) {
      input.addEventListener('change', function () {
        Array.prototype.forEach.call(input.files, function (file) {
          readPhoto(file).then(function (url) {
            photos.push({ id: uuid(), name: file.name || 'photo.jpg', dataUrl: url,
              takenAt: new Date(file.lastModified || Date.now()).toISOString(), sent: false });
            photoList();
          }, function () {
            problem(document.getElementById('finish'), checks.photo, input);
          });
        });
        input.value = '';
      });
    }
    page.querySelectorAll('[data-send]').forEach(function (button) {
      button.addEventListener('click', function () {
        // the moment of the press is the step's time, whenever it reaches the server
        var occurredAt = new Date().toISOString();
        var kind = button.dataset.send;
        var section = button.closest('[data-step]');
        var body = { stepId: uuid(), kind: kind, occurredAt: occurredAt };
        var queued = [];
        if (kind === 'DECLINE') {
          body.reason = required(section, 'decline-reason');
          if (!body.reason) {
            return problem(section, checks.required, document.getElementById('decline-reason'));
          }
        }
        if (kind === 'NOT_DONE') {
          body.reason = required(section, 'not-done-reason');
          if (!body.reason) {
            return problem(section, checks.required, document.getElementById('not-done-reason'));
          }
          var next = document.getElementById('next-visit').value;
          if (next) {
            body.nextVisitAt = new Date(next).toISOString();
          }
        }
        if (kind === 'DONE') {
          body.cause = required(section, 'cause');
          body.workDone = required(section, 'work-done');
          body.partsUsed = document.getElementById('parts-used').value.trim() || null;
          body.signedBy = required(section, 'signed-by');
          if (!body.cause || !body.workDone || !body.signedBy) {
            return problem(section, checks.required, section.querySelector('.invalid'));
          }
          if (!pad.signed()) {
            return problem(section, checks.signature, canvas);
          }
          body.signature = pad.png();
          queued = photos.slice();
        }
        var entry = { stepId: body.stepId, jobId: page.dataset.job, stepsUrl: page.dataset.stepsUrl,
          photosUrl: page.dataset.photosUrl, body: body, photos: queued };
        var all = read(OUTBOX);
        all.push(entry);
        if (!write(OUTBOX, all)) {
          return problem(section, checks.storage, null);
        }
        if (section && section.querySelector('.step-error')) {
          problem(section, null, null);
        }
        if (kind === 'DONE') {
          photos = [];
          photoList();
          pad.clear();
        }
        render(page);
        bar();
        flush();
      });
    });

    var call = document.getElementById('call');
    if (call) {
      call.form.addEventListener('submit', function (e) {
        e.preventDefault();
        fetch(page.dataset.callUrl, { method: 'POST', credentials: 'same-origin',
          headers: Object.assign({ 'Accept': 'application/json' }, csrf()) }).then(function (r) {
          return r.ok ? r.json() : Promise.reject(r);
        }).then(function (body) {
          document.getElementById('phone').textContent = body.display;
          var a = document.createElement('a');
          a.className = 'button big call';
          a.id = 'call-now';
          a.href = 'tel:' + body.tel;
          a.textContent = body.label;
          call.form.replaceWith(a);
          // the phone's dialer opens on the tel: link, as if the technician had tapped it
          a.click();
        }, function () {
          call.form.submit();
        });
      });
    }
    render(page);
  }

  document.addEventListener('DOMContentLoaded', function () {
    tick();
    setInterval(tick, 30000);
    var page = jobPage();
    if (page) {
      wire(page);
    }
    document.querySelectorAll('.outbox-retry').forEach(function (b) {
      b.addEventListener('click', function () {
        loginNeeded = false;
        pause = 2000;
        flush();
      });
    });
    showRefusals();
    bar();
    flush();
  });
  window.addEventListener('online', function () {
    pause = 2000;
    flush();
  });
  window.addEventListener('offline', bar);
})();
