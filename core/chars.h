// One character classification for the core and every plugin, generated
// from the Unicode Character Database (core/gen_unicode.py): a Cyrillic,
// Greek, Arabic or CJK letter is a letter, whatever the process locale.
// Plugins use these instead of <cwctype> (the C locale differs between glibc
// and Emscripten) or hand-made ranges.
#pragma once

#include <cstdint>
#include <cstring>

namespace newslens::chars {

enum Flag : std::uint16_t {
    kLetter = 1 << 0,      // general category L*
    kUpper = 1 << 1,       // Lu, Lt
    kLower = 1 << 2,       // Ll
    kDigit = 1 << 3,       // Nd (any script)
    kMark = 1 << 4,        // M*: combining accents, vowel signs (part of a word)
    kSpace = 1 << 5,       // Zs, Zl, Zp, tab, line breaks, zero-width space, BOM
    kNewline = 1 << 6,     // \n \v \f \r NEL U+2028 U+2029
    kPunct = 1 << 7,       // P*
    kSymbol = 1 << 8,      // S*: currency, maths, emoji
    kDash = 1 << 9,        // Pd and the minus sign
    kQuote = 1 << 10,      // quotation marks and apostrophes, straight and curly
    kApostrophe = 1 << 11, // ' ’ ‘ ʼ ′
    kNumberOther = 1 << 12 // Nl, No: ½ ² Ⅻ
};

// No byte of s[0, n) is above 0x7F (the text is ASCII there, so bytes are
// code points): read a word at a time, the last word
// overlapping the one before it.
inline bool ascii_bytes(const char* s, std::size_t n) {
    constexpr std::uint64_t high = 0x8080808080808080ull;
    if (n >= 8) {
        std::uint64_t any = 0, w;
        for (std::size_t i = 0; i + 8 < n; i += 8) {
            std::memcpy(&w, s + i, 8);
            any |= w;
        }
        std::memcpy(&w, s + n - 8, 8);
        return ((any | w) & high) == 0;
    }
    if (n >= 4) {
        std::uint32_t a, b;
        std::memcpy(&a, s, 4);
        std::memcpy(&b, s + n - 4, 4);
        return ((a | b) & 0x80808080u) == 0;
    }
    unsigned char any = 0;
    for (std::size_t i = 0; i < n; ++i) any |= static_cast<unsigned char>(s[i]);
    return (any & 0x80) == 0;
}

namespace tables {
extern const std::uint8_t flag_index[8704];
extern const std::uint16_t flag_blocks[][128];
extern const std::uint8_t fold_index[8704];
extern const std::int16_t fold_blocks[][128];
}  // namespace tables

inline std::uint16_t flags(char32_t c) {
    // ASCII, most of a news text: block 0 (gen_unicode.py emits the first
    // block first), one load instead of two.
    if (c < 0x80) return tables::flag_blocks[0][c];
    if (c >= 0x110000) return 0;
    return tables::flag_blocks[tables::flag_index[c >> 7]][c & 127];
}
inline bool has(char32_t c, std::uint16_t f) { return (flags(c) & f) != 0; }

inline bool is_letter(char32_t c) { return has(c, kLetter); }
inline bool is_upper(char32_t c) { return has(c, kUpper); }
inline bool is_lower(char32_t c) { return has(c, kLower); }
inline bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
inline bool is_ascii_letter(char32_t c) { return ((c | 0x20) - U'a') < 26; }
inline bool is_digit(char32_t c) { return has(c, kDigit); }
// A character that belongs to a word: letters, combining marks, digits.
inline bool is_word_char(char32_t c) { return has(c, kLetter | kMark | kDigit); }
inline bool is_alnum(char32_t c) { return has(c, kLetter | kDigit); }
inline bool is_space(char32_t c) { return has(c, kSpace); }
inline bool is_newline(char32_t c) { return has(c, kNewline); }
inline bool is_punct(char32_t c) { return has(c, kPunct); }
inline bool is_symbol(char32_t c) { return has(c, kSymbol); }
inline bool is_dash(char32_t c) { return has(c, kDash); }
// - ‐ ‑: the dashes that join the parts of a word ("Guinea-Bissau"); en and
// em dashes separate.
inline bool is_hyphen(char32_t c) { return c == U'-' || c == 0x2010 || c == 0x2011; }
inline bool is_quote(char32_t c) { return has(c, kQuote); }
inline bool is_apostrophe(char32_t c) { return has(c, kApostrophe); }
// " “ ” „ ‟ « » and the like: marks that open or close a quotation.
inline bool is_double_quote(char32_t c) {
    return c == U'"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F || c == 0xAB || c == 0xBB;
}
// ' ‘ ’ ‚ ‛ ‹ ›
inline bool is_single_quote(char32_t c) {
    return c == U'\'' || c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x201B || c == 0x2039 || c == 0x203A;
}

// The character a case- and accent-insensitive comparison uses: lower case,
// accents removed, typographic apostrophes, quotation marks and dashes as
// their ASCII forms, every space as ' '. One code point for one.
inline char32_t fold(char32_t c) {
    if (c < 0x80) return (c >= U'A' && c <= U'Z') ? c + 32 : (c == U'\t' ? U' ' : c);
    if (c >= 0x110000) return c;
    return static_cast<char32_t>(static_cast<std::int32_t>(c) + tables::fold_blocks[tables::fold_index[c >> 7]][c & 127]);
}

}  // namespace newslens::chars
