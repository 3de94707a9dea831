// The Places map: countries shaded by the number of sources naming them, a
// marker per other place (city, river, region…) sized by sources, nearby
// markers clustered at the current zoom, labels where they fit, zoom and pan
// with d3-zoom (wheel, drag, pinch, double-click, the + / − buttons). The
// country shapes are the bundled Natural Earth paths (web/gen_map.js,
// equirectangular), so nothing is fetched. Markers and labels are drawn
// above the zoomed layer in screen-sized units, so a marker is a 24 px tap
// target at any zoom and on any screen.
'use strict';

const MAP_MIN_TARGET_PX = 24;   // WCAG 2.2 target size
const MAP_CLUSTER_PX = 30;      // markers closer than this on screen become one
const MAP_LABEL_PX = 12;        // label font size
const SHADE_BINS = [           // sources naming a country -> shade
  { min: 1, fill: '#cfe1f2', label: '1' },
  { min: 2, fill: '#9ecae1', label: '2' },
  { min: 3, fill: '#6baed6', label: '3–5' },
  { min: 6, fill: '#3182bd', label: '6–20' },
  { min: 21, fill: '#08519c', label: '21+' },
];

const mapState = { svg: null, layer: null, overlay: null, paths: [], zoom: null, t: null, pathOf: new Map(),
  markers: [], countries: [], focusKey: null };

function mapXY(p) { return [(p.lon + 180) * WORLD_MAP.scale, (WORLD_MAP.latTop - p.lat) * WORLD_MAP.scale]; }

// Map units per CSS pixel. The SVG fills its box (preserveAspectRatio
// slice: on a phone the box is taller than the world's shape, and the sides
// are cut off until panned to).
function unitsPerPx() {
  const r = mapState.svg.getBoundingClientRect();
  const s = Math.max(r.width / WORLD_MAP.width, r.height / WORLD_MAP.height);
  return s > 0 ? 1 / s : 1;
}

function buildMap(box) {
  const W = WORLD_MAP.width;
  const H = WORLD_MAP.height;
  mapState.layer = svg('g', { class: 'countries' });
  mapState.paths = WORLD_MAP.countries.map((c) => {
    const path = svg('path', { d: c.d, 'data-name': c.name });
    mapState.layer.append(path);
    return path;
  });
  mapState.overlay = svg('g', { class: 'overlay' });
  mapState.svg = svg('svg', { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: 'xMidYMid slice', role: 'group', 'aria-label': 'World map of the places mentioned', class: 'world' },
    svg('rect', { class: 'sea', x: 0, y: 0, width: W, height: H }), mapState.layer, mapState.overlay);
  const controls = el('div', { class: 'map-controls' },
    el('button', { type: 'button', class: 'zoom-in', 'aria-label': 'Zoom in', title: 'Zoom in', onclick: () => zoomBy(2) }, '+'),
    el('button', { type: 'button', class: 'zoom-out', 'aria-label': 'Zoom out', title: 'Zoom out', onclick: () => zoomBy(0.5) }, '−'),
    el('button', { type: 'button', class: 'zoom-reset', title: 'Show the whole world', onclick: () => zoomTo(d3.zoomIdentity) }, 'Whole world'));
  const legend = el('div', { class: 'map-legend', 'aria-hidden': 'true' }, el('span', {}, 'Sources naming a country: '),
    ...SHADE_BINS.map((b) => el('span', { class: 'legend-bin' }, el('span', { class: 'legend-sw', style: { background: b.fill } }), b.label)),
    el('span', { class: 'legend-marker' }, el('span', { class: 'legend-dot' }), 'other places, sized by sources (“+2”: two more places close by; zoom in to part them)'));
  box.replaceChildren(el('div', { class: 'map-frame' }, mapState.svg, controls), legend,
    el('p', { id: 'map-spare-note', class: 'muted map-spare-note' }));
  mapState.t = d3.zoomIdentity;
  // The viewport is the part of the viewBox on screen (all of it on a wide
  // screen; the middle on a phone), so the cut-off sides can be panned to.
  const viewport = () => {
    const r = mapState.svg.getBoundingClientRect();
    const u = unitsPerPx();
    const w = Math.min(W, r.width * u);
    const h = Math.min(H, r.height * u);
    return [[(W - w) / 2, (H - h) / 2], [(W + w) / 2, (H + h) / 2]];
  };
  mapState.zoom = d3.zoom().extent(viewport).scaleExtent([1, 16]).translateExtent([[0, 0], [W, H]])
    .on('zoom', (ev) => {
      mapState.t = ev.transform;
      mapState.layer.setAttribute('transform', ev.transform.toString());
      drawOverlay();
    });
  d3.select(mapState.svg).call(mapState.zoom);
  window.addEventListener('resize', () => { if (mapState.svg.isConnected) drawOverlay(); });
}

// Shows (or hides again) the name of country `code` where it did not fit.
function showCountryLabel(code, on) {
  const t = mapState.overlay && mapState.overlay.querySelector(`.label.country[data-code="${code}"]`);
  if (t) t.classList.toggle('shown', on);
}

function zoomTo(t) { d3.select(mapState.svg).transition().duration(300).call(mapState.zoom.transform, t); }
function zoomBy(f) { d3.select(mapState.svg).transition().duration(250).call(mapState.zoom.scaleBy, f); }

// The shape of country `code`: the one holding the country's own
// coordinates, else the one of the same name.
function countryPath(code, anchor) {
  if (mapState.pathOf.has(code)) return mapState.pathOf.get(code);
  let found = null;
  if (anchor && typeof anchor.lat === 'number') {
    const [x, y] = mapXY(anchor);
    const pt = new DOMPoint(x, y);
    found = mapState.paths.find((p) => p.isPointInFill(pt)) || null;
  }
  if (!found) {
    const name = countryName(code);
    found = mapState.paths.find((p) => p.dataset.name === name) || null;
  }
  mapState.pathOf.set(code, found);
  return found;
}

function sourcesText(p) {
  return `${p.docs.size} source${p.docs.size === 1 ? '' : 's'}, ${p.mentions} mention${p.mentions === 1 ? '' : 's'}`;
}

function renderMap(app) {
  const box = document.getElementById('map');
  if (typeof WORLD_MAP === 'undefined' || typeof d3 === 'undefined') { box.textContent = 'This build has no map data.'; return; }
  if (!mapState.svg) buildMap(box);
  const places = app.model.places.filter((p) => typeof p.lat === 'number' && typeof p.lon === 'number');
  // Countries: every place with a country code adds its sources to it.
  const byCode = new Map();
  for (const p of places) {
    if (!p.country) continue;
    if (!byCode.has(p.country)) byCode.set(p.country, { code: p.country, anchor: null, docs: new Set(), mentions: 0 });
    const c = byCode.get(p.country);
    for (const d of p.docs) c.docs.add(d);
    c.mentions += p.mentions;
    if (p.type === 'country' && (!c.anchor || p.mentions > c.anchor.mentions)) c.anchor = p;
  }
  for (const path of mapState.paths) {
    path.removeAttribute('style');
    for (const a of ['tabindex', 'role', 'aria-label', 'data-place', 'data-sources', 'data-code']) path.removeAttribute(a);
    path.classList.remove('named', 'selected');
    path.onclick = null;
    path.onkeydown = null;
    path.onfocus = path.onblur = path.onmouseenter = path.onmouseleave = null;
  }
  const selected = app.filter.place;
  mapState.countries = [];
  const unplaced = [];
  for (const c of byCode.values()) {
    const path = countryPath(c.code, c.anchor || places.find((p) => p.country === c.code));
    if (!path) { if (c.anchor) unplaced.push(c.anchor); continue; }
    const name = c.anchor ? c.anchor.name : countryName(c.code);
    const bin = SHADE_BINS.filter((b) => c.docs.size >= b.min).pop();
    path.style.fill = bin.fill;
    path.classList.add('named');
    if (selected && selected.countryCode === c.code) path.classList.add('selected');
    path.setAttribute('tabindex', '0');
    path.setAttribute('role', 'button');
    path.setAttribute('aria-label', `${name}: named in ${c.docs.size} source${c.docs.size === 1 ? '' : 's'} (${c.mentions} mentions of it and its places). Show in the tables`);
    path.dataset.place = name;
    path.dataset.code = c.code;
    path.dataset.sources = String(c.docs.size);
    const place = { key: `country|${c.code}`, plugin: c.anchor ? c.anchor.plugin : places[0].plugin, name, docs: c.docs, countryCode: c.code };
    path.onclick = () => setPlaceFilter(place);
    path.onkeydown = (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); setPlaceFilter(place); } };
    // A country's name that does not fit at this zoom shows while it is pointed at or focused.
    path.onfocus = path.onmouseenter = () => showCountryLabel(c.code, true);
    path.onblur = path.onmouseleave = () => showCountryLabel(c.code, path === document.activeElement);
    // The label sits where the country's own mention puts it.
    const at = c.anchor || places.find((p) => p.country === c.code);
    mapState.countries.push({ code: c.code, name, sources: c.docs.size, xy: mapXY(at), path });
  }
  mapState.markers = places.filter((p) => p.type !== 'country').concat(unplaced);
  mapState.maxSources = Math.max(1, ...mapState.markers.map((p) => p.docs.size));
  drawOverlay();
}

// Markers, clusters and labels for the current zoom; called on every zoom step.
function drawOverlay() {
  if (!mapState.svg) return;
  const t = mapState.t;
  const upp = unitsPerPx();
  const W = WORLD_MAP.width;
  const H = WORLD_MAP.height;
  const active = document.activeElement;
  const focusKey = active && active.closest && active.closest('#map .marker') ? active.closest('#map .marker').dataset.key : null;
  // Screen positions (map units after the zoom), biggest first.
  const pts = mapState.markers.map((p) => { const [x, y] = mapXY(p); return { p, x: t.applyX(x), y: t.applyY(y) }; })
    .filter((q) => q.x >= -20 && q.x <= W + 20 && q.y >= -20 && q.y <= H + 20)
    .sort((a, b) => b.p.docs.size - a.p.docs.size || b.p.mentions - a.p.mentions);
  const reach = MAP_CLUSTER_PX * upp;
  const clusters = [];
  for (const q of pts) {
    const c = clusters.find((k) => Math.hypot(k.x - q.x, k.y - q.y) < reach);
    if (c) { c.items.push(q.p); for (const d of q.p.docs) c.docs.add(d); } else clusters.push({ x: q.x, y: q.y, items: [q.p], docs: new Set(q.p.docs) });
  }
  const frag = [];
  const labels = [];
  const selectedKey = app.filter.place ? app.filter.place.key : null;
  for (const c of clusters) {
    const lead = c.items[0];
    const many = c.items.length > 1;
    const rPx = 5 + 9 * Math.sqrt(c.docs.size / mapState.maxSources);
    const r = rPx * upp;
    const hit = Math.max(MAP_MIN_TARGET_PX / 2 + 0.5, rPx) * upp;  // half a pixel over: rounding must not fall short
    const names = c.items.map((p) => p.name);
    const label = many ? `${lead.name} +${c.items.length - 1}` : lead.name;
    const aria = many
      ? `${label}: ${c.items.length} places close together: ${names.slice(0, 6).join(', ')}${names.length > 6 ? '…' : ''}; ${c.docs.size} source${c.docs.size === 1 ? '' : 's'}. Zoom in`
      : `${lead.name}${lead.country ? ', ' + countryName(lead.country) : ''}${lead.type ? ' (' + lead.type + ')' : ''}: ${sourcesText(lead)}. Show in the tables`;
    const key = many ? `cluster|${names.join('|')}` : lead.key;
    const g = svg('g', {
      class: 'marker' + (many ? ' cluster' : '') + (!many && lead.key === selectedKey ? ' selected' : ''),
      transform: `translate(${c.x.toFixed(1)} ${c.y.toFixed(1)})`, tabindex: 0, role: 'button', 'aria-label': aria,
      'data-key': key, 'data-place': many ? '' : lead.name, 'data-sources': c.docs.size, 'data-mentions': c.items.reduce((n, p) => n + p.mentions, 0),
      'data-count': c.items.length,
    },
    svg('circle', { class: 'hit', r: hit.toFixed(2) }),
    svg('circle', { class: 'dot', r: r.toFixed(2), 'stroke-width': (1.5 * upp).toFixed(2) }));
    const act = () => {
      if (many) {
        const k = Math.min(16, t.k * 3);
        const [mx, my] = t.invert([c.x, c.y]);
        zoomTo(d3.zoomIdentity.translate(W / 2, H / 2).scale(k).translate(-mx, -my));
      } else setPlaceFilter(lead);
    };
    g.addEventListener('click', act);
    g.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); act(); } });
    g.addEventListener('focus', () => g.classList.add('focused'));
    g.addEventListener('blur', () => g.classList.remove('focused'));
    frag.push(g);
    labels.push({ text: label, x: c.x + hit + 3 * upp, y: c.y + 4 * upp, dx: hit + 3 * upp, dy: 4 * upp, sources: c.docs.size, g, kind: 'place' });
  }
  for (const c of mapState.countries) {
    const x = t.applyX(c.xy[0]);
    const y = t.applyY(c.xy[1]);
    if (x < 0 || x > W || y < 0 || y > H) continue;
    labels.push({ text: c.name, x, y, sources: c.sources + 0.5, kind: 'country', anchor: 'middle', code: c.code, path: c.path });
  }
  // Labels where they fit, most sources first (a focused marker always shows its own).
  // Markers themselves are taken first: no label covers a marker.
  const placed = clusters.map((c) => {
    const h = Math.max(MAP_MIN_TARGET_PX / 2, 5 + 9 * Math.sqrt(c.docs.size / mapState.maxSources)) * upp * 0.8;
    return { x0: c.x - h, y0: c.y - h, x1: c.x + h, y1: c.y + h };
  });
  const fs = MAP_LABEL_PX * upp;
  let spare = 0;
  const texts = [];
  labels.sort((a, b) => b.sources - a.sources);
  for (const l of labels) {
    const w = l.text.length * fs * 0.58;
    // Where the label may go: right of a marker or left of it; a country's
    // on its point, or just above or below it.
    const tries = l.g
      ? [{ dx: l.dx, anchor: 'start', x0: l.x }, { dx: -l.dx, anchor: 'end', x0: l.x - 2 * l.dx - w }]
      : [0, -1.1, 1.1].map((k) => ({ dy: k * fs, anchor: 'middle', x0: l.x - w / 2 }));
    let pick = null;
    for (const t of tries) {
      const y = l.y + (t.dy || 0);
      const box = { x0: t.x0, y0: y - fs, x1: t.x0 + w, y1: y + fs * 0.3 };
      if (!placed.some((b) => box.x0 < b.x1 && box.x1 > b.x0 && box.y0 < b.y1 && box.y1 > b.y0)) { pick = Object.assign({ box }, t); break; }
    }
    const fits = !!pick;
    if (!pick) pick = tries[0];
    if (l.g) { l.dx = pick.dx; l.anchor = pick.anchor; } else { l.y += pick.dy || 0; }
    if (fits) placed.push(pick.box);
    // A marker's label belongs to it (drawn in its group; shown on focus even
    // where it does not fit); a country's stands alone.
    const text = svg('text', { class: `label ${l.kind}` + (fits ? '' : ' spare'), 'font-size': fs.toFixed(2),
      x: (l.g ? l.dx : l.x).toFixed(1), y: (l.g ? l.dy : l.y).toFixed(1),
      'text-anchor': l.anchor || 'start', 'stroke-width': (3 * upp).toFixed(2), 'aria-hidden': 'true' });
    text.textContent = l.text;
    if (!fits) spare++;
    if (l.code) {
      text.dataset.code = l.code;
      if (!fits && (l.path === active || l.path.matches(':hover'))) text.classList.add('shown');
    }
    if (l.g) l.g.append(text);
    else texts.push(text);
  }
  // Names left out at this zoom: said, with how to read them.
  const note = document.getElementById('map-spare-note');
  if (note) note.textContent = spare ? `${spare} name${spare === 1 ? ' does' : 's do'} not fit at this zoom: zoom in, or point at or focus a place to read its name.` : '';
  mapState.overlay.replaceChildren(svg('g', { class: 'country-labels' }, ...texts), svg('g', { class: 'markers' }, ...frag));
  if (focusKey) {
    const again = Array.from(mapState.overlay.querySelectorAll('.marker')).find((g) => g.dataset.key === focusKey);
    if (again) again.focus({ preventScroll: true });
  }
}
