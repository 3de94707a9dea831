#include "gazetteer.h"

#include "document.h"
#include "name_tokens.h"
#include "text.h"

namespace newslens_locations {
extern const char kGazetteer[];
extern const std::size_t kGazetteerSize;

namespace {

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

List list_named(const std::string& name) {
    static const std::pair<const char*, List> kLists[] = {
        {"stop", kStop},         {"calendar", kCalendar}, {"roles", kRoles},       {"modifiers", kModifiers},
        {"connectors", kConnectors}, {"given", kGiven},   {"common", kCommon},     {"locative", kLocative},
        {"org_after", kOrgAfter}, {"org_before", kOrgBefore},
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

CountryIndex country_index(const std::string& cc) {
    if (cc.size() != 2 || cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z') return 0;
    return static_cast<CountryIndex>(1 + 26 * (cc[0] - 'A') + (cc[1] - 'A'));
}

Gazetteer::Gazetteer() {
    newslens::Vocabulary& vocab = newslens::Vocabulary::global();
    const std::string data(kGazetteer, kGazetteerSize);
    std::unordered_map<std::string, std::uint32_t> country_by_cc;
    std::vector<Form> forms;
    std::wstring form_text;  // every form, one per line
    auto add_text = [&](Form f, const std::string& text) {
        f.start = form_text.size();
        form_text += newslens::to_wide(text);
        f.end = form_text.size();
        form_text += L'\n';
        forms.push_back(f);
    };
    std::size_t pos = 0;
    while (pos < data.size()) {
        std::size_t nl = data.find('\n', pos);
        if (nl == std::string::npos) nl = data.size();
        const std::string line = data.substr(pos, nl - pos);
        pos = nl + 1;
        if (line.empty()) continue;
        const auto f = split(line, '\t');
        if (f[0] == "W" && f.size() >= 3) {
            // List entries are single words.
            const List list = list_named(f[1]);
            for (const auto& w : split(f[2], ' ')) {
                if (w.empty()) continue;
                const WordId id = vocab.intern(newslens::fold_text(newslens::to_wide(w)));
                if (id >= lists_.size()) lists_.resize(id + 1, 0);
                lists_[id] |= list;
            }
            continue;
        }
        if (f[0] == "F" && f.size() >= 4) {
            Feature feat;
            for (const auto& w : split(f[2], ' '))
                if (!w.empty()) feat.words.push_back(vocab.intern(newslens::fold_text(newslens::to_wide(w))));
            feat.type = f[3];
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
        e.name = f[1];
        e.cc = f[2];
        e.country = country_index(e.cc);
        if (!f[3].empty() && !f[4].empty()) { e.lat = std::stod(f[3]); e.lon = std::stod(f[4]); e.has_ll = true; }
        if (!f[5].empty()) e.pop = std::stoll(f[5]);
        if (e.kind == Kind::State) e.well_known = f[6] == "1";
        else e.weight = !f[6].empty() ? std::stod(f[6]) : e.pop > 0 ? double(e.pop) : 0.0;
        const auto id = static_cast<std::uint32_t>(entries_.size());
        entries_.push_back(e);
        if (e.kind == Kind::Country) country_by_cc[e.cc] = id;
        if (e.kind != Kind::Demonym) add_text({id, e.kind, false}, e.name);
        if (!f[7].empty())
            for (const auto& form : split(f[7], '|')) {
                if (form.empty()) continue;
                if (form[0] == '~') add_text({id, e.kind, true}, form.substr(1));
                else add_text({id, e.kind, false}, form);
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

    // Tokenise every form the way the text is, and index it by its keys.
    const newslens::Document doc("gazetteer", newslens::to_utf8(form_text));
    const newslens::TextLayer& layer = doc.layer();
    std::wstring text;
    for (const Form& form : forms) {
        const std::size_t first = layer.token_at(form.start), last = layer.token_at(form.end);
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
        auto& v = (form.abbrev ? abbrevs_ : form.kind == Kind::Demonym ? demonyms_ : places_)[node];
        bool seen = false;
        for (const auto& c : v) seen = seen || c.entry == form.entry;
        if (!seen) v.push_back({form.entry, caps});
    }
}

}  // namespace newslens_locations
