// The text layer's words (core/text.h) as the quotes rules read them: index
// i is layer.words()[i]. A word is a compound of letters and digits ("don’t",
// "Secretary-General", "U.S.", "Sgt.", "2,400") or one punctuation character;
// its key is its folded text without an abbreviation dot or possessive ’s.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "chars.h"
#include "document.h"
#include "text.h"

namespace newslens::quotes {

// The first element of [p, end) for which `hit` is true, `end` when none.
// Four elements a step: in these scans over every word the loop's own
// compares cost as much as the test, so the loop is unrolled once, here.
template <class T, class Hit>
const T* first_where(const T* p, const T* const end, Hit hit) {
    for (; end - p >= 4; p += 4) {
        if (hit(p)) return p;
        if (hit(p + 1)) return p + 1;
        if (hit(p + 2)) return p + 2;
        if (hit(p + 3)) return p + 3;
    }
    while (p != end && !hit(p)) ++p;
    return p;
}

class Words {
public:
    explicit Words(const TextLayer& layer)
        : layer_(layer),
          words_(layer.words().data()),
          size_(layer.words().size()),
          chars_(layer.document().wide().data()) {}

    const TextLayer& layer() const { return layer_; }
    std::size_t size() const { return size_; }
    const Word& operator[](std::size_t i) const { return words_[i]; }
    // The words as an array, for scans over many of them.
    const Word* data() const { return words_; }
    // Index of the first word starting at or after `pos`.
    std::size_t first_at(std::size_t pos) const {
        return static_cast<std::size_t>(
            std::lower_bound(words_, words_ + size_, pos, [](const Word& w, std::size_t p) { return w.start < p; }) -
            words_);
    }
    std::wstring_view text(std::size_t i) const { return layer_.word_text(i); }
    // The first character of word i (words are never empty).
    wchar_t first_char(std::size_t i) const { return chars_[words_[i].start]; }
    // The document's character at code point `pos`.
    wchar_t char_at(std::size_t pos) const { return chars_[pos]; }
    bool is_word(std::size_t i) const { return words_[i].alnum; }
    bool is_punct(std::size_t i, wchar_t c) const { return !words_[i].alnum && first_char(i) == c; }
    // Starts with a capital letter. The shape says so, but for an all-caps
    // word that starts with a digit ("1AB").
    // Asked of nearly every word: the shape, which rules most words out, first.
    bool capitalized(std::size_t i) const {
        const Word& w = words_[i];
        return (w.shape == Shape::Capitalized ||
                (w.shape == Shape::AllCaps && chars::is_upper(static_cast<char32_t>(first_char(i))))) &&
               w.alnum;
    }
    // False for a word that cannot be capitalized(): one compare of its
    // shape (Capitalized or AllCaps), for scans over every word.
    bool may_be_capitalized(std::size_t i) const {
        static_assert(static_cast<int>(Shape::AllCaps) == static_cast<int>(Shape::Capitalized) + 1, "adjacent shapes");
        return static_cast<unsigned>(words_[i].shape) - static_cast<unsigned>(Shape::Capitalized) < 2u;
    }
    // The first capitalised word at or after word i, size() when none: a
    // scan over every word, on a pointer with its shape test first.
    std::size_t next_capitalized(std::size_t i) const {
        const Word* p = words_ + i;
        const Word* const end = words_ + size_;
        p = first_where(p, end, [&](const Word* q) {
            return static_cast<unsigned>(q->shape) - static_cast<unsigned>(Shape::Capitalized) < 2u &&
                   capitalized(static_cast<std::size_t>(q - words_));
        });
        return static_cast<std::size_t>(p - words_);
    }
    WordId key(std::size_t i) const { return words_[i].key; }
    // The key as text ("secretary-general"), for suffix tests.
    std::wstring_view key_text(std::size_t i) const { return layer_.key_text(words_[i].key); }
    bool possessive(std::size_t i) const { return words_[i].possessive; }
    // Word i joins parts with a hyphen ("Secretary-General", "twenty-five"):
    // its key holds a '-'. Its joiners are tokens of their own, so a look at
    // their first characters answers without the key's text.
    bool hyphenated(std::size_t i) const {
        const Token* tokens = layer_.tokens().data();
        for (std::size_t t = words_[i].first + 1; t < words_[i].last; ++t)
            if (chars::is_hyphen(static_cast<char32_t>(chars_[tokens[t].start]))) return true;
        return false;
    }
    // A line break between word i-1 and word i: names never run over one.
    bool line_break_before(std::size_t i) const { return i == 0 || words_[i].line_before(); }

private:
    const TextLayer& layer_;
    // The layer's words, held directly: every rule reads them, many times a word.
    const Word* words_;
    std::size_t size_;
    const wchar_t* chars_;  // the document's text
};

// UTF-8 of a name, role or verb. Those are nearly always plain ASCII, which
// is copied byte for byte; anything else goes through to_utf8 (same bytes).
inline std::string utf8_of(std::wstring_view s) {
    std::string out(s.size(), '\0');
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (static_cast<std::uint32_t>(s[i]) >= 0x80) return to_utf8(s);
        out[i] = static_cast<char>(s[i]);
    }
    return out;
}

// Words as the scorer counts them: \w+ joined by inner apostrophes. Counting
// stops at `enough`: callers ask whether a span has that many.
inline std::size_t count_words(std::wstring_view text, std::size_t begin, std::size_t end,
                               std::size_t enough = static_cast<std::size_t>(-1)) {
    auto word_char = [&](std::size_t i) { return chars::is_alnum(static_cast<char32_t>(text[i])) || text[i] == L'_'; };
    std::size_t words = 0;
    std::size_t i = begin;
    while (i < end) {
        if (!word_char(i)) { ++i; continue; }
        if (++words == enough) break;
        while (i < end) {
            if (word_char(i)) ++i;
            else if (chars::is_apostrophe(static_cast<char32_t>(text[i])) && i + 1 < end && word_char(i + 1)) i += 2;
            else break;
        }
    }
    return words;
}

}  // namespace newslens::quotes
