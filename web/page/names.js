// Names people use for a document: its headline, outlet and date, taken from
// the text when it gives them. No DOM here.
'use strict';

// Lines that open scraped pages but are not the headline.
const CHROME_LINE = /^(skip to (main )?content|connect with us|hi,? what are you looking for|menu|search|sign in|log in|subscribe|advertisement|share( this)?|home|world|news|business|sport|politics|cookies?|accept|close|most read|related|trending|breaking news)\b/i;

const AGENCIES = [
  ['AFP', /^(AFP|Agence France[- ]Presse)$/i],
  ['Reuters', /^(\(?reuters\)?|Thomson Reuters)$/i],
  ['AP', /^(AP|The Associated Press|Associated Press)$/i],
  ['Bloomberg', /^Bloomberg( News)?$/i],
  ['BBC', /^BBC( News)?$/i],
];

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATE_DMY = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? ${MONTH},? (\\d{4})\\b`, 'i');
const DATE_MDY = new RegExp(`\\b${MONTH} (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`, 'i');
const DATE_ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;

function pad2(n) { return String(n).padStart(2, '0'); }
function monthIndex(word) { return MONTHS.findIndex((m) => m.startsWith(word.toLowerCase().slice(0, 3))); }

// 'YYYY-MM-DD' for a date written in `s`, or ''.
function parseDate(s) {
  let m = DATE_ISO.exec(s);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = DATE_DMY.exec(s);
  if (m) return `${m[3]}-${pad2(monthIndex(m[2]) + 1)}-${pad2(m[1])}`;
  m = DATE_MDY.exec(s);
  if (m) return `${m[3]}-${pad2(monthIndex(m[1]) + 1)}-${pad2(m[2])}`;
  return '';
}

// The headline: the first substantial line (4 words or more, not page
// chrome); a long first paragraph (a lede) is cut at a word.
function headline(text) {
  const re = /[^\n]+/g;
  let m;
  let n = 0;
  while ((m = re.exec(text)) && n++ < 60) {
    const line = m[0].replace(/\s+/g, ' ').trim();
    if (line.length < 15 || line.split(' ').length < 4 || CHROME_LINE.test(line)) continue;
    if (/^\(?source:/i.test(line)) continue;
    if (line.length <= 140) return line;
    const cut = line.slice(0, 120);
    return cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:\s]+$/, '') + '…';
  }
  return '';
}

// The outlet the text names: "(source: foxnews)", a dateline
// "WASHINGTON (Reuters) -", a line that is an agency's name ("AFP"), a photo
// credit "REUTERS/Name". '' if none.
function outletOf(text) {
  const src = /\(\s*source:\s*([^)\n]{2,40})\)/i.exec(text);
  if (src) return src[1].trim();
  const dateline = /^[A-Z][A-Z .,'-]{2,40}\((Reuters|AP|AFP|Bloomberg)\)\s*[-–—]/m.exec(text);
  if (dateline) return dateline[1];
  const lines = text.split('\n', 400).map((l) => l.trim()).filter((l) => l && l.length < 40);
  for (const [name, re] of AGENCIES) if (lines.some((l) => re.test(l))) return name;
  const credit = /\b(REUTERS|AFP|AP)\/[A-Z]/.exec(text.slice(0, 20000));
  if (credit) return credit[1] === 'REUTERS' ? 'Reuters' : credit[1];
  return '';
}

// A date line: a short line (a "Published …" line, a byline date) among the
// first 40 that holds a date. Dates inside sentences are not the article's.
function dateOf(text) {
  const lines = text.split('\n', 40);
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.length > 70) continue;
    const d = parseDate(line);
    if (d) return d;
  }
  return '';
}

// {title, outlet, date} found in the text ('' for what it does not give).
function describeText(text) {
  return { title: headline(text), outlet: outletOf(text), date: dateOf(text) };
}
