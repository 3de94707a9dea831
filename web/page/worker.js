// The analysis Worker. Built at page-assembly time as one string: the
// Emscripten module source, decode.js, db.js, compare.js, then this file; the page starts it
// from a Blob URL (the only way to get a Worker over file://), one per core
// (pool.js). Messages:
//   in:  {type: 'analyse', docs: [{id, name, file: File | bytes: Uint8Array |
//         text: string, plugins: 'a,b' ('' = all), save}]}: a batch of documents
//        (file, bytes: a text file, read, sniffed and decoded here; text:
//        already extracted, e.g. from HTML)
//        {type: 'load-plugin', file, kind: 'rules'|'compiled', bytes}
//        {type: 'compare', seq, jsonl}: the documents' results compared by the
//         core (compare.js builds the lines)
//        {type: 'preview', seq, json, ids, docs: [{id, name, text}] (texts not
//         sent before), open, first}: the plugin editor's rule plugin (editor.js)
//         run on the documents `ids`; a newer preview stops it
//   out: {type: 'ready', plugins, version} | {type: 'failed', message}
//        {type: 'results', results: [{id, status: 'done'|'bad'|'html', message,
//         text, result, ms, note (how the bytes were decoded, '' for UTF-8),
//         hash (of the bytes), save}]}: one reply per batch ('html': a page
//         to extract first, its bytes sent back: DOMParser is the page's)
//         {type: 'mentions', id, mentions}: part of a long result's mentions,
//         sent before its 'results' (which says parts: true)
//        {type: 'plugin', file, ok, name, problems, plugins}
//        {type: 'saved', ids, ok, message}: those results are in IndexedDB
//        {type: 'compared', seq, json}: the comparison (core/compare.h)
//        {type: 'previewed', seq, ok, problems, details, counts: {id: n},
//         errors: {id: line}, open: {id, mentions}, first: [mention + doc],
//         checked, done}: sent as it goes (every 0.3 s) and at the end
// A batch (pool.js sizes them) costs one message each way and one IndexedDB
// transaction: per-document messages and transactions took more time than
// the analysis of a short article.
(function () {
  'use strict';
  // The module's wasm comes from the page, compiled once there (pool.js) and
  // sent as the first message: {type: 'init', module: WebAssembly.Module}
  // ({bytes} where a browser cannot pass a compiled module). The module's JS
  // is only told how to instantiate it (Emscripten's instantiateWasm).
  let received;
  const compiled = new Promise((resolve) => { received = resolve; });
  const ready = compiled.then((msg) => new Promise((resolve, reject) => {
    const module = msg.module || new WebAssembly.Module(msg.bytes);
    NewslensModule({
      instantiateWasm(imports, receive) {
        WebAssembly.instantiate(module, imports).then((instance) => receive(instance, module), reject);
        return {};
      },
    }).then(resolve, reject);
  }));
  ready.then((m) => {
    self.postMessage({ type: 'ready', plugins: JSON.parse(m.plugins()), version: m.version() });
  }, (e) => {
    self.postMessage({ type: 'failed', message: String((e && e.message) || e) });
  });

  const decoder = new TextDecoder('utf-8', { fatal: true });

  // A rule plugin (.json) or a compiled one (a side module .wasm, written to
  // the in-memory file system for dlopen). Replies with the new plugin list.
  function loadPlugin(m, file, kind, bytes) {
    let reply;
    try {
      if (kind === 'rules') {
        reply = JSON.parse(m.loadRulePlugin(decoder.decode(bytes), file));
      } else {
        const path = '/plugins/' + file.replace(/[^\w.-]/g, '_');
        try { m.FS.mkdir('/plugins'); } catch (e) { /* exists */ }
        m.FS.writeFile(path, bytes);
        reply = JSON.parse(m.loadCompiledPlugin(path));
      }
    } catch (e) {
      reply = { ok: false, problems: [`${file}: ${(e && e.message) || e}`] };
    }
    return Object.assign({ type: 'plugin', file, plugins: JSON.parse(m.plugins()) }, reply);
  }

  const encoder = new TextEncoder();

  // The mentions as the text view draws them (web/page/textview.js): ids in
  // start order (ties: in result order), offsets clamped to the text, plugin
  // index; and the count per plugin. Typed arrays, moved to the page without
  // a copy; on a 50 MB text this saves the page about a second.
  function spanLayout(mentions, length) {
    const n = mentions.length;
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = (mentions[i].start16 | 0) * 4194304 + i;
    keys.sort();
    const ids = new Int32Array(n);
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    const plugin = new Uint16Array(n);
    const names = [];
    const index = new Map();
    const counts = {};
    for (let k = 0; k < n; k++) {
      const id = keys[k] % 4194304;
      const m = mentions[id];
      let p = index.get(m.plugin);
      if (p === undefined) { p = names.length; names.push(m.plugin); index.set(m.plugin, p); counts[m.plugin] = 0; }
      counts[m.plugin]++;
      ids[k] = id;
      starts[k] = Math.max(0, Math.min(length, m.start16 | 0));
      ends[k] = Math.max(0, Math.min(length, m.end16 | 0));
      plugin[k] = p;
    }
    return { ids, starts, ends, plugin, names, counts };
  }

  // Bytes of a text file are decoded (decode.js: UTF-8, UTF-16 with a BOM,
  // else Windows-1252) and checked as UTF-8 by the core (size, binary, empty).
  function analyse(m, msg) {
    let text;
    let note = '';
    let utf8;
    const hash = msg.bytes ? contentHash(msg.bytes) : '';
    if (msg.bytes && msg.sniff) {
      const format = sniffFormat(msg.name, msg.bytes);
      if (format.kind === 'unsupported') return { status: 'bad', message: format.message, note, hash };
      if (format.kind === 'html') return { status: 'html', bytes: msg.bytes, hash };
    }
    if (typeof msg.text === 'string') {
      text = msg.text;
      utf8 = encoder.encode(text);
    } else {
      const d = decodeBytes(msg.bytes);
      text = d.text;
      note = d.note;
      utf8 = d.encoding === 'utf-8' && msg.bytes[0] !== 0xef ? msg.bytes : encoder.encode(text);
    }
    const problem = m.checkInput(utf8);
    if (problem) return { status: 'bad', message: problem, note, hash };
    const t0 = performance.now();
    try {
      const json = m.analyze(msg.name, text, msg.plugins || '');
      const result = JSON.parse(json);
      const ms = performance.now() - t0;
      // Paragraphs repeated within the text and a key for identical
      // documents (core/compare.h), computed here: on a 50 MB text they take
      // seconds. The page indexes its strings in UTF-16.
      const rep = JSON.parse(m.textRepeats(text));
      const repeats = rep.repeats.map((r) => ({ start: r.start16, end: r.end16 }));
      return { status: 'done', text, result, json, ms, note, hash, repeats, looseKey: rep.key,
        layout: spanLayout(result.mentions, text.length) };
    } catch (e) {
      return { status: 'bad', message: `analysis failed (${(e && e.message) || e})`, note, hash };
    }
  }

  // The documents' texts and results go to the workspace database from here
  // (db.js), one transaction per batch, then the page is told ('saved'), so
  // that a reload restores them without the page ever serialising them
  // itself. The result is stored as the module's JSON text: cloning one
  // string costs a fraction of cloning its tree of objects.
  let dbPromise = null;
  function saveData(saves) {
    if (!saves.length) return;
    if (!dbPromise) dbPromise = openWorkspaceDb();
    const ids = saves.map((x) => x.id);
    dbPromise.then((db) => idbWrite(db, ['data'], (s) => {
      for (const { id, reply, json } of saves) {
        if (reply.status === 'done') {
          s.data.put({ text: reply.text, resultJson: json, ms: reply.ms, repeats: reply.repeats, looseKey: reply.looseKey }, id);
        } else s.data.delete(id);
      }
    }))
      .then(() => self.postMessage({ type: 'saved', ids, ok: true }),
        (e) => self.postMessage({ type: 'saved', ids, ok: false, message: String((e && e.message) || e) }));
  }

  // The plugin editor's preview: its plugin loaded (replacing its last
  // version in this worker, which analyses nothing else) and run as the page
  // and the CLI run it. It yields every 0.3 s so that a newer request, which
  // supersedes it, is seen.
  const previewTexts = new Map();
  let previewLatest = 0;
  async function preview(m, msg) {
    for (const d of msg.docs) previewTexts.set(d.id, d);
    const reply = JSON.parse(m.loadRulePlugin(msg.json, 'editor'));
    const out = { type: 'previewed', seq: msg.seq, ok: reply.ok, problems: reply.problems || [], details: reply.details || [],
      counts: {}, errors: {}, open: null, first: [], checked: 0, done: false };
    let last = performance.now();
    for (const id of reply.ok ? msg.ids : []) {
      if (previewLatest !== msg.seq) return;
      const d = previewTexts.get(id);
      if (!d) continue;
      const r = JSON.parse(m.analyze(d.name, d.text, reply.name));
      const mine = r.mentions.filter((x) => x.plugin === reply.name);
      out.counts[id] = mine.length;
      if (r.errors.length) out.errors[id] = r.errors[0];
      if (id === msg.open) out.open = { id, mentions: mine };
      for (const x of mine) if (out.first.length < msg.first) out.first.push(Object.assign({ doc: id }, x));
      out.checked++;
      if (performance.now() - last > 300) {
        self.postMessage(out);
        await new Promise((resolve) => setTimeout(resolve, 0));
        last = performance.now();
      }
    }
    out.done = true;
    self.postMessage(out);
  }

  // Messages are handled one after the other, in arrival order, so a plugin
  // load applies to every document sent after it. The files of a batch are
  // read together first.
  // Warmed up once the page is told the worker is ready: a first analysis
  // builds the plugins' lexicons (about 0.2 s of a fresh module, 1 s on a
  // busy machine). Then, while no message waits, the worker analyses the
  // warm-up article again, one run per task, until V8 has optimised the code
  // the analysis runs: a fresh module starts on baseline code and is about
  // 10x slower on its first few hundred articles (measured under node: 400
  // BBC articles took 2.5 s fresh, 0.5 s after 150 warm-up runs). Real work
  // goes first: a message that arrives stops the warm-up, and the results are
  // thrown away.
  const WARM_RUNS = 150;
  const WARM_MS = 4000;
  let waiting = 0;  // messages received and not handled yet
  let queue = ready.then((m) => {
    try { m.analyze('warm-up', NEWSLENS_WARM_UP, ''); } catch (e) { return m; /* the real documents will say */ }
    const until = performance.now() + WARM_MS;
    let runs = 1;
    const step = () => {
      if (waiting > 0 || runs >= WARM_RUNS || performance.now() > until) return;
      try { m.analyze('warm-up', NEWSLENS_WARM_UP, ''); } catch (e) { return; }
      ++runs;
      setTimeout(step, 0);
    };
    setTimeout(step, 0);
    return m;
  });
  self.onmessage = (ev) => {
    const msg = ev.data;
    if (msg.type === 'init') { received(msg); return; }
    if (msg.type === 'preview') previewLatest = msg.seq;
    ++waiting;
    queue = queue.then((m) => handle(m, msg).catch((e) => {
      // Nothing of a batch may be left unanswered: the page waits for it.
      if (msg.type === 'load-plugin') return;
      if (msg.type === 'preview') { self.postMessage({ type: 'previewed', seq: msg.seq, ok: false, problems: [`editor: ${(e && e.message) || e}`], details: [{ path: '', rule: -1, offset: -1 }], done: true }); return; }
      if (msg.type === 'compare') { self.postMessage({ type: 'compared', seq: msg.seq, json: JSON.stringify({ error: String((e && e.message) || e) }) }); return; }
      const message = `analysis failed (${(e && e.message) || e})`;
      self.postMessage({ type: 'results', results: msg.docs.map((d) => ({ id: d.id, status: 'bad', message, note: '', hash: '' })) });
    }).then(() => { --waiting; return m; }));
  };

  // The mentions of a long result go ahead in parts, one message each (the
  // 'results' message then has none, and says so with parts: true): the page
  // reads a message in one task, and a 50 MB text's 680,000 mentions in one
  // message kept it busy for 2.5 s.
  const PART_MENTIONS = 5000;
  function sendMentionParts(id, reply) {
    const all = reply.result.mentions;
    if (all.length <= PART_MENTIONS) return;
    for (let i = 0; i < all.length; i += PART_MENTIONS) self.postMessage({ type: 'mentions', id, mentions: all.slice(i, i + PART_MENTIONS) });
    reply.result = Object.assign({}, reply.result, { mentions: [] });
    reply.parts = true;
  }

  async function handle(m, msg) {
    if (msg.type === 'load-plugin') { self.postMessage(loadPlugin(m, msg.file, msg.kind, msg.bytes)); return; }
    if (msg.type === 'compare') { self.postMessage({ type: 'compared', seq: msg.seq, json: m.compare(msg.jsonl) }); return; }
    if (msg.type === 'preview') { await preview(m, msg); return; }
    const reads = await Promise.allSettled(msg.docs.map((doc) => (doc.file ? doc.file.arrayBuffer() : null)));
    const results = [];
    const moved = [];
    const saves = [];
    msg.docs.forEach((doc, i) => {
      let reply;
      if (doc.file && reads[i].status !== 'fulfilled') {
        const why = reads[i].reason;
        reply = { status: 'bad', message: `could not be read (${(why && why.message) || why})`, note: '', hash: '' };
      } else {
        // A file's bytes are sniffed here (a PDF, an image, an HTML page).
        reply = analyse(m, doc.file ? Object.assign({}, doc, { bytes: new Uint8Array(reads[i].value), sniff: true }) : doc);
      }
      const json = reply.json;
      delete reply.json;
      if (reply.status === 'done') sendMentionParts(doc.id, reply);
      if (reply.layout) moved.push(reply.layout.ids.buffer, reply.layout.starts.buffer, reply.layout.ends.buffer, reply.layout.plugin.buffer);
      if (reply.status === 'html') moved.push(reply.bytes.buffer);
      else if (doc.save) saves.push({ id: doc.id, reply, json });
      results.push(Object.assign({ id: doc.id, save: !!doc.save && reply.status !== 'html' }, reply));
    });
    // The results first (the page waits for them); the records saved to
    // IndexedDB do not hold the typed arrays that move.
    self.postMessage({ type: 'results', results }, moved);
    saveData(saves);
  }
})();
