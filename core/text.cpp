#include "text.h"

#include <algorithm>

#include "document.h"

namespace newslens {
namespace text_data {
extern const wchar_t* const kCasedAbbreviations[];
extern const std::size_t kCasedAbbreviationCount;
extern const wchar_t* const kFoldedAbbreviations[];
extern const std::size_t kFoldedAbbreviationCount;
}  // namespace text_data

namespace {

std::size_t utf8_length(char32_t c) { return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; }

struct Abbreviations {
    StringTable cased, folded;
    Abbreviations() {
        for (std::size_t i = 0; i < text_data::kCasedAbbreviationCount; ++i)
            cased.intern(text_data::kCasedAbbreviations[i]);
        for (std::size_t i = 0; i < text_data::kFoldedAbbreviationCount; ++i)
            folded.intern(fold_text(text_data::kFoldedAbbreviations[i]));
    }
};

const Abbreviations& abbreviations() {
    static const Abbreviations a;
    return a;
}

Shape shape_of(std::wstring_view s) {
    std::size_t upper = 0, lower = 0;
    bool first_upper = false, digits = true;
    for (std::size_t k = 0; k < s.size(); ++k) {
        const auto c = static_cast<char32_t>(s[k]);
        const std::uint16_t f = chars::flags(c);
        if (!(f & chars::kDigit)) digits = false;
        if (f & chars::kUpper) {
            ++upper;
            if (lower == 0 && upper == 1 && k == 0) first_upper = true;
        } else if (f & chars::kLower) {
            ++lower;
        }
    }
    if (digits && !s.empty()) return Shape::Digits;
    if (upper == 0) return lower > 0 ? Shape::Lower : Shape::Other;
    if (lower == 0) return upper >= 2 ? Shape::AllCaps : (first_upper ? Shape::Capitalized : Shape::Mixed);
    return first_upper ? Shape::Capitalized : Shape::Mixed;
}

bool joiner(wchar_t c) {
    return chars::is_apostrophe(static_cast<char32_t>(c)) || chars::is_hyphen(static_cast<char32_t>(c)) || c == L'.' ||
           c == L'&';
}

bool sentence_end_mark(wchar_t c) { return c == L'.' || c == L'!' || c == L'?' || c == 0x2026; }

}  // namespace

bool is_abbreviation(std::wstring_view text, std::wstring_view folded) {
    const Abbreviations& a = abbreviations();
    return a.cased.find(text) != kNoWord || a.folded.find(folded) != kNoWord;
}

TextLayer::TextLayer(const Document& doc) : doc_(doc) {
    local_.set_first_id(kFirstLocalWord);
    const std::wstring& text = doc.wide();
    folded_.resize(text.size());
    for (std::size_t i = 0; i < text.size(); ++i)
        folded_[i] = static_cast<wchar_t>(chars::fold(static_cast<char32_t>(text[i])));
    tokenize();
    build_words();
    build_segments();
}

std::wstring_view TextLayer::text(std::size_t start, std::size_t end) const {
    return std::wstring_view(doc_.wide()).substr(start, end - start);
}

WordId TextLayer::intern_local(std::wstring_view folded) {
    const std::uint64_t h = StringTable::hash(folded);
    if (const WordId id = Vocabulary::global().find(folded, h)) return id;
    return local_.intern(folded, h);
}

WordId TextLayer::find_key(std::wstring_view folded) const {
    if (const WordId id = Vocabulary::global().find(folded)) return id;
    return local_.find(folded);
}

std::wstring_view TextLayer::key_text(WordId id) const {
    return id >= kFirstLocalWord ? local_.text(id) : Vocabulary::global().text(id);
}

void TextLayer::tokenize() {
    const std::wstring& text = doc_.wide();
    const std::size_t n = text.size();
    tokens_.reserve(n / 4 + 8);
    std::size_t i = 0, byte = 0;
    std::uint8_t gap = kLineBefore;
    int newlines = 2;  // the text starts like a paragraph
    while (i < n) {
        const auto c = static_cast<char32_t>(text[i]);
        const std::uint16_t f = chars::flags(c);
        if (f & chars::kSpace) {
            gap |= kSpaceBefore;
            if (f & chars::kNewline) {
                // \r\n is one line break.
                if (!(c == U'\n' && i > 0 && text[i - 1] == L'\r')) ++newlines;
                gap |= kLineBefore;
                if (newlines >= 2) gap |= kBlankLineBefore;
            }
            byte += utf8_length(c);
            ++i;
            continue;
        }
        Token t;
        t.start = static_cast<std::uint32_t>(i);
        t.byte_start = static_cast<std::uint32_t>(byte);
        t.gap = tokens_.empty() ? static_cast<std::uint8_t>(gap | kLineBefore) : gap;
        gap = 0;
        newlines = 0;
        std::size_t j = i + 1;
        if (chars::is_ascii_digit(c)) {
            t.type = TokenType::Number;
            while (j < n && chars::is_ascii_digit(static_cast<char32_t>(text[j]))) ++j;
            // Thousands groups: exactly three digits after each comma.
            while (j + 3 < n && text[j] == L',' && chars::is_ascii_digit(static_cast<char32_t>(text[j + 1])) &&
                   chars::is_ascii_digit(static_cast<char32_t>(text[j + 2])) &&
                   chars::is_ascii_digit(static_cast<char32_t>(text[j + 3])) &&
                   (j + 4 >= n || !chars::is_ascii_digit(static_cast<char32_t>(text[j + 4]))))
                j += 4;
            if (j + 1 < n && text[j] == L'.' && chars::is_ascii_digit(static_cast<char32_t>(text[j + 1]))) {
                ++j;
                while (j < n && chars::is_ascii_digit(static_cast<char32_t>(text[j]))) ++j;
            }
            t.shape = Shape::Digits;
        } else if (f & (chars::kLetter | chars::kMark | chars::kDigit)) {
            t.type = TokenType::Word;
            while (j < n) {
                const auto d = static_cast<char32_t>(text[j]);
                if (chars::is_ascii_digit(d) || !chars::is_word_char(d)) break;
                ++j;
            }
            t.shape = shape_of(std::wstring_view(text).substr(i, j - i));
        } else {
            t.type = (f & chars::kPunct) ? TokenType::Punct : TokenType::Symbol;
        }
        for (std::size_t k = i; k < j; ++k) byte += utf8_length(static_cast<char32_t>(text[k]));
        t.end = static_cast<std::uint32_t>(j);
        t.byte_end = static_cast<std::uint32_t>(byte);
        t.key = intern_local(std::wstring_view(folded_).substr(i, j - i));
        tokens_.push_back(t);
        i = j;
    }
}

void TextLayer::build_words() {
    const std::wstring& text = doc_.wide();
    const std::size_t n = tokens_.size();
    words_.reserve(n);
    token_word_.resize(n);
    auto alnum = [&](std::size_t k) {
        return k < n && (tokens_[k].type == TokenType::Word || tokens_[k].type == TokenType::Number);
    };
    auto punct_is = [&](std::size_t k, bool (*pred)(wchar_t)) {
        return k < n && tokens_[k].type == TokenType::Punct && pred(text[tokens_[k].start]);
    };
    std::size_t t = 0;
    while (t < n) {
        Word w;
        w.first = static_cast<std::uint32_t>(t);
        w.gap = tokens_[t].gap;
        std::size_t j = t + 1;
        bool inner_dot = false;
        if (alnum(t)) {
            w.alnum = true;
            while (j < n && tokens_[j].glued()) {
                if (alnum(j)) { ++j; continue; }
                const wchar_t d = text[tokens_[j].start];
                const bool digit_comma = d == L',' && tokens_[j - 1].type == TokenType::Number &&
                                         j + 1 < n && tokens_[j + 1].type == TokenType::Number;
                if ((tokens_[j].type == TokenType::Punct && (joiner(d) || digit_comma)) && alnum(j + 1) &&
                    tokens_[j + 1].glued()) {
                    if (d == L'.') inner_dot = true;
                    j += 2;
                    continue;
                }
                break;
            }
        }
        std::size_t body_end = tokens_[j - 1].end;  // before an abbreviation dot
        if (w.alnum && j < n && tokens_[j].glued() && punct_is(j, [](wchar_t c) { return c == L'.'; })) {
            const std::wstring_view body = std::wstring_view(text).substr(tokens_[t].start, body_end - tokens_[t].start);
            const std::wstring_view fbody = std::wstring_view(folded_).substr(tokens_[t].start, body.size());
            const bool initial = j == t + 1 && body.size() == 1 && chars::is_upper(static_cast<char32_t>(body[0]));
            if (inner_dot || initial || is_abbreviation(body, fbody)) {
                w.abbreviation = true;
                ++j;
            }
        }
        w.last = static_cast<std::uint32_t>(j);
        w.start = tokens_[t].start;
        w.end = tokens_[j - 1].end;
        std::size_t key_end = body_end;
        const std::wstring_view full = std::wstring_view(folded_).substr(w.start, body_end - w.start);
        // Most words are one token: their key is the token's.
        w.full_key = j - (w.abbreviation ? 1 : 0) == t + 1 ? tokens_[t].key : intern_local(full);
        // Possessive: ...’s (the last two tokens of the body are an apostrophe and "s").
        const std::size_t body_last = w.abbreviation ? j - 2 : j - 1;
        if (w.alnum && body_last >= t + 2 && tokens_[body_last].end - tokens_[body_last].start == 1 &&
            folded_[tokens_[body_last].start] == L's' &&
            chars::is_apostrophe(static_cast<char32_t>(text[tokens_[body_last - 1].start]))) {
            w.possessive = true;
            key_end = tokens_[body_last - 1].start;
        }
        w.key = key_end == body_end ? w.full_key : intern_local(std::wstring_view(folded_).substr(w.start, key_end - w.start));
        w.shape = w.alnum ? shape_of(std::wstring_view(text).substr(w.start, key_end - w.start)) : Shape::Other;
        if (w.alnum && w.shape == Shape::Other) w.shape = tokens_[t].shape;
        for (std::size_t k = t; k < j; ++k) token_word_[k] = static_cast<std::uint32_t>(words_.size());
        words_.push_back(w);
        t = j;
    }
}

void TextLayer::build_segments() {
    const std::wstring& text = doc_.wide();
    const std::size_t n = tokens_.size();
    auto close_segment = [&](std::vector<Segment>& out, std::size_t first, std::size_t last) {
        if (first >= last) return;
        Segment s;
        s.first = static_cast<std::uint32_t>(first);
        s.last = static_cast<std::uint32_t>(last);
        s.start = tokens_[first].start;
        s.end = tokens_[last - 1].end;
        s.first_word = token_word_[first];
        s.last_word = token_word_[last - 1] + 1;
        out.push_back(s);
    };
    // Lines.
    std::size_t first = 0;
    for (std::size_t k = 1; k <= n; ++k) {
        if (k == n || tokens_[k].line_before()) {
            close_segment(lines_, first, k);
            first = k;
        }
    }
    // Sentences: a line break, or an end mark (with closing quotes and
    // brackets glued to it) followed by white space and a word that is not
    // in lower case.
    first = 0;
    for (std::size_t k = 0; k < n; ++k) {
        if (k + 1 == n) { close_segment(sentences_, first, n); break; }
        if (tokens_[k + 1].line_before()) { close_segment(sentences_, first, k + 1); first = k + 1; continue; }
        const Token& t = tokens_[k];
        if (t.type != TokenType::Punct || !sentence_end_mark(text[t.start])) continue;
        if (words_[token_word_[k]].alnum) continue;  // an abbreviation's dot
        std::size_t e = k + 1;
        while (e < n && tokens_[e].glued() && tokens_[e].type == TokenType::Punct &&
               (sentence_end_mark(text[tokens_[e].start]) || chars::is_quote(static_cast<char32_t>(text[tokens_[e].start])) ||
                text[tokens_[e].start] == L')' || text[tokens_[e].start] == L']'))
            ++e;
        if (e == n) { close_segment(sentences_, first, n); first = n; break; }
        if (tokens_[e].glued()) continue;  // "3.5", "e.g.x"
        if (tokens_[e].line_before()) { k = e - 1; continue; }  // the line break closes it
        if (tokens_[e].shape == Shape::Lower) continue;        // "approx. five"
        close_segment(sentences_, first, e);
        first = e;
        k = e - 1;
    }
}

namespace {
template <class V>
std::size_t first_ending_after(const V& v, std::size_t cp) {
    return static_cast<std::size_t>(
        std::upper_bound(v.begin(), v.end(), cp, [](std::size_t p, const auto& x) { return p < x.end; }) - v.begin());
}
}  // namespace

std::size_t TextLayer::token_at(std::size_t cp) const { return first_ending_after(tokens_, cp); }
std::size_t TextLayer::word_at(std::size_t cp) const { return first_ending_after(words_, cp); }
std::size_t TextLayer::sentence_at(std::size_t cp) const { return first_ending_after(sentences_, cp); }
std::size_t TextLayer::line_at(std::size_t cp) const { return first_ending_after(lines_, cp); }

}  // namespace newslens
