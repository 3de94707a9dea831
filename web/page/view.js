// DOM rendering: the document list and the current document (legend,
// highlighted text, one table per plugin). Article text and plugin output are
// untrusted: they only ever reach the page as text nodes (el() below never
// touches innerHTML), so markup in an article is shown, never run.
'use strict';

// Small element builder. Children may be nodes or strings (strings become
// text nodes through append()).
function el(tag, props, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k === 'style') for (const [p, val] of Object.entries(v)) e.style.setProperty(p, val);
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k.includes('-')) e.setAttribute(k, v);  // aria-*
    else e[k] = v;
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

// n.toLocaleString() without its cost: each call sets up a number format
// (in Chromium a few microseconds; a table's counts were 4 ms of a redraw).
const COUNT_FORMAT = new Intl.NumberFormat();
function formatCount(n) { return COUNT_FORMAT.format(n); }

function swatch(index) {
  const c = pluginColor(index);
  return el('span', { class: 'swatch', style: { '--fill': c.fill, '--line': c.line } });
}

// Plugins of the build with descriptions, shown before any document is added.
function renderPluginList(plugins) {
  const list = document.getElementById('plugin-list');
  list.replaceChildren(...plugins.map((p, i) =>
    el('li', {}, swatch(i), el('strong', {}, p.name), ' ', el('span', { class: 'muted' }, p.description))));
  if (!plugins.length) list.append(el('li', { class: 'muted' }, 'This build has no plugins: documents can be added but nothing will be found.'));
}

function docStatusText(doc) {
  switch (doc.status) {
    case 'reading': return 'reading…';
    case 'queued': return 'waiting…';
    case 'analysing': return 'analysing…';
    case 'cancelled': return 'not analysed (cancelled)';
    case 'bad': return doc.message;
    default: {
      const n = doc.result.errors.length;
      return `${doc.result.mentions.length} results` + (n ? ` · ${n} plugin error${n > 1 ? 's' : ''}` : '');
    }
  }
}

// renderList: doclist.js.

// "identical to X" or "N repeated paragraphs", or null.
function repeatNote(app, doc) {
  if (doc.duplicateOf) {
    const orig = findDoc(doc.duplicateOf);
    return el('span', { class: 'repeat-note dup' }, `identical to ${orig ? orig.name : 'an earlier document'}: not counted`);
  }
  const n = (doc.repeats || []).length;
  return n ? el('span', { class: 'repeat-note' }, `${n} repeated paragraph${n > 1 ? 's' : ''}: counted once`) : null;
}

// Mentions per plugin index, in the order of app.plugins.
function countByPlugin(app, mentions) {
  const counts = app.plugins.map(() => 0);
  for (const m of mentions) counts[pluginIndex(app, m.plugin)]++;
  return counts;
}

// Shows `doc` (or the welcome text when null) in the main area.
function renderDoc(app, doc) {
  document.getElementById('welcome').hidden = !!doc;
  const view = document.getElementById('doc');
  view.hidden = !doc && !app.editor;  // the plugin editor sits beside the text
  app.marks = new Map();
  app.rows = new Map();
  if (!doc || doc.id !== app.selectedDoc) app.selectedId = null;  // the selected row is of the document shown
  app.selectedDoc = doc ? doc.id : null;
  view.classList.toggle('no-doc', !doc);
  if (!doc) return;

  document.getElementById('doc-title').textContent = doc.name;
  view.dataset.file = doc.file || '';
  document.getElementById('doc-edit').hidden = true;
  document.getElementById('doc-rename').hidden = false;
  const done = doc.status === 'done';
  const meta = [doc.file, doc.outlet, doc.date, formatBytes(doc.size)].filter(Boolean);
  if (done) {
    meta.push(`${formatCount(doc.result.chars)} characters`, `${doc.result.mentions.length} results`,
      `analysed in ${doc.ms < 10 ? doc.ms.toFixed(1) : Math.round(doc.ms)} ms`);
  }
  if (done && doc.duplicateOf) meta.push('identical to an earlier document (left out of the comparisons)');
  else if (done && doc.repeats && doc.repeats.length) meta.push(`${doc.repeats.length} repeated paragraph(s), shaded`);
  const outside = done ? outsideCount(doc) : 0;
  if (outside) meta.push(`${outside} passage(s) not the article (other stories, page furniture), shaded and folded`);
  document.getElementById('doc-meta').textContent = meta.join(' · ');
  document.getElementById('export').disabled = !done;

  const problems = document.getElementById('doc-problems');
  problems.replaceChildren();
  if (doc.note) problems.append(el('p', { class: 'note decode-note' }, `${doc.note}.`));
  if (doc.status === 'bad') problems.append(el('p', { class: 'problem' }, `This file cannot be analysed: ${doc.message}.`));
  else if (!done) problems.append(el('p', { class: 'note' }, 'Not analysed yet: ' + docStatusText(doc)));
  else for (const e of doc.result.errors) problems.append(el('p', { class: 'problem' }, `Plugin error: ${e}`));

  renderLegend(app, doc);
  renderText(app, doc);
  // A long text is painted before its tables are built (they take longer).
  if (doc.status === 'done' && doc.text.length > EAGER_CHARS) {
    const box = document.getElementById('tables');
    box.replaceChildren(el('p', { class: 'muted' }, 'Building the tables…'));
    app.tableSteps = null;
    requestAnimationFrame(() => setTimeout(() => { if (findDoc(app.currentId) === doc) renderTables(app, doc, true); }, 0));
  } else renderTables(app, doc);
}

// One entry per plugin: colour, name, count; unticking hides its highlights.
function renderLegend(app, doc) {
  const legend = document.getElementById('legend');
  legend.replaceChildren();
  if (doc.status !== 'done') return;
  const counts = docCounts(app, doc);
  app.plugins.forEach((p, i) => {
    legend.append(el('label', { class: 'legend-item', title: p.description },
      el('input', {
        type: 'checkbox', checked: !app.hidden.has(p.name),
        onchange: (ev) => { ev.target.checked ? app.hidden.delete(p.name) : app.hidden.add(p.name); renderText(app, doc); },
      }),
      legendSample(i, p.name), el('span', {}, p.name), el('span', { class: 'muted' }, ` ${counts[i]}`)));
  });
}

// The article with one <mark> per flat segment (see buildSegments), drawn
// in chunks, only where the pane is scrolled to for a long text
// (textview.js). A segment covered by several plugins shows all of them
// (makeHighlight, web/page/highlight.js).
function renderText(app, doc) {
  if (app.editor) renderPreviewText(); else renderTextView(app, doc);
}

const DOC_VIRTUAL_ROWS = 300;  // a longer table is drawn as a window over its rows (vtable.js)
const TABLE_STEP_ITEMS = 20000;  // mentions gone through between two yields of tableSteps
const TABLE_TASK_MS = 25;        // and the work of one task, at most about this long

// One table per plugin that found something: #, text, then the plugin's own
// fields as columns (whatever it returns). Plugins that found nothing are
// listed in one line. Each table is one tab stop (rovingRows, or
// virtualRows for a long one, whose rows are built as they come into view:
// a multi-megabyte article's tables cost no more than a short one's). The
// tables of a long text are built over several tasks (tableSteps), so
// that the page answers meanwhile.
function renderTables(app, doc, inSteps) {
  const steps = tableSteps(app, doc);
  if (!inSteps) { app.tableSteps = null; while (!steps.next().done); return; }
  const run = () => {
    if (findDoc(app.currentId) !== doc || app.tableSteps !== steps) return;
    const t0 = performance.now();
    while (performance.now() - t0 < TABLE_TASK_MS) if (steps.next().done) return;
    setTimeout(run, 0);
  };
  app.tableSteps = steps;
  run();
}

function* tableSteps(app, doc) {
  const box = document.getElementById('tables');
  app.rows = new Map();
  app.docTables = {};
  if (doc.status !== 'done') { box.replaceChildren(); box.hidden = true; return; }
  const byPlugin = app.plugins.map(() => []);
  const mentions = doc.result.mentions;
  for (let id = 0; id < mentions.length; id++) {
    byPlugin[pluginIndex(app, mentions[id].plugin)].push({ m: mentions[id], id });
    if (id % TABLE_STEP_ITEMS === TABLE_STEP_ITEMS - 1) yield;
  }
  const sections = [];
  const empty = [];
  for (let i = 0; i < app.plugins.length; i++) {
    const p = app.plugins[i];
    const items = byPlugin[i];
    if (!items.length) { empty.push(p.name); continue; }
    // fieldKeys (segments.js), a step at a time.
    const found = [];
    const seen = new Set();
    for (let n = 0; n < items.length; n++) {
      for (const k of Object.keys(items[n].m)) if (!POSITION_KEYS.has(k) && !seen.has(k)) { seen.add(k); found.push(k); }
      if (n % TABLE_STEP_ITEMS === TABLE_STEP_ITEMS - 1) yield;
    }
    const keys = visibleKeys(p.name, found);
    const head = el('tr', {}, el('th', { class: 'num', scope: 'col' }, '#'), el('th', { scope: 'col' }, fieldLabel(p.name, 'text')),
      ...keys.map((k) => el('th', { scope: 'col', dataset: { key: k } }, fieldLabel(p.name, k))));
    const makeRow = ({ m, id }, n) => {
      const tr = el('tr', { tabIndex: -1, dataset: { id }, title: 'Show in the text' },
      el('td', { class: 'num' }, String(n + 1)),
      el('td', { class: 'mention-text' }, m.text),
      ...keys.map((k) => fieldCell(p.name, k, m)));
      if (app.selectedId === id) tr.classList.add('selected');
      app.rows.set(id, tr);
      return tr;
    };
    const long = items.length > DOC_VIRTUAL_ROWS;
    const body = long ? el('tbody', {}) : rovingBody(items.map(makeRow));
    // Enter, Space or a click shows the span.
    delegateRows(body, ['Enter', ' '], (tr, ev) => {
      if (ev.type === 'keydown') ev.preventDefault();
      showMention(Number(tr.dataset.id));
    });
    const wrap = el('div', { class: 'table-wrap' + (long ? ' virtual' : '') },
      el('table', { 'aria-label': `${p.name} results`, 'aria-rowcount': String(items.length + 1) }, el('thead', {}, head), body));
    if (long) {
      // Mention id -> row, for showRow (app.js).
      const index = new Map();
      for (let n = 0; n < items.length; n++) {
        index.set(items[n].id, n);
        if (n % TABLE_STEP_ITEMS === TABLE_STEP_ITEMS - 1) yield;
      }
      // Its first rows drawn before the table is on the page (no layout is read).
      app.docTables[p.name] = Object.assign({ index }, virtualRows(wrap, body, items, makeRow, keys.length + 2, `doc:${p.name}`));
      yield;
    }
    sections.push(el('section', { class: 'plugin-table', dataset: { plugin: p.name } },
      el('h3', {}, swatch(i), p.name, el('span', { class: 'muted' }, ` ${items.length} · ${p.description}`)), wrap));
  }
  box.hidden = false;
  box.replaceChildren(...sections);
  if (empty.length) box.append(el('p', { class: 'muted no-results' }, `No results from: ${empty.join(', ')}.`));
  if (!app.plugins.length) box.append(el('p', { class: 'muted' }, 'This build has no plugins.'));
}

// A table cell of field `key`: the value in words, numbers right-aligned
// with the raw value kept for sorting and tests.
function fieldCell(plugin, key, m) {
  const v = m[key];
  const props = {};
  if (typeof v === 'number') { props.class = 'num'; props.dataset = { value: String(v) }; }
  return el('td', props, fieldText(plugin, key, v, m));
}

// One click and one keydown listener for all the rows of `tbody`, drawn
// now or later (a virtual table's): onRow(tr, ev) for a click in a row, or
// a key of `keys` pressed in it: two listeners per table instead of two
// per row (a table draws up to 300 rows at once, and a switch of documents
// draws one per plugin).
function delegateRows(tbody, keys, onRow) {
  const rowOf = (ev) => {
    const tr = ev.target.closest && ev.target.closest('tr');
    return tr && tr.parentElement === tbody && !tr.classList.contains('spacer') ? tr : null;
  };
  tbody.addEventListener('click', (ev) => { const tr = rowOf(ev); if (tr) onRow(tr, ev); });
  tbody.addEventListener('keydown', (ev) => {
    if (!keys.includes(ev.key)) return;
    const tr = rowOf(ev);
    if (tr) onRow(tr, ev);
  });
}

function rovingBody(rows) {
  const body = el('tbody', {}, ...rows);
  rovingRows(body);
  return body;
}

// Restarts a CSS animation class on an element (removing and re-adding alone
// would be merged into one style change).
function flash(elem) {
  elem.classList.remove('flash');
  void elem.offsetWidth;
  elem.classList.add('flash');
}
