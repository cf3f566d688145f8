// The CX dashboard: every figure comes from /api/cx/* with the same filter. Customer text is shown only as text.
(function () {
  'use strict';
  var charts = {};
  var $ = function (id) { return document.getElementById(id); };
  var pct = function (v) { return v === null || v === undefined ? '–' : Math.round(v * 1000) / 10 + '%'; };
  var num = function (v, digits) { return v === null || v === undefined ? '–' : v.toFixed(digits); };
  var secs = function (v) { return v === null || v === undefined ? '–' : v < 90 ? Math.round(v) + ' s' : Math.round(v / 60) + ' min'; };
  function el(tag, text) { var n = document.createElement(tag); if (text !== undefined) n.textContent = text; return n; }

  function query() {
    var form = new FormData($('filter'));
    var params = new URLSearchParams();
    ['from', 'to', 'lang', 'interval'].forEach(function (k) { if (form.get(k)) params.set(k, form.get(k)); });
    return params.toString();
  }
  function get(path) { return fetch('/api/cx/' + path + '?' + query()).then(function (r) { return r.json(); }); }

  function chart(id, config) {
    if (charts[id]) charts[id].destroy();
    charts[id] = new Chart($(id), config);
  }

  function table(id, headers, rows) {
    var t = $(id);
    t.replaceChildren();
    var head = el('tr');
    headers.forEach(function (h) { head.appendChild(el('th', h)); });
    t.appendChild(head);
    rows.forEach(function (cells) {
      var tr = el('tr');
      cells.forEach(function (c) { tr.appendChild(c instanceof Node ? wrap(c) : el('td', c)); });
      t.appendChild(tr);
    });
  }
  function wrap(node) { var td = el('td'); td.appendChild(node); return td; }
  function sliceRows(slices) { return slices.map(function (s) { return [s.key, String(s.conversations), String(s.rated), pct(s.csat), num(s.mean, 2)]; }); }

  function load() {
    $('export').href = '/api/cx/export/responses.csv?' + query();
    $('export-conversations').href = '/api/cx/export/conversations.csv?' + query();
    get('summary').then(function (m) {
      $('csat').textContent = pct(m.csat);
      $('csat-mean').textContent = 'mean ' + num(m.csatMean, 2) + ' / 5';
      $('response-rate').textContent = pct(m.responseRate);
      $('rated').textContent = m.rated + ' ratings';
      $('containment').textContent = pct(m.containment);
      $('conversations').textContent = m.conversations + ' conversations';
      $('escalation').textContent = pct(m.escalationRate);
      $('wait').textContent = secs(m.medianWaitSeconds);
      $('first-response').textContent = secs(m.medianFirstResponseSeconds);
      $('shift').textContent = m.sentimentShift === null ? '–' : (m.sentimentShift > 0 ? '+' : '') + m.sentimentShift.toFixed(2);
      var reasons = Object.keys(m.escalationReasons);
      chart('reasons-chart', { type: 'bar', data: { labels: reasons, datasets: [{ label: 'escalations', data: reasons.map(function (k) { return m.escalationReasons[k]; }), backgroundColor: '#b56b5c' }] },
        options: { plugins: { legend: { display: false } } } });
    });
    get('trend').then(function (trend) {
      chart('trend-chart', { type: 'line', data: { labels: trend.map(function (t) { return t.key; }), datasets: [
        { label: 'CSAT % (4–5)', data: trend.map(function (t) { return t.csat === null ? null : Math.round(t.csat * 100); }), borderColor: '#7a4f74', yAxisID: 'y' },
        { label: 'ratings', data: trend.map(function (t) { return t.rated; }), borderColor: '#c9a66b', yAxisID: 'y1' }] },
        options: { scales: { y: { min: 0, max: 100 }, y1: { position: 'right', grid: { drawOnChartArea: false } } } } });
    });
    get('breakdown').then(function (b) {
      chart('resolution-chart', { type: 'bar', data: { labels: b.resolvedBy.map(function (s) { return s.key; }), datasets: [
        { label: 'CSAT %', data: b.resolvedBy.map(function (s) { return s.csat === null ? null : Math.round(s.csat * 100); }), backgroundColor: '#6b8e7a' }] },
        options: { scales: { y: { min: 0, max: 100 } }, plugins: { legend: { display: false } } } });
      var headers = ['', 'conversations', 'ratings', 'CSAT', 'mean'];
      table('by-language', headers, sliceRows(b.language));
      table('by-agent', headers, sliceRows(b.agent));
      table('by-article', headers, sliceRows(b.article.slice(0, 15)));
    });
    get('teams').then(function (teams) {
      table('by-team', ['team', 'waited for a person', 'median wait', 'rated', 'CSAT', 'mean'], teams.map(function (t) {
        return [t.team, String(t.conversations), secs(t.medianWaitSeconds), String(t.rated), pct(t.csat), num(t.mean, 2)];
      }));
    });
    get('gaps').then(function (clusters) {
      var list = $('gaps');
      list.replaceChildren();
      clusters.slice(0, 12).forEach(function (c) {
        var item = el('li');
        item.appendChild(el('strong', c.label + ' — ' + c.count + ' question' + (c.count === 1 ? '' : 's') + ' (' + c.languages.join(', ') + ')'));
        item.appendChild(el('div', ''));
        item.lastChild.className = 'examples';
        item.lastChild.textContent = c.examples.join(' · ');
        list.appendChild(item);
      });
    });
    get('low-rated').then(function (rows) {
      table('low-rated', ['CSAT', 'comment', 'language', 'handled by', 'ended', ''], rows.map(function (r) {
        var open = el('button', 'Open transcript');
        open.className = 'link';
        open.addEventListener('click', function () { showTranscript(r.conversationId); });
        return [String(r.csat), r.comment || '', r.language, r.agent || r.resolvedBy, new Date(r.endedAt).toLocaleString(), open];
      }));
    });
  }

  function showTranscript(id) {
    fetch('/api/cx/conversations/' + encodeURIComponent(id)).then(function (r) { return r.json(); }).then(function (t) {
      var list = $('transcript');
      list.replaceChildren();
      t.activities.filter(function (a) { return a.type === 'message'; }).forEach(function (a) {
        var item = el('li');
        item.className = a.from && a.from.role === 'user' ? 'from-customer' : 'from-bot';
        item.appendChild(el('div', (a.from && a.from.role === 'user' ? 'Customer' : (a.from && a.from.name) || 'Bot')));
        item.firstChild.className = 'who';
        var text = el('div', a.text || '');
        text.className = 'text';
        item.appendChild(text);
        list.appendChild(item);
      });
      $('transcript-panel').hidden = false;
      $('transcript-panel').scrollIntoView();
    });
  }

  $('filter').addEventListener('submit', function (e) { e.preventDefault(); load(); });
  load();
})();
