#include "vocabulary.h"

#include "chars.h"

namespace newslens {

StringTable::StringTable() : offsets_{0}, slots_(64, 0) {}

std::uint64_t StringTable::hash(std::wstring_view key) {
    // One multiply per code point, then a final mix: words are short.
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ key.size();
    for (wchar_t c : key) h = (h ^ static_cast<std::uint32_t>(c)) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
    h *= 0xC4CEB9FE1A85EC53ull;
    return h ^ (h >> 29);
}

WordId StringTable::intern(std::wstring_view key) { return intern(key, hash(key)); }
WordId StringTable::find(std::wstring_view key) const { return find(key, hash(key)); }

WordId StringTable::find(std::wstring_view key, std::uint64_t h) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t s = h & mask;; s = (s + 1) & mask) {
        const std::uint32_t slot = slots_[s];
        if (slot == 0) return kNoWord;
        const std::uint32_t i = slot - 1;
        if (hashes_[i] == static_cast<std::uint32_t>(h) &&
            std::wstring_view(chars_).substr(offsets_[i], offsets_[i + 1] - offsets_[i]) == key)
            return first_id_ + i;
    }
}

WordId StringTable::intern(std::wstring_view key, std::uint64_t h) {
    if (const WordId id = find(key, h)) return id;
    if ((offsets_.size()) * 2 >= slots_.size()) grow();
    const auto i = static_cast<std::uint32_t>(offsets_.size() - 1);
    chars_.append(key);
    offsets_.push_back(static_cast<std::uint32_t>(chars_.size()));
    hashes_.push_back(static_cast<std::uint32_t>(h));
    const std::size_t mask = slots_.size() - 1;
    std::size_t s = h & mask;
    while (slots_[s] != 0) s = (s + 1) & mask;
    slots_[s] = i + 1;
    return first_id_ + i;
}

void StringTable::grow() {
    std::vector<std::uint32_t> bigger(slots_.size() * 2, 0);
    const std::size_t mask = bigger.size() - 1;
    for (std::uint32_t i = 0; i + 1 < offsets_.size(); ++i) {
        const std::uint64_t h = hash(std::wstring_view(chars_).substr(offsets_[i], offsets_[i + 1] - offsets_[i]));
        std::size_t s = h & mask;
        while (bigger[s] != 0) s = (s + 1) & mask;
        bigger[s] = i + 1;
    }
    slots_.swap(bigger);
}

std::wstring_view StringTable::text(WordId id) const {
    if (id < first_id_ || id - first_id_ + 1 >= offsets_.size()) return {};
    const std::uint32_t i = id - first_id_;
    return std::wstring_view(chars_).substr(offsets_[i], offsets_[i + 1] - offsets_[i]);
}

Vocabulary& Vocabulary::global() {
    static Vocabulary vocabulary;
    return vocabulary;
}

WordId Vocabulary::intern_text(std::wstring_view text) { return intern(fold_text(text)); }

std::wstring fold_text(std::wstring_view text) {
    std::wstring out(text);
    for (auto& c : out) c = static_cast<wchar_t>(chars::fold(static_cast<char32_t>(c)));
    return out;
}

}  // namespace newslens
