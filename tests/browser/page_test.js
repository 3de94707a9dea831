#!/usr/bin/env node
// Browser test of the single-file page, opened over file:// in headless
// Chromium (playwright-core, no bundled browser: /usr/bin/chromium).
// Usage: node tests/browser/page_test.js PAGE_HTML EXAMPLES_DIR OUT_DIR
// Prints one line per check and `browser: N passed, M failed`; exit 1 on failure.
'use strict';
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { createChecks, assert, waitFor } = require('./checks');
const { fileSpec } = require('./chromium');
const steps = require('./steps');
const { dropFiles, waitSettled, openDoc, showTab } = steps;

const [pageHtml, examplesDir, outDir] = process.argv.slice(2);
const shots = [];
if (!outDir) {
  console.error('usage: node tests/browser/page_test.js PAGE_HTML EXAMPLES_DIR OUT_DIR');
  process.exit(2);
}

const MARKUP = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">';

// Documents for the 300-document drop: BBC articles when the shared corpus is
// there, else the examples with a numbered line added (not identical).
function manyDocuments(examplesDir, examples, n) {
  // ../shared sits beside the repository (on CI too); NEWSLENS_SHARED overrides.
  const shared = process.env.NEWSLENS_SHARED || path.resolve(__dirname, '../../../shared');
  const root = path.join(shared, 'corpus/bbc');
  let files = [];
  if (fs.existsSync(root)) {
    for (const topic of fs.readdirSync(root).sort()) {
      const dir = path.join(root, topic);
      if (!fs.statSync(dir).isDirectory()) continue;
      for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.txt')) files.push(path.join(dir, f));
    }
  }
  // Every topic, not only the first one: take evenly spaced files.
  if (files.length >= n) {
    const step = files.length / n;
    return Array.from({ length: n }, (_, i) => {
      const f = files[Math.floor(i * step)];
      return fileSpec(`${path.basename(path.dirname(f))}-${path.basename(f)}`, fs.readFileSync(f));
    });
  }
  return Array.from({ length: n }, (_, i) => {
    const name = examples[i % examples.length];
    const text = fs.readFileSync(path.join(examplesDir, name), 'utf8');
    return fileSpec(`copy${i}-${name}`, Buffer.from(`Copy ${i}.\n${text}`));
  });
}

const shot = (page, name) => steps.shot(page, outDir, name);

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

  const { browser, page, requests, problems } = await steps.openBrowser();

  const { check, summary } = createChecks('browser');
  let plugins = [];

  await check('module loads over file://', async () => {
    await page.goto(pageUrl);
    await page.waitForFunction(() => document.body.dataset.state !== 'loading', null, { timeout: 30000 });
    const state = await page.evaluate(() => document.body.dataset.state);
    assert(state === 'ready', `page state is "${state}": ${await page.textContent('#status')}`);
    plugins = await page.evaluate(() => window.newslens.plugins);
    // The analyzer lives in the worker only: the page itself has no module.
    const onMain = await page.evaluate(() => typeof window.NewslensModule);
    assert(onMain === 'undefined', 'the module was started on the main thread');
    return `plugins: ${plugins.map((p) => p.name).join(', ') || '(none)'}, in a Worker from a Blob URL`;
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

  await check('document list: name, size, counts per plugin, repeats marked', async () => {
    const items = await page.$$eval('#doc-list li.doc-item', (lis) => lis.map((li) => ({
      name: li.querySelector('.doc-file').textContent,
      info: li.querySelector('.doc-info').textContent,
      badges: Array.from(li.querySelectorAll('.badge')).map((b) => b.textContent),
      note: (li.querySelector('.repeat-note') || { textContent: '' }).textContent,
      remove: !!li.querySelector('button.remove'),
    })));
    assert(items.length === examples.length, `${items.length} items`);
    for (const it of items) {
      assert(examples.includes(it.name), `unexpected item ${it.name}`);
      assert(/\d+(\.\d)? (B|KB)/.test(it.info), `${it.name}: no size in "${it.info}"`);
      assert(it.badges.length === plugins.length, `${it.name}: badges ${it.badges.join(',')}`);
      assert(it.remove, `${it.name}: no remove button`);
    }
    const noted = items.filter((it) => /repeated paragraph/.test(it.note));
    assert(noted.length >= 1, 'no document marked with repeated paragraphs (003 repeats a block)');
    const clear = await page.isEnabled('#clear-all');
    assert(clear, 'Clear all is disabled');
    return `${items.length} items; ${noted.map((it) => `${it.name}: ${it.note}`).join('; ')}`;
  });

  await check('highlights and popovers match the results (flat segments, overlaps)', async () => {
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
          const mark = got ? app.marks.get(id)[0] : null;
          const words = mark ? popoverText(app, doc.result.mentions, mark.dataset.ids.split(' ').map(Number)) : '';
          if (mark && (!words.includes(`“${m.text}”`) || mark.tabIndex !== 0)) errors.push(`mention ${id}: its popover lacks it or it cannot take focus`);
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
    assert(json.mentions.every((m) => !('start16' in m) && 'start' in m), 'not the CLI schema (start16 present)');
    return `${download.suggestedFilename()}, ${json.mentions.length} mentions`;
  });

  await check('tables across documents: sort, filter by text and document, link to the span, copy', async () => {
    await showTab(page, 'tables');
    const info = await page.evaluate(() => Array.from(document.querySelectorAll('#all-tables section.plugin-table')).map((s) => ({
      plugin: s.dataset.plugin,
      docs: new Set(Array.from(s.querySelectorAll('tbody tr')).map((tr) => tr.dataset.doc)).size,
      rows: s.querySelectorAll('tbody tr').length,
    })));
    assert(info.length === plugins.length, `${info.length} tables for ${plugins.length} plugins`);
    const docsSeen = await page.$$eval('#all-tables tbody tr[data-doc]', (trs) => new Set(trs.map((tr) => tr.dataset.doc)).size);
    assert(docsSeen === examples.length, `rows from ${docsSeen} of ${examples.length} documents`);
    if (!plugins.some((p) => p.name === 'numbers')) return info.map((t) => `${t.plugin} ${t.rows}`).join(', ');
    // Sort numbers by value, descending (two clicks).
    const th = page.locator('#all-tables section[data-plugin="numbers"] th[data-key="value"]');
    await th.click();
    await th.click();
    const values = await page.$$eval('#all-tables section[data-plugin="numbers"] tbody tr', (trs) => {
      const head = Array.from(trs[0].closest('table').querySelectorAll('th')).map((h) => h.dataset.key);
      const i = head.indexOf('value');
      return trs.map((tr) => Number(tr.children[i].dataset.value));
    });
    for (let i = 1; i < values.length; i++) assert(values[i - 1] >= values[i], `not sorted: ${values[i - 1]} before ${values[i]}`);
    // Filter by text.
    await page.fill('#filter-text', 'soldiers');
    await page.waitForFunction(() => {
      const trs = document.querySelectorAll('#all-tables section[data-plugin="numbers"] tbody tr');
      return trs.length > 0 && Array.from(trs).every((tr) => tr.textContent.toLowerCase().includes('soldiers'));
    });
    const soldierRows = await page.$$eval('#all-tables section[data-plugin="numbers"] tbody tr', (t) => t.length);
    // Copy the filtered table.
    await page.click('#all-tables section[data-plugin="numbers"] button.copy');
    const copied = await page.evaluate(() => window.newslens.lastCopy);
    assert(copied && copied.trim().split('\n').length === soldierRows + 1, 'copied text does not match the table');
    // Filter by document.
    const second = await page.evaluate((f) => String(window.newslens.docs.find((d) => d.file === f).id), examples[1]);
    await page.selectOption('#filter-doc', second);
    const docIds = await page.$$eval('#all-tables tbody tr[data-doc]', (trs) => new Set(trs.map((tr) => tr.dataset.doc)).size);
    assert(docIds === 1, `document filter leaves rows of ${docIds} documents`);
    await page.selectOption('#filter-doc', '');
    await page.fill('#filter-text', '');
    await page.waitForTimeout(300);
    // A row opens its document with the span flashed.
    const row = page.locator('#all-tables section[data-plugin="numbers"] tbody tr').first();
    const id = await row.getAttribute('data-id');
    await row.click();
    await page.waitForFunction((mid) => !document.getElementById('tab-doc').hidden
      && Array.from(document.querySelectorAll(`#doc-text mark[data-ids~="${mid}"]`)).some((m) => m.classList.contains('flash')), id);
    return `${info.map((t) => `${t.plugin} ${t.rows} rows from ${t.docs} docs`).join(', ')}; ${soldierRows} "soldiers" rows copied`;
  });

  await check('export all (CLI JSON array) and CSV per plugin', async () => {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.click('#export-all')]);
    const json = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    assert(Array.isArray(json) && json.length === examples.length, `array of ${json.length}`);
    assert(json.every((d) => d.document && Array.isArray(d.mentions) && Array.isArray(d.errors)), 'not the CLI schema');
    if (!plugins.length) return `${json.length} documents`;
    await showTab(page, 'tables');
    const p = plugins[0].name;
    const [csv] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }),
      page.click(`#all-tables section[data-plugin="${p}"] button.csv`)]);
    const csvText = fs.readFileSync(await csv.path(), 'utf8');
    assert(csvText.startsWith('\ufeff'), 'the CSV has no UTF-8 byte-order mark');
    const lines = csvText.slice(1).trim().split('\n');
    assert(lines[0].startsWith('document,plugin,start,end,text'), `CSV header "${lines[0]}"`);
    return `${json.length} documents; ${csv.suggestedFilename()} ${lines.length - 1} rows`;
  });

  await check('numbers across sources: the deserting soldiers', async () => {
    if (!plugins.some((p) => p.name === 'numbers')) return 'skipped: no numbers plugin';
    await showTab(page, 'numbers');
    const explained = await page.textContent('#tab-numbers .explain');
    assert(/synonymous counted noun/.test(explained), 'the grouping rule is not explained');
    const groups = await page.$$eval('#number-groups .number-group', (gs) => gs.map((g) => ({
      family: g.dataset.family, sources: Number(g.dataset.sources),
      figures: g.querySelector('.figures').textContent, flagged: !!g.querySelector('.flag'), spread: !!g.querySelector('.spread-note'),
      timeline: g.querySelectorAll('svg.timeline .point').length,
    })));
    const g = groups.find((x) => x.family === 'soldier' && /270/.test(x.figures) && /326/.test(x.figures));
    assert(g, `no soldiers group with 270 and 326: ${groups.map((x) => x.figures).join(' | ')}`);
    assert(g.sources >= 4, `only ${g.sources} sources`);
    assert(/100/.test(g.figures) && /320/.test(g.figures), `figures: ${g.figures}`);
    // Issue 13: a count that rose is a spread, not a conflict between sources.
    assert(g.spread && !g.flagged, `spread ${g.spread}, conflict flag ${g.flagged}`);
    assert(g.timeline >= g.sources, `${g.timeline} points on the timeline`);
    shots.push(await shot(page, 'numbers.png'));
    return `${groups.length} groups; soldiers: ${g.figures} (${g.sources} sources, spread, no conflict, ${g.timeline} points)`;
  });

  await check('quotes across sources: a grouped quote with its sources', async () => {
    if (!plugins.some((p) => p.name === 'quotes')) return 'skipped: no quotes plugin';
    await showTab(page, 'quotes');
    const groups = await page.$$eval('#quote-groups .quote-group', (gs) => gs.map((g) => ({
      text: g.querySelector('blockquote').textContent, speakers: g.querySelector('.speakers').textContent,
      sources: Array.from(g.querySelectorAll('.sources li button')).map((b) => b.textContent),
    })));
    const g = groups.find((x) => /tired of people seeing me/.test(x.text));
    assert(g, `quote not grouped: ${groups.map((x) => x.text.slice(0, 40)).join(' | ')}`);
    assert(new Set(g.sources).size >= 2, `sources: ${g.sources.join(', ')}`);
    assert(/Jorge Torres/.test(g.speakers), `speakers: ${g.speakers}`);
    shots.push(await shot(page, 'quotes.png'));
    return `${groups.length} groups; “${g.text.slice(1, 45)}…” ${g.speakers.trim()} in ${[...new Set(g.sources)].join(', ')}`;
  });

  await check('places: world map with markers; a click filters the tables', async () => {
    if (!plugins.some((p) => p.name === 'locations')) return 'skipped: no locations plugin';
    await showTab(page, 'places');
    const paths = await page.$$eval('#map .countries path', (p) => p.length);
    assert(paths > 150, `${paths} country shapes`);
    // Countries are shaded by sources; other places are markers sized by sources.
    const countries = await page.$$eval('#map path.named', (ps) => ps.map((p) => ({ place: p.dataset.place, n: Number(p.dataset.sources) })));
    const ve = countries.find((m) => m.place === 'Venezuela');
    assert(ve && ve.n >= 4, `Venezuela not shaded: ${countries.map((m) => m.place).join(', ')}`);
    const markers = await page.$$eval('#map .marker', (gs) => gs.map((g) => ({ n: Number(g.dataset.sources), r: Number(g.querySelector('.dot').getAttribute('r')) })));
    assert(markers.length > 0, 'no marker');
    const big = markers.reduce((a, m) => (m.n > a.n ? m : a));
    const small = markers.find((m) => m.n < big.n);
    assert(!small || small.r < big.r, 'marker size does not follow sources');
    shots.push(await shot(page, 'places.png'));
    // Smaller markers are drawn on top of big ones, so a plain click at the
    // centre may land on a neighbour: send it to the marker itself.
    await page.locator('#map path.named[data-place="Colombia"]').dispatchEvent('click');
    await page.waitForFunction(() => !document.getElementById('tab-tables').hidden && !document.getElementById('filter-place').hidden);
    // Locations are grouped by place: Colombia and its places.
    const names = await page.$$eval('#all-tables section[data-plugin="locations"] tbody tr.group-row', (trs) => trs.map((tr) => tr.dataset.group));
    assert(names.includes('Colombia|CO') && names.every((n) => n.endsWith('|CO')), `location rows after the click: ${[...new Set(names)].join(', ')}`);
    shots.push(await shot(page, 'tables.png'));
    await page.click('#filter-place .chip-x');
    return `${paths} countries, ${countries.length} shaded (Venezuela ${ve.n} sources), ${markers.length} markers; Colombia filter → ${names.join(', ')}`;
  });

  await check('an identical document is marked and not counted twice', async () => {
    const name = examples[2];
    const before = await page.evaluate(() => window.newslens.model.numbers.map((g) => g.sources).join(','));
    await dropFiles(page, [fileSpec('same-as-' + name, fs.readFileSync(path.join(examplesDir, name)))]);
    await waitSettled(page, examples.length + 1);
    const note = await page.textContent('#doc-list li.doc-item:last-child .repeat-note');
    assert(/identical to/.test(note), `note: "${note}"`);
    await showTab(page, 'numbers');
    const after = await page.evaluate(() => window.newslens.model.numbers.map((g) => g.sources).join(','));
    assert(before === after, `sources per group changed: ${before} → ${after}`);
    await page.click('#doc-list li.doc-item:last-child button.remove');
    await waitSettled(page, examples.length);
    return note;
  });

  await check('bad files get a clear message, the others remain', async () => {
    await dropFiles(page, [
      fileSpec('binary.txt', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x21, 0x5a]),  // a zip header
      fileSpec('latin1.txt', Buffer.from('Caf\xe9 in M\xfcnchen costs 3 euros.', 'latin1')),
      fileSpec('empty.txt', []),
    ]);
    await waitSettled(page, examples.length + 3);
    const status = await page.$$eval('#doc-list li.doc-item', (lis) => Object.fromEntries(lis.map((li) =>
      [li.querySelector('.doc-file').textContent, { cls: li.className, msg: li.querySelector('.doc-status').textContent }])));
    // Latin-1 is decoded now (tests/browser/workspace_test.js); a ZIP is named as such.
    const expect = { 'binary.txt': /ZIP archive is not supported/i, 'empty.txt': /empty/i };
    for (const [name, re] of Object.entries(expect)) {
      assert(status[name] && /\bbad\b/.test(status[name].cls), `${name} is not marked bad`);
      assert(re.test(status[name].msg), `${name}: unexpected message "${status[name].msg}"`);
    }
    for (const name of examples) assert(status[name] && /\bdone\b/.test(status[name].cls), `${name} lost or not done`);
    assert(status['latin1.txt'] && /\bdone\b/.test(status['latin1.txt'].cls), 'latin1.txt not decoded');
    await openDoc(page, 'binary.txt');
    const shown = await page.textContent('#doc-problems');
    assert(/not supported/.test(shown), `the document view says "${shown}"`);
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
    await page.waitForFunction(() => document.getElementById('doc').dataset.file.startsWith('pasted text'));
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
    const injected = await page.evaluate(() => document.querySelectorAll('#doc script, #doc img, #doc b, #all-tables b, #doc-list b').length);
    assert(injected === 0, `${injected} elements were created from document text`);
    const pwned = await page.evaluate(() => typeof window.__pwned);
    assert(pwned === 'undefined', `window.__pwned is ${pwned}`);
    return 'paste event and text box; window.__pwned undefined';
  });

  await check('screenshot of a document', async () => {
    await showTab(page, 'doc');
    await openDoc(page, examples[3]);
    await page.evaluate(() => { document.querySelector('.side').scrollTop = 0; });
    const row = page.locator('#tables tbody tr').nth(2);
    if (await row.count()) { await row.click(); await page.waitForTimeout(400); }
    // 003 repeats a block of paragraphs: they are shaded in the text.
    const shaded = await page.$$eval('#doc-text span.repeat', (l) => l.length);
    assert(shaded > 0, `no shaded repeated paragraph in ${examples[3]}`);
    const file = await shot(page, 'page.png');
    shots.push(file);
    return `${file}; ${shaded} repeated paragraphs shaded`;
  });

  await check('other stories and boilerplate shaded and folded; a passage moved into the article and back', async () => {
    await showTab(page, 'doc');
    await openDoc(page, examples[0]);  // 000: five other stories appended to the article
    const before = await page.evaluate(() => {
      // (A row clicked earlier unfolded the story holding its span.)
      const stories = new Set(Array.from(document.querySelectorAll('#doc-text .passage.p-story')).map((e) => e.dataset.passage));
      const folded = new Set(Array.from(document.querySelectorAll('#doc-text .passage.p-story.folded')).map((e) => e.dataset.passage));
      const app = window.newslens;
      const doc = app.docs.find((d) => d.id === app.currentId);
      return { stories: stories.size, folded: folded.size, text: document.getElementById('doc-text').textContent === doc.text,
        outside: doc.result.mentions.filter((m) => m.segment === 'story').length };
    });
    assert(before.stories >= 5 && before.folded >= 4, `${before.stories} other stories (${before.folded} folded) in ${examples[0]}`);
    assert(before.text, 'the bars changed the text');
    assert(before.outside > 0, 'no mention in another story');
    const move = page.locator('#doc-text .passage.p-story .passage-move').first();
    const start = await move.evaluate((b) => b.closest('.passage').dataset.passage);
    await move.click();
    const moved = await page.evaluate((s) => {
      const app = window.newslens;
      const doc = app.docs.find((d) => d.id === app.currentId);
      const p = document.querySelector(`#doc-text .passage[data-passage="${s}"]`);
      return { moves: JSON.stringify(doc.segmentMoves), kind: p && p.className,
        outside: doc.result.mentions.filter((m) => m.segment === 'story').length };
    }, start);
    assert(moved.moves === `{"${start}":"in"}`, `moves ${moved.moves}`);
    assert(/p-article/.test(moved.kind) && /moved/.test(moved.kind), `the moved passage is "${moved.kind}"`);
    assert(moved.outside < before.outside, 'its mentions still say story');
    await page.locator(`#doc-text .passage[data-passage="${start}"] .passage-move`).click();
    const back = await page.evaluate(() => {
      const app = window.newslens;
      const doc = app.docs.find((d) => d.id === app.currentId);
      return { moves: JSON.stringify(doc.segmentMoves), outside: doc.result.mentions.filter((m) => m.segment === 'story').length };
    });
    assert(back.moves === '{}' && back.outside === before.outside, `moved back: ${JSON.stringify(back)}`);
    return `${before.stories} other stories, ${before.folded} folded; story at ${start} moved in (${before.outside} → ${moved.outside} story mentions) and back`;
  });

  await check('plugins loaded at run time: rule plugins (.json) and compiled side modules (.wasm)', async () => {
    // Compiled plugins of this build sit beside the page's build folder.
    const loadable = path.resolve(path.dirname(pageHtml), '../loadable-plugins');
    const wasm = fs.readdirSync(loadable).filter((f) => f.endsWith('.wasm') && !f.includes('-wrong-abi'));
    const wrong = fs.readdirSync(loadable).filter((f) => f.endsWith('-wrong-abi.wasm'));
    assert(wasm.length && wrong.length, `no side modules in ${loadable}`);
    const broken = '{"newslens_rule_plugin": 1, "name": "broken", "description": "x", "rules": [{"id": "r", "pattern": "(oops"}]}';
    await dropFiles(page, [
      fileSpec('casualties.json', fs.readFileSync(path.join(examplesDir, 'plugins/casualties.json'))),
      fileSpec('broken.json', Buffer.from(broken)),
      fileSpec(wasm[0], fs.readFileSync(path.join(loadable, wasm[0]))),
      fileSpec(wrong[0], fs.readFileSync(path.join(loadable, wrong[0]))),
    ]);
    const compiledName = wasm[0].replace(/\.wasm$/, '');
    await page.waitForFunction((n) => document.querySelector('#side-plugins li[data-plugin="casualties"]') &&
      /compiled plugin/.test((document.querySelector(`#side-plugins li[data-plugin="${n}"]`) || {}).textContent || ''),
    compiledName, { timeout: 30000 });
    const problems = await page.$$eval('#plugin-problems li', (l) => l.map((li) => li.textContent));
    assert(problems.some((t) => /broken\.json: rules\[0\] \(id 'r'\)\.pattern: regex error at offset/.test(t)),
      `broken.json not reported precisely: ${JSON.stringify(problems)}`);
    assert(problems.some((t) => /built for plugin ABI 999/.test(t)), `wrong ABI not reported: ${JSON.stringify(problems)}`);
    // Documents already there are analysed again with the new plugins.
    const victim = examples.find((e) => e.startsWith('004')) || examples[0];
    await page.waitForFunction((name) => {
      const d = window.newslens.docs.find((x) => x.file === name);
      return d && d.status === 'done' && d.result.mentions.some((m) => m.plugin === 'casualties');
    }, victim, { timeout: 60000 });
    await showTab(page, 'doc');
    await openDoc(page, victim);
    const rows = await rowsPerPlugin(page);
    assert(rows.casualties > 0, `no casualties rows in ${victim}: ${JSON.stringify(rows)}`);
    assert(rows[compiledName] > 0, `no ${compiledName} rows in ${victim}: ${JSON.stringify(rows)}`);
    shots.push(await shot(page, 'plugins.png'));
    // Switching a plugin off analyses the documents again without it.
    await page.click('#side-plugins li[data-plugin="casualties"] input[type=checkbox]');
    await page.waitForFunction((name) => {
      const d = window.newslens.docs.find((x) => x.file === name);
      return d && d.status === 'done' && !d.result.mentions.some((m) => m.plugin === 'casualties');
    }, victim, { timeout: 60000 });
    await page.click('#side-plugins li[data-plugin="casualties"] input[type=checkbox]');
    await waitSettled(page, await page.$$eval('#doc-list li.doc-item', (l) => l.length));
    return `${victim}: casualties ${rows.casualties} rows, ${compiledName} (from ${wasm[0]}) ${rows[compiledName]} rows; ` +
      `${problems.length} load problems reported; toggle re-analyses`;
  });

  const many = manyDocuments(examplesDir, examples, 300);

  await check('clear all, then cancel a run and resume it', async () => {
    await page.click('#clear-all');
    await page.waitForFunction(() => document.querySelectorAll('#doc-list li.doc-item').length === 0);
    // Big documents (an example repeated to about 1 MB), so that the run is
    // still going when Cancel is clicked.
    const big = fs.readFileSync(path.join(examplesDir, examples[0]), 'utf8');
    const bigDocs = Array.from({ length: 12 }, (_, i) => fileSpec(`big${i}.txt`, Buffer.from(`Big ${i}.\n` + big.repeat(Math.ceil(1e6 / big.length)))));
    await dropFiles(page, bigDocs);
    await page.waitForFunction(() => !document.getElementById('progress-row').hidden);
    await page.click('#cancel');
    await page.waitForFunction(() => !document.getElementById('resume').hidden, null, { timeout: 5000 });
    await page.waitForFunction(() => document.querySelectorAll('#doc-list li.cancelled').length > 0, null, { timeout: 5000 });
    const cancelled = await page.$$eval('#doc-list li.cancelled', (l) => l.length);
    assert(cancelled > 0, 'nothing was cancelled (the run was already over?)');
    assert(await page.isVisible('#resume'), 'no way to resume');
    await page.click('#resume');
    // 12 MB with six plugins after two workers restart: minutes on a busy 2-core machine.
    await waitSettled(page, bigDocs.length, 240000);
    await page.click('#clear-all');
    await page.waitForFunction(() => document.querySelectorAll('#doc-list li.doc-item').length === 0);
    return `${cancelled} of ${bigDocs.length} cancelled, then resumed to the end`;
  });

  await check('300-document drop: the progress bar reaches 100% and the page answers clicks', async () => {
    // A probe in the page: the longest gap between timer ticks while the run
    // goes on (a blocked main thread shows as a long gap).
    await page.evaluate(() => {
      window.__gap = 0;
      let last = performance.now();
      window.__probe = setInterval(() => { const now = performance.now(); window.__gap = Math.max(window.__gap, now - last); last = now; }, 20);
    });
    const t0 = Date.now();
    await dropFiles(page, many);
    // While it runs: switch tabs and time how fast the page answers.
    const answers = [];
    for (const tab of ['tables', 'numbers', 'doc']) {
      const percent = await page.evaluate(() => Number(document.getElementById('progress-row').dataset.percent || 0));
      const c0 = Date.now();
      await page.click(`.tabs [data-tab="${tab}"]`, { timeout: 5000 });
      await page.waitForFunction((n) => !document.getElementById(`tab-${n}`).hidden, tab, { timeout: 5000 });
      answers.push(`${tab} at ${percent}%: ${Date.now() - c0} ms`);
    }
    await page.waitForFunction(() => document.getElementById('progress-row').dataset.percent === '100'
      && document.getElementById('progress-bar').value === document.getElementById('progress-bar').max
      && /Analysed 300 documents/.test(document.getElementById('progress').textContent), null, { timeout: 60000 });
    await waitSettled(page, 300);
    const seconds = (Date.now() - t0) / 1000;
    const gap = await page.evaluate(() => { clearInterval(window.__probe); return window.__gap; });
    // A main thread blocked by the analysis (the work of the old one-thread
    // page) is blocked for the whole run; on this shared machine a busy
    // moment alone gives gaps of 1-1.2 s, so the bound is 2.5 s.
    assert(gap < 2500, `the main thread was blocked for ${Math.round(gap)} ms`);
    const summary = await page.textContent('#doc-summary');
    await showTab(page, 'numbers');
    shots.push(await shot(page, 'many-numbers.png'));
    await showTab(page, 'places');
    shots.push(await shot(page, 'many-places.png'));
    return `${seconds.toFixed(1)} s from drop to settled (${await page.textContent('#progress')}); longest main-thread gap ${Math.round(gap)} ms; clicks: ${answers.join('; ')}; ${summary}`;
  });

  await check('no network requests, no script errors', async () => {
    // blob: is the worker's own source, created in the page; nothing else may load.
    const others = requests.filter((u) => u !== pageUrl && !u.startsWith('blob:'));
    assert(others.length === 0, `requests: ${others.slice(0, 5).join(', ')}`);
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert(/default-src 'none'/.test(csp) && /connect-src 'none'/.test(csp), `CSP: ${csp}`);
    // And the CSP really blocks: a fetch from the page fails.
    const blocked = await page.evaluate(() => fetch('https://example.com/').then(() => false, () => true));
    assert(blocked, 'a fetch to the network was not blocked');
    problems.splice(0, problems.length, ...problems.filter((p) => !/example\.com|Content Security Policy/.test(p)));
    assert(problems.length === 0, problems.slice(0, 3).join(' | '));
    return `${requests.length} request(s), all the page itself`;
  });

  await steps.finish(browser, shots, summary);
}

steps.run(main, 'browser');
