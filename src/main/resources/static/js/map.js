// The map page (staff, viewers and the public investor view): Leaflet layers fetched per viewport and zoom from
// the server (already simplified there), a layer switcher, scale bar, search, popups with links, filters and
// export links that follow the current view. No basemap unless one is configured in the settings.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var el = document.getElementById('map');
    if (!el || typeof L === 'undefined') { return; }
    var api = el.dataset.api;
    var isPublic = el.dataset.audience === 'PUBLIC';
    var labels = {};
    document.querySelectorAll('#map-labels [data-key]').forEach(function (s) { labels[s.dataset.key] = s.textContent; });
    var t = function (k) { return labels[k] || k; };
    var nf = new Intl.NumberFormat('vi-VN');

    var map = L.map(el, { preferCanvas: true, center: [15.36, 108.76], zoom: 12 });
    window.nq57Map = map;
    if (el.dataset.tileUrl) {
      L.tileLayer(el.dataset.tileUrl, { attribution: el.dataset.tileAttribution || '', maxZoom: 20 }).addTo(map);
    }
    L.control.scale({ metric: true, imperial: false }).addTo(map);

    var statusColor = { LEASED: '#c0392b', AVAILABLE: '#27ae60', RESERVED: '#f39c12', CLEARANCE: '#7f8c8d' };
    var infraColor = { ROAD: '#555', POWER_LINE: '#e67e22', WATER: '#2980b9', DRAINAGE: '#16a085', TELECOM: '#8e44ad',
      WASTEWATER_PLANT: '#1abc9c', SUBSTATION: '#d35400', PORT: '#34495e' };

    function esc(s) {
      return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
        return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
      });
    }
    function row(k, v) { return v == null || v === '' ? '' : '<tr><th>' + esc(t(k)) + '</th><td>' + v + '</td></tr>'; }
    function vnDate(iso) { if (!iso) { return ''; } var p = iso.split('-'); return p[2] + '/' + p[1] + '/' + p[0]; }

    function lotPopup(p) {
      var h = '<strong class="popup-title">' + esc(t('code')) + ' ' + esc(p.code) + '</strong>';
      if (p.illustrative) { h += '<div class="illustrative">' + esc(t('illustrative')) + '</div>'; }
      h += '<table class="popup">' + row('zone', esc(p.zone)) + row('landUse', esc(p.landUse)) +
        row('status', esc(t('status.' + p.status))) + row('area', nf.format(p.areaM2));
      if (!isPublic) {
        h += row('enterprise', p.enterpriseId ? '<a class="popup-enterprise" href="/map/enterprises/' + p.enterpriseId + '">' + esc(p.enterprise) + '</a>' : null) +
          row('project', p.projectId ? '<a href="/map/enterprises/' + p.enterpriseId + '">' + esc(p.project) + '</a>' : null) +
          row('contract', esc(p.contractNo)) +
          row('lease', p.leaseFrom ? vnDate(p.leaseFrom) + ' – ' + vnDate(p.leaseTo) : null);
      }
      h += '</table>';
      if (!isPublic) { h += '<a class="popup-lot" href="/map/lots/' + p.id + '">' + esc(t('lotPage')) + '</a>'; }
      return h;
    }
    function pointPopup(p) {
      var h = '<strong class="popup-title">' + esc(p.code) + ' – ' + esc(p.name) + '</strong>';
      if (p.illustrative) { h += '<div class="illustrative">' + esc(t('illustrative')) + '</div>'; }
      h += '<div>' + esc(p.exceeds ? t('exceeds') : t('within')) + '</div>';
      h += '<a href="/map/points/' + p.id + '">' + esc(t('pointPage')) + '</a>';
      if (p.taskId) { h += '<br><a class="popup-task" href="/tasks/' + p.taskId + '">' + esc(t('task')) + ' #' + p.taskId + '</a>'; }
      return h;
    }
    function infraPopup(p) {
      var h = '<strong class="popup-title">' + esc(p.name) + '</strong><div>' + esc(t('infra.' + p.kind)) + '</div>';
      if (p.illustrative) { h += '<div class="illustrative">' + esc(t('illustrative')) + '</div>'; }
      return h;
    }

    var layers = {
      zones: L.geoJSON(null, {
        style: function (f) {
          var ez = f.properties.kind === 'ECONOMIC_ZONE';
          return { color: ez ? '#2c3e50' : '#2471a3', weight: ez ? 3 : 2, dashArray: ez ? '8 6' : null, fill: !ez, fillOpacity: 0.04 };
        },
        onEachFeature: function (f, l) { l.bindPopup('<strong>' + esc(f.properties.name) + '</strong>' + (f.properties.illustrative ? '<div class="illustrative">' + esc(t('illustrative')) + '</div>' : '')); }
      }),
      lots: L.geoJSON(null, {
        style: function (f) { return { color: '#333', weight: 0.6, fillColor: statusColor[f.properties.status] || '#999', fillOpacity: 0.6 }; },
        onEachFeature: function (f, l) { l.bindPopup(lotPopup(f.properties)); l.featureId = f.properties.id; }
      }),
      infra: L.geoJSON(null, {
        style: function (f) { return { color: infraColor[f.properties.kind] || '#888', weight: f.properties.kind === 'ROAD' ? 4 : 2, dashArray: f.properties.kind === 'POWER_LINE' ? '6 4' : null }; },
        pointToLayer: function (f, ll) { return L.circleMarker(ll, { radius: 6, color: infraColor[f.properties.kind] || '#888' }); },
        onEachFeature: function (f, l) { l.bindPopup(infraPopup(f.properties)); }
      }),
      points: L.geoJSON(null, {
        pointToLayer: function (f, ll) {
          return L.circleMarker(ll, { radius: 8, weight: 2, color: '#fff', fillOpacity: 0.95, fillColor: f.properties.exceeds ? '#e74c3c' : '#2ecc71' });
        },
        onEachFeature: function (f, l) { l.bindPopup(pointPopup(f.properties)); l.featureId = f.properties.id; }
      })
    };
    var overlays = {};
    overlays[t('layer.zones')] = layers.zones;
    overlays[t('layer.lots')] = layers.lots;
    overlays[t('layer.infra')] = layers.infra;
    if (!isPublic) { overlays[t('layer.points')] = layers.points; }
    Object.keys(overlays).forEach(function (k) { overlays[k].addTo(map); });
    L.control.layers(null, overlays, { collapsed: false }).addTo(map);

    var form = document.getElementById('map-filters');
    function filters() {
      var q = new URLSearchParams();
      ['status', 'landUse', 'zone'].forEach(function (n) {
        var f = form && form.elements[n];
        if (f && f.value) { q.set(n, f.value); }
      });
      return q;
    }
    function bbox() {
      var b = map.getBounds();
      return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) { return v.toFixed(6); }).join(',');
    }
    var pending = null;
    function load(name, then) {
      if (!map.hasLayer(layers[name])) { if (then) { then(); } return; }
      var q = filters();
      q.set('bbox', bbox());
      q.set('zoom', map.getZoom());
      fetch(api + '/layers/' + name + '?' + q.toString(), { credentials: 'same-origin' })
        .then(function (r) { return r.json(); })
        .then(function (fc) {
          layers[name].clearLayers();
          layers[name].addData(fc);
          el.dataset['loaded' + name] = String(fc.features.length);
          if (then) { then(); }
        });
    }
    function refresh() {
      ['zones', 'lots', 'infra', 'points'].forEach(function (n) { if (n !== 'points' || !isPublic) { load(n, n === 'lots' ? openPending : null); } });
      var q = filters();
      q.set('bbox', bbox());
      ['export-geojson', 'export-xlsx'].forEach(function (id) {
        var a = document.getElementById(id);
        if (a) { a.href = a.href.split('?')[0] + '?' + q.toString(); }
      });
    }
    function openPending() {
      if (!pending) { return; }
      var id = pending;
      layers.lots.eachLayer(function (l) { if (l.featureId === id) { l.openPopup(); pending = null; } });
    }
    map.on('moveend', refresh);
    map.on('overlayadd', refresh);
    if (form) {
      // the filters of the address (a reload, a shared link) apply to the layers too
      var params = new URLSearchParams(window.location.search);
      ['status', 'landUse', 'zone'].forEach(function (n) {
        if (form.elements[n] && params.get(n)) { form.elements[n].value = params.get(n); }
      });
      form.addEventListener('change', function (e) {
        if (e.target.name === 'zone') {
          // the land-fund summary beside the map is the server's: reload it for the zone chosen
          var q = filters();
          window.location.search = q.toString();
          return;
        }
        if (e.target.name !== 'q') { refresh(); }
      });
      form.addEventListener('submit', function (e) { e.preventDefault(); refresh(); });
    }

    // fit the economic zone on first load
    fetch(api + '/layers/zones?zoom=10', { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (fc) {
      if (fc.features.length) {
        // without animation, so the first layers load at once (an animated move ends on a transition event that a
        // background tab or a headless browser may never deliver)
        map.fitBounds(L.geoJSON(fc).getBounds(), { animate: false });
      }
      refresh();
    });

    var search = document.getElementById('map-search');
    var results = document.getElementById('search-results');
    var timer = null;
    if (search) {
      search.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(function () {
          if (search.value.trim().length < 2) { results.innerHTML = ''; return; }
          fetch(api + '/search?q=' + encodeURIComponent(search.value.trim()), { credentials: 'same-origin' })
            .then(function (r) { return r.json(); })
            .then(function (hits) {
              results.innerHTML = hits.length ? '' : '<li class="muted">' + esc(t('noHits')) + '</li>';
              hits.forEach(function (h) {
                var li = document.createElement('li');
                var a = document.createElement('a');
                a.href = h.type === 'lot' ? (isPublic ? '#' : '/map/lots/' + h.id) : '/map/enterprises/' + h.id;
                a.className = 'hit hit-' + h.type;
                a.dataset.id = h.id;
                a.textContent = t('hit.' + h.type) + ': ' + h.label + (h.detail ? ' (' + h.detail + ')' : '');
                if (h.type === 'lot') {
                  a.addEventListener('click', function (e) {
                    e.preventDefault();
                    pending = h.id;
                    map.setView([h.lat, h.lon], 17);
                  });
                }
                li.appendChild(a);
                results.appendChild(li);
              });
            });
        }, 250);
      });
    }
  });
})();
