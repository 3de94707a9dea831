// The Report view: the findings across the documents on one page, for an
// editor. It prints cleanly (print styles below) and saves as a standalone
// HTML file: no script, its own styles, a Content-Security-Policy that allows
// nothing to load, so it opens offline anywhere. Built with el() like the
// other views: article text only reaches it as text nodes, and outerHTML
// escapes it in the saved file.
'use strict';

const REPORT_CSS = `
.report { max-width: 900px; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1d2330; }
.report h1 { font-size: 24px; margin: 0 0 4px; }
.report h2 { font-size: 18px; margin: 22px 0 8px; padding-bottom: 3px; border-bottom: 2px solid #dde1e7; }
.report h3 { font-size: 15px; margin: 14px 0 4px; }
.report .meta { color: #555e6e; margin: 0 0 10px; }
.report table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 4px 0 8px; }
.report th, .report td { text-align: left; vertical-align: top; padding: 3px 8px; border-bottom: 1px solid #e4e7ec; }
.report th { background: #f0f2f5; }
.report td.num, .report th.num { text-align: right; font-variant-numeric: tabular-nums; }
.report .figures { font-size: 17px; font-weight: 600; margin: 2px 0 6px; }
.report .flag { display: inline-block; margin-left: 8px; padding: 0 8px; border-radius: 9px; background: #fff4e0; color: #8a4200; border: 1px solid #f0c27a; font-size: 12px; font-weight: 600; }
.report blockquote { margin: 10px 0 2px; font: 16px/1.5 Georgia, "Times New Roman", serif; }
.report .speakers { margin: 0 0 2px; font-weight: 600; }
.report .src { margin: 0 0 8px; color: #555e6e; font-size: 13px; }
.report section.item { break-inside: avoid; }
.report .empty { color: #555e6e; font-style: italic; }
.report .timeline-box { margin: 4px 0 8px; }
.report .timeline { display: block; max-width: 100%; height: auto; }
.report .timeline-legend { list-style: none; display: flex; flex-wrap: wrap; gap: 2px 14px; padding: 0; margin: 2px 0; font-size: 13px; }
.report .timeline-key svg { vertical-align: -2px; margin-right: 4px; }
.report .timeline-caption { font-size: 12px; color: #555e6e; margin: 0; }
@media print { .report h2 { break-after: avoid; } .report .timeline { max-width: 16cm; } }
`;

(function addReportStyles() {
  const style = document.createElement('style');
  style.textContent = REPORT_CSS;
  document.head.append(style);
})();

function plural(n, one, many) { return `${formatCount(n)} ${n === 1 ? one : (many || one + 's')}`; }

// The report element for the current analysis.
function buildReport(app, when) {
  const done = app.docs.filter((d) => d.status === 'done');
  const counted = done.filter((d) => !d.duplicateOf);
  const names = new Map(app.docs.map((d) => [d.id, d.name]));
  const date = (when || new Date());
  const stamp = date.toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
  const out = el('article', { class: 'report' },
    el('h1', {}, 'newslens report'),
    el('p', { class: 'meta' }, `Analysed on `, el('time', { dateTime: date.toISOString() }, stamp),
      ` · ${plural(done.length, 'document')}` + (done.length > counted.length ? ` (${done.length - counted.length} identical to another, not counted)` : '')
      + ` · made offline by newslens ${(document.getElementById('version') || {}).textContent || ''}`));

  out.append(el('h2', {}, 'Documents'));
  if (!done.length) out.append(el('p', { class: 'empty' }, 'No document analysed.'));
  else {
    out.append(el('table', {},
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'document'), el('th', { scope: 'col', class: 'num' }, 'characters'),
        ...app.plugins.map((p) => el('th', { scope: 'col', class: 'num' }, p.name)))),
      el('tbody', {}, ...done.map((d) => {
        const counts = countByPlugin(app, d.result.mentions);
        // Title, then the file, outlet and date it came with (issue 16 names).
        const about = [d.file && d.file !== d.name ? d.file : '', d.outlet, d.date].filter(Boolean).join(' · ');
        return el('tr', {}, el('td', {}, d.name + (about ? ` (${about})` : '') + (d.duplicateOf ? ` (identical to ${names.get(d.duplicateOf) || 'another'})` : '')),
          el('td', { class: 'num' }, formatCount(d.result.chars)),
          ...counts.map((n) => el('td', { class: 'num' }, formatCount(n))));
      }))));
  }

  out.append(el('h2', {}, 'Numbers across sources'));
  // The groups as the user left them in the Numbers view (merged, dismissed).
  const { groups, dismissed } = editedNumberGroups(app.model.numbers || [], app.groupEdits);
  if (!groups.length) out.append(el('p', { class: 'empty' }, 'No figure reported by two sources or more.'));
  if (dismissed.length) out.append(el('p', { class: 'meta' }, `${plural(dismissed.length, 'group')} dismissed by the reader, not shown.`));
  for (const g of groups) {
    const line = groupFigures(g);
    out.append(el('section', { class: 'item number-item' },
      el('h3', {}, groupWhat(g), ` · ${plural(g.sources, 'source')}` + (g.country ? ` · story in ${countryName(g.country)}` : '')
        + (g.merged ? ` · ${g.merged} groups merged by the reader` : ''),
        g.conflict ? el('span', { class: 'flag' }, 'conflict') : null),
      el('p', { class: 'figures' }, line.map((f) => f.f).join(' / ')),
      el('p', {}, groupHeadline(g)),
      groupTimeline(g, { interactive: false }),
      el('table', {}, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'document'), el('th', { scope: 'col', class: 'num' }, 'figure'),
        el('th', { scope: 'col' }, 'according to'), el('th', { scope: 'col' }, 'said'), el('th', { scope: 'col' }, 'as written'))),
      el('tbody', {}, ...line.map(({ x, f, c }) => el('tr', {}, el('td', {}, x.doc.name), el('td', { class: 'num' }, f),
        el('td', {}, c.source || ''), el('td', {}, [c.said, c.said_date ? dayWords(c.said_date) : '', c.period].filter(Boolean).join(' · ')),
        el('td', {}, x.m.text)))))));
  }

  out.append(el('h2', {}, 'Quotes shared by sources'));
  const quotes = app.model.quotes || [];
  if (!quotes.length) out.append(el('p', { class: 'empty' }, 'No quotation found in two sources or more.'));
  for (const g of quotes) {
    const speakers = g.speakers.length ? g.speakers.map((s) => `${s.name} (${plural(s.docs.size, 'source')})`).join(' · ') : 'speaker not identified';
    out.append(el('section', { class: 'item' },
      el('blockquote', {}, `“${g.text}”`),
      el('p', { class: 'speakers' }, '— ', speakers, g.conflict ? el('span', { class: 'flag' }, 'different speakers') : null),
      el('p', { class: 'src' }, 'In ', Array.from(new Set(g.members.map((x) => x.doc.name))).join(', '))));
  }

  out.append(el('h2', {}, 'Places'));
  const places = (app.model.places || []).slice().sort((a, b) => b.docs.size - a.docs.size || b.mentions - a.mentions).slice(0, 30);
  if (!places.length) out.append(el('p', { class: 'empty' }, 'No place found.'));
  else {
    out.append(el('table', {},
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'place'), el('th', { scope: 'col' }, 'country'), el('th', { scope: 'col' }, 'type'),
        el('th', { scope: 'col', class: 'num' }, 'sources'), el('th', { scope: 'col', class: 'num' }, 'mentions'))),
      el('tbody', {}, ...places.map((p) => el('tr', {}, el('td', {}, p.name), el('td', {}, countryName(p.country)), el('td', {}, p.type || ''),
        el('td', { class: 'num' }, String(p.docs.size)), el('td', { class: 'num' }, String(p.mentions)))))));
  }
  return out;
}

function renderReport(app) {
  const box = document.getElementById('report');
  box.replaceChildren(buildReport(app));
}

// The report as a file of its own: no script, nothing it may load.
function reportHtml(app) {
  const report = buildReport(app);
  return '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
    + '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">\n'
    + '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
    + '<title>newslens report</title>\n'
    + `<style>body { margin: 24px; background: #fff; }${REPORT_CSS}</style>\n</head>\n<body>\n`
    + report.outerHTML + '\n</body>\n</html>\n';
}

function saveReport(app) {
  const day = new Date().toISOString().slice(0, 10);
  download(`newslens-report-${day}.html`, reportHtml(app), 'text/html;charset=utf-8');
}

document.getElementById('report-print').addEventListener('click', () => window.print());
document.getElementById('report-save').addEventListener('click', () => saveReport(app));
