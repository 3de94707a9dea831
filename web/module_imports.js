#!/usr/bin/env node
// Writes the export list of the page's main module: every symbol that the
// plugin side modules import and do not define themselves. Emscripten's
// MAIN_MODULE=2 exports only what it is told to, so this list is what makes
// those plugins loadable at run time (at a fraction of MAIN_MODULE=1's size).
// Usage: node module_imports.js OUT.txt SIDE_MODULE.wasm...
'use strict';
const fs = require('fs');

const [out, ...modules] = process.argv.slice(2);
// Provided by the dynamic linker itself, not by exported symbols.
const runtime = new Set(['memory', '__indirect_function_table', '__stack_pointer', '__memory_base',
  '__table_base', '__c_longjmp', '__cpp_exception']);
const names = new Set(['_malloc', '_free']);  // the page's JavaScript uses these
for (const file of modules) {
  const mod = new WebAssembly.Module(fs.readFileSync(file));
  const own = new Set(WebAssembly.Module.exports(mod).map((e) => e.name));
  for (const imp of WebAssembly.Module.imports(mod)) {
    if (!['env', 'GOT.func', 'GOT.mem'].includes(imp.module)) continue;
    if (runtime.has(imp.name) || own.has(imp.name)) continue;
    if (imp.kind === 'tag') continue;  // exception tags are shared by the linker
    names.add('_' + imp.name);
  }
}
fs.writeFileSync(out, [...names].sort().join('\n') + '\n');
console.log(`${out}: ${names.size} symbols for ${modules.length} plugin module(s)`);
