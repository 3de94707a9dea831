// Plugin fields in people's terms (no DOM): each field's label, values as
// words ("at least", "Colombia", "1.6 million"), the fields a reader never
// needs (offsets, candidate counts), a short tag per plugin (NUM, QUOTE…) and
// a one-line description of a mention for the highlight popover.
// Labels come from the plugin's own declaration (about.fields, see
// docs/plugins.md); the built-in plugins declare none yet, so BUILTIN_FIELDS
// below stands in for them, keyed by plugin and field.
'use strict';

const BUILTIN_FIELDS = {
  numbers: {
    tag: 'NUM',
    fields: { value: 'value', value_max: 'up to', qualifier: 'qualifier', kind: 'kind', unit: 'counted', currency: 'currency',
      source: 'according to', said: 'said', said_date: 'said on', period: 'period' },
    hidden: ['source_start', 'source_end', 'sentence_start', 'sentence_end'],
  },
  quotes: {
    tag: 'QUOTE',
    fields: { speaker: 'speaker', role: "speaker's role", verb: 'verb', kind: 'kind' },
    hidden: ['speaker_start', 'speaker_end'],
  },
  locations: {
    tag: 'PLACE',
    fields: { name: 'place', country: 'country', type: 'type', demonym: 'adjective', population: 'population', lat: 'latitude', lon: 'longitude' },
    hidden: ['candidates'],
  },
  people: {
    tag: 'PERSON',
    fields: { name: 'person', title: 'title', first: 'first mention' },
  },
};

// Words for coded values, per field name (any plugin using the same field
// name and values benefits).
const VALUE_WORDS = {
  qualifier: { exact: 'exact', over: 'over', under: 'under', at_least: 'at least', at_most: 'at most', about: 'about', vague: 'vague', range: 'range' },
  kind: { term: 'quoted term', quote: 'quotation' },
};

// Extra keys no reader needs, whatever the plugin (the page's own offsets).
const ALWAYS_HIDDEN = new Set(['start16', 'end16', 'rule']);

function pluginInfo(plugin) {
  if (typeof app !== 'undefined' && app.editor && app.editor.info.name === plugin) return app.editor.info;
  const a = typeof app !== 'undefined' ? app.plugins.find((p) => p.name === plugin) : null;
  return a || { name: plugin, description: '', about: {} };
}

// The plugin's declared labels: {field: label}. A declared label wins over the
// page's fallback; a compiled plugin replacing a built-in one keeps the
// built-in's labels only for the fields it does not declare.
function fieldLabels(plugin) {
  const declared = (pluginInfo(plugin).about || {}).fields || {};
  const out = Object.assign({}, (BUILTIN_FIELDS[plugin] || {}).fields || {});
  for (const [k, v] of Object.entries(declared)) {
    const label = v && typeof v === 'object' ? v.label : (typeof v === 'string' ? v : null);
    if (label) out[k] = label;
  }
  return out;
}

function fieldLabel(plugin, key) {
  if (key === 'document') return 'document';
  if (key === 'text') return 'as written';
  const l = fieldLabels(plugin)[key];
  return l || key.replace(/_/g, ' ');
}

function hiddenField(plugin, key) {
  if (ALWAYS_HIDDEN.has(key)) return true;
  const b = BUILTIN_FIELDS[plugin];
  return !!(b && b.hidden && b.hidden.includes(key));
}

// Field columns a reader sees, in the plugin's order.
function visibleKeys(plugin, keys) { return keys.filter((k) => !hiddenField(plugin, k)); }

// The short tag shown on a highlight: a declared about.label, the built-in
// tag, else the plugin's name in capitals.
function pluginTag(plugin) {
  const about = pluginInfo(plugin).about || {};
  if (typeof about.label === 'string' && about.label) return about.label.toUpperCase();
  if (BUILTIN_FIELDS[plugin]) return BUILTIN_FIELDS[plugin].tag;
  return plugin.toUpperCase().replace(/[_-]+/g, ' ');
}

let regionNames = null;
// Remembered per code: a table of 100,000 places asks for the same few
// hundred names, and Intl is slow to answer.
const countryNames = new Map();
function countryName(code) {
  if (typeof code !== 'string' || !/^[A-Z]{2}$/.test(code)) return code;
  let name = countryNames.get(code);
  if (name !== undefined) return name;
  try {
    if (!regionNames) regionNames = new Intl.DisplayNames([navigator.language || 'en', 'en'], { type: 'region' });
    name = regionNames.of(code) || code;
  } catch (e) {
    name = code;
  }
  countryNames.set(code, name);
  return name;
}

// 1234 → "1,234"; 1.6e6 → "1.6 million"; 1.89e14 → "189 trillion" (the
// user's locale). Years stay as written.
// Formatters are made once: making one per cell costs seconds on big tables.
const numberFormats = {};
function formatQuantity(v) {
  if (typeof v !== 'number' || !isFinite(v)) return String(v);
  if (!numberFormats.plain) {
    numberFormats.plain = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
    numberFormats.compact = new Intl.NumberFormat(undefined, { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 1 });
  }
  return (Math.abs(v) >= 1e6 ? numberFormats.compact : numberFormats.plain).format(v);
}

// One value as a reader should see it.
function fieldText(plugin, key, v, m) {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (key === 'country') return countryName(v);
  if (key === 'said_date' && typeof v === 'string') return dayWords(v);
  if (typeof v === 'number') {
    if (key === 'lat' || key === 'lon') return v.toFixed(2);
    if (m && (m.kind === 'year' || m.kind === 'date' || m.kind === 'time') && (key === 'value' || key === 'value_max')) return String(v);
    return formatQuantity(v);
  }
  if (typeof v === 'string') {
    const words = VALUE_WORDS[key];
    if (words && words[v] !== undefined) return words[v];
    return v;
  }
  return JSON.stringify(v);
}

// "at least 100 soldiers", "€1.2 million", "50,000–60,000 people".
function figureWords(m) {
  const q = m.qualifier && m.qualifier !== 'exact' && m.qualifier !== 'range' ? fieldText('numbers', 'qualifier', m.qualifier) + ' ' : '';
  let n = fieldText('numbers', 'value', m.value, m);
  if (m.qualifier === 'range' && typeof m.value_max === 'number') n += '–' + fieldText('numbers', 'value_max', m.value_max, m);
  if (m.kind === 'money' && m.currency) {
    try {
      const parts = (0).toLocaleString(undefined, { style: 'currency', currency: m.currency }).replace(/[\d.,\s]/g, '');
      if (parts) return `${q}${parts}${n}`;
    } catch (e) { /* unknown currency code: fall through */ }
  }
  const unit = m.unit && m.kind !== 'percent' ? ' ' + m.unit : (m.kind === 'percent' ? '%' : '');
  return `${q}${n}${unit}`;
}

// Who gives a figure and when, from the claim fields of a numbers mention
// (README, "JSON output"): "said by Colombia's migration agency on Monday
// (25 February 2019)"; "" when the figure is not in reported speech.
function claimWords(m) {
  const when = m.said ? ` ${/^(on|in|at|last|this|next|yesterday|today|earlier|later)\b/i.test(m.said) ? '' : 'on '}${m.said}` : '';
  const day = m.said_date ? dayWords(m.said_date) : '';
  const dated = day && !when.toLowerCase().includes(day.toLowerCase()) ? ` (${day})` : '';
  if (m.source) return `said by ${m.source}${when}${dated}`;
  if (when) return `said${when}${dated}`;
  return '';
}

// "2019-02-25" -> "25 February 2019" in the reader's locale; other text as it is.
function dayWords(iso) {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
  if (!d) return String(iso);
  const date = new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])));
  if (isNaN(date)) return String(iso);
  if (!numberFormats.day) numberFormats.day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return numberFormats.day.format(date);
}

// What a mention says, in words, one line; never offsets.
function mentionWords(m) {
  const p = m.plugin;
  const parts = [];
  if (p === 'numbers' && typeof m.value === 'number') {
    parts.push(figureWords(m));
    const claim = claimWords(m);
    if (claim) parts.push(claim);
    if (m.period) parts.push(`covering ${m.period}`);
    if (m.kind) parts.push(m.kind);
  } else if (p === 'quotes' && 'speaker' in m) {
    if (m.kind === 'term') parts.push('quoted term');
    else if (m.speaker) parts.push(`said by ${m.role ? m.role + ' ' : ''}${m.speaker}` + (m.verb && m.verb !== 'said' ? ` (“${m.verb}”)` : ''));
    else parts.push('speaker not identified');
  } else if (p === 'locations' && m.name) {
    const where = m.country && m.type !== 'country' ? ` in ${countryName(m.country)}` : '';
    parts.push(`${m.name}${m.type ? ' · ' + m.type : ''}${where}`);
    if (typeof m.population === 'number') parts.push(`population ${formatQuantity(m.population)}`);
    if (m.demonym) parts.push(`as in “${m.text}”`);
  } else if (p === 'people' && m.name) {
    parts.push(m.title ? `${m.title} ${m.name}` : m.name);
    if (m.first === false) parts.push('named again');
  } else {
    for (const k of Object.keys(m)) {
      if (POSITION_KEYS.has(k) || hiddenField(p, k)) continue;
      const t = fieldText(p, k, m[k], m);
      if (t) parts.push(`${fieldLabel(p, k)}: ${t}`);
    }
  }
  return parts.join(' · ');
}

// [{label, value}] of a mention's fields for the popover's detail lines.
function mentionDetails(m) {
  const out = [];
  for (const k of Object.keys(m)) {
    if (POSITION_KEYS.has(k) || hiddenField(m.plugin, k)) continue;
    const t = fieldText(m.plugin, k, m[k], m);
    if (t) out.push({ label: fieldLabel(m.plugin, k), value: t });
  }
  return out;
}
