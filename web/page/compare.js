// Cross-document logic, no DOM: identical documents and repeated paragraphs,
// then the three comparisons (numbers, quotes, places). Works on mention
// fields by presence (value/unit/kind, speaker, lat/lon), not plugin names.
'use strict';

// Text compared loosely: case, curly vs straight marks and spacing ignored.
function looseText(s) {
  return s.toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

// Looser still, for quotes: letters, digits and single spaces only.
function quoteKey(s) {
  return looseText(s).replace(/[^\p{L}\p{N}' ]+/gu, ' ').replace(/'/g, '').replace(/\s+/g, ' ').trim();
}

const MIN_REPEAT_CHARS = 30;  // shorter lines ("Advertisement", "Reuters") are not worth marking

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
    // Both are cached on the document: this runs on every redraw of the list.
    // The worker computes both (worker.js): a key of the loose text, not the text.
    if (!doc.loose) doc.loose = doc.looseKey || textHash(looseText(doc.text));
    if (!Array.isArray(doc.repeats)) doc.repeats = repeatedParagraphs(doc.text);
    if (texts.has(doc.loose)) doc.duplicateOf = texts.get(doc.loose);
    else texts.set(doc.loose, doc.id);
  }
}

function repeatedParagraphs(text) {
  const out = [];
  const seen = new Set();
  const re = /[^\n]+/g;  // a paragraph is a line: news text puts one per line
  let m;
  while ((m = re.exec(text))) {
    const key = looseText(m[0]);
    if (key.length < MIN_REPEAT_CHARS) continue;
    if (seen.has(key)) out.push({ start: m.index, end: m.index + m[0].length });
    else seen.add(key);
  }
  return out;
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

// ---- numbers across sources ------------------------------------------------

// Counted nouns that name the same thing, so that "326 deserters" and "over
// 270 soldiers" can be compared. Words are folded to the singular first.
const UNIT_FAMILIES = [
  ['soldier', 'troop', 'member', 'deserter', 'defector', 'serviceman', 'servicemember', 'guardsman',
    'personnel', 'officer', 'force', 'military', 'sailor', 'marine', 'reservist', 'conscript', 'recruit'],
  ['fighter', 'militant', 'rebel', 'insurgent', 'combatant', 'militiaman', 'guerrilla'],
  ['person', 'people', 'civilian', 'resident', 'individual', 'inhabitant', 'citizen', 'adult'],
  ['death', 'dead', 'killed', 'fatality', 'victim', 'body', 'life', 'casualty'],
  ['injured', 'wounded', 'injury'],
  ['migrant', 'refugee', 'asylum seeker', 'displaced', 'immigrant', 'evacuee'],
  ['arrest', 'detainee', 'prisoner', 'detained', 'arrested', 'hostage', 'captive'],
  ['worker', 'employee', 'staff', 'job', 'staffer'],
  ['child', 'kid', 'minor', 'boy', 'girl'],
  ['protester', 'demonstrator', 'protestor', 'marcher'],
  ['plane', 'aircraft', 'warplane', 'jet', 'bomber', 'drone'],
  ['country', 'nation', 'state'],
  ['vote', 'ballot', 'voter'],
  ['home', 'house', 'building', 'dwelling'],
];
const IRREGULAR = { people: 'people', men: 'man', women: 'woman', children: 'child', lives: 'life',
  staff: 'staff', personnel: 'personnel', police: 'police', aircraft: 'aircraft', series: 'series' };

function singular(word) {
  const w = word.toLowerCase().trim();
  if (IRREGULAR[w]) return IRREGULAR[w];
  if (w.endsWith('men')) return w.slice(0, -3) + 'man';
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(ss|us|is)$/.test(w)) return w;
  if (/(ches|shes|xes|sses)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && w.length > 3) return w.slice(0, -1);
  return w;
}

const FAMILY_OF = new Map();
UNIT_FAMILIES.forEach((f) => f.forEach((w) => FAMILY_OF.set(w, f[0])));

// The family a counted noun belongs to (its singular when it has none).
function unitFamily(unit) {
  const s = singular(unit);
  return FAMILY_OF.get(s) || s;
}
function familyWords(family) {
  const f = UNIT_FAMILIES.find((x) => x[0] === family);
  return f ? f : [family];
}

// Kinds whose figures describe a quantity worth comparing; years, dates,
// times, ages and durations are left out (they rarely count the same thing).
const COMPARED_KINDS = new Set(['count', 'money', 'measure', 'percent', 'other']);
const CONTEXT_CHARS = 400;  // "nearby" for the story rule, each side
const MAX_RATIO = 5;        // figures more than 5x apart describe different things

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

// Groups figures that count the same thing in the same story:
//  1. same kind and the same or a synonymous counted noun (UNIT_FAMILIES,
//     plural folded to singular; money by currency);
//  2. a country named within CONTEXT_CHARS of each figure in common (the
//     story: a document with no place at all matches any story);
//  3. values at most MAX_RATIO apart.
// Among the candidates, the value range that the most sources share becomes a
// group, then the next, as long as two sources or more agree. Mentions in
// repeated paragraphs and identical documents are left out.
function groupNumbers(mentions) {
  const placesByDoc = new Map();
  for (const x of mentions) {
    if (typeof x.m.country === 'string' && x.m.country && typeof x.m.start16 === 'number') {
      if (!placesByDoc.has(x.doc.id)) placesByDoc.set(x.doc.id, []);
      placesByDoc.get(x.doc.id).push(x.m);
    }
  }
  const byKey = new Map();
  for (const x of mentions) {
    const m = x.m;
    if (x.repeat || typeof m.value !== 'number' || !(m.value > 0)) continue;
    if (m.kind && !COMPARED_KINDS.has(m.kind)) continue;
    const noun = m.kind === 'money' ? (m.currency || m.unit) : m.unit;
    if (!noun || (m.kind === 'percent' && /^per ?cent$|^%$/.test(noun))) continue;  // a bare percentage says not of what
    const family = m.kind === 'money' ? String(noun).toLowerCase() : unitFamily(String(noun));
    const key = `${m.kind || ''}|${family}`;
    const places = placesByDoc.get(x.doc.id);
    let countries = null;  // null: the document names no place, any story fits
    if (places) {
      countries = new Set();
      for (const p of places) if (Math.abs(p.start16 - m.start16) <= CONTEXT_CHARS) countries.add(p.country);
    }
    if (!byKey.has(key)) byKey.set(key, { kind: m.kind || '', family, items: [] });
    byKey.get(key).items.push({ x, value: m.value, countries });
  }

  const groups = [];
  for (const { kind, family, items } of byKey.values()) {
    let left = items.slice().sort((a, b) => a.value - b.value);
    for (;;) {
      const best = bestWindow(left);
      if (!best || best.sources < 2) break;
      const taken = new Set(best.items);
      left = left.filter((it) => !taken.has(it));
      const figures = best.items.map((it) => it.x);
      const values = best.items.map((it) => it.value);
      const min = Math.min(...values);
      const max = Math.max(...values);
      groups.push({
        kind, family, units: familyWords(family), country: best.country, figures,
        sources: best.sources, min, max, ratio: max / min,
        spread: max / min >= 1.25 || new Set(figures.map((f) => f.m.qualifier)).size > 1,
      });
    }
  }
  groups.sort((a, b) => b.sources - a.sources || b.figures.length - a.figures.length || b.max - a.max);
  return groups;
}

// The story (country) and value window [v, v * MAX_RATIO] holding figures
// from the most distinct sources. items are sorted by value.
function bestWindow(items) {
  const contexts = new Set();
  for (const it of items) if (it.countries) for (const c of it.countries) contexts.add(c);
  const tries = contexts.size ? Array.from(contexts) : [null];
  let best = null;
  for (const country of tries) {
    const pool = items.filter((it) => !it.countries || country === null || it.countries.has(country));
    for (let i = 0; i < pool.length; i++) {
      const top = pool[i].value * MAX_RATIO;
      const chosen = [];
      const docs = new Set();
      for (let j = i; j < pool.length && pool[j].value <= top; j++) { chosen.push(pool[j]); docs.add(pool[j].x.doc.id); }
      const score = [docs.size, chosen.length];
      if (!best || score[0] > best.sources || (score[0] === best.sources && score[1] > best.items.length)) {
        best = { sources: docs.size, items: chosen, country };
      }
    }
  }
  return best;
}

// ---- quotes across sources -------------------------------------------------

// Edit distance, giving up (returning limit + 1) once it must exceed limit.
// Only the band of cells within `limit` of the diagonal can hold a path that
// short (Ukkonen), so each row computes 2 * limit + 1 cells, not all of them.
let bandPrev = new Int32Array(0);
let bandCur = new Int32Array(0);
function boundedDistance(a, b, limit) {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > limit) return limit + 1;
  const over = limit + 1;
  if (bandPrev.length < m + 1) { bandPrev = new Int32Array(m + 1); bandCur = new Int32Array(m + 1); }
  let prev = bandPrev;
  let cur = bandCur;
  for (let j = 0; j <= m; j++) prev[j] = j <= limit ? j : over;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - limit);
    const hi = Math.min(m, i + limit);
    cur[lo - 1] = lo === 1 ? (i <= limit ? i : over) : over;
    let rowMin = cur[lo - 1];
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      let v = prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const up = (j <= i - 1 + limit ? prev[j] : over) + 1;
      const left = cur[j - 1] + 1;
      if (up < v) v = up;
      if (left < v) v = left;
      if (v > over) v = over;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < m) cur[hi + 1] = over;
    if (rowMin > limit) return over;
    const t = prev; prev = cur; cur = t;
  }
  return Math.min(prev[m], over);
}

// Characters of a key counted in 64 buckets. Each edit changes the counts
// by at most one up and one down, so the larger of the two one-sided
// differences is a lower bound of the edit distance: most candidate pairs
// (two quotes sharing a word) are told apart by it without the distance.
function letterCounts(key) {
  const h = new Uint16Array(64);
  for (let i = 0; i < key.length; i++) h[key.charCodeAt(i) & 63]++;
  return h;
}
function countsBound(ha, hb) {
  let more = 0;
  let less = 0;
  for (let k = 0; k < 64; k++) {
    const d = ha[k] - hb[k];
    if (d > 0) more += d; else less -= d;
  }
  return more > less ? more : less;
}

// Two quotes are the same when their loose keys are equal, when one holds
// the other (4 words or more), or when at most 15% of characters differ.
function sameQuote(a, b) {
  if (a.key === b.key) return true;
  const [s, l] = a.key.length <= b.key.length ? [a, b] : [b, a];
  if (s.words >= 4 && l.key.includes(s.key)) return true;
  if (s.key.length < 0.75 * l.key.length) return false;
  const limit = Math.max(2, Math.floor(0.15 * l.key.length));
  if (!s.counts) s.counts = letterCounts(s.key);
  if (!l.counts) l.counts = letterCounts(l.key);
  if (countsBound(s.counts, l.counts) > limit) return false;
  return boundedDistance(s.key, l.key, limit) <= limit;
}

// Speakers are the same when equal, or when one's words are within the
// other's and they end alike ("Guaido" and "Juan Guaido", not "Jose Gomez"
// and "Jose Gomez's father").
function speakerKey(s) { return quoteKey(s || '').replace(/\bs\b/g, '').trim(); }
function sameSpeaker(a, b) {
  if (a === b) return true;
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (wa[wa.length - 1] !== wb[wb.length - 1]) return false;
  const [s, l] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  return s.every((w) => l.includes(w));
}

const STOP = new Set('that this with have from they will were been their there what would about which when your more them than into only also just over some very said does dont cant wont'.split(' '));

// Groups quotations (mentions with a speaker field, "term" kinds excepted)
// found in at least two sources.
function groupQuotes(mentions) {
  const items = [];
  for (const x of mentions) {
    if (x.repeat || !('speaker' in x.m) || x.m.kind === 'term') continue;
    const key = quoteKey(x.m.text);
    const words = key ? key.split(' ').length : 0;
    if (words < 3) continue;
    items.push({ x, key, words, speaker: x.m.speaker ? speakerKey(x.m.speaker) : '' });
  }
  // Candidate pairs share a rare-ish word; comparing all pairs would be
  // quadratic over hundreds of documents.
  const parent = items.map((_, i) => i);
  const find = (i) => { while (parent[i] !== i) i = parent[i] = parent[parent[i]]; return i; };
  const index = new Map();
  items.forEach((it, i) => {
    for (const w of new Set(it.key.split(' '))) {
      if (w.length < 4 || STOP.has(w)) continue;
      if (!index.has(w)) index.set(w, []);
      index.get(w).push(i);
    }
  });
  const tried = new Set();
  for (const list of index.values()) {
    if (list.length < 2 || list.length > 300) continue;
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const i = list[a];
        const j = list[b];
        if (find(i) === find(j)) continue;
        const pair = i * 1e6 + j;
        if (tried.has(pair)) continue;
        tried.add(pair);
        if (sameQuote(items[i], items[j])) parent[find(i)] = find(j);
      }
    }
  }
  // Short quotes with no word of 4+ letters only match exactly.
  const exact = new Map();
  items.forEach((it, i) => {
    if (exact.has(it.key)) parent[find(i)] = find(exact.get(it.key));
    else exact.set(it.key, i);
  });

  const sets = new Map();
  items.forEach((it, i) => {
    const r = find(i);
    if (!sets.has(r)) sets.set(r, []);
    sets.get(r).push(it);
  });
  const groups = [];
  for (const members of sets.values()) {
    const sources = new Set(members.map((it) => it.x.doc.id));
    if (sources.size < 2) continue;
    // Distinct speakers, merged by sameSpeaker, each with its sources.
    const speakers = [];
    for (const it of members) {
      if (!it.speaker) continue;
      let s = speakers.find((sp) => sameSpeaker(sp.key, it.speaker));
      if (!s) speakers.push(s = { key: it.speaker, name: it.x.m.speaker, docs: new Set() });
      if (it.x.m.speaker.length > s.name.length) s.name = it.x.m.speaker;
      s.docs.add(it.x.doc.id);
    }
    // The longest wording stands for the group.
    const text = members.reduce((a, b) => (b.x.m.text.length > a.x.m.text.length ? b : a)).x.m.text;
    groups.push({ text, members: members.map((it) => it.x), sources: sources.size, speakers, conflict: speakers.length > 1 });
  }
  groups.sort((a, b) => b.sources - a.sources || b.members.length - a.members.length);
  return groups;
}

// ---- places ----------------------------------------------------------------

// Mentions per place (name + country), with the documents naming it; only
// mentions with coordinates get a map marker.
function countPlaces(mentions) {
  const places = new Map();
  for (const x of mentions) {
    const m = x.m;
    if (x.repeat || !('lat' in m) || !('lon' in m)) continue;
    const name = m.name || m.text;
    const key = `${name}|${m.country || ''}`;
    if (!places.has(key)) {
      places.set(key, { key, plugin: m.plugin, name, country: m.country || '', type: m.type || '', lat: m.lat, lon: m.lon, mentions: 0, docs: new Set() });
    }
    const p = places.get(key);
    p.mentions++;
    p.docs.add(x.doc.id);
  }
  return Array.from(places.values()).sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

// ---- exports of the groups ----------------------------------------------------

// One record per source figure of a numbers group (the cells a spreadsheet wants).
function numberGroupRecords(g, n) {
  return g.figures.map((x) => ({
    group: n, what: g.kind === 'money' ? `money (${g.family})` : `${g.kind} of ${g.family}`, story_country: g.country || '',
    sources_in_group: g.sources, spread: g.spread ? 'yes' : 'no',
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
