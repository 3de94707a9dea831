// A tiny check runner for the browser test (no test framework: nothing to
// install). Each check prints one line; summary() prints the total line.
'use strict';

function createChecks(prefix) {
  let passed = 0;
  let failed = 0;

  // Runs fn (may be async). A check passes when fn resolves; the string it
  // returns is printed as detail. A thrown Error fails the check.
  async function check(name, fn) {
    try {
      const detail = await fn();
      passed++;
      console.log(`PASS ${name}${detail ? ': ' + detail : ''}`);
      return true;
    } catch (e) {
      failed++;
      console.log(`FAIL ${name}: ${e && e.message ? e.message : e}`);
      return false;
    }
  }

  function summary() {
    console.log(`${prefix}: ${passed} passed, ${failed} failed`);
    return failed === 0;
  }

  return { check, summary, get failed() { return failed; } };
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

// Polls fn until it returns a truthy value or the time is up (for UI that
// updates asynchronously: analysis queue, smooth scrolling).
async function waitFor(fn, { timeout = 10000, interval = 50, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

module.exports = { createChecks, assert, waitFor };
