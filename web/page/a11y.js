// Keyboard patterns shared by the views: tables with one tab stop and the
// arrow keys between rows (roving tabindex), and the view tabs as in the
// WAI-ARIA tabs pattern (arrows, Home, End; only the selected tab is a tab
// stop; each tab controls its panel).
'use strict';

// Rows of `tbody` become one tab stop: the row last focused (the first one to
// begin with) has tabindex 0, the others -1; ArrowUp/Down, Home/End and
// PageUp/Down move between rows. Enter and Space are left to the rows.
function rovingRows(tbody) {
  const rows = () => Array.from(tbody.rows).filter((r) => !r.hidden);
  const all = rows();
  all.forEach((r, i) => { r.tabIndex = i === 0 ? 0 : -1; });
  if (tbody.dataset.roving) return;
  tbody.dataset.roving = '1';
  tbody.addEventListener('focusin', (ev) => {
    const row = ev.target.closest && ev.target.closest('tr');
    if (!row || row.parentElement !== tbody) return;
    for (const r of tbody.rows) if (r !== row && r.tabIndex === 0) r.tabIndex = -1;
    row.tabIndex = 0;
  });
  tbody.addEventListener('keydown', (ev) => {
    const row = ev.target.closest && ev.target.closest('tr');
    if (!row || row.parentElement !== tbody || ev.target !== row) return;
    const list = rows();
    const j = rowStep(ev.key, list.indexOf(row), list.length, 10);
    if (j === null) return;
    ev.preventDefault();
    const next = list[j];
    if (next) { row.tabIndex = -1; next.tabIndex = 0; next.focus(); }
  });
}

// Focusable items of `box` (buttons in a list, points of a chart) become one
// tab stop, as rovingRows does for rows: the arrow keys (`keys`, default all
// four), Home and End move between them.
function rovingItems(box, selector, keys) {
  const items = () => Array.from(box.querySelectorAll(selector));
  items().forEach((e, i) => { e.tabIndex = i === 0 ? 0 : -1; });
  const back = new Set(keys ? [keys[0]] : ['ArrowUp', 'ArrowLeft']);
  const on = new Set(keys || ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);
  box.addEventListener('focusin', (ev) => {
    const list = items();
    const item = list.find((e) => e === ev.target);
    if (!item) return;
    for (const e of list) e.tabIndex = e === item ? 0 : -1;
  });
  box.addEventListener('keydown', (ev) => {
    const list = items();
    const i = list.indexOf(ev.target);
    if (i < 0) return;
    let j = null;
    if (on.has(ev.key)) j = back.has(ev.key) ? i - 1 : i + 1;
    else if (ev.key === 'Home') j = 0;
    else if (ev.key === 'End') j = list.length - 1;
    if (j === null) return;
    ev.preventDefault();
    const next = list[Math.max(0, Math.min(list.length - 1, j))];
    next.focus();
  });
}

// The row a key moves to from row i of n (page: rows per PageUp/Down), or
// null for other keys.
function rowStep(key, i, n, page) {
  const to = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: n - 1, PageDown: i + page, PageUp: i - page }[key];
  return to === undefined ? null : Math.max(0, Math.min(n - 1, to));
}

// The view tabs: role=tab buttons in a role=tablist, panels with
// role=tabpanel. select(name) is the page's own tab switch.
function wireTabs(select) {
  const list = document.querySelector('.tabs[role=tablist]');
  if (!list) return;
  const tabs = Array.from(list.querySelectorAll('[role=tab]'));
  for (const t of tabs) {
    const panel = document.getElementById(`tab-${t.dataset.tab}`);
    t.id = `tab-button-${t.dataset.tab}`;
    t.setAttribute('aria-controls', panel.id);
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', t.id);
  }
  syncTabs();
  list.addEventListener('keydown', (ev) => {
    const i = tabs.indexOf(ev.target);
    if (i < 0) return;
    let j = null;
    if (ev.key === 'ArrowRight') j = (i + 1) % tabs.length;
    else if (ev.key === 'ArrowLeft') j = (i - 1 + tabs.length) % tabs.length;
    else if (ev.key === 'Home') j = 0;
    else if (ev.key === 'End') j = tabs.length - 1;
    if (j === null) return;
    ev.preventDefault();
    tabs[j].focus();
    select(tabs[j].dataset.tab);  // automatic activation: the views draw fast enough
  });
}

// Only the selected tab takes Tab; call after any tab change.
function syncTabs() {
  for (const t of document.querySelectorAll('.tabs [role=tab]')) {
    const on = t.getAttribute('aria-selected') === 'true';
    t.tabIndex = on ? 0 : -1;
  }
}

// Skip links move the focus (and the view) to their target without touching
// the address: the target takes focus for that (tabindex -1).
document.addEventListener('click', (ev) => {
  const a = ev.target.closest && ev.target.closest('a.skip-link');
  if (!a) return;
  const target = document.getElementById(a.getAttribute('href').slice(1));
  if (!target) return;
  ev.preventDefault();
  if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'start' });
});
