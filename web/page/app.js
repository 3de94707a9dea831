// Page state, input (drop, file picker, paste, textarea), the analysis queue
// and the tabs. Analysis runs in a Web Worker (worker.js), so the page stays
// responsive however many documents are dropped.
'use strict';

const app = {
  ready: null,       // Promise resolved when the worker's module has started
  plugins: [],       // [{name, description}], the build's plugins (palette order)
  docs: [],          // {id, name, size, status, message, bytes, text, result, ms, repeats, duplicateOf}
  queue: [],         // docs waiting for analysis, in arrival order
  batch: null,       // {total, done, t0}: the run the progress bar shows
  tab: 'doc',
  filter: { text: '', doc: '', place: null },  // cross-document tables
  hideRepeats: true,
  sort: {},          // plugin -> {key, dir}
  columns: {},       // plugin -> column keys of its cross-document table
  allExpanded: new Set(),
  ungrouped: new Set(), // plugins whose cross-document table lists every mention, not one row per name
  groupSort: {},     // plugin -> {key, dir} of its grouped table
  openGroups: new Set(), // 'plugin|group' rows opened to their mentions
  model: { mentions: [], numbers: [], quotes: [], places: [] },
  modelDirty: true,
  lastCopy: null,    // text of the last "Copy table" (the browser test reads it)
  currentId: null,   // the document shown
  selectWhenDone: null, // first document of the latest batch: shown once analysed
  hidden: new Set(), // plugins whose highlights are switched off
  expanded: new Set(), // plugins whose long table is shown in full (current doc)
  marks: new Map(),  // mention index -> its <mark> segments (current doc)
  rows: new Map(),   // mention index -> its table row (current doc)
  nextId: 1,
  pastes: 0,
  pluginFiles: [],   // {file, kind, bytes}: plugins loaded at run time, replayed into a restarted worker
  disabled: new Set(), // plugins switched off for analysis
  pluginProblems: [], // why plugin files failed to load, listed until dismissed (plugins.js)
};
// For the browser test and for poking around in the console.
window.newslens = app;

// A plugin's palette index. Names not in the build's list (should not happen)
// are appended so that they still get a colour and a table.
function pluginIndex(appState, name) {
  let i = appState.plugins.findIndex((p) => p.name === name);
  if (i < 0) { appState.plugins.push({ name, description: '' }); i = appState.plugins.length - 1; }
  return i;
}

function setStatus(text, isError) {
  const s = document.getElementById('status');
  s.textContent = text;
  s.classList.toggle('error', !!isError);
}
function setProgress(text) { document.getElementById('progress').textContent = text; }

// ---- documents -------------------------------------------------------------

function findDoc(id) { return app.docs.find((d) => d.id === id) || null; }

function newDoc(name, size) {
  const doc = { id: app.nextId++, name, size, status: 'reading', message: '', bytes: null, text: '', result: null, ms: 0 };
  app.docs.push(doc);
  if (app.selectWhenDone === null || !findDoc(app.selectWhenDone)) app.selectWhenDone = doc.id;
  return doc;
}

// Text typed or pasted: goes through the same byte checks as a file (a NUL
// character in a paste is refused like a binary file).
function addText(text, name) {
  app.pastes++;
  const doc = newDoc(name || `pasted text ${app.pastes}`, 0);
  app.selectWhenDone = doc.id;
  enqueue(doc, new TextEncoder().encode(text));
}

// Files from a drop or the picker. All of them appear in the list at once;
// they are read first and queued together, so the progress line can say
// "2 of 5" from the start.
async function addFiles(fileList) {
  const all = Array.from(fileList);
  // Plugin files dropped among the articles are loaded, not analysed.
  const plugins = all.filter((f) => pluginKind(f.name));
  if (plugins.length) await loadPluginFiles(plugins);
  const files = all.filter((f) => !pluginKind(f.name));
  if (!files.length) return;
  const docs = files.map((f) => newDoc(f.name, f.size));
  app.selectWhenDone = docs[0].id;
  renderList(app);
  const reads = await Promise.allSettled(files.map((f) => f.arrayBuffer()));
  reads.forEach((r, i) => {
    const doc = docs[i];
    if (!findDoc(doc.id)) return;  // removed while reading
    if (r.status === 'fulfilled') enqueue(doc, new Uint8Array(r.value));
    else markBad(doc, `could not be read (${r.reason && r.reason.message ? r.reason.message : r.reason})`);
  });
  renderList(app);
}

// ---- plugins loaded at run time ------------------------------------------------

// A rule plugin is a .json file, a compiled plugin a side module .wasm.
function pluginKind(fileName) {
  if (/\.json$/i.test(fileName)) return 'rules';
  if (/\.wasm$/i.test(fileName)) return 'compiled';
  return null;
}

// Sends plugin files to the worker; once loaded, documents already analysed
// are analysed again so that the new plugin's results show everywhere.
async function loadPluginFiles(files) {
  const reads = await Promise.allSettled(files.map((f) => f.arrayBuffer()));
  const loads = [];
  reads.forEach((r, i) => {
    const file = files[i].name;
    if (r.status !== 'fulfilled') { app.pluginProblems.push(`${file}: could not be read`); return; }
    loads.push(sendPlugin({ file, kind: pluginKind(file), bytes: new Uint8Array(r.value) }));
  });
  const replies = await Promise.all(loads);
  let loadedAny = false;
  for (const reply of replies) {
    if (reply.ok) {
      loadedAny = true;
      app.pluginFiles = app.pluginFiles.filter((p) => p.name !== reply.name).concat([reply.spec]);
      app.disabled.delete(reply.name);
    } else app.pluginProblems.push(...reply.problems.map((line) => explainPluginProblem(line, reply.spec)));
  }
  const last = replies[replies.length - 1];
  if (last) setPlugins(last.plugins);
  if (loadedAny) reanalyseAll();
  renderPluginPanel();
}

// Posts one plugin to the worker and resolves with its reply.
function sendPlugin(spec) {
  if (!engine.worker) pump();
  return new Promise((resolve) => {
    engine.pluginWaiters.push((reply) => {
      reply.spec = Object.assign({ name: reply.name, info: (reply.plugins || []).find((p) => p.name === reply.name) }, spec);
      resolve(reply);
    });
    engine.worker.postMessage({ type: 'load-plugin', file: spec.file, kind: spec.kind, bytes: spec.bytes });
  });
}

// The worker's plugin list; plugins keep their colour (palette index) when
// others are added.
function setPlugins(list) {
  for (const p of list) {
    const known = app.plugins.find((q) => q.name === p.name);
    if (known) Object.assign(known, p);
    else app.plugins.push(p);
  }
  const names = app.plugins.map((p) => p.name).join(', ') || 'none';
  setStatus(`Ready · plugins: ${names}`);
  renderPluginList(app.plugins);
}

function enabledPlugins() {
  return app.plugins.filter((p) => !app.disabled.has(p.name)).map((p) => p.name).join(',');
}

function togglePlugin(name, on) {
  if (on) app.disabled.delete(name);
  else app.disabled.add(name);
  renderPluginPanel();
  reanalyseAll();
}

// Every analysed document goes through the worker again (with the current
// plugins); its text is kept, so nothing has to be read again.
function reanalyseAll() {
  const encoder = new TextEncoder();
  for (const doc of app.docs) {
    if (doc.status !== 'done') continue;
    enqueue(doc, encoder.encode(doc.text));
  }
}

// The plugins panel: web/page/plugins.js.

function markBad(doc, message) {
  doc.status = 'bad';
  doc.message = message;
  doc.bytes = null;
}

function removeDoc(id) {
  const i = app.docs.findIndex((d) => d.id === id);
  if (i < 0) return;
  app.docs.splice(i, 1);
  app.queue = app.queue.filter((d) => d.id !== id);
  if (app.filter.place) app.filter.place.docs.delete(id);
  changed();
  if (app.currentId === id) {
    const next = app.docs[Math.min(i, app.docs.length - 1)];
    app.currentId = next ? next.id : null;
    renderDoc(app, next || null);
  }
  renderList(app);
}

function clearAll() {
  if (!app.docs.length) return;
  cancelAnalysis(true);
  app.docs = [];
  app.queue = [];
  app.currentId = null;
  app.filter = { text: '', doc: '', place: null };
  document.getElementById('filter-text').value = '';
  app.batch = null;
  setProgress('');
  document.getElementById('progress-row').hidden = true;
  document.getElementById('progress-row').dataset.percent = '0';
  document.getElementById('progress-bar').value = 0;
  document.getElementById('resume').hidden = true;
  renderDoc(app, null);
  changed();
  renderNow();
}

function selectDoc(id) {
  if (id !== app.currentId) app.expanded.clear();
  app.currentId = id;
  renderList(app);
  renderDoc(app, findDoc(id));
}

// ---- analysis (in a Worker) -------------------------------------------------

const engine = { worker: null, url: null, inflight: new Map(), pluginWaiters: [] };
const IN_FLIGHT = 2;  // one waiting in the worker while the other runs: no idle round trips

// Starts the worker from a Blob URL of the embedded source (module +
// worker.js); resolves with its 'ready' message.
function startWorker() {
  if (!engine.url) engine.url = URL.createObjectURL(new Blob([NEWSLENS_WORKER_SOURCE], { type: 'text/javascript' }));
  const worker = new Worker(engine.url);
  engine.worker = worker;
  engine.pluginWaiters = [];
  // A worker restarted after a cancel gets the plugins loaded so far again
  // (before any document: the worker handles messages in order).
  for (const spec of app.pluginFiles) {
    engine.pluginWaiters.push(() => {});
    worker.postMessage({ type: 'load-plugin', file: spec.file, kind: spec.kind, bytes: spec.bytes });
  }
  return new Promise((resolve, reject) => {
    worker.onmessage = (ev) => {
      const msg = ev.data;
      if (msg.type === 'ready') resolve(msg);
      else if (msg.type === 'failed') reject(new Error(msg.message));
      else if (msg.type === 'result') onResult(msg);
      else if (msg.type === 'plugin') { const waiter = engine.pluginWaiters.shift(); if (waiter) waiter(msg); }
    };
    worker.onerror = (ev) => {
      ev.preventDefault();
      reject(new Error(ev.message || 'the analysis worker failed'));
      if (engine.worker === worker) failInflight(ev.message || 'the analysis worker failed');
    };
  });
}

function failInflight(message) {
  for (const doc of engine.inflight.values()) markBad(doc, `analysis failed (${message})`);
  engine.inflight.clear();
  progressStep(0);
  pump();
}

function onResult(msg) {
  const doc = engine.inflight.get(msg.id);
  engine.inflight.delete(msg.id);
  if (doc && findDoc(doc.id)) {
    doc.bytes = null;
    if (msg.status === 'done') {
      doc.status = 'done';
      doc.text = msg.text;
      doc.result = msg.result;
      doc.ms = msg.ms;
      doc.loose = null;
      doc.repeats = undefined;
    } else markBad(doc, msg.message);
    if (doc.id === app.selectWhenDone || app.currentId === null) {
      app.selectWhenDone = null;
      app.currentId = doc.id;
      app.needDoc = true;
    } else if (doc.id === app.currentId) app.needDoc = true;
    changed();
  }
  progressStep(1);
  pump();
}

// Sends queued documents to the worker, keeping IN_FLIGHT of them there.
function pump() {
  if (!engine.worker) {
    app.ready = startWorker();
    app.ready.then(onReady, onFailed);
  }
  while (app.queue.length && engine.inflight.size < IN_FLIGHT) {
    const doc = app.queue.shift();
    if (!findDoc(doc.id)) { progressStep(1); continue; }  // removed while waiting
    if (!app.batch) app.batch = { total: 0, done: 0, t0: performance.now() };
    doc.status = 'analysing';
    engine.inflight.set(doc.id, doc);
    const bytes = doc.bytes;
    engine.worker.postMessage({ id: doc.id, name: doc.name, bytes, plugins: enabledPlugins() });
    scheduleRender();
  }
  if (!app.queue.length && !engine.inflight.size && app.batch) finishBatch();
}

function enqueue(doc, bytes) {
  doc.bytes = bytes;
  doc.size = bytes.length;
  doc.status = 'queued';
  app.queue.push(doc);
  if (!app.batch) app.batch = { total: 0, done: 0, t0: performance.now() };
  app.batch.total++;
  progressStep(0);
  scheduleRender();
  pump();
}

function progressStep(n) {
  const b = app.batch;
  if (!b) return;
  b.done += n;
  const bar = document.getElementById('progress-bar');
  document.getElementById('progress-row').hidden = false;
  document.getElementById('resume').hidden = true;
  bar.max = Math.max(1, b.total);
  bar.value = b.done;
  document.getElementById('progress-row').dataset.percent = String(Math.round(100 * b.done / Math.max(1, b.total)));
  document.getElementById('cancel').disabled = b.done >= b.total;
  if (b.done < b.total) setProgress(`Analysing ${b.done} of ${b.total} documents…`);
}

function finishBatch() {
  const b = app.batch;
  app.batch = null;
  document.getElementById('cancel').disabled = true;
  setProgress(`Analysed ${b.done} document${b.done === 1 ? '' : 's'} in ${((performance.now() - b.t0) / 1000).toFixed(2)} s.`);
  changed();
}

// Drops the queue and stops the worker (a long document may be running);
// a new worker starts on the next drop or on "Analyse the cancelled documents".
function cancelAnalysis(silent) {
  const stopped = app.queue.concat(Array.from(engine.inflight.values()));
  app.queue = [];
  if (engine.worker) { engine.worker.terminate(); engine.worker = null; }
  engine.inflight.clear();
  // Bytes went to the worker (transferred or copied): cancelled docs keep theirs for a resume.
  for (const d of stopped) d.status = 'cancelled';
  const b = app.batch;
  app.batch = null;
  document.getElementById('cancel').disabled = true;
  if (!silent) {
    setProgress(`Cancelled: ${b ? b.done : 0} analysed, ${stopped.length} not.`);
    document.getElementById('resume').hidden = !stopped.length;
  }
  changed();
}

function resumeCancelled() {
  document.getElementById('resume').hidden = true;
  for (const d of app.docs) if (d.status === 'cancelled' && d.bytes) enqueue(d, d.bytes);
}

// ---- rendering schedule ----------------------------------------------------

// Results arrive faster than the page should redraw: the document list and
// the open view are redrawn at most every RENDER_MS, comparisons (heavier)
// at most every COMPARE_MS while a batch runs.
const RENDER_MS = 150;
const COMPARE_MS = 1500;
let renderTimer = null;
let lastCompare = 0;

function changed() {
  app.modelDirty = true;
  scheduleRender();
}
function scheduleRender() {
  if (renderTimer === null) renderTimer = setTimeout(renderNow, RENDER_MS);
}
function renderNow() {
  clearTimeout(renderTimer);
  renderTimer = null;
  markRepeats(app.docs);
  renderList(app);
  updateSummary();
  if (app.needDoc) {
    app.needDoc = false;
    selectDoc(app.currentId);
  }
  if (app.tab !== 'doc' && app.modelDirty) {
    const now = performance.now();
    if (!app.batch || now - lastCompare > COMPARE_MS) { lastCompare = now; renderTab(); }
    else scheduleRender();
  }
}

function updateSummary() {
  const done = app.docs.filter((d) => d.status === 'done');
  const dups = done.filter((d) => d.duplicateOf).length;
  const reps = done.reduce((n, d) => n + ((d.repeats || []).length), 0);
  const parts = [];
  if (done.length) parts.push(`${done.length} analysed`);
  if (dups) parts.push(`${dups} identical to another`);
  if (reps) parts.push(`${reps} repeated paragraph${reps > 1 ? 's' : ''}`);
  document.getElementById('doc-summary').textContent = parts.join(' · ');
  document.getElementById('clear-all').disabled = !app.docs.length;
  document.getElementById('export-all').disabled = !done.length;
}

// ---- tabs and the cross-document model ---------------------------------------

function refreshModel() {
  if (!app.modelDirty) return;
  markRepeats(app.docs);
  const mentions = allMentions(app.docs);
  app.model = { mentions, numbers: groupNumbers(mentions), quotes: groupQuotes(mentions), places: countPlaces(mentions) };
  app.modelDirty = false;
}

function showTab(name) {
  app.tab = name;
  for (const b of document.querySelectorAll('.tabs [data-tab]')) b.setAttribute('aria-selected', String(b.dataset.tab === name));
  syncTabs();
  for (const p of document.querySelectorAll('.tab-panel')) p.hidden = p.id !== `tab-${name}`;
  renderTab();
}

function renderTab() {
  if (app.tab === 'doc') return;
  refreshModel();
  if (app.tab === 'tables') renderAllTables(app);
  else if (app.tab === 'numbers') renderNumberGroups(app);
  else if (app.tab === 'quotes') renderQuoteGroups(app);
  else if (app.tab === 'places') renderPlaces(app);
  else if (app.tab === 'report') renderReport(app);
}

// From any view to a mention in its document's text.
function openMention(docId, id) {
  if (app.tab !== 'doc') showTab('doc');
  if (app.currentId !== docId) selectDoc(docId);
  showMention(id);
}

function setPlaceFilter(place) {
  app.filter.place = place ? { key: place.key, plugin: place.plugin, name: place.name, docs: new Set(place.docs), countryCode: place.countryCode || null } : null;
  app.allExpanded.clear();
  showTab('tables');
}

// ---- linking the text and the tables ---------------------------------------

// Table row -> its span in the text: scroll there and flash it.
function showMention(id) {
  const doc = findDoc(app.currentId);
  if (!doc || doc.status !== 'done') return;
  const plugin = doc.result.mentions[id].plugin;
  if (app.hidden.has(plugin)) {  // its highlights are switched off: switch them back on
    app.hidden.delete(plugin);
    renderLegend(app, doc);
    renderText(app, doc);
  }
  for (const row of document.querySelectorAll('#tables tr.selected')) row.classList.remove('selected');
  const row = app.rows.get(id);
  if (row) row.classList.add('selected');
  for (const mark of document.querySelectorAll('#doc-text mark.flash')) mark.classList.remove('flash');
  const marks = app.marks.get(id) || [];
  if (!marks.length) return;
  marks[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
  marks.forEach(flash);
}

// Span -> its table row (the innermost mention when spans overlap).
function showRow(ids) {
  const id = ids[ids.length - 1];
  if (!app.rows.has(id)) {  // beyond the rows shown: show the whole table
    const doc = findDoc(app.currentId);
    app.expanded.add(doc.result.mentions[id].plugin);
    renderTables(app, doc);
  }
  const row = app.rows.get(id);
  if (!row) return;
  row.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  flash(row);
}

// A document in the CLI's JSON schema: the page-only UTF-16 offsets removed;
// a refused file becomes the CLI's error object.
function cliJson(doc) {
  if (doc.status !== 'done') return { document: doc.name, chars: 0, mentions: [], errors: [doc.message || doc.status] };
  const r = doc.result;
  return Object.assign({}, r, { mentions: r.mentions.map((m) => {
    const c = Object.assign({}, m);
    delete c.start16;
    delete c.end16;
    return c;
  }) });
}

function exportCurrent() {
  const doc = findDoc(app.currentId);
  if (!doc || doc.status !== 'done') return;
  download(doc.name.replace(/\.[^.]*$/, '') + '.newslens.json', JSON.stringify(cliJson(doc), null, 2) + '\n', 'application/json');
}

// Like `newslens analyze --format json`: an array, one object per document.
function exportAll() {
  const docs = app.docs.filter((d) => d.status === 'done' || d.status === 'bad');
  download('newslens.json', JSON.stringify(docs.map(cliJson), null, 2) + '\n', 'application/json');
}

// ---- input wiring ----------------------------------------------------------

function wireInput() {
  const zone = document.getElementById('dropzone');
  const picker = document.getElementById('file-input');
  document.getElementById('pick-files').addEventListener('click', () => picker.click());
  picker.addEventListener('change', () => { addFiles(picker.files); picker.value = ''; });

  // The whole window accepts drops: a file dropped beside the zone would
  // otherwise make the browser open it in place of the page, losing everything.
  let depth = 0;  // dragenter/dragleave pairs fire for every child element
  const hasFiles = (ev) => ev.dataTransfer && Array.from(ev.dataTransfer.types || []).some((t) => t === 'Files' || t === 'text/plain');
  window.addEventListener('dragenter', (ev) => {
    if (!hasFiles(ev)) return;
    ev.preventDefault();
    depth++;
    zone.classList.add('over');
  });
  window.addEventListener('dragover', (ev) => {
    if (!hasFiles(ev)) return;
    ev.preventDefault();
    ev.dataTransfer.dropEffect = 'copy';
    zone.classList.add('over');
  });
  window.addEventListener('dragleave', () => { if (--depth <= 0) { depth = 0; zone.classList.remove('over'); } });
  window.addEventListener('drop', (ev) => {
    depth = 0;
    zone.classList.remove('over');
    if (ev.target === document.getElementById('paste-text')) return;  // dropping text into the box: let it
    ev.preventDefault();
    const dt = ev.dataTransfer;
    if (dt.files && dt.files.length) addFiles(dt.files);
    else if (dt.getData('text/plain')) addText(dt.getData('text/plain'));
  });

  // A paste anywhere but in a text field adds a document directly.
  document.addEventListener('paste', (ev) => {
    const t = ev.target;
    if (t && (t.closest && t.closest('textarea, input, [contenteditable]'))) return;
    const cd = ev.clipboardData;
    if (!cd) return;
    if (cd.files && cd.files.length) { ev.preventDefault(); addFiles(cd.files); return; }
    const text = cd.getData('text/plain');
    if (text) { ev.preventDefault(); addText(text); }
  });

  const area = document.getElementById('paste-text');
  const nameInput = document.getElementById('paste-name');
  const add = () => {
    if (!area.value) { setProgress('Nothing to add: paste some text first.'); area.focus(); return; }
    addText(area.value, nameInput.value.trim());
    area.value = '';
    nameInput.value = '';
  };
  document.getElementById('add-text').addEventListener('click', add);
  area.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) add(); });

  const pluginPicker = document.getElementById('plugin-input');
  document.getElementById('pick-plugin').addEventListener('click', () => pluginPicker.click());
  pluginPicker.addEventListener('change', () => {
    const files = Array.from(pluginPicker.files);
    pluginPicker.value = '';
    const unknown = files.filter((f) => !pluginKind(f.name));
    loadPluginFiles(files.filter((f) => pluginKind(f.name))).then(() => {
      if (unknown.length) {
        app.pluginProblems.push(...unknown.map((f) => `${f.name}: not a plugin (a rule plugin is a .json file, a compiled plugin a .wasm file)`));
        renderPluginPanel();
      }
    });
  });

  document.getElementById('export').addEventListener('click', exportCurrent);
  document.getElementById('export-all').addEventListener('click', exportAll);
  document.getElementById('clear-all').addEventListener('click', clearAll);
  document.getElementById('cancel').addEventListener('click', () => cancelAnalysis(false));
  document.getElementById('resume').addEventListener('click', resumeCancelled);
  for (const b of document.querySelectorAll('.tabs [data-tab]')) b.addEventListener('click', () => showTab(b.dataset.tab));
  wireTabs(showTab);
  let filterTimer = null;
  document.getElementById('filter-text').addEventListener('input', (ev) => {
    clearTimeout(filterTimer);  // typing should not redraw a 10,000-row table per key
    filterTimer = setTimeout(() => { app.filter.text = ev.target.value; app.allExpanded.clear(); renderAllTables(app); }, 120);
  });
  document.getElementById('filter-doc').addEventListener('change', (ev) => { app.filter.doc = ev.target.value; renderAllTables(app); });
  document.getElementById('hide-repeats').addEventListener('change', (ev) => { app.hideRepeats = ev.target.checked; renderAllTables(app); });
  // A click on a highlight: web/page/highlight.js.
}

// ---- start ----------------------------------------------------------------

function onReady(msg) {
  if (app.plugins.length) return;  // a restarted worker (after a cancel)
  app.plugins = msg.plugins;
  document.getElementById('version').textContent = 'v' + msg.version;
  const names = app.plugins.map((p) => p.name).join(', ') || 'none';
  setStatus(`Ready · plugins: ${names}`);
  renderPluginList(app.plugins);
  renderPluginPanel();
  document.body.dataset.state = 'ready';
  changed();
}

function onFailed(e) {
  setStatus(`The analyzer could not start: ${e.message || e}`, true);
  document.body.dataset.state = 'failed';
}

function start() {
  wireInput();
  renderList(app);
  pump();  // starts the worker
}

start();
