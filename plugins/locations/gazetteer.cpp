#include "gazetteer.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <unordered_map>

#include "document.h"
#include "name_tokens.h"
#include "text.h"

namespace newslens_locations {
extern const char kGazetteer[];
extern const std::size_t kGazetteerSize;

namespace {

// The fields of `s` between `sep`s, as views into it (the gazetteer has
// some 100,000 lines: no string per field).
void split(std::string_view s, char sep, std::vector<std::string_view>& out) {
    out.clear();
    std::size_t b = 0;
    for (;;) {
        const std::size_t e = s.find(sep, b);
        out.push_back(s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
        if (e == std::string_view::npos) break;
        b = e + 1;
    }
}

// The number `field` holds. The gazetteer writes plain decimals ("-13.9",
// "171.98", "250000"): those are read as an integer over a power of ten, one
// correctly rounded division, the same double strtod gives, in a fraction of
// its time (it was the largest cost of building the gazetteer). Anything
// else goes to strtod, from a short copy: strtod on a pointer into the
// megabyte of data would, under AddressSanitizer, measure the rest of the
// data at every call (its interceptor calls strlen).
double to_double(std::string_view field) {
    static constexpr double kPow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    std::size_t i = 0;
    const bool negative = !field.empty() && field[0] == '-';
    if (negative) ++i;
    std::uint64_t mantissa = 0;
    int digits = 0, decimals = -1;
    for (; i < field.size(); ++i) {
        const char c = field[i];
        if (c >= '0' && c <= '9') {
            mantissa = mantissa * 10 + std::uint64_t(c - '0');
            ++digits;
            if (decimals >= 0) ++decimals;
        } else if (c == '.' && decimals < 0) {
            decimals = 0;
        } else {
            break;
        }
    }
    if (i == field.size() && digits > 0 && digits <= 15 && decimals != 0) {
        const double v = double(mantissa) / kPow10[decimals < 0 ? 0 : decimals];
        return negative ? -v : v;
    }
    char buf[64];
    const std::size_t n = std::min(field.size(), sizeof buf - 1);
    std::memcpy(buf, field.data(), n);
    buf[n] = '\0';
    return std::strtod(buf, nullptr);
}
long long to_integer(std::string_view field) {
    long long v = 0;
    std::from_chars(field.data(), field.data() + field.size(), v);
    return v;
}

List list_named(std::string_view name) {
    static const std::pair<const char*, List> kLists[] = {
        {"stop", kStop},         {"calendar", kCalendar}, {"roles", kRoles},       {"modifiers", kModifiers},
        {"connectors", kConnectors}, {"given", kGiven},   {"common", kCommon},     {"locative", kLocative},
        {"org_after", kOrgAfter}, {"org_before", kOrgBefore}, {"team", kTeam}, {"club_before", kClubBefore},
    };
    for (const auto& [n, l] : kLists)
        if (name == n) return l;
    return List(0);
}

// A form waiting for its tokens: all forms are tokenised at once, as the
// lines of one document.
struct Form {
    std::uint32_t entry;
    Kind kind;       // Demonym forms go to their own index
    bool abbrev;     // "~N.J."
    std::size_t start = 0, end = 0;  // code points in that document
};

}  // namespace

std::uint32_t EdgeTable::emplace(std::uint64_t key, std::uint32_t value) {
    if (2 * (count_ + 1) > keys_.size()) {
        std::vector<std::uint64_t> old_keys(std::max<std::size_t>(1024, keys_.size() * 2), 0);
        std::vector<std::uint32_t> old_values(old_keys.size(), 0);
        old_keys.swap(keys_);
        old_values.swap(values_);
        shift_ = 64;
        for (std::size_t n = keys_.size(); n > 1; n >>= 1) --shift_;
        count_ = 0;
        for (std::size_t i = 0; i < old_keys.size(); ++i)
            if (old_keys[i]) emplace(old_keys[i], old_values[i]);
    }
    std::size_t i = slot(key);
    while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & (keys_.size() - 1);
    if (keys_[i] == 0) {
        keys_[i] = key;
        values_[i] = value;
        ++count_;
    }
    return values_[i];
}

void Gazetteer::Index::build() {
    // Stable: a node's candidates keep the order of the gazetteer's lines.
    std::stable_sort(pending_.begin(), pending_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    cands_.reserve(pending_.size());
    starts_.push_back(0);
    for (std::size_t i = 0; i < pending_.size();) {
        const std::uint32_t node = pending_[i].first;
        const std::size_t begin = cands_.size();
        for (; i < pending_.size() && pending_[i].first == node; ++i) {
            bool seen = false;  // an entry once per node (a form may repeat its name)
            for (std::size_t k = begin; k < cands_.size() && !seen; ++k) seen = cands_[k].entry == pending_[i].second.entry;
            if (!seen) cands_.push_back(pending_[i].second);
        }
        starts_.push_back(static_cast<std::uint32_t>(cands_.size()));
        ranges_.emplace(std::uint64_t(node) + 1, static_cast<std::uint32_t>(starts_.size() - 1));
    }
    std::vector<std::pair<std::uint32_t, Cand>>().swap(pending_);
}

CountryIndex country_index(const std::string& cc) {
    if (cc.size() != 2 || cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z') return 0;
    return static_cast<CountryIndex>(1 + 26 * (cc[0] - 'A') + (cc[1] - 'A'));
}

Gazetteer::Gazetteer() {
    newslens::Vocabulary& vocab = newslens::Vocabulary::global();
    // kGazetteer ends with a NUL, so the last number is terminated too.
    const std::string_view data(kGazetteer, kGazetteerSize);
    std::unordered_map<std::string, std::uint32_t> country_by_cc;
    std::unordered_map<std::string, std::uint32_t> state_by_code;  // "US NJ" -> entry
    std::vector<std::pair<std::uint32_t, std::string>> city_codes;  // city entry, "US NJ"
    std::vector<Form> forms;
    std::string form_text;  // every form, one per line (the data is UTF-8)
    std::size_t form_cps = 0;  // code points in form_text
    auto add_text = [&](Form f, std::string_view text) {
        f.start = form_cps;
        for (const char c : text) form_cps += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        f.end = form_cps;
        form_text += text;
        form_text += '\n';
        ++form_cps;
        forms.push_back(f);
    };
    const auto lines = static_cast<std::size_t>(std::count(data.begin(), data.end(), '\n'));
    entries_.reserve(lines);
    forms.reserve(lines * 2);
    form_text.reserve(data.size());
    std::vector<std::string_view> f, words;
    std::size_t pos = 0;
    while (pos < data.size()) {
        std::size_t nl = data.find('\n', pos);
        if (nl == std::string_view::npos) nl = data.size();
        const std::string_view line = data.substr(pos, nl - pos);
        pos = nl + 1;
        if (line.empty()) continue;
        split(line, '\t', f);
        if (f[0] == "W" && f.size() >= 3) {
            // List entries are single words.
            const List list = list_named(f[1]);
            split(f[2], ' ', words);
            for (const auto w : words) {
                if (w.empty()) continue;
                const WordId id = vocab.intern(newslens::fold_text(newslens::to_wide(w)));
                if (id >= lists_.size()) lists_.resize(id + 1, 0);
                lists_[id] |= list;
            }
            continue;
        }
        if (f[0] == "F" && f.size() >= 4) {
            Feature feat;
            split(f[2], ' ', words);
            for (const auto w : words)
                if (!w.empty()) feat.words.push_back(vocab.intern(newslens::fold_text(newslens::to_wide(w))));
            feat.type = std::string(f[3]);
            if (feat.words.empty()) continue;
            const WordId w = feat.words[0];
            if (w >= lists_.size()) lists_.resize(w + 1, 0);
            lists_[w] |= f[1] == "prefix" ? kPrefixStart : kSuffixStart;
            (f[1] == "prefix" ? prefix_features_ : suffix_features_).push_back(feat);
            continue;
        }
        if (f.size() < 8) continue;
        Entry e;
        const char k = f[0][0];
        e.kind = k == 'c' ? Kind::Country : k == 'C' ? Kind::Capital : k == 'y' ? Kind::City
               : k == 'k' ? Kind::Continent : k == 'r' ? Kind::Region : k == 'S' ? Kind::State
               : Kind::Demonym;
        e.name = std::string(f[1]);
        e.cc = std::string(f[2]);
        e.country = country_index(e.cc);
        if (!f[3].empty() && !f[4].empty()) { e.lat = to_double(f[3]); e.lon = to_double(f[4]); e.has_ll = true; }
        if (!f[5].empty()) e.pop = to_integer(f[5]);
        if (e.kind == Kind::State) e.well_known = f[6] == "1";
        else e.weight = !f[6].empty() ? to_double(f[6]) : e.pop > 0 ? double(e.pop) : 0.0;
        e.weight_score = std::log10(1.0 + std::max(0.0, e.weight)) / 20.0;
        const auto id = static_cast<std::uint32_t>(entries_.size());
        if (f.size() > 8 && !f[8].empty()) {
            std::string code = e.cc + ' ' + std::string(f[8]);
            if (e.kind == Kind::State) state_by_code[code] = id;
            else if (e.kind == Kind::City || e.kind == Kind::Capital) city_codes.emplace_back(id, std::move(code));
        }
        entries_.push_back(e);
        if (e.kind == Kind::Country) country_by_cc[e.cc] = id;
        if (e.kind != Kind::Demonym) add_text({id, e.kind, false}, f[1]);
        if (!f[7].empty()) {
            split(f[7], '|', words);
            for (const auto form : words) {
                if (form.empty()) continue;
                if (form[0] == '~') add_text({id, e.kind, true}, form.substr(1));
                else add_text({id, e.kind, false}, form);
            }
        }
    }
    for (const auto& [id, code] : city_codes) {
        auto it = state_by_code.find(code);
        if (it != state_by_code.end()) entries_[id].state = it->second;
    }
    for (const auto& [code, id] : state_by_code) entries_[id].state = id;
    // Demonyms and countries share coordinates.
    for (auto& e : entries_) {
        if (e.kind != Kind::Demonym) continue;
        auto it = country_by_cc.find(e.cc);
        if (it != country_by_cc.end() && entries_[it->second].has_ll) {
            e.lat = entries_[it->second].lat; e.lon = entries_[it->second].lon; e.has_ll = true;
        }
    }

    // Tokenise every form the way the text is, and index it by its keys.
    const newslens::Document doc("gazetteer", std::move(form_text));
    const newslens::TextLayer& layer = doc.layer();
    const auto& layer_tokens = layer.tokens();
    // Forms are in text order: one cursor finds each one's tokens (the first
    // token ending after a position, as TextLayer::token_at).
    std::size_t cursor = 0;
    auto token_at = [&](std::size_t cp) {
        while (cursor < layer_tokens.size() && layer_tokens[cursor].end <= cp) ++cursor;
        return cursor;
    };
    std::wstring text;
    for (const Form& form : forms) {
        const std::size_t first = token_at(form.start), last = token_at(form.end);
        const auto toks = name_tokens(layer, first, last);
        if (toks.empty() || toks.size() > kMaxTokens) continue;
        std::uint32_t node = 0, caps = 0;
        bool ok = true;
        for (std::size_t i = 0; i < toks.size(); ++i) {
            // A possessive ("St. John's") would match without its ’s: the saint, not the town.
            if ((i && toks[i].gap_before == '|') || toks[i].possessive) { ok = false; break; }
            key_text(layer, toks[i], text);
            const std::uint64_t key = child_key(node, i ? toks[i].gap_before : ' ', vocab.intern(text));
            if (i == 0) {
                const WordId w = vocab.intern(text);
                if (w >= lists_.size()) lists_.resize(w + 1, 0);
                lists_[w] |= kFormStart;
            }
            node = children_.emplace(key, nodes_);
            if (node == nodes_) ++nodes_;
            if (toks[i].allcaps) caps |= 1u << i;
        }
        if (!ok) continue;
        (form.abbrev ? abbrevs_ : form.kind == Kind::Demonym ? demonyms_ : places_).add(node, {form.entry, caps});
    }
    places_.build();
    demonyms_.build();
    abbrevs_.build();
}

}  // namespace newslens_locations
