#include "tokens.h"

#include <algorithm>
#include <cstdlib>

#include "document.h"
#include "regex.h"

namespace newslens::numbers {

namespace {

// Phone numbers, tried only where a chunk starts with a digit, '+' or '('.
const wchar_t* const kPhonePattern =
    L"(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{1,4}\\)[ .-]?)?\\d{2,4}[.-]\\d{2,4}[.-]\\d{3,4}(?![\\w-])"
    L"|\\+\\d{1,3}(?:[ .-]?\\(?\\d{1,4}\\)?){2,5}"
    L"|\\(\\d{3}\\) ?\\d{3}[ .-]\\d{4}";

// Sentence punctuation after an address is not part of it.
bool trailing_mark(wchar_t c) {
    return std::wstring_view(L".,;:!?)]\"'\u201D\u2019").find(c) != std::wstring_view::npos;
}

bool char_is(const std::wstring& text, const Token& t, wchar_t c) { return text[t.start] == c; }

// Token k is ':', '@' or '#': one of them is part of every URL, e-mail
// address or handle that Masker masks.
bool is_sign(const std::vector<Token>& lt, const std::wstring& text, std::size_t k) {
    if (lt[k].type != TokenType::Punct && lt[k].type != TokenType::Symbol) return false;
    const wchar_t c = text[lt[k].start];
    return c == L':' || c == L'@' || c == L'#';
}

}  // namespace

Masker::Masker(const Lexicon& lexicon) : phone_(make_regex(kPhonePattern)), www_(lexicon.w.www) {}

std::size_t Masker::mask_end(const TextLayer& layer, std::size_t first) const {
    const std::vector<Token>& lt = layer.tokens();
    const std::wstring& text = layer.document().wide();
    const std::size_t begin = lt[first].start;
    // The loop below finds URLs, addresses and handles only in a chunk
    // with a sign (see is_sign); most chunks ("don't", "U.S.", "2.5%") have none.
    bool signs = is_sign(lt, text, first);
    std::size_t last = first + 1;  // the chunk is tokens [first, last)
    while (last < lt.size() && lt[last].glued()) signs |= is_sign(lt, text, last++);

    // "://" anywhere or "www." at the start: a URL. The first '@' with
    // something before it and a letter after it: an e-mail address. '#' or
    // '@' and a letter: a handle.
    bool mask = last > first + 1 && lt[first].type == TokenType::Word && lt[first].end - lt[first].start == 3 &&
                lt[first].key == www_ && char_is(text, lt[first + 1], L'.');
    bool seen_at = false;
    for (std::size_t k = first; k < last && signs && !mask; ++k) {
        if (lt[k].type != TokenType::Punct && lt[k].type != TokenType::Symbol) continue;
        const wchar_t c = text[lt[k].start];
        if (c == L':' && k + 2 < last && char_is(text, lt[k + 1], L'/') && char_is(text, lt[k + 2], L'/')) mask = true;
        if (c == L'@' && !seen_at) {
            seen_at = true;
            if (k > first && k + 1 < last && chars::is_letter(static_cast<char32_t>(text[lt[k + 1].start])))
                mask = true;
        }
        if (k == first && (c == L'#' || c == L'@') && k + 1 < last &&
            chars::is_letter(static_cast<char32_t>(text[lt[k + 1].start])))
            mask = true;
    }
    if (mask) {
        std::size_t e = lt[last - 1].end;
        while (e > begin + 1 && trailing_mark(text[e - 1])) --e;
        return e;
    }

    const wchar_t c = text[begin];
    bool phone = c == L'+' || c == L'(';
    if (chars::is_ascii_digit(static_cast<char32_t>(c))) {
        // Starting with a digit, only the first alternative can match, and
        // it begins with 2 to 4 digits and a dot or dash.
        std::size_t d = 0;
        while (d < 5 && begin + d < text.size() && chars::is_digit(static_cast<char32_t>(text[begin + d]))) ++d;
        phone = d >= 2 && d <= 4 && begin + d < text.size() && (text[begin + d] == L'.' || text[begin + d] == L'-');
    }
    if (phone) {
        boost::wsmatch m;
        const auto from = text.begin() + static_cast<std::ptrdiff_t>(begin);
        const auto to = text.begin() + static_cast<std::ptrdiff_t>(std::min(text.size(), begin + 40));
        if (boost::regex_search(from, to, m, phone_, boost::match_continuous))
            return begin + static_cast<std::size_t>(m.length());
    }
    return begin;
}

// A chunk that starts with a word other than "www" can only be masked
// when a ':', '@' or '#' is glued into it (a URL, address or handle), or
// when the word starts with a digit (a phone number). Most chunks are
// "don't", "U.S.", "well-known": checked here without the full scan.
inline bool Masker::may_mask(const TextLayer& layer, std::size_t first) const {
    const std::vector<Token>& lt = layer.tokens();
    if (lt[first].type != TokenType::Word || lt[first].key == www_) return true;
    const std::wstring& text = layer.document().wide();
    if (chars::is_ascii_digit(static_cast<char32_t>(text[lt[first].start]))) return true;
    for (std::size_t k = first + 1; k < lt.size() && lt[k].glued(); ++k)
        if (is_sign(lt, text, k)) return true;
    return false;
}

// The word fields of token k, a layer word token read from code point `start` on.
inline void Tokens::set_word(Tok& k, const Token& t, std::uint32_t start) const {
    k.type = TokType::Word;
    k.key = t.key;
    const std::uint32_t info = lex_.word_info(t.key);
    k.entry = static_cast<std::uint16_t>(info);
    k.starts = (info & Lexicon::kStartsBit) != 0;
    // The layer's shape says whether the first letter is a capital,
    // but for words in capitals that start with a mark or caseless letter.
    k.cap = t.shape == Shape::Capitalized ||
            (t.shape == Shape::AllCaps && chars::is_upper(static_cast<char32_t>(text_[start])));
    k.upper = t.shape == Shape::AllCaps || (k.cap && t.end - start == 1);
}

// A whole word token, most tokens: built in place, no copy.
inline void Tokens::add_word(const Token& t) {
    Tok& k = toks_.emplace_back();
    k.start = t.start;
    k.end = t.end;
    k.space_before = t.space_before();
    k.line_before = t.line_before();
    set_word(k, t, t.start);
}

// Any layer token as the rules read it, from code point `start` on.
Tok Tokens::convert(const Token& t, std::uint32_t start, bool space, bool line) const {
    Tok k;
    k.start = start;
    k.end = t.end;
    k.space_before = space;
    k.line_before = line;
    if (t.type == TokenType::Word) {
        set_word(k, t, start);
    } else if (t.type == TokenType::Number) {
        k.type = TokType::Number;
        k.starts = true;
        k.plain = true;
        for (std::uint32_t c = start; c < t.end; ++c)
            if (!chars::is_ascii_digit(static_cast<char32_t>(text_[c]))) k.plain = false;
    } else {
        k.key = t.key;
        k.entry = lex_.index(t.key);  // a currency sign
        const wchar_t c = text_[start];
        // "-4.5", "> 10", "≤ 5"
        k.starts = k.entry != 0 || c == L'-' || c == 0x2212 || c == L'<' || c == L'>' || c == 0x2264 || c == 0x2265;
    }
    return k;
}

Tokens::Tokens(const TextLayer& layer, const Lexicon& lexicon, const Masker& masker)
    : layer_(layer), lex_(lexicon), text_(layer.document().wide()) {
    const std::vector<Token>& lt = layer.tokens();
    const std::size_t n = lt.size();
    toks_.reserve(n);
    std::size_t masked_until = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Token& t = lt[i];
        if (t.start < masked_until) {
            if (t.end <= masked_until) continue;  // inside a masked run
            // A phone number ended inside this digit run ("+1 234,567"): the
            // rest is read as a glued token of its own, its comma or point
            // apart. (A rest that starts inside decimals and is followed by
            // ",ddd" would have been one longer number before; no phone
            // pattern ends there in practice.)
            std::uint32_t start = static_cast<std::uint32_t>(masked_until);
            if (text_[start] == L',' || text_[start] == L'.') {
                Tok p;
                p.start = start;
                p.end = start + 1;
                toks_.push_back(p);
                ++start;
            }
            if (start < t.end) toks_.push_back(convert(t, start, false, false));
            continue;
        }
        // "0845 8 505 505", "0800 555 111": a number from 0 and groups of
        // digits after spaces is a phone number.
        if (t.type == TokenType::Number && text_[t.start] == L'0' && t.end - t.start >= 3 && t.end - t.start <= 5) {
            std::size_t g = i + 1;
            while (g < n && lt[g].type == TokenType::Number && lt[g].space_before() && !lt[g].line_before() &&
                   lt[g].end - lt[g].start <= 4 && std::all_of(text_.begin() + lt[g].start, text_.begin() + lt[g].end,
                                                               [](wchar_t c) { return c >= L'0' && c <= L'9'; }))
                ++g;
            if (g >= i + 3 && !(g < n && lt[g].glued() && lt[g].type != TokenType::Punct)) {
                Tok m;
                m.start = t.start;
                m.end = lt[g - 1].end;
                m.type = TokType::Masked;
                m.space_before = t.space_before();
                m.line_before = t.line_before();
                toks_.push_back(m);
                masked_until = m.end;
                continue;
            }
        }
        // A chunk starts at the first token and after white space. A chunk
        // of one token is never masked (every pattern spans several).
        if ((i == 0 || t.space_before()) && i + 1 < n && lt[i + 1].glued() && masker.may_mask(layer, i)) {
            masked_until = masker.mask_end(layer, i);
            if (masked_until > t.start) {
                Tok m;
                m.start = t.start;
                m.end = static_cast<std::uint32_t>(masked_until);
                m.type = TokType::Masked;
                m.space_before = t.space_before();
                m.line_before = t.line_before();
                toks_.push_back(m);
                continue;
            }
        }
        if (t.type == TokenType::Word)
            add_word(t);
        else
            toks_.push_back(convert(t, t.start, t.space_before(), t.line_before()));
    }
    // The layer puts a line break before the first token; here, as before,
    // only a real one in the white space the text starts with counts.
    if (!toks_.empty())
        toks_[0].line_before = std::any_of(text_.begin(), text_.begin() + toks_[0].start, [](wchar_t c) {
            return chars::is_newline(static_cast<char32_t>(c));
        });
}

bool Tokens::sentence_start(std::size_t i) const {
    if (i == 0 || toks_[i].line_before) return true;
    const Tok& p = toks_[i - 1];
    if (p.type == TokType::Masked) return true;
    if (p.type != TokType::Punct) return false;
    const wchar_t c = text_[p.start];
    return c == L'.' || c == L'!' || c == L'?' || c == L':' || c == L';' || c == L'"' || c == 0x201C ||
           c == 0x201D || apostrophe(i - 1) || c == L'(' || c == L'[' || chars::is_dash(static_cast<char32_t>(c)) ||
           c == 0x2022 || c == L'|' || c == L'*';
}

double Tokens::digits_value(std::size_t i) const {
    // Whole numbers below 2^53 are exact in a double: add the digits up.
    // Decimals go through strtod (the nearest double: 2.86 stays 2.86, not
    // 2.8600000000000003).
    std::uint64_t whole = 0;
    bool point = false;
    std::size_t digits = 0;
    for (std::size_t k = toks_[i].start; k < toks_[i].end; ++k) {
        const wchar_t c = text_[k];
        if (c == L'.') point = true;
        if (c == L'.' || c == L',') continue;
        whole = whole * 10 + static_cast<std::uint64_t>(c - L'0');
        ++digits;
    }
    if (!point && digits <= 15) return static_cast<double>(whole);
    char buf[64];
    std::size_t n = 0;
    for (std::size_t k = toks_[i].start; k < toks_[i].end && n + 1 < sizeof buf; ++k) {
        const wchar_t c = text_[k];
        if (c != L',') buf[n++] = static_cast<char>(c);  // a number token holds digits, commas and a point
    }
    buf[n] = 0;
    return std::strtod(buf, nullptr);
}

std::size_t Tokens::decimals(std::size_t i) const {
    for (std::size_t k = toks_[i].start; k < toks_[i].end; ++k)
        if (text_[k] == L'.') return toks_[i].end - k - 1;
    return 0;
}

}  // namespace newslens::numbers
