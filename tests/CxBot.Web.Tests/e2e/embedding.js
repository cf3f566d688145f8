// The standard Direct Line embedding, as README.md shows it, end to end: a store's own website (another
// origin than CxBot) whose backend mints a token per visitor with the secret and a stable user id, and whose
// page renders Microsoft's Web Chat with that token. First Microsoft's botframework-directlinejs chats with a
// backend-minted token in Node, then Web Chat does in headless Chromium. Saves a screenshot.
// Usage: node embedding.js http://127.0.0.1:PORT SECRET SCREENSHOT.png
'use strict';
global.XMLHttpRequest = require('xhr2');
global.WebSocket = require('ws');
const http = require('http');
const { DirectLine } = require('botframework-directlinejs');
const { launch } = require('./chromium');

const [cxbot, secret, screenshot] = process.argv.slice(2);
const fail = (text) => { console.error('FAIL: ' + text); process.exit(1); };
setTimeout(() => fail('timed out after 110 s'), 110000).unref();

// ---- the website's backend: README's snippet, with Node's own http server instead of a framework ----
async function mintToken(visitorId) {
  const response = await fetch(`${cxbot}/v3/directline/tokens/generate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: { id: 'dl_' + visitorId } }),   // optional: the visitor's stable id
  });
  if (!response.ok) throw new Error('tokens/generate answered ' + response.status);
  const { token } = await response.json();
  return token;
}

// ---- the website's page: README's Web Chat snippet, with CxBot at its own address ----
const page = `<!doctype html><html><head><meta charset="utf-8"><title>Shop</title></head><body>
<h1>A shop on its own domain</h1>
<div id="webchat" style="height: 600px"></div>
<script src="${cxbot}/lib/webchat/webchat.js"></script>
<script>
  fetch('/api/chat-token', { method: 'POST' })
    .then((response) => response.json())
    .then(({ token }) => window.WebChat.renderWebChat({
      directLine: window.WebChat.createDirectLine({ token, domain: '${cxbot}/v3/directline',
        conversationStartProperties: { locale: 'en-US' } }),
      locale: 'en-US'
    }, document.getElementById('webchat')));
</script></body></html>`;

const website = http.createServer(async (request, response) => {
  if (request.method === 'POST' && request.url === '/api/chat-token') {
    try {
      const token = await mintToken('visitor-42');
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ token }));
    } catch (e) {
      response.writeHead(502);
      response.end(String(e));
    }
    return;
  }
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  response.end(page);
});

const isBotMessage = (a) => a.type === 'message' && a.from && a.from.role === 'bot';
const waitFor = (condition, what, ms = 30000) => new Promise((resolve, reject) => {
  const started = Date.now();
  const timer = setInterval(() => {
    if (condition()) { clearInterval(timer); resolve(); }
    else if (Date.now() - started > ms) { clearInterval(timer); reject(new Error('waiting for ' + what)); }
  }, 20);
});

async function directLineJs() {
  // A burst of visitors from the backend's one address: every one gets a token.
  const tokens = await Promise.all(Array.from({ length: 40 }, (_, i) => mintToken('visitor-' + i)));
  const dl = new DirectLine({ token: tokens[7], domain: cxbot + '/v3/directline', webSocket: true,
    conversationStartProperties: { locale: 'en-US' } });
  const received = [];
  dl.activity$.subscribe((a) => received.push(a), () => {});
  await waitFor(() => received.some(isBotMessage), 'the greeting');
  const id = await new Promise((resolve, reject) =>
    dl.postActivity({ type: 'message', from: { id: 'dl_visitor-7' }, text: 'how much is delivery', locale: 'en-US' }).subscribe(resolve, reject));
  await waitFor(() => received.some((a) => isBotMessage(a) && a.replyToId === id), 'the answer');
  const echo = received.find((a) => a.id === id);
  dl.end();
  return { tokens: tokens.length, userId: echo.from.id, reply: received.filter(isBotMessage).pop().text };
}

async function webChat(origin) {
  const browser = await launch();
  try {
    const tab = await browser.newPage({ locale: 'en-US', viewport: { width: 1000, height: 800 } });
    const errors = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    tab.on('console', (m) => { if (m.type() === 'error' && /CORS|Access-Control|Refused/i.test(m.text())) errors.push(m.text()); });
    await tab.goto(origin + '/');
    const botBubbles = tab.locator('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content');
    await botBubbles.first().waitFor({ timeout: 60000 });
    const before = await botBubbles.count();
    const input = tab.locator('[data-id="webchat-sendbox-input"]');
    await input.fill('how do I return an item');
    await input.press('Enter');
    await tab.waitForFunction((n) => document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content').length > n,
      before, { timeout: 60000 });
    const reply = await botBubbles.last().innerText();
    await tab.screenshot({ path: screenshot });
    return { reply, errors };
  } finally {
    await browser.close();
  }
}

(async () => {
  await new Promise((resolve) => website.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${website.address().port}`;
  if (new URL(origin).origin === new URL(cxbot).origin) fail('the website must be another origin than CxBot');
  try {
    const node = await directLineJs();
    const browser = await webChat(origin);
    console.log(JSON.stringify({ ok: true, origin, ...node, webChatReply: browser.reply, errors: browser.errors }));
  } finally {
    website.close();
  }
})().catch((e) => fail(e && e.stack || String(e)));
