// The analysis Worker. Built at page-assembly time as one string: the
// Emscripten module source, then this file; the page starts it from a Blob
// URL (the only way to get a Worker over file://). Messages:
//   in:  {id, name, bytes: Uint8Array, plugins: 'a,b' ('' = all)}
//        {type: 'load-plugin', file, kind: 'rules'|'compiled', bytes}
//   out: {type: 'ready', plugins, version} | {type: 'failed', message}
//        {type: 'result', id, status: 'done'|'bad', message, text, result, ms}
//        {type: 'plugin', file, ok, name, problems, plugins}
(function () {
  'use strict';
  // Emscripten 3.1.6 first tries fetch() on its embedded data: URL, which the
  // page's CSP (connect-src 'none') blocks with a console error before the
  // module falls back to decoding it. The choice is made synchronously inside
  // NewslensModule(), so hiding fetch for that call avoids the attempt.
  const realFetch = self.fetch;
  let ready;
  self.fetch = undefined;
  try {
    ready = NewslensModule();
  } finally {
    self.fetch = realFetch;
  }
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

  function analyse(m, name, bytes, plugins) {
    const problem = m.checkInput(bytes);
    if (problem) return { status: 'bad', message: problem };
    let text;
    try {
      text = decoder.decode(bytes);
    } catch (e) {
      return { status: 'bad', message: 'not valid UTF-8' };
    }
    const t0 = performance.now();
    try {
      const result = JSON.parse(m.analyze(name, text, plugins || ''));
      return { status: 'done', text, result, ms: performance.now() - t0 };
    } catch (e) {
      return { status: 'bad', message: `analysis failed (${(e && e.message) || e})` };
    }
  }

  // Messages are handled in arrival order (each waits on the same promise),
  // so a plugin load applies to every document sent after it.
  self.onmessage = (ev) => {
    const msg = ev.data;
    ready.then((m) => {
      if (msg.type === 'load-plugin') self.postMessage(loadPlugin(m, msg.file, msg.kind, msg.bytes));
      else self.postMessage(Object.assign({ type: 'result', id: msg.id }, analyse(m, msg.name, msg.bytes, msg.plugins)));
    });
  };
})();
