// What every browser test here shares: headless Chromium from the Debian package (CHROMIUM_PATH overrides it) with the
// flags this machine needs, and, for the CX dashboard's pages, the lead's sign-in and the page's errors.
'use strict';
const { chromium } = require('playwright-core');

/** Headless Chromium, no sandbox, no background network or updates. */
exports.launch = () => chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
});

/** Collects the page's script errors, console errors (but not failed loads: the responses say those) and HTTP errors. */
exports.collectErrors = (page, errors) => {
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push('console: ' + m.text()); });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(r.status() + ' ' + r.url()); });
};

/** Signs a lead in to the CX dashboard at /cx and waits for it. */
exports.signInToDashboard = async (page, base, user, password) => {
  await page.goto(`${base}/cx`);
  await page.fill('input[name="userName"]', user);
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForURL(/\/cx$/), page.click('button[type="submit"]')]);
};
