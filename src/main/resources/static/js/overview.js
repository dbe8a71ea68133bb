// Tổng quan: the bar chart of tasks by group and status. The figures come from the page itself
// (data-chart on the canvas; no inline script under the CSP); the tables below stay the reference
// and are all a reader without JavaScript needs.
(function () {
  'use strict';
  var COLORS = {
    COMPLETED_ON_TIME: '#2e7d32',
    COMPLETED_LATE: '#e0a100',
    IN_PROGRESS: '#1e63c4',
    OVERDUE: '#b71c1c',
    AWAITING_TRIGGER: '#6a4fb3',
    ONGOING: '#26867c',
    NO_DEADLINE: '#9e9e9e'
  };

  // 1.526 as Vietnamese readers write it
  function num(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  }

  function draw() {
    var canvas = document.getElementById('overview-chart');
    if (!canvas || typeof window.Chart === 'undefined') { return; }
    var spec;
    try { spec = JSON.parse(canvas.getAttribute('data-chart')); } catch (e) { return; }
    if (!spec || !spec.labels || spec.labels.length === 0) { return; }

    var datasets = spec.datasets.map(function (d) {
      var color = d.status === 'ALL'
        ? d.statuses.map(function (s) { return COLORS[s] || '#0b57a4'; })
        : (COLORS[d.status] || '#0b57a4');
      return { label: d.label, data: d.data, backgroundColor: color, borderWidth: 0 };
    });
    var rows = spec.labels.length;
    canvas.parentNode.hidden = false;
    canvas.parentNode.style.height = Math.max(220, 60 + rows * (spec.stacked ? 34 : 30)) + 'px';

    new window.Chart(canvas, {
      type: 'bar',
      data: { labels: spec.labels, datasets: datasets },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { stacked: spec.stacked, beginAtZero: true, ticks: { precision: 0, callback: function (v) { return num(v); } } },
          y: { stacked: spec.stacked }
        },
        plugins: {
          legend: { display: spec.stacked, position: 'bottom' },
          tooltip: {
            callbacks: {
              title: function (items) {
                var i = items[0].dataIndex;
                return spec.titles && spec.titles[i] ? spec.labels[i] + ': ' + spec.titles[i] : spec.labels[i];
              },
              label: function (item) { return item.dataset.label + ': ' + num(item.raw); }
            }
          }
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
