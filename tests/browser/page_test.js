#!/usr/bin/env node
// Browser test of the single-file page, opened over file:// in headless
// Chromium (playwright-core, no bundled browser: /usr/bin/chromium).
// Usage: node tests/browser/page_test.js PAGE_HTML EXAMPLES_DIR OUT_DIR
// Prints one line per check and `browser: N passed, M failed`; exit 1 on failure.
'use strict';
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { chromium } = require('playwright-core');
const { createChecks, assert, waitFor } = require('./checks');

const [pageHtml, examplesDir, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node tests/browser/page_test.js PAGE_HTML EXAMPLES_DIR OUT_DIR');
  process.exit(2);
}

const MARKUP = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">';

// Files travel into the page as base64 and become File objects there.
function fileSpec(name, bytes) { return { name, b64: Buffer.from(bytes).toString('base64') }; }

// Simulates dropping files on the drop zone: a DataTransfer built inside the
// page (a real one cannot be passed in) and the three events a drop fires.
async function dropFiles(page, files) {
  const dt = await page.evaluateHandle((specs) => {
    const transfer = new DataTransfer();
    for (const f of specs) {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      transfer.items.add(new File([bytes], f.name, { type: 'text/plain' }));
    }
    return transfer;
  }, files);
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await page.dispatchEvent('#dropzone', type, { dataTransfer: dt });
  }
  await dt.dispose();
}

// Waits until the list holds `count` documents and none is still pending.
async function waitSettled(page, count) {
  await page.waitForFunction((n) => {
    const items = Array.from(document.querySelectorAll('#doc-list li.doc-item'));
    return items.length === n && items.every((li) => li.classList.contains('done') || li.classList.contains('bad'));
  }, count, { timeout: 60000 });
}

// Shows a document by clicking its entry in the list.
async function openDoc(page, name) {
  const item = page.locator('#doc-list li.doc-item', { has: page.locator('.doc-name', { hasText: name }) }).first();
  await item.locator('.doc-select').click();
  await page.waitForFunction((n) => document.getElementById('doc-title').textContent === n, name);
}

// Table rows per plugin for the document on screen.
function rowsPerPlugin(page) {
  return page.evaluate(() => {
    const out = {};
    for (const s of document.querySelectorAll('#tables section.plugin-table')) {
      out[s.dataset.plugin] = s.querySelectorAll('tbody tr').length;
    }
    return out;
  });
}

async function main() {
  const pageUrl = pathToFileURL(path.resolve(pageHtml)).href;
  const examples = fs.readdirSync(examplesDir).filter((f) => f.endsWith('.txt')).sort();
  fs.mkdirSync(outDir, { recursive: true });

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });

  const { check, summary } = createChecks('browser');
  let plugins = [];

  await check('module loads over file://', async () => {
    await page.goto(pageUrl);
    await page.waitForFunction(() => document.body.dataset.state !== 'loading', null, { timeout: 30000 });
    const state = await page.evaluate(() => document.body.dataset.state);
    assert(state === 'ready', `page state is "${state}": ${await page.textContent('#status')}`);
    plugins = JSON.parse(await page.evaluate(() => window.newslens.module.plugins()));
    return `plugins: ${plugins.map((p) => p.name).join(', ') || '(none)'}`;
  });

  await check(`drop of ${examples.length} examples: every plugin has result rows`, async () => {
    assert(examples.length > 0, `no .txt files in ${examplesDir}`);
    await dropFiles(page, examples.map((f) => fileSpec(f, fs.readFileSync(path.join(examplesDir, f)))));
    await waitSettled(page, examples.length);
    const bad = await page.$$eval('#doc-list li.bad', (lis) => lis.map((li) => li.textContent));
    assert(bad.length === 0, `examples refused: ${bad.join('; ')}`);
    const totals = Object.fromEntries(plugins.map((p) => [p.name, 0]));
    for (const name of examples) {
      await openDoc(page, name);
      for (const [plugin, n] of Object.entries(await rowsPerPlugin(page))) totals[plugin] = (totals[plugin] || 0) + n;
    }
    const missing = plugins.filter((p) => !totals[p.name]).map((p) => p.name);
    assert(missing.length === 0, `no rows from: ${missing.join(', ')}`);
    if (!plugins.length) return 'this build has no plugins: nothing to find';
    return Object.entries(totals).map(([k, v]) => `${k} ${v}`).join(', ');
  });

  await check('highlights and tooltips match the results (flat segments, overlaps)', async () => {
    let overlaps = 0;
    let spans = 0;
    for (const name of examples) {
      await openDoc(page, name);
      const r = await page.evaluate(() => {
        const app = window.newslens;
        const doc = app.docs.find((d) => d.id === app.currentId);
        const box = document.getElementById('doc-text');
        const errors = [];
        if (box.textContent !== doc.text) errors.push('text not reproduced exactly');
        if (box.querySelector('mark mark')) errors.push('nested marks');
        doc.result.mentions.forEach((m, id) => {
          const got = (app.marks.get(id) || []).map((e) => e.textContent).join('');
          if (got !== m.text) errors.push(`mention ${id} (${m.plugin}) highlights "${got}", expected "${m.text}"`);
          const title = got ? app.marks.get(id)[0].title : '';
          if (got && !title.includes(`${m.plugin}: “${m.text}”`)) errors.push(`mention ${id}: tooltip lacks it`);
        });
        return { errors, overlaps: box.querySelectorAll('mark.overlap').length, spans: doc.result.mentions.length };
      });
      assert(r.errors.length === 0, `${name}: ${r.errors.slice(0, 3).join('; ')}`);
      overlaps += r.overlaps;
      spans += r.spans;
    }
    return `${spans} spans, ${overlaps} overlapping segments`;
  });

  await check('clicking a table row scrolls to its span and flashes it', async () => {
    if (!plugins.length) return 'skipped: no plugins, no rows';
    // The longest example, and its last row: its span starts out of view.
    const longest = examples.map((f) => [f, fs.statSync(path.join(examplesDir, f)).size]).sort((a, b) => b[1] - a[1])[0][0];
    await openDoc(page, longest);
    const row = page.locator('#tables tbody tr').last();
    const id = await row.getAttribute('data-id');
    await row.click();
    await waitFor(() => page.evaluate((mid) => {
      const marks = document.querySelectorAll(`#doc-text mark[data-ids~="${mid}"]`);
      if (!marks.length || !Array.from(marks).every((m) => m.classList.contains('flash'))) return false;
      const r = marks[0].getBoundingClientRect();
      const pane = document.getElementById('doc-text').getBoundingClientRect();
      return r.top >= pane.top && r.bottom <= pane.bottom && r.top >= 0 && r.bottom <= window.innerHeight;
    }, id), { timeout: 5000, what: `span of mention ${id} flashed and in view` });
    const selected = await page.evaluate((mid) => document.querySelector(`#tables tr.selected`).dataset.id === mid, id);
    assert(selected, 'the clicked row is not marked selected');
    return `mention ${id} of ${longest}`;
  });

  await check('export JSON of the current document', async () => {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.click('#export')]);
    const json = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    const expected = await page.evaluate(() => {
      const app = window.newslens;
      return app.docs.find((d) => d.id === app.currentId).result;
    });
    assert(json.document === expected.document, `exported "${json.document}", showing "${expected.document}"`);
    assert(json.mentions.length === expected.mentions.length, 'mention count differs');
    return `${download.suggestedFilename()}, ${json.mentions.length} mentions`;
  });

  await check('bad files get a clear message, the others remain', async () => {
    await dropFiles(page, [
      fileSpec('binary.txt', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x21, 0x5a]),  // a zip header
      fileSpec('latin1.txt', Buffer.from('Caf\xe9 in M\xfcnchen costs 3 euros.', 'latin1')),
      fileSpec('empty.txt', []),
    ]);
    await waitSettled(page, examples.length + 3);
    const status = await page.$$eval('#doc-list li.doc-item', (lis) => Object.fromEntries(lis.map((li) =>
      [li.querySelector('.doc-name').textContent, { cls: li.className, msg: li.querySelector('.doc-status').textContent }])));
    const expect = { 'binary.txt': /binary/i, 'latin1.txt': /UTF-8/, 'empty.txt': /empty/i };
    for (const [name, re] of Object.entries(expect)) {
      assert(status[name] && /\bbad\b/.test(status[name].cls), `${name} is not marked bad`);
      assert(re.test(status[name].msg), `${name}: unexpected message "${status[name].msg}"`);
    }
    for (const name of examples) assert(status[name] && /\bdone\b/.test(status[name].cls), `${name} lost or not done`);
    await openDoc(page, 'latin1.txt');
    const shown = await page.textContent('#doc-problems');
    assert(/UTF-8/.test(shown), `the document view says "${shown}"`);
    return Object.keys(expect).map((n) => `${n}: "${status[n].msg}"`).join('; ');
  });

  await check('pasted markup is shown as text and never runs', async () => {
    const before = await page.$$eval('#doc-list li.doc-item', (l) => l.length);
    // A paste outside the text box adds a document straight away.
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, `Breaking: ${MARKUP} was found in 3 places.`);
    await waitSettled(page, before + 1);
    await page.waitForFunction(() => document.getElementById('doc-title').textContent.startsWith('pasted text'));
    let text = await page.textContent('#doc-text');
    assert(text.includes(MARKUP), `the text view shows "${text.slice(0, 120)}"`);
    // The text box and Add button, with markup in the name as well.
    await page.fill('#paste-text', `Second: ${MARKUP}`);
    await page.fill('#paste-name', '<b>bold</b> name');
    await page.click('#add-text');
    await waitSettled(page, before + 2);
    await page.waitForFunction(() => document.getElementById('doc-title').textContent === '<b>bold</b> name');
    text = await page.textContent('#doc-text');
    assert(text.includes(MARKUP), `the text view shows "${text.slice(0, 120)}"`);
    const injected = await page.evaluate(() => document.querySelectorAll('#view script, #view img, #view b, #doc-list b').length);
    assert(injected === 0, `${injected} elements were created from document text`);
    const pwned = await page.evaluate(() => typeof window.__pwned);
    assert(pwned === 'undefined', `window.__pwned is ${pwned}`);
    return 'paste event and text box; window.__pwned undefined';
  });

  await check('no network requests, no script errors', async () => {
    const others = requests.filter((u) => u !== pageUrl);
    assert(others.length === 0, `requests: ${others.slice(0, 5).join(', ')}`);
    assert(problems.length === 0, problems.slice(0, 3).join(' | '));
    return `${requests.length} request(s), all the page itself`;
  });

  await check('screenshot', async () => {
    await openDoc(page, examples[0]);
    await page.evaluate(() => { document.querySelector('.side').scrollTop = 0; });
    const row = page.locator('#tables tbody tr').nth(2);
    if (await row.count()) { await row.click(); await page.waitForTimeout(400); }
    const file = path.join(outDir, 'page.png');
    await page.screenshot({ path: file });
    assert(fs.statSync(file).size > 10000, 'screenshot suspiciously small');
    return file;
  });

  await browser.close();
  process.exit(summary() ? 0 : 1);
}

main().catch((e) => {
  console.log(`FAIL test harness: ${e && e.stack ? e.stack : e}`);
  console.log('browser: 0 passed, 1 failed');
  process.exit(1);
});
