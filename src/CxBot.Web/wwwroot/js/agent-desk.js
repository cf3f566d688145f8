// The agent desk: live queue, accepting a conversation with its whole transcript (bot part, sentiment per
// message, articles used), real-time replies and typing both ways, agent assist and canned replies, and one-click
// grading of each handoff the agent took over (right call, not needed, should have come sooner).
// Customer text is untrusted: it is only ever put on the page as text, never as markup.
(function () {
  'use strict';
  var me = null;
  var current = null;            // conversation id on screen
  var mine = {};                 // conversationId -> { seen: {activityId: true}, sentiments: {} }
  var queueState = { waiting: [], agents: [], tickets: [] };
  var handled = [];              // the agent's recent handoffs with their grades, newest first
  var csrf = null;               // { header, token } for grading
  var grades = [['right-call', 'Right call', 'A person was needed, at the right moment'],
    ['not-needed', 'Not needed', 'The bot could have helped: handing over was unnecessary'],
    ['too-late', 'Should have come sooner', 'A person was needed earlier than the bot handed over']];
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function minutesSince(iso) { return Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 60000)); }

  var connection = new signalR.HubConnectionBuilder().withUrl('/hubs/agent').withAutomaticReconnect().build();

  connection.on('queue', function (state) { queueState = state; renderQueue(); });
  connection.on('activities', function (conversationId, activities) {
    var c = mine[conversationId];
    if (!c) return;
    activities.forEach(function (a) { addActivity(conversationId, a); });
  });
  connection.onreconnecting(function () { $('connection').textContent = 'reconnecting…'; });
  connection.onreconnected(function () { $('connection').textContent = 'online'; });
  connection.onclose(function () { $('connection').textContent = 'offline'; });

  function renderQueue() {
    var list = $('queue');
    list.replaceChildren();
    $('queue-count').textContent = String(queueState.waiting.length);
    queueState.waiting.forEach(function (entry, index) {
      var item = el('li', 'queue-item' + (entry.urgent ? ' urgent' : ''));
      item.appendChild(el('div', 'title', '#' + (index + 1) + ' · ' + entry.language.toUpperCase() + ' · ' + entry.reason + ' · ' + minutesSince(entry.enqueuedAt) + ' min'));
      item.appendChild(el('div', 'summary', entry.summary));
      item.appendChild(el('div', 'sentiment', 'sentiment ' + entry.sentiment.toFixed(2)));
      var accept = el('button', null, 'Accept');
      accept.addEventListener('click', function () { acceptConversation(entry.conversationId); });
      item.appendChild(accept);
      list.appendChild(item);
    });
    var tickets = $('tickets');
    tickets.replaceChildren();
    queueState.tickets.forEach(function (t) {
      var item = el('li', 'ticket');
      item.appendChild(el('div', 'title', t.id + ' · ' + t.language.toUpperCase() + ' · ' + t.reason));
      item.appendChild(el('div', 'summary', t.message));
      tickets.appendChild(item);
    });
    var agents = $('agents');
    agents.replaceChildren();
    queueState.agents.forEach(function (a) {
      agents.appendChild(el('li', null, a.displayName + ' — ' + a.presence + ' (' + a.conversations.length + '/' + a.capacity + ')'));
    });
  }

  function renderMine() {
    var list = $('mine');
    list.replaceChildren();
    Object.keys(mine).forEach(function (id) {
      var item = el('li', id === current ? 'active' : null);
      var open = el('button', 'link', mine[id].label || id);
      open.addEventListener('click', function () { show(id); });
      item.appendChild(open);
      list.appendChild(item);
    });
  }

  function acceptConversation(conversationId) {
    connection.invoke('Accept', conversationId).then(function () {
      mine[conversationId] = { seen: {}, sentiments: {}, activities: [] };
      return loadTranscript(conversationId);
    }).then(function () { show(conversationId); return loadHandled(); }).catch(function (e) { alert(e.message || e); });
  }

  function loadTranscript(conversationId) {
    return fetch('/api/agent/conversations/' + encodeURIComponent(conversationId)).then(function (r) { return r.json(); }).then(function (t) {
      var c = mine[conversationId];
      c.label = t.language.toUpperCase() + ' · ' + (t.handoff.reason || '') + ' · ' + conversationId.slice(0, 6);
      c.articles = t.articlesUsed;
      t.sentiments.forEach(function (s) { c.sentiments[s.activityId] = s; });
      t.activities.forEach(function (a) { addActivity(conversationId, a); });
      renderMine();
    });
  }

  function addActivity(conversationId, activity) {
    var c = mine[conversationId];
    if (c.seen[activity.id]) return;
    if (activity.type === 'typing') {
      if (activity.from && activity.from.role === 'user' && conversationId === current) flashTyping();
      return;
    }
    if (activity.type !== 'message') return;
    c.seen[activity.id] = true;
    c.activities.push(activity);
    if (conversationId === current) appendMessage(activity);
  }

  function appendMessage(activity) {
    var c = mine[current];
    var fromUser = activity.from && activity.from.role === 'user';
    var who = fromUser ? 'Customer' : (activity.from && activity.from.name) || 'Bot';
    var item = el('li', fromUser ? 'from-customer' : (activity.from && activity.from.id && activity.from.id.indexOf('agent:') === 0 ? 'from-agent' : 'from-bot'));
    item.appendChild(el('div', 'who', who + ' · ' + new Date(activity.timestamp).toLocaleTimeString()));
    item.appendChild(el('div', 'text', activity.text || ''));
    var s = c.sentiments[activity.id];
    if (s) item.appendChild(el('div', 'sentiment ' + s.label, s.label + ' ' + s.score.toFixed(2)));
    var decision = activity.channelData && activity.channelData.cxbot;
    if (decision && decision.articleId) item.appendChild(el('div', 'article', 'article: ' + decision.articleId + ' (' + decision.confidence + ')'));
    $('transcript').appendChild(item);
    item.scrollIntoView({ block: 'end' });
    if (fromUser) loadAssist();
  }

  function show(conversationId) {
    current = conversationId;
    var c = mine[conversationId];
    $('conversation-header').replaceChildren(el('strong', null, c.label), el('span', 'small', '  articles used: ' + (c.articles || []).join(', ')));
    $('transcript').replaceChildren();
    c.activities.forEach(appendMessage);
    $('reply-form').hidden = false;
    renderMine();
    renderGradeBar();
    loadAssist();
  }

  function handledOf(conversationId) {
    return handled.filter(function (h) { return h.conversationId === conversationId; })[0];
  }

  function loadHandled() {
    return fetch('/api/agent/handled').then(function (r) { return r.json(); }).then(function (list) {
      handled = list;
      renderHandled();
      renderGradeBar();
    });
  }

  // Three buttons; the grade given is pressed. One click grades, another click changes the grade.
  function gradeButtons(conversationId) {
    var h = handledOf(conversationId);
    var box = el('div', 'grade');
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', 'Grade this handoff');
    grades.forEach(function (g) {
      var button = el('button', null, g[1]);
      button.type = 'button';
      button.title = g[2];
      button.dataset.grade = g[0];
      button.setAttribute('aria-pressed', String(!!h && h.grade === g[0]));
      button.addEventListener('click', function () { grade(conversationId, g[0]); });
      box.appendChild(button);
    });
    return box;
  }

  function renderGradeBar() {
    var bar = $('grade-bar');
    if (!current || !handledOf(current)) { bar.hidden = true; bar.replaceChildren(); return; }
    bar.replaceChildren(el('span', null, 'Handing over was:'), gradeButtons(current));
    bar.hidden = false;
  }

  function renderHandled() {
    var list = $('handled');
    list.replaceChildren();
    handled.forEach(function (h) {
      var item = el('li', 'handled-item');
      item.dataset.conversationId = h.conversationId;
      item.appendChild(el('div', 'title', h.language.toUpperCase() + ' · ' + h.reason + ' · ' + h.conversationId.slice(0, 6)
        + ' · ' + new Date(h.acceptedAt).toLocaleString()));
      item.appendChild(gradeButtons(h.conversationId));
      list.appendChild(item);
    });
  }

  function csrfToken(renew) {
    if (csrf && !renew) return Promise.resolve(csrf);
    return fetch('/api/agent/antiforgery').then(function (r) { return r.json(); }).then(function (t) { csrf = t; return t; });
  }

  function grade(conversationId, value, retried) {
    return csrfToken(false).then(function (t) {
      var headers = { 'Content-Type': 'application/json' };
      headers[t.header] = t.token;
      return fetch('/api/agent/conversations/' + encodeURIComponent(conversationId) + '/grade',
        { method: 'PUT', headers: headers, body: JSON.stringify({ grade: value }) });
    }).then(function (r) {
      // A token from before the session was renewed: get a fresh one and try once more.
      if (r.status === 400 && !retried) return csrfToken(true).then(function () { return grade(conversationId, value, true); });
      if (!r.ok) return r.json().then(function (p) { throw new Error(p.detail || ('Grading failed: ' + r.status)); });
      return loadHandled();
    }).catch(function (err) { alert(err.message || err); });
  }

  function loadAssist() {
    if (!current) return;
    fetch('/api/agent/conversations/' + encodeURIComponent(current) + '/assist').then(function (r) { return r.json(); }).then(function (hits) {
      var list = $('assist');
      list.replaceChildren();
      hits.forEach(function (hit) {
        var item = el('li');
        var insert = el('button', 'link', hit.title + ' (' + hit.score + ')');
        insert.addEventListener('click', function () { $('reply').value = hit.text; $('reply').focus(); });
        item.appendChild(insert);
        list.appendChild(item);
      });
    });
  }

  var typingTimer = null;
  function flashTyping() {
    $('customer-typing').hidden = false;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(function () { $('customer-typing').hidden = true; }, 3000);
  }

  var lastTypingSent = 0;
  $('reply').addEventListener('input', function () {
    if (current && Date.now() - lastTypingSent > 2000) {
      lastTypingSent = Date.now();
      connection.invoke('Typing', current).catch(function () {});
    }
  });

  $('reply-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var text = $('reply').value.trim();
    if (!text || !current) return;
    connection.invoke('Send', current, text).then(function () { $('reply').value = ''; }).catch(function (err) { alert(err.message || err); });
  });

  function finish(method) {
    if (!current) return;
    var id = current;
    // Transfer takes the agent to transfer to (null: whoever is free next); the others only the conversation.
    (method === 'Transfer' ? connection.invoke(method, id, null) : connection.invoke(method, id)).then(function () {
      delete mine[id];
      current = null;
      $('transcript').replaceChildren();
      $('assist').replaceChildren();
      $('customer-typing').hidden = true;
      $('reply-form').hidden = true;
      $('conversation-header').replaceChildren(el('em', null, 'Accept a conversation from the queue.'));
      renderMine();
      return loadHandled();
    }).catch(function (err) { alert(err.message || err); });
  }
  $('return-to-bot').addEventListener('click', function () { finish('ReturnToBot'); });
  $('end').addEventListener('click', function () { finish('End'); });
  $('transfer').addEventListener('click', function () { finish('Transfer'); });
  $('presence').addEventListener('change', function () { connection.invoke('SetPresence', $('presence').value); });

  fetch('/api/agent/me').then(function (r) { return r.json(); }).then(function (who) {
    me = who;
    $('me').textContent = who.name;
    var list = $('canned');
    Object.keys(who.cannedReplies).forEach(function (lang) {
      who.cannedReplies[lang].forEach(function (text) {
        var item = el('li');
        var insert = el('button', 'link', '[' + lang + '] ' + text.replace('{agent}', who.name));
        insert.addEventListener('click', function () { $('reply').value = text.replace('{agent}', who.name); $('reply').focus(); });
        item.appendChild(insert);
        list.appendChild(item);
      });
    });
    loadHandled();
    return connection.start();
  }).then(function () { $('connection').textContent = 'online'; });
})();
