// Page state, input (drop, file picker, paste, textarea) and the analysis
// queue. Documents are analysed one at a time with a yield in between, so the
// page stays responsive and the progress line is painted.
'use strict';

const app = {
  module: null,      // the Emscripten module, once loaded
  ready: null,       // Promise of the module
  plugins: [],       // [{name, description}], the build's plugins (palette order)
  docs: [],          // {id, name, size, status, message, bytes, text, result, ms}
  queue: [],         // docs waiting for analysis, in arrival order
  busy: false,
  currentId: null,   // the document shown
  selectWhenDone: null, // first document of the latest batch: shown once analysed
  hidden: new Set(), // plugins whose highlights are switched off
  expanded: new Set(), // plugins whose long table is shown in full (current doc)
  marks: new Map(),  // mention index -> its <mark> segments (current doc)
  rows: new Map(),   // mention index -> its table row (current doc)
  nextId: 1,
  pastes: 0,
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

function enqueue(doc, bytes) {
  doc.bytes = bytes;
  doc.size = bytes.length;
  doc.status = 'queued';
  app.queue.push(doc);
  renderList(app);
  pump();
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
  const files = Array.from(fileList);
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
  if (app.currentId === id) {
    const next = app.docs[Math.min(i, app.docs.length - 1)];
    app.currentId = next ? next.id : null;
    renderDoc(app, next || null);
  }
  renderList(app);
}

function selectDoc(id) {
  if (id !== app.currentId) app.expanded.clear();
  app.currentId = id;
  renderList(app);
  renderDoc(app, findDoc(id));
}

// ---- analysis --------------------------------------------------------------

// Gives the browser a chance to paint and handle input. requestAnimationFrame
// alone would stall in a background tab, hence the timer fallback.
function breathe() {
  return new Promise((resolve) => {
    let done = false;
    const go = () => { if (!done) { done = true; setTimeout(resolve, 0); } };
    requestAnimationFrame(go);
    setTimeout(go, 50);
  });
}

// Checks and decodes one document's bytes, then runs every plugin over it.
function analyse(doc) {
  const m = app.module;
  const problem = m.checkInput(doc.bytes);
  if (problem) return markBad(doc, problem);
  try {
    doc.text = new TextDecoder('utf-8', { fatal: true }).decode(doc.bytes);
  } catch (e) {
    return markBad(doc, 'not valid UTF-8');
  }
  doc.bytes = null;
  const t0 = performance.now();
  try {
    doc.result = JSON.parse(m.analyze(doc.name, doc.text, ''));
  } catch (e) {
    return markBad(doc, `analysis failed (${e.message || e})`);
  }
  doc.ms = performance.now() - t0;
  doc.status = 'done';
}

// Drains the queue, one document per turn of the event loop.
async function pump() {
  if (app.busy) return;
  app.busy = true;
  try {
    await app.ready;
    const t0 = performance.now();
    let done = 0;
    while (app.queue.length) {
      const doc = app.queue.shift();
      if (!findDoc(doc.id)) continue;  // removed while waiting
      doc.status = 'analysing';
      setProgress(`Analysing ${done + 1} of ${done + 1 + app.queue.length}: ${doc.name}…`);
      renderList(app);
      await breathe();
      if (!findDoc(doc.id)) continue;
      analyse(doc);
      done++;
      if (doc.id === app.selectWhenDone || app.currentId === null) {
        app.selectWhenDone = null;
        selectDoc(doc.id);
      } else {
        if (doc.id === app.currentId) renderDoc(app, doc);
        renderList(app);
      }
    }
    if (done) setProgress(`Analysed ${done} document${done > 1 ? 's' : ''} in ${((performance.now() - t0) / 1000).toFixed(2)} s.`);
  } catch (e) {
    setProgress(`Stopped: ${e.message || e}`);
  } finally {
    app.busy = false;
  }
  if (app.queue.length) pump();  // added during the last step
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

function exportCurrent() {
  const doc = findDoc(app.currentId);
  if (!doc || doc.status !== 'done') return;
  const blob = new Blob([JSON.stringify(doc.result, null, 2) + '\n'], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: doc.name.replace(/\.[^.]*$/, '') + '.newslens.json' });
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own reference; free ours once it has started.
  setTimeout(() => URL.revokeObjectURL(url), 10000);
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

  document.getElementById('export').addEventListener('click', exportCurrent);
  document.getElementById('doc-text').addEventListener('click', (ev) => {
    const mark = ev.target.closest && ev.target.closest('mark.hl');
    if (mark) showRow(mark.dataset.ids.split(' ').map(Number));
  });
}

// ---- start -----------------------------------------------------------------

// Emscripten 3.1.6 first tries fetch() on the wasm it embeds as a data: URL;
// the CSP (connect-src 'none') blocks that and logs an error before the module
// falls back to decoding the data itself. It decides synchronously inside
// NewslensModule(), so hiding fetch for that call makes it decode directly.
function startModule() {
  const realFetch = window.fetch;
  window.fetch = undefined;
  try {
    return NewslensModule();
  } finally {
    window.fetch = realFetch;
  }
}

function start() {
  wireInput();
  renderList(app);
  app.ready = startModule().then((m) => {
    app.module = m;
    app.plugins = JSON.parse(m.plugins());
    document.getElementById('version').textContent = 'v' + m.version();
    const names = app.plugins.map((p) => p.name).join(', ') || 'none';
    setStatus(`Ready · plugins: ${names}`);
    renderPluginList(app.plugins);
    document.body.dataset.state = 'ready';
    return m;
  });
  app.ready.catch((e) => {
    setStatus(`The analyzer could not start: ${e.message || e}`, true);
    document.body.dataset.state = 'failed';
  });
}

start();
