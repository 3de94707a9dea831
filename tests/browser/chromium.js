// What the browser test and the page benchmark share: Debian's Chromium
// started headless with the flags this machine needs (no background network
// traffic), and files carried into the page for a simulated drop.
'use strict';
const { chromium } = require('playwright-core');

function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// Files travel into the page as base64 and become File objects there.
function fileSpec(name, bytes) { return { name, b64: Buffer.from(bytes).toString('base64') }; }

// Runs inside the page (pass it to page.evaluateHandle): a DataTransfer
// holding the files, as a real drop carries them (a real one cannot be
// passed in from outside).
function filesToTransfer(specs) {
  const transfer = new DataTransfer();
  for (const f of specs) {
    const bin = atob(f.b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    transfer.items.add(new File([bytes], f.name, { type: 'text/plain' }));
  }
  return transfer;
}

module.exports = { launchChromium, fileSpec, filesToTransfer };
