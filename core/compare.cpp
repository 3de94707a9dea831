// The comparison across documents (core/compare.h). It was web/page/compare.js;
// the page now calls this through the module (web/binding.cpp).
#include "compare.h"
#include "segmentation.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "chars.h"
#include "document.h"
#include "json_writer.h"
#include "text.h"

namespace newslens {
namespace {

using ojson = nlohmann::ordered_json;

constexpr std::size_t kMinRepeatChars = 30;  // shorter lines ("Advertisement", "Reuters") are not worth marking
constexpr double kMaxRatio = 5;              // figures more than 5x apart describe different things
// Amounts (money, percents, measures) are not counts that grow while a story
// runs (100 deserters on Sunday, 326 on Tuesday): reports repeat one amount,
// rounded ("$27bn", "$27.5bn", "more than $27bn"). Amounts further apart are
// different things of one story (a $27.5bn tax bill, a $20bn lawsuit).
constexpr double kMaxAmountRatio = 1.25;
// An amount's context: this many words each side of it. Its currency or unit
// says nothing of what it is of, the words next to it do ("a $27.5bn tax
// claim", "sued ... for $28.3bn"), and the rest of its sentence is about others.
constexpr std::size_t kAmountWindowWords = 4;
constexpr std::size_t kContextChars = 300;   // a figure's context: its sentence or line, at most this far each side
constexpr std::size_t kNearChars = 400;      // places near a figure when the text is not known
// Texts up to this size get their sentences from the text layer; longer
// ones (tens of megabytes in the page) use their lines, which cost nothing.
constexpr std::size_t kMaxSentenceBytes = 8u << 20;
// Two documents are on the same story when their words are this alike
// (cosine of tf-idf vectors): syndicated copies score near 1, reports of one
// event from different outlets 0.3-0.6, unrelated articles of one section
// (two football reports) below 0.2.
constexpr double kSameStory = 0.25;
// Document frequencies say which words are distinctive only over enough
// documents: below this many, every document is taken to be on one story (a
// handful of reports of one event), and the sentences and places decide.
constexpr std::size_t kMinDocsForStories = 20;

// ---- loose text ----------------------------------------------------------------

// Case, accents, curly vs straight marks and runs of spaces ignored (chars::fold).
std::u32string loose(std::u32string_view s) {
    std::u32string out;
    out.reserve(s.size());
    bool space = false;
    for (char32_t c : s) {
        if (chars::is_space(c)) { space = !out.empty(); continue; }
        if (space) out += U' ';
        space = false;
        out += chars::fold(c);
    }
    return out;
}

std::u32string to_u32(std::string_view utf8) {
    std::u32string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        char32_t cp = 0;
        const std::size_t n = decode_utf8(utf8, i, cp);
        if (n == 0) { out += 0xFFFD; ++i; continue; }
        out += cp;
        i += n;
    }
    return out;
}

std::string utf8_of(std::u32string_view s) {
    std::string out;
    for (char32_t c : s) append_utf8(out, c);
    return out;
}

std::uint64_t fnv(std::u32string_view s, std::uint64_t h = 1469598103934665603ull) {
    for (char32_t c : s) {
        h ^= static_cast<std::uint64_t>(c);
        h *= 1099511628211ull;
    }
    return h;
}

std::string hex(std::uint64_t h) {
    static const char* digits = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<std::size_t>(i)] = digits[h & 15];
    return out;
}

Repeats repeats_of(std::u32string_view text) {
    Repeats out;
    out.key = hex(fnv(loose(text)));
    std::unordered_set<std::u32string> seen;
    std::size_t at = 0, at16 = 0;
    while (at < text.size()) {
        std::size_t end = at, end16 = at16;
        while (end < text.size() && text[end] != U'\n') end16 += text[end++] > 0xFFFF ? 2 : 1;
        std::u32string key = loose(text.substr(at, end - at));
        if (key.size() >= kMinRepeatChars && !seen.insert(std::move(key)).second)
            out.paragraphs.push_back({at, end, at16, end16});
        at = end + 1;
        at16 = end16 + 1;
    }
    return out;
}

// ---- the documents, prepared ---------------------------------------------------

bool counted_segment(const Fields& f) {
    const Value* s = f.find("segment");
    if (!s || !s->is_string()) return true;  // no segments (issue 18 not there): every mention counts
    const std::string& k = s->as_string();
    return k == "article" || k == "headline" || k == "dateline";
}

// One document as the map step reads it.
struct Prepared {
    const CompareDocument* doc = nullptr;
    std::u32string text;                 // empty when unknown
    std::string key;                     // loose-text key, "" unknown
    std::vector<TextSpan> repeats;
    std::vector<bool> left_out;          // per mention: a repeat or outside the article
    std::string top_country;             // the country the document names most
};

bool in_spans(const std::vector<TextSpan>& spans, std::size_t pos) {
    auto it = std::upper_bound(spans.begin(), spans.end(), pos, [](std::size_t p, const TextSpan& s) { return p < s.start; });
    return it != spans.begin() && pos < std::prev(it)->end;
}

// A document that is a copy of an earlier one gives nothing but its
// "duplicate_of": the reduce step leaves out all of its summary.
Prepared prepare(const CompareDocument& d) {
    Prepared p;
    p.doc = &d;
    p.key = d.key;
    if (d.has_text) {
        p.text = to_u32(d.text);
        Repeats r = repeats_of(p.text);
        p.key = r.key;
        p.repeats = std::move(r.paragraphs);
    } else {
        p.repeats = d.repeats;
        std::sort(p.repeats.begin(), p.repeats.end(), [](const TextSpan& a, const TextSpan& b) { return a.start < b.start; });
        if (p.key.empty()) {  // no text, no key: the mentions stand for the text
            std::uint64_t h = 1469598103934665603ull;
            for (const auto& m : d.mentions) h = fnv(to_u32(m.plugin + '\t' + std::to_string(m.start) + '\t' + m.text + '\n'), h);
            p.key = d.mentions.empty() ? std::string() : "m" + hex(h);
        }
    }
    p.left_out.resize(d.mentions.size());
    std::map<std::string, int> countries;
    for (std::size_t j = 0; j < d.mentions.size(); ++j) {
        const auto& m = d.mentions[j];
        p.left_out[j] = in_spans(p.repeats, m.start) || !counted_segment(m.fields);
        const Value& c = m.fields.get("country");
        if (!p.left_out[j] && c.is_string() && !c.as_string().empty()) ++countries[c.as_string()];
    }
    int best = 0;
    for (const auto& [c, n] : countries)
        if (n > best) { best = n; p.top_country = c; }
    return p;
}

// Per summary: whether its document is a copy of an earlier one (equal
// loose-text keys), and of which.
std::vector<long> duplicates(const std::vector<CompareSummary>& docs) {
    std::vector<long> out(docs.size(), -1);
    std::unordered_map<std::string, long> first;
    for (std::size_t i = 0; i < docs.size(); ++i) {
        if (docs[i].key.empty()) continue;
        auto [it, added] = first.emplace(docs[i].key, static_cast<long>(i));
        if (!added) out[i] = it->second;
    }
    return out;
}

ojson nullable(const Value& v) { return v.is_null() ? ojson(nullptr) : v.to_json(); }

// ---- numbers across sources ----------------------------------------------------

// Function words that say nothing of a story (kept from the page's
// compare.js, where they picked the words that index quotes).
const std::unordered_set<std::u32string>& stop_words() {
    static const auto* words = [] {
        auto* s = new std::unordered_set<std::u32string>();
        const char* list =
            "that this with have from they will were been their there what would about which when your more them "
            "than into only also just over some very said does dont cant wont says could after before while where "
            "these those other being since such";
        std::string w;
        for (const char* p = list;; ++p) {
            if (*p == ' ' || *p == '\0') {
                if (!w.empty()) s->insert(to_u32(w));
                w.clear();
                if (*p == '\0') break;
            } else w += *p;
        }
        return s;
    }();
    return *words;
}

bool amount_kind(std::string_view kind) { return kind == "money" || kind == "percent" || kind == "measure"; }
double max_ratio(std::string_view kind) { return amount_kind(kind) ? kMaxAmountRatio : kMaxRatio; }

// Three-letter function words: an amount's window reads words of three
// letters ("tax", "oil", "bid"), stop_words() has the longer ones.
bool short_stop_word(const std::u32string& w) {
    static const std::unordered_set<std::u32string> words = [] {
        std::unordered_set<std::u32string> s;
        for (const char* w : {"the", "and", "for", "was", "has", "had", "are", "but", "not", "you", "all", "can", "her",
                              "his", "its", "our", "out", "who", "why", "how", "now", "new", "may", "get", "got", "let",
                              "put", "see", "any", "few", "per", "via", "off", "yet", "she", "him", "one", "two", "six",
                              "ten", "bn", "mln", "its", "did", "say", "won"})
            s.insert(to_u32(w));
        return s;
    }();
    return words.count(w) != 0;
}

// A word's stem for linking contexts: "taxes"/"tax", "sued"/"sues"/"suing",
// "claims"/"claiming" meet; irregular verb forms take their base first
// ("fled"/"flee", "sold"/"sell").
std::u32string stem(std::u32string w) {
    if (const std::string_view base = irregular_verb_base(utf8_of(w)); !base.empty()) w = to_u32(base);
    auto ends = [&](std::u32string_view x) {
        return w.size() > x.size() + 1 && std::u32string_view(w).substr(w.size() - x.size()) == x;
    };
    bool verb_ending = false;
    if (ends(U"ies") || ends(U"ied")) w = w.substr(0, w.size() - 3) + U"y";
    else if (ends(U"sses") || ends(U"xes") || ends(U"ches") || ends(U"shes")) w.resize(w.size() - 2);
    else if (ends(U"s") && !ends(U"ss") && !ends(U"us") && !ends(U"is")) w.resize(w.size() - 1);
    else if (ends(U"ed")) { w.resize(w.size() - 2); verb_ending = true; }
    else if (ends(U"ing")) { w.resize(w.size() - 3); verb_ending = true; }
    // "stopped", "stopping" -> "stop"
    if (verb_ending && w.size() > 2 && w[w.size() - 1] == w[w.size() - 2]) w.pop_back();
    if (w.size() > 2 && w.back() == U'e') w.pop_back();  // "sue", "owe", "damage"
    return w;
}

const std::set<std::string>& compared_kinds() {
    static const std::set<std::string> kinds{"count", "money", "measure", "percent", "other"};
    return kinds;
}

// A figure in the reduce step: its summary with the document's index and
// its sentence words as ids.
struct Figure {
    const CompareFigure* src = nullptr;
    std::size_t doc = 0, mention = 0;
    double value = 0;
    std::string noun;                 // as written, lower case
    std::set<std::string> countries;  // the story; empty: the document names no place
    std::vector<std::uint32_t> words;  // content words of its sentence (ids of a WordIds), sorted
    bool context_known = false;
    std::size_t sentence_start = 0, sentence_end = 0;
};

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return s;
}

// The singular of a counted noun for its family name when WordNet lacks it.
std::string singular(const std::string& w) {
    auto ends = [&](const char* s) {
        const std::size_t n = std::char_traits<char>::length(s);
        return w.size() > n && w.compare(w.size() - n, n, s) == 0;
    };
    if (w == "people" || w == "staff" || w == "personnel" || w == "police" || w == "aircraft" || w == "series") return w;
    if (w == "children") return "child";
    if (ends("men")) return w.substr(0, w.size() - 3) + "man";
    if (ends("ies") && w.size() > 4) return w.substr(0, w.size() - 3) + "y";
    if (ends("ss") || ends("us") || ends("is")) return w;
    if (ends("ches") || ends("shes") || ends("xes") || ends("sses")) return w.substr(0, w.size() - 2);
    if (ends("s") && w.size() > 3) return w.substr(0, w.size() - 1);
    return w;
}

// The words after "members of (the) (Venezuela's) ...": WordNet names the
// group that counts ("armed forces", "national guard"). Longest lemma first.
std::vector<unsigned> complement_family(const std::u32string& text, std::size_t end, const std::string& noun) {
    std::vector<std::u32string> words;  // folded
    std::size_t i = end;
    while (i < text.size() && words.size() < 10 && i < end + 120) {
        while (i < text.size() && text[i] == U' ') ++i;
        std::size_t j = i;
        while (j < text.size() && (chars::is_letter(text[j]) || chars::is_apostrophe(text[j]))) ++j;
        if (j == i) break;
        words.push_back(loose(text.substr(i, j - i)));
        i = j;
    }
    // The counted noun follows the number ("326 members of ..."): from there.
    const std::u32string unit = loose(to_u32(noun));
    std::size_t k = 0;
    while (k < words.size() && k < 3 && words[k] != unit) ++k;
    if (k + 2 >= words.size() || words[k] != unit || words[k + 1] != U"of") return {};
    k += 2;
    while (k < words.size()) {
        const std::u32string& w = words[k];
        const bool possessive = w.size() > 2 && w[w.size() - 2] == U'\'' && w.back() == U's';
        if (w == U"the" || w == U"a" || w == U"an" || w == U"its" || w == U"their" || possessive) ++k;
        else break;
    }
    for (std::size_t n = std::min<std::size_t>(3, words.size() - k); n >= 1; --n) {
        std::u32string phrase;
        for (std::size_t m = k; m < k + n; ++m) phrase += (phrase.empty() ? U"" : U" ") + words[m];
        auto family = noun_family(utf8_of(phrase));
        if (!family.empty()) return family;
    }
    return {};
}

// Money in brackets right after money is the same amount in another
// currency ("$1.13bn (£600m)", "£1.3bn ($2.48bn; 1.88bn euros)"): one
// figure, not a second one.
std::vector<bool> conversions(const Prepared& p) {
    const auto& ms = p.doc->mentions;
    std::vector<bool> out(ms.size(), false);
    if (p.text.empty()) return out;
    long prev = -1;
    for (std::size_t j = 0; j < ms.size(); ++j) {
        if (!ms[j].fields.get("value").is_number()) continue;
        const bool money = ms[j].fields.get("kind").as_string() == "money";
        if (money && prev >= 0 && ms[static_cast<std::size_t>(prev)].fields.get("kind").as_string() == "money" &&
            ms[static_cast<std::size_t>(prev)].end <= ms[j].start && ms[j].start <= p.text.size()) {
            std::u32string between;
            for (std::size_t k = ms[static_cast<std::size_t>(prev)].end; k < ms[j].start; ++k)
                if (!chars::is_space(p.text[k])) between += p.text[k];
            out[j] = between == U"(" || between == U"[" ||
                     (out[static_cast<std::size_t>(prev)] && (between == U";" || between == U"," || between == U":" || between == U"/"));
        }
        prev = static_cast<long>(j);
    }
    return out;
}

// Figures whose counted nouns share an anchor (a WordNet synset, a currency,
// a unit) are candidates for the same count. A figure's keys: kind|anchor.
std::string position_before(const std::u32string& t, std::size_t start);

std::vector<std::string> figure_keys(const std::string& kind, const Fields& f, const std::string& noun,
                                     const std::u32string& text, std::size_t start, std::size_t end) {
    std::vector<std::string> keys;
    if (kind == "money") return {kind + "|" + lower(noun)};
    if (kind == "measure" || kind == "percent") return {kind + "|" + lower(noun)};
    std::vector<unsigned> family = noun_family(noun);
    if (!text.empty()) {
        auto more = complement_family(text, end, noun);
        family.insert(family.end(), more.begin(), more.end());
    }
    // "their opening two matches" and "the last two games" count different ones.
    const std::string position = text.empty() ? std::string() : position_before(text, start);
    const std::string tail = position.empty() ? "" : "|" + position;
    for (unsigned a : family) keys.push_back(kind + "|wn" + std::to_string(a) + tail);
    if (keys.empty()) keys.push_back(kind + "|" + singular(lower(noun)) + tail);
    (void)f;
    return keys;
}

// The figure's sentence: the numbers plugin's sentence_start/end when given
// (issue 13), else its line, at most kContextChars each side.
void context_of(const Prepared& p, const CompareMention& m, CompareFigure& fig) {
    const std::u32string& t = p.text;
    if (t.empty()) return;
    std::size_t s, e;
    const Value& ss = m.fields.get("sentence_start");
    const Value& se = m.fields.get("sentence_end");
    const auto& sentences = p.doc->sentences;
    auto in = std::upper_bound(sentences.begin(), sentences.end(), m.start,
                               [](std::size_t pos, const std::pair<std::size_t, std::size_t>& x) { return pos < x.first; });
    if (ss.is_number() && se.is_number() && ss.as_int() >= 0 && se.as_int() >= ss.as_int()) {
        s = std::min<std::size_t>(static_cast<std::size_t>(ss.as_int()), t.size());
        e = std::min<std::size_t>(static_cast<std::size_t>(se.as_int()), t.size());
    } else if (in != sentences.begin() && m.start < std::prev(in)->second) {
        s = std::prev(in)->first;
        e = std::min(std::max(std::prev(in)->second, m.end), t.size());
        // Within the figure's line (a quotation can carry a sentence over one).
        for (std::size_t k = s; k < m.start; ++k)
            if (t[k] == U'\n') s = k + 1;
        for (std::size_t k = m.end; k < e; ++k)
            if (t[k] == U'\n') { e = k; break; }
    } else {
        s = std::min(m.start, t.size());
        while (s > 0 && t[s - 1] != U'\n' && m.start - s < kContextChars) --s;
        e = std::min(m.end, t.size());
        while (e < t.size() && t[e] != U'\n' && e - m.end < kContextChars) ++e;
    }
    fig.context_known = true;
    fig.sentence_start = s;
    fig.sentence_end = e;
}

// Content words of a context: four letters or more, not a function word, not
// inside a number or a place (places make the story, numbers the figure).
// In text order, each once, an irregular verb form as its base ("fled" and
// "flee" meet): the reduce step numbers words in the order it first meets them.
// An amount's context is the words next to it (kAmountWindowWords each side,
// within its sentence): lower-case words of three letters or more.
// Names are left to the story: "Yukos" is in the sentences of its tax bill
// and of its lawsuit alike.
std::vector<std::string> context_words(const Prepared& p, const CompareFigure& fig,
                                       const std::vector<std::pair<std::size_t, std::size_t>>& masked, bool amount) {
    const std::u32string& t = p.text;
    std::vector<std::string> words;
    std::unordered_set<std::u32string> seen;
    const std::u32string noun = loose(to_u32(fig.noun));
    std::size_t from = fig.sentence_start, to = fig.sentence_end;
    auto letter = [&](std::size_t k) { return chars::is_letter(t[k]) || chars::has(t[k], chars::kMark); };
    if (amount) {
        // Back and forth over kAmountWindowWords runs of letters.
        std::size_t b = std::min(fig.start, to), n = 0;
        while (b > from && n < kAmountWindowWords) {
            while (b > from && !letter(b - 1)) --b;
            while (b > from && letter(b - 1)) --b;
            ++n;
        }
        std::size_t e = std::max(std::min(fig.end, to), b);
        n = 0;
        while (e < to && n < kAmountWindowWords) {
            while (e < to && !letter(e)) ++e;
            while (e < to && letter(e)) ++e;
            ++n;
        }
        from = b;
        to = e;
    }
    std::size_t i = from;
    auto mi = masked.begin();
    while (i < to) {
        if (!chars::is_letter(t[i])) { ++i; continue; }
        std::size_t j = i;
        while (j < to && letter(j)) ++j;
        while (mi != masked.end() && mi->second <= i) ++mi;
        const bool inside = mi != masked.end() && mi->first < j;
        if (amount) {
            if (!inside && j - i >= 3 && !chars::is_upper(t[i])) {
                std::u32string w = loose(t.substr(i, j - i));
                if (w != noun && !stop_words().count(w) && !short_stop_word(w)) {
                    w = stem(std::move(w));
                    if (seen.insert(w).second) words.push_back(utf8_of(w));
                }
            }
        } else if (!inside && j - i >= 4) {
            std::u32string w = loose(t.substr(i, j - i));
            if (w != noun && !stop_words().count(w)) {
                // Only irregular forms take their base: stems would merge common
                // words ("cuts", "cutting") whose document frequency then links nothing.
                if (const std::string_view base = irregular_verb_base(utf8_of(w)); !base.empty()) w = to_u32(base);
                if (seen.insert(w).second) words.push_back(utf8_of(w));
            }
        }
        i = j;
    }
    return words;
}

// Words as small integers, for the document frequencies and the links; the
// views point into the summaries, which outlive the reduce.
using WordIds = std::unordered_map<std::string_view, std::uint32_t>;

// A document's words as a unit tf-idf vector (sorted by word id): how alike
// two documents are says whether their figures can be of one story.
using DocVector = std::vector<std::pair<std::uint32_t, float>>;

// The words of a text with their counts, in the order they first appear.
WordCounts text_words(const std::u32string& t) {
    std::vector<std::pair<std::string, std::uint32_t>> found;
    std::unordered_map<std::u32string, std::size_t> at;
    std::size_t i = 0;
    while (i < t.size()) {
        if (!chars::is_letter(t[i])) { ++i; continue; }
        std::size_t j = i;
        while (j < t.size() && (chars::is_letter(t[j]) || chars::has(t[j], chars::kMark))) ++j;
        if (j - i >= 4) {
            std::u32string w = loose(t.substr(i, j - i));
            if (!stop_words().count(w)) {
                auto [it, added] = at.emplace(w, found.size());
                if (added) found.emplace_back(utf8_of(w), 0);
                ++found[it->second].second;
            }
        }
        i = j;
    }
    WordCounts out;
    for (const auto& [w, k] : found) out.add(w, k);
    return out;
}

std::vector<DocVector> doc_vectors(const std::vector<CompareSummary>& docs, const std::vector<long>& dup, WordIds& ids) {
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> words(docs.size());  // (id, count) sorted by id
    for (std::size_t d = 0; d < docs.size(); ++d) {
        if (dup[d] >= 0) continue;
        docs[d].words.each([&](std::string_view w, std::uint32_t k) {
            const auto id = static_cast<std::uint32_t>(ids.size());
            words[d].emplace_back(ids.emplace(w, id).first->second, k);
        });
        std::sort(words[d].begin(), words[d].end());
    }
    std::vector<std::uint32_t> df(ids.size(), 0);
    for (const auto& ws : words)
        for (const auto& [id, k] : ws) ++df[id];
    std::vector<DocVector> out(docs.size());
    const double n = static_cast<double>(docs.size());
    for (std::size_t d = 0; d < docs.size(); ++d) {
        double norm = 0;
        for (const auto& [id, k] : words[d]) {
            const double w = (1 + std::log(static_cast<double>(k))) * std::log(1 + n / df[id]);
            out[d].emplace_back(id, static_cast<float>(w));
            norm += w * w;
        }
        norm = std::sqrt(norm);
        for (auto& [id, w] : out[d]) w = static_cast<float>(w / norm);
    }
    return out;
}

double cosine(const DocVector& a, const DocVector& b) {
    double dot = 0;
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].first < b[j].first) ++i;
        else if (b[j].first < a[i].first) ++j;
        else dot += static_cast<double>(a[i++].second) * b[j++].second;
    }
    return dot;
}

// Whether two documents are on one story, each pair computed once.
class Stories {
public:
    explicit Stories(std::vector<DocVector> vectors) : vectors_(std::move(vectors)) {}
    bool same(std::size_t a, std::size_t b) {
        if (vectors_.size() < kMinDocsForStories) return true;
        if (a == b || vectors_[a].empty() || vectors_[b].empty()) return true;  // no text: the places decide
        const std::uint64_t key = static_cast<std::uint64_t>(std::min(a, b)) << 32 | std::max(a, b);
        auto it = cache_.find(key);
        if (it == cache_.end()) it = cache_.emplace(key, cosine(vectors_[a], vectors_[b]) >= kSameStory).first;
        return it->second;
    }

private:
    std::vector<DocVector> vectors_;
    std::unordered_map<std::uint64_t, bool> cache_;
};

struct NumberGroup {
    std::string kind;
    std::string story;  // the country, "" when none
    std::vector<const Figure*> figures;
    std::size_t sources = 0;
};

// Union-find over the figures of one window.
struct Sets {
    std::vector<std::size_t> parent;
    explicit Sets(std::size_t n) : parent(n) { for (std::size_t i = 0; i < n; ++i) parent[i] = i; }
    std::size_t find(std::size_t i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }
    void join(std::size_t a, std::size_t b) { parent[find(a)] = find(b); }
};

// Among `items` (sorted by value, linked by linked_parts), the story
// (country) and value window [v, v * kMaxRatio] holding figures from the
// most distinct sources.
NumberGroup best_group(const std::vector<const Figure*>& items, double ratio) {
    std::set<std::string> stories;
    for (const Figure* f : items) stories.insert(f->countries.begin(), f->countries.end());
    if (stories.empty()) stories.insert("");
    NumberGroup best;
    for (const std::string& story : stories) {
        std::vector<const Figure*> pool;
        for (const Figure* f : items)
            if (f->countries.empty() || story.empty() || f->countries.count(story)) pool.push_back(f);
        // A sliding window with the count of figures per source inside it.
        std::map<std::size_t, std::size_t> in;
        std::size_t j = 0;
        for (std::size_t i = 0; i < pool.size(); ++i) {
            const double top = pool[i]->value * ratio;
            while (j < pool.size() && pool[j]->value <= top) ++in[pool[j++]->doc];
            if (in.size() > best.sources || (in.size() == best.sources && j - i > best.figures.size())) {
                best.sources = in.size();
                best.figures.assign(pool.begin() + static_cast<std::ptrdiff_t>(i), pool.begin() + static_cast<std::ptrdiff_t>(j));
                best.story = story;
            }
            if (--in[pool[i]->doc] == 0) in.erase(pool[i]->doc);
        }
    }
    return best;
}

// A sentence that gives two figures of one kind far apart ("bought for
// $9.3bn to settle a $27.5bn tax claim", "the 800m and 1500m champion")
// counts two things: a group holding both is cut at the widest gap between
// their values. Close values in one sentence ("fell from £180,126 to
// £178,906") are the same thing at two times.
constexpr double kOneSentenceRatio = 1.5;

std::vector<std::vector<const Figure*>> split_apart(std::vector<const Figure*> figs) {
    for (std::size_t a = 0; a < figs.size(); ++a)
        for (std::size_t b = a + 1; b < figs.size(); ++b) {
            const Figure* x = figs[a];
            const Figure* y = figs[b];  // figs are in value order: y->value >= x->value
            if (x->doc != y->doc || !x->context_known || x->sentence_start != y->sentence_start) continue;
            if (y->value <= x->value * kOneSentenceRatio) continue;
            std::size_t cut = a;
            double widest = 0;
            for (std::size_t k = a; k < b; ++k) {
                const double gap = figs[k + 1]->value / figs[k]->value;
                if (gap > widest) { widest = gap; cut = k; }
            }
            std::vector<const Figure*> low(figs.begin(), figs.begin() + static_cast<std::ptrdiff_t>(cut + 1));
            std::vector<const Figure*> high(figs.begin() + static_cast<std::ptrdiff_t>(cut + 1), figs.end());
            auto out = split_apart(std::move(low));
            for (auto& part : split_apart(std::move(high))) out.push_back(std::move(part));
            return out;
        }
    return {std::move(figs)};
}

// The figures of one key split into sets linked by their sentences (a
// distinctive word in common), their stories and values: best_group then
// reads each small set instead of every window of the whole key.
std::vector<std::vector<const Figure*>> linked_parts(const std::vector<const Figure*>& items,
                                                     const std::vector<std::size_t>& df, std::size_t max_df, Stories& stories,
                                                     double ratio) {
    auto compatible = [&](const Figure* a, const Figure* b) {
        const double lo = std::min(a->value, b->value), hi = std::max(a->value, b->value);
        if (hi > lo * ratio || !stories.same(a->doc, b->doc)) return false;
        if (a->countries.empty() || b->countries.empty()) return true;
        for (const auto& c : a->countries)
            if (b->countries.count(c)) return true;
        return false;
    };
    Sets sets(items.size());
    std::unordered_map<std::uint32_t, std::vector<std::size_t>> index;
    std::vector<std::size_t> unknown;  // no text: linked by story and value alone
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!items[i]->context_known) { unknown.push_back(i); continue; }
        for (std::uint32_t w : items[i]->words)
            if (df[w] <= max_df) index[w].push_back(i);
    }
    for (std::size_t u : unknown)
        for (std::size_t j = 0; j < items.size(); ++j)
            if (j != u && compatible(items[u], items[j])) sets.join(u, j);
    for (const auto& [w, list] : index)
        for (std::size_t a = 0; a < list.size(); ++a)
            for (std::size_t b = a + 1; b < list.size(); ++b)
                if (sets.find(list[a]) != sets.find(list[b]) && compatible(items[list[a]], items[list[b]])) sets.join(list[a], list[b]);
    std::map<std::size_t, std::vector<const Figure*>> parts;
    for (std::size_t i = 0; i < items.size(); ++i) parts[sets.find(i)].push_back(items[i]);
    std::vector<std::vector<const Figure*>> out;
    for (auto& [root, part] : parts) {
        std::set<std::size_t> docs;
        for (const Figure* f : part) docs.insert(f->doc);
        if (docs.size() >= 2) out.push_back(std::move(part));  // in value order, as items were
    }
    return out;
}

// Two figures of one source for one time and period contradict each other
// when no value satisfies both ("326" and "over 400"; "100" and "104").
bool contradict(const Fields& a, const Fields& b) {
    auto bounds = [](const Fields& f, double& lo, double& hi) {
        const double v = f.get("value").as_double();
        const std::string q = f.get("qualifier").as_string();
        lo = v;
        hi = v;
        if (q == "over" || q == "at_least") hi = INFINITY;
        else if (q == "under" || q == "at_most") lo = -INFINITY;
        else if (q == "range" && f.get("value_max").is_number()) hi = f.get("value_max").as_double();
        else if (q == "about" || q == "vague") { lo = v * 0.8; hi = v * 1.25; }
        if (q == "over") lo = v;  // "over 100" can be 100.x
    };
    double alo, ahi, blo, bhi;
    bounds(a, alo, ahi);
    bounds(b, blo, bhi);
    return ahi < blo * 0.999 || bhi < alo * 0.999;
}

const char* const kFigureFields[] = {"value", "value_max", "qualifier", "unit", "currency", "source", "said", "said_date", "period"};

// The word before [start, ...) in loose form ("men's", "the"), "" at a line's start.
std::u32string word_before(const std::u32string& t, std::size_t start) {
    std::size_t b = std::min(start, t.size());
    while (b > 0 && t[b - 1] == U' ') --b;
    std::size_t pb = b;
    while (pb > 0 && (chars::is_letter(t[pb - 1]) || chars::is_apostrophe(t[pb - 1]))) --pb;
    return loose(t.substr(pb, b - pb));
}

// "the first two", "their opening two matches", "the last 200m": a position
// word before a figure picks which ones of a series it counts. The series'
// first figures and its last are different things. "" when there is none.
std::string position_before(const std::u32string& t, std::size_t start) {
    const std::u32string w = word_before(t, start);
    if (w == U"first" || w == U"opening") return "first";
    if (w == U"last" || w == U"final" || w == U"closing") return "last";
    if (w == U"next" || w == U"coming") return "next";
    if (w == U"past" || w == U"previous") return "past";
    return "";
}

bool possessive_word(const std::u32string& w) {
    return (w.size() > 2 && chars::is_apostrophe(w[w.size() - 2]) && w.back() == U's') ||
           (w.size() > 1 && chars::is_apostrophe(w.back()));
}

// A measure that names a class or an event by its size, not a measurement
// anyone states: "the 100m final", "Olympic 100m champion", "60m hurdles",
// "the men's 200m", a stretch of a race ("over the last 200m"). A measure
// after "a", "his" or a possessive name is a measurement ("a 10m rise in sea
// level", "Morgan's 7.96m"), and so is one followed by no noun ("cleared 1.76m to win").
bool names_a_class(const std::u32string& t, std::size_t start, std::size_t end) {
    if (t.empty() || end > t.size()) return false;
    const std::u32string before = word_before(t, start);
    // Divisions of events: "the men's 200m", "the women's 400m".
    for (const char32_t* d : {U"men's", U"women's", U"boys'", U"girls'"})
        if (before == loose(d)) return true;
    if (!position_before(t, start).empty()) return true;
    if (before == U"a" || before == U"an" || before == U"his" || before == U"her" || before == U"their" ||
        before == U"its" || before == U"my" || before == U"our" || before == U"your" || possessive_word(before))
        return false;
    // The word after: one space, then a lower-case content word.
    std::size_t a = end;
    if (a >= t.size() || t[a] != U' ') return false;
    ++a;
    std::size_t ae = a;
    while (ae < t.size() && chars::is_letter(t[ae])) ++ae;
    if (ae - a < 3 || chars::is_upper(t[a])) return false;
    const std::u32string after = loose(t.substr(a, ae - a));
    return !stop_words().count(after) && !short_stop_word(after);
}

// The map step's figures of one document.
std::vector<CompareFigure> figures_of(const Prepared& p) {
    std::vector<CompareFigure> out;
    const auto& ms = p.doc->mentions;
    std::vector<std::pair<std::size_t, std::size_t>> masked;  // numbers and places, sorted by start
    std::vector<std::pair<std::size_t, std::string>> places;
    for (std::size_t j = 0; j < ms.size(); ++j) {
        const auto& f = ms[j].fields;
        if (f.get("value").is_number() || f.contains("country")) masked.emplace_back(ms[j].start, ms[j].end);
        const Value& c = f.get("country");
        if (!p.left_out[j] && c.is_string() && !c.as_string().empty()) places.emplace_back(ms[j].start, c.as_string());
    }
    std::sort(masked.begin(), masked.end());
    const std::vector<bool> conversion = conversions(p);
    for (std::size_t j = 0; j < ms.size(); ++j) {
        const auto& m = ms[j];
        const Fields& f = m.fields;
        if (p.left_out[j] || !f.get("value").is_number() || !(f.get("value").as_double() > 0)) continue;
        if (conversion[j]) continue;
        const std::string kind = f.get("kind").as_string();
        if (!kind.empty() && !compared_kinds().count(kind)) continue;
        std::string noun = kind == "money" && f.get("currency").is_string() ? f.get("currency").as_string() : f.get("unit").as_string();
        if (noun.empty()) continue;
        if (kind == "percent" && (noun == "percent" || noun == "per cent" || noun == "%")) continue;  // a bare percentage says not of what
        if (kind == "measure" && names_a_class(p.text, m.start, m.end)) continue;
        CompareFigure fig;
        fig.mention = j;
        fig.start = m.start;
        fig.end = m.end;
        fig.text = m.text;
        fig.value = f.get("value").as_double();
        fig.noun = lower(noun);
        context_of(p, m, fig);
        std::set<std::string> countries;
        if (fig.context_known) {
            fig.words = context_words(p, fig, masked, amount_kind(kind));
            for (const auto& [at, c] : places)
                if (at >= fig.sentence_start && at < fig.sentence_end) countries.insert(c);
            fig.sentence = utf8_of(std::u32string_view(p.text).substr(fig.sentence_start, fig.sentence_end - fig.sentence_start));
        } else {
            for (const auto& [at, c] : places)
                if ((at > m.start ? at - m.start : m.start - at) <= kNearChars) countries.insert(c);
        }
        if (countries.empty() && !p.top_country.empty()) countries.insert(p.top_country);
        fig.countries.assign(countries.begin(), countries.end());
        fig.keys = figure_keys(kind, f, noun, p.text, m.start, m.end);
        for (const char* k : kFigureFields)
            if (const Value* v = f.find(k)) fig.fields.append(k, *v);
        out.push_back(std::move(fig));
    }
    return out;
}

ojson number_groups(const std::vector<CompareSummary>& docs, const std::vector<long>& dup) {
    // Figures, and each one's keys; words numbered in the order met.
    std::vector<Figure> figures;
    std::vector<const std::vector<std::string>*> keys;
    WordIds word_ids;
    for (std::size_t d = 0; d < docs.size(); ++d) {
        if (dup[d] >= 0) continue;
        for (const CompareFigure& c : docs[d].figures) {
            Figure fig;
            fig.src = &c;
            fig.doc = d;
            fig.mention = c.mention;
            fig.value = c.value;
            fig.noun = c.noun;
            fig.countries.insert(c.countries.begin(), c.countries.end());
            fig.context_known = c.context_known;
            fig.sentence_start = c.sentence_start;
            fig.sentence_end = c.sentence_end;
            for (const std::string& w : c.words) {
                const auto id = static_cast<std::uint32_t>(word_ids.size());
                fig.words.push_back(word_ids.emplace(w, id).first->second);
            }
            std::sort(fig.words.begin(), fig.words.end());
            fig.words.erase(std::unique(fig.words.begin(), fig.words.end()), fig.words.end());
            keys.push_back(&c.keys);
            figures.push_back(std::move(fig));
        }
    }
    // Document frequency of context words: a word most documents use (the
    // story's own name, "government") links nothing.
    Stories stories(doc_vectors(docs, dup, word_ids));
    std::vector<std::size_t> df(word_ids.size(), 0);
    {
        std::vector<std::size_t> last(word_ids.size(), docs.size());
        for (const Figure& f : figures)
            for (std::uint32_t w : f.words)
                if (last[w] != f.doc) { ++df[w]; last[w] = f.doc; }
    }
    // A word in more than one document in 50 is too common to link two
    // figures; with few documents, any word shared is a link.
    const std::size_t max_df = docs.size() < kMinDocsForStories ? docs.size() : std::max<std::size_t>(3, docs.size() / 50);

    std::map<std::string, std::vector<std::size_t>> by_key;
    for (std::size_t i = 0; i < figures.size(); ++i)
        for (const auto& k : *keys[i]) by_key[k].push_back(i);
    // Keys with the most sources first, so that a figure joins its best
    // family (soldiers with the military, not with persons in general).
    std::vector<std::pair<std::size_t, std::string>> order;
    for (const auto& [k, list] : by_key) {
        std::set<std::size_t> ds;
        for (std::size_t i : list) ds.insert(figures[i].doc);
        if (ds.size() >= 2) order.emplace_back(ds.size(), k);
    }
    std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });

    std::vector<bool> taken(figures.size(), false);
    std::vector<NumberGroup> groups;
    for (const auto& [n, key] : order) {
        std::vector<const Figure*> left;
        for (std::size_t i : by_key[key])
            if (!taken[i]) left.push_back(&figures[i]);
        std::stable_sort(left.begin(), left.end(), [](const Figure* a, const Figure* b) { return a->value < b->value; });
        const double ratio = max_ratio(std::string_view(key).substr(0, key.find('|')));
        for (auto& part : linked_parts(left, df, max_df, stories, ratio)) {
            for (;;) {
                std::vector<const Figure*> rest;
                for (const Figure* f : part)
                    if (!taken[static_cast<std::size_t>(f - figures.data())]) rest.push_back(f);
                NumberGroup g = best_group(rest, ratio);
                if (g.sources < 2) break;
                for (const Figure* f : g.figures) taken[static_cast<std::size_t>(f - figures.data())] = true;
                for (auto& figs : split_apart(g.figures)) {
                    std::set<std::size_t> ds;
                    for (const Figure* f : figs) ds.insert(f->doc);
                    if (ds.size() < 2) continue;
                    NumberGroup part;
                    part.kind = key.substr(0, key.find('|'));
                    part.story = g.story;
                    part.sources = ds.size();
                    part.figures = std::move(figs);
                    groups.push_back(std::move(part));
                }
            }
        }
    }
    std::stable_sort(groups.begin(), groups.end(), [](const NumberGroup& a, const NumberGroup& b) {
        if (a.sources != b.sources) return a.sources > b.sources;
        return a.figures.size() > b.figures.size();
    });

    ojson out = ojson::array();
    for (const NumberGroup& g : groups) {
        std::map<std::string, int> nouns;
        double lo = INFINITY, hi = 0;
        std::set<std::string> qualifiers;
        ojson figs = ojson::array();
        std::vector<const Figure*> sorted = g.figures;
        std::stable_sort(sorted.begin(), sorted.end(), [](const Figure* a, const Figure* b) {
            return a->doc != b->doc ? a->doc < b->doc : a->mention < b->mention;
        });
        bool conflict = false;
        for (const Figure* f : sorted) {
            const CompareSummary& p = docs[f->doc];
            const CompareFigure& m = *f->src;
            ++nouns[singular(f->noun)];
            lo = std::min(lo, f->value);
            hi = std::max(hi, f->value);
            qualifiers.insert(m.fields.get("qualifier").as_string());
            ojson x;
            x["doc"] = f->doc;
            x["document"] = p.name;
            x["mention"] = f->mention;
            x["start"] = m.start;
            x["end"] = m.end;
            x["text"] = m.text;
            for (const char* k : kFigureFields) x[k] = nullable(m.fields.get(k));
            x["date"] = p.date.empty() ? ojson(nullptr) : ojson(p.date);
            if (f->context_known) x["sentence"] = m.sentence;
            figs.push_back(std::move(x));
            // A conflict: one source, one time (or period), figures that cannot both hold.
            for (const Figure* o : sorted) {
                if (o == f) break;
                const Fields& a = o->src->fields;
                const Fields& b = m.fields;
                if (!a.get("source").is_string() || !b.get("source").is_string()) continue;
                if (lower(a.get("source").as_string()) != lower(b.get("source").as_string())) continue;
                // One day and one period ("326 since Saturday" and "50 today" are two periods).
                const bool dated = a.get("said_date").is_string() || a.get("period").is_string();
                const bool same_time = dated && a.get("said_date") == b.get("said_date") && a.get("period") == b.get("period");
                if (same_time && contradict(a, b)) conflict = true;
            }
        }
        std::string family;
        int most = 0;
        for (const auto& [w, k] : nouns)
            if (k > most) { most = k; family = w; }
        ojson j;
        j["kind"] = g.kind;
        j["family"] = family;
        ojson ns = ojson::array();
        for (const auto& [w, k] : nouns) ns.push_back(w);
        j["nouns"] = ns;
        j["story"] = g.story.empty() ? ojson(nullptr) : ojson(g.story);
        j["sources"] = g.sources;
        j["min"] = lo;
        j["max"] = hi;
        j["ratio"] = lo > 0 ? hi / lo : 0;
        j["spread"] = hi / lo >= 1.25 || qualifiers.size() > 1;
        j["conflict"] = conflict;
        j["figures"] = std::move(figs);
        out.push_back(std::move(j));
    }
    return out;
}

// ---- quotes across sources -----------------------------------------------------

// Letters, digits and single spaces only; apostrophes dropped.
std::u32string quote_key(std::u32string_view s) {
    std::u32string out;
    bool space = false;
    for (char32_t c : loose(s)) {
        if (c == U'\'') continue;
        if (!chars::is_alnum(c) && !chars::has(c, chars::kMark)) { space = !out.empty(); continue; }
        if (space) out += U' ';
        space = false;
        out += c;
    }
    return out;
}

// Edit distance, giving up (returning limit + 1) once it must exceed limit:
// only the band within `limit` of the diagonal can hold a path that short.
std::size_t bounded_distance(const std::u32string& a, const std::u32string& b, std::size_t limit) {
    const std::size_t n = a.size(), m = b.size();
    const std::size_t over = limit + 1;
    if ((n > m ? n - m : m - n) > limit) return over;
    std::vector<std::size_t> prev(m + 1), cur(m + 1);
    for (std::size_t j = 0; j <= m; ++j) prev[j] = j <= limit ? j : over;
    for (std::size_t i = 1; i <= n; ++i) {
        const std::size_t lo = i > limit ? i - limit : 1;
        const std::size_t hi = std::min(m, i + limit);
        cur[lo - 1] = lo == 1 ? (i <= limit ? i : over) : over;
        std::size_t row_min = cur[lo - 1];
        for (std::size_t j = lo; j <= hi; ++j) {
            std::size_t v = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            const std::size_t up = (j + 1 <= i + limit ? prev[j] : over) + 1;
            const std::size_t left = cur[j - 1] + 1;
            v = std::min({v, up, left, over});
            cur[j] = v;
            row_min = std::min(row_min, v);
        }
        if (hi < m) cur[hi + 1] = over;
        if (row_min > limit) return over;
        std::swap(prev, cur);
    }
    return std::min(prev[m], over);
}

struct QuoteItem {
    const CompareQuote* src = nullptr;
    std::size_t doc = 0, mention = 0;
    std::u32string key;
    std::size_t words = 0;
    std::u32string speaker;  // speaker_key, empty when none
    std::array<std::uint16_t, 64> counts{};
};

// Characters counted in 64 buckets: the larger one-sided difference is a
// lower bound of the edit distance, cheaper than the distance itself.
std::size_t counts_bound(const QuoteItem& a, const QuoteItem& b) {
    std::size_t more = 0, less = 0;
    for (std::size_t k = 0; k < 64; ++k) {
        const int d = static_cast<int>(a.counts[k]) - static_cast<int>(b.counts[k]);
        if (d > 0) more += static_cast<std::size_t>(d); else less += static_cast<std::size_t>(-d);
    }
    return std::max(more, less);
}

// The same quote: equal keys, one holding the other (4 words or more), or at
// most 15% of characters different.
bool same_quote(const QuoteItem& a, const QuoteItem& b) {
    if (a.key == b.key) return true;
    const QuoteItem& s = a.key.size() <= b.key.size() ? a : b;
    const QuoteItem& l = a.key.size() <= b.key.size() ? b : a;
    if (s.words >= 4 && l.key.find(s.key) != std::u32string::npos) return true;
    if (s.key.size() * 4 < l.key.size() * 3) return false;
    const std::size_t limit = std::max<std::size_t>(2, l.key.size() * 15 / 100);
    if (counts_bound(s, l) > limit) return false;
    return bounded_distance(s.key, l.key, limit) <= limit;
}

std::vector<std::u32string> split_words(const std::u32string& key) {
    std::vector<std::u32string> out;
    std::size_t at = 0;
    while (at <= key.size()) {
        std::size_t sp = key.find(U' ', at);
        if (sp == std::u32string::npos) sp = key.size();
        if (sp > at) out.push_back(key.substr(at, sp - at));
        at = sp + 1;
    }
    return out;
}

// "Guaido" and "Juan Guaido" are one speaker; "Jose Gomez" and "Jose Gomez's father" are not.
bool same_speaker(const std::u32string& a, const std::u32string& b) {
    if (a == b) return true;
    const auto wa = split_words(a), wb = split_words(b);
    if (wa.empty() || wb.empty() || wa.back() != wb.back()) return false;
    const auto& s = wa.size() <= wb.size() ? wa : wb;
    const auto& l = wa.size() <= wb.size() ? wb : wa;
    return std::all_of(s.begin(), s.end(), [&](const std::u32string& w) { return std::find(l.begin(), l.end(), w) != l.end(); });
}

// The map step's quotations of one document: those of 3 words or more.
std::vector<CompareQuote> quotes_of(const Prepared& p) {
    std::vector<CompareQuote> out;
    const auto& ms = p.doc->mentions;
    for (std::size_t j = 0; j < ms.size(); ++j) {
        const auto& f = ms[j].fields;
        if (p.left_out[j] || !f.contains("speaker") || f.get("kind").as_string() == "term") continue;
        const std::u32string key = quote_key(to_u32(ms[j].text));
        if (split_words(key).size() < 3) continue;
        CompareQuote q;
        q.mention = j;
        q.start = ms[j].start;
        q.end = ms[j].end;
        q.text = ms[j].text;
        q.speaker = f.get("speaker");
        q.key = utf8_of(key);
        if (f.get("speaker").is_string()) {
            std::u32string sk;
            for (const auto& w : split_words(quote_key(to_u32(f.get("speaker").as_string()))))
                if (w != U"s") sk += (sk.empty() ? U"" : U" ") + w;
            q.speaker_key = utf8_of(sk);
        }
        out.push_back(std::move(q));
    }
    return out;
}

ojson quote_groups(const std::vector<CompareSummary>& docs, const std::vector<long>& dup) {
    std::vector<QuoteItem> items;
    for (std::size_t d = 0; d < docs.size(); ++d) {
        if (dup[d] >= 0) continue;
        for (const CompareQuote& q : docs[d].quotes) {
            QuoteItem it;
            it.src = &q;
            it.doc = d;
            it.mention = q.mention;
            it.key = to_u32(q.key);
            it.words = split_words(it.key).size();
            it.speaker = to_u32(q.speaker_key);
            for (char32_t c : it.key) ++it.counts[c & 63];
            items.push_back(std::move(it));
        }
    }
    // Candidate pairs share one of their rarest words of 4 letters or more:
    // comparing all pairs would be quadratic over hundreds of documents, and
    // the same quotation, even edited, keeps most of its rare words.
    constexpr std::size_t kIndexedWords = 4;
    Sets sets(items.size());
    std::vector<std::vector<std::u32string>> item_words(items.size());
    std::unordered_map<std::u32string, std::size_t> quote_df;
    for (std::size_t i = 0; i < items.size(); ++i) {
        std::set<std::u32string> ws;
        for (auto& w : split_words(items[i].key))
            if (w.size() >= 4 && !stop_words().count(w)) ws.insert(std::move(w));
        for (const auto& w : ws) ++quote_df[w];
        item_words[i].assign(ws.begin(), ws.end());
    }
    std::map<std::u32string, std::vector<std::size_t>> index;  // ordered: the same result on every platform
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto& ws = item_words[i];
        std::sort(ws.begin(), ws.end(), [&](const std::u32string& a, const std::u32string& b) {
            const std::size_t da = quote_df[a], db = quote_df[b];
            return da != db ? da < db : a < b;
        });
        for (std::size_t k = 0; k < ws.size() && k < kIndexedWords; ++k) index[ws[k]].push_back(i);
    }
    for (const auto& [w, list] : index) {
        if (list.size() < 2 || list.size() > 300) continue;
        for (std::size_t a = 0; a < list.size(); ++a)
            for (std::size_t b = a + 1; b < list.size(); ++b) {
                const std::size_t i = list[a], j = list[b];
                if (sets.find(i) != sets.find(j) && same_quote(items[i], items[j])) sets.join(i, j);
            }
    }
    // Short quotes with no word of 4 letters or more only match exactly.
    std::unordered_map<std::u32string, std::size_t> exact;
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto [it, added] = exact.emplace(items[i].key, i);
        if (!added) sets.join(i, it->second);
    }
    std::map<std::size_t, std::vector<std::size_t>> members;
    for (std::size_t i = 0; i < items.size(); ++i) members[sets.find(i)].push_back(i);

    struct Group {
        ojson json;
        std::size_t sources, size;
    };
    std::vector<Group> groups;
    for (const auto& [root, list] : members) {
        std::set<std::size_t> sources;
        for (std::size_t i : list) sources.insert(items[i].doc);
        if (sources.size() < 2) continue;
        struct Speaker {
            std::u32string key;
            std::string name;
            std::set<std::size_t> docs;
        };
        std::vector<Speaker> speakers;
        std::size_t longest = list[0];
        ojson ms = ojson::array();
        for (std::size_t i : list) {
            const QuoteItem& it = items[i];
            const CompareQuote& m = *it.src;
            if (m.text.size() > items[longest].src->text.size()) longest = i;
            if (!it.speaker.empty()) {
                auto s = std::find_if(speakers.begin(), speakers.end(), [&](const Speaker& sp) { return same_speaker(sp.key, it.speaker); });
                if (s == speakers.end()) s = speakers.insert(speakers.end(), Speaker{it.speaker, m.speaker.as_string(), {}});
                if (m.speaker.as_string().size() > s->name.size()) s->name = m.speaker.as_string();
                s->docs.insert(it.doc);
            }
            ojson x;
            x["doc"] = it.doc;
            x["document"] = docs[it.doc].name;
            x["mention"] = it.mention;
            x["start"] = m.start;
            x["end"] = m.end;
            x["text"] = m.text;
            x["speaker"] = nullable(m.speaker);
            ms.push_back(std::move(x));
        }
        ojson sp = ojson::array();
        for (const auto& s : speakers) sp.push_back({{"name", s.name}, {"docs", s.docs}});
        ojson j;
        j["text"] = items[longest].src->text;
        j["sources"] = sources.size();
        j["conflict"] = speakers.size() > 1;
        j["speakers"] = std::move(sp);
        j["members"] = std::move(ms);
        groups.push_back({std::move(j), sources.size(), list.size()});
    }
    std::stable_sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) {
        return a.sources != b.sources ? a.sources > b.sources : a.size > b.size;
    });
    ojson out = ojson::array();
    for (auto& g : groups) out.push_back(std::move(g.json));
    return out;
}

// ---- places ----------------------------------------------------------------------

// Mentions per place (name and country) with the documents naming it; only
// mentions with coordinates (a map marker).
// The map step's places of one document.
std::vector<ComparePlace> places_of(const Prepared& p) {
    std::vector<ComparePlace> out;
    const auto& ms = p.doc->mentions;
    for (std::size_t j = 0; j < ms.size(); ++j) {
        const Fields& f = ms[j].fields;
        if (p.left_out[j] || !f.contains("lat") || !f.contains("lon")) continue;
        out.push_back({f.get("name").is_string() ? f.get("name").as_string() : ms[j].text, f.get("country").as_string(),
                       f.get("type").as_string(), ms[j].plugin, f.get("lat"), f.get("lon")});
    }
    return out;
}

ojson place_counts(const std::vector<CompareSummary>& docs, const std::vector<long>& dup) {
    struct Place {
        std::string name, country, type, plugin;
        ojson lat, lon;
        std::size_t mentions = 0;
        std::set<std::size_t> docs;
    };
    std::map<std::string, Place> places;
    for (std::size_t d = 0; d < docs.size(); ++d) {
        if (dup[d] >= 0) continue;
        for (const ComparePlace& m : docs[d].places) {
            Place& p = places[m.name + "|" + m.country];
            if (p.mentions == 0) p = {m.name, m.country, m.type, m.plugin, nullable(m.lat), nullable(m.lon), 0, {}};
            ++p.mentions;
            p.docs.insert(d);
        }
    }
    std::vector<const Place*> list;
    for (const auto& [k, p] : places) list.push_back(&p);
    std::stable_sort(list.begin(), list.end(), [](const Place* a, const Place* b) {
        return a->mentions != b->mentions ? a->mentions > b->mentions : a->name < b->name;
    });
    ojson out = ojson::array();
    for (const Place* p : list)
        out.push_back({{"key", p->name + "|" + p->country}, {"name", p->name}, {"country", p->country}, {"type", p->type},
                       {"plugin", p->plugin}, {"lat", p->lat}, {"lon", p->lon}, {"mentions", p->mentions},
                       {"sources", p->docs.size()}, {"docs", p->docs}});
    return out;
}

std::size_t index_field(const ojson& j, const char* key, const std::string& where) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_number_unsigned()) throw std::invalid_argument(where + ": \"" + key + "\" is missing or not a whole number");
    return it->get<std::size_t>();
}

}  // namespace

Repeats find_repeats(std::string_view utf8_text) { return repeats_of(to_u32(utf8_text)); }

CompareDocument compare_document_from_json(const ojson& j) {
    if (!j.is_object()) throw std::invalid_argument("a result must be a JSON object");
    CompareDocument d;
    auto name = j.find("document");
    if (name == j.end() || !name->is_string()) throw std::invalid_argument("a result has no \"document\" name");
    d.name = name->get<std::string>();
    if (auto t = j.find("text"); t != j.end() && t->is_string()) {
        d.text = t->get<std::string>();
        d.has_text = true;
    }
    if (auto k = j.find("key"); k != j.end() && k->is_string()) d.key = k->get<std::string>();
    if (auto dt = j.find("date"); dt != j.end() && dt->is_string()) d.date = dt->get<std::string>();
    if (auto r = j.find("repeats"); r != j.end() && r->is_array())
        for (const auto& s : *r) {
            TextSpan span;
            span.start = index_field(s, "start", d.name + ": repeats");
            span.end = index_field(s, "end", d.name + ": repeats");
            d.repeats.push_back(span);
        }
    auto ms = j.find("mentions");
    if (ms == j.end() || !ms->is_array()) throw std::invalid_argument(d.name + ": \"mentions\" is missing or not an array");
    for (const auto& m : *ms) {
        if (!m.is_object()) throw std::invalid_argument(d.name + ": a mention is not an object");
        CompareMention cm;
        cm.plugin = m.value("plugin", "");
        cm.start = index_field(m, "start", d.name + ": a mention");
        cm.end = index_field(m, "end", d.name + ": a mention");
        cm.text = m.contains("text") && m["text"].is_string() ? m["text"].get<std::string>() : std::string();
        cm.fields.reserve(m.size());
        for (auto it = m.begin(); it != m.end(); ++it) {
            const std::string& k = it.key();
            if (k == "plugin" || k == "start" || k == "end" || k == "text") continue;
            cm.fields.append(k, Value(it.value()));  // a parsed object's keys are distinct
        }
        d.mentions.push_back(std::move(cm));
    }
    if (d.has_text && d.text.size() <= kMaxSentenceBytes && !check_input(d.text)) {
        const Document doc(d.name, d.text);
        for (const auto& s : doc.layer().sentences()) d.sentences.emplace_back(s.start, s.end);
    }
    return d;
}

CompareDocument compare_document_from(const Document& doc, const Result& result) {
    CompareDocument d;
    d.name = doc.name();
    d.text = doc.text();
    d.has_text = true;
    // The segment each mention is in and the article's date, as `analyze`
    // writes them, so that a comparison of files and one of results agree.
    const Segmentation& segmentation = doc.segmentation();
    for (const Mention& m : result.mentions) {
        CompareMention c{m.plugin, m.start, m.end, doc.slice(m.start, m.end), m.fields};
        const Passage* passage = segmentation.at(m.start);
        c.fields["segment"] = std::string(passage_kind_name(passage ? passage->kind : PassageKind::Article));
        d.mentions.push_back(std::move(c));
    }
    for (const auto& s : doc.layer().sentences()) d.sentences.emplace_back(s.start, s.end);
    d.date = doc.date();
    return d;
}

ojson compare_documents(const std::vector<CompareDocument>& input) {
    std::vector<CompareSummary> summaries;
    summaries.reserve(input.size());
    for (const CompareDocument& d : input) summaries.push_back(map_document(d));
    return reduce_summaries(summaries);
}

CompareSummary map_document(const CompareDocument& d) {
    const Prepared p = prepare(d);
    CompareSummary s;
    s.name = d.name;
    s.key = p.key;
    s.repeats = p.repeats;
    s.date = d.date;
    if (!p.text.empty()) s.words = text_words(p.text);
    s.figures = figures_of(p);
    s.quotes = quotes_of(p);
    s.places = places_of(p);
    return s;
}

ojson reduce_summaries(const std::vector<CompareSummary>& docs) {
    const std::vector<long> dup = duplicates(docs);
    ojson documents = ojson::array();
    for (std::size_t i = 0; i < docs.size(); ++i) {
        ojson reps = ojson::array();
        for (const TextSpan& s : docs[i].repeats) reps.push_back({{"start", s.start}, {"end", s.end}, {"start16", s.start16}, {"end16", s.end16}});
        documents.push_back({{"document", docs[i].name},
                             {"duplicate_of", dup[i] >= 0 ? ojson(dup[i]) : ojson(nullptr)},
                             {"repeats", std::move(reps)}});
    }
    ojson out;
    out["documents"] = std::move(documents);
    out["numbers"] = number_groups(docs, dup);
    out["quotes"] = quote_groups(docs, dup);
    out["places"] = place_counts(docs, dup);
    return out;
}

// ---- summaries as JSON ------------------------------------------------------------

namespace {

const ojson& member(const ojson& j, const char* key, const std::string& where) {
    auto it = j.find(key);
    if (it == j.end()) throw std::invalid_argument(where + ": \"" + key + "\" is missing");
    return *it;
}

std::string string_of(const ojson& j, const char* key, const std::string& where) {
    const ojson& v = member(j, key, where);
    if (!v.is_string()) throw std::invalid_argument(where + ": \"" + key + "\" is not a string");
    return v.get<std::string>();
}

// The mention a figure or quote of a summary comes from, and its span.
template <class Item>
void read_span(Item& item, const ojson& j, const std::string& where) {
    item.mention = index_field(j, "mention", where);
    item.start = index_field(j, "start", where);
    item.end = index_field(j, "end", where);
    item.text = string_of(j, "text", where);
}

const ojson& array_of(const ojson& j, const char* key, const std::string& where) {
    const ojson& v = member(j, key, where);
    if (!v.is_array()) throw std::invalid_argument(where + ": \"" + key + "\" is not an array");
    return v;
}

std::vector<std::string> strings_of(const ojson& j, const char* key, const std::string& where) {
    std::vector<std::string> out;
    for (const auto& v : array_of(j, key, where)) {
        if (!v.is_string()) throw std::invalid_argument(where + ": \"" + key + "\" holds a value that is not a string");
        out.push_back(v.get<std::string>());
    }
    return out;
}

}  // namespace

bool is_summary_json(const ojson& j) { return j.is_object() && j.contains("compare_summary"); }

ojson summary_to_json(const CompareSummary& s) {
    ojson j;
    j["compare_summary"] = 1;
    j["document"] = s.name;
    j["key"] = s.key;
    j["date"] = s.date;
    ojson reps = ojson::array();
    for (const TextSpan& r : s.repeats) reps.push_back({r.start, r.end, r.start16, r.end16});
    j["repeats"] = std::move(reps);
    ojson words = ojson::array();
    s.words.each([&](std::string_view w, std::uint32_t k) { words.push_back({w, k}); });
    j["words"] = std::move(words);
    ojson figures = ojson::array();
    for (const CompareFigure& f : s.figures) {
        ojson x = {{"mention", f.mention}, {"start", f.start}, {"end", f.end}, {"text", f.text}, {"value", f.value},
                   {"noun", f.noun}, {"keys", f.keys}, {"countries", f.countries}, {"words", f.words}};
        if (f.context_known) {
            x["sentence_start"] = f.sentence_start;
            x["sentence_end"] = f.sentence_end;
            x["sentence"] = f.sentence;
        }
        x["fields"] = f.fields.to_json();
        figures.push_back(std::move(x));
    }
    j["figures"] = std::move(figures);
    ojson quotes = ojson::array();
    for (const CompareQuote& q : s.quotes)
        quotes.push_back({{"mention", q.mention}, {"start", q.start}, {"end", q.end}, {"text", q.text},
                          {"speaker", q.speaker.to_json()}, {"key", q.key}, {"speaker_key", q.speaker_key}});
    j["quotes"] = std::move(quotes);
    ojson places = ojson::array();
    for (const ComparePlace& p : s.places)
        places.push_back({{"name", p.name}, {"country", p.country}, {"type", p.type}, {"plugin", p.plugin},
                          {"lat", p.lat.to_json()}, {"lon", p.lon.to_json()}});
    j["places"] = std::move(places);
    return j;
}

namespace {

void write_strings(JsonSink& out, const std::vector<std::string>& v) {
    out.put('[');
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) out.put(',');
        out.string(v[i]);
    }
    out.put(']');
}

void write_count(JsonSink& out, std::size_t n) { out.number(static_cast<std::int64_t>(n)); }

// What a figure and a quote of a summary open with: {"mention", "start", "end", "text".
void write_span_head(JsonSink& out, bool first, std::size_t mention, std::size_t start, std::size_t end,
                     std::string_view text) {
    out.raw(first ? "{\"mention\":" : ",{\"mention\":");
    write_count(out, mention);
    out.raw(",\"start\":");
    write_count(out, start);
    out.raw(",\"end\":");
    write_count(out, end);
    out.raw(",\"text\":");
    out.string(text);
}

}  // namespace

// The same bytes as summary_to_json(s).dump(), without the tree: the map step
// writes one summary per document, and building and dumping the tree took
// more time than the mapping itself.
void write_summary_json(std::string& line, const CompareSummary& s) {
    JsonSink out(line, 256 + 16 * s.words.size());
    out.raw("{\"compare_summary\":1,\"document\":");
    out.string(s.name);
    out.raw(",\"key\":");
    out.string(s.key);
    out.raw(",\"date\":");
    out.string(s.date);
    out.raw(",\"repeats\":[");
    for (std::size_t i = 0; i < s.repeats.size(); ++i) {
        const TextSpan& r = s.repeats[i];
        out.raw(i ? ",[" : "[");
        write_count(out, r.start);
        out.put(',');
        write_count(out, r.end);
        out.put(',');
        write_count(out, r.start16);
        out.put(',');
        write_count(out, r.end16);
        out.put(']');
    }
    out.raw("],\"words\":[");
    bool first = true;
    s.words.each([&](std::string_view w, std::uint32_t k) {
        out.raw(first ? "[" : ",[");
        first = false;
        out.string(w);
        out.put(',');
        write_count(out, k);
        out.put(']');
    });
    out.raw("],\"figures\":[");
    for (std::size_t i = 0; i < s.figures.size(); ++i) {
        const CompareFigure& f = s.figures[i];
        write_span_head(out, i == 0, f.mention, f.start, f.end, f.text);
        out.raw(",\"value\":");
        out.number(f.value);
        out.raw(",\"noun\":");
        out.string(f.noun);
        out.raw(",\"keys\":");
        write_strings(out, f.keys);
        out.raw(",\"countries\":");
        write_strings(out, f.countries);
        out.raw(",\"words\":");
        write_strings(out, f.words);
        if (f.context_known) {
            out.raw(",\"sentence_start\":");
            write_count(out, f.sentence_start);
            out.raw(",\"sentence_end\":");
            write_count(out, f.sentence_end);
            out.raw(",\"sentence\":");
            out.string(f.sentence);
        }
        out.raw(",\"fields\":{");
        bool first_field = true;
        for (const auto& [key, value] : f.fields) {
            if (!first_field) out.put(',');
            first_field = false;
            out.string(key);
            out.put(':');
            value.write_json(out);
        }
        out.raw("}}");
    }
    out.raw("],\"quotes\":[");
    for (std::size_t i = 0; i < s.quotes.size(); ++i) {
        const CompareQuote& q = s.quotes[i];
        write_span_head(out, i == 0, q.mention, q.start, q.end, q.text);
        out.raw(",\"speaker\":");
        q.speaker.write_json(out);
        out.raw(",\"key\":");
        out.string(q.key);
        out.raw(",\"speaker_key\":");
        out.string(q.speaker_key);
        out.put('}');
    }
    out.raw("],\"places\":[");
    for (std::size_t i = 0; i < s.places.size(); ++i) {
        const ComparePlace& p = s.places[i];
        out.raw(i ? ",{\"name\":" : "{\"name\":");
        out.string(p.name);
        out.raw(",\"country\":");
        out.string(p.country);
        out.raw(",\"type\":");
        out.string(p.type);
        out.raw(",\"plugin\":");
        out.string(p.plugin);
        out.raw(",\"lat\":");
        p.lat.write_json(out);
        out.raw(",\"lon\":");
        p.lon.write_json(out);
        out.put('}');
    }
    out.raw("]}");
}

CompareSummary summary_from_json(const ojson& j) {
    if (!is_summary_json(j)) throw std::invalid_argument("not a compare summary (no \"compare_summary\")");
    if (j["compare_summary"] != 1) throw std::invalid_argument("a compare summary of another version (" + j["compare_summary"].dump() + "; this build reads 1)");
    CompareSummary s;
    s.name = string_of(j, "document", "a compare summary");
    const std::string& w = s.name;
    s.key = string_of(j, "key", w);
    s.date = string_of(j, "date", w);
    for (const auto& r : array_of(j, "repeats", w)) {
        if (!r.is_array() || r.size() != 4 || !std::all_of(r.begin(), r.end(), [](const ojson& v) { return v.is_number_unsigned(); }))
            throw std::invalid_argument(w + ": a repeat is not [start, end, start16, end16]");
        s.repeats.push_back({r[0].get<std::size_t>(), r[1].get<std::size_t>(), r[2].get<std::size_t>(), r[3].get<std::size_t>()});
    }
    for (const auto& x : array_of(j, "words", w)) {
        if (!x.is_array() || x.size() != 2 || !x[0].is_string() || !x[1].is_number_unsigned())
            throw std::invalid_argument(w + ": a word is not [word, count]");
        const std::string& word = x[0].get_ref<const std::string&>();
        if (word.find('\n') != std::string::npos) throw std::invalid_argument(w + ": a word holds a line break");
        s.words.add(word, x[1].get<std::uint32_t>());
    }
    for (const auto& x : array_of(j, "figures", w)) {
        const std::string where = w + ": a figure";
        CompareFigure f;
        read_span(f, x, where);
        if (!member(x, "value", where).is_number()) throw std::invalid_argument(where + ": \"value\" is not a number");
        f.value = x["value"].get<double>();
        f.noun = string_of(x, "noun", where);
        f.keys = strings_of(x, "keys", where);
        f.countries = strings_of(x, "countries", where);
        f.words = strings_of(x, "words", where);
        f.context_known = x.contains("sentence");
        if (f.context_known) {
            f.sentence_start = index_field(x, "sentence_start", where);
            f.sentence_end = index_field(x, "sentence_end", where);
            f.sentence = string_of(x, "sentence", where);
        }
        const ojson& fields = member(x, "fields", where);
        if (!fields.is_object()) throw std::invalid_argument(where + ": \"fields\" is not an object");
        for (auto it = fields.begin(); it != fields.end(); ++it) f.fields.append(it.key(), Value(it.value()));
        s.figures.push_back(std::move(f));
    }
    for (const auto& x : array_of(j, "quotes", w)) {
        const std::string where = w + ": a quote";
        CompareQuote q;
        read_span(q, x, where);
        q.speaker = Value(member(x, "speaker", where));
        q.key = string_of(x, "key", where);
        q.speaker_key = string_of(x, "speaker_key", where);
        s.quotes.push_back(std::move(q));
    }
    for (const auto& x : array_of(j, "places", w)) {
        const std::string where = w + ": a place";
        s.places.push_back({string_of(x, "name", where), string_of(x, "country", where), string_of(x, "type", where),
                            string_of(x, "plugin", where), Value(member(x, "lat", where)), Value(member(x, "lon", where))});
    }
    return s;
}

}  // namespace newslens
