#!/usr/bin/env node
// Assembles the single-file page: web/page/index.html with
//   <!-- inline:FILE -->   replaced by web/page/FILE,
//   <!-- inline:map -->    by the generated map data (gen_map.js),
//   <!-- npm:A,B,… -->       by the UMD builds node_modules/A/dist/A.min.js, …
//                          (in that order: a package after its dependencies),
//   <!-- npm-file:PKG/FILE --> by node_modules/PKG/FILE as it is (Readability
//                          ships no dist/ build),
//   <!-- plugin-examples --> by `const NEWSLENS_EXAMPLE_PLUGINS = {FILE: text}`,
//                          the rule plugins of examples/plugins/ (the editor
//                          opens them with one click),
//   <!-- worker-source --> by `const NEWSLENS_WORKER_SOURCE = "…";`,
//                          worker_boot.js as a string: over file:// a Worker
//                          can only be started from a Blob URL made from such
//                          a string; `const NEWSLENS_WORKER_GZIP = "…";`, the
//                          Emscripten module (without its wasm) plus worker.js,
//                          gzipped, in base64, which worker_boot.js runs; and
//                          `const NEWSLENS_WASM_GZIP = "…";`, the module's
//                          wasm, gzipped, in base64.
// The page's own scripts (web/page/*.js) go in without their comments
// (acorn, Debian's node-acorn that emscripten depends on, finds them
// exactly; without it they stay): the page does not grow as the code is
// explained.
// Usage: node build_page.js PAGE_DIR MODULE_JS OUT_HTML MAP_JS
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const [pageDir, moduleJs, outHtml, mapJs] = process.argv.slice(2);
if (!mapJs) {
  console.error('usage: node build_page.js PAGE_DIR MODULE_JS OUT_HTML MAP_JS');
  process.exit(2);
}

let acorn = null;
for (const name of ['acorn', '/usr/share/nodejs/acorn']) {
  try {
    acorn = require(name);
    break;
  } catch (e) { /* next */ }
}
if (!acorn) console.log('build_page: acorn not found, the page keeps its comments');

// The source without its comments: a comment alone on its lines goes with
// its lines, one after code with the spaces before it.
function stripComments(src, file) {
  if (!acorn) return src;
  const comments = [];
  try {
    acorn.parse(src, { ecmaVersion: 'latest', sourceType: 'script', onComment: (block, text, start, end) => comments.push([start, end]) });
  } catch (e) {
    throw new Error(`${file}: ${e.message}`);
  }
  let out = '';
  let at = 0;
  for (let [start, end] of comments) {
    let s0 = start;
    while (s0 > at && (src[s0 - 1] === ' ' || src[s0 - 1] === '\t')) s0--;
    const alone = s0 === 0 || src[s0 - 1] === '\n';
    if (alone && (end === src.length || src[end] === '\n')) end = Math.min(src.length, end + 1);
    out += src.slice(at, s0);
    at = end;
  }
  return out + src.slice(at);
}
const readJs = (file) => stripComments(fs.readFileSync(file, 'utf8'), file);

// Text placed inside <script> or <style> must not close the element early.
const guard = (text) => text.replace(/<\/(script|style)/gi, '<\\/$1');
const read = (file) => fs.readFileSync(file, 'utf8');

// The module's wasm comes out of its JS (Emscripten embeds it as a base64
// data: URL) and goes into the page once, gzipped: the page compiles it once
// and hands the compiled module to every worker (pool.js), so the workers
// neither decode nor compile it, and share the optimised code V8 makes of it.
// Gzip more than halves the page (the wasm is most of it); the page unpacks
// it with the browser's DecompressionStream.
const moduleSource = read(moduleJs);
const dataUrl = /"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/.exec(moduleSource);
if (!dataUrl) {
  console.error(`build_page: ${moduleJs} has no embedded wasm (build it with -sSINGLE_FILE=1)`);
  process.exit(1);
}
const wasmGzip = zlib.gzipSync(Buffer.from(dataUrl[1], 'base64'), { level: 9 }).toString('base64');
const moduleWithoutWasm = moduleSource.slice(0, dataUrl.index) + '""' + moduleSource.slice(dataUrl.index + dataUrl[0].length);

// The worker's source goes in gzipped too (a third of its size): a worker
// starts from worker_boot.js, which runs it once the page sends it, unpacked
// (pool.js). A JS string literal safe inside <script>: every "<" escaped, so
// no "</script" or "<!--" can appear in it.
const workerSource = [moduleWithoutWasm, ...['decode.js', 'db.js', 'compare.js', 'warmup.js', 'worker.js'].map((f) => readJs(path.join(pageDir, f)))].join('\n');
const workerGzip = zlib.gzipSync(Buffer.from(workerSource, 'utf8'), { level: 9 }).toString('base64');
const workerLiteral = JSON.stringify(readJs(path.join(pageDir, 'worker_boot.js'))).replace(/</g, '\\u003c')
  .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

// npm packages sit in the source folder's node_modules (web/page -> ../../).
const nodeModules = path.resolve(pageDir, '../../node_modules');
const npmBundle = (names) => names.split(',').map((name) => {
  const file = path.join(nodeModules, name, 'dist', `${name}.min.js`);
  if (!fs.existsSync(file)) {
    console.error(`build_page: ${file} is missing (run \`npm ci\` in the source folder)`);
    process.exit(1);
  }
  return guard(read(file));
}).join('\n');

let html = read(path.join(pageDir, 'index.html'));
html = html.replace(/<!-- npm-file:([\w@.\-/]+) -->/g, (_, file) => guard(read(path.join(nodeModules, file))));
const examplesDir = path.resolve(pageDir, '../../examples/plugins');
const examples = {};
for (const f of fs.existsSync(examplesDir) ? fs.readdirSync(examplesDir).sort() : []) {
  if (f.endsWith('.json')) examples[f] = JSON.stringify(JSON.parse(read(path.join(examplesDir, f))));
}
html = html.replace('<!-- plugin-examples -->', () => `const NEWSLENS_EXAMPLE_PLUGINS = ${JSON.stringify(examples).replace(/</g, '\\u003c')};`);
html = html.replace(/<!-- (inline:([\w.\-]+)|npm:([\w.,\-]+)|worker-source) -->/g, (_, what, name, npm) => {
  if (what === 'worker-source') return `const NEWSLENS_WORKER_SOURCE = ${workerLiteral};\nconst NEWSLENS_WORKER_GZIP = "${workerGzip}";\nconst NEWSLENS_WASM_GZIP = "${wasmGzip}";`;
  if (npm) return npmBundle(npm);
  if (name === 'map') return guard(read(mapJs));
  const file = path.join(pageDir, name);
  return guard(name.endsWith('.js') ? readJs(file) : read(file));
});
// Content-Security-Policy: each inline script allowed by its hash, so no
// other inline script (nor an event handler attribute) can run.
const hashes = [];
for (const m of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
  hashes.push(`'sha256-${crypto.createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
}
if (!/script-src script-hashes /.test(html)) throw new Error('index.html: the CSP has no script-hashes placeholder');
html = html.replace('script-src script-hashes ', `script-src ${hashes.join(' ')} `);
fs.mkdirSync(path.dirname(outHtml), { recursive: true });
fs.writeFileSync(outHtml, html);
console.log(`page: ${outHtml} (${fs.statSync(outHtml).size} bytes)`);
