// The console's status page: polls /admin/status/figures and draws five uPlot charts. Served from the jar; the page
// has no inline script (CSP: script-src 'self'). Rates are computed here from two polls of cumulative counters, so
// the server keeps no history: the charts start empty when the page opens and hold the last 10 minutes.
(function () {
  'use strict';
  var root = document.getElementById('status-charts');
  if (!root || typeof uPlot === 'undefined') {
    return;
  }
  var url = root.getAttribute('data-figures');
  var interval = parseInt(root.getAttribute('data-interval'), 10) || 5000;
  var KEEP = Math.round(600000 / interval);
  var COLOURS = ['#1f5fa8', '#c2410c', '#15803d', '#7c3aed', '#b91c1c', '#0e7490', '#a16207', '#be185d',
    '#4d7c0f', '#334155'];
  var state = document.getElementById('status-state');
  var now = document.getElementById('status-now');
  var previous = null;
  // One chart per figure: its element, the series names it has now, and the points so far.
  var charts = {
    issued: { el: 'chart-issued', keys: [], rows: {}, xs: [] },
    errors: { el: 'chart-errors', keys: [], rows: {}, xs: [] },
    latency: { el: 'chart-latency', keys: [], rows: {}, xs: [] },
    sessions: { el: 'chart-sessions', keys: [], rows: {}, xs: [] },
    cache: { el: 'chart-cache', keys: [], rows: {}, xs: [] }
  };

  function perMinute(before, after, seconds) {
    var out = {};
    Object.keys(after || {}).forEach(function (key) {
      var was = before && before[key] !== undefined ? before[key] : after[key];
      out[key] = Math.max(0, (after[key] - was) * 60 / seconds);
    });
    return out;
  }

  // The chart fills its figure; uPlot draws on a canvas of a fixed size, so it is resized with the window.
  function width(chart) {
    return Math.max(200, document.getElementById(chart.el).clientWidth);
  }

  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (name) {
      var chart = charts[name];
      if (chart.plot) {
        chart.plot.setSize({ width: width(chart), height: 200 });
      }
    });
  });

  function draw(chart, unit) {
    var data = [chart.xs];
    chart.keys.forEach(function (key) {
      data.push(chart.rows[key]);
    });
    if (chart.plot && chart.plot.series.length === chart.keys.length + 1) {
      chart.plot.setData(data);
      return;
    }
    if (chart.plot) {
      chart.plot.destroy();
    }
    var series = [{}];
    chart.keys.forEach(function (key, i) {
      series.push({ label: key, stroke: COLOURS[i % COLOURS.length], width: 2,
        value: function (u, v) { return v == null ? '–' : v.toFixed(1) + unit; } });
    });
    chart.plot = new uPlot({ width: width(chart), height: 200, series: series, scales: { y: { range: function (u, min, max) {
      return [0, Math.max(1, max * 1.1)];
    } } }, axes: [{}, { size: 50 }] }, data, document.getElementById(chart.el));
  }

  function add(chart, x, values, unit) {
    Object.keys(values).forEach(function (key) {
      if (chart.keys.indexOf(key) < 0) {
        chart.keys.push(key);
        chart.rows[key] = chart.xs.map(function () { return null; });
      }
    });
    chart.xs.push(x);
    chart.keys.forEach(function (key) {
      chart.rows[key].push(values[key] === undefined ? null : values[key]);
    });
    if (chart.xs.length > KEEP) {
      chart.xs.shift();
      chart.keys.forEach(function (key) { chart.rows[key].shift(); });
    }
    draw(chart, unit);
  }

  function sum(values) {
    return Object.keys(values || {}).reduce(function (total, key) { return total + values[key]; }, 0);
  }

  function fact(term, value) {
    var dt = document.createElement('dt');
    dt.textContent = term;
    var dd = document.createElement('dd');
    dd.textContent = value;
    now.appendChild(dt);
    now.appendChild(dd);
  }

  function show(figures) {
    var x = figures.time / 1000;
    var cache = figures.token_cache || {};
    if (previous) {
      var seconds = Math.max(1, (figures.time - previous.time) / 1000);
      var issued = perMinute(previous.tokens_issued, figures.tokens_issued, seconds);
      var errors = perMinute(previous.errors, figures.errors, seconds);
      add(charts.issued, x, issued, '/min');
      add(charts.errors, x, errors, '/min');
      var hits = (cache.hit || 0) - ((previous.token_cache || {}).hit || 0);
      var misses = (cache.miss || 0) - ((previous.token_cache || {}).miss || 0);
      add(charts.cache, x, { 'hit rate': hits + misses > 0 ? 100 * hits / (hits + misses) : null }, '%');
    }
    add(charts.latency, x, figures.p99_ms || {}, ' ms');
    add(charts.sessions, x, { sessions: figures.sessions_active }, '');
    now.textContent = '';
    fact('Tokens issued since start', String(sum(figures.tokens_issued)));
    fact('Token errors since start', String(sum(figures.errors)));
    fact('Active sessions', figures.sessions_active == null ? 'unknown' : String(figures.sessions_active));
    var lookups = (cache.hit || 0) + (cache.miss || 0);
    fact('Cache hit rate since start', lookups ? (100 * (cache.hit || 0) / lookups).toFixed(1) + ' %' : 'no lookups yet');
    var slowest = Object.keys(figures.p99_ms || {}).sort(function (a, b) {
      return figures.p99_ms[b] - figures.p99_ms[a];
    })[0];
    fact('Slowest endpoint (p99)', slowest ? slowest + ': ' + figures.p99_ms[slowest] + ' ms' : 'no requests yet');
    state.textContent = 'Updated ' + new Date(figures.time).toLocaleTimeString() + '.';
    previous = figures;
  }

  function poll() {
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok || (response.headers.get('Content-Type') || '').indexOf('json') < 0) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(show)
      .catch(function (error) {
        state.textContent = 'Could not load the figures (' + error.message + '); retrying.';
      })
      .then(function () { window.setTimeout(poll, interval); });
  }

  poll();
}());
