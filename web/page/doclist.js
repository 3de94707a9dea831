// The document list: one entry per document (headline, file, outlet, date,
// size, status, results per plugin), redrawn only where something changed,
// so that a list of 1,000 documents costs little while a run goes on. And
// the editor of a document's details (title, outlet, date).
'use strict';

// What an entry shows: it is built again only when this changes. Its
// status alone (reading, waiting, analysing) and being the current document
// are changed in place: a drop of 1,000 files changes them 3,000 times.
function listKey(app, doc) {
  return [doc.status === 'done' || doc.status === 'bad' ? doc.status : 'pending', doc.name, doc.file, doc.outlet, doc.date, doc.size,
    doc.message, doc.note, doc.duplicateOf, (doc.repeats || []).length, doc.result ? doc.result.mentions.length : -1,
    app.plugins.length].join('\u0001');
}

// Per-plugin counts of a document, cached with its result.
function docCounts(app, doc) {
  if (!doc.counts || doc.counts.result !== doc.result || doc.counts.n !== app.plugins.length) {
    // The worker counted them (worker.js spanLayout); else they are counted here.
    const byName = doc.layout && doc.layout.result === doc.result ? doc.layout.counts : null;
    const counts = byName ? app.plugins.map((p) => byName[p.name] || 0) : countByPlugin(app, doc.result.mentions);
    if (byName) for (const name of Object.keys(byName)) pluginIndex(app, name);
    doc.counts = { result: doc.result, n: app.plugins.length, counts: byName ? app.plugins.map((p) => byName[p.name] || 0) : counts };
  }
  return doc.counts.counts;
}

// "AFP · 2019-02-26 · 2.1 KB · 31 results" (the file is on the line above)
function docSubline(doc) {
  const parts = [];
  if (doc.outlet) parts.push(doc.outlet);
  if (doc.date) parts.push(doc.date);
  parts.push(formatBytes(doc.size));
  return parts.join(' · ') + ' · ';
}

// One entry, cloned from a template and filled in (building each element
// anew took most of the time of a drop of 1,000 files). Clicks reach it
// through the list's one listener (wireDocList).
let itemTemplate = null;
const badgeTemplates = [];
function listItem(app, doc) {
  if (!itemTemplate) {
    itemTemplate = el('li', { class: 'doc-item' },
      el('button', { type: 'button', class: 'doc-select' },
        el('span', { class: 'doc-name' }), el('span', { class: 'doc-file' }),
        el('span', { class: 'doc-info' }, '', el('span', { class: 'doc-status' }))),
      el('button', { type: 'button', class: 'remove' }, '×'));
  }
  const li = itemTemplate.cloneNode(true);
  const current = doc.id === app.currentId;
  li.className = `doc-item ${doc.status}` + (current ? ' current' : '');
  li.dataset.id = doc.id;
  const [select, remove] = li.children;
  select.title = doc.file && doc.file !== doc.name ? `${doc.name}\n${doc.file}` : doc.name;
  select.setAttribute('aria-current', current ? 'true' : 'false');
  const [name, file, info] = select.children;
  name.textContent = doc.name;
  file.textContent = doc.file;
  file.hidden = doc.file === doc.name;
  info.firstChild.data = docSubline(doc);
  info.lastChild.textContent = docStatusText(doc);
  if (doc.note) select.append(el('span', { class: 'doc-note' }, doc.note));
  if (doc.status === 'done') {
    const counts = docCounts(app, doc);
    const badges = el('span', { class: 'badges' });
    app.plugins.forEach((p, i) => {
      if (!badgeTemplates[i]) {
        const c = pluginColor(i);
        badgeTemplates[i] = el('span', { class: 'badge', style: { '--fill': c.fill, '--line': c.line } });
      }
      const b = badgeTemplates[i].cloneNode(false);
      if (!counts[i]) b.className = 'badge zero';
      b.title = `${p.name}: ${counts[i]}`;
      b.textContent = `${p.name} ${counts[i]}`;
      badges.append(b);
    });
    select.append(badges);
  }
  const note = repeatNote(app, doc);
  if (note) select.append(note);
  remove.title = `Remove ${doc.name}`;
  remove.setAttribute('aria-label', `Remove ${doc.name}`);
  return li;
}

// The status and current-document marks of an entry, changed in place.
function patchItem(app, entry, doc) {
  const current = doc.id === app.currentId;
  if (entry.status !== doc.status) {
    entry.li.className = `doc-item ${doc.status}` + (current ? ' current' : '');
    entry.li.querySelector('.doc-status').textContent = docStatusText(doc);
    entry.status = doc.status;
    entry.current = current;
  }
  if (entry.current !== current) {
    entry.li.classList.toggle('current', current);
    entry.li.firstChild.setAttribute('aria-current', current ? 'true' : 'false');
    entry.current = current;
  }
}

const listCache = new Map();  // doc id -> {id, key, status, current, li}: the entries drawn

// A list of more than LIST_WINDOW_MIN documents is drawn as a window: the
// entries in view of the side panel and LIST_OVERSCAN_PX above and below
// it, spacers for the others (1,000 entries cost 45-65 ms of style,
// layout and paint in each switch of documents, even out of view). The
// heights of entries drawn once are kept (an entry's height depends on
// its notes and badges), the others are taken as the average.
const LIST_WINDOW_MIN = 100;
const LIST_OVERSCAN_PX = 700;
const listWindow = {
  on: false, first: 0, last: 0,
  view: { top: 0, bottom: 900 },  // the part of the list on screen, from its top (read at a frame, never in a redraw)
  heights: new Map(),             // doc id -> {key, h}: entries measured, margin included
  average: 76, looking: false, rebuilt: false,
};

function entryHeight(app, doc) {
  const m = listWindow.heights.get(doc.id);
  return m && m.key === listKey(app, doc) ? m.h : listWindow.average;
}

// Another document picked: the entries of the one shown before and of the
// one shown now, changed in place (renderList goes through every entry:
// 2-3 ms of a switch with 1,000 documents). An entry out of the window is
// drawn right when it comes into it; one whose content changed needs
// renderList.
function moveCurrentMark(app, previousId) {
  for (const id of [previousId, app.currentId]) {
    if (id === null || id === undefined) continue;
    const entry = listCache.get(id);
    const doc = findDoc(id);
    if (!entry || !doc) continue;
    if (!entry.li.isConnected || entry.key !== listKey(app, doc)) { renderList(app); return; }
    patchItem(app, entry, doc);
  }
}

// One listener for every entry's two buttons, and the keys that move
// between entries (ArrowUp/Down, Home, End: to entries not drawn too).
function wireDocList() {
  const list = document.getElementById('doc-list');
  list.addEventListener('click', (ev) => {
    const button = ev.target.closest('button');
    const li = button && button.closest('li.doc-item');
    if (!li) return;
    const id = Number(li.dataset.id);
    if (button.classList.contains('remove')) removeDoc(id);
    else if (button.classList.contains('doc-select')) userSelectDoc(id);
  });
  list.addEventListener('keydown', (ev) => {
    const li = ev.target.closest && ev.target.closest('li.doc-item');
    if (!li || ev.target.tagName !== 'BUTTON' || !['ArrowUp', 'ArrowDown', 'Home', 'End'].includes(ev.key)) return;
    const i = app.docs.findIndex((d) => d.id === Number(li.dataset.id));
    if (i < 0) return;
    ev.preventDefault();
    focusDocItem(app.docs[rowStep(ev.key, i, app.docs.length, 1)].id, ev.target.classList.contains('remove') ? '.remove' : '.doc-select');
  });
  // Tabbing to the last entries drawn draws the next ones, so that Tab
  // goes through every document, not out of the list at the window's end.
  list.addEventListener('focusin', (ev) => {
    if (!listWindow.on) return;
    const li = ev.target.closest && ev.target.closest('li.doc-item');
    const i = li ? app.docs.findIndex((d) => d.id === Number(li.dataset.id)) : -1;
    if (i >= 0 && (i < listWindow.first + 2 || i >= listWindow.last - 2)) drawWindowAround(app, i);
  });
  const onScroll = (ev) => {
    if (!listWindow.on) return;
    if (ev.type === 'scroll' && ev.target !== document && !(ev.target.contains && ev.target.contains(list))) return;
    lookAtNextFrame(app);
  };
  document.addEventListener('scroll', onScroll, { capture: true, passive: true });
  window.addEventListener('resize', onScroll);
}

// Scrolls the entry of document `id` into view (drawing it first when the
// list is a window), or null when there is none.
function revealDocItem(id) {
  const i = app.docs.findIndex((d) => d.id === id);
  if (i < 0) return null;
  if (listWindow.on && (i < listWindow.first || i >= listWindow.last)) drawWindowAround(app, i);
  const entry = listCache.get(id);
  if (!entry || !entry.li.isConnected) return null;
  entry.li.scrollIntoView({ block: 'nearest' });
  return entry.li;
}
function focusDocItem(id, which) {
  const li = revealDocItem(id);
  if (li) li.querySelector(which || '.doc-select').focus();
}

// The window drawn around entry i (a key, a reveal): the view is taken to
// be there, and read again at the next frame.
function drawWindowAround(app, i) {
  let top = 0;
  for (let k = 0; k < i; k++) top += entryHeight(app, app.docs[k]);
  const span = listWindow.view.bottom - listWindow.view.top;
  listWindow.view = { top: Math.max(0, top - span / 2), bottom: Math.max(0, top - span / 2) + span };
  renderList(app);
  lookAtNextFrame(app);
}

// At the next frame (the browser lays the list out then anyway): the
// drawn entries' heights and the part of the list on screen are read, and
// the window drawn again if it no longer covers that part.
function lookAtNextFrame(app) {
  if (listWindow.looking) return;
  listWindow.looking = true;
  requestAnimationFrame(() => {
    listWindow.looking = false;
    if (!listWindow.on) return;
    const list = document.getElementById('doc-list');
    const items = list.children;
    let changed = false;
    for (let k = 0; k < items.length - 1; k++) {
      const li = items[k];
      const entry = li.classList.contains('doc-item') && listCache.get(Number(li.dataset.id));
      if (!entry) continue;
      const h = items[k + 1].offsetTop - li.offsetTop;
      const was = listWindow.heights.get(entry.id);
      if (h > 0 && (!was || was.key !== entry.key || was.h !== h)) {
        listWindow.heights.set(entry.id, { key: entry.key, h });
        changed = true;
      }
    }
    // The average of the entries as they are now (not of those measured
    // while they were waiting, shorter without their badges).
    if (changed || listWindow.rebuilt) {
      listWindow.rebuilt = false;
      let sum = 0;
      let n = 0;
      for (const [id, m] of listWindow.heights) {
        const doc = findDoc(id);
        if (!doc) listWindow.heights.delete(id);
        else if (m.key === listKey(app, doc)) { sum += m.h; n++; }
      }
      if (n) listWindow.average = sum / n;
    }
    // The part of the list on screen, in the heights' terms: from an entry
    // on screen (the spacers above it were drawn with the heights known
    // then; the browser keeps that entry in place when they change, the
    // spacers take no part in its scroll anchoring, style.css).
    const r = list.getBoundingClientRect();
    const side = list.closest('.side');
    const s = side ? side.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
    const clipTop = Math.max(0, s.top);
    const clipBottom = Math.max(clipTop, Math.min(window.innerHeight, s.bottom));
    let top = clipTop - r.top;
    for (const li of items) {
      if (!li.classList.contains('doc-item')) continue;
      const b = li.getBoundingClientRect();
      if (b.bottom <= clipTop) continue;
      if (b.top < clipBottom) {
        const i = app.docs.findIndex((d) => d.id === Number(li.dataset.id));
        let y = 0;
        for (let k = 0; k < i; k++) y += entryHeight(app, app.docs[k]);
        top = y + (clipTop - b.top);
      }
      break;
    }
    top = Math.max(0, top);
    listWindow.view = { top, bottom: top + Math.max(0, Math.min(clipBottom - clipTop, r.bottom - clipTop)) };
    const want = windowRange(app);
    if (changed || want.first !== listWindow.first || want.last !== listWindow.last) renderList(app);
  });
}

// The entries to draw for the view: [first, last).
function windowRange(app) {
  const { top, bottom } = listWindow.view;
  const docs = app.docs;
  let y = 0;
  let first = docs.length;
  for (let k = 0; k < docs.length; k++) {
    const h = entryHeight(app, docs[k]);
    if (y + h > top - LIST_OVERSCAN_PX) { first = k; break; }
    y += h;
  }
  let last = first;
  for (; last < docs.length && y < bottom + LIST_OVERSCAN_PX; last++) y += entryHeight(app, docs[last]);
  return { first, last };
}

function renderList(app) {
  const list = document.getElementById('doc-list');
  document.getElementById('doc-count').textContent = app.docs.length ? `(${app.docs.length})` : '';
  if (!app.docs.length) {
    listCache.clear();
    listWindow.on = false;
    list.replaceChildren(el('li', { class: 'muted empty-list' }, 'No documents yet.'));
    return;
  }
  const windowed = app.docs.length > LIST_WINDOW_MIN;
  listWindow.on = windowed;
  const range = windowed ? windowRange(app) : { first: 0, last: app.docs.length };
  listWindow.first = range.first;
  listWindow.last = range.last;
  // The entry holding the focus stays drawn, wherever the list is scrolled
  // (removed, it would take the focus with it).
  const drawn = [];
  for (let k = range.first; k < range.last; k++) drawn.push(k);
  const focused = windowed && list.contains(document.activeElement) ? document.activeElement.closest('li.doc-item') : null;
  if (focused) {
    const f = app.docs.findIndex((d) => d.id === Number(focused.dataset.id));
    if (f >= 0 && (f < range.first || f >= range.last)) {
      if (f < range.first) drawn.unshift(f); else drawn.push(f);
    }
  }
  const items = [];
  const live = new Set();
  let built = false;
  const spacers = Array.from(list.querySelectorAll(':scope > li.doc-spacer'));
  let next = 0;  // the first entry not drawn or stood for yet
  const gap = (to) => {
    if (to <= next) return;
    let h = 0;
    for (; next < to; next++) h += entryHeight(app, app.docs[next]);
    items.push(listSpacer(spacers, h));
  };
  for (const k of drawn) {
    gap(k);
    next = k + 1;
    const doc = app.docs[k];
    const key = listKey(app, doc);
    let entry = listCache.get(doc.id);
    if (!entry || entry.key !== key) {
      if (entry && windowed) listWindow.rebuilt = true;  // its height may have changed (lookAtNextFrame)
      built = true;
      const li = listItem(app, doc);
      if (entry && entry.li.parentNode === list) entry.li.replaceWith(li);
      entry = { id: doc.id, key, status: doc.status, current: doc.id === app.currentId, li };
      listCache.set(doc.id, entry);
    } else patchItem(app, entry, doc);
    if (windowed) {
      entry.li.setAttribute('aria-posinset', String(k + 1));
      entry.li.setAttribute('aria-setsize', String(app.docs.length));
    } else if (entry.li.hasAttribute('aria-posinset')) {
      entry.li.removeAttribute('aria-posinset');
      entry.li.removeAttribute('aria-setsize');
    }
    live.add(doc.id);
    items.push(entry.li);
  }
  gap(app.docs.length);
  // Entries out of the window are dropped (built again when they come back).
  for (const id of Array.from(listCache.keys())) if (!live.has(id)) listCache.delete(id);
  placeChildren(list, items);
  if (windowed && built) lookAtNextFrame(app);  // their heights
}

// A spacer standing for the entries between two drawn ones (the spacers
// there are used again, in order).
function listSpacer(spacers, h) {
  const s = spacers.shift() || el('li', { class: 'doc-spacer', 'aria-hidden': 'true' });
  s.style.height = `${Math.round(h)}px`;
  return s;
}

// The list's children made `items`, moving no element that stays (a
// focused entry removed and put back would lose the focus).
function placeChildren(list, items) {
  const kids = list.children;
  let same = kids.length === items.length;
  for (let i = 0; same && i < items.length; i++) if (kids[i] !== items[i]) same = false;
  if (same) return;
  const keep = new Set(items);
  for (const child of Array.from(kids)) if (!keep.has(child)) child.remove();
  // The children left are in list order: only new ones go in between.
  let at = list.firstElementChild;
  for (const item of items) {
    if (item === at) { at = at.nextElementSibling; continue; }
    list.insertBefore(item, at);
  }
}

// The details form under the document's title: title, outlet, date.
function editDetails(app, doc) {
  const form = document.getElementById('doc-edit');
  const title = el('input', { type: 'text', value: doc.name, 'aria-label': 'Title', class: 'edit-title' });
  const outlet = el('input', { type: 'text', value: doc.outlet || '', 'aria-label': 'Outlet', placeholder: 'outlet (e.g. Reuters)', class: 'edit-outlet' });
  const date = el('input', { type: 'date', value: doc.date || '', 'aria-label': 'Date', class: 'edit-date' });
  const close = () => { form.hidden = true; form.replaceChildren(); document.getElementById('doc-rename').hidden = false; };
  const save = () => {
    const t = title.value.replace(/\s+/g, ' ').trim();
    setDocDetails(doc, { name: t || doc.name, outlet: outlet.value.trim(), date: date.value });
    close();
  };
  form.replaceChildren(el('label', {}, 'Title ', title), el('label', {}, 'Outlet ', outlet), el('label', {}, 'Date ', date),
    el('button', { type: 'submit', class: 'primary small' }, 'Save'),
    el('button', { type: 'button', class: 'small', onclick: close }, 'Cancel'));
  form.onsubmit = (ev) => { ev.preventDefault(); save(); };
  form.onkeydown = (ev) => { if (ev.key === 'Escape') close(); };
  form.hidden = false;
  document.getElementById('doc-rename').hidden = true;
  title.focus();
  title.select();
}
