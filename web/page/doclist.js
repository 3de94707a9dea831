// The document list: one entry per document (headline, file, outlet, date,
// size, status, results per plugin), redrawn only where something changed,
// so that a list of 1,000 documents costs little while a run goes on. And
// the editor of a document's details (title, outlet, date).
'use strict';

// What an entry shows: it is drawn again only when this changes.
function listKey(app, doc) {
  return [doc.status, doc.name, doc.file, doc.outlet, doc.date, doc.size, doc.message, doc.note,
    doc.id === app.currentId, doc.duplicateOf, (doc.repeats || []).length, doc.result ? doc.result.mentions.length : -1,
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

function listItem(app, doc) {
  const counts = doc.status === 'done' ? docCounts(app, doc) : null;
  const badges = counts && el('span', { class: 'badges' }, ...app.plugins.map((p, i) => {
    const c = pluginColor(i);
    return el('span', {
      class: 'badge' + (counts[i] ? '' : ' zero'), title: `${p.name}: ${counts[i]}`,
      style: { '--fill': c.fill, '--line': c.line },
    }, `${p.name} ${counts[i]}`);
  }));
  return el('li', {
    class: `doc-item ${doc.status}` + (doc.id === app.currentId ? ' current' : ''),
    dataset: { id: doc.id },
  },
  el('button', {
    type: 'button', class: 'doc-select', title: doc.file && doc.file !== doc.name ? `${doc.name}\n${doc.file}` : doc.name,
    'aria-current': doc.id === app.currentId ? 'true' : 'false',
    onclick: () => userSelectDoc(doc.id),
  },
  el('span', { class: 'doc-name' }, doc.name),
  el('span', { class: 'doc-file', hidden: doc.file === doc.name }, doc.file),
  el('span', { class: 'doc-info' }, docSubline(doc), el('span', { class: 'doc-status' }, docStatusText(doc))),
  doc.note ? el('span', { class: 'doc-note' }, doc.note) : null,
  badges,
  repeatNote(app, doc)),
  el('button', {
    type: 'button', class: 'remove', title: `Remove ${doc.name}`, 'aria-label': `Remove ${doc.name}`,
    onclick: () => removeDoc(doc.id),
  }, '×'));
}

const listCache = new Map();  // doc id -> {key, li}

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
      entry = { key, li };
      listCache.set(doc.id, entry);
    }
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
