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

struct Abbreviations {
    StringTable cased, folded;
    std::size_t longest = 0;  // code points: a longer word is none, without a look-up
    Abbreviations() {
        for (std::size_t i = 0; i < text_data::kCasedAbbreviationCount; ++i) {
            const std::wstring_view w = text_data::kCasedAbbreviations[i];
            cased.intern(w);
            longest = std::max(longest, w.size());
        }
        for (std::size_t i = 0; i < text_data::kFoldedAbbreviationCount; ++i) {
            const std::wstring w = fold_text(text_data::kFoldedAbbreviations[i]);
            folded.intern(w);
            longest = std::max(longest, w.size());
        }
    }
};

const Abbreviations& abbreviations() {
    static const Abbreviations a;
    return a;
}

// What counting a word's letters tells (see Shape). One rule for the
// tokenizer, which counts as it scans, and for shape_of.
struct LetterCounts {
    std::size_t upper = 0, lower = 0;
    bool first_upper = false;  // the first character is upper case
    bool digits = true;        // every character is a digit
    void add(std::uint16_t flags, bool first) {
        if (!(flags & chars::kDigit)) digits = false;
        if (flags & chars::kUpper) {
            ++upper;
            if (first) first_upper = true;
        } else if (flags & chars::kLower) {
            ++lower;
        }
    }
    Shape shape() const {  // of a non-empty word
        if (digits) return Shape::Digits;
        if (upper == 0) return lower > 0 ? Shape::Lower : Shape::Other;
        if (lower == 0) return upper >= 2 ? Shape::AllCaps : (first_upper ? Shape::Capitalized : Shape::Mixed);
        return first_upper ? Shape::Capitalized : Shape::Mixed;
    }
};

Shape shape_of(std::wstring_view s) {
    if (s.empty()) return Shape::Other;
    LetterCounts counts;
    for (std::size_t k = 0; k < s.size(); ++k) counts.add(chars::flags(static_cast<char32_t>(s[k])), k == 0);
    return counts.shape();
}

bool joiner(wchar_t c) {
    return chars::is_apostrophe(static_cast<char32_t>(c)) || chars::is_hyphen(static_cast<char32_t>(c)) || c == L'.' ||
           c == L'&';
}

bool sentence_end_mark(wchar_t c) { return c == L'.' || c == L'!' || c == L'?' || c == 0x2026; }

}  // namespace

bool is_abbreviation(std::wstring_view text, std::wstring_view folded) {
    const Abbreviations& a = abbreviations();
    if (text.size() > a.longest) return false;
    return a.cased.find(text) != kNoWord || a.folded.find(folded) != kNoWord;
}

TextLayer::TextLayer(const Document& doc) : doc_(doc), wide_(doc.wide()) {
    local_.set_first_id(kFirstLocalWord);
    // Most words of an article are in some plugin's lexicon; the rest are
    // about one token in eight.
    local_.reserve(doc.length() / 40 + 16);
    tokenize();
    build_words();
    build_segments();
}

WordId TextLayer::intern_local(std::wstring_view folded) {
    std::uint64_t h = StringTable::hash_start();  // StringTable::hash, inline
    for (const wchar_t c : folded) h = StringTable::hash_step(h, static_cast<char32_t>(c));
    return intern_local(folded, StringTable::hash_finish(h, folded.size()));
}

WordId TextLayer::intern_local(std::wstring_view folded, std::uint64_t hash) {
    if (const WordId id = vocabulary_.find(folded, hash)) return id;
    return local_.intern(folded, hash);
}

WordId TextLayer::find_key(std::wstring_view folded) const {
    if (const WordId id = Vocabulary::global().find(folded)) return id;
    return local_.find(folded);
}

std::wstring_view TextLayer::key_text(WordId id) const {
    return id >= kFirstLocalWord ? local_.text(id) : Vocabulary::global().text(id);
}

namespace {

// Ids of short ASCII tokens ("the", ",", "said"), most tokens of a news text,
// by their folded text packed in 64 bits (one byte per character, none 0, up
// to eight): a hit costs one compare instead of a string-table look-up. One
// cache per thread, kept across documents: a vocabulary id never changes (the
// vocabulary only grows), an id local to a document is valid in that
// document only (`doc` tells which).
struct ShortKeyCache {
    struct Entry {
        std::uint64_t key = 0;  // 0: empty
        WordId id = kNoWord;
        std::uint32_t doc = 0;
    };
    static constexpr unsigned kBits = 12;
    Entry entries[1u << kBits];
    std::uint32_t doc = 0;  // of the layer being built; 0 is never one
    std::uint32_t next_document() {
        if (++doc == 0) {  // wrapped: forget every local id
            for (Entry& e : entries) e = Entry();
            doc = 1;
        }
        return doc;
    }
    static std::size_t slot(std::uint64_t key) { return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> (64 - kBits)); }
};

ShortKeyCache& short_key_cache() {
    static thread_local ShortKeyCache cache;
    return cache;
}

}  // namespace

// One pass over the text: each character is classified, folded and counted
// in UTF-8 bytes once; a short ASCII token's key comes from ShortKeyCache.
void TextLayer::tokenize() {
    const std::wstring& text = doc_.wide();
    const std::size_t n = text.size();
    const wchar_t* const s = text.data();  // s[n] is the string's terminating 0
    folded_.resize(n);
    wchar_t* const folded = folded_.data();
    tokens_.reserve(n / 5 + 8);
    ShortKeyCache& cache = short_key_cache();
    const std::uint32_t doc = cache.next_document();
    auto key_of = [&](std::size_t i, std::size_t j, std::uint64_t packed, bool ascii) {
        const std::wstring_view f(folded + i, j - i);
        if (!ascii || j - i > 8) return intern_local(f);
        ShortKeyCache::Entry& e = cache.entries[ShortKeyCache::slot(packed)];
        if (e.key == packed && (e.id < kFirstLocalWord || e.doc == doc)) return e.id;
        const WordId id = intern_local(f);
        e.key = packed;
        e.id = id;
        e.doc = doc;
        return id;
    };
    auto digit_at = [&](std::size_t k) { return chars::is_ascii_digit(static_cast<char32_t>(s[k])); };
    std::size_t i = 0;
    std::size_t extra_bytes = 0;  // UTF-8 bytes past one per code point, before i
    std::uint8_t gap = kLineBefore;
    int newlines = 2;  // the text starts like a paragraph
    while (i < n) {
        const auto c = static_cast<char32_t>(s[i]);
        if (c == U' ') {  // most white space
            folded[i] = L' ';
            gap |= kSpaceBefore;
            ++i;
            continue;
        }
        const std::uint16_t f = chars::flags(c);
        if (f & chars::kSpace) {
            folded[i] = static_cast<wchar_t>(chars::fold(c));
            gap |= kSpaceBefore;
            if (f & chars::kNewline) {
                // \r\n is one line break.
                if (!(c == U'\n' && i > 0 && s[i - 1] == L'\r')) ++newlines;
                gap |= kLineBefore;
                if (newlines >= 2) gap |= kBlankLineBefore;
            }
            extra_bytes += utf8_length(c) - 1;
            ++i;
            continue;
        }
        Token t;
        t.start = static_cast<std::uint32_t>(i);
        t.byte_start = static_cast<std::uint32_t>(i + extra_bytes);
        t.gap = gap;  // the first token's has kLineBefore, which `gap` starts with
        gap = 0;
        newlines = 0;
        std::uint64_t packed = 0;  // the folded ASCII characters, one byte each
        bool ascii = true;         // every folded character is ASCII and not 0
        std::size_t j = i;
        if (chars::is_ascii_digit(c)) {
            // ASCII digits, commas and dots fold to themselves and are one byte.
            t.type = TokenType::Number;
            t.shape = Shape::Digits;
            ++j;
            while (digit_at(j)) ++j;
            // Thousands groups: exactly three digits after each comma.
            while (j + 3 < n && s[j] == L',' && digit_at(j + 1) && digit_at(j + 2) && digit_at(j + 3) && !digit_at(j + 4))
                j += 4;
            if (j < n && s[j] == L'.' && digit_at(j + 1)) {
                ++j;
                while (digit_at(j)) ++j;
            }
            for (std::size_t k = i; k < j; ++k) {
                folded[k] = s[k];
                packed = packed << 8 | static_cast<std::uint64_t>(s[k]);
            }
        } else if (f & (chars::kLetter | chars::kMark | chars::kDigit)) {
            t.type = TokenType::Word;
            // Runs of ASCII letters, most of a news text, take a tight loop
            // that keeps only what the shape needs: whether every letter is
            // lower case (bit 0x20 in all) or upper case (in none).
            std::uint32_t case_and = 0x20, case_or = 0;
            std::uint32_t d = c;
            for (;;) {
                std::uint32_t fd = d | 0x20;
                while (fd - U'a' < 26) {  // an ASCII letter
                    folded[j] = static_cast<wchar_t>(fd);
                    packed = packed << 8 | fd;
                    case_and &= d;
                    case_or |= d;
                    d = static_cast<std::uint32_t>(s[++j]);
                    fd = d | 0x20;
                }
                if (d < 0x80) break;  // an ASCII non-letter, or the terminating 0
                const auto e = static_cast<char32_t>(d);
                if (!(chars::flags(e) & (chars::kLetter | chars::kMark | chars::kDigit))) break;
                ascii = false;
                folded[j] = static_cast<wchar_t>(chars::fold(e));
                extra_bytes += utf8_length(e) - 1;
                d = static_cast<std::uint32_t>(s[++j]);
            }
            // ASCII letters only: LetterCounts' rule on what the loop kept.
            if (!ascii) t.shape = shape_of(std::wstring_view(s + i, j - i));
            else if (case_and & 0x20) t.shape = Shape::Lower;
            else if (!(case_or & 0x20)) t.shape = j - i >= 2 ? Shape::AllCaps : Shape::Capitalized;
            else t.shape = c <= U'Z' ? Shape::Capitalized : Shape::Mixed;
        } else {
            t.type = (f & chars::kPunct) ? TokenType::Punct : TokenType::Symbol;
            const auto fc = static_cast<char32_t>(chars::fold(c));
            folded[i] = static_cast<wchar_t>(fc);
            packed = fc;
            ascii = fc < 0x80 && fc != 0;
            extra_bytes += utf8_length(c) - 1;
            j = i + 1;
        }
        t.end = static_cast<std::uint32_t>(j);
        t.byte_end = static_cast<std::uint32_t>(j + extra_bytes);
        t.key = key_of(i, j, packed, ascii);
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
    const Token* const tk = tokens_.data();
    std::uint32_t* const token_word = token_word_.data();
    std::size_t t = 0;
    while (t < n) {
        // Most words are one word or number token with space or a mark of
        // its own after it: no joining, abbreviation or possessive to look for.
        const Token& a = tk[t];
        const bool alnum_first = a.type == TokenType::Word || a.type == TokenType::Number;
        // Or one whose next token is glued to it but cannot join it: a
        // symbol, or a mark other than a joiner, an abbreviation dot or the
        // comma of a number ("said," "Mr Smith\")").
        bool alone = t + 1 == n || !tk[t + 1].glued();
        if (!alone && tk[t + 1].type >= TokenType::Punct) {
            const wchar_t d = text[tk[t + 1].start];
            alone = tk[t + 1].type == TokenType::Symbol ||
                    (!joiner(d) && !(d == L',' && a.type == TokenType::Number));
        }
        if (!alnum_first || alone) {  // one token: a mark or symbol, or a word nothing joins
            token_word[t] = static_cast<std::uint32_t>(words_.size());
            Word& w = words_.emplace_back();
            w.first = static_cast<std::uint32_t>(t);
            w.last = static_cast<std::uint32_t>(t + 1);
            w.start = a.start;
            w.end = a.end;
            w.full_key = w.key = a.key;
            w.gap = a.gap;
            if (alnum_first) {
                w.shape = a.shape;
                w.alnum = true;
            }
            ++t;
            continue;
        }
        Word w;
        w.first = static_cast<std::uint32_t>(t);
        w.gap = a.gap;
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
        // The key and shape of the part before a possessive: when that is the
        // first token ("Venezuela" of "Venezuela’s"), its own.
        const bool first_token_only = key_end == tokens_[t].end;
        if (key_end == body_end) w.key = w.full_key;
        else if (first_token_only) w.key = tokens_[t].key;
        else w.key = intern_local(std::wstring_view(folded_).substr(w.start, key_end - w.start));
        if (!w.alnum) w.shape = Shape::Other;
        else if (first_token_only) w.shape = tokens_[t].shape;
        else w.shape = shape_of(std::wstring_view(text).substr(w.start, key_end - w.start));
        if (w.alnum && w.shape == Shape::Other) w.shape = tokens_[t].shape;
        for (std::size_t k = t; k < j; ++k) token_word_[k] = static_cast<std::uint32_t>(words_.size());
        words_.push_back(w);
        t = j;
    }
}

void TextLayer::build_segments() {
    const std::wstring& text = doc_.wide();
    const std::size_t n = tokens_.size();
    const Token* const tk = tokens_.data();
    auto close_segment = [&](std::vector<Segment>& out, std::size_t first, std::size_t last) {
        if (first >= last) return;
        Segment s;
        s.first = static_cast<std::uint32_t>(first);
        s.last = static_cast<std::uint32_t>(last);
        s.start = tk[first].start;
        s.end = tk[last - 1].end;
        s.first_word = token_word_[first];
        s.last_word = token_word_[last - 1] + 1;
        out.push_back(s);
    };
    // Lines and sentences in one pass. A line ends before a token with a
    // line break. A sentence ends there too, or after an end mark (with
    // closing quotes and brackets glued to it) followed by white space and a
    // word that is not in lower case.
    std::size_t first = 0, line_first = 0;
    for (std::size_t k = 0; k < n; ++k) {
        if (k + 1 == n) {
            close_segment(lines_, line_first, n);
            close_segment(sentences_, first, n);
            break;
        }
        if (tk[k + 1].line_before()) {
            close_segment(lines_, line_first, k + 1);
            close_segment(sentences_, first, k + 1);
            line_first = first = k + 1;
            continue;
        }
        const Token& t = tk[k];
        if (t.type != TokenType::Punct || !sentence_end_mark(text[t.start])) continue;
        if (words_[token_word_[k]].alnum) continue;  // an abbreviation's dot
        // Tokens k+1..e-1 are glued: no line break among them.
        std::size_t e = k + 1;
        while (e < n && tk[e].glued() && tk[e].type == TokenType::Punct &&
               (sentence_end_mark(text[tk[e].start]) || chars::is_quote(static_cast<char32_t>(text[tk[e].start])) ||
                text[tk[e].start] == L')' || text[tk[e].start] == L']'))
            ++e;
        if (e == n) {
            close_segment(lines_, line_first, n);
            close_segment(sentences_, first, n);
            break;
        }
        if (tk[e].glued()) continue;  // "3.5", "e.g.x"
        if (tk[e].line_before()) {  // the line break closes it (after the closing quote: ."\n)
            close_segment(lines_, line_first, e);
            close_segment(sentences_, first, e);
            line_first = first = e;
            k = e - 1;
            continue;
        }
        if (tk[e].shape == Shape::Lower) continue;  // "approx. five"
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
