// The workspace's IndexedDB database, opened by the page (store.js) and by
// each analysis worker (worker.js writes a document's text and results
// itself, so that their serialisation never blocks the page). Stores, keyed
// by document id: 'data' (text and result: the result as its JSON text, or
// as objects when the page wrote it); 'inputs' holds the bytes or texts of
// documents not analysed yet, a record per drop ([[id, input], ...]); 'meta'
// holds one record, 'workspace' (order, plugins, settings, and every
// document's small record: names, status). Version 1 kept a small record
// per document in 'docs' and inputs in 'data' (still read).
'use strict';

const WORKSPACE_DB = 'newslens-workspace';

function openWorkspaceDb() {
  return new Promise((resolve, reject) => {
    let req;
    try {
      req = indexedDB.open(WORKSPACE_DB, 2);
    } catch (e) {
      reject(e);
      return;
    }
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const name of ['docs', 'data', 'meta', 'inputs']) if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error || new Error('IndexedDB refused to open'));
    req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

// Runs fn(stores) in one readwrite transaction (fn makes its requests at
// once); resolves when it commits.
function idbWrite(db, names, fn) {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(names, 'readwrite');
    fn(Object.fromEntries(names.map((n) => [n, tx.objectStore(n)])));
    // Every request is made: committed now, not when the page next idles
    // (a write made as the page unloads is then kept).
    if (typeof tx.commit === 'function') tx.commit();
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error || new Error('IndexedDB write failed'));
    tx.onabort = () => reject(tx.error || new Error('IndexedDB write aborted'));
  });
}
