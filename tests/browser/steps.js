// Steps the browser tests share (tests/browser/page_test.js, a11y_test.js):
// open the page in Chromium with its requests and errors recorded, drop
// files, wait for the analysis, open a document or a view, take a screenshot.
'use strict';
const fs = require('fs');
const path = require('path');
const { assert } = require('./checks');
const { launchChromium, filesToTransfer } = require('./chromium');

// Chromium at 1440×900 with downloads, recording every request and every
// script error of the page.
async function openBrowser() {
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  return { browser, context, page, requests, problems };
}

// Simulates dropping files on the drop zone: a DataTransfer built inside the
// page (a real one cannot be passed in) and the three events a drop fires.
async function dropFiles(page, files) {
  const dt = await page.evaluateHandle(filesToTransfer, files);
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await page.dispatchEvent('#dropzone', type, { dataTransfer: dt });
  }
  await dt.dispose();
}

// Waits until the list holds `count` documents and none is still pending:
// its entries when all are drawn, else (a long list is drawn as a window,
// web/page/doclist.js) the count in its heading and the page's documents.
async function waitSettled(page, count, timeout = 60000) {
  await page.waitForFunction((n) => {
    const items = Array.from(document.querySelectorAll('#doc-list li.doc-item'));
    const settled = (s) => s === 'done' || s === 'bad';
    if (items.length === n) return items.every((li) => li.classList.contains('done') || li.classList.contains('bad'));
    return document.querySelector('#doc-list li.doc-spacer') !== null && document.getElementById('doc-count').textContent === `(${n})`
      && window.newslens.docs.length === n && window.newslens.docs.every((d) => settled(d.status));
  }, count, { timeout });
}

// Shows a document by clicking its entry in the list, found by file name
// (the title shown is its headline).
async function openDoc(page, name) {
  const item = page.locator('#doc-list li.doc-item', { has: page.locator('.doc-file', { hasText: name }) }).first();
  await item.locator('.doc-select').click();
  await page.waitForFunction((n) => document.getElementById('doc').dataset.file === n, name);
}

async function showTab(page, name) {
  await page.click(`.tabs [data-tab="${name}"]`);
  // A comparison view is drawn once the core has compared (aria-busy, app.js).
  await page.waitForFunction((n) => { const p = document.getElementById(`tab-${n}`); return !p.hidden && p.getAttribute("aria-busy") !== "true"; }, name);
}

// Screenshot saved under outDir; a tiny file means a blank page.
async function shot(page, outDir, name) {
  const file = path.join(outDir, name);
  await page.screenshot({ path: file });
  assert(fs.statSync(file).size > 10000, `screenshot ${name} suspiciously small`);
  return file;
}

// Closes the browser, lists the screenshots and exits with the checks' verdict.
async function finish(browser, shots, summary) {
  await browser.close();
  if (shots.length) console.log(`screenshots: ${shots.join(' ')}`);
  process.exit(summary() ? 0 : 1);
}

// Runs a test's main(); a crash of the harness itself is one failed check.
function run(main, prefix) {
  main().catch((e) => {
    console.log(`FAIL test harness: ${e && e.stack ? e.stack : e}`);
    console.log(`${prefix}: 0 passed, 1 failed`);
    process.exit(1);
  });
}

module.exports = { openBrowser, dropFiles, waitSettled, openDoc, showTab, shot, finish, run };
