// The CX dashboard in headless Chromium, as a lead uses it: signs in, reads the headline figures, the charts,
// the knowledge-base gaps, the low-rated conversations and the agents' grades of handoffs, opens a transcript,
// filters to Polish, and downloads the responses and handoff-grades CSVs (so the test can recompute the figures itself). Saves a full-page screenshot.
// Usage: node dashboard.js http://127.0.0.1:PORT USER PASSWORD SCREENSHOT.png
'use strict';
const { launch, collectErrors, signInToDashboard } = require('./chromium');

const [base, user, password, screenshot] = process.argv.slice(2);
const errors = [];
const fail = (text) => { console.error('FAIL: ' + text + '\nerrors so far: ' + JSON.stringify(errors)); process.exit(1); };

(async () => {
  const browser = await launch();
  try {
    // A laptop screen.
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1366, height: 768 } });
    collectErrors(page, errors);

    await signInToDashboard(page, base, user, password);

    const tiles = async () => page.evaluate(() => Object.fromEntries(
      ['csat', 'csat-mean', 'response-rate', 'rated', 'containment', 'conversations', 'escalation', 'wait', 'first-response', 'shift',
        'not-needed-rate', 'not-needed-count', 'too-late-rate', 'too-late-count', 'graded-share', 'graded-count']
        .map((id) => [id, document.getElementById(id).textContent])));
    await page.waitForFunction(() => document.getElementById('csat').textContent !== '–' && document.querySelectorAll('#low-rated tr').length > 1
      && document.querySelectorAll('#gaps li').length > 0 && document.querySelectorAll('#by-agent tr').length > 1
      && document.getElementById('graded-count').textContent !== '', null, { timeout: 20000 });
    const all = await tiles();
    const charts = await page.evaluate(() => ['trend-chart', 'reasons-chart', 'resolution-chart', 'judgement-chart'].map((id) => {
      const chart = window.Chart.getChart(document.getElementById(id));
      return { id, points: chart ? chart.data.datasets.reduce((n, d) => n + d.data.filter((v) => v !== null).length, 0) : 0 };
    }));
    const gaps = await page.locator('#gaps').innerText();
    const byAgent = await page.locator('#by-agent').innerText();
    const lowRated = await page.locator('#low-rated').innerText();
    await page.screenshot({ path: screenshot, fullPage: true });

    // A low-rated conversation opens its full transcript.
    await page.locator('#low-rated button', { hasText: 'Open transcript' }).first().click();
    await page.locator('#transcript-panel:not([hidden]) #transcript li').first().waitFor({ timeout: 10000 });
    const transcript = await page.locator('#transcript').innerText();

    const csv = await page.evaluate(() => fetch('/api/cx/export/responses.csv').then((r) => r.text()));
    const conversationsCsv = await page.evaluate(() => fetch(document.getElementById('export-conversations').href).then((r) => r.text()));
    const gradesCsv = await page.evaluate(() => fetch(document.getElementById('export-grades').href).then((r) => r.text()));

    // Filtering to Polish changes every figure to the Polish conversations only.
    await page.selectOption('select[name="lang"]', 'pl');
    await page.click('#filter button[type="submit"]');
    await page.waitForFunction((before) => document.getElementById('conversations').textContent !== before.conversations
      && document.getElementById('graded-count').textContent !== before.gradedCount, { conversations: all.conversations, gradedCount: all['graded-count'] }, { timeout: 10000 });
    const polish = await tiles();

    console.log(JSON.stringify({ ok: true, errors, all, polish, charts, gaps, byAgent, lowRated, transcript, csv, conversationsCsv, gradesCsv }));
  } finally {
    await browser.close();
  }
})().catch((e) => fail(e && e.stack || String(e)));
