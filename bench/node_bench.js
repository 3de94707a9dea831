// Node half of the benchmark: the WebAssembly build of newslens, or the
// compromise NLP library on the same corpus, for one plugin selection per
// run (bench/run.sh runs one process per row so each peak-memory figure is
// its own; every row runs the same script in the same node).
//
//   node node_bench.js --engine wasm|compromise --list FILE [--plugins a,b]
//                      [--module build/wasm/web/newslens.js] [--latency-doc F] [--latency-runs N]
//                      [--warm-up-seconds S] [--label NAME]
//
// --warm-up-seconds S: before the clock starts, the engine analyses the
// corpus's documents in turn for S seconds, its results thrown away, so that
// V8 has optimised the code (both engines are JIT-compiled: a fresh WebAssembly
// module runs about 10x slower on its first few hundred articles, and
// compromise too starts slow). The page warms its workers up the same way
// while it waits for documents (web/page/worker.js). Default 0: cold.
//
// wasm: m.analyze(name, text, plugins) as the page calls it (check_input,
// Document, analyze, JSON with UTF-16 offsets, returned as a string).
// compromise: nlp(text) then .numbers() / .places() / .quotations() / .people() for the
// plugins numbers / locations / quotes / people (all four for "all"), each result
// materialised with .out('array'). Prints one JSON line (MB = 10^6 bytes).
'use strict';
const fs = require('fs');
const path = require('path');

function arg(name, dflt) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : dflt;
}
const engine = arg('--engine', 'wasm');
const list = arg('--list');
const plugins = arg('--plugins', '');
const modulePath = arg('--module', path.join(__dirname, '..', 'build', 'wasm', 'web', 'newslens.js'));
const latencyDoc = arg('--latency-doc', '');
const latencyRuns = Number(arg('--latency-runs', '100'));
const warmUpSeconds = Number(arg('--warm-up-seconds', '0'));
const label = arg('--label', engine);  // the row's name in bench/table.py (e.g. wasm-cold)
if (!list) {
  console.error('node_bench.js: --list FILE is required');
  process.exit(2);
}

const peakRssMiB = () => process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB
const now = () => Number(process.hrtime.bigint()) / 1e6; // ms

async function makeEngine() {
  if (engine === 'wasm') {
    const NewslensModule = require(path.resolve(modulePath));
    const m = await NewslensModule();
    return {
      run(text) {
        const json = m.analyze('doc.txt', text, plugins);
        // Count mentions without a full parse (the page parses; the CLI prints).
        let n = 0;
        for (let i = json.indexOf('"plugin":'); i >= 0; i = json.indexOf('"plugin":', i + 9)) n++;
        return n;
      },
      heapMiB: () => (m.HEAP8 ? m.HEAP8.buffer.byteLength / 1048576 : null),
    };
  }
  if (engine === 'compromise') {
    const nlp = require('compromise');
    const want = plugins === '' || plugins === 'all' ? ['numbers', 'quotes', 'locations', 'people'] : plugins.split(',');
    const calls = { numbers: (d) => d.numbers(), locations: (d) => d.places(), quotes: (d) => d.quotations(),
      people: (d) => d.people() };
    for (const w of want) if (!calls[w]) throw new Error(`compromise has no equivalent of plugin '${w}'`);
    return {
      run(text) {
        const doc = nlp(text);
        let n = 0;
        for (const w of want) n += calls[w](doc).out('array').length;
        return n;
      },
      heapMiB: () => null,
    };
  }
  throw new Error(`unknown engine ${engine}`);
}

(async () => {
  const files = fs.readFileSync(list, 'utf8').split('\n').filter(Boolean);
  const cache = new Map();
  const texts = files.map((f) => {
    if (!cache.has(f)) cache.set(f, fs.readFileSync(f, 'utf8'));
    return cache.get(f);
  });
  const bytes = files.reduce((s, f) => s + Buffer.byteLength(cache.get(f), 'utf8'), 0);
  const rssBefore = peakRssMiB();

  let t0 = now();
  const e = await makeEngine();
  const setupMs = now() - t0;

  let warmUpDocs = 0;
  const warmUntil = now() + warmUpSeconds * 1000;
  while (warmUpSeconds > 0 && now() < warmUntil) e.run(texts[warmUpDocs++ % texts.length]);

  let mentions = 0;
  t0 = now();
  for (const t of texts) mentions += e.run(t);
  const seconds = (now() - t0) / 1000;
  const peak = peakRssMiB();

  const lat = [];
  let latencyBytes = 0;
  if (latencyDoc) {
    const text = fs.readFileSync(latencyDoc, 'utf8');
    latencyBytes = Buffer.byteLength(text, 'utf8');
    for (let i = 0; i < 5; i++) e.run(text);
    for (let i = 0; i < latencyRuns; i++) {
      const s = now();
      e.run(text);
      lat.push(now() - s);
    }
    lat.sort((a, b) => a - b);
  }
  const pct = (p) => (lat.length ? lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] : 0);
  console.log(JSON.stringify({
    engine: label, plugins: plugins || 'all', docs: texts.length, bytes, seconds,
    mb_per_s: bytes / 1e6 / seconds, setup_ms: setupMs, warm_up_seconds: warmUpSeconds, warm_up_docs: warmUpDocs, mentions,
    rss_before_mib: rssBefore, peak_rss_mib: peak, wasm_heap_mib: e.heapMiB(),
    latency_doc_bytes: latencyBytes, latency_ms_median: pct(0.5), latency_ms_p95: pct(0.95),
  }));
})().catch((err) => {
  console.error(`node_bench.js: ${err && err.stack ? err.stack : err}`);
  process.exit(1);
});
