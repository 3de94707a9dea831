// Pure helpers (no DOM, no page state): overlapping spans, field columns,
// value formatting and plugin colours. Shared by view.js and app.js.
'use strict';

// Keys every mention carries; everything else is a plugin-specific field.
const POSITION_KEYS = new Set(['plugin', 'start', 'end', 'start16', 'end16', 'text', 'segment', 'story']);

// Cuts [0, length) at every span boundary and lists, for each piece, the spans
// covering it. Spans from different plugins may cross (not just nest), which
// nested elements cannot express; flat pieces can.
// spans: [{id, start, end}] in UTF-16 units, 0 <= start < end <= length.
// extraCuts: more offsets to cut at (paragraph boundaries to be wrapped).
// Returns [{start, end, ids: [span ids, outermost first]}], covering all text.
function buildSegments(length, spans, extraCuts) {
  const cuts = new Set([0, length]);
  for (const c of extraCuts || []) if (c > 0 && c < length) cuts.add(c);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = Array.from(cuts).sort((a, b) => a - b);
  const byStart = spans.slice().sort((a, b) => a.start - b.start || b.end - a.end);
  const segments = [];
  let active = [];
  let next = 0;
  for (let k = 0; k + 1 < points.length; k++) {
    const from = points[k];
    const to = points[k + 1];
    active = active.filter((s) => s.end > from);
    while (next < byStart.length && byStart[next].start <= from) active.push(byStart[next++]);
    segments.push({ start: from, end: to, ids: active.map((s) => s.id) });
  }
  return segments;
}

// Field columns of a plugin's table: the union of the mentions' own keys, in
// the order they first appear (plugins return arbitrary fields).
function fieldKeys(mentions) {
  const keys = [];
  const seen = new Set();
  for (const m of mentions) {
    for (const k of Object.keys(m)) {
      if (!POSITION_KEYS.has(k) && !seen.has(k)) { seen.add(k); keys.push(k); }
    }
  }
  return keys;
}

// One cell's text. Objects and arrays are shown as compact JSON.
function formatValue(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

// Colour of the i-th plugin (palette order = app.plugins order): the
// Okabe-Ito colour-blind-safe set. Each entry: a light fill for the
// highlight (a 45% tint, dark text stays above 7:1), the full colour as
// line, swatch and tag background, the tag's ink (the one of black / white
// with 4.5:1 or more on it) and an underline style of its own, so plugins
// differ by more than hue. The first four were picked so that their fills
// stay ΔE >= 11 apart under simulated deuteranopia, protanopia and tritanopia.
const PLUGIN_PALETTE = [
  { fill: '#8cc0dc', line: '#0072B2', ink: '#fff' },  // blue
  { fill: '#f4d48c', line: '#E69F00', ink: '#000' },  // orange
  { fill: '#b3ddf5', line: '#56B4E9', ink: '#000' },  // sky blue
  { fill: '#ecb78c', line: '#D55E00', ink: '#000' },  // vermillion
  { fill: '#8cd3c0', line: '#009E73', ink: '#000' },  // bluish green
  { fill: '#e8c3d7', line: '#CC79A7', ink: '#000' },  // reddish purple
  { fill: '#f8f3aa', line: '#F0E442', ink: '#000' },  // yellow
  { fill: '#c8c8c8', line: '#000000', ink: '#fff' },  // black
];
const UNDERLINE_STYLES = ['solid', 'dashed', 'dotted', 'double'];
function paletteEntry(k) {
  return Object.assign({ style: UNDERLINE_STYLES[k % UNDERLINE_STYLES.length] }, PLUGIN_PALETTE[k]);
}
// The palette entry of plugin `index` (app.plugins order; EDITOR_INDEX: the
// plugin editor's): the one its manifest's "color" names, else by position.
function colorSlot(index) {
  const a = typeof app !== 'undefined' ? app : null;
  let p = a && (index === EDITOR_INDEX ? a.editor && a.editor.info : a.plugins[index]);
  if (p && a.editor && a.editor.info.name === p.name) p = a.editor.info;
  const c = p && p.about && typeof p.about.color === 'string' ? p.about.color.toLowerCase() : '';
  const k = c ? PLUGIN_PALETTE.findIndex((e) => e.line.toLowerCase() === c) : -1;
  return k >= 0 ? k : index % PLUGIN_PALETTE.length;
}
function pluginColor(index) { return paletteEntry(colorSlot(index)); }
