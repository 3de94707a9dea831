// The plugins panel: every plugin with its switch, origin and description; a
// plugin loaded at run time can be removed, and one that replaces a built-in
// plugin says so; a loaded rule plugin opens in the plugin editor (editor.js).
// Load problems are in the plugin author's terms (the core gives the file,
// the rule, the field, the offset in their own pattern; library error codes
// and the worker's file system paths are taken out here) and stay listed
// until dismissed.
'use strict';

// One problem line from the worker, for the author of `spec` ({file, bytes}).
function explainPluginProblem(line, spec) {
  let text = String(line);
  const file = spec && spec.file ? spec.file : '';
  // The worker writes compiled plugins to /plugins/<name with _ for odd characters>.
  if (file) text = text.split('/plugins/' + file.replace(/[^\w.-]/g, '_')).join(file);
  text = text.replace(/(^|\s)\/plugins\/([\w.-]+)/g, '$1$2');
  // nlohmann::json's codes: "[json.exception.parse_error.101] parse error at line 3, column 5: …"
  text = text.replace(/(not valid JSON: )?\[json\.exception\.parse_error\.\d+\]\s*parse error/g, 'not valid JSON: error');
  text = text.replace(/\[json\.exception\.(type_error|out_of_range|other_error|invalid_iterator)\.\d+\]\s*/g, 'not what a rule plugin holds here: ');
  return text;
}

function dismissProblem(i) {
  app.pluginProblems.splice(i, 1);
  renderPluginPanel();
}

// Takes a plugin loaded at run time out: the worker is restarted with the
// other loaded plugins (the core cannot unload one), a built-in plugin it
// replaced comes back, and the documents are analysed again.
function removePlugin(name) {
  const spec = app.pluginFiles.find((s) => s.name === name);
  if (!spec) return;
  app.pluginFiles = app.pluginFiles.filter((s) => s !== spec);
  const info = app.plugins.find((p) => p.name === name);
  const replaced = info && info.about && info.about.replaces;
  if (!replaced) app.plugins = app.plugins.filter((p) => p.name !== name);
  app.disabled.delete(name);
  // Documents in the workers go back to the front of the queue.
  const inflight = pool.stop();
  for (const d of inflight.reverse()) { d.status = 'queued'; app.queue.unshift(d); }
  pump();  // starts the workers, which load the remaining plugin files first
  app.ready.then((msg) => {
    // The built-in list, then what the remaining loaded plugins said of themselves.
    setPlugins(msg.plugins);
    for (const s of app.pluginFiles) {
      const p = app.plugins.find((q) => q.name === s.name);
      if (p && s.info) Object.assign(p, s.info);
    }
    setStatus(`Removed ${name}` + (replaced ? `: the built-in ${name} is back` : '') + ` · plugins: ${app.plugins.map((p) => p.name).join(', ')}`);
    renderPluginPanel();
    reanalyseAll();
    changed();
  });
  renderPluginPanel();
}

function renderPluginPanel() {
  const list = document.getElementById('side-plugins');
  list.replaceChildren(...app.plugins.map((p, i) => {
    const box = el('input', { type: 'checkbox', 'aria-label': `run ${p.name}` });
    box.checked = !app.disabled.has(p.name);
    box.addEventListener('change', () => togglePlugin(p.name, box.checked));
    const about = p.about || {};
    const loaded = app.pluginFiles.some((s) => s.name === p.name);
    const origin = about.file ? `${about.origin === 'rules' ? 'rule plugin' : 'compiled plugin'} · ${about.file}` : 'built in';
    return el('li', { 'data-plugin': p.name },
      el('div', { class: 'plugin-row' },
        el('label', { class: 'check' }, box, swatch(i), el('strong', {}, p.name)),
        loaded && about.origin === 'rules' && el('button', {
          type: 'button', class: 'small edit-plugin', 'aria-label': `Edit the plugin ${p.name}`,
          title: 'Open it in the plugin editor: change it, save it as a new version', onclick: () => editLoadedPlugin(p.name),
        }, 'Edit'),
        loaded && el('button', {
          type: 'button', class: 'small remove-plugin', 'aria-label': `Remove the plugin ${p.name}`,
          title: about.replaces ? `Remove ${about.file}: the built-in ${p.name} comes back` : `Remove ${about.file || p.name}`,
          onclick: () => removePlugin(p.name),
        }, 'Remove')),
      el('div', { class: 'muted plugin-origin' }, `${origin}${about.version ? ' · v' + about.version : ''}`),
      about.replaces && el('div', { class: 'plugin-replaces' }, `replaces the ${about.replaces === 'built-in' ? 'built-in' : about.replaces} ${p.name}`),
      el('div', { class: 'muted plugin-desc' }, p.description));
  }));
  const problems = document.getElementById('plugin-problems');
  problems.replaceChildren(...app.pluginProblems.map((line, i) => el('li', {},
    el('span', { class: 'problem-text' }, line),
    el('button', { type: 'button', class: 'dismiss', 'aria-label': 'Dismiss this message', title: 'Dismiss', onclick: () => dismissProblem(i) }, '×'))));
  if (app.pluginProblems.length > 1) {
    problems.append(el('li', { class: 'dismiss-all' }, el('button', {
      type: 'button', class: 'small', onclick: () => { app.pluginProblems = []; renderPluginPanel(); },
    }, 'Dismiss all')));
  }
  problems.hidden = !app.pluginProblems.length;
}
