// A CX lead teaches the bot in headless Chromium: picks the top knowledge-base gap cluster, says which article answers
// it, sees it in the taught list and out of the gaps, replays the past questions (now answered by that article), and
// revokes it again. Saves a full-page screenshot.
// Usage: node teach.js http://127.0.0.1:PORT USER PASSWORD ARTICLE_ID SCREENSHOT.png
'use strict';
const { launch, collectErrors, signInToDashboard } = require('./chromium');

const [base, user, password, articleId, screenshot] = process.argv.slice(2);
const errors = [];
const fail = (text) => { console.error('FAIL: ' + text + '\nerrors so far: ' + JSON.stringify(errors)); process.exit(1); };

(async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1366, height: 768 } });
    collectErrors(page, errors);

    await signInToDashboard(page, base, user, password);

    // The top gap cluster, with every question ticked, and the article picker filled from the knowledge base.
    const cluster = page.locator('#gaps > li').first();
    await cluster.waitFor({ timeout: 20000 });
    await page.waitForFunction((id) => !!document.querySelector(`#gaps select.teach-article option[value="${id}"]`), articleId, { timeout: 10000 });
    const questions = await cluster.locator('.questions input[type="checkbox"]').evaluateAll(
      (boxes) => boxes.filter((b) => b.checked).map((b) => ({ text: b.dataset.text, language: b.dataset.language })));
    const label = await cluster.locator('strong').innerText();

    await cluster.locator('select.teach-article').selectOption(articleId);
    await cluster.locator('button.teach-button').click();
    await page.waitForFunction(() => /^Taught \d+ question/.test(document.getElementById('taught-status').textContent), null, { timeout: 15000 });
    const status = await page.locator('#taught-status').innerText();
    await page.waitForFunction((n) => document.querySelectorAll('#taught tr').length > n, questions.length, { timeout: 10000 });
    const taught = await page.locator('#taught').innerText();
    const gapsAfter = await page.locator('#gaps').innerText();
    await page.waitForFunction(() => document.querySelectorAll('#teach-log tr').length > 1, null, { timeout: 10000 });
    const log = await page.locator('#teach-log').innerText();

    // Replay: the questions the bot could not answer then, asked again now.
    await page.click('#replay-run');
    await page.waitForFunction(() => /Now answered: \d+/.test(document.getElementById('replay-summary').textContent), null, { timeout: 60000 });
    const replaySummary = await page.locator('#replay-summary').innerText();
    const replayArticles = await page.locator('#replay-articles').innerText();
    await page.screenshot({ path: screenshot, fullPage: true });

    // Revoke everything this lead taught here.
    for (let i = 0; i < questions.length; i++) {
      await page.locator('#taught button.revoke').first().click();
      await page.waitForFunction((n) => document.querySelectorAll('#taught button.revoke').length === n, questions.length - i - 1, { timeout: 10000 });
    }
    const taughtAfterRevoke = await page.locator('#taught').innerText();
    const gapsAfterRevoke = await page.locator('#gaps').innerText();

    console.log(JSON.stringify({ ok: true, errors, label, questions, status, taught, gapsAfter, log, replaySummary, replayArticles, taughtAfterRevoke, gapsAfterRevoke }));
  } finally {
    await browser.close();
  }
})().catch((e) => fail(e && e.stack || String(e)));
