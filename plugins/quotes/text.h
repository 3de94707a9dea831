// Character classes, paragraphs and word tokens over the wide (one wchar_t per
// code point) text. Plain code instead of <cwctype>: the C locale differs
// between glibc and Emscripten, and we must not change the process locale.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newslens::quotes {

class Lexicon;

bool is_letter(wchar_t c);
bool is_upper(wchar_t c);
bool is_digit(wchar_t c);
inline bool is_alnum(wchar_t c) { return is_letter(c) || is_digit(c); }
bool is_space(wchar_t c);
bool is_double_mark(wchar_t c);  // " “ ” „ ‟ « »
bool is_single_mark(wchar_t c);  // ' ‘ ’ ‚ ‛ ‹ ›
bool is_apostrophe(wchar_t c);   // ' ’ (inside words: don’t, Venezuela’s)
bool is_dash(wchar_t c);         // - – —

// ASCII lower-casing, enough for the (ASCII) word lists.
std::wstring lower(std::wstring_view s);

// A line of text that is not blank. Articles put one paragraph per line.
struct Paragraph {
    std::size_t start = 0;
    std::size_t end = 0;  // exclusive, trailing blanks removed
};
std::vector<Paragraph> split_paragraphs(const std::wstring& text);

enum class TokenKind : std::uint8_t { Word, Punct };

// A word (letters/digits with inner apostrophes, hyphens, dots and digit
// commas; a trailing dot when the word is an abbreviation such as "Sgt.") or
// a single punctuation character.
struct Token {
    std::uint32_t start = 0;
    std::uint32_t end = 0;
    TokenKind kind = TokenKind::Punct;
};

class Tokens {
public:
    Tokens(const std::wstring& text, const Lexicon& lex);
    std::size_t size() const { return tokens_.size(); }
    const Token& operator[](std::size_t i) const { return tokens_[i]; }
    // Index of the first token starting at or after `pos`.
    std::size_t first_at(std::size_t pos) const;
    std::wstring_view text(std::size_t i) const;
    bool is_word(std::size_t i) const { return tokens_[i].kind == TokenKind::Word; }
    bool is_punct(std::size_t i, wchar_t c) const {
        return tokens_[i].kind == TokenKind::Punct && text_[tokens_[i].start] == c;
    }
    bool capitalized(std::size_t i) const { return is_word(i) && is_upper(text_[tokens_[i].start]); }
    // The word lower-cased, without a trailing abbreviation dot or possessive 's.
    std::wstring key(std::size_t i) const;
    // "Venezuela’s" / "Venezuela's"
    bool possessive(std::size_t i) const;
    // A line break between token i-1 and token i: names never run over one.
    bool line_break_before(std::size_t i) const;

private:
    const std::wstring& text_;
    std::vector<Token> tokens_;
};

// Words as the scorer counts them: \w+ joined by inner apostrophes.
std::size_t count_words(const std::wstring& text, std::size_t begin, std::size_t end);

}  // namespace newslens::quotes
