// Interned folded strings. A plugin interns its lexicon once, when it is
// created; the text layer gives every token the id of its folded text, so a
// lexicon look-up is an integer comparison or an index into a table.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newslens {

using WordId = std::uint32_t;
constexpr WordId kNoWord = 0;
// Ids from here on are local to one document: words no plugin interned.
// They compare equal within that document only.
constexpr WordId kFirstLocalWord = 0x80000000u;

// An open-addressing hash set of wide strings with stable integer ids.
class StringTable {
public:
    StringTable();
    // The id of `key`, added if new. Ids start at `first_id` and grow by one.
    // Out of line: a plugin side module (.wasm) then imports no function with
    // a 64-bit argument, which the page's main module could not provide.
    WordId intern(std::wstring_view key);
    // kNoWord when `key` was never interned.
    WordId find(std::wstring_view key) const;
    // The same with the key's hash() already computed (the text layer looks
    // a word up in two tables with one hash).
    WordId intern(std::wstring_view key, std::uint64_t hash);
    WordId find(std::wstring_view key, std::uint64_t hash) const;
    std::wstring_view text(WordId id) const;
    std::size_t size() const { return offsets_.size() - 1; }
    void set_first_id(WordId first) { first_id_ = first; }
    // Room for about `keys` keys without rehashing.
    void reserve(std::size_t keys);
    static std::uint64_t hash(std::wstring_view key);
    // hash() one code point at a time, for a scanner that folds and hashes a
    // word in the same pass: h = hash_start(); h = hash_step(h, c)...;
    // hash_finish(h, length) == hash(key).
    static constexpr std::uint64_t hash_start() { return 0x9E3779B97F4A7C15ull; }
    static constexpr std::uint64_t hash_step(std::uint64_t h, char32_t c) {
        return (h ^ static_cast<std::uint32_t>(c)) * 0xFF51AFD7ED558CCDull;
    }
    static constexpr std::uint64_t hash_finish(std::uint64_t h, std::size_t length) {
        h ^= length;
        h ^= h >> 32;
        h *= 0xC4CEB9FE1A85EC53ull;
        return h ^ (h >> 29);
    }

private:
    void grow();
    bool equal(std::uint32_t i, std::wstring_view key) const;
    static void place(std::vector<std::uint64_t>& slots, std::uint32_t i, std::uint32_t tag);
    WordId first_id_ = 1;
    std::wstring chars_;                  // every key, back to back
    std::vector<std::uint32_t> offsets_;  // key i is chars_[offsets_[i], offsets_[i+1])
    // 0 = empty, else (low 32 bits of the key's hash) << 32 | (index + 1):
    // a probe compares the hash without touching another array.
    std::vector<std::uint64_t> slots_;
};

// The shared vocabulary of every plugin. intern() belongs in a plugin's
// constructor: it must not run while documents are analysed on other threads
// (the CLI creates every plugin before it starts its threads).
class Vocabulary {
public:
    static Vocabulary& global();
    WordId intern(std::wstring_view folded) { return table_.intern(folded); }
    // Folds `text` first (core/chars.h): "Venezuela’s" and "venezuela's" are one word.
    WordId intern_text(std::wstring_view text);
    WordId find(std::wstring_view folded) const { return table_.find(folded); }
    WordId find(std::wstring_view folded, std::uint64_t hash) const { return table_.find(folded, hash); }  // core only
    std::wstring_view text(WordId id) const { return table_.text(id); }

private:
    StringTable table_;
};

// A set of ids for marks a plugin makes over one document ("written in
// lower case somewhere", trie nodes seen): open addressing with Fibonacci
// hashing (the high bits of id * 2^32/phi), so its size follows what the
// document holds, not the size of the vocabulary. kNoWord (0) is never a member.
class WordSet {
public:
    void insert(std::uint32_t id) {
        if (id == 0) return;
        if (2 * (count_ + 1) > slots_.size()) grow();
        std::uint32_t& s = slot(id);
        if (s == 0) { s = id; ++count_; }
    }
    bool contains(std::uint32_t id) const { return id != 0 && count_ && slots_[find_slot(id)] == id; }
    bool empty() const { return count_ == 0; }
    std::size_t size() const { return count_; }
    // Room for `n` ids without growing (on an empty set), up to 2^15: past
    // that, growing costs little next to filling the set.
    void reserve(std::size_t n) {
        if (n > (1u << 15)) n = 1u << 15;
        std::size_t size = 64;
        while (size < 2 * n + 2) size *= 2;
        if (size > slots_.size() && count_ == 0) resize_empty(size);
    }

private:
    std::size_t find_slot(std::uint32_t id) const {
        const std::size_t mask = slots_.size() - 1;
        std::size_t i = (id * 0x9E3779B1u) >> shift_;
        while (slots_[i] != 0 && slots_[i] != id) i = (i + 1) & mask;
        return i;
    }
    std::uint32_t& slot(std::uint32_t id) { return slots_[find_slot(id)]; }
    void resize_empty(std::size_t size) {
        slots_.assign(size, 0);
        shift_ = 32;
        for (std::size_t k = size; k > 1; k >>= 1) --shift_;
        count_ = 0;
    }
    void grow() {
        std::vector<std::uint32_t> old;
        old.swap(slots_);
        resize_empty(old.size() < 64 ? 64 : old.size() * 2);
        for (const std::uint32_t id : old)
            if (id) insert(id);
    }
    std::vector<std::uint32_t> slots_;
    std::size_t count_ = 0;
    unsigned shift_ = 32;
};

// A set of ids kept as one bit per id, for a mark made on most words of a
// document ("written in lower case somewhere", in locations and people): a
// test is one load, and an insert far cheaper than WordSet's. The bitmap covers the ids up to the largest one
// inserted (one bit per vocabulary word, a few KB); ids local to a document
// get a bitmap of their own. kNoWord (0) is never a member.
class WordBits {
public:
    void insert(WordId id) {
        if (id == kNoWord) return;
        const bool local = id >= kFirstLocalWord;
        std::vector<std::uint64_t>& bits = local ? local_ : global_;
        const std::size_t i = id & ~kFirstLocalWord;
        if (i / 64 >= bits.size()) bits.resize(std::max(i / 64 + 1, 2 * bits.size()), 0);
        std::uint64_t& word = bits[i / 64];
        if (word == 0) (local ? touched_local_ : touched_global_).push_back(static_cast<std::uint32_t>(i / 64));
        word |= std::uint64_t{1} << (i % 64);
    }
    bool contains(WordId id) const {
        if (id == kNoWord) return false;
        const std::vector<std::uint64_t>& bits = id >= kFirstLocalWord ? local_ : global_;
        const std::size_t i = id & ~kFirstLocalWord;
        return i / 64 < bits.size() && (bits[i / 64] >> (i % 64) & 1);
    }
    // Empty again, keeping the bitmaps: a set reused for each document (one
    // per thread) is cleared where bits were set, not zeroed whole.
    void clear() {
        for (const std::uint32_t w : touched_global_) global_[w] = 0;
        for (const std::uint32_t w : touched_local_) local_[w] = 0;
        touched_global_.clear();
        touched_local_.clear();
    }

private:
    std::vector<std::uint64_t> global_;  // vocabulary ids
    std::vector<std::uint64_t> local_;   // ids local to the document, from kFirstLocalWord
    std::vector<std::uint32_t> touched_global_, touched_local_;  // the 64-bit words made non-zero
};

// The folded form of `text` (core/chars.h fold), one code point for one.
std::wstring fold_text(std::wstring_view text);

}  // namespace newslens
