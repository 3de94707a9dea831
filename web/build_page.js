#!/usr/bin/env node
// Assembles the single-file page: web/page/index.html with every
// <!-- inline:FILE --> marker replaced by that file's contents, and
// <!-- inline:module --> by the Emscripten module (wasm embedded).
// Usage: node build_page.js PAGE_DIR MODULE_JS OUT_HTML
'use strict';
const fs = require('fs');
const path = require('path');

const [pageDir, moduleJs, outHtml] = process.argv.slice(2);
if (!outHtml) {
  console.error('usage: node build_page.js PAGE_DIR MODULE_JS OUT_HTML');
  process.exit(2);
}

// Text placed inside <script> or <style> must not close the element early.
const guard = (text) => text.replace(/<\/(script|style)/gi, '<\\/$1');

let html = fs.readFileSync(path.join(pageDir, 'index.html'), 'utf8');
html = html.replace(/<!-- inline:([\w.\-]+) -->/g, (_, name) => {
  const file = name === 'module' ? moduleJs : path.join(pageDir, name);
  return guard(fs.readFileSync(file, 'utf8'));
});
fs.mkdirSync(path.dirname(outHtml), { recursive: true });
fs.writeFileSync(outHtml, html);
console.log(`page: ${outHtml} (${fs.statSync(outHtml).size} bytes)`);
