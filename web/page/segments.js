// Pure helpers (no DOM, no page state): overlapping spans, field columns,
// value formatting and plugin colours. Shared by view.js and app.js.
'use strict';

// Keys every mention carries; everything else is a plugin-specific field.
const POSITION_KEYS = new Set(['plugin', 'start', 'end', 'start16', 'end16', 'text']);

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

// Tooltip text of one mention: what was found, then every field.
function describeMention(m) {
  const lines = [`${m.plugin}: “${m.text}”`];
  for (const k of Object.keys(m)) {
    if (!POSITION_KEYS.has(k) && m[k] !== null && m[k] !== '') lines.push(`  ${k}: ${formatValue(m[k])}`);
  }
  return lines.join('\n');
}

function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

// Colour of the i-th plugin: a light fill for the highlight and a dark line
// for stripes, swatches and badges. Fixed hues first so the usual three
// plugins get clearly different colours; further plugins step round the wheel.
const PLUGIN_HUES = [205, 35, 135, 290, 0, 175, 55, 320];
function pluginColor(index) {
  const hue = index < PLUGIN_HUES.length ? PLUGIN_HUES[index] : (index * 137.5) % 360;
  return { fill: `hsl(${hue} 90% 84%)`, line: `hsl(${hue} 70% 36%)` };
}
