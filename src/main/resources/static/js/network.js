// The 24-hour chart of a substation: fetches its readings as JSON and draws them with ECharts; the
// filter of the outage form's substation list.
(function () {
  'use strict';

  function draw(element) {
    var d = element.dataset;
    fetch(d.url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        if (!data.times || data.times.length === 0) {
          element.classList.add('chart-empty');
          element.textContent = d.empty;
          return;
        }
        var chart = window.echarts.init(element);
        var line = function (name, values, axis) {
          return { name: name, type: 'line', data: values, yAxisIndex: axis, showSymbol: false, smooth: true };
        };
        chart.setOption({
          animation: false,
          tooltip: { trigger: 'axis', renderMode: 'richText' },
          legend: { top: 0 },
          grid: { left: 48, right: 56, top: 64, bottom: 28 },
          xAxis: { type: 'category', data: data.times, boundaryGap: false },
          yAxis: [
            { type: 'value', name: d.unitTemp, scale: true },
            { type: 'value', name: d.unitPressure, scale: true, splitLine: { show: false } }
          ],
          series: [
            line(d.labelPrimarySupply, data.primarySupply, 0),
            line(d.labelPrimaryReturn, data.primaryReturn, 0),
            line(d.labelSecondarySupply, data.secondarySupply, 0),
            line(d.labelSecondaryReturn, data.secondaryReturn, 0),
            line(d.labelPressure, data.pressure, 1)
          ]
        });
        element.setAttribute('data-rendered', 'true');
        window.addEventListener('resize', function () { chart.resize(); });
      })
      .catch(function () {
        element.classList.add('chart-empty');
        element.textContent = d.empty;
      });
  }

  // Shows only the substations whose code, name or communities contain the text. Enter ticks the
  // only match (or moves to the first of several) instead of submitting the form.
  function filter(input) {
    var box = document.getElementById(input.getAttribute('aria-controls'));
    var visible = function () {
      return Array.prototype.filter.call(box.querySelectorAll('label[data-search]'), function (l) { return !l.hidden; });
    };
    var apply = function () {
      var q = input.value.trim().toLowerCase();
      box.querySelectorAll('label[data-search]').forEach(function (l) {
        l.hidden = q !== '' && l.dataset.search.indexOf(q) < 0;
      });
      box.querySelectorAll('.pick-source').forEach(function (g) {
        g.hidden = g.querySelector('label[data-search]:not([hidden])') === null;
      });
      box.querySelector('.pick-empty').hidden = visible().length > 0;
    };
    input.addEventListener('input', apply);
    input.addEventListener('search', apply);
    input.addEventListener('keydown', function (e) {
      if (e.key !== 'Enter') {
        return;
      }
      e.preventDefault();
      var matches = visible();
      if (matches.length === 1) {
        var tick = matches[0].querySelector('input');
        if (!tick.checked) {
          tick.checked = true;
          tick.dispatchEvent(new Event('change', { bubbles: true }));
        }
        input.select();
      }
      else if (matches.length > 1) {
        matches[0].querySelector('input').focus();
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var element = document.getElementById('substation-chart');
    if (element && window.echarts) {
      draw(element);
    }
    var search = document.getElementById('substation-filter');
    if (search) {
      filter(search);
    }
  });
})();
