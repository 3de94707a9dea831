#include "vocabulary.h"

#include "chars.h"

namespace newslens {

StringTable::StringTable() : offsets_{0}, slots_(64, 0) {}

std::uint64_t StringTable::hash(std::wstring_view key) {
    // One multiply per code point, then a final mix: words are short.
    std::uint64_t h = hash_start();
    for (wchar_t c : key) h = hash_step(h, static_cast<char32_t>(c));
    return hash_finish(h, key.size());
}

void StringTable::reserve(std::size_t keys) {
    std::size_t slots = slots_.size();
    while (slots < keys * 2 + 2) slots *= 2;
    if (slots == slots_.size()) return;
    offsets_.reserve(keys + 1);
    chars_.reserve(keys * 6);
    if (size() == 0) slots_.assign(slots, 0);
    else while (slots_.size() < slots) grow();
}

WordId StringTable::intern(std::wstring_view key) { return intern(key, hash(key)); }
WordId StringTable::find(std::wstring_view key) const { return find(key, hash(key)); }

bool StringTable::equal(std::uint32_t i, std::wstring_view key) const {
    const std::uint32_t b = offsets_[i];
    if (offsets_[i + 1] - b != key.size()) return false;
    const wchar_t* c = chars_.data() + b;
    for (std::size_t k = 0; k < key.size(); ++k)
        if (c[k] != key[k]) return false;
    return true;
}

WordId StringTable::find(std::wstring_view key, std::uint64_t h) const {
    const std::size_t mask = slots_.size() - 1;
    const auto tag = static_cast<std::uint32_t>(h);
    for (std::size_t s = h & mask;; s = (s + 1) & mask) {
        const std::uint64_t slot = slots_[s];
        if (slot == 0) return kNoWord;
        const auto i = static_cast<std::uint32_t>(slot) - 1;
        if (static_cast<std::uint32_t>(slot >> 32) == tag && equal(i, key)) return first_id_ + i;
    }
}

void StringTable::place(std::vector<std::uint64_t>& slots, std::uint32_t i, std::uint32_t tag) {
    const std::size_t mask = slots.size() - 1;
    std::size_t s = tag & mask;
    while (slots[s] != 0) s = (s + 1) & mask;
    slots[s] = (static_cast<std::uint64_t>(tag) << 32) | (i + 1);
}

WordId StringTable::intern(std::wstring_view key, std::uint64_t h) {
    if (const WordId id = find(key, h)) return id;
    if ((offsets_.size()) * 2 >= slots_.size()) grow();
    const auto i = static_cast<std::uint32_t>(offsets_.size() - 1);
    chars_.append(key);
    offsets_.push_back(static_cast<std::uint32_t>(chars_.size()));
    place(slots_, i, static_cast<std::uint32_t>(h));
    return first_id_ + i;
}

void StringTable::grow() {
    // The slot keeps the low 32 bits of the hash, all that a table of at
    // most 2^32 slots uses to place a key.
    std::vector<std::uint64_t> bigger(slots_.size() * 2, 0);
    for (const std::uint64_t slot : slots_)
        if (slot) place(bigger, static_cast<std::uint32_t>(slot) - 1, static_cast<std::uint32_t>(slot >> 32));
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
