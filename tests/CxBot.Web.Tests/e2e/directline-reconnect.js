// Drives CxBot with Microsoft's own botframework-directlinejs, unmodified: start a conversation, talk
// over the WebSocket stream, drop the socket, keep talking, let the library reconnect with its watermark,
// then resume from a fresh client as a page reload would. Every activity must arrive exactly once.
// Usage: node directline-reconnect.js http://127.0.0.1:PORT
'use strict';
global.XMLHttpRequest = require('xhr2');
const NodeWebSocket = require('ws');

const sockets = [];
class TrackedWebSocket extends NodeWebSocket {
  constructor(url, ...rest) {
    super(url, ...rest);
    sockets.push({ url, socket: this });
  }
}
global.WebSocket = TrackedWebSocket;
const { DirectLine } = require('botframework-directlinejs');

const base = process.argv[2];
const fail = (message) => { console.error('FAIL: ' + message); process.exit(1); };
setTimeout(() => fail('timed out after 90 s'), 90000).unref();

const isBotMessage = (a) => a.type === 'message' && a.from && a.from.role === 'bot';
const waitFor = (condition, what, ms = 30000) => new Promise((resolve, reject) => {
  const started = Date.now();
  const timer = setInterval(() => {
    if (condition()) { clearInterval(timer); resolve(); }
    else if (Date.now() - started > ms) { clearInterval(timer); reject(new Error('waiting for ' + what)); }
  }, 20);
});
const post = (dl, text, clientId) => new Promise((resolve, reject) =>
  dl.postActivity({ type: 'message', from: { id: 'dl_e2e' }, text, locale: 'en-US', channelData: { clientActivityID: clientId } })
    .subscribe(resolve, reject));
const repliesTo = (received, id) => received.filter((a) => isBotMessage(a) && a.replyToId === id);

async function main() {
  const tokenResponse = await fetch(base + '/api/webchat/token', { method: 'POST' });
  if (!tokenResponse.ok) fail('token endpoint answered ' + tokenResponse.status);
  const { token, conversationId } = await tokenResponse.json();

  // random: 0 makes the library retry a dropped socket after its minimum delay (3 s) instead of up to 15 s.
  const dl = new DirectLine({ token, domain: base + '/v3/directline', webSocket: true, random: () => 0,
    conversationStartProperties: { locale: 'en-US' } });
  const received = [];
  // end() errors the stream with 'conversation ended'; that is the expected way out, not a failure.
  dl.activity$.subscribe((a) => received.push(a), () => {});

  await waitFor(() => received.some(isBotMessage), 'the greeting');
  const firstId = await post(dl, 'hello', 'e2e-1');
  await waitFor(() => received.some((a) => a.id === firstId) && repliesTo(received, firstId).length > 0, 'echo and reply to hello');
  const echo = received.find((a) => a.id === firstId);
  if (!echo.channelData || echo.channelData.clientActivityID !== 'e2e-1') fail('echo lost channelData.clientActivityID');

  // Drop the socket as a network failure would, and talk while it is down.
  const socketsBefore = sockets.length;
  sockets[sockets.length - 1].socket.terminate();
  const secondId = await post(dl, 'are you still there?', 'e2e-2');
  await waitFor(() => sockets.length > socketsBefore, 'the library to reconnect');
  await waitFor(() => repliesTo(received, secondId).length > 0, 'reply after reconnect');
  const reconnectUrl = sockets[sockets.length - 1].url;
  if (!/watermark=\d+/.test(reconnectUrl)) fail('reconnect stream URL carries no watermark: ' + reconnectUrl);

  // Wait for the bot to settle, then compare with the server's log: every activity exactly once, in order.
  await new Promise((r) => setTimeout(r, 500));
  const log = await (await fetch(`${base}/v3/directline/conversations/${conversationId}/activities`,
    { headers: { Authorization: 'Bearer ' + dl.token } })).json();
  const receivedIds = received.map((a) => a.id);
  const logIds = log.activities.map((a) => a.id);
  if (new Set(receivedIds).size !== receivedIds.length) fail('duplicated activities: ' + receivedIds.join(', '));
  if (JSON.stringify(receivedIds) !== JSON.stringify(logIds)) fail(`received ${receivedIds.join(', ')} but the log has ${logIds.join(', ')}`);
  dl.end();

  // A new client resuming with the watermark (a page reload) gets only what is new.
  const watermark = log.watermark;
  const resumed = new DirectLine({ token: dl.token, conversationId, watermark, domain: base + '/v3/directline', webSocket: true });
  const after = [];
  resumed.activity$.subscribe((a) => after.push(a), () => {});
  const thirdId = await post(resumed, 'one more thing', 'e2e-3');
  await waitFor(() => repliesTo(after, thirdId).length > 0, 'reply on the resumed client');
  const old = after.filter((a) => logIds.includes(a.id));
  if (old.length > 0) fail('resumed client got old activities again: ' + old.map((a) => a.id).join(', '));
  resumed.end();

  console.log(JSON.stringify({ ok: true, conversationId, activities: logIds.length, sockets: sockets.length, reconnectUrl: reconnectUrl.replace(/t=[^&]+/, 't=…') }));
  process.exit(0);
}

main().catch((e) => fail(e && e.stack || String(e)));
