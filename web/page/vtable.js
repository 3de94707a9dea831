// A long table drawn as a window: only the rows in view of its scrolling
// box (and a margin) are in the DOM, spacer rows stand for the others, so
// 50,000 rows scroll as smoothly as 50. Keyboard as in rovingRows (a11y.js):
// the table is one tab stop and the arrow keys, PageUp/Down, Home and End
// move through all the rows, drawn or not.
'use strict';

const VIRTUAL_OVERSCAN = 15;   // rows drawn above and below the view (each costs layout on every redraw)
// The average row height of each kind of table ('all:quotes', 'doc:numbers'...),
// measured once: a table drawn again (a filter, a sort, another document)
// starts right and reads no layout; a new kind starts from the last measured.
const rowHeights = new Map();
let lastRowHeight = 26;

// The first measure of new tables, all in one animation frame: every table
// read first, then those whose estimate was off drawn again (a read after
// another table's change laid the whole view out once per table).
const pendingMeasures = [];
function measureAtNextFrame(table) {
  if (!pendingMeasures.length) requestAnimationFrame(runMeasures);
  pendingMeasures.push(table);
}
function runMeasures() {
  const tables = pendingMeasures.splice(0);
  const changed = tables.map((t) => t.read());
  tables.forEach((t, i) => { if (changed[i]) t.write(); });
}

// wrap: the scrolling element; tbody: the table's body; items: the data;
// makeRow(item, index) -> <tr>; kind: what its rows look like (their
// height is remembered by it). Returns {redraw, scrollToIndex}.
function virtualRows(wrap, tbody, items, makeRow, columns, kind) {
  const known = kind ? rowHeights.get(kind) : undefined;
  const st = { start: 0, end: 0, rh: known || lastRowHeight, active: 0, sampled: known !== undefined, laidOut: false };
  const spacer = (h, cls) => el('tr', { class: `spacer ${cls}`, 'aria-hidden': 'true' },
    el('td', { colSpan: columns, style: { height: `${Math.max(0, Math.round(h))}px`, padding: '0', border: '0' } }));
  const headHeight = () => { const h = wrap.querySelector('thead'); return h ? h.offsetHeight : 0; };

  // The first drawing reads no layout (each read laid out the whole view
  // again, with every table in it): a new table is scrolled to the top and
  // its box is at most 60vh high (style.css). The rows are measured at the
  // next frame, once the browser has laid them out anyway.
  function draw(force) {
    const view = st.laidOut ? (wrap.clientHeight || 600) : Math.max(200, Math.round(window.innerHeight * 0.6));
    const top = st.laidOut ? Math.max(0, wrap.scrollTop - headHeight()) : 0;
    const first = Math.max(0, Math.floor(top / st.rh) - VIRTUAL_OVERSCAN);
    const last = Math.min(items.length, Math.ceil((top + view) / st.rh) + VIRTUAL_OVERSCAN);
    if (!force && first === st.start && last === st.end) return;
    const focused = tbody.contains(document.activeElement) && document.activeElement.dataset.index;
    // Scroll anchoring on the active row: rows that wrap are taller than the
    // spacers guess, so drawing another window moves what is on screen; the
    // active row is kept where it was (the browser's own anchoring does not
    // see rows replaced).
    const anchor = st.laidOut ? tbody.querySelector(`tr[data-index="${st.active}"]`) : null;
    const anchorTop = anchor ? anchor.getBoundingClientRect().top : null;
    st.start = first;
    st.end = last;
    const rows = [spacer(first * st.rh, 'before')];
    for (let i = first; i < last; i++) {
      const tr = makeRow(items[i], i);
      tr.dataset.index = String(i);
      tr.tabIndex = i === st.active ? 0 : -1;
      tr.setAttribute('aria-rowindex', String(i + 2));  // the header row is 1
      rows.push(tr);
    }
    rows.push(spacer((items.length - last) * st.rh, 'after'));
    tbody.replaceChildren(...rows);
    if (st.laidOut && !st.sampled && measure()) { draw(true); return; }
    if (focused !== false && focused !== undefined) {
      const again = tbody.querySelector(`tr[data-index="${focused}"]`);
      if (again) again.focus({ preventScroll: true });
    }
    if (anchorTop !== null) {
      const again = tbody.querySelector(`tr[data-index="${st.active}"]`);
      const shift = again ? again.getBoundingClientRect().top - anchorTop : 0;
      if (Math.abs(shift) >= 1) {
        const was = wrap.scrollTop;
        wrap.scrollTop = was + shift;
        st.anchored = wrap.scrollTop !== was;  // its scroll event is ours (none when nothing moved)
      }
    }
  }

  // The row height, once real rows are drawn (rows wrap, so it is an
  // average: the spacers are estimates, the drawn rows exact). True when it
  // changed.
  function measure() {
    const drawn = st.end - st.start;
    if (st.sampled || drawn <= 0) return false;
    const h = tbody.offsetHeight - tbody.rows[0].offsetHeight - tbody.rows[tbody.rows.length - 1].offsetHeight;
    if (h <= 0) return false;
    st.sampled = true;
    const rh = Math.max(18, h / drawn);
    lastRowHeight = rh;
    if (kind) rowHeights.set(kind, rh);
    if (Math.abs(rh - st.rh) <= 0.5) return false;
    st.rh = rh;
    return true;
  }

  // Scrolls row i into view and (unless focus is false) focuses it.
  function scrollToIndex(i, focus) {
    st.active = i;
    st.laidOut = true;
    // Rows never measured (a table out of view when drawn): measured first,
    // so that the scroll position below and the window drawn agree.
    if (!st.sampled) measure();
    const row = tbody.querySelector(`tr[data-index="${i}"]`);
    if (row) {
      row.scrollIntoView({ block: 'nearest' });
    } else {
      wrap.scrollTop = headHeight() + i * st.rh - wrap.clientHeight / 2;
    }
    draw(true);
    const again = tbody.querySelector(`tr[data-index="${i}"]`);
    if (again) {
      for (const r of tbody.querySelectorAll('tr[tabindex="0"]')) if (r !== again) r.tabIndex = -1;
      again.tabIndex = 0;
      if (focus !== false) again.focus({ preventScroll: false });
    }
  }

  let pending = false;
  wrap.addEventListener('scroll', () => {
    if (st.anchored) { st.anchored = false; return; }  // draw() moved it back: the window is right
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; st.laidOut = true; draw(false); });
  });
  tbody.addEventListener('focusin', (ev) => {
    const row = ev.target.closest && ev.target.closest('tr[data-index]');
    if (row) st.active = Number(row.dataset.index);
  });
  tbody.addEventListener('keydown', (ev) => {
    const row = ev.target.closest && ev.target.closest('tr[data-index]');
    if (!row || ev.target !== row) return;
    const page = Math.max(1, Math.floor(wrap.clientHeight / st.rh) - 1);
    const j = rowStep(ev.key, Number(row.dataset.index), items.length, page);
    if (j === null) return;
    ev.preventDefault();
    scrollToIndex(j);
  });
  draw(true);
  // Until it is scrolled the table is at its top and its box at most 60vh
  // high (draw's estimate): only a row height never measured needs a look,
  // on screen (a table out of view skips layout, style.css: reading its
  // rows would lay it out; it is measured when first scrolled, in draw).
  if (!st.sampled) {
    measureAtNextFrame({
      read: () => {
        if (!wrap.isConnected) return false;
        const r = wrap.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight && measure();
      },
      write: () => draw(true),
    });
  }
  return { redraw: () => { st.laidOut = true; draw(true); }, scrollToIndex };
}
