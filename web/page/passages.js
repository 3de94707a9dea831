// The article and the rest of the page (issue 18). The core's segmentation
// pass (core/segmentation.h) gives each result `segments`: [{start16, end16,
// kind, story}] with kind headline, dateline, byline, caption, article, story
// (another story on the page) or boilerplate. The user may move a passage
// into the article or out of it: doc.segmentMoves {start16: 'in' | 'out'},
// kept with the workspace (store.js docRecord). Every mention's `segment` is
// then the kind of its passage after the moves, which the comparisons read.
'use strict';

// Shaded and folded in the text: not the article.
const OUTSIDE_KINDS = new Set(['story', 'boilerplate']);
const ARTICLE_KINDS = new Set(['headline', 'dateline', 'article']);
const PASSAGE_LABELS = {
  headline: 'Headline', dateline: 'Dateline', byline: 'Byline', caption: 'Caption', article: 'Article',
  story: 'Another story', boilerplate: 'Not the article',
};
// Above this the article's paragraphs are not split for moving one by one.
const SPLIT_PARAGRAPHS_CHARS = 2000000;

// The passages of a document after the user's moves, in text order:
// [{start, end (UTF-16), kind, story, found (the pass's kind), moved}]. The
// article's passages are cut into paragraphs (one line each), so that one
// can be moved out alone. [] for a result without segments (older results).
function docPassages(doc) {
  const r = doc.result;
  if (!r || !Array.isArray(r.segments)) return [];
  const moves = doc.segmentMoves || {};
  const c = doc.passageCache;
  if (c && c.result === r && c.moves === moves && c.text === doc.text) return c.list;
  const text = doc.text || '';
  const split = text.length <= SPLIT_PARAGRAPHS_CHARS;
  const list = [];
  const add = (start, end, s) => {
    const move = moves[start];
    const kind = move === 'in' ? 'article' : move === 'out' ? 'boilerplate' : s.kind;
    list.push({ start, end, kind, story: s.story, found: s.kind, moved: !!move });
  };
  for (const s of r.segments) {
    const start = s.start16 !== undefined ? s.start16 : s.start;
    const end = s.end16 !== undefined ? s.end16 : s.end;
    if (!(end > start)) continue;
    if (s.kind !== 'article' || !split) { add(start, end, s); continue; }
    let from = start;
    while (from < end) {
      let nl = text.indexOf('\n', from);
      if (nl < 0 || nl > end) nl = end;
      if (nl > from && text.slice(from, nl).trim()) add(from, nl, s);
      from = nl + 1;
      while (from < end && /\s/.test(text[from])) from++;
    }
  }
  doc.passageCache = { result: r, moves, text: doc.text, list };
  return list;
}

// The passage holding UTF-16 offset pos, or null.
function passageAt(passages, pos) {
  let lo = 0;
  let hi = passages.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (passages[mid].end <= pos) lo = mid + 1; else hi = mid; }
  return lo < passages.length && passages[lo].start <= pos ? passages[lo] : null;
}

// Sets every mention's `segment` (and `story`) to its passage's kind after
// the user's moves. Mentions of a result without segments keep theirs; a
// fresh result without moves has them right already (`force` after a move).
function applySegmentMoves(doc, force) {
  if (!doc.result || !Array.isArray(doc.result.segments)) return;
  if (!force && !Object.keys(doc.segmentMoves || {}).length) return;
  const passages = docPassages(doc);
  for (const m of doc.result.mentions) {
    const p = passageAt(passages, m.start16 !== undefined ? m.start16 : m.start);
    if (!p) continue;
    m.segment = p.kind;
    // Assigned, not deleted: the mention's keys keep their order (a reload
    // gives the same objects).
    if (p.kind === 'story') m.story = p.story; else if ('story' in m) m.story = undefined;
  }
}

// True when mention m is in the article's own text (or its result has no segments).
function inArticle(m) {
  return !m.segment || ARTICLE_KINDS.has(m.segment);
}

// Moves the passage that starts at `start` into the article (into=true) or
// out of it; moving it back where the pass put it forgets the move.
function movePassage(doc, start, into) {
  const p = docPassages(doc).find((x) => x.start === start);
  if (!p) return;
  const moves = Object.assign({}, doc.segmentMoves || {});
  const foundInside = ARTICLE_KINDS.has(p.found);
  if (into === foundInside) delete moves[start];
  else moves[start] = into ? 'in' : 'out';
  doc.segmentMoves = moves;
  applySegmentMoves(doc, true);
}

// How many of a document's passages are outside the article, for the
// document's header ("3 passages not the article, folded").
function outsideCount(doc) {
  return docPassages(doc).filter((p) => OUTSIDE_KINDS.has(p.kind)).length;
}
