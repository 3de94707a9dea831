// The text of the current document with its highlights, drawn in chunks of
// a few thousand characters cut at line ends. A short document is drawn at
// once; a long one (up to 50 MB) only where the pane is scrolled to: every
// chunk is a block of estimated height, filled when it comes near the view
// (IntersectionObserver) and emptied again when it goes far, so the page
// holds a few screens of marks whatever the size. view.js renderText calls
// renderTextView; app.js reaches a span through revealMention.
'use strict';

const CHUNK_CHARS = 6000;
const MAX_CHUNKS = 6000;      // longer texts get longer chunks (a 50 MB text: about 8,000 characters)
const EAGER_CHARS = 200000;   // below this the whole text is drawn at once
const KEEP_CHUNKS = 16;       // drawn chunks kept before far ones are emptied
const NEAR_PX = 1200;         // "near the view": this far above or below it

// Chunk boundaries: [start, end) pieces of about CHUNK_CHARS ending after a
// line break (else at a space, else anywhere), with the number of lines.
function textChunks(text) {
  const chunks = [];
  const size = Math.max(CHUNK_CHARS, Math.ceil(text.length / MAX_CHUNKS));
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const nl = text.indexOf('\n', end);
      if (nl >= 0 && nl - end < 2000) end = nl + 1;
      else {
        const sp = text.lastIndexOf(' ', end);
        if (sp > start + size / 2) end = sp + 1;
      }
    }
    chunks.push({ start, end, el: null, drawn: false, height: 0 });
    start = end;
  }
  return chunks;
}

// Estimated height of a chunk: its characters wrapped at `perLine`, plus a
// fifth for short lines (measured when drawn; scroll anchoring absorbs the
// difference).
function estimateHeight(c, perLine, lineHeight) {
  return Math.max(lineHeight, Math.ceil((1.2 * (c.end - c.start)) / perLine) * lineHeight);
}

// Mentions ordered by start (ties: longer first), as an index array. Cached
// on the document: a legend toggle only filters it again.
function mentionOrder(doc) {
  if (doc.order && doc.order.result === doc.result) return doc.order.ids;
  const ms = doc.result.mentions;
  const keys = new Float64Array(ms.length);
  for (let i = 0; i < ms.length; i++) keys[i] = (ms[i].start16 | 0) * 4194304 + i;
  keys.sort();
  const ids = new Int32Array(ms.length);
  for (let i = 0; i < ms.length; i++) ids[i] = keys[i] % 4194304;
  doc.order = { result: doc.result, ids };
  return ids;
}

// A passage's wrapper in a chunk, appended to `frag`; returns the element its
// text goes into. Another story and boilerplate are shaded and folded (a
// bar says what they are, with Show and "Count in the article"); the
// article's paragraphs have a "Leave out" button shown on hover or focus.
// The bar is drawn where the passage starts. Its words are CSS content
// (data-label), not text: the pane's text stays the document's own.
function passageWrapper(app, doc, p, atStart, frag) {
  const outside = OUTSIDE_KINDS.has(p.kind);
  const key = `${doc.id}:${p.start}`;
  const folded = outside && !app.unfolded.has(key);
  const w = el('span', { class: `passage p-${p.kind}${p.moved ? ' moved' : ''}${folded ? ' folded' : ''}`, dataset: { passage: p.start } });
  if (atStart && (outside || p.kind === 'article')) {
    const bar = el('span', { class: 'passage-bar' });
    const move = (into) => () => {
      movePassage(doc, p.start, into);
      markDocDirty(doc);
      changed();
      renderTextView(app, doc);
    };
    if (outside) {
      const what = p.moved ? 'Moved out of the article' : p.kind === 'story' ? `Another story${p.story ? ` (${p.story})` : ''}` : PASSAGE_LABELS[p.kind];
      bar.append(el('span', { class: 'passage-label', 'data-label': what }),
        el('button', { type: 'button', class: 'passage-fold', 'aria-expanded': String(!folded), 'data-label': folded ? 'Show' : 'Fold',
          'aria-label': `${folded ? 'Show' : 'Fold'}: ${what}`,
          onclick: () => { if (folded) app.unfolded.add(key); else app.unfolded.delete(key); renderTextView(app, doc); } }),
        el('button', { type: 'button', class: 'passage-move', 'data-label': 'Count in the article',
          'aria-label': `Count in the article: ${what}`, onclick: move(true) }));
    } else {
      const label = p.moved ? 'Leave out again' : 'Leave out';
      bar.append(el('button', { type: 'button', class: 'passage-move', 'data-label': label,
        'aria-label': `${label}: this paragraph, from the article and its comparisons`, onclick: move(false) }));
    }
    w.append(bar);
  }
  const body = el('span', { class: 'passage-body' });
  w.append(body);
  frag.append(w);
  return body;
}

// Fills one chunk: its flat segments (buildSegments, clipped to the chunk),
// each in its passage (passageWrapper), repeated paragraphs wrapped in a
// shaded span.
function drawChunk(app, tv, c) {
  const { doc, spans, maxLen } = tv;
  const text = doc.text;
  const mentions = doc.result.mentions;
  // Spans overlapping [c.start, c.end): they start at most maxLen before it.
  const { ids, starts, ends, plugin, hidden, count } = spans;
  let lo = 0;
  let hi = count;
  const from = c.start - maxLen;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (starts[mid] < from) lo = mid + 1; else hi = mid; }
  const local = [];
  for (let k = lo; k < count && starts[k] < c.end; k++) {
    if (ends[k] <= c.start || starts[k] >= ends[k] || hidden[plugin[k]]) continue;
    local.push({ id: ids[k], start: Math.max(starts[k], c.start) - c.start, end: Math.min(ends[k], c.end) - c.start });
  }
  const repeats = doc.repeats || [];
  // Repeated paragraphs in the chunk (they are in text order).
  const cuts = [];
  let r0 = 0;
  let r1 = repeats.length;
  while (r0 < r1) { const mid = (r0 + r1) >> 1; if (repeats[mid].end <= c.start) r0 = mid + 1; else r1 = mid; }
  for (let k = r0; k < repeats.length && repeats[k].start < c.end; k++) cuts.push(repeats[k].start - c.start, repeats[k].end - c.start);
  // The passages in the chunk (web/page/passages.js): each piece of text
  // goes into its passage's wrapper, then its repeat's.
  const passages = docPassages(doc);
  let p0 = 0;
  let p1 = passages.length;
  while (p0 < p1) { const mid = (p0 + p1) >> 1; if (passages[mid].end <= c.start) p0 = mid + 1; else p1 = mid; }
  for (let k = p0; k < passages.length && passages[k].start < c.end; k++) cuts.push(passages[k].start - c.start, passages[k].end - c.start);
  const frag = document.createDocumentFragment();
  let wrapper = null;
  let wrapperRepeat = null;
  let body = null;
  let bodyPassage = null;
  const out = (node, start) => {
    const p = passages.length ? passageAt(passages, start) : null;
    if (p !== bodyPassage) {
      bodyPassage = p;
      wrapper = null;
      body = p ? passageWrapper(app, doc, p, start === p.start, frag) : null;
    }
    const parent = body || frag;
    const r = repeats.length ? inRepeat(doc, start) : null;
    if (!r) { wrapper = null; parent.append(node); return; }
    if (r !== wrapperRepeat || !wrapper) {
      wrapper = el('span', { class: 'repeat', title: 'Repeated paragraph: its results are counted once' });
      wrapperRepeat = r;
      parent.append(wrapper);
    }
    wrapper.append(node);
  };
  for (const seg of buildSegments(c.end - c.start, local, cuts)) {
    const piece = text.slice(c.start + seg.start, c.start + seg.end);
    if (!seg.ids.length) { out(document.createTextNode(piece), c.start + seg.start); continue; }
    // How one span is marked up, and its popover: web/page/highlight.js
    // (offsets in the whole text).
    const mark = makeHighlight(app, mentions, { start: c.start + seg.start, end: c.start + seg.end, ids: seg.ids }, piece);
    for (const id of seg.ids) {
      if (!app.marks.has(id)) app.marks.set(id, []);
      app.marks.get(id).push(mark);
    }
    out(mark, c.start + seg.start);
  }
  c.el.replaceChildren(frag);
  c.el.style.removeProperty('height');
  c.drawn = true;
  tv.drawnCount++;
}

// Empties a chunk far from the view, keeping its measured height (given
// when the caller measured it: reading it between two changes of the page
// would lay the whole text out again each time).
function undrawChunk(app, tv, c, height) {
  c.height = height || c.el.offsetHeight || c.height;
  for (const mark of c.el.querySelectorAll('mark.hl')) {
    for (const id of mark.dataset.ids.split(' ')) {
      const list = app.marks.get(Number(id));
      if (!list) continue;
      const rest = list.filter((m) => m !== mark);
      if (rest.length) app.marks.set(Number(id), rest); else app.marks.delete(Number(id));
    }
  }
  c.el.replaceChildren();
  c.el.style.height = `${c.height}px`;
  c.drawn = false;
  tv.drawnCount--;
}

// Spans to draw: every mention, clamped to the text (a plugin's bad offsets
// must not break the page), in start order, with its plugin's index, and
// which plugins are switched off (drawChunk skips their spans). Typed
// arrays: a 50 MB text has some 750,000 of them. The worker laid them out
// (worker.js spanLayout); a restored document is laid out here, once. A
// legend toggle changes only the mask: copying the spans without the
// hidden plugin's was a task of 30-80 ms on a 50 MB text.
function visibleSpans(app, doc) {
  let L = doc.layout && doc.layout.result === doc.result ? doc.layout : null;
  if (!L) {
    if (!doc.pageLayout || doc.pageLayout.result !== doc.result) {
      const len = doc.text.length;
      const mentions = doc.result.mentions;
      const order = mentionOrder(doc);
      const ids = new Int32Array(order.length);
      const starts = new Int32Array(order.length);
      const ends = new Int32Array(order.length);
      const plugin = new Uint16Array(order.length);
      const names = [];
      const index = new Map();
      for (let k = 0; k < order.length; k++) {
        const m = mentions[order[k]];
        let p = index.get(m.plugin);
        if (p === undefined) { p = names.length; names.push(m.plugin); index.set(m.plugin, p); }
        ids[k] = order[k];
        starts[k] = Math.max(0, Math.min(len, m.start16 | 0));
        ends[k] = Math.max(0, Math.min(len, m.end16 | 0));
        plugin[k] = p;
      }
      doc.pageLayout = { result: doc.result, ids, starts, ends, plugin, names };
    }
    L = doc.pageLayout;
  }
  if (L.maxLen === undefined) {
    let maxLen = 0;
    for (let k = 0; k < L.ids.length; k++) if (L.ends[k] - L.starts[k] > maxLen) maxLen = L.ends[k] - L.starts[k];
    L.maxLen = maxLen;
  }
  const hidden = new Uint8Array(L.names.length);
  L.names.forEach((n, i) => { if (app.hidden.has(n)) hidden[i] = 1; });
  return { spans: { ids: L.ids, starts: L.starts, ends: L.ends, plugin: L.plugin, hidden, count: L.ids.length }, maxLen: L.maxLen };
}

function renderTextView(app, doc) {
  const box = document.getElementById('doc-text');
  if (app.textView && app.textView.observer) app.textView.observer.disconnect();
  app.marks = new Map();
  if (doc.status !== 'done') { app.textView = null; box.replaceChildren(); box.hidden = true; return; }
  box.hidden = false;
  const text = doc.text;
  // Same document and text (a legend toggle): keep the chunks and the
  // scroll position, draw again what was drawn.
  const old = app.textView;
  const same = old && old.doc === doc && old.text === text && old.result === doc.result;
  const { spans, maxLen } = visibleSpans(app, doc);
  const tv = { doc, text, result: doc.result, spans, maxLen, chunks: same ? old.chunks : textChunks(text), drawnCount: 0, observer: null };
  app.textView = tv;
  // Time from the result's arrival to the first screen painted (the browser
  // test reads it).
  if (doc.resultAt) {
    const since = doc.resultAt;
    doc.resultAt = 0;
    requestAnimationFrame(() => setTimeout(() => { tv.firstScreenMs = performance.now() - since; }, 0));
  }
  if (text.length <= EAGER_CHARS) {
    const frag = document.createDocumentFragment();
    for (const c of tv.chunks) {
      c.el = el('div', { class: 'chunk' });
      drawChunk(app, tv, c);
      frag.append(c.el);
    }
    box.replaceChildren(frag);
    return;
  }
  if (same) {
    // Drawn again: the chunks on screen now; the others are emptied, and
    // those near the view drawn again one per task (the observer below),
    // so a toggle costs a screen of marks in one task.
    // Every drawn chunk measured first (one layout), then changed.
    const view = box.getBoundingClientRect();
    const drawn = tv.chunks.filter((c) => c.drawn).map((c) => ({ c, r: c.el.getBoundingClientRect() }));
    for (const { c, r } of drawn) {
      c.drawn = false;
      if (r.bottom >= view.top && r.top <= view.bottom) drawChunk(app, tv, c);
      else { c.drawn = true; tv.drawnCount++; undrawChunk(app, tv, c, r.height); }
    }
  } else {
    // Placeholders of estimated height: about 8 px per character of width at this font.
    const style = getComputedStyle(box);
    const lineHeight = parseFloat(style.lineHeight) || 26;
    const width = Math.max(200, box.clientWidth - parseFloat(style.paddingLeft || 0) - parseFloat(style.paddingRight || 0));
    const perLine = Math.max(20, Math.floor(width / (parseFloat(style.fontSize || 15) * 0.5)));
    const frag = document.createDocumentFragment();
    tv.chunks.forEach((c, i) => {
      c.height = estimateHeight(c, perLine, lineHeight);
      c.el = el('div', { class: 'chunk', dataset: { chunk: i }, style: { height: `${c.height}px` } });
      frag.append(c.el);
    });
    box.replaceChildren(frag);
    box.scrollTop = 0;
  }
  const near = new Set();
  // Chunks coming near are drawn one per task, so that a long jump (the
  // scroll bar dragged) never blocks the page for the whole screen at once.
  const waiting = [];
  const drain = () => {
    if (app.textView !== tv) return;
    const c = waiting.shift();
    if (c && !c.drawn && near.has(c)) drawChunk(app, tv, c);
    if (waiting.length) setTimeout(drain, 0);
  };
  tv.observer = new IntersectionObserver((entries) => {
    if (app.textView !== tv) return;
    const idle = !waiting.length;
    for (const e of entries) {
      const c = tv.chunks[Number(e.target.dataset.chunk)];
      if (e.isIntersecting) { near.add(c); if (!c.drawn) waiting.push(c); } else near.delete(c);
    }
    if (idle && waiting.length) setTimeout(drain, 0);
    if (tv.drawnCount > KEEP_CHUNKS) {
      // Measured first, then emptied (see undrawChunk).
      const far = tv.chunks.filter((c) => c.drawn && !near.has(c)).slice(0, tv.drawnCount - KEEP_CHUNKS / 2);
      const heights = far.map((c) => c.el.offsetHeight);
      far.forEach((c, i) => undrawChunk(app, tv, c, heights[i]));
    }
  }, { root: box, rootMargin: `${NEAR_PX}px 0px` });
  for (const c of tv.chunks) tv.observer.observe(c.el);
  // The first screen now, not on the observer's first callback (drawn
  // again, the chunks on screen are drawn above: reading the scroll position
  // here would lay the changed text out at once).
  if (same) return;
  let y = 0;
  for (const c of tv.chunks) {
    if (y > box.scrollTop + box.clientHeight + 600) break;
    if (y + c.height >= box.scrollTop - 600 && !c.drawn) drawChunk(app, tv, c);
    y += c.height;
  }
}

// The marks of mention `id`, drawing its chunk first when it is not on
// screen (long documents). [] when its plugin is hidden or it has no span.
function revealMention(app, id) {
  const tv = app.textView;
  if (!tv) return [];
  const m = tv.doc.result.mentions[id];
  if (!m) return [];
  const pos = m.start16 | 0;
  for (const c of tv.chunks) {
    if (app.marks.has(id)) break;
    if (c.drawn || c.end <= pos) continue;
    if (c.start > (m.end16 | 0)) break;
    drawChunk(app, tv, c);
  }
  const marks = app.marks.get(id) || [];
  // A mention in a folded passage: the passage is shown.
  for (const mark of marks) {
    const folded = mark.closest('.passage.folded');
    if (!folded) continue;
    folded.classList.remove('folded');
    app.unfolded.add(`${tv.doc.id}:${folded.dataset.passage}`);
    const button = folded.querySelector('.passage-fold');
    if (button) {
      button.dataset.label = 'Fold';
      button.setAttribute('aria-label', button.getAttribute('aria-label').replace(/^Show/, 'Fold'));
      button.setAttribute('aria-expanded', 'true');
    }
  }
  return marks;
}
