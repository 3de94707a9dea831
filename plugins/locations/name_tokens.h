// The words the locations scanner compares, read off the text layer
// (core/text.h). A name token is a layer word, split at its inner hyphens
// ("Guinea-Bissau" is "Guinea" + "Bissau", like the gazetteer form "Guinea
// Bissau"), without a possessive ’s. Dotted abbreviations ("U.S.", "N.J.")
// stay one token with their final dot; the dot of "Calif." or "J." is left
// between tokens, where it separates them.
//
// The gazetteer's forms go through the same function (gazetteer.cpp), so a
// form and the text it matches always agree on tokens and keys.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "text.h"

namespace newslens_locations {

// Plain data without default member initialisers: name_tokens sizes its
// vector without a fill and writes each token whole (see NoFillAllocator).
// Make one with NameToken{}.
struct NameToken {
    std::uint32_t first, last;    // layer tokens [first, last)
    std::uint32_t start, end;     // code points, a dotted abbreviation's final dot included
    std::uint32_t key_end;        // end of the key's text (before that dot)
    newslens::WordId key;         // folded text [start, key_end)
    bool word;        // starts with a letter
    bool cap;         // its first letter is upper case (or "d’Ivoire": an elided article before one)
    bool allcaps;     // two letters or more, none lower case
    bool dotted;      // U.S., D.C.: its key is the letters without the dots ("us")
    bool apostrophe;  // Ts’khinvali, d’Ivoire: its key is the letters without the apostrophe
    bool possessive;  // John’s (the key is "john")
    // What lies between it and the token before: ' ' white space (or one
    // hyphen inside a word), ',' or '.' glued to the token before then
    // white space, '|' anything else (a line break, other punctuation).
    char gap_before;
};

// An allocator whose vectors grow without filling the new elements (for
// plain data that is written right after): resize() costs no zero fill.
template <class T>
struct NoFillAllocator : std::allocator<T> {
    template <class U>
    struct rebind {
        using other = NoFillAllocator<U>;
    };
    NoFillAllocator() = default;
    template <class U>
    NoFillAllocator(const NoFillAllocator<U>&) noexcept {}
    template <class U>
    void construct(U* p) noexcept {
        ::new (static_cast<void*>(p)) U;  // default-initialised: left as it is
    }
    template <class U, class... Args>
    void construct(U* p, Args&&... args) {
        ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
};
using NameTokens = std::vector<NameToken, NoFillAllocator<NameToken>>;
using TokenIndices = std::vector<std::uint32_t, NoFillAllocator<std::uint32_t>>;

// The name tokens of layer tokens [first, last) (whole words only).
NameTokens name_tokens(const newslens::TextLayer& layer, std::size_t first, std::size_t last);
// The same into `out`, and the indices of its `cap` tokens into
// `capitalised` (both cleared first: kept for each document, they keep
// their storage).
void name_tokens(const newslens::TextLayer& layer, std::size_t first, std::size_t last, NameTokens& out,
                 TokenIndices& capitalised);

// The folded text that `t.key` stands for (what the gazetteer interns):
// without the dots of a dotted abbreviation and without apostrophes, as
// GeoNames' transliterations put them at will (Ts’khinvali, Pervoural’sk).
void key_text(const newslens::TextLayer& layer, const NameToken& t, std::wstring& out);

// Whether token `t` (a layer token) starts a sentence: only opening quotes
// and brackets between it and a line start, the text start or sentence
// punctuation (. ! ? : ; • | —).
bool sentence_initial(const newslens::TextLayer& layer, std::size_t t);

}  // namespace newslens_locations
