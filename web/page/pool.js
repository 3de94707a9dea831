// The analysis workers: one per core (navigator.hardwareConcurrency, at most
// 8; `?workers=N` in the page address overrides it), each running the same
// module and plugins (worker.js), so a document gets the same result
// whichever worker takes it. Over file:// a Worker can only start from a
// Blob URL: the source is the embedded NEWSLENS_WORKER_SOURCE string
// (worker_boot.js), which runs the worker's real source once it comes in the
// 'init' message.
// The module's wasm (NEWSLENS_WASM_GZIP, build_page.js) is unpacked and
// compiled here once; every worker gets the compiled WebAssembly.Module, so
// they share V8's optimised code instead of each compiling its own. The
// worker's source (NEWSLENS_WORKER_GZIP) is unpacked here once as well.
'use strict';

function gunzip(base64) {
  const stream = new Blob([base64ToBytes(base64)]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream);
}

// Resolves with the compiled module, or with its bytes where a browser
// cannot pass a compiled module to a worker, and the worker's source.
function compileWasm() {
  if (typeof DecompressionStream !== 'function') {
    return Promise.reject(new Error('this browser cannot unpack the analysis module (it lacks DecompressionStream)'));
  }
  const source = gunzip(NEWSLENS_WORKER_GZIP).text();
  return gunzip(NEWSLENS_WASM_GZIP).arrayBuffer().then((bytes) => WebAssembly.compile(bytes)
    .then((module) => source.then((text) => ({ module, bytes, source: text }))));
}

const POOL_MAX = 8;
const PER_WORKER = 2;  // batches in each worker: one waits while the other runs, no idle round trips
const BATCH_DOCS = 32;       // documents in one message at most
const BATCH_BYTES = 1 << 20; // and about this many bytes (a long document goes alone)
const FIRST_BATCH_DOCS = 4;

function poolSize() {
  const asked = Number(new URLSearchParams(location.search).get('workers'));
  if (asked >= 1) return Math.min(POOL_MAX, Math.floor(asked));
  return Math.max(1, Math.min(POOL_MAX, navigator.hardwareConcurrency || 1));
}

const pool = {
  size: poolSize(),
  url: null,
  compiled: null,    // Promise of {module, bytes, source} (compileWasm)
  workers: [],       // {worker, inflight: Map id -> doc, batches (messages in flight), waiters: [fn] (plugin replies, in order)}
  onResults: null,   // ([[msg, doc]]) for every batch of analysis replies
  onCrash: null,     // (docs, message) when a worker dies with documents in it
  onSaved: null,     // (msg) when a worker has written results to IndexedDB

  get started() { return this.workers.length > 0; },
  get inflight() { return this.workers.reduce((n, w) => n + w.inflight.size, 0); },
  // The least busy worker with room for a batch, or null.
  freeWorker() {
    let best = null;
    for (const w of this.workers) if (w.batches < PER_WORKER && (!best || w.batches < best.batches)) best = w;
    return best;
  },
  // How many documents the next batch takes out of `queued`: the queue
  // spread over every worker's slots, so that the last batches are small
  // and no worker waits while another still has many.
  // An idle worker's first batch is small, so that the first result shows
  // at once; the next one is waiting in the worker meanwhile.
  batchSize(queued, slot) {
    const size = Math.max(1, Math.min(BATCH_DOCS, Math.ceil(queued / (Math.max(1, this.workers.length) * PER_WORKER * 2))));
    return slot && slot.batches === 0 ? Math.min(size, FIRST_BATCH_DOCS) : size;
  },
  inflightDocs() { return this.workers.flatMap((w) => Array.from(w.inflight.values())); },

  // Starts every worker; `plugins` (specs loaded at run time) are replayed
  // into each before any document (a worker handles messages in order).
  // Resolves with the first worker's 'ready' message.
  start(plugins) {
    if (!this.url) this.url = URL.createObjectURL(new Blob([NEWSLENS_WORKER_SOURCE], { type: 'text/javascript' }));
    if (!this.compiled) this.compiled = compileWasm();
    const readies = [];
    for (let i = 0; i < this.size; i++) readies.push(this.startOne(plugins));
    return Promise.any(readies).catch((e) => { throw e.errors ? e.errors[0] : e; });
  },

  // Sends a worker started from this.url its module: it waits for it before
  // it handles anything else. Resolves once sent.
  init(worker) {
    if (!this.compiled) this.compiled = compileWasm();
    return this.compiled.then(({ module, bytes, source }) => {
      try {
        worker.postMessage({ type: 'init', module, source });
      } catch (e) {
        worker.postMessage({ type: 'init', bytes, source });
      }
    });
  },

  startOne(plugins) {
    const slot = { worker: new Worker(this.url), inflight: new Map(), batches: 0, waiters: [], parts: new Map() };
    this.workers.push(slot);
    const init = this.init(slot.worker);
    for (const spec of plugins) {
      slot.waiters.push(() => {});
      slot.worker.postMessage({ type: 'load-plugin', file: spec.file, kind: spec.kind, bytes: spec.bytes });
    }
    return new Promise((resolve, reject) => {
      init.catch(reject);
      slot.worker.onmessage = (ev) => {
        const msg = ev.data;
        if (msg.type === 'ready') resolve(msg);
        else if (msg.type === 'failed') reject(new Error(msg.message));
        else if (msg.type === 'results') {
          slot.batches--;
          const pairs = msg.results.map((r) => {
            if (r.parts) {  // its mentions came ahead, in parts (worker.js sendMentionParts)
              r.result.mentions = [].concat(...(slot.parts.get(r.id) || []));
              slot.parts.delete(r.id);
              delete r.parts;
            }
            const doc = slot.inflight.get(r.id);
            slot.inflight.delete(r.id);
            return [r, doc];
          });
          if (this.onResults) this.onResults(pairs);
        } else if (msg.type === 'mentions') {
          if (!slot.parts.has(msg.id)) slot.parts.set(msg.id, []);
          slot.parts.get(msg.id).push(msg.mentions);
        } else if (msg.type === 'saved') {
          if (this.onSaved) this.onSaved(msg);
        } else if (msg.type === 'plugin') {
          const waiter = slot.waiters.shift();
          if (waiter) waiter(msg);
        }
      };
      slot.worker.onerror = (ev) => {
        ev.preventDefault();
        const message = ev.message || 'the analysis worker failed';
        reject(new Error(message));
        // A dead worker leaves the pool; its documents are reported and the
        // others go on (a new one starts on the next run).
        const i = this.workers.indexOf(slot);
        if (i < 0) return;
        this.workers.splice(i, 1);
        slot.worker.terminate();
        const docs = Array.from(slot.inflight.values());
        for (const w of slot.waiters) w({ ok: false, problems: [message], plugins: [] });
        if (this.onCrash) this.onCrash(docs, message);
      };
    });
  },

  // Posts a batch of documents (msgs[i] describes docs[i]) to a worker
  // from freeWorker().
  send(slot, docs, msgs) {
    for (const doc of docs) slot.inflight.set(doc.id, doc);
    slot.batches++;
    slot.worker.postMessage({ type: 'analyse', docs: msgs });
  },

  // A plugin goes to every worker; resolves with the first reply (each
  // worker runs the same module, so they agree).
  loadPlugin(spec) {
    return Promise.all(this.workers.map((w) => new Promise((resolve) => {
      w.waiters.push(resolve);
      w.worker.postMessage({ type: 'load-plugin', file: spec.file, kind: spec.kind, bytes: spec.bytes });
    }))).then((replies) => replies.find((r) => r.ok) || replies[0]);
  },

  // Stops every worker (documents in them are dropped); returns those docs.
  stop() {
    const docs = this.inflightDocs();
    for (const w of this.workers) {
      w.worker.terminate();
      for (const fn of w.waiters) fn({ ok: false, problems: ['cancelled'], plugins: [] });
    }
    this.workers = [];
    return docs;
  },
};
