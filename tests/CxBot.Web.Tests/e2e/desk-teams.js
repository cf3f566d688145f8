// Two agents' desks in headless Chromium with a returning customer's conversation routed to a team: the generalist sees it
// waiting for the team (greyed, Accept disabled, a countdown), the team's agent sees it offered to them, accepts, reads the
// customer's earlier conversation in the history panel and opens its transcript, and can transfer to another team.
// The conversations are prepared by the test through Direct Line. Saves a screenshot of each desk.
// Usage: node desk-teams.js http://127.0.0.1:PORT CONVERSATION_ID PASSWORD GENERALIST.png TEAM-AGENT.png HISTORY.png
'use strict';
const { launch } = require('./chromium');

const [base, conversationId, password, generalistShot, teamShot, historyShot] = process.argv.slice(2);
const fail = (text) => { console.error('FAIL: ' + text); process.exit(1); };
const errors = [];

function watch(page, name) {
  page.on('pageerror', (e) => errors.push(name + ': ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) errors.push(name + ' CSP: ' + m.text()); });
  page.on('dialog', (d) => { errors.push(name + ' alert: ' + d.message()); d.dismiss(); });
}

async function signIn(browser, user) {
  const page = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } })).newPage();
  watch(page, user);
  await page.goto(`${base}/agent`);
  await page.fill('input[name="userName"]', user);
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForURL(/\/agent$/), page.click('button[type="submit"]')]);
  await page.locator('#connection', { hasText: 'online' }).waitFor({ timeout: 15000 });
  return page;
}

(async () => {
  const browser = await launch();
  const result = {};
  try {
    const anna = await signIn(browser, 'anna');
    const kasia = await signIn(browser, 'kasia');
    const item = (page) => page.locator(`#queue .queue-item[data-conversation-id="${conversationId}"]`);

    // The generalist: waiting for the B2B team, not theirs yet.
    await item(anna).waitFor({ timeout: 15000 });
    await anna.waitForFunction((id) => { const i = document.querySelector(`#queue .queue-item[data-conversation-id="${id}"]`); return i && /first/.test(i.innerText); }, conversationId, { timeout: 15000 });
    result.generalistItem = await item(anna).innerText();
    result.generalistNotYet = await item(anna).evaluate((li) => li.classList.contains('not-yet'));
    result.generalistAcceptDisabled = await item(anna).locator('button', { hasText: 'Accept' }).isDisabled();
    await anna.screenshot({ path: generalistShot });

    // The team's agent: offered to them; accepting brings the history.
    await item(kasia).waitFor({ timeout: 15000 });
    result.teamItem = await item(kasia).innerText();
    result.teamAcceptDisabled = await item(kasia).locator('button', { hasText: 'Accept' }).isDisabled();
    await item(kasia).locator('button', { hasText: 'Accept' }).click();
    await kasia.locator('#history li').first().waitFor({ timeout: 15000 });
    result.historyNote = await kasia.locator('#history-note').innerText();
    result.history = await kasia.locator('#history').innerText();
    result.header = await kasia.locator('#conversation-header').innerText();
    result.transferOptions = await kasia.locator('#transfer-to option').allInnerTexts();
    await kasia.screenshot({ path: teamShot });

    // The earlier conversation's transcript, a click away.
    await kasia.locator('#history li button').first().click();
    await kasia.locator('#viewer .past-transcript li').first().waitFor({ timeout: 10000 });
    result.pastTranscript = await kasia.locator('#viewer').innerText();
    await kasia.screenshot({ path: historyShot });
    await kasia.locator('#viewer button', { hasText: 'Close' }).click();

    // Gone from the generalist's queue once taken.
    await anna.waitForFunction((id) => !document.querySelector(`#queue .queue-item[data-conversation-id="${id}"]`), conversationId, { timeout: 15000 });
    console.log(JSON.stringify({ ok: true, errors, ...result }));
  } finally {
    await browser.close();
  }
})().catch((e) => fail((e && e.stack || String(e)) + '\nerrors so far: ' + JSON.stringify(errors)));
