// Keeping the user's work: the workspace autosaves to IndexedDB (db.js) and
// is restored on reload; "Save workspace" writes one .newslens.json file and
// "Open workspace" (or dropping that file) restores it; removing documents
// can be undone for 10 s; a warning before the page unloads with work that
// is not saved anywhere.
//
// What is saved: every document (file, title, outlet, date, status, message,
// decoding note, text and results, or the input of one not analysed yet),
// their order, the current document and view, the plugins loaded at run
// time and those switched off, hidden highlights, and app.groupEdits (the
// comparison groups dismissed or merged). The workers write the big part
// (text and results) themselves.
'use strict';

const SAVE_DELAY_MS = 400;
const INPUT_CHUNK = 200;     // inputs written in one flush at most (a dropped file costs ~0.1 ms to clone)
const UNDO_MS = 10000;
const WORKSPACE_FORMAT = 'newslens-workspace';

const store = {
  db: null,
  available: false,   // IndexedDB opened (false: work lives in this tab only)
  problem: '',        // why it is not available / the last failed write
  dirtyDocs: new Set(),     // documents whose small record changed (written with the meta record)
  deleted: new Set(),
  dirtyMeta: false,
  dirtyView: false,         // only the view changed (the document shown, the tab): a small record
  unsavedData: new Set(),  // ids whose results a worker has not confirmed saved
  inputs: new Map(),       // id -> {input, at} of a document waiting for analysis, not written yet
  inputRecords: new Map(), // key in 'inputs' -> ids whose inputs it holds (deleted once they are analysed)
  inputCount: 0,
  failedDocs: new Set(),   // ids whose results IndexedDB refused (too large: Chromium takes ~130 MB a record)
  timer: null,
  writing: null,
};

// Small record of a document (the 'docs' store).
function docRecord(doc) {
  return {
    id: doc.id, file: doc.file, name: doc.name, named: !!doc.named, outlet: doc.outlet || '', date: doc.date || '',
    size: doc.size, status: doc.status, message: doc.message || '', note: doc.note || '', hash: doc.hash || '',
    ms: doc.ms || 0, kind: doc.kind || 'text',
    // Passages moved into or out of the article by the user (passages.js).
    moves: doc.segmentMoves && Object.keys(doc.segmentMoves).length ? doc.segmentMoves : undefined,
  };
}

function metaRecord() {
  return {
    format: WORKSPACE_FORMAT, version: 1,
    order: app.docs.map((d) => d.id), nextId: app.nextId, pastes: app.pastes,
    currentId: app.currentId, tab: app.tab,
    disabled: Array.from(app.disabled), hidden: Array.from(app.hidden), hideRepeats: app.hideRepeats,
    pluginFiles: app.pluginFiles.map((p) => ({ file: p.file, kind: p.kind, name: p.name, bytes: p.bytes })),
    groupEdits: app.groupEdits,
    // Every document's small record, in this one record: a put per
    // document costs the page more than cloning them all.
    records: app.docs.map(docRecord),
  };
}

function saveLater() {
  if (!store.available) return;
  if (store.timer === null) store.timer = setTimeout(flushStore, SAVE_DELAY_MS);
}
function markDocDirty(doc) { store.dirtyDocs.add(doc.id); store.dirtyMeta = true; saveLater(); }
function markMetaDirty() { store.dirtyMeta = true; saveLater(); }
// The document shown or the tab changed: written as a record of its own
// (the workspace record holds every document's small record: with 1,000
// documents, writing it after each switch cost the page 10-15 ms).
function markViewDirty() { store.dirtyView = true; saveLater(); }
function viewRecord() { return { currentId: app.currentId, tab: app.tab }; }

// Input of a document waiting for analysis, saved so that a reload in the
// middle of a long run loses nothing: all those of a flush in one record of
// the 'inputs' store, deleted once its documents are analysed and saved. A
// result found on reload wins over an input. Written at the next task, not
// after SAVE_DELAY_MS: a reload 0.1 s after a drop lost the whole drop (the
// clone of a dropped file costs the page about 0.1 ms; INPUT_CHUNK a flush).
function saveInput(doc, input) {
  if (!store.available) return;
  store.inputs.set(doc.id, { input });
  if (store.timer === null) store.timer = setTimeout(flushStore, 0);
}

// Keys of input records whose documents are all analysed (or gone).
function spentInputRecords() {
  const spent = [];
  for (const [key, ids] of store.inputRecords) {
    for (const id of ids) {
      const d = findDoc(id);
      if (!d || ((d.status === 'done' || d.status === 'bad') && !store.unsavedData.has(id))) ids.delete(id);
    }
    if (!ids.size) spent.push(key);
  }
  for (const key of spent) store.inputRecords.delete(key);
  return spent;
}

function storeFailed(e) {
  store.problem = `not saved in this browser: ${(e && e.message) || e}`;
  setProgress(`Warning: the workspace is ${store.problem}. Use “Save workspace” to keep it.`);
}

// leaving: the page is going (the pagehide listener below): everything
// waiting is written now, beside a write still on its way.
function flushStore(leaving) {
  clearTimeout(store.timer);
  store.timer = null;
  if (!store.available || (store.writing && !leaving)) { if (store.available) saveLater(); return store.writing; }
  const deleted = Array.from(store.deleted);
  // Inputs of documents not analysed yet (or whose result is not saved yet),
  // INPUT_CHUNK at a time; the others wait for a later flush.
  const inputs = [];
  let waiting = false;
  for (const [id, { input }] of store.inputs) {
    const d = findDoc(id);
    // Not needed any more: the document is gone, refused, or its result is saved.
    if (!d || d.status === 'bad' || (d.status === 'done' && !store.unsavedData.has(id))) { store.inputs.delete(id); continue; }
    if (!leaving && inputs.length >= INPUT_CHUNK) { waiting = true; continue; }
    inputs.push([id, input]);
    store.inputs.delete(id);
  }
  if (waiting) setTimeout(saveLater, 0);
  const spent = spentInputRecords();
  const meta = store.dirtyMeta || store.dirtyDocs.size ? metaRecord() : null;
  const view = meta || store.dirtyView ? viewRecord() : null;
  store.dirtyDocs.clear();
  store.deleted.clear();
  store.dirtyMeta = false;
  store.dirtyView = false;
  if (!deleted.length && !meta && !view && !inputs.length && !spent.length) return Promise.resolve();
  const inputKey = inputs.length ? `inputs-${Date.now()}-${store.inputCount++}` : null;
  if (inputKey) store.inputRecords.set(inputKey, new Set(inputs.map(([id]) => id)));
  store.writing = idbWrite(store.db, ['docs', 'data', 'meta', 'inputs'], (s) => {
    if (inputKey) s.inputs.put(inputs, inputKey);
    for (const key of spent) s.inputs.delete(key);
    for (const id of deleted) { s.docs.delete(id); s.data.delete(id); }
    if (meta) s.meta.put(meta, 'workspace');
    if (view) s.meta.put(view, 'view');
  }).then(() => { store.problem = ''; }, storeFailed).then(() => { store.writing = null; });
  return store.writing;
}

// A reload or a closed tab: what has not been written yet (a drop of the
// last half second, an edit of the last SAVE_DELAY_MS) is written at once.
// The transaction is committed as it is made (idbWrite), so it completes
// after the page is gone (the browser test reloads 0.1 s after a drop).
window.addEventListener('pagehide', () => { if (store.available) flushStore(true); });

// Something the user did is not in IndexedDB yet (or cannot be).
function unsavedWork() {
  if (!app.docs.length) return false;
  if ([...store.failedDocs].some((id) => findDoc(id))) return true;
  return !store.available || !!store.problem || store.dirtyMeta || store.dirtyView || store.dirtyDocs.size > 0 || store.inputs.size > 0 ||
    store.unsavedData.size > 0 || !!store.writing;
}

function readAll(db, name) {
  return new Promise((resolve, reject) => {
    const tx = db.transaction([name], 'readonly');
    const s = tx.objectStore(name);
    const keys = s.getAllKeys();
    const values = s.getAll();
    tx.oncomplete = () => resolve(new Map(keys.result.map((k, i) => [k, values.result[i]])));
    tx.onerror = () => reject(tx.error);
  });
}

// Opens the database and brings the last workspace back. Resolves with the
// number of documents restored (0 when there was none or no IndexedDB).
async function openStore() {
  try {
    store.db = await openWorkspaceDb();
    store.available = true;
  } catch (e) {
    store.available = false;
    store.problem = `IndexedDB is not available (${(e && e.message) || e})`;
    return 0;
  }
  const [meta, docs, data, inputRecords] = await Promise.all(['meta', 'docs', 'data', 'inputs'].map((name) => readAll(store.db, name)));
  const m = meta.get('workspace');
  if (!m || !m.order || !m.order.length) return 0;
  // The view as last saved (written after the workspace record when only it changed).
  const view = meta.get('view');
  if (view) Object.assign(m, { currentId: view.currentId, tab: view.tab });
  // The small records: in the meta record (version 2), else one per document.
  const small = Array.isArray(m.records) ? new Map(m.records.map((r) => [r.id, r])) : docs;
  const inputs = new Map();
  for (const [key, list] of inputRecords) {
    store.inputRecords.set(key, new Set(list.map(([id]) => id)));
    for (const [id, input] of list) inputs.set(id, input);
  }
  applyWorkspace(m, m.order.map((id) => {
    const r = Object.assign({}, small.get(id), data.get(id) || {});
    if (typeof r.resultJson === 'string') { r.result = JSON.parse(r.resultJson); delete r.resultJson; }
    if (!r.result && inputs.has(id)) r.input = inputs.get(id);
    return r;
  }).filter((r) => r.id !== undefined), true);
  // Leftovers of documents removed before the reload, and of the records of
  // version 1.
  const keep = new Set(m.order);
  const stale = [...data.keys()].filter((id) => !keep.has(id));
  if (stale.length || docs.size) idbWrite(store.db, ['docs', 'data'], (s) => { s.docs.clear(); for (const id of stale) s.data.delete(id); });
  return app.docs.length;
}

// Replaces the workspace by a saved one (IndexedDB or a file). Documents
// that were not analysed yet are queued again; the others keep their results.
// keepIds: the records' ids stay (the workspace of this browser, restored
// on start: nothing to write again); else documents get new ids (a file
// opened while the documents it replaces wait for an undo).
function applyWorkspace(m, records, keepIds) {
  app.docs = [];
  app.queue = [];
  const idMap = new Map();
  if (keepIds) app.nextId = Math.max(app.nextId, m.nextId || 0, ...records.map((r) => r.id + 1));
  for (const r of records) {
    const doc = {
      id: keepIds ? r.id : app.nextId++, file: r.file || r.name, name: r.name || r.file, named: !!r.named, outlet: r.outlet || '',
      date: r.date || '', size: r.size || 0, status: r.status, message: r.message || '', note: r.note || '',
      hash: r.hash || '', ms: r.ms || 0, kind: r.kind || 'text', input: null, text: '', result: null,
      segmentMoves: r.moves && typeof r.moves === 'object' ? r.moves : {},
    };
    idMap.set(r.id, doc.id);
    app.docs.push(doc);
    // The data record is the authority: a worker wrote the result there, the
    // small record may still say 'analysing'.
    if (r.result && typeof r.text === 'string' && r.status !== 'bad') {
      doc.status = 'done';
      doc.text = r.text;
      doc.result = r.result;
      if (Array.isArray(r.repeats)) doc.repeats = r.repeats;
      if (r.looseKey) doc.looseKey = r.looseKey;
      applySegmentMoves(doc);
    } else if (r.status === 'bad') {
      doc.status = 'bad';
    } else if (r.input !== undefined || typeof r.text === 'string') {
      const input = r.input !== undefined ? r.input : { text: r.text };
      doc.status = 'queued';
      enqueueInput(doc, input);
    } else {
      doc.status = 'bad';
      doc.message = doc.message || 'its text was not saved';
    }
  }
  app.nextId = Math.max(app.nextId, m.nextId || 0);
  app.pastes = m.pastes || app.pastes;
  app.disabled = new Set(m.disabled || []);
  app.hidden = new Set(m.hidden || []);
  app.hideRepeats = m.hideRepeats !== false;
  app.groupEdits = cleanGroupEdits(m.groupEdits);  // none in workspaces saved before they existed
  document.getElementById('hide-repeats').checked = app.hideRepeats;
  app.currentId = idMap.get(m.currentId) || (app.docs[0] ? app.docs[0].id : null);
  app.selectWhenDone = null;
  app.restoredTab = m.tab || 'doc';
  app.restoredPlugins = (m.pluginFiles || []).filter((p) => p.bytes);
  if (keepIds) { markMetaDirty(); return; }
  // Saved under the new ids.
  for (const d of app.docs) store.dirtyDocs.add(d.id);
  if (store.available && idMap.size) {
    const old = Array.from(idMap.keys()).filter((id) => !app.docs.some((d) => d.id === id));
    for (const id of old) store.deleted.add(id);
    // Text and results under the new ids (they came from the old records).
    const moved = app.docs.filter((d) => d.status === 'done');
    idbWrite(store.db, ['data'], (s) => {
      for (const d of moved) s.data.put({ text: d.text, result: d.result, ms: d.ms, repeats: d.repeats, looseKey: d.looseKey }, d.id);
    })
      .catch(storeFailed);
  }
  markMetaDirty();
}

// ---- the workspace file ------------------------------------------------------

function bytesToBase64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
function base64ToBytes(b64) {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

// Documents not analysed yet keep their input: a file dropped is read now.
async function workspaceJson() {
  const meta = metaRecord();
  meta.pluginFiles = meta.pluginFiles.map((p) => ({ file: p.file, kind: p.kind, name: p.name, base64: bytesToBase64(p.bytes) }));
  meta.saved = new Date().toISOString();
  meta.documents = await Promise.all(app.docs.map(async (d) => {
    const r = docRecord(d);
    const input = d.input || {};
    if (d.status === 'done') { r.text = d.text; r.result = d.result; r.repeats = d.repeats; r.looseKey = d.looseKey; }
    else if (input.file) r.input = { base64: bytesToBase64(new Uint8Array(await input.file.arrayBuffer())) };
    else if (input.bytes) r.input = { base64: bytesToBase64(input.bytes) };
    else if (typeof input.text === 'string') r.input = { text: input.text };
    return r;
  }));
  delete meta.order;
  delete meta.records;
  return JSON.stringify(meta);
}

async function saveWorkspaceFile() {
  if (!app.docs.length) { setProgress('Nothing to save yet: add documents first.'); return; }
  download(`workspace-${new Date().toISOString().slice(0, 10)}.newslens.json`, await workspaceJson(), 'application/json');
  app.savedToFile = true;
  setProgress(`Saved the workspace (${app.docs.length} documents) as a .newslens.json file.`);
}

// True when the text is a saved workspace (not a CLI export, also .json).
function isWorkspaceText(text) {
  return text.length > 20 && text.slice(0, 200).includes(`"format":"${WORKSPACE_FORMAT}"`);
}

// Opens a workspace file; the workspace it replaces can be brought back with Undo.
function openWorkspaceText(text, fileName) {
  let m;
  try {
    m = JSON.parse(text);
  } catch (e) {
    setProgress(`${fileName}: not a workspace file (${e.message})`);
    return false;
  }
  if (!m || m.format !== WORKSPACE_FORMAT || !Array.isArray(m.documents)) {
    setProgress(`${fileName}: not a newslens workspace file`);
    return false;
  }
  const records = m.documents.map((r, i) => {
    const rec = Object.assign({}, r, { id: r.id !== undefined ? r.id : -1 - i });
    if (r.input && r.input.base64) rec.input = { bytes: base64ToBytes(r.input.base64) };
    return rec;
  });
  m.pluginFiles = (m.pluginFiles || []).map((p) => ({ file: p.file, kind: p.kind, name: p.name, bytes: base64ToBytes(p.base64 || '') }));
  const previous = takeAll();
  if (previous.length) cancelAnalysis(true);
  applyWorkspace(m, records);
  if (previous.length) offerUndo(`Opened ${fileName}; the ${previous.length} documents before were removed.`, previous);
  afterRestore();
  setProgress(`Opened ${fileName}: ${app.docs.length} documents.`);
  return true;
}

// ---- undo ------------------------------------------------------------------------

const undo = { entries: null, timer: null };

// Takes every document out of the workspace (for Clear all and Open); returns
// [{doc, index}] for offerUndo.
function takeAll() {
  const taken = app.docs.map((doc, index) => ({ doc, index }));
  return taken;
}

// Shows "… Undo" for UNDO_MS; the documents are deleted from IndexedDB only
// when it goes.
function offerUndo(message, entries) {
  finishUndo();
  undo.entries = entries;
  const bar = document.getElementById('undo-bar');
  bar.replaceChildren(el('span', {}, message + ' '),
    el('button', { type: 'button', class: 'small primary', id: 'undo', onclick: undoRemove }, 'Undo'));
  bar.hidden = false;
  undo.timer = setTimeout(finishUndo, UNDO_MS);
}

function finishUndo() {
  clearTimeout(undo.timer);
  undo.timer = null;
  if (undo.entries) {
    for (const { doc } of undo.entries) if (!findDoc(doc.id)) { store.deleted.add(doc.id); store.unsavedData.delete(doc.id); }
    saveLater();
  }
  undo.entries = null;
  document.getElementById('undo-bar').hidden = true;
}

function undoRemove() {
  const entries = undo.entries || [];
  undo.entries = null;
  finishUndo();
  // Back at their places, in the order they had.
  for (const { doc, index } of entries.slice().sort((a, b) => a.index - b.index)) {
    if (findDoc(doc.id)) continue;
    app.docs.splice(Math.min(index, app.docs.length), 0, doc);
    if (doc.status !== 'done' && doc.status !== 'bad' && doc.input) enqueueInput(doc, doc.input);
    store.dirtyDocs.add(doc.id);
  }
  if (entries.length && (app.currentId === null || !findDoc(app.currentId))) app.currentId = entries[0].doc.id;
  markMetaDirty();
  changed();
  app.needDoc = true;
  renderNow();
  setProgress(`Restored ${entries.length} document${entries.length === 1 ? '' : 's'}.`);
}
