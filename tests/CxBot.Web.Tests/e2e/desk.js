// Web Chat and the agent desk side by side in headless Chromium, as a customer and an agent would use them:
// the customer asks the bot, then for a person; the agent signs in, accepts with the whole transcript, and
// they talk both ways (typing too); the agent grades the handoff with one click, ends the chat and the customer
// is asked for a rating; the agent changes the grade in the list of handled conversations, and a CX lead sees the
// rate on the dashboard. Markup a customer types must never run in the desk. Saves a screenshot of each side.
// Usage: node desk.js http://127.0.0.1:PORT USER PASSWORD CUSTOMER.png DESK.png LEAD LEAD_PASSWORD DASHBOARD.png
'use strict';
const { launch } = require('./chromium');

const [base, user, password, customerShot, deskShot, lead, leadPassword, dashboardShot] = process.argv.slice(2);
const fail = (text) => { console.error('FAIL: ' + text); process.exit(1); };
const errors = [];
const botBubbles = '.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content';

function watch(page, errors, name) {
  page.on('pageerror', (e) => errors.push(name + ': ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) errors.push(name + ' CSP: ' + m.text()); });
  page.on('dialog', (d) => { errors.push(name + ' alert: ' + d.message()); d.dismiss(); });
}

async function say(customer, text) {
  const input = customer.locator('[data-id="webchat-sendbox-input"]');
  await input.fill(text);
  await input.press('Enter');
  await customer.locator('.webchat__bubble--from-user', { hasText: text.slice(0, 30) }).waitFor({ timeout: 15000 });
}

async function botSays(customer, pattern, timeout = 20000) {
  await customer.waitForFunction(([selector, source]) => [...document.querySelectorAll(selector)].some((b) => new RegExp(source, 'i').test(b.innerText)),
    [botBubbles, pattern.source], { timeout });
}

(async () => {
  const browser = await launch();
  const result = {};
  try {
    // Two separate browser contexts: the customer has no desk cookie, the agent no chat.
    const customer = await (await browser.newContext({ locale: 'en-US', viewport: { width: 900, height: 900 } })).newPage();
    const desk = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } })).newPage();
    watch(customer, errors, 'webchat');
    watch(desk, errors, 'desk');

    await desk.goto(`${base}/agent`);
    await desk.fill('input[name="userName"]', user);
    await desk.fill('input[name="password"]', password);
    await Promise.all([desk.waitForURL(/\/agent$/), desk.click('button[type="submit"]')]);
    await desk.locator('#connection', { hasText: 'online' }).waitFor({ timeout: 15000 });

    await customer.goto(`${base}/?lang=en`);
    await customer.locator(botBubbles).first().waitFor({ timeout: 30000 });
    await say(customer, 'How much does delivery cost?');
    await botSays(customer, /zł/);
    const markup = 'my order <img src=x onerror="window.__xss=1"> <b>bold</b>';
    await say(customer, markup);
    await say(customer, 'I want to talk to a real person');
    await botSays(customer, /in the queue|#1/);

    // The desk shows the waiting customer live, and accepting brings the whole conversation so far.
    const item = desk.locator('#queue .queue-item').first();
    await item.waitFor({ timeout: 15000 });
    result.queueItem = await item.innerText();
    await item.locator('button', { hasText: 'Accept' }).click();
    await desk.locator('#transcript li', { hasText: 'How much does delivery cost?' }).waitFor({ timeout: 15000 });
    result.deskTranscript = await desk.locator('#transcript').innerText();
    // The bot's Markdown is rendered as Web Chat renders it (the queue message's **#1**), not shown raw.
    result.deskBold = await desk.locator('#transcript .from-bot .text.markdown strong').count();
    await desk.locator('#history-note', { hasText: /./ }).waitFor({ timeout: 10000 });
    result.historyNote = await desk.locator('#history-note').innerText();
    await botSays(customer, /has joined the conversation/);

    // Both ways, with typing: the agent's words reach Web Chat, the customer's reach the desk.
    await desk.fill('#reply', '');
    await desk.locator('#reply').pressSequentially('Hello, Anna here', { delay: 20 });
    result.agentTypingShown = await customer.locator('.webchat__typing-indicator').first()
      .waitFor({ timeout: 5000 }).then(() => true, () => false);
    await desk.locator('#reply').fill('Hello, Anna here. I can see your question about delivery.');
    await desk.click('#reply-form button[type="submit"]');
    await botSays(customer, /Anna here\. I can see your question/);
    const input = customer.locator('[data-id="webchat-sendbox-input"]');
    await input.pressSequentially('My order number is 4711', { delay: 40 });
    result.customerTypingShown = await desk.locator('#customer-typing').waitFor({ state: 'visible', timeout: 5000 })
      .then(() => true, () => false);
    await input.press('Enter');
    await desk.locator('#transcript li', { hasText: 'My order number is 4711' }).waitFor({ timeout: 15000 });

    // One click grades the handoff while the agent is in it; the button stays pressed.
    await desk.locator('#grade-bar button', { hasText: 'Should have come sooner' }).click();
    await desk.locator('#grade-bar button[aria-pressed="true"]', { hasText: 'Should have come sooner' }).waitFor({ timeout: 10000 });
    result.gradeBar = await desk.locator('#grade-bar').innerText();
    await desk.screenshot({ path: deskShot });

    // The agent ends the chat; the customer is asked for a rating, once, with 1–5 to press.
    await desk.click('#end');
    await botSays(customer, /How satisfied are you/);
    await customer.locator('.webchat__suggested-actions button', { hasText: '5' }).first().click();
    await botSays(customer, /How easy was it|Anything you'd like to add/);

    result.webchat = await customer.locator('#webchat').innerText();
    result.surveyQuestions = await customer.locator(botBubbles, { hasText: 'How satisfied are you' }).count();
    result.deskXss = await desk.evaluate(() => window.__xss !== undefined);
    result.webchatXss = await customer.evaluate(() => window.__xss !== undefined);
    result.deskAfterEnd = await desk.locator('main').innerText();
    await customer.screenshot({ path: customerShot });

    // After the chat: the agent changes their mind in "Recently handled", and the change survives a reload.
    const handled = desk.locator('#handled li').first();
    await handled.locator('button', { hasText: 'Not needed' }).click();
    await handled.locator('button[aria-pressed="true"]', { hasText: 'Not needed' }).waitFor({ timeout: 10000 });
    result.storedGrade = await desk.evaluate(() => fetch('/api/agent/handled').then((r) => r.json()).then((list) => list[0].grade));
    await desk.reload();
    await desk.locator('#handled li button[aria-pressed="true"]').first().waitFor({ timeout: 10000 });
    result.pressedAfterReload = await desk.locator('#handled li').first().locator('button[aria-pressed="true"]').allInnerTexts();

    // A CX lead reads the rate of unnecessary handoffs on the dashboard.
    const dashboard = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 } })).newPage();
    watch(dashboard, errors, 'dashboard');
    await dashboard.goto(`${base}/cx`);
    await dashboard.fill('input[name="userName"]', lead);
    await dashboard.fill('input[name="password"]', leadPassword);
    await Promise.all([dashboard.waitForURL(/\/cx$/), dashboard.click('button[type="submit"]')]);
    await dashboard.waitForFunction(() => document.getElementById('graded-count').textContent !== ''
      && document.querySelectorAll('#judgement-latest tr').length > 1, null, { timeout: 20000 });
    result.judgement = await dashboard.evaluate(() => Object.fromEntries(
      ['not-needed-rate', 'not-needed-count', 'too-late-rate', 'too-late-count', 'graded-share', 'graded-count', 'judgement-reasons', 'judgement-latest']
        .map((id) => [id, document.getElementById(id).innerText])));
    const chart = await dashboard.evaluate(() => {
      const c = window.Chart.getChart(document.getElementById('judgement-chart'));
      return c ? c.data.datasets.map((d) => ({ label: d.label, data: d.data })) : null;
    });
    result.judgementChart = chart;
    await dashboard.locator('#judgement').screenshot({ path: dashboardShot });
    console.log(JSON.stringify({ ok: true, errors, ...result }));
  } finally {
    await browser.close();
  }
})().catch((e) => fail((e && e.stack || String(e)) + '\nerrors so far: ' + JSON.stringify(errors)));
