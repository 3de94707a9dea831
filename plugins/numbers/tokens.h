// The tokens the numbers rules walk: the text layer's tokens (core/text.h)
// with two changes. URLs, e-mail addresses, handles and phone numbers become
// one Masked token (their digits are no quantities), and each token carries
// the flags and lexicon entry the rules test, computed once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include <boost/regex.hpp>

#include "lexicon.h"
#include "text.h"

namespace newslens::numbers {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

enum class TokType : std::uint8_t { Word, Number, Punct, Masked };

struct Tok {
    std::uint32_t start = 0, end = 0;  // code points
    WordId key = kNoWord;              // the layer's folded key (kNoWord when masked)
    std::uint16_t entry = 0;           // Lexicon entry of `key`; 0: in no list
    TokType type = TokType::Punct;     // punctuation and symbols alike
    bool space_before = false;  // white space between this token and the previous one
    bool line_before = false;   // a line break in that white space
    bool cap = false;           // word starting with a capital
    bool upper = false;         // word written in capitals only (MAX, USD, A)
    bool plain = false;         // digits only: no thousands separator, no decimals
    bool starts = false;        // digits, a currency or minus sign, or a word some rule starts with
};

// Finds the runs to mask. Built once per extractor (it holds the compiled
// phone pattern).
class Masker {
public:
    explicit Masker(const Lexicon& lexicon);
    // End (code point) of the masked run that starts with layer token
    // `first`, the first token of a chunk (a run of tokens without white
    // space between them); the token's start when nothing is masked there.
    std::size_t mask_end(const TextLayer& layer, std::size_t first) const;
    // False when mask_end would find nothing at `first`, told cheaply.
    bool may_mask(const TextLayer& layer, std::size_t first) const;

private:
    boost::wregex phone_;
    WordId www_;
};

class Tokens {
public:
    Tokens(const TextLayer& layer, const Lexicon& lexicon, const Masker& masker);

    const TextLayer& layer() const { return layer_; }
    const Lexicon& lexicon() const { return lex_; }
    std::size_t size() const { return toks_.size(); }
    const Tok& operator[](std::size_t i) const { return toks_[i]; }

    bool is_word(std::size_t i) const { return i < size() && toks_[i].type == TokType::Word; }
    bool is_number(std::size_t i) const { return i < size() && toks_[i].type == TokType::Number; }
    bool is_punct(std::size_t i) const { return i < size() && toks_[i].type == TokType::Punct; }
    bool is_alnum(std::size_t i) const { return is_word(i) || is_number(i); }
    // Token i is the word `w` (a Lexicon id).
    bool is(std::size_t i, WordId w) const { return is_word(i) && toks_[i].key == w; }
    // What the word lists say about token i (empty past the end).
    const Entry& lex(std::size_t i) const { return lex_.at(i < size() ? toks_[i].entry : 0); }
    bool has(std::size_t i, std::uint32_t flag) const { return lex(i).has(flag); }
    // The character of a punctuation token, else 0.
    wchar_t punct(std::size_t i) const { return is_punct(i) ? text_[toks_[i].start] : 0; }
    // A punctuation token that folds to an apostrophe (' ’ ‘).
    bool apostrophe(std::size_t i) const { return is_punct(i) && layer_.folded()[toks_[i].start] == L'\''; }
    // The folded text of a token (for suffix tests: "-ly", "-men").
    std::wstring_view folded(std::size_t i) const { return layer_.folded(toks_[i].start, toks_[i].end); }
    std::size_t length(std::size_t i) const { return toks_[i].end - toks_[i].start; }

    // Token i touches token i-1 (no space between).
    bool glued(std::size_t i) const { return i < size() && i > 0 && !toks_[i].space_before; }
    // Token i follows token i-1 on the same line after a space.
    bool spaced(std::size_t i) const { return i < size() && toks_[i].space_before && !toks_[i].line_before; }
    // Token i follows i-1 on the same line, with or without a space.
    bool near(std::size_t i) const { return i < size() && i > 0 && !toks_[i].line_before; }
    // A new sentence or clause starts at token i (capitals there mean nothing).
    bool sentence_start(std::size_t i) const;

    // Digits of a number token: its value (the nearest double: 2.86 stays 2.86),
    // its length and the digits after its decimal point.
    double digits_value(std::size_t i) const;
    std::size_t digit_count(std::size_t i) const { return length(i); }
    std::size_t decimals(std::size_t i) const;

private:
    Tok convert(const Token& t, std::uint32_t start, bool space, bool line) const;
    void set_word(Tok& k, const Token& t, std::uint32_t start) const;
    void add_word(const Token& t);

    const TextLayer& layer_;
    const Lexicon& lex_;
    const std::wstring& text_;
    std::vector<Tok> toks_;
};

}  // namespace newslens::numbers
