// The 24-hour chart of a substation: fetches its readings as JSON and draws them with ECharts.
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

  document.addEventListener('DOMContentLoaded', function () {
    var element = document.getElementById('substation-chart');
    if (element && window.echarts) {
      draw(element);
    }
  });
})();
