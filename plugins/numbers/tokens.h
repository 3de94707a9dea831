// The tokens the numbers rules walk: the text layer's tokens (core/text.h),
// read in place, with one change: URLs, e-mail addresses, handles and
// phone numbers become one masked token (TokKind::Masked; their digits are
// no quantities). Only a document that has such a run gets a copy of the
// layer's tokens. A token's kind and gap are the layer's; numbers keeps
// only each token's lexicon entry index (two bytes), filled by the one pass
// over every token, which also lists the few tokens a rule can start at
// (starters()) and the few where a masked run can start.
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

// Finds the runs to mask. Built once per extractor (it holds the compiled
// phone pattern).
class Masker {
public:
    explicit Masker(const Lexicon& lexicon);
    // End (code point) of the masked run that starts with layer token
    // `first`, the first token of a chunk (a run of tokens without white
    // space between them); the token's start when nothing is masked there.
    std::size_t mask_end(const TextLayer& layer, std::size_t first) const;

private:
    boost::wregex phone_;
    WordId www_;
};

// What a token is: the layer's types, and a masked run, which is stored
// in a copy of the tokens as a fifth value of Token::type (TokenType has a
// fixed underlying type; the copy is never handed to core).
enum class TokKind : std::uint8_t { Word, Number, Punct, Symbol, Masked };
static_assert(static_cast<int>(TokKind::Word) == static_cast<int>(TokenType::Word) &&
              static_cast<int>(TokKind::Number) == static_cast<int>(TokenType::Number) &&
              static_cast<int>(TokKind::Punct) == static_cast<int>(TokenType::Punct) &&
              static_cast<int>(TokKind::Symbol) == static_cast<int>(TokenType::Symbol));

class Tokens {
public:
    Tokens(const TextLayer& layer, const Lexicon& lexicon, const Masker& masker);
    ~Tokens();
    Tokens(const Tokens&) = delete;  // toks_ may point into masked_
    Tokens& operator=(const Tokens&) = delete;

    const TextLayer& layer() const { return layer_; }
    const Lexicon& lexicon() const { return lex_; }
    std::size_t size() const { return size_; }

    // Token i (i < size()): its code points, its gap, what it is.
    std::uint32_t start(std::size_t i) const { return toks_[i].start; }
    std::uint32_t end(std::size_t i) const { return toks_[i].end; }
    // White space between token i and the one before it.
    bool space_before(std::size_t i) const { return gap(i) & kSpaceBefore; }
    // A line break in that white space.
    bool line_before(std::size_t i) const { return gap(i) & kLineBefore; }
    bool masked(std::size_t i) const { return kind(i) == TokKind::Masked; }
    // A word starting with a capital. The layer's shape says whether the
    // first letter is one, but for words in capitals that start with a mark
    // or caseless letter.
    bool cap(std::size_t i) const {
        const Token& k = toks_[i];
        return kind(i) == TokKind::Word &&
               (k.shape == Shape::Capitalized ||
                (k.shape == Shape::AllCaps && chars::is_upper(static_cast<char32_t>(text_[k.start]))));
    }
    // A word written in capitals only (MAX, USD, A).
    bool upper(std::size_t i) const {
        const Token& k = toks_[i];
        return kind(i) == TokKind::Word && (k.shape == Shape::AllCaps || (k.end - k.start == 1 && cap(i)));
    }
    // A number of digits only: no thousands separator, no decimals.
    bool plain(std::size_t i) const {
        const Token& k = toks_[i];
        if (kind(i) != TokKind::Number) return false;
        for (std::uint32_t c = k.start; c < k.end; ++c)
            if (!chars::is_ascii_digit(static_cast<char32_t>(text_[c]))) return false;
        return true;
    }
    // The tokens a rule can start at, in order: digits, a currency or
    // minus sign, a comparison sign, or a word some rule starts with.
    struct Indices {
        const std::uint32_t* first;
        const std::uint32_t* last;
        const std::uint32_t* begin() const { return first; }
        const std::uint32_t* end() const { return last; }
    };
    Indices starters() const { return {starters_.data(), starters_.data() + starter_count_}; }
    // Token i (i < size()) is one of them.
    bool starts(std::size_t i) const { return starts_token(toks_[i], entry_[i]); }

    bool is_word(std::size_t i) const { return i < size_ && kind(i) == TokKind::Word; }
    bool is_number(std::size_t i) const { return i < size_ && kind(i) == TokKind::Number; }
    // Punctuation and symbols alike.
    bool is_punct(std::size_t i) const {
        return i < size_ && (kind(i) == TokKind::Punct || kind(i) == TokKind::Symbol);
    }
    bool is_alnum(std::size_t i) const { return is_word(i) || is_number(i); }
    // The folded key of token i (i < size()).
    WordId key(std::size_t i) const { return toks_[i].key; }
    // Token i is the word `w` (a Lexicon id).
    bool is(std::size_t i, WordId w) const { return is_word(i) && toks_[i].key == w; }
    // What the word lists say about token i (empty past the end).
    const Entry& lex(std::size_t i) const { return lex_.at(entry(i)); }
    bool has(std::size_t i, std::uint32_t flag) const { return lex(i).has(flag); }
    // The character of a punctuation token, else 0.
    wchar_t punct(std::size_t i) const { return is_punct(i) ? text_[toks_[i].start] : 0; }
    // A punctuation token that folds to an apostrophe (' ’ ‘).
    bool apostrophe(std::size_t i) const { return is_punct(i) && layer_.folded()[toks_[i].start] == L'\''; }
    // The folded text of a token (for suffix tests: "-ly", "-men").
    std::wstring_view folded(std::size_t i) const { return layer_.folded(toks_[i].start, toks_[i].end); }
    std::size_t length(std::size_t i) const { return toks_[i].end - toks_[i].start; }
    // The layer word that token i starts in, or -1 in a document with
    // masked runs (its tokens are not the layer's one for one).
    std::size_t layer_word(std::size_t i) const {
        return masked_runs_ ? static_cast<std::size_t>(-1) : layer_.word_of_token(i);
    }

    // Token i touches token i-1 (no space between).
    bool glued(std::size_t i) const { return i < size_ && i > 0 && !(toks_[i].gap & kSpaceBefore); }
    // Token i follows token i-1 on the same line after a space.
    bool spaced(std::size_t i) const { return i < size_ && (gap(i) & (kSpaceBefore | kLineBefore)) == kSpaceBefore; }
    // Token i follows i-1 on the same line, with or without a space.
    bool near(std::size_t i) const { return i < size_ && i > 0 && !(toks_[i].gap & kLineBefore); }
    // A new sentence or clause starts at token i (capitals there mean nothing).
    bool sentence_start(std::size_t i) const;

    // Digits of a number token: its value (the nearest double: 2.86 stays 2.86),
    // its length and the digits after its decimal point.
    double digits_value(std::size_t i) const;
    std::size_t digit_count(std::size_t i) const { return length(i); }
    std::size_t decimals(std::size_t i) const;

private:
    TokKind kind(std::size_t i) const { return static_cast<TokKind>(toks_[i].type); }
    // The first token's gap is numbers' own (see the constructor).
    std::uint8_t gap(std::size_t i) const { return i == 0 ? first_gap_ : toks_[i].gap; }
    // Lexicon entry of token i: 0 for numbers, masked runs, words in no
    // list and past the end.
    std::uint16_t entry(std::size_t i) const { return i < size_ ? entry_[i] : 0; }
    // Token k, of lexicon entry `entry`, is one of starters().
    bool starts_token(const Token& k, std::uint16_t entry) const {
        switch (static_cast<TokKind>(k.type)) {
            case TokKind::Word: return lex_.at(entry).starts;
            case TokKind::Number: return true;
            case TokKind::Punct:
            case TokKind::Symbol: {
                const wchar_t c = text_[k.start];
                // a currency sign; "-4.5", "> 10", "≤ 5"
                return entry != 0 || c == L'-' || c == 0x2212 || c == L'<' || c == L'>' || c == 0x2264 ||
                       c == 0x2265;
            }
            default: return false;  // masked
        }
    }
    // A masked run: layer tokens from `first` on, up to code point `end`.
    struct Run {
        std::size_t first;
        std::size_t end;
    };
    // Fills entries_ for the layer's tokens, listing starters_ and the
    // tokens find_masked looks at.
    void read_layer(std::vector<std::uint32_t>& mask_candidates);
    std::uint32_t sign_info(const Token& t) const;
    std::vector<Run> find_masked(const Masker& masker, const std::vector<std::uint32_t>& candidates) const;
    void apply_masked(const std::vector<Run>& runs);

    const TextLayer& layer_;
    const Lexicon& lex_;
    const std::wstring& text_;
    // Buffers kept from document to document by each thread (one Tokens at
    // a time per thread): no allocation and no zeroing per document. Their
    // sizes are capacities; size_ and starter_count_ say how much is used.
    std::vector<std::uint16_t>& entries_;
    std::vector<std::uint32_t>& starters_;
    std::vector<Token> masked_;  // the layer's tokens with each masked run one token (documents with runs only)
    const Token* toks_ = nullptr;  // the layer's tokens, or masked_
    const std::uint16_t* entry_ = nullptr;  // entries_.data()
    std::size_t size_ = 0;
    std::size_t starter_count_ = 0;
    std::uint8_t first_gap_ = 0;
    bool masked_runs_ = false;
};

}  // namespace newslens::numbers
