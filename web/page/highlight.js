// One highlighted span of the article text, and its popover. The text
// renderer (renderText in web/page/view.js) cuts the text into flat segments
// and calls makeHighlight() for each segment covered by spans; everything
// else here works by event delegation on the document, so it keeps working
// whatever part of the text is rendered at a time.
//
// A highlight: the fill of its innermost span's plugin, an underline in that
// plugin's colour and line style, a stripe per other plugin covering it, and
// where a span ends a small tag (NUM, QUOTE · speaker, PLACE, PERSON, a rule
// plugin's label), drawn by CSS from data-tag so the text itself (and what a
// copy puts on the clipboard) stays exactly the article's. Each highlight is
// focusable; hover, focus or tap opens a popover saying what was found in
// words (fields.js), which Escape closes.
'use strict';

const MAX_TAG_SPEAKER = 28;

// The tag of one mention: "QUOTE · Jorge Torres".
function mentionTag(m) {
  let tag = pluginTag(m.plugin);
  if ('speaker' in m && m.speaker && m.kind !== 'term') {
    const s = m.speaker.length > MAX_TAG_SPEAKER ? m.speaker.slice(0, MAX_TAG_SPEAKER - 1) + '…' : m.speaker;
    tag += ` · ${s}`;
  }
  return tag;
}

// The <mark> for one segment: seg = {start, end, ids} (ids of the mentions
// covering it, outermost first), piece = its text.
function makeHighlight(app, mentions, seg, piece) {
  // Innermost = the shortest covering span; its plugin gives the fill.
  const inner = seg.ids.reduce((a, b) => {
    const la = mentions[a].end16 - mentions[a].start16;
    const lb = mentions[b].end16 - mentions[b].start16;
    return lb <= la ? b : a;
  });
  const innerPlugin = pluginIndex(app, mentions[inner].plugin);
  const others = [];
  for (const id of seg.ids) {
    const p = pluginIndex(app, mentions[id].plugin);
    if (p !== innerPlugin && !others.includes(p)) others.push(p);
  }
  // Colours and line styles come from classes (hl-pN, tag-pN, see
  // paletteStyles below): inline styles on tens of thousands of spans would
  // cost seconds of style work on a long article.
  let cls = `hl hl-p${colorSlot(innerPlugin)}`;
  if (seg.ids.length > 1) cls += ' overlap';
  const mark = document.createElement('mark');
  mark.tabIndex = 0;
  mark.dataset.ids = seg.ids.join(' ');
  // Stripes of the other plugins, stacked above the underline (overlaps are rare).
  if (others.length) mark.style.boxShadow = others.map((p, k) => `inset 0 -${3 + 3 * k}px 0 ${pluginColor(p).line}`).join(', ');
  // Tags of the spans that end with this segment, innermost last.
  const ending = seg.ids.filter((id) => (mentions[id].end16 | 0) === seg.end);
  if (ending.length) {
    mark.dataset.tag = ending.map((id) => mentionTag(mentions[id])).join('  ');
    cls += ` tag-p${colorSlot(pluginIndex(app, mentions[ending[ending.length - 1]].plugin))}`;
  }
  mark.className = cls;
  mark.textContent = piece;
  return mark;
}

// The legend's sample of plugin i: its tag on its fill, underlined in its style.
function legendSample(i, plugin) {
  const k = colorSlot(i);
  return el('span', { class: `legend-sample hl-p${k}`, 'aria-hidden': 'true' }, el('span', { class: `legend-tag tag-p${k}` }, pluginTag(plugin)));
}

// One rule per palette entry: fill, underline colour and style, tag colours.
(function paletteStyles() {
  const rules = PLUGIN_PALETTE.map((_, i) => {
    const c = paletteEntry(i);
    return `mark.hl-p${i} { background: ${c.fill}; border-bottom-color: ${c.line}; border-bottom-style: ${c.style}; }\n`
      + `mark.tag-p${i}::after, .legend-tag.tag-p${i} { background: ${c.line}; color: ${c.ink}; }\n`
      + `.legend-sample.hl-p${i} { background: ${c.fill}; border-bottom-color: ${c.line}; border-bottom-style: ${c.style}; }`;
  });
  const style = document.createElement('style');
  style.textContent = rules.join('\n');
  document.head.append(style);
})();

// The popover's content for the mentions `ids` of the document on screen.
function popoverContent(app, mentions, ids) {
  const parts = [];
  // Innermost (last) first: it is the one the pointer or the caret is on.
  for (const id of ids.slice().reverse()) {
    const m = mentions[id];
    if (!m) continue;
    const c = pluginColor(pluginIndex(app, m.plugin));
    const details = mentionDetails(m);
    parts.push(el('div', { class: 'pop-item' },
      el('div', { class: 'pop-head' },
        el('span', { class: 'pop-tag', style: { background: c.line, color: c.ink } }, pluginTag(m.plugin)),
        el('span', { class: 'pop-text' }, `“${m.text}”`)),
      el('p', { class: 'pop-words' }, mentionWords(m) + quotedBy(mentions, id)),
      details.length ? el('dl', { class: 'pop-details' },
        ...details.flatMap((d) => [el('dt', {}, d.label), el('dd', {}, d.value)])) : null));
  }
  parts.push(el('p', { class: 'pop-hint' },
    el('button', { type: 'button', class: 'small pop-row', onclick: () => { hidePopover(); showRow(ids); } }, 'Show in the table'),
    ' Enter on the span does the same · Esc closes'));
  return parts;
}

// " · in a quotation by Sgt. Jorge Torres" when a mention (a figure, a
// place) sits inside a quotation with a known speaker.
function quotedBy(mentions, id) {
  const m = mentions[id];
  if ('speaker' in m) return '';
  for (const q of mentions) {
    if (q === m || !q.speaker || q.kind === 'term' || !('speaker' in q)) continue;
    if (q.start16 <= m.start16 && q.end16 >= m.end16) return ` · in a quotation from ${q.role ? q.role + ' ' : ''}${q.speaker}`;
  }
  return '';
}

// The words the popover shows for a segment (the browser test reads it).
function popoverText(app, mentions, ids) {
  const box = el('div', {}, ...popoverContent(app, mentions, ids));
  return box.textContent;
}

// ---- the popover ------------------------------------------------------------

const hlPop = { box: null, mark: null, hideTimer: null, showTimer: null };

function popBox() {
  if (!hlPop.box) {
    hlPop.box = el('div', { id: 'hl-pop', class: 'hl-pop', role: 'tooltip', hidden: true });
    hlPop.box.addEventListener('mouseenter', () => clearTimeout(hlPop.hideTimer));
    hlPop.box.addEventListener('mouseleave', () => scheduleHide());
    document.body.append(hlPop.box);
  }
  return hlPop.box;
}

// The mentions of the text on screen (the plugin editor draws its preview's).
function currentMentions() {
  const tv = app.textView;
  return tv && tv.doc.id === app.currentId && tv.doc.status === 'done' ? tv.doc.result.mentions : null;
}

function showPopover(mark) {
  clearTimeout(hlPop.hideTimer);
  clearTimeout(hlPop.showTimer);
  const mentions = currentMentions();
  if (!mentions || !mark.isConnected) return;
  const box = popBox();
  if (hlPop.mark && hlPop.mark !== mark) hlPop.mark.removeAttribute('aria-describedby');
  hlPop.mark = mark;
  box.replaceChildren(...popoverContent(app, mentions, mark.dataset.ids.split(' ').map(Number)));
  box.hidden = false;
  mark.setAttribute('aria-describedby', 'hl-pop');
  placePopover();
}

// Below the span, or above it when there is no room; inside the window.
function placePopover() {
  const box = hlPop.box;
  const mark = hlPop.mark;
  if (!box || box.hidden || !mark) return;
  const rects = mark.getClientRects();
  const r = rects.length ? rects[0] : mark.getBoundingClientRect();
  box.style.left = '0px';
  box.style.top = '0px';
  const w = box.offsetWidth;
  const h = box.offsetHeight;
  const left = Math.max(8, Math.min(r.left, window.innerWidth - w - 8));
  let top = r.bottom + 8;
  if (top + h > window.innerHeight - 8 && r.top - h - 8 > 8) top = r.top - h - 8;
  // Always wholly on screen (on a phone it may then cover its span).
  top = Math.max(8, Math.min(top, window.innerHeight - h - 8));
  box.style.left = `${Math.round(left)}px`;
  box.style.top = `${Math.round(top)}px`;
}

function hidePopover() {
  clearTimeout(hlPop.hideTimer);
  clearTimeout(hlPop.showTimer);
  if (hlPop.box) hlPop.box.hidden = true;
  if (hlPop.mark) hlPop.mark.removeAttribute('aria-describedby');
  hlPop.mark = null;
}

// The pointer may travel from the span to the popover (WCAG 1.4.13: the
// popover can be hovered), so leaving the span hides it a little later.
function scheduleHide() {
  clearTimeout(hlPop.hideTimer);
  hlPop.hideTimer = setTimeout(() => {
    if (hlPop.mark && document.activeElement === hlPop.mark) return;
    if (hlPop.box && hlPop.box.matches(':hover')) return;
    hidePopover();
  }, 300);
}

function markOf(target) { return target && target.closest ? target.closest('mark.hl') : null; }

document.addEventListener('mouseover', (ev) => {
  const mark = markOf(ev.target);
  if (!mark) return;
  clearTimeout(hlPop.hideTimer);
  if (mark === hlPop.mark) return;
  clearTimeout(hlPop.showTimer);
  hlPop.showTimer = setTimeout(() => showPopover(mark), 120);
});
document.addEventListener('mouseout', (ev) => {
  const mark = markOf(ev.target);
  if (!mark || (ev.relatedTarget && mark.contains(ev.relatedTarget))) return;
  clearTimeout(hlPop.showTimer);
  if (hlPop.mark === mark) scheduleHide();
});
document.addEventListener('focusin', (ev) => {
  const mark = markOf(ev.target);
  if (mark) showPopover(mark);
  else if (hlPop.mark && !(hlPop.box && hlPop.box.contains(ev.target))) hidePopover();
});
// A tap (or click) opens the popover too. Where the text and the tables
// are side by side, it also shows the span's row; on a narrow screen the
// tables are further down, so the popover's button does that instead of the
// page jumping away from the text.
const SIDE_BY_SIDE = window.matchMedia('(min-width: 1101px)');
document.addEventListener('click', (ev) => {
  const mark = markOf(ev.target);
  if (mark) {
    showPopover(mark);
    if (SIDE_BY_SIDE.matches) showRow(mark.dataset.ids.split(' ').map(Number));
  } else if (hlPop.box && !hlPop.box.contains(ev.target)) hidePopover();
});
document.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape' && hlPop.box && !hlPop.box.hidden) { hidePopover(); return; }
  const mark = markOf(ev.target);
  if (mark && (ev.key === 'Enter' || ev.key === ' ')) {
    ev.preventDefault();
    if (typeof showRow === 'function') showRow(mark.dataset.ids.split(' ').map(Number));
  }
});
window.addEventListener('resize', placePopover);
document.addEventListener('scroll', () => { if (hlPop.mark) placePopover(); }, true);
