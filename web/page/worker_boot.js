// What a worker starts from (its Blob URL, pool.js): the worker's real
// source (the Emscripten module, decode.js, db.js, compare.js, warmup.js,
// worker.js) ships gzipped in the page, like the wasm (build_page.js), and
// comes in the 'init' message, unpacked by the page once for all workers.
// The messages that arrive before it wait, then all go to the handler the
// source installs, in arrival order.
'use strict';
(function () {
  const early = [];
  self.onmessage = (ev) => {
    early.push(ev);
    if (ev.data.type !== 'init') return;
    self.onmessage = null;
    // Global code, as a script's: the page's CSP allows eval ('unsafe-eval').
    (0, eval)(ev.data.source);
    for (const e of early) self.onmessage(e);
  };
})();
