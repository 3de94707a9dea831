// The analysis Worker. Built at page-assembly time as one string: the
// Emscripten module source, then this file; the page starts it from a Blob
// URL (the only way to get a Worker over file://). Messages:
//   in:  {id, name, bytes: Uint8Array}
//   out: {type: 'ready', plugins, version} | {type: 'failed', message}
//        {type: 'result', id, status: 'done'|'bad', message, text, result, ms}
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

  function analyse(m, name, bytes) {
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
      const result = JSON.parse(m.analyze(name, text, ''));
      return { status: 'done', text, result, ms: performance.now() - t0 };
    } catch (e) {
      return { status: 'bad', message: `analysis failed (${(e && e.message) || e})` };
    }
  }

  self.onmessage = (ev) => {
    const { id, name, bytes } = ev.data;
    ready.then((m) => {
      self.postMessage(Object.assign({ type: 'result', id }, analyse(m, name, bytes)));
    });
  };
})();
