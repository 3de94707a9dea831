#include "text.h"

#include <algorithm>

#include "lexicon.h"

namespace newslens::quotes {

bool is_letter(wchar_t c) {
    if (c < 0x80) return (c >= L'a' && c <= L'z') || (c >= L'A' && c <= L'Z');
    if (c == 0xAA || c == 0xB5 || c == 0xBA) return true;
    if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;  // Latin-1 and Latin Extended
    if (c >= 0x370 && c <= 0x52F) return c != 0x37E && c != 0x387;  // Greek, Cyrillic
    if (c >= 0x1E00 && c <= 0x1FFF) return true;                    // Latin Extended Additional, Greek Extended
    if (c >= 0x2000 && c <= 0x2BFF) return false;                   // punctuation, symbols
    if (c >= 0x3000 && c <= 0x303F) return false;                   // CJK punctuation
    if (c >= 0xFF00 && c <= 0xFF20) return false;                   // full-width punctuation
    return c >= 0x5D0 && c != 0xFFFD;                               // other scripts: letters
}

bool is_upper(wchar_t c) {
    if (c < 0x80) return c >= L'A' && c <= L'Z';
    if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
    if (c >= 0x100 && c <= 0x17F) return c % 2 == 0;  // mostly upper/lower pairs
    if (c >= 0x391 && c <= 0x3A9) return true;
    if (c >= 0x400 && c <= 0x42F) return true;
    if (c >= 0x1E00 && c <= 0x1EFF) return c % 2 == 0;
    return false;
}

bool is_digit(wchar_t c) { return c >= L'0' && c <= L'9'; }

bool is_space(wchar_t c) {
    return c == L' ' || c == L'\t' || c == L'\n' || c == L'\r' || c == L'\f' || c == L'\v' || c == 0xA0 ||
           (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
           c == 0x3000 || c == 0xFEFF;
}

bool is_double_mark(wchar_t c) {
    return c == L'"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F || c == 0xAB || c == 0xBB;
}

bool is_single_mark(wchar_t c) {
    return c == L'\'' || c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x201B || c == 0x2039 || c == 0x203A;
}

bool is_apostrophe(wchar_t c) { return c == L'\'' || c == 0x2019; }

bool is_dash(wchar_t c) { return c == L'-' || c == 0x2013 || c == 0x2014 || c == 0x2012 || c == 0x2015; }

std::wstring lower(std::wstring_view s) {
    std::wstring out(s);
    for (auto& c : out)
        if (c >= L'A' && c <= L'Z') c = static_cast<wchar_t>(c - L'A' + L'a');
    return out;
}

std::vector<Paragraph> split_paragraphs(const std::wstring& text) {
    std::vector<Paragraph> out;
    const std::size_t n = text.size();
    std::size_t line = 0;
    for (std::size_t i = 0; i <= n; ++i) {
        const bool end = i == n || text[i] == L'\n' || text[i] == L'\r' || text[i] == 0x2029;
        if (!end) continue;
        std::size_t b = line, e = i;
        while (b < e && is_space(text[b])) ++b;
        while (e > b && is_space(text[e - 1])) --e;
        if (b < e) out.push_back({b, e});
        line = i + 1;
    }
    return out;
}

Tokens::Tokens(const std::wstring& text, const Lexicon& lex) : text_(text) {
    const std::size_t n = text.size();
    tokens_.reserve(n / 5 + 1);
    std::size_t i = 0;
    while (i < n) {
        const wchar_t c = text[i];
        if (is_space(c)) { ++i; continue; }
        if (!is_alnum(c)) {
            tokens_.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + 1), TokenKind::Punct});
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        bool inner_dot = false;
        while (j < n) {
            if (is_alnum(text[j])) { ++j; continue; }
            const wchar_t d = text[j];
            const bool joins_next = j + 1 < n && is_alnum(text[j + 1]);
            // don’t, Secretary-General, U.S, 2,400: the mark sits between two word characters.
            if (joins_next && (is_apostrophe(d) || d == L'-' || d == 0x2010 || d == L'.' || d == L'&' ||
                               (d == L',' && is_digit(text[j - 1]) && is_digit(text[j + 1])))) {
                if (d == L'.') inner_dot = true;
                j += 2;
                continue;
            }
            break;
        }
        // A dot that belongs to an abbreviation ("Sgt.", "U.S.", "J.") is part of the word,
        // so a lone "." token always ends a sentence.
        if (j < n && text[j] == L'.') {
            const std::wstring w = lower(std::wstring_view(text).substr(i, j - i));
            if (inner_dot || (j - i == 1 && is_upper(text[i])) || lex.abbreviation(w)) ++j;
        }
        tokens_.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j), TokenKind::Word});
        i = j;
    }
}

std::size_t Tokens::first_at(std::size_t pos) const {
    return static_cast<std::size_t>(
        std::lower_bound(tokens_.begin(), tokens_.end(), pos, [](const Token& t, std::size_t p) { return t.start < p; }) -
        tokens_.begin());
}

std::wstring_view Tokens::text(std::size_t i) const {
    return std::wstring_view(text_).substr(tokens_[i].start, tokens_[i].end - tokens_[i].start);
}

bool Tokens::possessive(std::size_t i) const {
    const auto t = text(i);
    return is_word(i) && t.size() > 2 && (t[t.size() - 1] == L's' || t[t.size() - 1] == L'S') &&
           is_apostrophe(t[t.size() - 2]);
}

bool Tokens::line_break_before(std::size_t i) const {
    if (i == 0) return true;
    for (std::size_t p = tokens_[i - 1].end; p < tokens_[i].start; ++p)
        if (text_[p] == L'\n' || text_[p] == L'\r' || text_[p] == 0x2029) return true;
    return false;
}

std::wstring Tokens::key(std::size_t i) const {
    auto t = text(i);
    if (!t.empty() && t.back() == L'.') t.remove_suffix(1);
    if (possessive(i)) t.remove_suffix(2);
    return lower(t);
}

std::size_t count_words(const std::wstring& text, std::size_t begin, std::size_t end) {
    std::size_t words = 0;
    std::size_t i = begin;
    while (i < end) {
        if (!is_alnum(text[i]) && text[i] != L'_') { ++i; continue; }
        ++words;
        while (i < end) {
            if (is_alnum(text[i]) || text[i] == L'_') ++i;
            else if (is_apostrophe(text[i]) && i + 1 < end && is_alnum(text[i + 1])) i += 2;
            else break;
        }
    }
    return words;
}

}  // namespace newslens::quotes
