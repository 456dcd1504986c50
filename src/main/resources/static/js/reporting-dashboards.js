// The service dashboards: each chart is drawn from the table right below it (the table is the data,
// so a chart never shows a number the table does not). No inline script: the page's CSP forbids it.
(function () {
  'use strict';

  function readTable(table, labelCount) {
    var heads = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
    var rows = Array.prototype.map.call(table.querySelectorAll('tbody tr'), function (tr) {
      var cells = tr.querySelectorAll('td');
      var labels = [];
      var values = [];
      for (var i = 0; i < cells.length; i++) {
        if (i < labelCount) {
          labels.push(cells[i].textContent.trim());
        } else {
          var v = cells[i].getAttribute('data-v');
          values.push(v === null || v === '' ? null : Number(v));
        }
      }
      return { labels: labels, values: values };
    });
    return { labelHeads: heads.slice(0, labelCount), valueHeads: heads.slice(labelCount), rows: rows };
  }

  // Colours that mean something: kept green and missed red; offered, answered, abandoned as on the wallboard.
  var COLOURS = {
    'marks': ['#43a047', '#e53935'],
    'calls-by-hour': ['#5470c6', '#43a047', '#e53935'],
    'calls-by-day': ['#5470c6', '#43a047', '#e53935']
  };

  function label(row) {
    return row.labels.join(' · ');
  }

  function axisChart(data, plotted, kind) {
    var horizontal = kind === 'hbar';
    var rows = horizontal ? data.rows.slice(0, 12).reverse() : data.rows;
    var categories = rows.map(label);
    var series = plotted.map(function (c) {
      return {
        name: data.valueHeads[c],
        type: kind === 'line' ? 'line' : 'bar',
        stack: kind === 'stack' ? 'all' : undefined,
        smooth: kind === 'line',
        data: rows.map(function (r) { return r.values[c]; })
      };
    });
    var category = { type: 'category', data: categories, axisLabel: { fontSize: 11, hideOverlap: true } };
    var value = { type: 'value', axisLabel: { fontSize: 11 } };
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { fontSize: 11 } },
      grid: { left: horizontal ? 140 : 44, right: 16, top: 30, bottom: 28 },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: series
    };
  }

  function pieChart(data, plotted) {
    var c = plotted[0];
    return {
      tooltip: { trigger: 'item' },
      legend: { orient: 'vertical', left: 0, top: 'middle', textStyle: { fontSize: 11 } },
      series: [{ type: 'pie', radius: ['35%', '70%'], center: ['62%', '50%'], name: data.valueHeads[c],
        data: data.rows.map(function (r) { return { name: label(r), value: r.values[c] }; })
          .filter(function (d) { return d.value; }) }]
    };
  }

  // The network as a map of rectangles: a substation's communities side by side, each as large as
  // its customers, coloured from green to red by its complaints per 1,000 customers.
  function treemapChart(data, plotted) {
    var size = plotted[0];
    var rate = plotted[1];
    var max = 0;
    data.rows.forEach(function (r) { if (r.values[rate] !== null && r.values[rate] > max) { max = r.values[rate]; } });
    var bySubstation = {};
    var order = [];
    data.rows.forEach(function (r) {
      var s = r.labels[0];
      if (!bySubstation[s]) { bySubstation[s] = []; order.push(s); }
      bySubstation[s].push({ name: r.labels[1], value: [Math.max(r.values[size] || 0, 1), r.values[rate] === null ? 0 : r.values[rate]] });
    });
    return {
      tooltip: {
        formatter: function (p) {
          var v = p.value || [];
          return p.name + '<br>' + data.valueHeads[size] + ': ' + (v[0] || 0) + '<br>' + data.valueHeads[rate] + ': ' + (v[1] || 0);
        }
      },
      visualMap: { type: 'continuous', min: 0, max: max || 1, dimension: 1, seriesIndex: 0, orient: 'horizontal',
        right: 0, top: 0, itemHeight: 120, text: [String(max || 1), '0'], inRange: { color: ['#4caf50', '#ffd54f', '#e53935'] },
        textStyle: { fontSize: 11 } },
      series: [{ type: 'treemap', roam: false, nodeClick: false, breadcrumb: { show: false }, top: 30, bottom: 0, left: 0, right: 0,
        visualDimension: 1, label: { fontSize: 11 }, upperLabel: { show: true, height: 18, fontSize: 11 },
        levels: [{ itemStyle: { borderWidth: 2, borderColor: '#fff', gapWidth: 2 } }, { colorMappingBy: 'value', itemStyle: { gapWidth: 1 } }],
        data: order.map(function (s) { return { name: s, children: bySubstation[s] }; }) }]
    };
  }

  function draw(element) {
    var table = document.getElementById(element.getAttribute('data-table'));
    if (!table || !window.echarts) {
      element.classList.add('chart-none');
      return;
    }
    var kind = element.getAttribute('data-chart');
    var plotted = element.getAttribute('data-plotted').split(',').map(Number);
    var data = readTable(table, Number(element.getAttribute('data-labels')));
    var option = kind === 'pie' ? pieChart(data, plotted) : kind === 'treemap' ? treemapChart(data, plotted) : axisChart(data, plotted, kind);
    option.animation = false;
    if (COLOURS[element.getAttribute('data-table').replace(/-table$/, '')]) {
      option.color = COLOURS[element.getAttribute('data-table').replace(/-table$/, '')];
    }
    var chart = window.echarts.init(element);
    chart.setOption(option);
    element.setAttribute('data-drawn', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.dash-chart[data-table]').forEach(draw);
  });
})();
