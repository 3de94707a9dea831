#!/usr/bin/env node
// The page's module loads compiled plugins (side modules) at run time: every
// LOADABLE plugin's .wasm loads from the in-memory file system and runs, its
// wrong-ABI twin and a damaged file are refused with a reason.
// Usage: node wasm_plugin_load_test.js MODULE_JS LOADABLE_DIR
'use strict';
const fs = require('fs');
const path = require('path');

const [moduleJs, dir] = process.argv.slice(2);
let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${!ok && detail ? ': ' + detail : ''}`);
}

require(path.resolve(moduleJs))().then((m) => {
  m.FS.mkdir('/plugins');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.wasm'));
  const good = files.filter((f) => !f.includes('-wrong-abi'));
  check('there are plugin side modules to load', good.length > 0, dir);
  for (const file of good) {
    m.FS.writeFile('/plugins/' + file, fs.readFileSync(path.join(dir, file)));
    const reply = JSON.parse(m.loadCompiledPlugin('/plugins/' + file));
    check(`${file} loads`, reply.ok, JSON.stringify(reply));
    if (!reply.ok) continue;
    const info = JSON.parse(m.plugins()).find((p) => p.name === reply.name);
    check(`${file} is listed as a compiled plugin`, info && info.about.origin === 'compiled' && info.about.file === file,
      JSON.stringify(info));
    const doc = JSON.parse(m.analyze('t.txt',
      'Sgt. Jorge Torres said on Monday that 20 soldiers had crossed into Colombia. "We are tired," Torres said.',
      reply.name));
    check(`${file} runs through the analyzer without errors`, doc.errors.length === 0, JSON.stringify(doc.errors));
    check(`${file} finds mentions`, doc.mentions.length > 0 && doc.mentions.every((x) => x.plugin === reply.name),
      JSON.stringify(doc.mentions));
  }
  for (const file of files.filter((f) => f.includes('-wrong-abi'))) {
    m.FS.writeFile('/plugins/' + file, fs.readFileSync(path.join(dir, file)));
    const reply = JSON.parse(m.loadCompiledPlugin('/plugins/' + file));
    check(`${file} is refused for its ABI`, !reply.ok && /built for plugin ABI 999/.test(reply.problems[0]),
      JSON.stringify(reply));
  }
  m.FS.writeFile('/plugins/damaged.wasm', new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 7, 7, 7]));
  const damaged = JSON.parse(m.loadCompiledPlugin('/plugins/damaged.wasm'));
  check('a damaged module is refused with a reason', !damaged.ok && /cannot load/.test(damaged.problems[0]),
    JSON.stringify(damaged));
  // The core keeps working after the refusals.
  const after = JSON.parse(m.analyze('t.txt', 'Plain text after the refusals.', ''));
  check('the core keeps working', after.errors.length === 0);
  console.log(`wasm plugins: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}, (e) => {
  console.log('FAIL the module did not start: ' + e);
  process.exit(1);
});
