// Opens the store page in headless Chromium with Microsoft's Web Chat, sends a message and waits for the
// bot's answer, as a customer would. Saves a screenshot.
// Usage: node webchat.js http://127.0.0.1:PORT LANG MESSAGE SCREENSHOT.png
'use strict';
const { launch } = require('./chromium');

const [base, lang, message, screenshot] = process.argv.slice(2);
const fail = (text) => { console.error('FAIL: ' + text); process.exit(1); };

(async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage({ locale: lang === 'pl' ? 'pl-PL' : 'en-US', viewport: { width: 1280, height: 800 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // A Content-Security-Policy violation is reported on the console, not as a page error.
    page.on('console', (m) => { if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) errors.push('CSP: ' + m.text()); });
    await page.goto(`${base}/?lang=${lang}`);

    const botBubbles = page.locator('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content');
    await botBubbles.first().waitFor({ timeout: 30000 });
    const greeting = await botBubbles.first().innerText();
    const before = await botBubbles.count();

    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill(message);
    await input.press('Enter');
    await page.locator('.webchat__bubble--from-user', { hasText: message }).waitFor({ timeout: 15000 });
    await page.waitForFunction((n) => document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content').length > n,
      before, { timeout: 20000 });
    const reply = await botBubbles.last().innerText();
    await page.waitForTimeout(300);
    const body = await page.locator('#webchat').innerText();
    await page.screenshot({ path: screenshot });
    if (/send failed|nie wysłano|nie udało się wysłać/i.test(body)) fail('Web Chat shows a failed send:\n' + body);
    // Customer text is untrusted: markup in it must show as text and never run.
    if (await page.evaluate(() => window.__xss !== undefined)) fail('markup in a message ran as script');
    console.log(JSON.stringify({ ok: true, greeting, reply, errors }));
  } finally {
    await browser.close();
  }
})().catch((e) => fail(e && e.stack || String(e)));
