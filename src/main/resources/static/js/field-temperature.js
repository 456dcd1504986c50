// The room-temperature form on the technician's phone: rooms added with one tap, the result worked
// out as the readings are typed (the same rules as the server: mean half up to 0.1 °C, the band that
// holds it, price × area × days ÷ season days × percent), and signatures drawn with a finger.
(function () {
  'use strict';
  var form = document.getElementById('test-form');
  if (!form) { return; }
  var d = form.dataset;
  var list = document.getElementById('room-list');
  var measuredAt = document.getElementById('measured-at');

  function fmt(text, args) {
    return text.replace(/\{(\d)\}/g, function (m, i) { return args[+i]; });
  }

  // temperatures as whole tenths, so that 15.2 + 16.0 + 15.7 is exact
  function tenths(value) {
    var v = (value || '').trim().replace('，', '.').replace(',', '.');
    if (!/^-?\d{1,2}(\.\d)?$/.test(v)) { return null; }
    var t = Math.round(parseFloat(v) * 10);
    return t < -100 || t > 400 ? null : t;
  }

  // the mean of whole tenths, half up (away from zero) to a tenth
  function meanTenths(values) {
    var sum = values.reduce(function (a, b) { return a + b; }, 0);
    var n = values.length;
    var q = Math.floor(Math.abs(sum) * 2 / n);
    var r = Math.floor((q + 1) / 2);
    return sum < 0 ? -r : r;
  }

  var bands = (d.bands || '').split(';').filter(Boolean).map(function (b) {
    var p = b.split(':');
    return { from: p[0] === '' ? null : tenths(p[0]), below: tenths(p[1]), percent: +p[2] };
  });

  function percentFor(t) {
    for (var i = 0; i < bands.length; i++) {
      if ((bands[i].from === null || t >= bands[i].from) && t < bands[i].below) { return bands[i].percent; }
    }
    return 0;
  }

  function show(t) {
    return (t < 0 ? '-' : '') + Math.floor(Math.abs(t) / 10) + '.' + (Math.abs(t) % 10);
  }

  function update() {
    var values = [];
    var bad = false;
    list.querySelectorAll('.room-temp').forEach(function (input) {
      if (input.value.trim() === '') { input.classList.remove('invalid'); return; }
      var t = tenths(input.value);
      input.classList.toggle('invalid', t === null);
      if (t === null) { bad = true; } else { values.push(t); }
    });
    var mean = document.getElementById('live-mean');
    var verdict = document.getElementById('live-verdict');
    var refund = document.getElementById('live-refund');
    var box = document.getElementById('live-result');
    box.classList.remove('ok', 'bad');
    if (values.length === 0) {
      mean.textContent = bad ? d.msgRange : d.msgEmpty;
      verdict.textContent = '';
      refund.textContent = '';
      return;
    }
    if (!measuredAt.value) { measuredAt.value = new Date().toISOString(); }
    var m = meanTenths(values);
    var standard = tenths(d.standard);
    mean.textContent = fmt(d.msgMean, [show(m), values.length]);
    if (m >= standard) {
      box.classList.add('ok');
      verdict.textContent = fmt(d.msgMet, [show(standard)]);
      refund.textContent = '';
      return;
    }
    box.classList.add('bad');
    var percent = percentFor(m);
    verdict.textContent = fmt(d.msgBelow, [show(standard), percent]);
    if (d.price && d.area && d.season) {
      var amount = parseFloat(d.price) * parseFloat(d.area) * (+d.days) * percent / ((+d.season) * 100);
      refund.textContent = fmt(d.msgRefund, [(Math.round(amount * 100 + 1e-6) / 100).toFixed(2), d.days]);
    } else {
      refund.textContent = d.msgNoprice;
    }
  }

  function renumber() {
    list.querySelectorAll('.room-row').forEach(function (row, i) {
      row.querySelector('.room-name').placeholder = fmt(d.msgRoom, [i + 1]);
    });
  }

  document.getElementById('add-room').addEventListener('click', function () {
    var rows = list.querySelectorAll('.room-row');
    var row = rows[rows.length - 1].cloneNode(true);
    row.querySelectorAll('input').forEach(function (i) { i.value = ''; i.classList.remove('invalid'); });
    list.appendChild(row);
    renumber();
    row.querySelector('.room-temp').focus();
  });

  list.addEventListener('click', function (e) {
    var button = e.target.closest('.remove-room');
    if (!button) { return; }
    var rows = list.querySelectorAll('.room-row');
    if (rows.length > 1) {
      button.closest('.room-row').remove();
    } else {
      rows[0].querySelectorAll('input').forEach(function (i) { i.value = ''; });
    }
    renumber();
    update();
  });
  list.addEventListener('input', update);

  // signatures: pointer events cover a finger, a stylus and a mouse alike
  var pads = {};
  form.querySelectorAll('.signature-pad').forEach(function (canvas) {
    var ratio = window.devicePixelRatio || 1;
    var width = canvas.clientWidth || canvas.width;
    var height = canvas.clientHeight || canvas.height;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    var ctx = canvas.getContext('2d');
    ctx.scale(ratio, ratio);
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#1f2933';
    var pad = { canvas: canvas, signed: false, drawing: false };
    pads[canvas.id] = pad;
    function point(e) {
      var r = canvas.getBoundingClientRect();
      return { x: (e.clientX - r.left) * width / r.width, y: (e.clientY - r.top) * height / r.height };
    }
    canvas.addEventListener('pointerdown', function (e) {
      e.preventDefault();
      if (canvas.setPointerCapture) { try { canvas.setPointerCapture(e.pointerId); } catch (ignored) { /* synthetic */ } }
      pad.drawing = true;
      var p = point(e);
      ctx.beginPath();
      ctx.moveTo(p.x, p.y);
      ctx.lineTo(p.x + 0.1, p.y + 0.1);
      ctx.stroke();
    });
    canvas.addEventListener('pointermove', function (e) {
      if (!pad.drawing) { return; }
      e.preventDefault();
      var p = point(e);
      ctx.lineTo(p.x, p.y);
      ctx.stroke();
      pad.signed = true;
    });
    function end() {
      if (!pad.drawing) { return; }
      pad.drawing = false;
      canvas.closest('.signature').classList.toggle('signed', pad.signed);
      canvas.closest('.signature').classList.remove('invalid');
    }
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
    canvas.addEventListener('pointerleave', end);
  });
  form.querySelectorAll('.clear-pad').forEach(function (button) {
    button.addEventListener('click', function () {
      var pad = pads[button.dataset.pad];
      pad.canvas.getContext('2d').clearRect(0, 0, pad.canvas.width, pad.canvas.height);
      pad.signed = false;
      pad.canvas.closest('.signature').classList.remove('signed');
    });
  });

  form.addEventListener('submit', function (e) {
    var problems = [];
    ['technician', 'customer'].forEach(function (who) {
      var pad = pads['pad-' + who];
      var input = document.getElementById('sig-' + who);
      input.value = pad.signed ? pad.canvas.toDataURL('image/png') : '';
      if (!pad.signed) {
        pad.canvas.closest('.signature').classList.add('invalid');
        problems.push(d.msgSign);
      }
    });
    var unticked = form.querySelectorAll('.method input[type=checkbox]:not(:checked)').length;
    document.getElementById('method').classList.toggle('invalid', unticked > 0);
    if (unticked > 0) { problems.unshift(d.msgMethod); }
    var error = document.getElementById('client-error');
    if (problems.length) {
      e.preventDefault();
      error.textContent = problems[0];
      error.hidden = false;
      error.scrollIntoView({ block: 'center' });
      return;
    }
    error.hidden = true;
    if (!measuredAt.value) { measuredAt.value = new Date().toISOString(); }
  });

  update();
}());
