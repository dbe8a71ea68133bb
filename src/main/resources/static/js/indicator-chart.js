// Bộ chỉ số: the series chart of one indicator (province figure per period, and the target of each
// period's year). The figures come from data-chart on the canvas (no inline script under the CSP); the
// table below the chart holds the same figures for readers without JavaScript.
(function () {
  'use strict';

  // 1.526 and 71,43 as Vietnamese readers write them
  function num(v, decimals) {
    if (v === null || v === undefined) { return '–'; }
    var parts = Number(v).toFixed(decimals).split('.');
    parts[0] = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    return parts.length > 1 ? parts[0] + ',' + parts[1] : parts[0];
  }

  function draw() {
    var canvas = document.getElementById('indicator-chart');
    if (!canvas || typeof window.Chart === 'undefined') { return; }
    var spec;
    try { spec = JSON.parse(canvas.getAttribute('data-chart')); } catch (e) { return; }
    if (!spec || !spec.labels || spec.labels.length === 0) { return; }
    var unit = spec.unit === '%' ? '%' : ' ' + spec.unit;
    canvas.parentNode.hidden = false;
    var datasets = [{
      label: 'Số liệu toàn tỉnh', data: spec.values, borderColor: '#0b57a4', backgroundColor: '#0b57a4',
      spanGaps: true, tension: 0.2, pointRadius: 3
    }];
    if (spec.targets.some(function (t) { return t !== null; })) {
      datasets.push({
        label: 'Chỉ tiêu', data: spec.targets, borderColor: '#8b0000', backgroundColor: '#8b0000',
        borderDash: [6, 4], pointRadius: 0, stepped: true
      });
    }
    new window.Chart(canvas, {
      type: 'line',
      data: { labels: spec.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { ticks: { callback: function (v) { return num(v, 0) + unit; } } } },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: { label: function (item) { return item.dataset.label + ': ' + num(item.raw, spec.decimals) + unit; } } }
        }
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
