// A saved news page (.html/.htm) becomes the article's text: the bytes are
// decoded (decode.js), parsed by DOMParser into an inert document (its
// scripts never run, nothing it links is loaded) and Mozilla Readability
// (npm @mozilla/readability, inlined by build_page.js) picks the article.
// Only text leaves here; nothing of the page is ever inserted as markup.
// The analysis runs on the text returned, so offsets refer to it.
'use strict';

// Elements after which the text breaks a line (paragraphs stay one per line,
// as in the .txt articles).
const BLOCK_TAGS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ASIDE', 'MAIN', 'NAV', 'BLOCKQUOTE',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'PRE', 'TABLE', 'TR', 'FIGURE',
  'FIGCAPTION', 'HR', 'ADDRESS', 'DETAILS', 'SUMMARY']);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'BUTTON', 'FORM', 'SELECT']);

// The charset a page declares in its first 2 KB (<meta charset> or
// http-equiv), or null.
function declaredCharset(bytes) {
  const head = latinHead(bytes, 2048);
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m ? m[1] : null;
}

// Text of an element: white space collapsed inside lines, one line per
// block, <br> as a line break.
function blockText(root) {
  const lines = [];
  let line = '';
  const flush = () => {
    const t = line.replace(/[ \t\r\n\f\u00a0]+/g, ' ').trim();
    if (t) lines.push(t);
    line = '';
  };
  const walk = (node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) { line += c.data; continue; }
      if (c.nodeType !== 1) continue;
      const tag = c.tagName.toUpperCase();
      if (SKIP_TAGS.has(tag)) continue;
      if (tag === 'BR') { flush(); continue; }
      const block = BLOCK_TAGS.has(tag);
      if (block) flush();
      if (tag === 'TD' || tag === 'TH') line += ' ';
      walk(c);
      if (block) flush();
    }
  };
  walk(root);
  flush();
  return lines.join('\n');
}

// The publication date a page states in its metadata, as YYYY-MM-DD, or ''.
function metaDate(doc, article) {
  const tries = [article && article.publishedTime];
  for (const sel of ['meta[property="article:published_time"]', 'meta[name="date"]', 'meta[name="pubdate"]',
    'meta[itemprop="datePublished"]', 'meta[name="DC.date.issued"]', 'time[datetime]']) {
    const e = doc.querySelector(sel);
    if (e) tries.push(e.getAttribute('content') || e.getAttribute('datetime'));
  }
  for (const t of tries) {
    const m = /(\d{4})-(\d{2})-(\d{2})/.exec(t || '');
    if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  }
  return '';
}

// "Headline | Site" → "Headline", when the tail is the outlet or a name of
// three words or fewer.
function cleanTitle(title, outlet) {
  const m = /^(.*\S)\s+[|\-–—·•»]\s+([^|–—·•»]+)$/.exec(title);
  if (!m) return title;
  const tail = m[2].trim();
  if ((outlet && tail.toLowerCase() === outlet.toLowerCase()) || tail.split(/\s+/).length <= 3) return m[1];
  return title;
}

// {text, title, outlet, date, byline, note} or {error}.
function importHtml(bytes) {
  const decoded = decodeBytes(bytes, declaredCharset(bytes));
  let doc;
  try {
    doc = new DOMParser().parseFromString(decoded.text, 'text/html');
  } catch (e) {
    return { error: `could not be read as HTML (${e.message || e})` };
  }
  const siteMeta = doc.querySelector('meta[property="og:site_name"]');
  const site = siteMeta ? (siteMeta.getAttribute('content') || '').trim() : '';
  const pageTitle = (doc.title || '').trim();
  const date = metaDate(doc, null);
  let article = null;
  try {
    // serializer: keep the article as an element (no HTML string is made).
    article = new Readability(doc, { serializer: (node) => node, charThreshold: 200 }).parse();
  } catch (e) {
    article = null;
  }
  let body = article && article.content ? blockText(article.content) : '';
  let how = 'article text extracted with Readability';
  if (!body) {
    // Not an article Readability recognises (a short page): all its text.
    const fallback = new DOMParser().parseFromString(decoded.text, 'text/html');
    body = fallback.body ? blockText(fallback.body) : '';
    how = 'no article found: all the page’s text';
  }
  const outletName = ((article && article.siteName) || site || '').trim();
  const title = cleanTitle(((article && article.title) || pageTitle).replace(/\s+/g, ' ').trim(), outletName);
  if (!body.trim()) return { error: 'an HTML page with no text in it' };
  // The headline leads the text, as in a .txt article.
  const text = title && !body.startsWith(title) ? `${title}\n\n${body}\n` : `${body}\n`;
  const byline = article && article.byline ? article.byline.replace(/\s+/g, ' ').trim() : '';
  return {
    text, title, outlet: outletName, date: metaDate(doc, article) || date, byline,
    note: [how, decoded.note].filter(Boolean).join('; '),
  };
}
