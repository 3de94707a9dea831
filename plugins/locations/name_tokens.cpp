#include "name_tokens.h"

#include <algorithm>
#include <cstddef>
#include <cstring>

#include "document.h"

namespace newslens_locations {

using newslens::Shape;
using newslens::TextLayer;
using newslens::Token;
using newslens::TokenType;
namespace chars = newslens::chars;

namespace {

// The gap before layer token `to` when layer tokens [from, to) lie between it
// and the previous name token (see NameToken::gap_before).
char gap_between(const TextLayer& layer, std::size_t from, std::size_t to) {
    const auto& toks = layer.tokens();
    const std::wstring& text = layer.document().wide();
    if (to == from + 1) {
        // One token between, the most common case ("Valencia, Venezuela",
        // "end. Next"): the loop below, unrolled.
        const Token& p = toks[from];
        const std::uint8_t after = toks[to].gap;
        if ((p.gap | after) & newslens::kLineBefore || p.type != TokenType::Punct) return '|';
        const bool space_before = p.gap & newslens::kSpaceBefore, space_after = after & newslens::kSpaceBefore;
        const wchar_t c = text[p.start];
        if (chars::is_hyphen(c)) return !space_before && !space_after ? ' ' : '|';
        if (c == L',') return !space_before && space_after ? ',' : '|';
        if (c == L'.') return !space_before && space_after ? '.' : '|';
        return '|';
    }
    int hyphens = 0, commas = 0, periods = 0;
    bool spaces = false;
    for (std::size_t k = from; k <= to; ++k) {
        if (toks[k].line_before()) return '|';
        if (toks[k].space_before()) spaces = true;
        if (k == to) break;
        if (toks[k].type != TokenType::Punct) return '|';
        const wchar_t c = text[toks[k].start];
        if (chars::is_hyphen(c)) ++hyphens;
        else if (c == L',') ++commas;
        else if (c == L'.') ++periods;
        else return '|';
    }
    if (commas + periods + hyphens == 0) return spaces ? ' ' : '|';
    if (hyphens == 1 && commas + periods == 0 && !spaces) return ' ';
    // A comma or full stop right after the token, then white space: "Valencia, Venezuela".
    const bool glued_first = !toks[from].space_before();
    if (commas == 1 && periods + hyphens == 0 && spaces && glued_first && text[toks[from].start] == L',') return ',';
    if (periods == 1 && commas + hyphens == 0 && spaces && glued_first && text[toks[from].start] == L'.') return '.';
    return '|';
}

bool one_char(const Token& t) { return t.end == t.start + 1; }

// One name token: layer tokens [p, q) of word `w`, whose body (without an
// abbreviation dot and a possessive ’s) ends at `body_end`.
NameToken part_of_word(const TextLayer& layer, const newslens::Word& w, std::size_t p, std::size_t q,
                       std::size_t body_end, bool final_dot, bool dotted, std::wstring& buffer) {
    const auto& toks = layer.tokens();
    const std::wstring& text = layer.document().wide();
    NameToken nt{};
    nt.first = static_cast<std::uint32_t>(p);
    nt.last = static_cast<std::uint32_t>(final_dot ? q + 1 : q);
    nt.start = toks[p].start;
    nt.key_end = toks[q - 1].end;
    nt.end = toks[nt.last - 1].end;
    nt.dotted = dotted;
    nt.possessive = w.possessive && q == body_end;
    for (std::size_t k = p + 1; k + 1 < q && !nt.apostrophe; ++k)
        nt.apostrophe = toks[k].type == TokenType::Punct && chars::is_apostrophe(static_cast<char32_t>(text[toks[k].start]));
    nt.word = chars::is_letter(static_cast<char32_t>(text[nt.start]));
    if (q - p == 1) {
        nt.key = toks[p].key;
        nt.cap = toks[p].shape == Shape::Capitalized || toks[p].shape == Shape::AllCaps;
        nt.allcaps = toks[p].shape == Shape::AllCaps;
        return nt;
    }
    if (p == w.first && q == body_end && !nt.dotted && !nt.apostrophe) {
        nt.key = w.key;
    } else {
        key_text(layer, nt, buffer);
        nt.key = layer.find_key(buffer);
    }
    int letters = 0, lowers = 0;
    for (std::size_t k = nt.start; k < nt.key_end; ++k) {
        const auto c = static_cast<char32_t>(text[k]);
        if (chars::is_letter(c)) {
            ++letters;
            if (!chars::is_upper(c)) ++lowers;
            if (letters == 1) nt.cap = chars::is_upper(c);
        } else if (chars::is_apostrophe(c) && letters <= 2 && k + 1 < nt.key_end &&
                   chars::is_upper(static_cast<char32_t>(text[k + 1]))) {
            nt.cap = true;  // d’Ivoire, l’Aquila: an elided article before a capitalised name
        }
    }
    nt.allcaps = letters >= 2 && lowers == 0;
    return nt;
}

// The name tokens of a word of several layer tokens (a hyphen, a dot, an
// apostrophe, a possessive ’s), written to out[n], out[n + 1] ... (`n` ends
// past the last). Kept out of name_tokens'
// loop, which it would slow down for the one-token words that are most of a
// text (inlined, it makes the compiler spill that loop's registers).
[[gnu::noinline]] void split_word(const TextLayer& layer, const newslens::Word& w, std::size_t& prev_end, NameToken* out,
                                  std::size_t& n, std::wstring& buffer) {
    const auto& toks = layer.tokens();
    const std::wstring& text = layer.document().wide();
    std::size_t body_end = w.last;  // without the abbreviation dot and the possessive ’s
    if (w.abbreviation) --body_end;
    if (w.possessive) body_end -= 2;
    std::size_t p = w.first;
    bool dotted = false;
    for (std::size_t k = w.first + 1; k <= body_end; ++k) {
        if (k < body_end) {
            if (toks[k].type != TokenType::Punct) continue;
            const auto c = static_cast<char32_t>(text[toks[k].start]);
            if (chars::is_apostrophe(c)) continue;  // d’Ivoire, O’Brien
            // U.S., D.C.: one letter, a dot, one letter (or W.Va.).
            const bool one_letter_before = one_char(toks[k - 1]) && (k - 1 == p || toks[k - 2].type == TokenType::Punct);
            const bool one_letter_after = toks[k + 1].type == TokenType::Word && one_char(toks[k + 1]) &&
                                          chars::is_letter(static_cast<char32_t>(text[toks[k + 1].start])) &&
                                          !(k + 2 < body_end && toks[k + 2].type == TokenType::Number);
            // W.Va.: one letter, a dot, and a short last word before the final dot.
            const bool short_last = w.abbreviation && k + 2 == body_end && toks[k + 1].type == TokenType::Word &&
                                    toks[k + 1].end - toks[k + 1].start <= 2;
            if (c == U'.' && one_letter_before && (one_letter_after || short_last)) {
                dotted = true;
                continue;
            }
        }
        // A hyphen, an ampersand, another dot, or the end of the body.
        const bool final_dot = k == body_end && dotted && w.abbreviation && !w.possessive;
        NameToken nt = part_of_word(layer, w, p, k, body_end, final_dot, dotted, buffer);
        nt.gap_before = n == 0 ? '|' : gap_between(layer, prev_end, p);
        prev_end = nt.last;
        out[n++] = nt;
        p = k + 1;
        dotted = false;
    }
}

}  // namespace

namespace {

// A one-token word's name token but its text span and key: by its shape and
// by whether white space alone lies before it (gap ' ', else '|'). Its
// `word` holds for an ASCII first character (see read_name_tokens).
struct OneTokenTemplates {
    NameToken by_shape[6][2];
    constexpr OneTokenTemplates() : by_shape{} {
        for (int shape = 0; shape < 6; ++shape)
            for (int spaced = 0; spaced < 2; ++spaced) {
                NameToken& t = by_shape[shape][spaced];
                t.cap = Shape(shape) == Shape::Capitalized || Shape(shape) == Shape::AllCaps;
                t.allcaps = Shape(shape) == Shape::AllCaps;
                t.gap_before = spaced ? ' ' : '|';
                t.word = Shape(shape) != Shape::Digits;
            }
    }
};
constexpr OneTokenTemplates kOneToken;  // constant: ready before any static constructor runs

// Word and NameToken both begin with first, last, start, end: copied at once.
static_assert(offsetof(newslens::Word, first) == 0 && offsetof(newslens::Word, last) == 4 &&
              offsetof(newslens::Word, start) == 8 && offsetof(newslens::Word, end) == 12);
static_assert(offsetof(NameToken, first) == 0 && offsetof(NameToken, last) == 4 && offsetof(NameToken, start) == 8 &&
              offsetof(NameToken, end) == 12);
static_assert(int(Shape::Other) == 5);

// The name tokens of layer tokens [first, last) into `out`, and the indices
// of the capitalised ones into `capitalised`.
void read_name_tokens(const TextLayer& layer, std::size_t first, std::size_t last, NameTokens& out,
                      TokenIndices& capitalised) {
    out.clear();
    capitalised.clear();
    const auto& toks = layer.tokens();
    const auto& words = layer.words();
    if (first >= last || first >= toks.size()) return;
    last = std::min(last, toks.size());
    // Every token belongs to a word: the words of tokens [first, last), but
    // those that reach outside them.
    std::size_t word_begin = layer.word_of_token(first), word_end = layer.word_of_token(last - 1) + 1;
    if (words[word_begin].first < first) ++word_begin;
    if (word_end > word_begin && words[word_end - 1].last > last) --word_end;
    if (word_end <= word_begin) return;
    // Each name token holds layer tokens of its own: there are no more name
    // tokens than layer tokens. Sized once (no fill: see NoFillAllocator),
    // then each written whole in place: no capacity check a token.
    out.resize(words[word_end - 1].last - words[word_begin].first);
    capitalised.resize(out.size());
    NameToken* const data = out.data();
    std::uint32_t* const caps = capitalised.data();
    std::size_t n = 0, cap_count = 0;
    // Raw pointers: the stores into `out` would make the compiler reload the vectors' data.
    const newslens::Word* const word_data = words.data();
    const wchar_t* const text = layer.document().wide().data();
    std::size_t prev_end = first;  // the layer token after the previous name token
    std::wstring buffer;
    for (std::size_t wi = word_begin; wi < word_end; ++wi) {
        const newslens::Word& w = word_data[wi];
        if (!w.alnum) continue;
        if (w.last != w.first + 1) {
            const std::size_t before = n;
            split_word(layer, w, prev_end, data, n, buffer);
            for (std::size_t k = before; k < n; ++k)
                if (data[k].cap) caps[cap_count++] = static_cast<std::uint32_t>(k);
            continue;
        }
        // Most words are one layer token (no hyphen, dot or ’s): the word
        // holds that token's text span, key, shape and gap.
        const auto c = static_cast<char32_t>(text[w.start]);
        const bool after_previous = prev_end == w.first;
        const bool spaced = after_previous && (w.gap & (newslens::kSpaceBefore | newslens::kLineBefore)) == newslens::kSpaceBefore;
        NameToken& nt = data[n];
        nt = kOneToken.by_shape[static_cast<int>(w.shape)][spaced];
        std::memcpy(&nt.first, &w.first, 4 * sizeof(std::uint32_t));  // first, last, start, end
        nt.key_end = w.end;
        nt.key = w.key;
        // The template says "not digits": for a word of ASCII, its first
        // character is a letter (a word token) or a digit (a number). Other
        // words may start with a mark or a digit of another script.
        if (c >= 0x80) nt.word = chars::is_letter(c);
        // (The first token's gap is set to '|' below.)
        if (!after_previous) nt.gap_before = gap_between(layer, prev_end, w.first);
        prev_end = w.last;
        caps[cap_count] = static_cast<std::uint32_t>(n);  // kept only when capitalised
        cap_count += nt.cap;
        ++n;
    }
    out.resize(n);
    capitalised.resize(cap_count);
    if (n) out.front().gap_before = '|';  // nothing before it
}

}  // namespace

NameTokens name_tokens(const TextLayer& layer, std::size_t first, std::size_t last) {
    NameTokens out;
    TokenIndices capitalised;
    read_name_tokens(layer, first, last, out, capitalised);
    return out;
}

void name_tokens(const TextLayer& layer, std::size_t first, std::size_t last, NameTokens& out,
                 TokenIndices& capitalised) {
    read_name_tokens(layer, first, last, out, capitalised);
}

void key_text(const TextLayer& layer, const NameToken& t, std::wstring& out) {
    const std::wstring_view folded = layer.folded(t.start, t.key_end);
    out.clear();
    if (!t.dotted && !t.apostrophe) {
        out.assign(folded);
        return;
    }
    for (const wchar_t c : folded)  // folding made every apostrophe '
        if (!(t.dotted && c == L'.') && c != L'\'') out.push_back(c);
}

bool sentence_initial(const TextLayer& layer, std::size_t t) {
    const auto& toks = layer.tokens();
    const std::wstring& text = layer.document().wide();
    for (std::size_t k = t;; --k) {
        if (k == 0 || toks[k].line_before()) return true;
        const Token& p = toks[k - 1];
        if (p.type != TokenType::Punct && p.type != TokenType::Symbol) return false;
        const wchar_t c = text[p.start];
        // Opening quotes and brackets before the word.
        if (c == L'"' || c == 0x201C || c == 0x2018 || c == L'(' || c == L'[' || c == L'\'' || c == 0xAB) continue;
        return c == L'.' || c == L'!' || c == L'?' || c == L':' || c == L';' || c == 0x2022 || c == L'|' ||
               c == 0x2014;
    }
}

}  // namespace newslens_locations
