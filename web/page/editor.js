// The plugin editor: a rule plugin (docs/plugins.md) built with form controls
// — word lists, patterns, fields — and previewed live on the workspace's
// documents by a worker of its own (the same core and loader as the CLI), so
// a problem shows where the user wrote it and a slow pattern never blocks
// the page. The form is the file: toSpec() writes exactly the JSON that
// `newslens analyze --plugin-file` loads, and fromSpec() reads any rule
// plugin back (a loaded one, or an example embedded at build time).
'use strict';

const EDITOR_INDEX = 1000;   // the palette index of the plugin being edited (pluginIndex)
const PREVIEW_DELAY_MS = 250;
const PREVIEW_STALL_MS = 8000;  // a preview worker silent this long is stopped
const PREVIEW_FIRST = 12;       // matches listed
const PREVIEW_MAX_CHARS = 2e6;  // longer documents are left out of the preview (seconds each); the saved plugin runs on them
const NORMALIZERS = [['', 'as written'], ['lower', 'lower case'], ['upper', 'upper case'], ['trim', 'trimmed']];

// The two worked examples of the guide.
const EDITOR_EXAMPLES = {
  names: { newslens_rule_plugin: 1, name: 'leaders', version: '1.0.0', description: 'Political leaders named in the story',
    label: 'LEADER', color: '#009E73', lists: { leaders: ['Guaidó', 'Maduro', 'Duque', 'Bolsonaro'] },
    rules: [{ id: 'leaders', list: 'leaders', accent_insensitive: true }] },
  displaced: { newslens_rule_plugin: 1, name: 'displaced', version: '1.0.0', description: 'Households and families displaced, with their number',
    label: 'DISPLACED', color: '#D55E00', fields: { count: { label: 'How many' }, who: { label: 'Who' } },
    lists: { who: ['household', 'family', 'people', 'resident'] },
    rules: [{ id: 'displaced', pattern: '(?<count>\\d[\\d,]*|{{numberwords}}) (?<who>{{who}}) (?:were |have been |had been )?displaced',
      case_insensitive: true, plurals: true,
      fields: { count: { capture: 'count', normalize: { plugin: 'numbers', field: 'value' } }, who: { capture: 'who', normalize: 'lower' } } }] },
};
EDITOR_EXAMPLES.displaced.lists.numberwords = ['two', 'three', 'four', 'five', 'six', 'ten', 'a dozen', 'dozens of', 'hundreds of', 'thousands of'];

const editor = { model: null, problems: [], preview: null, worker: null, seq: 0, timer: null, stall: null, texts: new Set(), from: null };

// ---- the model and the file ---------------------------------------------------

function newRule(kind, ed) {
  let n = ed.rules.length + 1;
  while (ed.rules.some((r) => r.id === `rule${n}`) || ed.lists.some((l) => l.name === `rule${n}`)) n++;
  const rule = { id: `rule${n}`, list: null, pattern: '', case_insensitive: false, accent_insensitive: false, plurals: false,
    word_boundary: true, span: '', inside: '', outside: '', fields: [] };
  if (kind === 'list') { rule.list = rule.id; ed.lists.push({ name: rule.id, words: '' }); }
  return rule;
}

// Any rule plugin (parsed JSON) as the editor's model.
function fromSpec(spec) {
  const labels = spec.fields || {};
  const norm = (n) => (n && typeof n === 'object' ? { normalize: 'plugin', plugin: n.plugin || '', pfield: n.field || 'value' } : { normalize: n || '', plugin: '', pfield: 'value' });
  return {
    name: spec.name || '', description: spec.description || '', version: spec.version || '', label: spec.label || '', color: spec.color || '',
    lists: Object.entries(spec.lists || {}).map(([name, words]) => ({ name, words: (words || []).join('\n') })),
    rules: (spec.rules || []).map((r, i) => ({
      id: r.id || `rule${i + 1}`, list: r.list !== undefined ? r.list : null, pattern: r.pattern || '',
      case_insensitive: !!r.case_insensitive, accent_insensitive: !!r.accent_insensitive, plurals: !!r.plurals,
      word_boundary: r.word_boundary !== false, span: r.span || '', inside: r.inside || '', outside: r.outside || '',
      fields: Object.entries(r.fields || {}).map(([name, f]) => Object.assign({
        name, label: (labels[name] && labels[name].label) || '',
        capture: typeof f === 'string' ? f : (f && typeof f.capture === 'string' ? f.capture : ''),
        value: f && typeof f === 'object' && 'value' in f ? (typeof f.value === 'string' ? f.value : JSON.stringify(f.value)) : '',
        typed: !!(f && typeof f === 'object' && 'value' in f && typeof f.value !== 'string'),
      }, norm(f && typeof f === 'object' ? f.normalize : ''))),
    })),
  };
}

// The model as the rule plugin file: only keys the core reads, defaults left out.
function toSpec(ed) {
  const spec = { newslens_rule_plugin: 1, name: ed.name.trim() };
  if (ed.version.trim()) spec.version = ed.version.trim();
  spec.description = ed.description.trim();
  if (ed.label.trim()) spec.label = ed.label.trim();
  if (ed.color) spec.color = ed.color;
  const fields = {};
  for (const r of ed.rules) for (const f of r.fields) if (f.name) fields[f.name] = { label: f.label || f.name };
  if (Object.keys(fields).length) spec.fields = fields;
  if (ed.lists.length) {
    spec.lists = {};
    for (const l of ed.lists) spec.lists[l.name] = l.words.split('\n').map((w) => w.trim()).filter(Boolean);
  }
  const needs = new Set();
  spec.rules = ed.rules.map((r) => {
    const out = { id: r.id.trim() };
    if (r.list !== null) out.list = r.list; else out.pattern = r.pattern;
    for (const k of ['case_insensitive', 'accent_insensitive', 'plurals']) if (r[k]) out[k] = true;
    if (!r.word_boundary) out.word_boundary = false;
    for (const k of ['span', 'inside', 'outside']) if (r[k]) out[k] = r[k];
    if (r.inside) needs.add(r.inside);
    if (r.outside) needs.add(r.outside);
    if (r.fields.length) {
      out.fields = {};
      for (const f of r.fields) {
        let v = f.capture ? { capture: f.capture } : { value: f.typed ? jsonOr(f.value) : f.value };
        if (f.capture && f.normalize === 'plugin') v.normalize = { plugin: f.plugin, field: f.pfield || 'value' };
        else if (f.capture && f.normalize) v.normalize = f.normalize;
        if (f.capture && !v.normalize) v = f.capture;  // the file's shorthand
        out.fields[f.name] = v;
      }
    }
    return out;
  });
  if (needs.size) spec.needs = Array.from(needs);
  return spec;
}
function jsonOr(text) { try { return JSON.parse(text); } catch (e) { return text; } }

// Named captures of a pattern, as the core finds them ((?<n>…), (?'n'…), (?P<n>…)).
function captureNames(rule) {
  if (rule.list !== null) return ['match'];
  const names = [];
  for (const m of rule.pattern.matchAll(/\\.|\(\?P?(?:<([^>=!][^>]*)>|'([^']+)')/g)) if (m[1] || m[2]) names.push(m[1] || m[2]);
  return names;
}

// The plugins a capture can be normalised by or a rule can read: the build's own.
function helperPlugins() { return app.plugins.filter((p) => !(p.about && p.about.origin === 'rules')).map((p) => p.name); }

// ---- the preview, in a worker of its own -------------------------------------------

function previewWorker() {
  if (editor.worker) return editor.worker;
  if (!pool.url) pool.url = URL.createObjectURL(new Blob([NEWSLENS_WORKER_SOURCE], { type: 'text/javascript' }));
  editor.worker = new Worker(pool.url);
  editor.texts = new Set();
  editor.ready = false;
  editor.worker.onmessage = (ev) => {
    if (ev.data.type === 'previewed') previewed(ev.data);
    else if (ev.data.type === 'ready') { editor.ready = true; watchPreview(); }
  };
  pool.init(editor.worker).catch((e) => console.error(`newslens: the preview worker failed: ${e.message || e}`));
  return editor.worker;
}

function previewDocs() { return app.docs.filter((d) => d.text && d.text.length <= PREVIEW_MAX_CHARS); }

function schedulePreview() {
  if (app.editor) app.editor.info = editorInfo();
  clearTimeout(editor.timer);
  editor.pending = true;
  editor.timer = setTimeout(runPreview, PREVIEW_DELAY_MS);
  renderJson();
}

// Sends the plugin and the documents (texts the worker has not seen yet);
// the worker answers as it goes, and stops when a newer request comes.
function runPreview() {
  editor.pending = false;
  if (!app.editor) return;
  const w = previewWorker();
  // The open document first: its matches lead the list.
  // Every document with a text: one being analysed again keeps its text.
  const docs = previewDocs().sort((a, b) => (b.id === app.currentId) - (a.id === app.currentId));
  const fresh = docs.filter((d) => !editor.texts.has(d.id));
  for (const d of fresh) editor.texts.add(d.id);
  const json = JSON.stringify(toSpec(editor.model));
  editor.preview = Object.assign(editor.preview || {}, { seq: ++editor.seq, running: true, json });
  w.postMessage({ type: 'preview', seq: editor.seq, json, open: app.currentId, first: PREVIEW_FIRST,
    ids: docs.map((d) => d.id), docs: fresh.map((d) => ({ id: d.id, name: d.file, text: d.text })) });
  watchPreview();
  renderPreviewStatus();
}

// A worker that stays silent (a pattern slow on a long text) is stopped and
// replaced; the user is told which rule to look at.
function watchPreview() {
  clearTimeout(editor.stall);
  if (!editor.ready) return;  // starting (the module, the first analysis) is not a stall
  editor.stall = setTimeout(() => {
    if (!editor.preview || !editor.preview.running) return;
    editor.worker.terminate();
    editor.worker = null;
    editor.preview.running = false;
    editor.preview.stopped = `The preview was stopped: the plugin took over ${PREVIEW_STALL_MS / 1000} s on one document. A pattern with nested repeats, like (\\w+\\s?)+, tries too many ways: make each repeat unambiguous.`;
    renderPreview();
  }, PREVIEW_STALL_MS);
}

function previewed(msg) {
  if (!editor.preview || msg.seq !== editor.preview.seq) return;
  Object.assign(editor.preview, msg, { running: !msg.done, stopped: '' });
  if (msg.done) clearTimeout(editor.stall); else watchPreview();
  editor.problems = msg.ok ? [] : msg.details.map((d, i) => Object.assign({ line: msg.problems[i] }, d));
  renderProblems();
  renderPreview();
  if (!msg.ok || (msg.open && msg.open.id === app.currentId)) renderPreviewText();  // a broken plugin shows nothing
}

// The open document with the preview's matches only (the plugin's own
// colour and tag), drawn by the text view as any result.
function renderPreviewText() {
  const doc = findDoc(app.currentId);
  const p = editor.preview;
  if (!doc || doc.status !== 'done' || !app.editor) return;
  const mentions = p && p.open && p.open.id === doc.id ? p.open.mentions : [];
  if (p && p.done && (!p.open || p.open.id !== doc.id) && doc.id !== p.asked) { p.asked = doc.id; schedulePreview(); }  // another document opened
  renderTextView(app, Object.assign({}, doc, { result: Object.assign({}, doc.result, { mentions }), layout: null, order: null }));
}

// ---- opening, saving ----------------------------------------------------------------

function openEditor(spec, from) {
  editor.model = fromSpec(spec || { name: 'my-plugin', description: 'What my plugin finds', rules: [] });
  if (!spec) editor.model.rules.push(newRule('list', editor.model));
  editor.from = from || null;  // {name, version} of the loaded plugin being changed
  editor.problems = [];
  editor.preview = null;
  document.getElementById('ed-saved').textContent = '';
  app.editor = { info: editorInfo() };
  document.body.classList.add('editing');
  if (app.tab !== 'doc') showTab('doc');
  document.getElementById('editor').hidden = false;
  renderEditor();
  renderDoc(app, findDoc(app.currentId));
  schedulePreview();
  document.getElementById('ed-name').focus();
}

function closeEditor() {
  app.editor = null;
  clearTimeout(editor.timer);
  clearTimeout(editor.stall);
  if (editor.worker) { editor.worker.terminate(); editor.worker = null; }
  document.body.classList.remove('editing');
  document.getElementById('editor').hidden = true;
  renderDoc(app, findDoc(app.currentId));
  document.getElementById('new-plugin').focus();
}

// What the page's colours and tags read for the plugin being edited (fields.js, segments.js).
function editorInfo() {
  const spec = toSpec(editor.model);
  return { name: spec.name, description: spec.description, about: { origin: 'rules', label: spec.label, color: spec.color, fields: spec.fields } };
}

// "1.0.0" -> "1.0.1": a changed plugin saved again is a new version.
function nextVersion(v) {
  const m = /^(.*?)(\d+)$/.exec(v || '');
  return m ? m[1] + (Number(m[2]) + 1) : (v ? v + '.1' : '1.0.0');
}

// Downloads the file and loads it into the workspace (kept with it, analysed
// on every document), replacing an earlier version of the same name.
async function savePlugin() {
  const ed = editor.model;
  if (editor.from && editor.from.name === ed.name.trim() && (ed.version || '') === (editor.from.version || '')) ed.version = nextVersion(ed.version);
  renderEditor();
  const text = JSON.stringify(toSpec(ed), null, 2) + '\n';
  const file = `${ed.name.trim()}.json`;
  download(file, text, 'application/json');
  await loadPluginFiles([new File([text], file, { type: 'application/json' })]);
  editor.from = { name: ed.name.trim(), version: ed.version };
  const status = document.getElementById('ed-saved');
  const ok = app.pluginFiles.some((s) => s.file === file);
  status.textContent = ok ? `Saved ${file}${ed.version ? ` (version ${ed.version})` : ''}: downloaded, and kept in this workspace, which now runs it on every document.` : `${file} was downloaded but could not be loaded: see the Plugins panel.`;
}

// ---- drawing ----------------------------------------------------------------------

function field(label, input, hint, key) {
  const id = input.id || (input.id = `ed-${Math.random().toString(36).slice(2, 9)}`);
  return el('div', { class: 'ed-field', dataset: key ? { key } : {} }, el('label', { htmlFor: id }, label), input,
    hint ? el('span', { class: 'muted ed-hint' }, hint) : null, el('div', { class: 'ed-error', role: 'alert' }));
}
// An input bound to obj[key]; `redraw` when a change alters other controls.
function bound(tag, obj, key, props, redraw) {
  const input = el(tag, Object.assign({}, props));
  if (input.type === 'checkbox') input.checked = !!obj[key]; else input.value = obj[key] == null ? '' : obj[key];
  input.addEventListener(input.type === 'checkbox' || tag === 'select' ? 'change' : 'input', () => {
    obj[key] = input.type === 'checkbox' ? input.checked : input.value;
    if (redraw) renderEditor(); else schedulePreview();
  });
  return input;
}
function options(select, pairs, value) {
  select.replaceChildren(...pairs.map(([v, t]) => el('option', { value: v }, t)));
  select.value = value;
  return select;
}
function check(obj, key, text) { return el('label', { class: 'check' }, bound('input', obj, key, { type: 'checkbox' }), ' ' + text); }

function renderEditor() {
  const ed = editor.model;
  const box = document.getElementById('ed-form');
  const focus = document.activeElement;
  const active = focus && focus.id;
  const caret = focus && typeof focus.selectionStart === 'number' ? [focus.selectionStart, focus.selectionEnd] : null;
  const colors = PLUGIN_PALETTE.map((c, k) => {
    const input = el('input', { type: 'radio', name: 'ed-color', value: c.line, 'aria-label': `colour ${k + 1} (${c.line})` });
    input.checked = (ed.color || '').toLowerCase() === c.line.toLowerCase();
    input.addEventListener('change', () => { ed.color = c.line; schedulePreview(); });
    return el('label', { class: 'ed-color', title: c.line }, input, el('span', { class: 'swatch', style: { '--fill': c.fill, '--line': c.line } }));
  });
  const shown = new Set(ed.rules.filter((r) => r.list !== null).map((r) => r.list));
  box.replaceChildren(
    el('fieldset', { class: 'ed-plugin' }, el('legend', {}, 'The plugin'),
      field('Name', bound('input', ed, 'name', { id: 'ed-name', type: 'text', spellcheck: false }), 'lower-case letters, digits, - or _: the plugin is known by it', 'name'),
      field('Description', bound('input', ed, 'description', { type: 'text' }), null, 'description'),
      el('div', { class: 'ed-row' },
        field('Tag on highlights', bound('input', ed, 'label', { type: 'text', maxLength: 16 }), null, 'label'),
        field('Version', bound('input', ed, 'version', { type: 'text', placeholder: '1.0.0' }), null, 'version')),
      el('div', { class: 'ed-field', role: 'radiogroup', 'aria-label': 'Highlight colour', dataset: { key: 'color' } },
        el('span', { class: 'ed-label' }, 'Highlight colour'), el('div', { class: 'ed-colors' }, ...colors), el('div', { class: 'ed-error', role: 'alert' }))),
    ...ed.rules.map((r, i) => ruleCard(ed, r, i)),
    el('div', { class: 'ed-add' },
      el('button', { type: 'button', onclick: () => { ed.rules.push(newRule('list', ed)); renderEditor(); } }, '+ Word list rule'),
      el('button', { type: 'button', onclick: () => { ed.rules.push(newRule('pattern', ed)); renderEditor(); } }, '+ Pattern rule'),
      el('button', { type: 'button', onclick: () => { ed.lists.push({ name: `list${ed.lists.length + 1}`, words: '' }); renderEditor(); } }, '+ Word list for patterns')),
    ...ed.lists.filter((l) => !shown.has(l.name)).map((l) => listBox(ed, l, true)));
  const again = active && document.getElementById(active);
  if (again) { again.focus(); if (caret && again.setSelectionRange) again.setSelectionRange(caret[0], caret[1]); }
  renderProblems();
  schedulePreview();
}

// A word list: its name (a pattern uses it as {{name}}) and its words.
function listBox(ed, l, own) {
  // Renamed with the rules that find its words.
  const rename = el('input', { type: 'text', spellcheck: false, id: `ed-list-${ed.lists.indexOf(l)}`, value: l.name });
  rename.addEventListener('input', () => {
    for (const r of ed.rules) if (r.list === l.name) r.list = rename.value;
    l.name = rename.value;
    schedulePreview();
  });
  rename.addEventListener('change', () => renderEditor());
  const words = bound('textarea', l, 'words', { rows: Math.min(8, Math.max(3, l.words.split('\n').length + 1)), spellcheck: false, id: `ed-words-${ed.lists.indexOf(l)}` });
  return el(own ? 'fieldset' : 'div', { class: 'ed-list', dataset: { list: l.name } },
    own ? el('legend', {}, `Word list {{${l.name}}}`) : null,
    field('List name', rename, `a pattern uses it as {{${l.name}}}`),
    field('Words, one per line', words, null, `lists.${l.name}`),
    own ? el('button', { type: 'button', class: 'small', onclick: () => { ed.lists.splice(ed.lists.indexOf(l), 1); renderEditor(); } }, `Remove the list ${l.name}`) : null);
}

function ruleCard(ed, r, i) {
  const list = r.list !== null ? ed.lists.find((l) => l.name === r.list) : null;
  const captures = captureNames(r);
  const plugins = helperPlugins();
  const fields = r.fields.map((f, k) => {
    const from = el('select', { 'aria-label': `rule ${r.id}, field ${f.name || k + 1}: taken from` });
    const known = f.capture && !captures.includes(f.capture) ? [[f.capture, `capture ${f.capture} (not in the pattern)`]] : [];
    options(from, [...captures.map((c) => [c, r.list !== null ? 'the words found' : `capture ${c}`]), ...known, ['=', 'a fixed value']], f.capture || '=');
    from.addEventListener('change', () => { f.capture = from.value === '=' ? '' : from.value; renderEditor(); });
    const norm = el('select', { 'aria-label': `rule ${r.id}, field ${f.name || k + 1}: normalised` });
    options(norm, [...NORMALIZERS, ...plugins.map((p) => [`plugin:${p}`, `by ${p}`])], f.normalize === 'plugin' ? `plugin:${f.plugin}` : f.normalize);
    norm.addEventListener('change', () => {
      const v = norm.value;
      f.normalize = v.startsWith('plugin:') ? 'plugin' : v;
      f.plugin = v.startsWith('plugin:') ? v.slice(7) : '';
      renderEditor();
    });
    return el('div', { class: 'ed-frow', dataset: { field: f.name } },
      bound('input', f, 'name', { type: 'text', spellcheck: false, 'aria-label': `rule ${r.id}, field ${k + 1}: name`, placeholder: 'field' }),
      bound('input', f, 'label', { type: 'text', 'aria-label': `rule ${r.id}, field ${k + 1}: label`, placeholder: 'label' }),
      from,
      f.capture ? norm : bound('input', f, 'value', { type: 'text', 'aria-label': `rule ${r.id}, field ${k + 1}: value` }),
      f.capture && f.normalize === 'plugin' ? bound('input', f, 'pfield', { type: 'text', spellcheck: false, 'aria-label': `rule ${r.id}, field ${k + 1}: field of the ${f.plugin} plugin`, size: 6 }) : null,
      el('button', { type: 'button', class: 'small', 'aria-label': `Remove the field ${f.name || k + 1} of rule ${r.id}`, onclick: () => { r.fields.splice(k, 1); renderEditor(); } }, '×'),
      el('div', { class: 'ed-error', role: 'alert' }));
  });
  const pattern = r.list === null ? bound('textarea', r, 'pattern', { rows: 2, spellcheck: false, id: `ed-pattern-${i}`, class: 'ed-pattern' }, false) : null;
  if (pattern) pattern.addEventListener('input', () => { const names = captureNames(r).join(); if (names !== pattern.dataset.captures) renderEditorSoon(); });
  if (pattern) pattern.dataset.captures = captures.join();
  const pluginChoice = (key, text) => {
    const s = options(el('select', { id: `ed-${key}-${i}` }), [['', 'anywhere'], ...plugins.map((p) => [p, `${key} a ${p} mention`])], r[key]);
    s.addEventListener('change', () => { r[key] = s.value; schedulePreview(); });
    return field(text, s, null, `rules[${i}].${key}`);
  };
  return el('fieldset', { class: 'ed-rule', dataset: { rule: i } },
    el('legend', {}, `Rule ${i + 1}: ${r.list !== null ? 'words from a list' : 'a pattern'}`),
    el('div', { class: 'ed-row' },
      field('Rule id', bound('input', r, 'id', { type: 'text', spellcheck: false, id: `ed-id-${i}` }), null, `rules[${i}].id`),
      el('button', { type: 'button', class: 'small ed-remove', onclick: () => { ed.rules.splice(i, 1); renderEditor(); } }, `Remove rule ${i + 1}`)),
    list ? listBox(ed, list, false) : null,
    pattern ? field('Pattern', pattern, 'regular expression (Boost/Perl); (?<name>…) captures a field; {{list}} any word of a list', `rules[${i}].pattern`) : null,
    el('div', { class: 'ed-checks', dataset: { key: `rules[${i}]` } },
      check(r, 'case_insensitive', 'ignore case'), check(r, 'accent_insensitive', 'ignore accents (é = e)'),
      check(r, 'plurals', 'also plurals of list words'), check(r, 'word_boundary', 'whole words only'),
      el('div', { class: 'ed-error', role: 'alert' })),
    el('details', { class: 'ed-more' }, el('summary', {}, 'More: the span, other plugins'),
      field('Highlight', options(el('select', { id: `ed-span-${i}`, onchange: (ev) => { r.span = ev.target.value; schedulePreview(); } }),
        [['', 'the whole match'], ...captures.map((c) => [c, `only capture ${c}`])], r.span), null, `rules[${i}].span`),
      pluginChoice('inside', 'Keep a match only'), pluginChoice('outside', 'Drop a match')),
    el('div', { class: 'ed-fields', dataset: { key: `rules[${i}].fields` } },
      el('div', { class: 'ed-label' }, 'Fields (columns of the results)'),
      ...fields,
      el('button', { type: 'button', class: 'small', onclick: () => addField(r, captures) }, '+ Field'),
      el('div', { class: 'ed-error', role: 'alert' })));
}
// A new field: named after the first capture no field reads yet.
function addField(r, captures) {
  const free = captures.find((c) => !r.fields.some((f) => f.capture === c || f.name === c));
  r.fields.push({ name: free || `field${r.fields.length + 1}`, label: '', capture: free || captures[0] || '', value: '', normalize: '', plugin: '', pfield: 'value' });
  renderEditor();
}
function renderEditorSoon() { clearTimeout(renderEditorSoon.t); renderEditorSoon.t = setTimeout(renderEditor, 600); }

// Each problem at its place: the control of its key, the character of a
// pattern (marked under it); others at the top.
function renderProblems() {
  const form = document.getElementById('ed-form');
  for (const e of form.querySelectorAll('.ed-error')) e.replaceChildren();
  for (const e of form.querySelectorAll('[aria-invalid]')) e.removeAttribute('aria-invalid');
  const general = document.getElementById('ed-problems');
  general.replaceChildren();
  const ed = editor.model;
  for (const p of editor.problems) {
    const words = p.line.replace(/^[^:]*: /, '').replace(/^[^:]*: /, '')
      .replace('must be a non-empty array of non-empty strings', 'add at least one word (one a line)');
    const m = /^rules\[(\d+)\](?:\.(fields)\.([^.]+)|\.(\w+))?/.exec(p.path);
    let place = null;
    if (/^(name|description|label|color|version)$/.test(p.path) || /^lists\./.test(p.path)) place = form.querySelector(`[data-key="${CSS.escape(p.path)}"]`);
    else if (m && m[2]) place = form.querySelector(`[data-rule="${m[1]}"] [data-field="${CSS.escape(m[3])}"]`) || form.querySelector(`[data-key="rules[${m[1]}].fields"]`);
    else if (m && m[4] === 'list') place = form.querySelector(`[data-rule="${m[1]}"] [data-key^="lists."]`);
    else if (m && m[4]) place = form.querySelector(`[data-key="rules[${m[1]}].${m[4]}"]`);
    if (!place && m) place = form.querySelector(`[data-key="rules[${m[1]}]"]`);
    const box = place ? place.querySelector('.ed-error') : general.appendChild(el('li', {}));
    const rule = m ? ed.rules[Number(m[1])] : null;
    const line = el('p', {}, words);
    box.append(line);
    const input = place && place.querySelector('input, textarea, select');
    if (input) input.setAttribute('aria-invalid', 'true');
    // The character of the pattern, marked.
    if (rule && p.offset >= 0 && m[4] === 'pattern') {
      const cps = Array.from(rule.pattern);
      const at = Math.min(p.offset, cps.length);
      box.append(el('code', { class: 'ed-at', dataset: { offset: String(at) } }, cps.slice(0, at).join(''),
        el('mark', {}, at < cps.length ? cps[at] : ' '), cps.slice(at + 1).join('')),
      el('span', { class: 'muted' }, ` character ${at + 1} of ${cps.length}`));
    }
  }
  general.hidden = !general.children.length;
  document.getElementById('ed-save').disabled = editor.problems.length > 0;
  renderSaveHint();
}
function renderSaveHint() {
  document.getElementById('ed-save-hint').textContent = editor.problems.length
    ? `Fix the ${editor.problems.length === 1 ? 'problem' : `${editor.problems.length} problems`} marked in red to save.` : '';
}

function renderPreviewStatus() {
  const p = editor.preview;
  const s = document.getElementById('ed-status');
  if (!p) { s.textContent = ''; return; }
  const docs = previewDocs().length;
  const long = app.docs.filter((d) => d.text && d.text.length > PREVIEW_MAX_CHARS).length;
  if (p.stopped) s.textContent = p.stopped;
  else if (!docs) s.textContent = 'Add documents (left) to see what the plugin finds in them.';
  else if (p.ok === false) s.textContent = 'The plugin has problems (marked in red): nothing to preview.';
  else if (p.counts) {
    const total = Object.values(p.counts).reduce((a, b) => a + b, 0);
    const found = Object.values(p.counts).filter(Boolean).length;
    s.textContent = `${total} match${total === 1 ? '' : 'es'} in ${found} of ${docs} document${docs === 1 ? '' : 's'}${p.running ? ` (${p.checked} checked so far…)` : ''}.`
      + (long ? ` ${long} document${long === 1 ? '' : 's'} over 2 million characters left out of the preview (a saved plugin runs on ${long === 1 ? 'it' : 'them'}).` : '');
  } else s.textContent = 'Checking…';
  s.classList.toggle('error', !!p.stopped);
}

function renderPreview() {
  renderPreviewStatus();
  const p = editor.preview;
  const counts = document.getElementById('ed-counts');
  const first = document.getElementById('ed-first');
  const errors = document.getElementById('ed-run-errors');
  counts.replaceChildren();
  first.replaceChildren();
  errors.replaceChildren();
  if (!p || !p.counts) return;
  const rows = app.docs.filter((d) => p.counts[d.id] !== undefined);
  counts.append(el('caption', {}, 'Matches per document'), el('tr', {}, el('th', { scope: 'col' }, 'Document'), el('th', { scope: 'col', class: 'num' }, 'Matches')),
    ...rows.map((d) => el('tr', { class: d.id === app.currentId ? 'current' : '', dataset: { doc: d.file } },
      el('td', {}, el('button', { type: 'button', class: 'link', onclick: () => { selectDoc(d.id); renderPreview(); } }, d.name)),
      el('td', { class: 'num' }, String(p.counts[d.id])))));
  // A rule that failed on documents (the complexity limit) says so at the rule too.
  const failed = {};
  for (const [id, why] of Object.entries(p.errors || {})) {
    const d = findDoc(Number(id));
    const said = why.replace(/^[^:]*: /, '');
    errors.append(el('li', {}, `${d ? d.name : id}: ${said}`));
    const r = /^rule '([^']*)': (.*)$/.exec(said);
    if (r) failed[r[1]] = { why: r[2], n: (failed[r[1]] ? failed[r[1]].n : 0) + 1 };
  }
  editor.model.rules.forEach((r, i) => {
    const box = document.querySelector(`#ed-form [data-key="rules[${i}]"] > .ed-error`);
    const f = failed[r.id];
    if (box && f) box.replaceChildren(el('p', {}, `On ${f.n} document${f.n === 1 ? '' : 's'}: ${f.why}.`));
  });
  errors.hidden = !errors.children.length;
  const label = (k) => fieldLabel(toSpec(editor.model).name, k);
  first.append(...(p.first || []).map((m) => {
    const d = findDoc(m.doc);
    const extra = Object.keys(m).filter((k) => !['doc', 'plugin', 'start', 'end', 'start16', 'end16', 'text', 'segment', 'rule'].includes(k));
    return el('li', {}, el('q', {}, m.text), el('span', { class: 'muted' }, ` · ${d ? d.name : ''} · rule ${m.rule}`),
      extra.length ? el('span', { class: 'ed-vals' }, ' · ' + extra.map((k) => `${label(k)}: ${m[k] === null ? '—' : m[k]}`).join(' · ')) : null);
  }));
}

function renderJson() {
  const pre = document.getElementById('ed-json');
  if (pre && pre.closest('details').open) pre.textContent = JSON.stringify(toSpec(editor.model), null, 2);
}

// The editor's frame (index.html holds its place), wired once.
function wireEditor() {
  document.getElementById('new-plugin').addEventListener('click', () => openEditor(null));
  document.getElementById('ed-close').addEventListener('click', closeEditor);
  document.getElementById('ed-save').addEventListener('click', savePlugin);
  document.querySelector('#editor .ed-json').addEventListener('toggle', renderJson);
  const examples = document.getElementById('ed-examples');
  const start = (spec, from) => () => { openEditor(spec, from); };
  for (const [file, text] of Object.entries(typeof NEWSLENS_EXAMPLE_PLUGINS === 'object' ? NEWSLENS_EXAMPLE_PLUGINS : {})) {
    const spec = JSON.parse(text);
    examples.append(el('button', { type: 'button', class: 'small', title: spec.description, onclick: start(spec, { name: spec.name, version: spec.version }) }, file.replace(/\.json$/, '')));
  }
  for (const b of document.querySelectorAll('#editor [data-example]')) b.addEventListener('click', start(EDITOR_EXAMPLES[b.dataset.example], null));
}

// A rule plugin loaded in the workspace, opened in the editor.
function editLoadedPlugin(name) {
  const spec = app.pluginFiles.find((s) => s.name === name && s.kind === 'rules');
  if (!spec) return;
  const json = JSON.parse(new TextDecoder().decode(spec.bytes));
  openEditor(json, { name: json.name, version: json.version });
}
