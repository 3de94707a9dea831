// Cross-document helpers, no DOM. The comparison itself (identical documents,
// repeated paragraphs, numbers, quotes and places across sources) is the
// core's (core/compare.h), the same as `newslens compare`: the page sends
// the documents to a worker's module and reads its groups back here.
'use strict';

// Marks, over the analysed documents in list order:
//  - doc.duplicateOf: the id of an earlier document with the same text
//    (loosely compared), or null;
//  - doc.repeats: [{start, end}] (UTF-16 offsets), paragraphs already seen
//    earlier in the same document.
// Scraped pages repeat themselves; both kinds of copy are left out of the
// comparisons so a figure is not counted twice. A paragraph shared by two
// different documents is not a repeat: syndicated copies are sources, and
// the quote comparison is about finding exactly those.
function markRepeats(docs) {
  const texts = new Map();
  for (const doc of docs) {
    doc.duplicateOf = null;
    if (doc.status !== 'done') { doc.repeats = []; doc.loose = null; continue; }
    // The worker computes both with the module (textRepeats, core/compare.h).
    doc.loose = doc.looseKey || null;
    if (!Array.isArray(doc.repeats)) doc.repeats = [];
    if (!doc.loose) continue;
    if (texts.has(doc.loose)) doc.duplicateOf = texts.get(doc.loose);
    else texts.set(doc.loose, doc.id);
  }
}

// The repeated paragraph holding pos, or null (repeats are in text order:
// a binary search, since a long scraped text can have thousands).
function inRepeat(doc, pos) {
  const repeats = doc.repeats || [];
  let lo = 0;
  let hi = repeats.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = repeats[mid];
    if (pos < r.start) hi = mid - 1;
    else if (pos >= r.end) lo = mid + 1;
    else return r;
  }
  return null;
}

// Every mention of the analysed documents: {doc, m, id, repeat}, where repeat
// is true for mentions in an identical document or a repeated paragraph.
function allMentions(docs) {
  const out = [];
  for (const doc of docs) {
    if (doc.status !== 'done') continue;
    doc.result.mentions.forEach((m, id) => {
      out.push({ doc, m, id, repeat: doc.duplicateOf !== null || !!inRepeat(doc, m.start16) });
    });
  }
  return out;
}

// ---- the comparison (core/compare.cpp, through the module) -------------------

// One result line per analysed document, as `newslens compare -` reads them
// (the text lets it find the figures' sentences). `sent` keeps the documents
// in that order: the reply names them by index.
function comparisonInput(docs) {
  const sent = docs.filter((d) => d.status === 'done');
  const lines = sent.map((d) => JSON.stringify({ document: d.name, text: d.text, date: d.date || null, mentions: d.result.mentions }));
  return { sent, jsonl: lines.join('\n') };
}

// The page's groups from the module's reply: mentions by reference to
// {doc, m, id} as the rest of the page uses them.
function comparisonModel(reply, sent) {
  const x = (r) => ({ doc: sent[r.doc], m: sent[r.doc].result.mentions[r.mention], id: r.mention, repeat: false });
  const numbers = reply.numbers.map((g) => ({
    kind: g.kind, family: g.family, units: g.nouns, country: g.story, figures: g.figures.map(x), claims: g.figures,
    sources: g.sources, min: g.min, max: g.max, ratio: g.ratio, spread: g.spread, conflict: g.conflict,
  }));
  const quotes = reply.quotes.map((g) => ({
    text: g.text, members: g.members.map(x), sources: g.sources, conflict: g.conflict,
    speakers: g.speakers.map((s) => ({ name: s.name, docs: new Set(s.docs.map((i) => sent[i].id)) })),
  }));
  const places = reply.places.map((p) => Object.assign({}, p, { docs: new Set(p.docs.map((i) => sent[i].id)) }));
  return { numbers, quotes, places };
}

const QUALIFIER_WORDS = { exact: '', over: 'over', under: 'under', at_least: 'at least', at_most: 'at most',
  about: 'about', vague: '~', range: '' };

function formatNumber(v) {
  if (typeof v !== 'number') return String(v);
  return formatQuantity(v);  // the reader's locale, "1.6 million" (fields.js)
}

// "over 270", "50,000–60,000", "~100 (vague)".
function formatFigure(m) {
  if (m.qualifier === 'range' && typeof m.value_max === 'number') return `${formatNumber(m.value)}–${formatNumber(m.value_max)}`;
  const q = QUALIFIER_WORDS[m.qualifier] !== undefined ? QUALIFIER_WORDS[m.qualifier] : (m.qualifier || '');
  if (q === '~') return `~${formatNumber(m.value)}`;
  return (q ? q + ' ' : '') + formatNumber(m.value);
}

// ---- the user's edits of the numbers groups ------------------------------------
//
// The reader may dismiss a group (not one thing, or not news) or merge two
// (the same count split by the engine). app.groupEdits keeps them with the
// workspace: {dismissed: [keys…], merged: [[keys of one, keys of the other]…]},
// keys being a group's figure keys.
// A figure's key is its document's file and its offset, which stay the same
// across a reload and a workspace file (document ids do not). A saved edit
// applies to the group sharing more than half of its figures both ways, so
// it still holds after another document joins the group.

function figureKey(x) { return `${x.doc.file}#${x.m.start}`; }

function groupKeys(g) { return Array.from(new Set(g.figures.map(figureKey))); }

function sameFigures(keys, saved) {
  const s = new Set(saved);
  let n = 0;
  for (const k of keys) if (s.has(k)) n++;
  return n * 2 > keys.length && n * 2 > s.size;
}

// One group of the figures of a and b (a's first), its numbers recomputed.
function mergeNumberGroups(a, b) {
  const seen = new Set(a.figures.map(figureKey));
  const figures = a.figures.slice();
  const claims = a.claims.slice();
  b.figures.forEach((x, i) => {
    if (seen.has(figureKey(x))) return;
    seen.add(figureKey(x));
    figures.push(x);
    claims.push(b.claims[i] || {});
  });
  const values = figures.map((x) => x.m.value);
  const tops = figures.map((x) => (typeof x.m.value_max === 'number' ? x.m.value_max : x.m.value));
  const min = Math.min(...values);
  const max = Math.max(...tops);
  const ratio = min > 0 ? max / min : 1;
  return {
    kind: a.kind === b.kind ? a.kind : `${a.kind} / ${b.kind}`,
    family: a.family === b.family ? a.family : `${a.family} + ${b.family}`,
    units: Array.from(new Set(a.units.concat(b.units))),
    country: a.country === b.country ? a.country : (a.country || b.country || null),
    figures, claims, sources: new Set(figures.map((x) => x.doc.id)).size, min, max, ratio,
    spread: ratio >= 1.25 || new Set(figures.map((x) => x.m.qualifier)).size > 1,
    conflict: !!(a.conflict || b.conflict), merged: (a.merged || 1) + (b.merged || 1),
  };
}

// The groups as the user left them: merges applied (in the order made),
// dismissed ones set apart, the rest ranked by sources then figures.
// Returns {groups, dismissed}; each group carries `keys` (groupKeys).
function editedNumberGroups(groups, edits) {
  let list = groups.map((g) => Object.assign({}, g, { keys: groupKeys(g) }));
  for (const pair of (edits && edits.merged) || []) {
    if (!Array.isArray(pair) || pair.length !== 2) continue;
    const a = list.find((g) => sameFigures(g.keys, pair[0]));
    const b = list.find((g) => g !== a && sameFigures(g.keys, pair[1]));
    if (!a || !b) continue;
    const m = mergeNumberGroups(a, b);
    m.keys = groupKeys(m);
    list = list.filter((g) => g !== a && g !== b);
    list.push(m);
  }
  const dismissed = [];
  const kept = [];
  for (const g of list) {
    const saved = ((edits && edits.dismissed) || []).find((d) => Array.isArray(d) && sameFigures(g.keys, d));
    if (saved) { g.dismissedAs = saved; dismissed.push(g); } else kept.push(g);
  }
  const rank = (a, b) => b.sources - a.sources || b.figures.length - a.figures.length || b.max - a.max;
  kept.sort(rank);
  dismissed.sort(rank);
  return { groups: kept, dismissed };
}

// A group shown at once: three sources or more, in a story the sources
// share. Others (two sources, or figures linked by their nouns only) are
// folded behind "N more groups": they are more often two counts of
// different things.
const SURE_SOURCES = 3;
function sureGroup(g) { return g.sources >= SURE_SOURCES && !!g.country; }

// Edits are read from saved workspaces, old and new: anything else than
// lists of strings is dropped.
function cleanGroupEdits(e) {
  const keys = (k) => Array.isArray(k) && k.length > 0 && k.every((s) => typeof s === 'string');
  const out = { dismissed: [], merged: [] };
  if (!e || typeof e !== 'object') return out;
  if (Array.isArray(e.dismissed)) out.dismissed = e.dismissed.filter(keys);
  if (Array.isArray(e.merged)) out.merged = e.merged.filter((p) => Array.isArray(p) && p.length === 2 && keys(p[0]) && keys(p[1]));
  return out;
}

// ---- exports of the groups ----------------------------------------------------

// One record per source figure of a numbers group (the cells a spreadsheet wants).
function numberGroupRecords(g, n) {
  return g.figures.map((x, i) => ({
    group: n, what: g.kind === 'money' ? `money (${g.family})` : `${g.kind} of ${g.family}`, story_country: g.country || '',
    sources_in_group: g.sources, spread: g.spread ? 'yes' : 'no', conflict: g.conflict ? 'yes' : 'no',
    source: (g.claims[i] && g.claims[i].source) || '', said: (g.claims[i] && g.claims[i].said) || '',
    said_date: (g.claims[i] && g.claims[i].said_date) || '', period: (g.claims[i] && g.claims[i].period) || '',
    document: x.doc.name, figure: formatFigure(x.m), value: x.m.value, value_max: x.m.value_max === undefined ? '' : x.m.value_max,
    qualifier: x.m.qualifier || '', unit: x.m.unit || '', as_written: x.m.text, start: x.m.start, end: x.m.end,
  }));
}

// One record per wording of a quote group in a source.
function quoteGroupRecords(g, n) {
  return g.members.map((x) => ({
    group: n, quote: g.text, sources_in_group: g.sources, different_speakers: g.conflict ? 'yes' : 'no',
    document: x.doc.name, speaker: x.m.speaker || '', role: x.m.role || '', verb: x.m.verb || '',
    as_written: x.m.text, start: x.m.start, end: x.m.end,
  }));
}

function csvField(v) {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// CSV text (UTF-8 byte-order mark first, for Excel) of records with the same keys.
function recordsCsv(records) {
  if (!records.length) return '\ufeff\n';
  const keys = Object.keys(records[0]);
  return '\ufeff' + [keys.join(','), ...records.map((r) => keys.map((k) => csvField(r[k])).join(','))].join('\n') + '\n';
}
