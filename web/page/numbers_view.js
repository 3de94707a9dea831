// The "Numbers across sources" view: one section per group of figures that
// count the same thing (the core's comparison, compare.js), ranked by
// sources; groups with fewer than three sources or no shared story folded
// behind "N more groups"; each with a sentence saying what happened, a
// timeline (plain SVG), its exports, its sources, and the user's edits:
// dismiss a group, merge two, split a merge, restore a dismissed one
// (app.groupEdits, saved with the workspace).
'use strict';

function renderNumberGroups(app) {
  const box = document.getElementById('number-groups');
  const { groups, dismissed } = editedNumberGroups(app.model.numbers || [], app.groupEdits);
  box.replaceChildren();
  if (!groups.length && !dismissed.length) {
    box.append(el('p', { class: 'muted' }, 'No figures shared by two sources yet.'));
    return;
  }
  box.append(groupExports('numbers', 'number-groups', () => groups.flatMap((g, n) => numberGroupRecords(g, n + 1))));
  const sure = groups.filter(sureGroup);
  const unsure = groups.filter((g) => !sureGroup(g));
  groups.forEach((g, i) => { g.number = i + 1; });
  if (!sure.length) box.append(el('p', { class: 'muted' }, `No group has ${SURE_SOURCES} sources or more in one story.`));
  for (const g of sure) box.append(numberGroupSection(app, g, groups));
  if (unsure.length) {
    const open = !!app.showAllGroups;
    const id = 'more-number-groups';
    box.append(el('button', {
      type: 'button', class: 'more-groups', 'aria-expanded': String(open), 'aria-controls': id,
      onclick: () => { app.showAllGroups = !open; renderNumberGroups(app); const b = document.querySelector('#number-groups .more-groups'); if (b) b.focus(); },
    }, open ? `Fold the ${unsure.length} smaller groups` : `${unsure.length} more group${unsure.length === 1 ? '' : 's'} (fewer than ${SURE_SOURCES} sources, or no shared story)`));
    const more = el('div', { id, class: 'more-number-groups', hidden: !open });
    if (open) for (const g of unsure) more.append(numberGroupSection(app, g, groups));
    box.append(more);
  }
  if (dismissed.length) {
    box.append(el('details', { class: 'dismissed-groups' },
      el('summary', {}, `${dismissed.length} dismissed group${dismissed.length === 1 ? '' : 's'}`),
      el('ul', {}, ...dismissed.map((g) => el('li', { dataset: { family: g.family } },
        `${groupWhat(g)} · ${g.sources} sources · ${groupFigures(g).map((f) => f.f).join(' / ')} `,
        el('button', { type: 'button', class: 'small restore-group', onclick: () => editGroups(app, (e) => {
          e.dismissed = e.dismissed.filter((d) => d !== g.dismissedAs);
        }) }, 'Restore'))))));
  }
}

// "count of soldiers / deserters": the nouns as the sources wrote them.
function groupWhat(g) {
  const nouns = Array.from(new Set(g.figures.map((x) => String(x.m.unit || '').toLowerCase()).filter(Boolean)));
  return /money/.test(g.kind) ? `money (${g.family})` : `${g.kind} of ${nouns.join(' / ') || g.family}`;
}

// One entry per source and figure, by value: the same figure twice in one
// source (a headline and its body) counts once.
function groupFigures(g) {
  const order = g.figures.map((x, i) => i).sort((a, b) => g.figures[a].m.value - g.figures[b].m.value
    || g.figures[a].doc.name.localeCompare(g.figures[b].doc.name));
  const seen = new Set();
  const out = [];
  for (const i of order) {
    const x = g.figures[i];
    const f = formatFigure(x.m);
    const k = `${x.doc.id}|${f}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ x, f, c: g.claims[i] || {} });
  }
  return out;
}

// Changes app.groupEdits, saves the workspace, draws the view again.
function editGroups(app, change) {
  const e = cleanGroupEdits(app.groupEdits);
  change(e);
  app.groupEdits = e;
  markMetaDirty();
  renderNumberGroups(app);
}

function numberGroupSection(app, g, groups) {
  const line = groupFigures(g);
  const summary = [];
  line.forEach(({ x, f }, n) => {
    if (n) summary.push(el('span', { class: 'sep' }, ' / '));
    summary.push(el('span', { class: 'figure', title: `${x.doc.name}: “${x.m.text}”` }, f));
  });
  const others = groups.filter((o) => o !== g);
  const pick = el('select', { class: 'merge-with', 'aria-label': `Merge group ${g.number} with` },
    el('option', { value: '' }, 'Merge with…'),
    ...others.map((o) => el('option', { value: String(o.number) }, `${o.number}: ${groupWhat(o)} (${o.sources} sources)`)));
  const actions = el('span', { class: 'group-actions' },
    el('button', { type: 'button', class: 'small dismiss-group', title: 'Not one thing, or not worth following: move it to the dismissed groups',
      onclick: () => editGroups(app, (e) => { e.dismissed.push(g.keys); }) }, 'Dismiss'),
    others.length ? pick : null,
    others.length ? el('button', { type: 'button', class: 'small merge-group', title: 'The two groups count the same thing: make them one',
      onclick: () => {
        const o = others.find((k) => String(k.number) === pick.value);
        if (!o) { pick.focus(); return; }
        editGroups(app, (e) => { e.merged.push([g.keys, o.keys]); });
      } }, 'Merge') : null,
    g.merged ? el('button', { type: 'button', class: 'small split-group', title: 'Undo the merges that made this group',
      onclick: () => editGroups(app, (e) => {
        e.merged = e.merged.filter((p) => !(p[0].some((k) => g.keys.includes(k)) && p[1].some((k) => g.keys.includes(k))));
      }) }, 'Split') : null);
  const tbody = el('tbody', {}, ...line.map(({ x, f, c }) => el('tr', {},
    el('td', {}, sourceButton(x, x.doc.name)),
    el('td', { class: 'num' }, f),
    el('td', {}, c.source || ''),
    el('td', {}, [c.said, c.said_date ? dayWords(c.said_date) : ''].filter(Boolean).join(' · ')),
    el('td', {}, c.period || ''),
    el('td', { class: 'mention-text' }, x.m.text))));
  rovingItems(tbody, 'button.link');
  // Figures that differ are not a disagreement by themselves (a count that
  // rose day by day): only a conflict of the claims (core/compare.h) is flagged.
  return el('section', {
    class: 'group number-group' + (g.conflict ? ' spread' : '') + (sureGroup(g) ? '' : ' unsure'),
    dataset: { family: g.family, sources: g.sources, number: g.number, merged: g.merged ? String(g.merged) : '' },
    'aria-labelledby': `number-group-${g.number}-title`,
  },
  el('h3', { id: `number-group-${g.number}-title`, title: `same family: ${g.units.join(', ')}` }, `${g.number}. `, groupWhat(g),
    el('span', { class: 'muted' }, ` · ${g.sources} sources` + (g.country ? ` · story in ${countryName(g.country)}` : ' · no shared story')
      + (g.merged ? ` · ${g.merged} groups merged by you` : '')),
    g.spread && el('span', { class: 'muted spread-note', title: 'The figures differ by 25% or more, or their qualifiers differ' },
      g.ratio >= 1.005 ? ` · spread ×${g.ratio.toFixed(g.ratio < 10 ? 2 : 0)}` : ' · qualifiers differ'),
    g.conflict && el('span', { class: 'flag', title: 'One source gives figures that cannot both hold for the same time or period' }, 'conflict')),
  el('p', { class: 'figures' }, ...summary),
  el('p', { class: 'group-headline' }, groupHeadline(g)),
  groupTimeline(g, { interactive: true }),
  el('div', { class: 'group-tools' }, groupExports('numbers', `number-group-${g.number}`, () => numberGroupRecords(g, g.number)), actions),
  el('div', { class: 'table-wrap' }, el('table', { class: 'compact', 'aria-label': `Figures of group ${g.number}` },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'document'), el('th', { scope: 'col', class: 'num' }, 'figure'),
      el('th', { scope: 'col' }, 'according to'), el('th', { scope: 'col' }, 'said'), el('th', { scope: 'col' }, 'period'),
      el('th', { scope: 'col' }, 'as written'))),
    tbody)));
}

// What the group says in one sentence: per source (the claim's source, else
// the document), its figures in reporting order when the claims date them:
// "rose from over 100 (24 February 2019) to 326 (26 February 2019), according to …".
function groupHeadline(g) {
  const claimed = g.claims.some((c) => c.source || c.said_date || c.said);
  if (!claimed) {
    // No claim fields (results of an older build): the range, then the sources.
    const figs = g.figures.slice().sort((a, b) => a.m.value - b.m.value);
    return `${formatFigure(figs[0].m)} to ${formatFigure(figs[figs.length - 1].m)} across ${g.sources} sources`;
  }
  const bySource = new Map();
  g.figures.forEach((x, i) => {
    const c = g.claims[i] || {};
    const who = c.source || null;
    const key = who ? who.toLowerCase() : `doc:${x.doc.id}`;
    if (!bySource.has(key)) bySource.set(key, { who, docs: new Set(), items: [] });
    const s = bySource.get(key);
    s.docs.add(x.doc.name);
    s.items.push({ x, day: c.said_date || c.date || '', said: c.said || '' });
  });
  const parts = [];
  for (const s of bySource.values()) {
    const items = s.items.slice().sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    const first = items[0];
    const last = items[items.length - 1];
    const fig = (it) => formatFigure(it.x.m) + (it.day ? ` (${dayWords(it.day)})` : it.said ? ` (${it.said})` : '');
    let text = fig(first);
    if (items.length > 1 && first.day && last.day && first.day !== last.day && last.x.m.value !== first.x.m.value) {
      text = `${last.x.m.value > first.x.m.value ? 'rose' : 'fell'} from ${fig(first)} to ${fig(last)}`;
    }
    parts.push(`${text}, ${s.who ? `according to ${s.who}` : `in ${Array.from(s.docs).join(', ')}`}`);
  }
  return parts.slice(0, 4).join('; ') + (parts.length > 4 ? `; and ${parts.length - 4} more` : '') + (g.conflict ? ' — a source contradicts itself or another for the same time' : '');
}

// ---- the timeline ------------------------------------------------------------

// Source colours, darkest first and the yellow left out: points must stand
// out on white (WCAG 1.4.11, 3:1). A shape per source as well, for readers
// who do not tell the colours apart.
const TIMELINE_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#000000', '#8a6100', '#2c6e8f'];
const TIMELINE_SHAPES = ['circle', 'square', 'diamond'];

// The points of a group: who claims each figure (the figure's source, else
// its document), when (said_date, else the document's date) and where it
// goes on x: by day when every point has one, else in document order.
function timelinePoints(g) {
  const docOrder = new Map();
  (typeof app !== 'undefined' ? app.docs : []).forEach((d, i) => docOrder.set(d.id, i));
  const points = g.figures.map((x, i) => {
    const c = g.claims[i] || {};
    const who = c.source || x.doc.name;
    const hi = x.m.qualifier === 'range' && typeof x.m.value_max === 'number' ? x.m.value_max : x.m.value;
    return { x, c, who, whoKey: who.toLowerCase(), day: c.said_date || c.date || null, lo: x.m.value, hi };
  });
  const dated = points.length > 0 && points.every((p) => p.day && !isNaN(Date.parse(p.day)));
  const sources = [];
  for (const p of points) if (!sources.some((s) => s.key === p.whoKey)) sources.push({ key: p.whoKey, name: p.who, claimed: !!p.c.source });
  for (const p of points) p.source = sources.findIndex((s) => s.key === p.whoKey);
  let slots;
  if (dated) {
    slots = Array.from(new Set(points.map((p) => p.day))).sort();
    const t0 = Date.parse(slots[0]);
    const span = Date.parse(slots[slots.length - 1]) - t0;
    for (const p of points) p.t = span > 0 ? (Date.parse(p.day) - t0) / span : 0.5;
  } else {
    const docs = Array.from(new Set(points.map((p) => p.x.doc.id))).sort((a, b) => (docOrder.get(a) || 0) - (docOrder.get(b) || 0));
    slots = docs;
    for (const p of points) p.t = docs.length > 1 ? docs.indexOf(p.x.doc.id) / (docs.length - 1) : 0.5;
  }
  // Points on the same spot move apart a little, left to right.
  const at = new Map();
  for (const p of points) {
    const k = `${p.t}|${p.lo}`;
    p.nudge = at.get(k) || 0;
    at.set(k, p.nudge + 1);
  }
  points.sort((a, b) => a.t - b.t || a.lo - b.lo);
  return { points, sources, dated, slots };
}

// Words for one point: "CNN: over 270 soldiers · said by Colombia's
// migration agency on Monday (25 February 2019) — “…sentence…”".
function pointWords(p) {
  const m = Object.assign({}, p.x.m, { source: p.c.source, said: p.c.said, said_date: p.c.said_date, period: p.c.period });
  const claim = claimWords(m);
  const bits = [figureWords(m)];
  if (claim) bits.push(claim);
  if (m.period) bits.push(`covering ${m.period}`);
  if (!claim && p.day) bits.push(`reported ${dayWords(p.day)}`);
  return `${p.x.doc.name}: ${bits.join(' · ')} — “${p.c.sentence || p.x.m.text}”`;
}

// A group as a timeline, in plain SVG (a charting library would cost page
// size for a few dots): x is the reporting day when every figure has one,
// else document order; y the value; an arrow up for "over"/"at least", down
// for "under"/"at most", a bar for a range; colour and shape per source,
// named in the legend below. Interactive (the page): the points are one tab
// stop, the arrow keys move between them, hover or focus shows the
// sentence under the chart, a click or Enter opens the figure in its text.
// Static (the report): each point's words are its <title>. Colours are
// attributes, not classes, so the report's copy draws the same without the
// page's styles.
function groupTimeline(g, opts) {
  const interactive = !!(opts && opts.interactive);
  const W = 560, H = 150, L = 64, R = 16, T = 14, B = 30;
  const { points, sources, dated, slots } = timelinePoints(g);
  const lo = Math.min(...points.map((p) => p.lo));
  const hi = Math.max(...points.map((p) => p.hi));
  const y = (v) => (hi === lo ? T + (H - T - B) / 2 : H - B - ((v - lo) / (hi - lo)) * (H - T - B));
  const x = (p) => L + p.t * (W - L - R) + p.nudge * 7;
  const color = (i) => TIMELINE_COLORS[i % TIMELINE_COLORS.length];
  const shape = (i, cx, cy, fill) => {
    const s = TIMELINE_SHAPES[i % TIMELINE_SHAPES.length];  // with the colours: 21 sources told apart
    if (s === 'square') return svg('rect', { x: cx - 4.5, y: cy - 4.5, width: 9, height: 9, fill });
    if (s === 'diamond') return svg('path', { d: `M${cx} ${cy - 6} l6 6 l-6 6 l-6 -6 z`, fill });
    return svg('circle', { cx, cy, r: 5, fill });
  };
  const note = interactive ? el('p', { class: 'timeline-note', 'aria-live': 'polite' }, 'Point at a figure, or Tab to the chart and use the arrow keys, to read its sentence; Enter opens it in its text.') : null;
  const marks = points.map((p, i) => {
    const cx = x(p);
    const cy = y(p.lo);
    const c = color(p.source);
    const q = p.x.m.qualifier;
    const parts = [];
    if (q === 'range' && p.hi !== p.lo) parts.push(svg('line', { x1: cx, x2: cx, y1: cy, y2: y(p.hi), stroke: c, 'stroke-width': 3, 'stroke-linecap': 'round' }));
    if (q === 'over' || q === 'at_least') parts.push(svg('path', { d: `M${cx} ${cy - 16} l-5 7 h10 z M${cx - 1} ${cy - 9} h2 v3 h-2 z`, fill: c }));
    if (q === 'under' || q === 'at_most') parts.push(svg('path', { d: `M${cx} ${cy + 16} l-5 -7 h10 z M${cx - 1} ${cy + 9} h2 v-3 h-2 z`, fill: c }));
    const dot = shape(p.source, cx, cy, q === 'about' || q === 'vague' ? '#fff' : c);
    if (q === 'about' || q === 'vague') { dot.setAttribute('stroke', c); dot.setAttribute('stroke-width', '2'); }
    parts.push(dot);
    const words = pointWords(p);
    const title = svg('title', {});
    title.textContent = words;
    const attrs = { class: 'point', 'data-source': String(p.source), 'data-day': p.day || '', 'data-doc': String(p.x.doc.id) };
    if (interactive) Object.assign(attrs, { tabindex: i === 0 ? '0' : '-1', role: 'button', 'aria-label': words });
    const gEl = svg('g', attrs, interactive ? null : title, svg('circle', { class: 'point-hit', cx, cy, r: 11, fill: 'transparent' }), ...parts);
    if (interactive) {
      const show = () => { note.textContent = words; };
      gEl.addEventListener('mouseenter', show);
      gEl.addEventListener('focus', show);
      gEl.addEventListener('click', () => openMention(p.x.doc.id, p.x.id));
      gEl.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); openMention(p.x.doc.id, p.x.id); }
      });
    }
    return gEl;
  });
  const text = (attrs, s) => { const t = svg('text', Object.assign({ fill: '#4a5262', 'font-size': 11 }, attrs)); t.textContent = s; return t; };
  const axisY = [text({ x: L - 8, y: y(hi) + 4, 'text-anchor': 'end' }, formatNumber(hi))];
  if (hi !== lo) axisY.push(text({ x: L - 8, y: y(lo) + 4, 'text-anchor': 'end' }, formatNumber(lo)));
  const first = dated ? dayWords(slots[0]) : 'first document';
  const last = dated ? dayWords(slots[slots.length - 1]) : 'last document';
  const axisX = slots.length > 1
    ? [text({ x: L, y: H - 8 }, first), text({ x: W - R, y: H - 8, 'text-anchor': 'end' }, last)]
    : [text({ x: L + (W - L - R) / 2, y: H - 8, 'text-anchor': 'middle' }, dated ? first : 'one document')];
  const label = `Timeline of ${points.length} figures from ${sources.length} source${sources.length === 1 ? '' : 's'}, `
    + `${dated ? 'by reporting day' : 'in document order (not every figure is dated)'}: from ${formatNumber(lo)} to ${formatNumber(hi)}`;
  const chart = svg('svg', { class: 'timeline', viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: interactive ? 'group' : 'img', 'aria-label': label },
    svg('line', { x1: L, x2: W - R, y1: H - B + 8, y2: H - B + 8, stroke: '#8a93a3', 'stroke-width': 1 }),
    svg('line', { x1: L - 4, x2: L - 4, y1: T - 4, y2: H - B + 8, stroke: '#8a93a3', 'stroke-width': 1 }),
    ...axisY, ...axisX, ...marks);
  if (interactive) rovingItems(chart, 'g.point', ['ArrowLeft', 'ArrowRight']);
  const legend = el('ul', { class: 'timeline-legend' }, ...sources.map((s, i) => el('li', {},
    el('span', { class: 'timeline-key', 'aria-hidden': 'true' }, svgKey(i, color(i), shape)),
    s.claimed ? `according to ${s.name}` : `${s.name} (no source named)`)));
  return el('figure', { class: 'timeline-box' }, chart, legend,
    el('figcaption', { class: 'muted timeline-caption' },
      dated ? 'x: the day each figure was reported' : 'x: the order of the documents (not every figure is dated)',
      ' · y: the value · ▲ over / at least · ▼ under / at most · a bar: a range · hollow: about'), note);
}

function svgKey(i, c, shape) {
  return svg('svg', { width: 14, height: 14, viewBox: '0 0 14 14' }, shape(i, 7, 7, c));
}
