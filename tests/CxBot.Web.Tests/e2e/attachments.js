// Photos from a customer, as Web Chat's paper clip sends them, and the agent desk showing them, in headless Chromium:
// the customer attaches a photo (the bot says it is attached to the case), an HTML page and an SVG both named .png and an
// 11 MB image (each refused with a message in the chat), asks for a person; the agent accepts, sees the photo's thumbnail in
// the transcript and opens it. The file itself is fetched as the desk would and its headers reported. Screenshots of both.
// Usage: node attachments.js http://127.0.0.1:PORT USER PASSWORD PHOTO.jpg FAKE-HTML.png FAKE-SVG.png BIG.png CUSTOMER.png DESK.png VIEWER.png
'use strict';
const { launch } = require('./chromium');

const [base, user, password, photo, fakeHtml, fakeSvg, big, customerShot, deskShot, viewerShot] = process.argv.slice(2);
const fail = (text) => { console.error('FAIL: ' + text); process.exit(1); };
const errors = [];
let customerPage = null;
const botBubbles = '.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content';

function watch(page, name) {
  page.on('pageerror', (e) => errors.push(name + ': ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) errors.push(name + ' CSP: ' + m.text()); });
  page.on('dialog', (d) => { errors.push(name + ' alert: ' + d.message()); d.dismiss(); });
}

async function botSaysCount(customer, pattern) {
  return customer.evaluate(([selector, source]) => [...document.querySelectorAll(selector)].filter((b) => new RegExp(source, 'i').test(b.innerText)).length,
    [botBubbles, pattern.source]);
}

async function botSays(customer, pattern, atLeast = 1, timeout = 20000) {
  await customer.waitForFunction(([selector, source, n]) => [...document.querySelectorAll(selector)].filter((b) => new RegExp(source, 'i').test(b.innerText)).length >= n,
    [botBubbles, pattern.source, atLeast], { timeout });
}

// Web Chat's own paper clip: the file goes into the send box, and Send posts it (directlinejs' upload).
async function attach(customer, file) {
  await customer.setInputFiles('input.webchat__upload-button--file-input', file);
  // The paper clip shows it holds a file once Web Chat has read it (its thumbnail made); Send empties it again.
  await customer.locator('.webchat__attachment-icon--checked').waitFor({ timeout: 10000 });
  await customer.locator('button.webchat__send-button').click();
  await customer.locator('.webchat__attachment-icon--checked').waitFor({ state: 'detached', timeout: 10000 });
}

(async () => {
  const browser = await launch();
  const result = {};
  try {
    const customer = await (await browser.newContext({ locale: 'en-US', viewport: { width: 900, height: 1000 } })).newPage();
    const deskContext = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
    const desk = await deskContext.newPage();
    customerPage = customer;
    watch(customer, 'webchat');
    watch(desk, 'desk');
    const uploads = [];
    customer.on('response', (r) => { if (/\/upload\?/.test(r.url())) uploads.push(r.status()); });

    await desk.goto(`${base}/agent`);
    await desk.fill('input[name="userName"]', user);
    await desk.fill('input[name="password"]', password);
    await Promise.all([desk.waitForURL(/\/agent$/), desk.click('button[type="submit"]')]);
    await desk.locator('#connection', { hasText: 'online' }).waitFor({ timeout: 15000 });

    await customer.goto(`${base}/?lang=en`);
    await customer.locator(botBubbles).first().waitFor({ timeout: 30000 });
    result.uploadButton = await customer.locator('.webchat__upload-button').isVisible();

    // A photo: acknowledged in words, shown back to the customer as its re-encoded thumbnail.
    await attach(customer, photo);
    await botSays(customer, /the photo is attached to your case/);
    result.customerThumbnail = await customer.locator('.webchat__bubble--from-user img').first()
      .evaluate((img) => img.complete && img.naturalWidth > 0).catch(() => false);

    // Not a photo whatever its name says, and too large: each refused with a message in the chat.
    await attach(customer, fakeHtml);
    await botSays(customer, /couldn.t accept .*photos \(JPEG, PNG, WebP\) and PDF documents only/);
    await attach(customer, fakeSvg);
    await botSays(customer, /couldn.t accept .*photos \(JPEG, PNG, WebP\) and PDF documents only/, 2);
    await attach(customer, big);
    await botSays(customer, /larger than 10 MB/);
    result.typeRefusals = await botSaysCount(customer, /photos \(JPEG, PNG, WebP\) and PDF documents only/);
    result.uploads = uploads;

    const input = customer.locator('[data-id="webchat-sendbox-input"]');
    await input.fill('I want to talk to a real person');
    await input.press('Enter');
    await botSays(customer, /in the queue|#1/);

    // The agent accepts and sees the photo as a thumbnail in the transcript, then opens it.
    const item = desk.locator('#queue .queue-item').first();
    await item.waitFor({ timeout: 15000 });
    await item.locator('button', { hasText: 'Accept' }).click();
    const thumbnail = desk.locator('#transcript .files .thumbnail img').first();
    await thumbnail.waitFor({ timeout: 15000 });
    await desk.waitForFunction(() => { const i = document.querySelector('#transcript .files .thumbnail img'); return i && i.complete && i.naturalWidth > 0; }, null, { timeout: 10000 });
    result.deskThumbnails = await desk.locator('#transcript .files .thumbnail').count();
    result.thumbnailSize = await thumbnail.evaluate((img) => [img.naturalWidth, img.naturalHeight]);
    result.deskTranscript = await desk.locator('#transcript').innerText();
    await desk.screenshot({ path: deskShot });

    await desk.locator('#transcript .files .thumbnail').first().click();
    await desk.waitForFunction(() => { const i = document.querySelector('#viewer img'); return i && i.complete && i.naturalWidth > 0; }, null, { timeout: 10000 });
    result.viewerSize = await desk.locator('#viewer img').evaluate((img) => [img.naturalWidth, img.naturalHeight]);
    const src = await desk.locator('#viewer img').getAttribute('src');
    await desk.screenshot({ path: viewerShot });

    // The file as the desk fetches it, with the agent's cookie: a download, never inline, never sniffed.
    const file = await deskContext.request.get(base + src);
    result.file = { status: file.status(), contentType: file.headers()['content-type'], disposition: file.headers()['content-disposition'],
      nosniff: file.headers()['x-content-type-options'], csp: file.headers()['content-security-policy'] };
    // The customer's browser has no desk session: the same URL is refused.
    result.customerFetch = (await customer.context().request.get(base + src, { maxRedirects: 0 })).status();

    await customer.screenshot({ path: customerShot, fullPage: true });
    result.webchat = await customer.locator('#webchat').innerText();
    console.log(JSON.stringify({ ok: true, errors, ...result }));
  } catch (e) {
    // What the customer saw when it went wrong.
    if (customerPage) {
      await customerPage.screenshot({ path: customerShot.replace(/\.png$/, '-failed.png'), fullPage: true }).catch(() => {});
      errors.push('webchat at failure: ' + await customerPage.locator('#webchat').innerText().catch(() => '?'));
    }
    throw e;
  } finally {
    await browser.close();
  }
})().catch((e) => fail((e && e.stack || String(e)) + '\nerrors so far: ' + JSON.stringify(errors)));
