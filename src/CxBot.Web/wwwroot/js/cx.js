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
    $('export-grades').href = '/api/cx/export/handoff-grades.csv?' + query();
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
    get('gaps').then(showGaps);
    loadTaught();
    loadJudgement();
    get('low-rated').then(function (rows) {
      table('low-rated', ['CSAT', 'comment', 'language', 'handled by', 'ended', ''], rows.map(function (r) {
        var open = el('button', 'Open transcript');
        open.className = 'link';
        open.addEventListener('click', function () { showTranscript(r.conversationId); });
        return [String(r.csat), r.comment || '', r.language, r.agent || r.resolvedBy, new Date(r.endedAt).toLocaleString(), open];
      }));
    });
  }

  // Agents' grades of the handoffs they took over: is the bot's judgement drifting?
  var gradeNames = { 'right-call': 'right call', 'not-needed': 'not needed', 'too-late': 'should have come sooner' };
  function loadJudgement() {
    get('handoff-grades').then(function (g) {
      var t = g.total;
      $('not-needed-rate').textContent = pct(t.notNeededRate);
      $('not-needed-count').textContent = t.notNeeded + ' of ' + t.graded + ' graded';
      $('too-late-rate').textContent = pct(t.tooLateRate);
      $('too-late-count').textContent = t.tooLate + ' of ' + t.graded + ' graded';
      $('graded-share').textContent = pct(t.gradedShare);
      $('graded-count').textContent = t.graded + ' of ' + t.handoffs + ' handoffs';
      var rate = function (v) { return v === null ? null : Math.round(v * 1000) / 10; };
      chart('judgement-chart', { data: { labels: g.trend.map(function (s) { return s.key; }), datasets: [
        { type: 'line', label: 'not needed %', data: g.trend.map(function (s) { return rate(s.notNeededRate); }), borderColor: '#b56b5c', yAxisID: 'y' },
        { type: 'line', label: 'too late %', data: g.trend.map(function (s) { return rate(s.tooLateRate); }), borderColor: '#7a4f74', yAxisID: 'y' },
        { type: 'bar', label: 'graded', data: g.trend.map(function (s) { return s.graded; }), backgroundColor: 'rgba(201, 166, 107, .35)', yAxisID: 'y1' }] },
        options: { scales: { y: { min: 0, max: 100, title: { display: true, text: '% of graded' } },
          y1: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false } } } } });
      table('judgement-reasons', ['reason', 'handoffs', 'graded', 'not needed', 'too late'], g.reasons.map(function (s) {
        return [s.key, String(s.handoffs), String(s.graded), pct(s.notNeededRate), pct(s.tooLateRate)];
      }));
      table('judgement-latest', ['grade', 'reason', 'language', 'agent', 'handed over', 'graded', ''], g.latest.map(function (h) {
        var open = el('button', 'Open transcript');
        open.className = 'link';
        open.addEventListener('click', function () { showTranscript(h.conversationId); });
        return [gradeNames[h.grade] || h.grade, h.reason, h.language, h.agentName, new Date(h.handedOverAt).toLocaleString(),
          new Date(h.gradedAt).toLocaleString(), open];
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

  // Teaching: a lead ticks questions of a gap cluster and says which article answers them, or that none should.
  var OUT_OF_SCOPE = '_out-of-scope';
  var articles = null;
  var antiforgery = null;
  function articleList() {
    if (!articles) articles = fetch('/api/cx/articles').then(function (r) { return r.json(); });
    return articles;
  }
  function send(method, path, body) {
    if (!antiforgery) antiforgery = fetch('/api/cx/antiforgery').then(function (r) { return r.json(); });
    return antiforgery.then(function (a) {
      var headers = { 'Content-Type': 'application/json' };
      headers[a.header] = a.token;
      return fetch(path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined });
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (json) {
        if (!r.ok) throw new Error((json.error && json.error.message) || json.detail || ('HTTP ' + r.status));
        return json;
      });
    });
  }
  function title(a) { return a.title.en || a.title.pl || a.id; }
  function articlePicker() {
    var select = el('select');
    select.className = 'teach-article';
    select.appendChild(new Option('— choose an article —', ''));
    select.appendChild(new Option('Out of scope (the bot should say it does not know)', OUT_OF_SCOPE));
    articleList().then(function (list) { list.forEach(function (a) { select.appendChild(new Option(title(a) + ' (' + a.id + ')', a.id)); }); });
    return select;
  }
  function status(text) { $('taught-status').textContent = text; }

  function showGaps(clusters) {
    var list = $('gaps');
    list.replaceChildren();
    clusters.slice(0, 12).forEach(function (c) {
      var item = el('li');
      item.appendChild(el('strong', c.label + ' — ' + c.count + ' question' + (c.count === 1 ? '' : 's') + ' (' + c.languages.join(', ') + ')'));
      var questions = el('ul');
      questions.className = 'questions';
      c.questions.forEach(function (q) {
        var row = el('li');
        var label = el('label');
        var box = el('input');
        box.type = 'checkbox';
        box.checked = true;
        box.dataset.text = q.text;
        box.dataset.language = q.language;
        label.appendChild(box);
        label.appendChild(document.createTextNode(' ' + q.text + ' [' + q.language + ']'));
        row.appendChild(label);
        questions.appendChild(row);
      });
      item.appendChild(questions);
      var teach = el('div');
      teach.className = 'teach';
      var picker = articlePicker();
      var button = el('button', 'Teach');
      button.type = 'button';
      button.className = 'teach-button';
      button.addEventListener('click', function () {
        var chosen = Array.prototype.map.call(questions.querySelectorAll('input:checked'),
          function (b) { return { text: b.dataset.text, language: b.dataset.language }; });
        if (!picker.value) { status('Choose an article (or out of scope) first.'); return; }
        if (chosen.length === 0) { status('Tick at least one question.'); return; }
        button.disabled = true;
        send('POST', '/api/cx/taught', { articleId: picker.value, questions: chosen }).then(function (r) {
          status('Taught ' + r.taught.length + ' question' + (r.taught.length === 1 ? '' : 's') + ' as ' + picker.options[picker.selectedIndex].text + '.');
          return get('gaps').then(showGaps).then(loadTaught);
        }).catch(function (e) { status('Not taught: ' + e.message); button.disabled = false; });
      });
      teach.appendChild(el('span', 'These are'));
      teach.appendChild(picker);
      teach.appendChild(button);
      item.appendChild(teach);
      list.appendChild(item);
    });
  }

  function loadTaught() {
    fetch('/api/cx/taught').then(function (r) { return r.json(); }).then(function (rows) {
      table('taught', ['question', 'language', 'taught as', 'by', 'when', ''], rows.map(function (q) {
        var revoke = el('button', 'Revoke');
        revoke.className = 'link revoke';
        revoke.addEventListener('click', function () {
          revoke.disabled = true;
          send('DELETE', '/api/cx/taught/' + encodeURIComponent(q.id)).then(function () {
            status('Revoked "' + q.text + '".');
            return get('gaps').then(showGaps).then(loadTaught);
          }).catch(function (e) { status('Not revoked: ' + e.message); revoke.disabled = false; });
        });
        var as = q.articleId === OUT_OF_SCOPE ? 'out of scope' : (q.title || q.articleId) + (q.active ? '' : ' (article removed)');
        return [q.text, q.language, as, q.taughtBy, new Date(q.taughtAt).toLocaleString(), revoke];
      }));
    });
    fetch('/api/cx/teach-log').then(function (r) { return r.json(); }).then(function (rows) {
      table('teach-log', ['when', 'who', 'action', 'question', 'as'], rows.slice(0, 50).map(function (e) {
        return [new Date(e.at).toLocaleString(), e.by, e.action, e.text + ' [' + e.language + ']', e.articleId === OUT_OF_SCOPE ? 'out of scope' : e.articleId];
      }));
    });
  }

  function counts(map) { return Object.keys(map).map(function (k) { return map[k] + ' ' + k; }).join(', ') || 'none'; }
  function replay() {
    $('replay-run').disabled = true;
    $('replay-summary').textContent = 'Replaying…';
    get('replay').then(function (r) {
      if (r.total === undefined) throw new Error((r.error && r.error.message) || 'no report');
      $('replay-summary').textContent = r.total + ' questions. Then: ' + counts(r.before) + '. Now: ' + counts(r.after)
        + '. Now answered: ' + r.nowAnswered + '.';
      table('replay-articles', ['now answered by', 'questions'], r.byArticle.map(function (a) { return [a.title + ' (' + a.articleId + ')', String(a.count)]; }));
      table('replay-items', ['asked', 'question', 'then', 'now', 'article now'], r.items.slice(0, 100).map(function (i) {
        return [new Date(i.at).toLocaleString(), i.text + ' [' + i.language + ']', i.before + (i.beforeArticleId ? ' (' + i.beforeArticleId + ')' : ''),
          i.after, i.afterArticleId || ''];
      }));
    }).catch(function (e) { $('replay-summary').textContent = 'Replay failed: ' + e.message; })
      .then(function () { $('replay-run').disabled = false; });
  }
  $('replay-run').addEventListener('click', replay);

  $('filter').addEventListener('submit', function (e) { e.preventDefault(); load(); });
  load();
})();
