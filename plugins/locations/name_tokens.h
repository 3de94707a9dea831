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
#include <string>
#include <vector>

#include "text.h"

namespace newslens_locations {

// Plain data without default member initialisers, so that a vector of them
// is sized with one zero fill (name_tokens writes each in place): make one
// with NameToken{}.
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

// The name tokens of layer tokens [first, last) (whole words only).
std::vector<NameToken> name_tokens(const newslens::TextLayer& layer, std::size_t first, std::size_t last);
// The same into `out`, and the indices of its `cap` tokens into
// `capitalised` (both cleared first: kept for each document, they keep
// their storage).
void name_tokens(const newslens::TextLayer& layer, std::size_t first, std::size_t last, std::vector<NameToken>& out,
                 std::vector<std::uint32_t>& capitalised);

// The folded text that `t.key` stands for (what the gazetteer interns):
// without the dots of a dotted abbreviation and without apostrophes, as
// GeoNames' transliterations put them at will (Ts’khinvali, Pervoural’sk).
void key_text(const newslens::TextLayer& layer, const NameToken& t, std::wstring& out);

// Whether token `t` (a layer token) starts a sentence: only opening quotes
// and brackets between it and a line start, the text start or sentence
// punctuation (. ! ? : ; • | —).
bool sentence_initial(const newslens::TextLayer& layer, std::size_t t);

}  // namespace newslens_locations
