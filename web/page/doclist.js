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

const listCache = new Map();  // doc id -> {key, status, current, li}

// Another document picked: the entries of the one shown before and of the
// one shown now, changed in place (renderList goes through every entry:
// 2-3 ms of a switch with 1,000 documents). Falls back to renderList when
// an entry is not drawn yet.
function moveCurrentMark(app, previousId) {
  for (const id of [previousId, app.currentId]) {
    if (id === null || id === undefined) continue;
    const entry = listCache.get(id);
    const doc = findDoc(id);
    if (!entry || !doc || !entry.li.isConnected || entry.key !== listKey(app, doc)) { renderList(app); return; }
    patchItem(app, entry, doc);
  }
}

// One listener for every entry's two buttons.
function wireDocList() {
  document.getElementById('doc-list').addEventListener('click', (ev) => {
    const button = ev.target.closest('button');
    const li = button && button.closest('li.doc-item');
    if (!li) return;
    const id = Number(li.dataset.id);
    if (button.classList.contains('remove')) removeDoc(id);
    else if (button.classList.contains('doc-select')) userSelectDoc(id);
  });
}

function renderList(app) {
  const list = document.getElementById('doc-list');
  document.getElementById('doc-count').textContent = app.docs.length ? `(${app.docs.length})` : '';
  if (!app.docs.length) {
    listCache.clear();
    list.replaceChildren(el('li', { class: 'muted empty-list' }, 'No documents yet.'));
    return;
  }
  const items = [];
  const live = new Set();
  for (const doc of app.docs) {
    const key = listKey(app, doc);
    let entry = listCache.get(doc.id);
    if (!entry || entry.key !== key) {
      const li = listItem(app, doc);
      if (entry && entry.li.parentNode === list) entry.li.replaceWith(li);
      entry = { key, status: doc.status, current: doc.id === app.currentId, li };
      listCache.set(doc.id, entry);
    } else patchItem(app, entry, doc);
    live.add(doc.id);
    items.push(entry.li);
  }
  for (const id of Array.from(listCache.keys())) if (!live.has(id)) listCache.delete(id);
  // Children in list order; only touched when the order or the set changed.
  const kids = list.children;
  let sameOrder = kids.length === items.length;
  for (let i = 0; sameOrder && i < items.length; i++) if (kids[i] !== items[i]) sameOrder = false;
  if (!sameOrder) list.replaceChildren(...items);
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
