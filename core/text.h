// The text layer: tokens, words, sentences and lines of a Document, computed
// once (Document::layer()) and read by every plugin. Plugins never define
// character classes or tokenizers of their own: what one needs and the layer
// lacks is added here.
//
// Two views of the same text:
// - tokens: the smallest units. A run of letters and combining marks (a
//   Word), a run of ASCII digits with thousands groups and decimals
//   ("2,400", "3.5": a Number), or one punctuation or symbol character.
//   "35-year-old" is five tokens; "don’t" is three.
// - words: what a reader calls a word. Tokens glued by an inner apostrophe,
//   hyphen, dot, ampersand or (between digits) comma, plus the dot of an
//   abbreviation ("Sgt.", "U.S.", "J."): "Secretary-General", "Venezuela’s",
//   "AT&T", "2,400". A word's key drops that dot and a possessive ’s.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "chars.h"
#include "vocabulary.h"

namespace newslens {

class Document;

enum class TokenType : std::uint8_t { Word, Number, Punct, Symbol };

// How a word is written, from its letters.
enum class Shape : std::uint8_t {
    Lower,        // tuesday
    Capitalized,  // Tuesday, McDonald, O’Brien
    AllCaps,      // NATO, AFP (two letters or more)
    Mixed,        // iPhone, eBay
    Digits,       // a Number token or a word of digits
    Other,        // punctuation, symbols
};

// Gap flags: what lies between a token and the one before it.
enum Gap : std::uint8_t {
    kSpaceBefore = 1,      // white space
    kLineBefore = 2,       // a line break in that white space
    kBlankLineBefore = 4,  // an empty line (a paragraph break)
};

struct Token {
    std::uint32_t start = 0, end = 0;            // code points, end exclusive
    std::uint32_t byte_start = 0, byte_end = 0;  // UTF-8 bytes, end exclusive
    WordId key = kNoWord;  // folded text: lower case, no accents, ASCII apostrophes/quotes/dashes
    TokenType type = TokenType::Punct;
    Shape shape = Shape::Other;
    std::uint8_t gap = 0;  // Gap flags; the first token has kLineBefore
    bool space_before() const { return gap & kSpaceBefore; }
    bool line_before() const { return gap & kLineBefore; }
    bool glued() const { return !(gap & (kSpaceBefore | kLineBefore)); }  // touches the token before
};

struct Word {
    std::uint32_t first = 0, last = 0;  // tokens [first, last)
    std::uint32_t start = 0, end = 0;   // code points, the abbreviation dot included
    WordId key = kNoWord;               // folded, without an abbreviation dot or possessive ’s
    WordId full_key = kNoWord;          // folded, the possessive kept ("venezuela's")
    Shape shape = Shape::Other;
    bool alnum = false;       // starts with a letter or digit (else one punctuation/symbol token)
    bool possessive = false;  // Venezuela’s, Jones’
    bool abbreviation = false;  // ends with the dot of an abbreviation or initial
    std::uint8_t gap = 0;     // of its first token
    bool line_before() const { return gap & kLineBefore; }
    bool space_before() const { return gap & kSpaceBefore; }
};

// A sentence or a line: code points [start, end) with white space trimmed,
// tokens [first, last) and words [first_word, last_word).
struct Segment {
    std::uint32_t start = 0, end = 0;
    std::uint32_t first = 0, last = 0;
    std::uint32_t first_word = 0, last_word = 0;
};

class TextLayer {
public:
    explicit TextLayer(const Document& doc);

    const Document& document() const { return doc_; }
    const std::vector<Token>& tokens() const { return tokens_; }
    const std::vector<Word>& words() const { return words_; }
    // Sentences never cross a line break. Abbreviations ("Sgt.", "U.S.",
    // "Ill.", "Jan.") and initials ("J.") do not end one.
    const std::vector<Segment>& sentences() const { return sentences_; }
    // Non-blank lines: scraped articles put one paragraph per line.
    const std::vector<Segment>& lines() const { return lines_; }

    // The whole text folded (chars::fold), same length as the text.
    std::wstring_view folded() const { return folded_; }
    std::wstring_view folded(std::size_t start, std::size_t end) const {
        return std::wstring_view(folded_).substr(start, end - start);
    }
    std::wstring_view text(std::size_t start, std::size_t end) const { return wide_.substr(start, end - start); }
    std::wstring_view token_text(std::size_t i) const { return text(tokens_[i].start, tokens_[i].end); }
    std::wstring_view token_folded(std::size_t i) const { return folded(tokens_[i].start, tokens_[i].end); }
    std::wstring_view word_text(std::size_t i) const { return text(words_[i].start, words_[i].end); }
    // The text of a key id: vocabulary words and this document's own words.
    std::wstring_view key_text(WordId id) const;

    // Index of the first token (word, sentence, line) that ends after `cp`,
    // i.e. the one holding cp or the next one; size() when none.
    std::size_t token_at(std::size_t cp) const;
    std::size_t word_at(std::size_t cp) const;
    std::size_t sentence_at(std::size_t cp) const;
    std::size_t line_at(std::size_t cp) const;
    // The word that token i belongs to.
    std::size_t word_of_token(std::size_t i) const { return token_word_[i]; }

    // Id of a folded string: the vocabulary's, or this document's own, or
    // kNoWord when the document has no such word.
    WordId find_key(std::wstring_view folded) const;

private:
    WordId intern_local(std::wstring_view folded);
    WordId intern_local(std::wstring_view folded, std::uint64_t hash);
    void tokenize();
    void build_words();
    void build_segments();

    const Document& doc_;
    std::wstring_view wide_;  // the document's text, one wchar_t per code point
    std::wstring folded_;
    std::vector<Token> tokens_;
    std::vector<Word> words_;
    std::vector<std::uint32_t> token_word_;
    std::vector<Segment> sentences_;
    std::vector<Segment> lines_;
    StringTable local_;  // words of this document that no plugin interned
    const Vocabulary& vocabulary_ = Vocabulary::global();
};

// True when `folded` (without its dot) is a word that takes an abbreviation
// dot: CLDR's English suppressions as written in `text`, or the list in
// core/data/abbreviations.txt.
bool is_abbreviation(std::wstring_view text, std::wstring_view folded);

}  // namespace newslens
