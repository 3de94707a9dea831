// Page state, input (drop, file picker, paste, textarea), the analysis queue
// and the tabs. Analysis runs in a Web Worker (worker.js), so the page stays
// responsive however many documents are dropped.
'use strict';

const app = {
  ready: null,       // Promise resolved when a worker's module has started
  restoring: true,   // the saved workspace is being read (start())
  plugins: [],       // [{name, description}], the build's plugins (palette order)
  docs: [],          // {id, file, name (title), named, outlet, date, size, status, message, note, hash,
                     //  input (not analysed yet: {file} | {bytes} | {text}), text, result, ms, repeats, duplicateOf,
                     //  segmentMoves (passages.js)}
  queue: [],         // docs waiting for analysis, in arrival order
  batch: null,       // {total, done, t0}: the run the progress bar shows
  tab: 'doc',
  filter: { text: '', doc: '', place: null },  // cross-document tables
  hideRepeats: true,
  sort: {},          // plugin -> {key, dir}
  columns: {},       // plugin -> column keys of its cross-document table
  virtualTables: {},  // plugin -> {items, scrollToIndex, redraw} of its long cross-document table (vtable.js)
  ungrouped: new Set(), // plugins whose cross-document table lists every mention, not one row per name
  groupSort: {},     // plugin -> {key, dir} of its grouped table
  openGroups: new Set(), // 'plugin|group' rows opened to their mentions
  model: { mentions: [], numbers: [], quotes: [], places: [] },
  modelDirty: true,
  lastCopy: null,    // text of the last "Copy table" (the browser test reads it)
  currentId: null,   // the document shown
  selectWhenDone: null, // first document of the latest batch: shown once analysed
  hidden: new Set(), // plugins whose highlights are switched off
  marks: new Map(),  // mention index -> its <mark> segments (current doc)
  unfolded: new Set(), // 'docId:start16' of passages outside the article shown unfolded (passages.js)
  rows: new Map(),   // mention index -> its table row (current doc)
  nextId: 1,
  pastes: 0,
  pluginFiles: [],   // {file, kind, bytes}: plugins loaded at run time, replayed into a restarted worker
  disabled: new Set(), // plugins switched off for analysis
  pluginProblems: [], // why plugin files failed to load, listed until dismissed (plugins.js)
  groupEdits: { dismissed: [], merged: [] }, // comparison groups the user dismissed or merged (saved with the workspace)
};
// For the browser test and for poking around in the console.
window.newslens = app;

// A plugin's palette index. Names not in the build's list (should not happen)
// are appended so that they still get a colour and a table.
function pluginIndex(appState, name) {
  let i = appState.plugins.findIndex((p) => p.name === name);
  if (i < 0 && appState.editor && appState.editor.info.name === name) return EDITOR_INDEX;  // the plugin editor's preview
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

// By id through an index checked on every hit (the document must still be
// at the position it was indexed at), rebuilt when that fails or on a miss:
// app.docs is changed in many places, and a scan per look-up made a drop of
// 1,000 files quadratic.
const docIndex = { map: new Map(), at: new Map() };
function indexDocs() {
  docIndex.map = new Map();
  docIndex.at = new Map();
  app.docs.forEach((d, i) => { docIndex.map.set(d.id, d); docIndex.at.set(d.id, i); });
}
function findDoc(id) {
  let d = docIndex.map.get(id);
  if (d && app.docs[docIndex.at.get(id)] === d) return d;
  indexDocs();
  d = docIndex.map.get(id);
  return d || null;
}

// file: what the document came from ("business/001.txt", "pasted text 2");
// name: its title, the headline once analysed unless the user named it.
function newDoc(file, size) {
  const doc = { id: app.nextId++, file, name: file, named: false, outlet: '', date: '', size, status: 'reading',
    message: '', note: '', hash: '', input: null, text: '', result: null, ms: 0 };
  app.docs.push(doc);
  if (app.selectWhenDone === null || !findDoc(app.selectWhenDone)) app.selectWhenDone = doc.id;
  return doc;
}

// Text typed or pasted: goes through the same checks as a file (a NUL
// character in a paste is refused like a binary file).
function addText(text, name) {
  app.pastes++;
  const doc = newDoc(`pasted text ${app.pastes}`, 0);
  if (name) { doc.name = name; doc.named = true; }
  app.selectWhenDone = doc.id;
  enqueueInput(doc, { text });
}

// The path a file is known by: its folder inside a dropped folder
// ("bbc/business/001.txt"), else its name.
function filePath(f) { return f.relPath || f.webkitRelativePath || f.name; }

// Files from a drop, the pickers or a folder. All of them appear in the list
// at once; they are read first and queued together, so the progress line
// can say "2 of 5" from the start. Plugin files are loaded, a workspace file
// is opened, a file already in the workspace is reported, not added again.
async function addFiles(fileList) {
  const all = Array.from(fileList);
  const workspaces = all.filter((f) => /\.newslens\.json$/i.test(f.name));
  for (const f of workspaces) {
    const text = await f.text();
    if (isWorkspaceText(text)) openWorkspaceText(text, f.name);
    else setProgress(`${f.name} is a results export (JSON), not a workspace: it cannot be opened, only read by other tools.`);
  }
  const rest = all.filter((f) => !workspaces.includes(f));
  // Plugin files dropped among the articles are loaded, not analysed.
  const plugins = rest.filter((f) => pluginKind(f.name));
  if (plugins.length) await loadPluginFiles(plugins);
  let files = rest.filter((f) => !pluginKind(f.name));
  // Same path and size as a document already here: compared by content below.
  const known = new Map(app.docs.map((d) => [`${d.file}\u0001${d.size}`, d]));
  if (!files.length) return;
  const docs = files.map((f) => newDoc(filePath(f), f.size));
  app.selectWhenDone = docs[0].id;
  renderList(app);
  // A text file goes to a worker as it is (the worker reads, sniffs and
  // decodes it: reading 1,000 files here took longer than analysing them).
  // Read here: HTML pages (DOMParser is the page's), and a file with the
  // path and size of one already here (compared by content).
  const here = files.map((f, i) => /\.(html?|xhtml)$/i.test(f.name) || known.has(`${docs[i].file}\u0001${f.size}`));
  const reads = await Promise.allSettled(files.map((f, i) => (here[i] ? f.arrayBuffer() : null)));
  const already = [];
  reads.forEach((r, i) => {
    const doc = docs[i];
    if (!findDoc(doc.id)) return;  // removed while reading
    if (!here[i]) { enqueueInput(doc, { file: files[i] }); return; }
    if (r.status !== 'fulfilled') {
      markBad(doc, `could not be read (${r.reason && r.reason.message ? r.reason.message : r.reason})`);
      return;
    }
    const bytes = new Uint8Array(r.value);
    const twin = known.get(`${doc.file}\u0001${bytes.length}`);
    if (twin && twin.hash && twin.hash === contentHash(bytes)) {
      already.push(doc.file);
      dropDoc(doc);
      return;
    }
    addBytes(doc, bytes);
  });
  if (already.length) {
    setProgress(already.length === 1 ? `${already[0]} is already in the workspace: not added again.`
      : `${already.length} files are already in the workspace: not added again (${already.slice(0, 3).join(', ')}${already.length > 3 ? '…' : ''}).`);
  }
  changed();
  renderList(app);
}

// A file's bytes: refused with one line if it is not text, extracted first
// if it is an HTML page, else decoded and analysed in a worker. `again`: the
// document was counted in the progress already (a worker found it is HTML).
function addBytes(doc, bytes, again) {
  const format = sniffFormat(doc.file, bytes);
  if (format.kind === 'unsupported') { markBad(doc, format.message); markDocDirty(doc); return; }
  if (format.kind === 'html') {
    const page = importHtml(bytes);
    doc.hash = contentHash(bytes);
    doc.kind = 'html';
    if (page.error) { markBad(doc, page.error); markDocDirty(doc); return; }
    doc.note = page.note;
    if (page.title) { doc.name = page.title; doc.named = true; }
    doc.outlet = page.outlet || '';
    doc.date = page.date || '';
    enqueueInput(doc, { text: page.text }, again);
    return;
  }
  enqueueInput(doc, { bytes }, again);
}

// Takes a document out without undo (a file that was already there).
function dropDoc(doc) {
  const i = app.docs.indexOf(doc);
  if (i >= 0) app.docs.splice(i, 1);
  if (app.selectWhenDone === doc.id) app.selectWhenDone = null;
}

// Folders dropped: every .txt/.html file in them (and their subfolders),
// with its path inside the folder. Entries come from
// DataTransferItem.webkitGetAsEntry().
async function filesFromEntries(entries) {
  const out = [];
  const walk = async (entry, prefix) => {
    if (entry.isFile) {
      const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
      if (prefix) file.relPath = prefix + file.name;
      out.push(file);
      return;
    }
    if (!entry.isDirectory) return;
    const reader = entry.createReader();
    const children = [];
    for (;;) {  // readEntries returns at most 100 at a time
      const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
      if (!batch.length) break;
      children.push(...batch);
    }
    children.sort((a, b) => a.name.localeCompare(b.name));
    for (const c of children) {
      if (c.isDirectory || (c.isFile && /\.(txt|html?|text)$/i.test(c.name))) await walk(c, prefix + entry.name + '/');
    }
  };
  for (const e of entries) await walk(e, '');
  return out;
}

// Only .txt/.html files from a folder picked with the folder button.
function folderFiles(fileList) {
  return Array.from(fileList).filter((f) => /\.(txt|html?|text)$/i.test(f.name));
}

// Title, outlet, date edited by the user.
function setDocDetails(doc, details) {
  doc.name = details.name;
  doc.named = true;
  doc.outlet = details.outlet;
  doc.date = details.date;
  markDocDirty(doc);
  changed();
  renderNow();
  if (doc.id === app.currentId) renderDoc(app, doc);
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
  markMetaDirty();
}

// Posts one plugin to every worker and resolves with the reply.
function sendPlugin(spec) {
  if (!pool.started) pump();
  return pool.loadPlugin(spec).then((reply) => {
    reply.spec = Object.assign({ name: reply.name, info: (reply.plugins || []).find((p) => p.name === reply.name) }, spec);
    return reply;
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
  markMetaDirty();
  reanalyseAll();
}

// Every analysed document goes through the worker again (with the current
// plugins); its text is kept, so nothing has to be read again.
function reanalyseAll() {
  for (const doc of app.docs) {
    if (doc.status !== 'done') continue;
    enqueueInput(doc, { text: doc.text });
  }
}

// The plugins panel: web/page/plugins.js.

function markBad(doc, message) {
  doc.status = 'bad';
  doc.message = message;
  doc.input = null;
}

// Removing can be undone for 10 s (store.js offerUndo).
function removeDoc(id) {
  const i = app.docs.findIndex((d) => d.id === id);
  if (i < 0) return;
  const doc = app.docs[i];
  app.docs.splice(i, 1);
  app.queue = app.queue.filter((d) => d.id !== id);
  if (app.filter.place) app.filter.place.docs.delete(id);
  offerUndo(`Removed “${doc.name}”.`, [{ doc, index: i }]);
  markMetaDirty();
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
  const taken = takeAll();
  // Documents still waiting keep their input, for an undo.
  cancelAnalysis(true);
  removeAllDocs();
  offerUndo(`Cleared ${taken.length} document${taken.length === 1 ? '' : 's'}.`, taken);
  markMetaDirty();
}

function removeAllDocs() {
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

// listAsIs: only the current mark moves in the document list (the user
// picked another document; nothing else in the list changed).
function selectDoc(id, listAsIs) {
  const was = app.currentId;
  if (id !== was) markViewDirty();
  app.currentId = id;
  if (listAsIs) moveCurrentMark(app, was); else renderList(app);
  renderDoc(app, findDoc(id));
}

// A document chosen in the list: a step Back can undo.
function userSelectDoc(id) {
  if (app.tab !== 'doc') showTab('doc');
  selectDoc(id, true);
  navPush();
}

// ---- analysis (in a Worker) -------------------------------------------------

// pool.js runs the workers; documents wait in app.queue until a worker
// has room.
pool.onResult = onResult;
pool.onCrash = (docs, message) => {
  for (const doc of docs) { markBad(doc, `analysis failed (${message})`); markDocDirty(doc); progressStep(1); }
  changed();
  pump();
};
pool.onSaved = (msg) => {
  for (const id of msg.ids) {
    store.unsavedData.delete(id);
    if (!msg.ok) savedFailed(findDoc(id), msg.message);
  }
  if (store.inputRecords.size) saveLater();  // inputs of analysed documents can go
};

function savedFailed(doc, message) {
  // Too large for IndexedDB (Chromium takes about 130 MB a record: the
  // results of a 50 MB text are more): trying again here would only block
  // the page for seconds. Said, and the beforeunload warning stays on.
  if (doc && (/too large/i.test(message || '') || doc.text.length > 5e6)) {
    store.failedDocs.add(doc.id);
    setProgress(`“${doc.name}” is too large to be kept in this browser's storage (${message}): use “Save workspace” to keep it.`);
    return;
  }
  // The worker could not write it: the page does.
  if (doc && doc.status === 'done' && store.available) {
    store.unsavedData.add(doc.id);
    idbWrite(store.db, ['data'], (s) => s.data.put({ text: doc.text, result: doc.result, ms: doc.ms, repeats: doc.repeats, looseKey: doc.looseKey }, doc.id))
      .then(() => { store.unsavedData.delete(doc.id); store.failedDocs.delete(doc.id); },
        (e) => { store.unsavedData.delete(doc.id); store.failedDocs.add(doc.id); storeFailed(e); });
  }
}

// A batch of replies from a worker: the documents updated, the progress
// and the list redrawn once, the next batch sent.
pool.onResults = (pairs) => {
  let html = 0;
  for (const [msg, sent] of pairs) {
    // An HTML page in a file not named so: extracted here, then analysed.
    if (msg.status === 'html') { html++; if (sent && findDoc(sent.id)) addBytes(sent, msg.bytes, true); continue; }
    onResult(msg, sent);
  }
  progressStep(pairs.length - html);
  pump();
  // New documents reach the plugin editor's preview (editor.js).
  if (app.editor && pairs.some(([m, d]) => d && m.status === 'done' && !editor.texts.has(d.id))) schedulePreview();
};

function onResult(msg, sent) {
  const doc = sent && findDoc(sent.id) ? sent : null;
  if (doc) {
    doc.input = null;
    if (msg.note) doc.note = msg.note;
    if (msg.hash) doc.hash = msg.hash;
    if (msg.status === 'done') {
      doc.status = 'done';
      doc.resultAt = performance.now();
      doc.text = msg.text;
      doc.result = msg.result;
      doc.layout = msg.layout ? Object.assign(msg.layout, { result: msg.result }) : null;
      doc.ms = msg.ms;
      doc.loose = null;
      doc.looseKey = msg.looseKey;
      doc.repeats = msg.repeats;
      applySegmentMoves(doc);  // the user's moves outlive a new analysis
      if (!doc.named) {
        const found = describeText(doc.text);
        doc.name = found.title || doc.file;
        if (!doc.outlet) doc.outlet = found.outlet;
        if (!doc.date) doc.date = found.date;
      }
    } else markBad(doc, msg.message);
    if (!msg.save) store.unsavedData.delete(doc.id);
    markDocDirty(doc);
    if (doc.id === app.selectWhenDone || app.currentId === null) {
      app.selectWhenDone = null;
      app.currentId = doc.id;
      app.needDoc = true;
    } else if (doc.id === app.currentId) app.needDoc = true;
    changed();
  } else if (sent) store.unsavedData.delete(sent.id);
}

// Sends queued documents to the workers in batches (pool.js sizes them),
// keeping each one busy.
function pump() {
  pumpLater.pending = false;
  if (!pool.started) {
    app.ready = pool.start(app.pluginFiles);
    app.ready.then(onReady, onFailed);
  }
  for (let slot = pool.freeWorker(); slot && app.queue.length; slot = pool.freeWorker()) {
    const size = pool.batchSize(app.queue.length, slot);
    const docs = [];
    let bytes = 0;
    while (app.queue.length && docs.length < size && bytes < BATCH_BYTES) {
      const doc = app.queue.shift();
      if (!findDoc(doc.id)) { progressStep(1); continue; }  // removed while waiting
      docs.push(doc);
      bytes += doc.size;
    }
    if (!docs.length) continue;
    if (!app.batch) app.batch = { total: 0, done: 0, t0: performance.now() };
    const plugins = enabledPlugins();
    const msgs = docs.map((doc) => {
      doc.status = 'analysing';
      const msg = { id: doc.id, name: doc.file, plugins, save: store.available };
      Object.assign(msg, doc.input);
      if (msg.save) store.unsavedData.add(doc.id);
      return msg;
    });
    pool.send(slot, docs, msgs);
    scheduleRender();
  }
  if (!app.queue.length && !pool.inflight && app.batch) finishBatch();
}

// Documents queued one after the other (a drop) are sent once they all are.
function pumpLater() {
  if (pumpLater.pending) return;
  pumpLater.pending = true;
  queueMicrotask(pump);
}

// input: {file} or {bytes} (a text file, read and decoded in the worker)
// or {text}. `again`: already counted in the progress (addBytes).
function enqueueInput(doc, input, again) {
  doc.input = input;
  if (input.file) doc.size = input.file.size;
  else doc.size = input.bytes ? input.bytes.length : new Blob([input.text]).size;
  doc.status = 'queued';
  saveInput(doc, input);
  markDocDirty(doc);
  app.queue.push(doc);
  if (!app.batch) app.batch = { total: 0, done: 0, t0: performance.now() };
  if (!again) app.batch.total++;
  progressStep(0);
  scheduleRender();
  pumpLater();
}

// The progress bar follows app.batch, painted at most once a frame.
function progressStep(n) {
  const b = app.batch;
  if (!b) return;
  b.done += n;
  if (progressStep.frame) return;
  progressStep.frame = requestAnimationFrame(paintProgress);
}
function paintProgress() {
  progressStep.frame = 0;
  const b = app.batch;
  if (!b) return;
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
  paintProgress();
  const b = app.batch;
  app.batch = null;
  document.getElementById('cancel').disabled = true;
  setProgress(`Analysed ${b.done} document${b.done === 1 ? '' : 's'} in ${((performance.now() - b.t0) / 1000).toFixed(2)} s.`);
  changed();
}

// Drops the queue and stops the worker (a long document may be running);
// a new worker starts on the next drop or on "Analyse the cancelled documents".
function cancelAnalysis(silent) {
  const stopped = app.queue.concat(pool.stop());
  app.queue = [];
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
  for (const d of app.docs) {
    if (d.status !== 'cancelled') continue;
    if (d.input) enqueueInput(d, d.input);
  }
}

// ---- rendering schedule ----------------------------------------------------

// Results arrive faster than the page should redraw: the open view is
// redrawn at most every RENDER_MS; while a batch runs, the document list at
// most every LIST_MS (the progress bar moves meanwhile: each redraw of the
// list costs a layout of it) and comparisons (heavier) every COMPARE_MS.
const RENDER_MS = 150;
const LIST_MS = 500;
const COMPARE_MS = 1500;
let renderTimer = null;
let lastCompare = 0;
let lastList = 0;

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
  const now = performance.now();
  if (app.needDoc) {
    app.needDoc = false;
    selectDoc(app.currentId);  // draws the list too
    lastList = now;
  } else if (!app.batch || now - lastList >= LIST_MS) {
    renderList(app);
    lastList = now;
  } else scheduleRender();
  updateSummary();
  // After a run, the Tables view's data is made ready while the page is idle.
  if (app.tab !== 'tables' && app.modelDirty && !app.batch && !app.restoring) warmTables(app);
  if (app.tab !== 'doc' && app.modelDirty) {
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

// The mentions of every document (the Tables view reads them at once), and
// the comparisons built from them on first use by a view that shows them:
// the core compares (core/compare.h, the same code as `newslens compare`)
// in a worker of its own, so the page stays responsive and analysis batches
// do not wait behind it. Until its reply the views keep the last groups and
// their panels say aria-busy.
function refreshModel() {
  if (!app.modelDirty) return;
  markRepeats(app.docs);
  const last = app.model;
  app.model = { mentions: allMentions(app.docs), numbers: last.numbers, quotes: last.quotes, places: last.places, compared: false };
  app.modelDirty = false;
}

const COMPARE_TABS = new Set(['numbers', 'quotes', 'places', 'report']);
const comparer = { worker: null, seq: 0, pending: null };

function setComparing(busy) {
  for (const id of COMPARE_TABS) document.getElementById(`tab-${id}`).setAttribute('aria-busy', String(busy));
}

function requestComparison() {
  if (!comparer.worker) {
    if (!pool.url) pool.url = URL.createObjectURL(new Blob([NEWSLENS_WORKER_SOURCE], { type: 'text/javascript' }));
    comparer.worker = new Worker(pool.url);
    comparer.worker.onmessage = (ev) => { if (ev.data.type === 'compared') compared(ev.data); };
    pool.init(comparer.worker).catch((e) => console.error(`newslens: the comparison worker failed: ${e.message || e}`));
  }
  const model = app.model;
  model.compared = true;
  const { sent, jsonl } = comparisonInput(app.docs);
  comparer.pending = { seq: ++comparer.seq, sent, model };
  setComparing(true);
  comparer.worker.postMessage({ type: 'compare', seq: comparer.seq, jsonl });
}

function compared(msg) {
  const pending = comparer.pending;
  if (!pending || msg.seq !== pending.seq) return;  // a later request is on its way
  comparer.pending = null;
  const reply = JSON.parse(msg.json);
  if (reply.error) {
    console.error(`newslens: the comparison failed: ${reply.error}`);
    Object.assign(pending.model, { numbers: [], quotes: [], places: [] });
  } else Object.assign(pending.model, comparisonModel(reply, pending.sent));
  setComparing(false);
  if (pending.model === app.model && COMPARE_TABS.has(app.tab)) renderTab();
}

function showTab(name) {
  if (name !== app.tab) markViewDirty();
  app.tab = name;
  for (const b of document.querySelectorAll('.tabs [data-tab]')) b.setAttribute('aria-selected', String(b.dataset.tab === name));
  syncTabs();
  for (const p of document.querySelectorAll('.tab-panel')) p.hidden = p.id !== `tab-${name}`;
  renderTab();
}

function renderTab() {
  if (app.tab === 'doc') return;
  refreshModel();
  if (COMPARE_TABS.has(app.tab) && !app.model.compared) requestComparison();
  if (app.tab === 'tables') renderAllTables(app);
  else if (app.tab === 'numbers') renderNumberGroups(app);
  else if (app.tab === 'quotes') renderQuoteGroups(app);
  else if (app.tab === 'places') renderPlaces(app);
  else if (app.tab === 'report') renderReport(app);
}

// From any view to a mention in its document's text.
function openMention(docId, id) {
  if (app.tab !== 'doc') showTab('doc');
  if (app.currentId !== docId) selectDoc(docId, true);
  navPush();
  showMention(id);
}

function setPlaceFilter(place) {
  app.filter.place = place ? { key: place.key, plugin: place.plugin, name: place.name, docs: new Set(place.docs), countryCode: place.countryCode || null } : null;
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
  app.selectedId = id;  // a long table's rows are drawn again as it scrolls: they keep it
  const row = app.rows.get(id);
  if (row) row.classList.add('selected');
  for (const mark of document.querySelectorAll('#doc-text mark.flash')) mark.classList.remove('flash');
  const marks = revealMention(app, id);
  if (!marks.length) return;
  marks[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
  marks.forEach(flash);
}

// Span -> its table row (the innermost mention when spans overlap). A row
// of a long table may not be drawn: its table scrolls to it first.
function showRow(ids) {
  if (app.editor) return;  // the tables give way to the plugin editor
  const id = ids[ids.length - 1];
  const doc = findDoc(app.currentId);
  if (!doc || doc.status !== 'done') return;
  const v = app.docTables && app.docTables[doc.result.mentions[id].plugin];
  if (v && v.index.has(id)) v.scrollToIndex(v.index.get(id), false);
  const row = app.rows.get(id);
  if (!row || !row.isConnected) return;
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
  // .results.json: a .newslens.json file is a saved workspace.
  const base = (doc.file || doc.name).replace(/^.*\//, '').replace(/\.[^.]*$/, '');
  download(base + '.results.json', JSON.stringify(cliJson(doc), null, 2) + '\n', 'application/json');
}

// Like `newslens analyze --format json`: an array, one object per document.
function exportAll() {
  const docs = app.docs.filter((d) => d.status === 'done' || d.status === 'bad');
  download('newslens.json', JSON.stringify(docs.map(cliJson), null, 2) + '\n', 'application/json');
}

// ---- input wiring ----------------------------------------------------------

function wireInput() {
  wireDocList();
  wireEditor();
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
    // A dropped folder comes as a directory entry: its files are added.
    const entries = Array.from(dt.items || []).map((it) => (it.kind === 'file' && it.webkitGetAsEntry ? it.webkitGetAsEntry() : null));
    if (entries.some((e) => e && e.isDirectory)) filesFromEntries(entries.filter(Boolean)).then(addFiles);
    else if (dt.files && dt.files.length) addFiles(dt.files);
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
  for (const b of document.querySelectorAll('.tabs [data-tab]')) b.addEventListener('click', () => { showTab(b.dataset.tab); navPush(); });
  wireTabs(showTab);
  document.getElementById('save-workspace').addEventListener('click', saveWorkspaceFile);
  const wsPicker = document.getElementById('workspace-input');
  document.getElementById('open-workspace').addEventListener('click', () => wsPicker.click());
  wsPicker.addEventListener('change', async () => {
    const f = wsPicker.files[0];
    wsPicker.value = '';
    if (f) openWorkspaceText(await f.text(), f.name);
  });
  const folderPicker = document.getElementById('folder-input');
  document.getElementById('pick-folder').addEventListener('click', () => folderPicker.click());
  folderPicker.addEventListener('change', () => { addFiles(folderFiles(folderPicker.files)); folderPicker.value = ''; });
  document.getElementById('doc-rename').addEventListener('click', () => {
    const doc = findDoc(app.currentId);
    if (doc) editDetails(app, doc);
  });
  // Leaving with work that is not saved anywhere asks first.
  window.addEventListener('beforeunload', (ev) => {
    if (!unsavedWork()) return;
    ev.preventDefault();
    ev.returnValue = '';
  });
  let filterTimer = null;
  document.getElementById('filter-text').addEventListener('input', (ev) => {
    clearTimeout(filterTimer);  // typing should not redraw a 10,000-row table per key
    filterTimer = setTimeout(() => { app.filter.text = ev.target.value; renderAllTables(app); }, 120);
  });
  document.getElementById('filter-doc').addEventListener('change', (ev) => { app.filter.doc = ev.target.value; renderAllTables(app); });
  document.getElementById('hide-repeats').addEventListener('change', (ev) => { app.hideRepeats = ev.target.checked; renderAllTables(app); });
  // A click on a highlight: web/page/highlight.js.
}

// ---- start ----------------------------------------------------------------

function onReady(msg) {
  if (app.readyOnce) return;  // a restarted worker (after a cancel)
  app.readyOnce = true;
  // A workspace restored before the module was ready may have named plugins
  // already (pluginIndex): the build's come first, those stay after them
  // until the restored plugin files below say what they are.
  const early = app.plugins;
  app.plugins = msg.plugins;
  for (const p of early) if (!app.plugins.some((q) => q.name === p.name)) app.plugins.push(p);
  // Plugins of a restored workspace: loaded once the module is there.
  const restored = app.restoredPlugins || [];
  app.restoredPlugins = null;
  if (restored.length) {
    Promise.all(restored.map((spec) => sendPlugin(spec))).then((replies) => {
      for (const r of replies) if (r.ok) app.pluginFiles = app.pluginFiles.filter((p) => p.name !== r.name).concat([r.spec]);
      const last = replies[replies.length - 1];
      if (last && last.plugins) setPlugins(last.plugins);
      renderPluginPanel();
      changed();
    });
  }
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

// After a workspace came back (reload or file): its view as it was.
function afterRestore() {
  const tab = app.restoredTab || 'doc';
  app.restoredTab = null;
  changed();
  renderNow();
  selectDoc(app.currentId);
  showTab(tab);
  navReplace();
  renderPluginPanel();
}

async function start() {
  wireInput();
  renderList(app);
  navReplace();
  pump();  // starts the workers while the saved workspace is read
  const restored = await openStore().catch((e) => { storeFailed(e); return 0; });
  if (restored) {
    afterRestore();
    setProgress(`Restored the workspace saved in this browser: ${restored} document${restored === 1 ? '' : 's'}.`);
  }
  app.restoring = false;
  document.body.dataset.store = store.available ? 'indexeddb' : 'none';
}

start();
