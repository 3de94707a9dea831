// The views across all documents: one table per plugin (sort, filter, copy,
// CSV), numbers and quotes across sources, places with a world map. As in
// view.js, data only ever reaches the page as text nodes.
'use strict';

const ALL_ROW_LIMIT = 100;  // a longer cross-document table is drawn as a window (vtable.js): 300 rows in full took 0.1-0.2 s of layout per redraw

// One plugin's mentions in the model and the field keys they have, split
// once per model (each redraw went through every mention once per plugin).
function pluginMentions(app, plugin) {
  if (!app.model.byPlugin) drain(splitByPlugin(app.model));
  return app.model.byPlugin.get(plugin) || [];
}
// As steps (warmTables); kept unless the split was made meanwhile.
function* splitByPlugin(model) {
  const byPlugin = new Map();
  const mentions = model.mentions;
  for (let i = 0; i < mentions.length; i++) {
    const x = mentions[i];
    let list = byPlugin.get(x.m.plugin);
    if (!list) { list = []; list.keys = null; byPlugin.set(x.m.plugin, list); }
    list.push(x);
    if (i % STEP_ITEMS === STEP_ITEMS - 1) yield;
  }
  if (!model.byPlugin) model.byPlugin = byPlugin;
}
function pluginFieldKeys(all) { return drain(fieldKeysSteps(all)); }
function* fieldKeysSteps(all) {
  if (!all.keys) {
    // fieldKeys (segments.js) without an array of keys per mention.
    const keys = [];
    const seen = new Set(POSITION_KEYS);
    for (let i = 0; i < all.length; i++) {
      for (const k in all[i].m) if (!seen.has(k)) { seen.add(k); keys.push(k); }
      if (i % STEP_ITEMS === STEP_ITEMS - 1) yield;
    }
    if (!all.keys) all.keys = keys;
  }
  return all.keys;
}

// The work behind a view made ready in steps (warmTables): a generator
// yields every STEP_ITEMS items or STEP_COMPARES collator comparisons
// (about 1-3 ms); drain runs one through at once and returns its value.
const STEP_ITEMS = 2000;
const STEP_COMPARES = 1000;
function drain(steps) {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

// The last rows each plugin's filters left, before sorting: a keystroke
// that adds to the text filter (the other filters as they were) only
// filters those again. Model order is kept, so the rows and their sorted
// order are the same as from all the mentions.
const lastFiltered = new Map();  // plugin -> {all, q, signature, doc, place, hideRepeats, rows}

// Rows of one plugin's cross-document table after the filters.
function filteredRows(app, plugin) {
  return drain(filteredRowsSteps(app, plugin));
}
// As steps, the filters as they were at the start (a step may wait while
// the user changes them).
function* filteredRowsSteps(app, plugin) {
  const f = Object.assign({}, app.filter);
  const hideRepeats = app.hideRepeats;
  const q = f.text.trim().toLowerCase();
  const columns = app.columns[plugin];
  const signature = columns.join('\u0001');
  const all = pluginMentions(app, plugin);
  const last = lastFiltered.get(plugin);
  const narrower = last && last.all === all && last.signature === signature && last.doc === f.doc && last.place === f.place
    && last.hideRepeats === hideRepeats && q.startsWith(last.q);
  // The same filters as last time: the same entry (its grouped rows are
  // kept on it, filteredGroups).
  let entry = last;
  if (!(narrower && q === last.q)) {
    const keep = (x) => {
      if (hideRepeats && x.repeat) return false;
      if (f.doc && String(x.doc.id) !== f.doc) return false;
      if (f.place) {
        if (!f.place.docs.has(x.doc.id)) return false;
        // The place's own plugin: only its mentions of that place (of that
        // country and its places, for a country picked on the map).
        if (x.m.plugin === f.place.plugin) {
          if (f.place.countryCode ? x.m.country !== f.place.countryCode : (x.m.name || x.m.text) !== f.place.name) return false;
        }
      }
      if (q && !searchText(x.m).includes(q) && !docSearchName(x.doc).includes(q)) return false;
      return true;
    };
    const from = narrower ? last.rows : all;
    const rows = [];
    for (let i = 0; i < from.length; i++) {
      if (keep(from[i])) rows.push(from[i]);
      if (i % STEP_ITEMS === STEP_ITEMS - 1) yield;
    }
    entry = { all, q, signature, doc: f.doc, place: f.place, hideRepeats, rows, groups: null, groupsKey: '', sorted: null, sortedKey: '' };
    lastFiltered.set(plugin, entry);
  }
  const s = app.sort[plugin];
  // A column the table does not have: every cell empty, the order kept.
  if (!s || app.columns[plugin].indexOf(s.key) < 0) return entry.rows.slice();
  const rank = columnRanks(all, s.key);
  return sortedByRank(entry.rows, (x) => rank(rowValue(x, s.key)), s.dir);
}

// The groups of a grouped table (groupRows, sortGroups) of the rows
// filteredRows gave last: kept with those rows, so that drawing the table
// again with the same filters and order (another view and back, a group
// opened) does not group 20,000 mentions again.
function filteredGroups(app, plugin, rows, field) {
  return drain(filteredGroupsSteps(app, plugin, rows, field));
}
function* filteredGroupsSteps(app, plugin, rows, field) {
  const entry = lastFiltered.get(plugin);
  const rowsKey = `${field}\u0001${JSON.stringify(app.sort[plugin] || null)}`;
  const groupSort = app.groupSort[plugin];
  const sortKey = JSON.stringify(groupSort || null);
  const mine = entry && entry.rows.length === rows.length;
  if (mine && entry.groups && entry.groupsKey === rowsKey && entry.sortedKey === sortKey) return entry.sorted;
  // Sorting by another column groups the same rows again only in another order.
  const groups = mine && entry.groups && entry.groupsKey === rowsKey ? entry.groups : yield* groupRowsSteps(rows, field);
  const rank = yield* labelRanksSteps(pluginMentions(app, plugin), field);
  const sorted = sortGroups(groups.slice(), groupSort, rank);
  if (mine) Object.assign(entry, { groups, groupsKey: rowsKey, sorted, sortedKey: sortKey });
  return sorted;
}

function rowValue(x, key) {
  if (key === 'document') return x.doc.name;
  if (key === 'text') return x.m.text;
  return x.m[key];
}
// The text filter looks through a row's cells as shown: its document's
// name, and the text and fields of its mention, kept per mention (in a
// WeakMap: the mention objects outlive the model, which is made again when
// a document is added, and are saved as they are). Cells are joined by
// \u0001, so a match never spans two of them; the table's other columns
// are empty in this row and would add nothing.
const searchTexts = new WeakMap();
function searchText(m) {
  let t = searchTexts.get(m);
  if (t === undefined) {
    const keys = visibleKeys(m.plugin, Object.keys(m).filter((k) => !POSITION_KEYS.has(k) && k !== 'text'));
    t = [m.text, ...keys.map((k) => fieldText(m.plugin, k, m[k], m))].join('\u0001').toLowerCase();
    searchTexts.set(m, t);
  }
  return t;
}
function docSearchName(doc) {
  if (doc.searchName === undefined || doc.searchNameOf !== doc.name) { doc.searchName = doc.name.toLowerCase(); doc.searchNameOf = doc.name; }
  return doc.searchName;
}

// The cells as the table shows them ("Copy table" copies what the reader sees).
function rowCells(x, columns) {
  return columns.map((k) => (k === 'document' || k === 'text' ? rowValue(x, k) : fieldText(x.m.plugin, k, x.m[k], x.m)));
}

// ---- sort orders, computed once per model --------------------------------
// Intl.Collator's compare costs microseconds a call, and sorting 5,000
// groups or 20,000 rows by text calls it 60,000-300,000 times. So each
// distinct value of a column, over all of a plugin's mentions, gets its
// rank in compareCells order once (a collator sort of the distinct values),
// kept with those mentions; a sort then compares numbers.

// value -> rank (equal values share one), of the distinct `values`.
function valueRanks(values) {
  const distinct = Array.from(new Set(values), (v) => ({ v, text: formatValue(v) }));
  distinct.sort((a, b) => compareCells(a.v, b.v, a.text, b.text));
  return ranksOfSorted(distinct);
}
function ranksOfSorted(distinct) {
  const ranks = new Map();
  let r = 0;
  distinct.forEach((d, i) => {
    if (i && compareCells(distinct[i - 1].v, d.v, distinct[i - 1].text, d.text) !== 0) r++;
    ranks.set(d.v, r);
  });
  return ranks;
}
// valueRanks of text values (group labels) as steps: the sort a merge sort
// that yields every STEP_COMPARES comparisons (5,000 labels were a 17-34 ms
// task of the collator; any sort gives these strings the same ranks).
function* valueRanksSteps(values) {
  let a = Array.from(new Set(values), (v) => ({ v, text: formatValue(v) }));
  const n = a.length;
  let b = new Array(n);
  let compares = 0;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(n, lo + width);
      const hi = Math.min(n, lo + 2 * width);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        b[k++] = compareCells(a[j].v, a[i].v, a[j].text, a[i].text) < 0 ? a[j++] : a[i++];
        if (++compares % STEP_COMPARES === 0) yield;
      }
      while (i < mid) b[k++] = a[i++];
      while (j < hi) b[k++] = a[j++];
    }
    [a, b] = [b, a];
  }
  yield;
  return ranksOfSorted(a);
}

// A function value -> rank over values() (`ranks`: valueRanks of them, when
// the caller has it); a value not ranked (a document renamed since) ranks
// them all again.
function rankLookup(values, ranks) {
  ranks = ranks || valueRanks(values());
  return (v) => {
    let r = ranks.get(v);
    if (r === undefined) { ranks = valueRanks(values()); r = ranks.get(v); }
    return r === undefined ? ranks.size : r;
  };
}

// The rank lookup of the group labels of a plugin's mentions `all`, over
// the labels of all its groups (those of filtered rows are among them).
function labelRanks(all, field) { return drain(labelRanksSteps(all, field)); }

// The rank lookup of column `key` of a plugin's mentions `all` (pluginMentions).
function columnRanks(all, key) {
  if (!all.ranks) all.ranks = new Map();
  let rank = all.ranks.get(key);
  if (!rank) {
    rank = rankLookup(() => all.map((x) => rowValue(x, key)));
    all.ranks.set(key, rank);
  }
  return rank;
}

// `items` in the order of rank(item) (dir 1 ascending, -1 descending), equal
// ranks in their order (a stable sort): keys rank·2^21 + index, sorted as
// numbers.
const RANK_INDEX = 2 ** 21;
function sortedByRank(items, rank, dir) {
  const n = items.length;
  if (n >= RANK_INDEX) {
    const r = items.map(rank);
    return items.map((x, i) => i).sort((a, b) => dir * (r[a] - r[b]) || a - b).map((i) => items[i]);
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = dir * rank(items[i]) * RANK_INDEX + i;
  keys.sort();
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    out[i] = items[((k % RANK_INDEX) + RANK_INDEX) % RANK_INDEX];
  }
  return out;
}

// Numbers as numbers, empty cells last, text by locale (ta, tb: the
// values' formatValue, when the caller has it).
function compareCells(a, b, ta, tb) {
  const ea = a === null || a === undefined || a === '';
  const eb = b === null || b === undefined || b === '';
  if (ea || eb) return ea - eb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return cellCollator.compare(ta === undefined ? formatValue(a) : ta, tb === undefined ? formatValue(b) : tb);
}
// The same order as localeCompare(b, undefined, {numeric: true}), without
// making a collator per comparison.
const cellCollator = new Intl.Collator(undefined, { numeric: true });

// ---- grouped tables: one row per place, person or speaker -------------------

// The field a plugin's rows group on: who said it (speaker), else who or
// what it names (name). By field presence, so rule plugins with a name
// field group too. Kept with a plugin's mentions `all` (pluginMentions):
// two scans of 20,000 mentions were 7 ms of each redraw.
function groupField(all) {
  if (all.groupField === undefined) {
    all.groupField = all.some((x) => 'speaker' in x.m) ? 'speaker' : all.some((x) => 'name' in x.m) ? 'name' : null;
  }
  return all.groupField;
}

function groupKey(x, field) {
  const v = x.m[field];
  if (v === null || v === undefined || v === '') return '';
  return field === 'name' && x.m.country ? `${v}|${x.m.country}` : String(v);
}

function groupLabel(x, field, key) {
  let label = key ? String(x.m[field]) : (field === 'speaker' ? 'speaker not identified' : 'unnamed');
  if (key && field === 'name' && x.m.country && x.m.type !== 'country') label += ` (${countryName(x.m.country)})`;
  return label;
}

// [{key, label, items, docs}] of the rows, in the order first seen.
function groupRows(rows, field) { return drain(groupRowsSteps(rows, field)); }
function* groupRowsSteps(rows, field) {
  const groups = new Map();
  for (let i = 0; i < rows.length; i++) {
    if (i % STEP_ITEMS === STEP_ITEMS - 1) yield;
    const x = rows[i];
    const key = groupKey(x, field);
    let g = groups.get(key);
    if (!g) {
      g = { key, label: groupLabel(x, field, key), items: [], docs: new Set() };
      groups.set(key, g);
    }
    g.items.push(x);
    g.docs.add(x.doc.id);
  }
  return Array.from(groups.values());
}

// labelRanks as steps.
function* labelRanksSteps(all, field) {
  if (!all.labelRanks || all.labelRanks.field !== field) {
    const labels = new Map();  // group key -> label
    for (let i = 0; i < all.length; i++) {
      const x = all[i];
      const key = groupKey(x, field);
      if (!labels.has(key)) labels.set(key, groupLabel(x, field, key));
      if (i % STEP_ITEMS === STEP_ITEMS - 1) yield;
    }
    const values = () => Array.from(labels.values());
    const ranks = yield* valueRanksSteps(values());
    all.labelRanks = { field, rank: rankLookup(values, ranks) };
  }
  return all.labelRanks.rank;
}

// Most sources first (or by `sort`), then most mentions, then by label;
// "not identified" last. rank: labelRanks of the plugin.
function sortGroups(groups, sort, rank) {
  const by = sort && sort.key;
  const dir = sort ? sort.dir : -1;
  for (const g of groups) g.rank = rank(g.label);
  const val = (g) => (by === 'group' ? g.rank : by === 'mentions' ? g.items.length : g.docs.size);
  return groups.sort((a, b) => {
    if (!a.key !== !b.key) return a.key ? -1 : 1;
    return dir * (val(a) - val(b)) || b.items.length - a.items.length || a.rank - b.rank;
  });
}

const GROUP_WORDS = { speaker: 'speaker', name: null };

// The grouped table of one plugin: group, mentions, sources (with a bar out
// of all analysed sources); a group row opens to its mentions.
function groupedTable(app, p, rows, columns, field) {
  const sources = app.docs.filter((d) => d.status === 'done' && !d.duplicateOf).length || 1;
  const what = GROUP_WORDS[field] || fieldLabel(p.name, field);
  const sort = app.groupSort[p.name];
  const sortKey = sort ? sort.key : 'sources';
  const sortDir = sort ? sort.dir : -1;
  const headCell = (key, label, cls) => el('th', {
    scope: 'col', class: cls || '', dataset: { key },
    'aria-sort': sortKey === key ? (sortDir > 0 ? 'ascending' : 'descending') : 'none',
  }, el('button', {
    type: 'button', class: 'th-sort', title: `Sort by ${label}`,
    onclick: () => {
      const s = app.groupSort[p.name];
      app.groupSort[p.name] = s && s.key === key ? { key, dir: -s.dir } : { key, dir: key === 'group' ? 1 : -1 };
      redrawTable(app, p.name);
    },
  }, label, sortKey === key ? (sortDir > 0 ? ' ▲' : ' ▼') : ''));
  const head = el('tr', {}, headCell('group', what), headCell('mentions', 'mentions', 'num'),
    headCell('sources', 'sources', 'num'), el('th', { scope: 'col' }, 'share of sources'));
  const groups = filteredGroups(app, p.name, rows, field);
  // A group row, then its mention rows when it is open. A long table is
  // drawn as a window over these entries (vtable.js), rows built on demand.
  const entries = [];
  for (const g of groups) {
    const openKey = `${p.name}|${g.key}`;
    const open = app.openGroups.has(openKey);
    entries.push({ g, open });
    if (open) {
      // A mention row shows what differs within its group, not the place's
      // country and coordinates again on every line.
      const detailCols = columns.filter((k) => k !== field && k !== 'document' && k !== 'text'
        && new Set(g.items.map((x) => JSON.stringify(x.m[k]))).size > 1);
      for (const x of g.items) entries.push({ g, x, detailCols });
    }
  }
  const toggle = (g) => {
    const openKey = `${p.name}|${g.key}`;
    if (app.openGroups.has(openKey)) app.openGroups.delete(openKey);
    else app.openGroups.add(openKey);
    redrawTable(app, p.name);
    const section = `#all-tables section[data-plugin="${CSS.escape(p.name)}"]`;
    const v = app.virtualTables[p.name];
    if (v) v.scrollToIndex(v.items.findIndex((e) => !e.x && e.g.key === g.key));
    const again = document.querySelector(`${section} tr.group-row[data-group="${CSS.escape(g.key)}"]`);
    if (again) again.focus();
  };
  const groupRow = ({ g, open }) => el('tr', {
    class: 'group-row', tabIndex: -1, dataset: { group: g.key, mentions: g.items.length, sources: g.docs.size },
    'aria-level': '1', 'aria-expanded': String(open), title: open ? 'Hide the mentions' : 'Show the mentions',
  },
    el('td', { class: 'group-name' }, el('span', { class: 'disclosure', 'aria-hidden': 'true' }, open ? '▾ ' : '▸ '), g.label),
    el('td', { class: 'num' }, formatCount(g.items.length)),
    el('td', { class: 'num' }, formatCount(g.docs.size)),
    el('td', { class: 'bar-cell' }, el('span', { class: 'bar', 'aria-hidden': 'true' },
      el('span', { style: { width: `${Math.round(100 * Math.min(1, g.docs.size / sources))}%`, background: pluginColor(app.plugins.indexOf(p)).line } })),
    el('span', { class: 'bar-text' }, `${g.docs.size} of ${sources}`)));
  const memberRow = ({ x, detailCols }) => el('tr', {
    class: 'member-row' + (x.repeat ? ' repeat-row' : ''), tabIndex: -1, title: 'Show in the text', 'aria-level': '2',
    dataset: { doc: x.doc.id, id: x.id },
  }, el('td', { colSpan: 4 }, el('span', { class: 'member' },
    el('span', { class: 'member-doc' }, x.doc.name), ' · ', el('span', { class: 'mention-text' }, `“${x.m.text}”`),
    ...detailCols.map((k) => {
      const t = fieldText(p.name, k, x.m[k], x.m);
      return t ? el('span', { class: 'muted' }, ` · ${fieldLabel(p.name, k)}: ${t}`) : null;
    }))));
  const makeRow = (e) => (e.x ? memberRow(e) : groupRow(e));
  const tbody = el('tbody', {});
  // A group row opens and closes (a click, Enter, Space, ArrowRight when
  // closed, ArrowLeft when open, on the row itself); a mention row opens its
  // span (a click, Enter).
  const byKey = new Map(groups.map((g) => [g.key, g]));
  delegateRows(tbody, ['Enter', ' ', 'ArrowRight', 'ArrowLeft'], (tr, ev) => {
    if (!tr.classList.contains('group-row')) {
      if (ev.type === 'click' || ev.key === 'Enter') openMention(Number(tr.dataset.doc), Number(tr.dataset.id));
      return;
    }
    const g = byKey.get(tr.dataset.group);
    if (ev.type === 'click') { toggle(g); return; }
    if (ev.target !== tr) return;
    const open = tr.getAttribute('aria-expanded') === 'true';
    if (ev.key === 'Enter' || ev.key === ' ' || (ev.key === 'ArrowRight' && !open) || (ev.key === 'ArrowLeft' && open)) { ev.preventDefault(); toggle(g); }
  });
  const virtual = entries.length > ALL_ROW_LIMIT ? { tbody, rows: entries, makeRow, columns: 4 } : null;
  if (!virtual) {
    tbody.append(...entries.map(makeRow));
    rovingRows(tbody);
  }
  // A tree grid: group rows open to their mention rows (aria-expanded).
  const table = el('table', { class: 'grouped', role: 'treegrid', 'aria-label': `${p.name} grouped by ${what}`, 'aria-rowcount': String(entries.length + 1) },
    el('thead', {}, head), tbody);
  return { table, count: groups.length, virtual };
}

function renderAllTables(app) {
  const box = document.getElementById('all-tables');
  renderDocFilter(app);
  const chip = document.getElementById('filter-place');
  chip.hidden = !app.filter.place;
  if (app.filter.place) {
    chip.replaceChildren(`place: ${app.filter.place.name} (${app.filter.place.docs.size} documents) `,
      el('button', { type: 'button', class: 'chip-x', title: 'Remove the place filter', 'aria-label': 'Remove the place filter',
        onclick: () => setPlaceFilter(null) }, '×'));
  }
  box.replaceChildren();
  if (!app.model.mentions.length) {
    box.append(el('p', { class: 'muted' }, 'No results yet: add documents on the left.'));
    return;
  }
  const virtual = [];
  app.plugins.forEach((p, i) => {
    const t = pluginSection(app, p, i);
    if (!t) return;
    box.append(t.section);
    if (t.virtual) virtual.push(t.virtual);
  });
  prepareSearch(app);
  app.virtualTables = {};
  for (const v of virtual) startVirtual(app, v);
}

// One plugin's table drawn again, the others left as they are (a sort, a
// group opened, grouping switched: with 1,000 documents, drawing all four
// tables again was most of a sort's 100-170 ms). The focus goes back to
// the header button it was on.
function redrawTable(app, plugin) {
  const old = document.querySelector(`#all-tables section[data-plugin="${CSS.escape(plugin)}"]`);
  const i = app.plugins.findIndex((p) => p.name === plugin);
  if (!old || i < 0) { renderAllTables(app); return; }
  const t = pluginSection(app, app.plugins[i], i);
  if (!t) { renderAllTables(app); return; }
  const focused = old.contains(document.activeElement) ? document.activeElement : null;
  const th = focused && focused.closest('th[data-key]');
  const again = focused && (th ? `th[data-key="${CSS.escape(th.dataset.key)}"] button` : focused.classList.contains('group-toggle') ? '.group-toggle' : null);
  old.replaceWith(t.section);
  delete app.virtualTables[plugin];
  if (t.virtual) startVirtual(app, t.virtual);
  if (again) {
    const target = t.section.querySelector(again);
    if (target) target.focus({ preventScroll: true });
  }
}

function startVirtual(app, v) {
  app.virtualTables[v.plugin] = Object.assign({ items: v.rows }, virtualRows(v.tbody.closest('.table-wrap'), v.tbody, v.rows, v.makeRow, v.columns, v.kind));
}

// The section of one plugin's cross-document table: {section, virtual}
// (virtual: the rows to draw as a window once the section is on the page),
// or null when the plugin found nothing.
function pluginSection(app, p, i) {
  const all = pluginMentions(app, p.name);
  if (!all.length) return null;
  const columns = ['document', 'text', ...visibleKeys(p.name, pluginFieldKeys(all))];
  app.columns[p.name] = columns;
  const rows = filteredRows(app, p.name);
  const field = groupField(all);
  const grouped = field && !app.ungrouped.has(p.name);
  let table;
  let counted;
  let virtual = null;
  if (grouped) {
    const g = groupedTable(app, p, rows, columns, field);
    table = g.table;
    counted = `${formatCount(g.count)} ${field === 'speaker' ? 'speakers' : 'names'} · ${formatCount(rows.length)} of ${formatCount(all.length)} mentions`;
    if (g.virtual) virtual = Object.assign({ plugin: p.name, kind: `group:${p.name}` }, g.virtual);
  } else {
    const sort = app.sort[p.name];
    const head = el('tr', {}, ...columns.map((k) => el('th', {
      scope: 'col', dataset: { key: k },
      'aria-sort': sort && sort.key === k ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none',
    }, el('button', { type: 'button', class: 'th-sort', title: `Sort by ${fieldLabel(p.name, k)}`, onclick: () => sortBy(p.name, k) },
      fieldLabel(p.name, k), sort && sort.key === k ? (sort.dir > 0 ? ' ▲' : ' ▼') : ''))));
    const makeRow = (x) => el('tr', {
      class: x.repeat ? 'repeat-row' : '', tabIndex: -1, title: 'Show in the text',
      dataset: { doc: x.doc.id, id: x.id },
    }, ...columns.map((k) => {
      if (k === 'document') return el('td', { class: 'doc-cell' }, x.doc.name);
      if (k === 'text') return el('td', { class: 'mention-text' }, x.m.text);
      return fieldCell(p.name, k, x.m);
    }));
    const tbody = el('tbody', {});
    delegateRows(tbody, ['Enter'], (tr) => openMention(Number(tr.dataset.doc), Number(tr.dataset.id)));
    table = el('table', { 'aria-label': `${p.name} results`, 'aria-rowcount': String(rows.length + 1) }, el('thead', {}, head), tbody);
    // Long tables are drawn as a window over the rows (vtable.js).
    if (rows.length > ALL_ROW_LIMIT) virtual = { plugin: p.name, kind: `all:${p.name}`, tbody, rows, makeRow, columns: columns.length };
    else {
      tbody.append(...rows.map(makeRow));
      rovingRows(tbody);
    }
    counted = `${formatCount(rows.length)} of ${formatCount(all.length)} rows`;
  }
  const section = el('section', { class: 'plugin-table all' + (grouped ? ' is-grouped' : ''), dataset: { plugin: p.name } },
    el('div', { class: 'table-head' },
      el('h3', {}, swatch(i), p.name, el('span', { class: 'muted' }, ` ${counted}`)),
      el('span', { class: 'table-actions' },
        field && el('button', {
          type: 'button', class: 'small group-toggle', 'aria-pressed': String(!!grouped),
          onclick: () => { if (grouped) app.ungrouped.add(p.name); else app.ungrouped.delete(p.name); redrawTable(app, p.name); },
        }, `One row per ${field === 'speaker' ? 'speaker' : fieldLabel(p.name, 'name')}`),
        el('button', { type: 'button', class: 'small copy', onclick: (ev) => copyTable(app, p.name, ev.target) }, 'Copy table'),
        el('button', { type: 'button', class: 'small csv', title: `The ${p.name} rows the filters leave, CLI CSV columns`, onclick: () => exportCsv(app, p.name) }, 'CSV'))),
    el('div', { class: 'table-wrap' }, table));
  return { section, virtual };
}

// The document filter's options, built again only when the documents or
// their names change (a list of 1,000 options costs a layout each time).
let docFilterKey = '';
// The text filter reads each row's cells as shown (searchText): computed
// for every mention in the background, a few milliseconds at a time, so
// that the first keystroke does not format 100,000 rows at once. Slices of
// a fixed number of rows were tasks of 25-120 ms on a loaded machine.
// They run as ordinary tasks between the user's (scheduler.postTask puts
// input first): idle callbacks, and background tasks too, waited for a
// quiet moment that a user clicking around after a run did not leave, and
// the first Tables view or filter then did all the work itself.
const IDLE_SLICE_MS = 8;
let searchWarm = 0;
let searchReadyFor = null;  // the model's mentions whose texts are all made
function whenIdle(fn) {
  if (window.scheduler && scheduler.postTask) scheduler.postTask(() => fn(null), { priority: 'user-visible' });
  else if (window.requestIdleCallback) requestIdleCallback(fn, { timeout: 2000 });
  else setTimeout(() => fn(null), 0);
}
function sliceUntil(deadline) {
  const budget = deadline && !deadline.didTimeout ? Math.min(IDLE_SLICE_MS, deadline.timeRemaining()) : IDLE_SLICE_MS;
  return performance.now() + Math.max(1, budget);
}
function prepareSearch(app) {
  const mentions = app.model.mentions;
  if (searchReadyFor === mentions) return;  // each redraw asked again
  const run = ++searchWarm;
  let i = 0;
  const slice = (deadline) => {
    if (run !== searchWarm || mentions !== app.model.mentions) return;
    const until = sliceUntil(deadline);
    while (i < mentions.length) {
      const end = Math.min(mentions.length, i + 50);
      for (; i < end; i++) searchText(mentions[i].m);
      if (performance.now() >= until) break;
    }
    if (i < mentions.length) whenIdle(slice); else searchReadyFor = mentions;
  };
  whenIdle(slice);
}

// The cross-document tables' data, made ready while the page is idle
// after a run (the mentions by plugin, their columns, the rows, the group
// labels' sort order and the groups
// of the filters as they are), a step per plugin: the first Tables view
// then only draws (with 1,000 documents this was 100-200 ms of it). Not for
// a model over WARM_MAX_MENTIONS (a 50 MB text): one step would be a long
// task of its own, which the view is not.
const WARM_MAX_MENTIONS = 200000;
let tablesWarm = 0;
function warmTables(app) {
  const run = ++tablesWarm;
  // The filters the steps start from (they are changed in the Tables view,
  // which stops the steps anyway).
  const f = app.filter;
  const filters = [f, f.text, f.doc, f.place, app.hideRepeats];
  const same = () => [app.filter, app.filter.text, app.filter.doc, app.filter.place, app.hideRepeats].every((v, i) => v === filters[i]);
  const steps = (function* () {
    const count = app.docs.reduce((n, d) => n + (d.status === 'done' ? d.result.mentions.length : 0), 0);
    if (count > WARM_MAX_MENTIONS) return;
    refreshModel();
    yield;
    if (!app.model.byPlugin) yield* splitByPlugin(app.model);
    for (const p of app.plugins) {
      const all = pluginMentions(app, p.name);
      if (!all.length) continue;
      const keys = yield* fieldKeysSteps(all);
      app.columns[p.name] = ['document', 'text', ...visibleKeys(p.name, keys)];
      yield;
      const rows = yield* filteredRowsSteps(app, p.name);
      const field = groupField(all);
      if (field) { yield; yield* labelRanksSteps(all, field); }
      if (field && !app.ungrouped.has(p.name)) { yield; yield* filteredGroupsSteps(app, p.name, rows, field); }
      yield;
    }
    prepareSearch(app);
  })();
  const step = (deadline) => {
    if (run !== tablesWarm || app.tab === 'tables' || !same()) return;  // the view draws them itself
    const until = sliceUntil(deadline);
    while (!steps.next().done) if (performance.now() >= until) { whenIdle(step); return; }
  };
  whenIdle(step);
}

// The options are filled while the page is idle after the view is drawn
// (or at once when the select is focused or pressed): 1,000 options were
// 120-290 ms of the first Tables view's layout on this machine, even with
// the select's width fixed (style.css) some 30 ms. Until then it holds
// "All documents" and the document picked.
let docFilterFill = null;  // the options waiting to be put in
function renderDocFilter(app) {
  const sel = document.getElementById('filter-doc');
  const want = app.filter.doc;
  const docs = app.docs.filter((d) => d.status === 'done');
  const key = docs.map((d) => `${d.id}\u0001${d.name}`).join('\u0002');
  if (key !== docFilterKey || !sel.options.length) {
    docFilterKey = key;
    const option = (d) => el('option', { value: String(d.id) }, d.name);
    const fill = () => {
      if (docFilterFill !== fill) return;
      docFilterFill = null;
      const value = sel.value;
      sel.replaceChildren(el('option', { value: '' }, 'All documents'), ...docs.map(option));
      sel.value = value;
    };
    docFilterFill = fill;
    if (!sel.dataset.wired) {
      sel.dataset.wired = '1';
      for (const type of ['focus', 'pointerdown', 'mousedown']) sel.addEventListener(type, () => { if (docFilterFill) docFilterFill(); });
    }
    const picked = docs.find((d) => String(d.id) === want);
    sel.replaceChildren(el('option', { value: '' }, 'All documents'), ...(picked ? [option(picked)] : []));
    if (document.activeElement === sel) fill();
    // An idle period, not a background task: the options' layout is one long task.
    else requestAnimationFrame(() => setTimeout(() => (window.requestIdleCallback ? requestIdleCallback(fill, { timeout: 2000 }) : fill()), 0));
  }
  sel.value = want;
  if (sel.value !== want) app.filter.doc = '';
}

function sortBy(plugin, key) {
  const s = app.sort[plugin];
  app.sort[plugin] = s && s.key === key ? { key, dir: -s.dir } : { key, dir: 1 };
  redrawTable(app, plugin);
}

// Tab-separated rows of the table as filtered and sorted: pastes into a
// spreadsheet as cells.
function tableText(app, plugin) {
  const cols = app.columns[plugin];
  const clean = (s) => s.replace(/[\t\r\n]+/g, ' ');
  return [cols.join('\t'), ...filteredRows(app, plugin).map((x) => rowCells(x, cols).map(clean).join('\t'))].join('\n') + '\n';
}

function copyTable(app, plugin, button) {
  const text = tableText(app, plugin);
  app.lastCopy = text;
  const done = (ok) => {
    button.textContent = ok ? 'Copied' : 'Copy failed';
    setTimeout(() => { button.textContent = 'Copy table'; }, 1500);
  };
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(text).then(() => done(true), () => done(legacyCopy(text)));
  } else done(legacyCopy(text));
}

// execCommand fallback for browsers that refuse the clipboard API on file://.
function legacyCopy(text) {
  const area = el('textarea', { value: text, style: { position: 'fixed', opacity: '0' } });
  document.body.append(area);
  area.select();
  let ok = false;
  try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
  area.remove();
  return ok;
}

function csvCell(v) {
  const s = formatValue(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// The CLI's CSV (document, plugin, start, end, text, then the fields) of the
// rows the filters leave (text, document, place, hide repeats), in the
// table's order, all of them (not only those drawn). A UTF-8 byte-order mark
// first, or Excel reads ’ and é as two or three odd characters.
function exportCsv(app, plugin) {
  const rows = filteredRows(app, plugin);
  const all = pluginMentions(app, plugin);
  const keys = pluginFieldKeys(all).filter((k) => k !== 'start16' && k !== 'end16');
  const lines = [['document', 'plugin', 'start', 'end', 'text', ...keys].map(csvCell).join(',')];
  for (const x of rows) {
    lines.push([x.doc.name, plugin, x.m.start, x.m.end, x.m.text, ...keys.map((k) => x.m[k])].map(csvCell).join(','));
  }
  download(`newslens-${plugin}.csv`, '\ufeff' + lines.join('\n') + '\n', 'text/csv;charset=utf-8');
}

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);  // the download holds its own reference
}

// ---- numbers across sources ------------------------------------------------

function sourceButton(x, label) {
  return el('button', { type: 'button', class: 'link', title: `Show in ${x.doc.name}`, onclick: () => openMention(x.doc.id, x.id) }, label);
}

// renderNumberGroups, its headline and timeline: numbers_view.js.

// "CSV" and "JSON" buttons for one group or all of them; records() gives
// the rows (numberGroupRecords / quoteGroupRecords in compare.js).
function groupExports(kind, name, records) {
  const label = name.includes('group-') ? 'this group' : 'every group';
  return el('span', { class: 'group-exports' },
    el('button', { type: 'button', class: 'small group-csv', title: `Download ${label} as CSV`,
      onclick: () => download(`newslens-${name}.csv`, recordsCsv(records()), 'text/csv;charset=utf-8') }, label === 'this group' ? 'CSV' : 'All groups: CSV'),
    el('button', { type: 'button', class: 'small group-json', title: `Download ${label} as JSON`,
      onclick: () => download(`newslens-${name}.json`, JSON.stringify(records(), null, 2) + '\n', 'application/json') }, 'JSON'));
}

// ---- quotes across sources -------------------------------------------------

function renderQuoteGroups(app) {
  const box = document.getElementById('quote-groups');
  const groups = app.model.quotes;
  box.replaceChildren();
  if (!groups.length) {
    box.append(el('p', { class: 'muted' }, 'No quotation found in two sources yet.'));
    return;
  }
  box.append(groupExports('quotes', 'quote-groups', () => groups.flatMap((g, n) => quoteGroupRecords(g, n + 1))));
  groups.forEach((g, gi) => {
    const speakers = g.speakers.length
      ? g.speakers.map((s) => `${s.name} (${s.docs.size} source${s.docs.size > 1 ? 's' : ''})`).join(' · ')
      : 'speaker not identified';
    box.append(el('section', { class: 'group quote-group' + (g.conflict ? ' spread' : ''), dataset: { sources: g.sources } },
      el('blockquote', {}, `“${g.text}”`),
      el('p', { class: 'speakers' }, '— ', speakers,
        g.conflict && el('span', { class: 'flag', title: 'Sources attribute this quote to different people' }, 'different speakers')),
      groupExports('quotes', `quote-group-${gi + 1}`, () => quoteGroupRecords(g, gi + 1)),
      sourceList(g)));
  });
}

// The sources of a quote group: one tab stop, the arrow keys between them.
function sourceList(g) {
  const list = el('ul', { class: 'sources', 'aria-label': 'Sources of this quotation' }, ...g.members.map((x) => el('li', {},
    sourceButton(x, x.doc.name), ': ',
    el('span', { class: 'muted' }, x.m.speaker ? `${x.m.speaker}${x.m.verb ? ' ' + x.m.verb : ''}` : 'no speaker'),
    x.m.text !== g.text ? el('span', { class: 'variant' }, ` — “${x.m.text}”`) : null)));
  rovingItems(list, 'button.link');
  return list;
}

// ---- places ----------------------------------------------------------------

const SVG_NS = 'http://www.w3.org/2000/svg';
function svg(tag, attrs, ...children) {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  for (const c of children) if (c) e.append(c);
  return e;
}

// The map (web/page/map.js), then the table of places.
function renderPlaces(app) {
  renderMap(app);
  const places = app.model.places;
  const selected = app.filter.place ? app.filter.place.key : null;
  const table = document.getElementById('place-table');
  if (!places.length) { table.replaceChildren(el('p', { class: 'muted' }, 'No places yet.')); return; }
  const rows = places.slice().sort((a, b) => b.docs.size - a.docs.size || b.mentions - a.mentions).slice(0, 300).map((p) => el('tr', {
    class: p.key === selected ? 'selected' : '', tabIndex: -1, title: 'Filter the tables to this place',
    onclick: () => setPlaceFilter(p), onkeydown: (ev) => { if (ev.key === 'Enter') setPlaceFilter(p); },
  }, el('td', {}, p.name), el('td', {}, countryName(p.country)), el('td', {}, formatValue(p.type)),
  el('td', { class: 'num' }, String(p.docs.size)), el('td', { class: 'num' }, String(p.mentions)),
  el('td', {}, typeof p.lat === 'number' ? 'yes' : 'no coordinates')));
  const body = el('tbody', {}, ...rows);
  rovingRows(body);
  table.replaceChildren(el('div', { class: 'table-wrap' }, el('table', { 'aria-label': 'Places' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'place'), el('th', { scope: 'col' }, 'country'), el('th', { scope: 'col' }, 'type'),
      el('th', { scope: 'col', class: 'num' }, 'sources'), el('th', { scope: 'col', class: 'num' }, 'mentions'), el('th', { scope: 'col' }, 'on map'))),
    body)));
}
