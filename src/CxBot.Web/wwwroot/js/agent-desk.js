// The agent desk: live queue (what is offered to this agent first, by team and language), accepting a conversation with its
// whole transcript (bot part rendered from Markdown by the server, sentiment per message, articles used, the customer's photos
// and documents), the customer's earlier conversations, real-time replies and typing both ways, transfer to a team or a
// colleague, agent assist and canned replies in the conversation's language first, and one-click grading of each handoff
// the agent took over (right call, not needed, should have come sooner).
// Customer text is untrusted: it is only ever put on the page as text, never as markup. The only HTML put in is the bot's
// Markdown as the server rendered it (raw HTML escaped, links checked), under cxbotHtml.
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

  // Offered to this agent now: not restricted to others, or restricted to a group this agent is in, or the wait is over.
  function offeredToMe(entry) {
    return !entry.restricted || (me && (entry.offeredTo || []).indexOf(me.id) >= 0) || Date.now() >= new Date(entry.openToAllAt).getTime();
  }

  function renderQueue() {
    var list = $('queue');
    list.replaceChildren();
    $('queue-count').textContent = String(queueState.waiting.length);
    var ordered = queueState.waiting.map(function (entry, index) { return { entry: entry, place: index + 1 }; });
    // What is offered to this agent comes first; the service order is kept within each part.
    ordered.sort(function (a, b) { return (offeredToMe(b.entry) ? 1 : 0) - (offeredToMe(a.entry) ? 1 : 0) || a.place - b.place; });
    ordered.forEach(function (o) {
      var entry = o.entry;
      var mineNow = offeredToMe(entry);
      var item = el('li', 'queue-item' + (entry.urgent ? ' urgent' : '') + (mineNow ? '' : ' not-yet'));
      item.dataset.conversationId = entry.conversationId;
      item.appendChild(el('div', 'title', '#' + o.place + ' · ' + entry.language.toUpperCase() + ' · ' + entry.reason
        + (entry.team ? ' · team ' + entry.team : '') + ' · ' + minutesSince(entry.enqueuedAt) + ' min'));
      item.appendChild(el('div', 'summary', entry.summary));
      item.appendChild(el('div', 'sentiment', 'sentiment ' + entry.sentiment.toFixed(2)));
      if (entry.restricted) {
        var left = Math.max(0, Math.round((new Date(entry.openToAllAt).getTime() - Date.now()) / 1000));
        item.appendChild(el('div', 'offer', mineNow && (entry.offeredTo || []).indexOf(me && me.id) >= 0
          ? 'for you' + (entry.team ? ' (' + entry.team + ')' : '') + ' first'
          : left > 0 ? 'for ' + (entry.preferredAgentId ? 'a colleague' : (entry.team || entry.language.toUpperCase()) + ' agents') + ' first · open to all in ' + left + ' s' : 'open to all'));
      }
      var accept = el('button', null, 'Accept');
      accept.disabled = !mineNow;
      accept.addEventListener('click', function () { acceptConversation(entry.conversationId); });
      item.appendChild(accept);
      list.appendChild(item);
    });
    var tickets = $('tickets');
    tickets.replaceChildren();
    queueState.tickets.forEach(function (t) {
      var item = el('li', 'ticket' + (t.urgent ? ' urgent' : ''));
      item.appendChild(el('div', 'title', (t.urgent ? 'URGENT · ' : '') + t.id + ' · ' + t.language.toUpperCase() + ' · ' + t.reason));
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
      c.label = t.language.toUpperCase() + ' · ' + (t.handoff.reason || '') + (t.team ? ' · team ' + t.team : '') + ' · ' + conversationId.slice(0, 6);
      c.language = t.language;
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
    item.appendChild(messageBody(activity));
    var files = filesOf(activity);
    if (files.length) item.appendChild(renderFiles(current, files));
    var s = c.sentiments[activity.id];
    if (s) item.appendChild(el('div', 'sentiment ' + s.label, s.label + ' ' + s.score.toFixed(2)));
    var decision = activity.channelData && activity.channelData.cxbot;
    if (decision && decision.articleId) item.appendChild(el('div', 'article', 'article: ' + decision.articleId + ' (' + decision.confidence + ')'));
    $('transcript').appendChild(item);
    item.scrollIntoView({ block: 'end' });
    if (fromUser) loadAssist();
  }

  // The bot's Markdown as the server rendered it (safe); everyone else's words as text.
  function messageBody(activity) {
    var body = el('div', 'text');
    if (typeof activity.cxbotHtml === 'string') { body.className = 'text markdown'; body.innerHTML = activity.cxbotHtml; }
    else body.textContent = activity.text || '';
    return body;
  }

  // Files a customer sent: the server wrote these attachments (content.fileId); customers cannot.
  function filesOf(activity) {
    if (!activity.from || activity.from.role !== 'user') return [];
    return (activity.attachments || []).filter(function (a) { return a.content && typeof a.content.fileId === 'string'; }).map(function (a) {
      return { id: a.content.fileId, name: a.name || 'file', contentType: a.content.contentType, size: a.content.size };
    });
  }

  function fileUrl(conversationId, fileId, thumbnail) {
    return '/api/agent/conversations/' + encodeURIComponent(conversationId) + '/files/' + encodeURIComponent(fileId) + (thumbnail ? '/thumbnail' : '');
  }

  function renderFiles(conversationId, files) {
    var box = el('div', 'files');
    files.forEach(function (f) {
      if (f.contentType && f.contentType.indexOf('image/') === 0) {
        var open = el('button', 'thumbnail');
        open.type = 'button';
        open.title = 'Open ' + f.name;
        var img = el('img');
        img.alt = f.name;
        img.src = fileUrl(conversationId, f.id, true);
        open.appendChild(img);
        open.addEventListener('click', function () { viewImage(conversationId, f); });
        box.appendChild(open);
      } else {
        var link = el('a', 'document', '📄 ' + f.name + (f.size ? ' (' + Math.max(1, Math.round(f.size / 1024)) + ' KB)' : ''));
        link.href = fileUrl(conversationId, f.id, false);
        link.setAttribute('download', f.name);
        box.appendChild(link);
      }
    });
    return box;
  }

  function viewImage(conversationId, f) {
    var viewer = $('viewer');
    var img = el('img');
    img.alt = f.name;
    img.src = fileUrl(conversationId, f.id, false);
    var download = el('a', null, 'Download ' + f.name);
    download.href = fileUrl(conversationId, f.id, false);
    download.setAttribute('download', f.name);
    var close = el('button', null, 'Close');
    close.type = 'button';
    close.addEventListener('click', function () { viewer.hidden = true; viewer.replaceChildren(); });
    viewer.replaceChildren(img, el('div', 'viewer-actions'));
    viewer.lastChild.append(download, close);
    viewer.hidden = false;
  }

  // The customer's earlier conversations (only when the website told us who they are), each with its transcript a click away.
  function loadHistory(conversationId) {
    var list = $('history');
    list.replaceChildren();
    fetch('/api/agent/conversations/' + encodeURIComponent(conversationId) + '/history').then(function (r) { return r.json(); }).then(function (h) {
      if (current !== conversationId) return;
      $('history-note').textContent = !h.known ? 'Anonymous visitor: no history.'
        : h.conversations.length === 0 ? 'First conversation of this customer.' : h.conversations.length + ' earlier conversation(s).';
      h.conversations.forEach(function (p) {
        var item = el('li', 'past');
        var open = el('button', 'link', new Date(p.startedAt).toLocaleString() + ' · ' + p.language.toUpperCase() + ' · ' + p.outcome
          + (p.agent ? ' (' + p.agent + ')' : '') + (p.csat ? ' · CSAT ' + p.csat : ''));
        open.addEventListener('click', function () { showPast(p); });
        item.appendChild(open);
        item.appendChild(el('div', 'small', p.articles.length ? p.articles.map(function (a) { return a.title; }).join(', ')
          : (p.handoffReason ? 'handed over: ' + p.handoffReason : 'no article')));
        list.appendChild(item);
      });
    });
  }

  function showPast(p) {
    fetch('/api/agent/conversations/' + encodeURIComponent(p.conversationId)).then(function (r) { return r.json(); }).then(function (t) {
      var viewer = $('viewer');
      var title = el('h3', null, 'Earlier conversation · ' + new Date(p.startedAt).toLocaleString());
      var list = el('ol', 'transcript past-transcript');
      t.activities.filter(function (a) { return a.type === 'message'; }).forEach(function (a) {
        var fromUser = a.from && a.from.role === 'user';
        var item = el('li', fromUser ? 'from-customer' : 'from-bot');
        item.appendChild(el('div', 'who', (fromUser ? 'Customer' : (a.from && a.from.name) || 'Bot') + ' · ' + new Date(a.timestamp).toLocaleString()));
        item.appendChild(messageBody(a));
        var files = filesOf(a);
        if (files.length) item.appendChild(renderFiles(p.conversationId, files));
        list.appendChild(item);
      });
      var close = el('button', null, 'Close');
      close.type = 'button';
      close.addEventListener('click', function () { viewer.hidden = true; viewer.replaceChildren(); });
      viewer.replaceChildren(title, list, close);
      viewer.hidden = false;
    });
  }

  // Ready answers: the conversation's language first, then the others.
  function renderCanned() {
    var list = $('canned');
    list.replaceChildren();
    if (!me) return;
    var lang = current && mine[current] && mine[current].language;
    var langs = Object.keys(me.cannedReplies).sort(function (a, b) { return (b === lang) - (a === lang); });
    langs.forEach(function (l) {
      me.cannedReplies[l].forEach(function (text) {
        var item = el('li', l === lang ? 'in-language' : null);
        var insert = el('button', 'link', '[' + l + '] ' + text.replace('{agent}', me.name));
        insert.addEventListener('click', function () { $('reply').value = text.replace('{agent}', me.name); $('reply').focus(); });
        item.appendChild(insert);
        list.appendChild(item);
      });
    });
  }

  function show(conversationId) {
    current = conversationId;
    var c = mine[conversationId];
    $('conversation-header').replaceChildren(el('strong', null, c.label), el('span', 'small', '  articles used: ' + (c.articles || []).join(', ')));
    $('transcript').replaceChildren();
    c.activities.forEach(appendMessage);
    $('reply-form').hidden = false;
    renderMine();
    renderCanned();
    loadHistory(conversationId);
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
        var insert = el('button', 'link', '[' + hit.language + '] ' + hit.title + ' (' + hit.score + ')');
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

  function finish(method, target) {
    if (!current) return;
    var id = current;
    // Transfer takes the agent to transfer to (null: whoever is free next), TransferToTeam the team; the others only the conversation.
    (method === 'Transfer' || method === 'TransferToTeam' ? connection.invoke(method, id, target || null) : connection.invoke(method, id)).then(function () {
      delete mine[id];
      current = null;
      $('transcript').replaceChildren();
      $('assist').replaceChildren();
      $('customer-typing').hidden = true;
      $('reply-form').hidden = true;
      $('conversation-header').replaceChildren(el('em', null, 'Accept a conversation from the queue.'));
      $('history').replaceChildren();
      $('history-note').textContent = '';
      renderMine();
      return loadHandled();
    }).catch(function (err) { alert(err.message || err); });
  }
  $('return-to-bot').addEventListener('click', function () { finish('ReturnToBot'); });
  $('end').addEventListener('click', function () { finish('End'); });
  // Transfer: to a team (offered to its agents first), a named colleague, or whoever is free next.
  $('transfer').addEventListener('click', function () {
    var to = $('transfer-to').value;
    if (to.indexOf('team:') === 0) finish('TransferToTeam', to.slice(5));
    else finish('Transfer', to.indexOf('agent:') === 0 ? to.slice(6) : null);
  });
  $('presence').addEventListener('change', function () { connection.invoke('SetPresence', $('presence').value); });

  fetch('/api/agent/me').then(function (r) { return r.json(); }).then(function (who) {
    me = who;
    $('me').textContent = who.name + (who.teams.length ? ' · ' + who.teams.join(', ') : '') + (who.languages.length ? ' · ' + who.languages.join('/').toUpperCase() : '');
    renderCanned();
    var select = $('transfer-to');
    var anyone = el('option', null, 'whoever is free');
    anyone.value = '';
    select.appendChild(anyone);
    who.transferTeams.forEach(function (team) { var o = el('option', null, 'team ' + team); o.value = 'team:' + team; select.appendChild(o); });
    who.transferAgents.filter(function (a) { return a.id !== who.id; }).forEach(function (a) {
      var o = el('option', null, a.name); o.value = 'agent:' + a.id; select.appendChild(o);
    });
    // Offers open to everyone as time passes: keep the countdowns and buttons current.
    setInterval(renderQueue, 5000);
    loadHandled();
    return connection.start();
  }).then(function () { $('connection').textContent = 'online'; });
})();
