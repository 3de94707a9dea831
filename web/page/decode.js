// What a dropped file is and how its bytes become text. Loaded twice: in the
// page (HTML import, refusals) and in the analysis worker (text files are
// decoded there, off the main thread). No DOM here.
//
// Text: UTF-8 with or without a byte order mark, UTF-16 LE/BE with one, and
// Windows-1252 (a superset of Latin-1) when the bytes are not valid UTF-8.
// The CLI decodes the same way (core/encoding.cpp).
'use strict';

// Formats we cannot read, recognised by their first bytes (or, for the
// Office formats inside a ZIP, by the file name), each with a one-line way
// out.
const NOT_TEXT = [
  { magic: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'PDF',
    how: 'open it, select all the text, copy it and paste it here, or save it as a .txt file' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an old Office document (.doc)',
    how: 'open it and use Save as → Plain text (.txt)' },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'RTF',
    how: 'open it and use Save as → Plain text (.txt)' },
  { magic: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image', how: 'this analyzer reads text; copy the article text instead' },
  { magic: [0xff, 0xd8, 0xff], what: 'a JPEG image', how: 'this analyzer reads text; copy the article text instead' },
  { magic: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image', how: 'this analyzer reads text; copy the article text instead' },
  { magic: [0x50, 0x4b, 0x03, 0x04], what: null, how: null },  // ZIP: see zipKind
];

function startsWith(bytes, magic) {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

function zipKind(name) {
  if (/\.docx$/i.test(name)) return { what: 'a Word document (.docx)', how: 'open it and use Save as → Plain text (.txt)' };
  if (/\.odt$/i.test(name)) return { what: 'an OpenDocument text (.odt)', how: 'open it and use Save as → Text (.txt)' };
  if (/\.(xlsx|pptx|epub)$/i.test(name)) return { what: `a ${name.replace(/^.*\./, '.').toLowerCase()} file`, how: 'copy its text and paste it here' };
  return { what: 'a ZIP archive', how: 'unpack it and drop the .txt or .html files inside' };
}

const IMAGE_EXT = /\.(png|jpe?g|gif|webp|bmp|tiff?|heic|svg)$/i;
const OFFICE_EXT = /\.(docx?|odt|xlsx?|pptx?|pages|epub)$/i;

// {kind: 'text'|'html'|'unsupported', message?}. A message is one line:
// "PDF is not supported: open it, …".
function sniffFormat(name, bytes) {
  for (const f of NOT_TEXT) {
    if (!startsWith(bytes, f.magic)) continue;
    const k = f.what ? f : zipKind(name);
    return { kind: 'unsupported', message: `${k.what} is not supported: ${k.how}` };
  }
  if (bytes.length >= 12 && startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) {
    return { kind: 'unsupported', message: 'a WebP image is not supported: this analyzer reads text; copy the article text instead' };
  }
  if (IMAGE_EXT.test(name)) return { kind: 'unsupported', message: 'an image is not supported: this analyzer reads text; copy the article text instead' };
  if (OFFICE_EXT.test(name)) return { kind: 'unsupported', message: 'this format is not supported: open the file and save it as plain text (.txt)' };
  if (/\.(html?|xhtml)$/i.test(name)) return { kind: 'html' };
  // An HTML page saved with another extension.
  const head = latinHead(bytes, 512).replace(/^\ufeff/, '').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return { kind: 'html' };
  return { kind: 'text' };
}

// The first n bytes as Latin-1 (for looking at ASCII markup).
function latinHead(bytes, n) {
  let s = '';
  const end = Math.min(n, bytes.length);
  for (let i = 0; i < end; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

// Decodes bytes; `hint` is an encoding label declared by the file itself (an
// HTML <meta charset>), used when there is no byte order mark.
// Returns {text, encoding, note}: note is '' for plain UTF-8, else a short
// line for the user ("decoded as windows-1252 (not valid UTF-8)").
function decodeBytes(bytes, hint) {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', note: '' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', note: 'decoded as UTF-16 LE (byte order mark)' };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', note: 'decoded as UTF-16 BE (byte order mark)' };
  }
  if (hint) {
    let label = null;
    try { label = new TextDecoder(hint).encoding; } catch (e) { label = null; }
    if (label && label !== 'utf-8' && !label.startsWith('utf-16')) {
      return { text: new TextDecoder(label).decode(bytes), encoding: label, note: `decoded as ${label} (declared by the page)` };
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', note: '' };
  } catch (e) {
    // Windows-1252 maps every byte: Latin-1 text and its Windows superset
    // (curly quotes, dashes, €) read correctly.
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', note: 'decoded as windows-1252 (not valid UTF-8)' };
  }
}

// The same over a string's UTF-16 units (documents compared loosely).
function textHash(s) {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return `${s.length.toString(36)}-${(a >>> 0).toString(36)}-${(b >>> 0).toString(36)}`;
}

// FNV-1a over the bytes, two 32-bit lanes: a file already in the workspace
// is recognised without keeping its bytes.
function contentHash(bytes) {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i], 0x01000193);
    b = Math.imul(b ^ bytes[i], 0x5bd1e995) ^ (b >>> 15);
  }
  return `${bytes.length.toString(36)}-${(a >>> 0).toString(36)}-${(b >>> 0).toString(36)}`;
}
