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
