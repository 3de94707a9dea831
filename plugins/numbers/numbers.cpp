// The `numbers` extractor: quantities stated in news text ("Over 270",
// "$2.4 trillion", "several dozen", "February 24", "35-year-old") with their
// value, qualifier, kind and counted noun. See /work/shared/eval/GUIDELINES.md.
//
// How it works: the text is cut once into tokens (words, digit groups,
// single punctuation marks) over a lower-cased copy; a small hand-written
// parser then walks the tokens left to right and, at each position, tries
//   date | [qualifier] quantity [range-tail]
// where a quantity is [currency] (digits [scale] | number words | vague
// amount) [percent | currency word | -plus | -unit compound | a.m.].
// Context after the span decides kind and unit (the counted noun).
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <initializer_list>
#include <string>
#include <vector>

#include "lexicon.h"
#include "plugin.h"
#include "regex.h"

namespace newslens::numbers {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

enum class Kind { None, Count, Percent, Money, Year, Date, Time, Age, Duration, Measure, Ordinal };

const char* qualifier_name(Qualifier q) {
    switch (q) {
        case Qualifier::Over: return "over";
        case Qualifier::Under: return "under";
        case Qualifier::AtLeast: return "at_least";
        case Qualifier::AtMost: return "at_most";
        case Qualifier::About: return "about";
        case Qualifier::Range: return "range";
        case Qualifier::Vague: return "vague";
        default: return "exact";
    }
}

const char* kind_name(Kind k) {
    switch (k) {
        case Kind::Percent: return "percent";
        case Kind::Money: return "money";
        case Kind::Year: return "year";
        case Kind::Date: return "date";
        case Kind::Time: return "time";
        case Kind::Age: return "age";
        case Kind::Duration: return "duration";
        case Kind::Measure: return "measure";
        case Kind::Ordinal: return "ordinal";
        default: return "count";
    }
}

// ---- characters -----------------------------------------------------------

bool is_digit(wchar_t c) { return c >= L'0' && c <= L'9'; }

bool is_newline(wchar_t c) { return c == L'\n' || c == L'\r' || c == 0x85 || c == 0x2028 || c == 0x2029; }

bool is_space(wchar_t c) {
    return c == L' ' || c == L'\t' || c == L'\f' || c == L'\v' || is_newline(c) || c == 0xA0 ||
           (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

// Letters without a locale: ASCII letters plus every code point from Latin-1
// on that is not in a punctuation/symbol block (good enough to keep "é" or
// "ñ" inside a word and "€" or "—" outside).
bool is_letter(wchar_t c) {
    if (c < 0x80) return (c >= L'a' && c <= L'z') || (c >= L'A' && c <= L'Z');
    if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;
    if (c >= 0x2000 && c < 0x2C00) return false;
    if (c >= 0x3000 && c < 0x3040) return false;
    if (c >= 0xFE30 && c < 0xFE70) return false;
    if (c >= 0xFF00 && c < 0xFF21) return false;
    return c != 0xFFFD && !is_space(c);
}

bool is_upper(wchar_t c) { return (c >= L'A' && c <= L'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7); }

// Lower-case for matching, one code point for one (offsets stay the same);
// typographic apostrophes become ASCII ones.
wchar_t fold(wchar_t c) {
    if (is_upper(c)) return c + 32;
    if (c == 0x2019 || c == 0x2018) return L'\'';
    return c;
}

bool is_dash(wchar_t c) { return c == L'-' || c == 0x2013 || c == 0x2014 || c == 0x2212; }

// ---- tokens -----------------------------------------------------------------

enum class TokType : std::uint8_t { Word, Number, Punct, Masked };

struct Token {
    std::size_t start = 0, end = 0;  // code points
    TokType type = TokType::Punct;
    bool space_before = false;  // whitespace between this token and the previous one
    bool line_before = false;   // a line break in that whitespace
    bool cap = false;           // word starting with a capital
    bool upper = false;         // word written in capitals only (MAX, USD)
    bool plain = false;         // digits only: no thousands separator, no decimals
};

// A parsed quantity: tokens [begin, end) and what they say.
struct Quantity {
    std::size_t begin = 0, end = 0;
    double value = 0;
    double scale = 1;        // scale word applied ("million"), shared by ranges
    bool spelled = false;    // number words
    bool plain = false;      // plain digits (year candidate)
    bool vague = false;      // dozens, several hundred
    bool percent = false;
    bool points = false;     // percentage points
    bool plus = false;       // 200,000-plus, 50+
    bool lone_one = false;   // the single word "one" (often a pronoun)
    bool half = false;       // "half" (of something)
    bool ordinal = false;    // 24th, 21st: kind ordinal (or a date)
    bool fraction = false;   // a third, two-thirds, 1/5 (of something)
    bool strong = false;     // "a 2,700-strong crowd": the noun after names the group
    const char* currency = nullptr;
    const char* currency_unit = nullptr;
    Kind kind = Kind::None;      // fixed by the expression itself (10:30, 20-minute, 5km)
    const char* unit = nullptr;  // canonical unit fixed by the expression
    std::size_t unit_tok = kNone;  // noun glued by a hyphen ("10-member")
    std::size_t num_tok = kNone;   // the digits token, when written in digits
};

// What the scanner decided at one position.
struct Found {
    std::size_t next = 0;  // token to continue from
    bool emit = false;
    std::size_t begin = 0, end = 0;  // tokens
    double value = 0, value_max = 0;
    bool range = false;
    Qualifier qualifier = Qualifier::Exact;
    Kind kind = Kind::Count;
    std::string unit;  // empty: null
    bool has_unit = false;
    const char* currency = nullptr;
};

class Scanner {
public:
    Scanner(const Lexicon& lex, const boost::wregex& phone, const Document& doc)
        : lex_(lex), text_(doc.wide()), doc_(doc) {
        lower_.resize(text_.size());
        for (std::size_t i = 0; i < text_.size(); ++i) lower_[i] = fold(text_[i]);
        tokenize(phone);
    }

    void run(std::vector<Mention>& out) {
        std::size_t i = 0;
        while (i < toks_.size()) {
            Found f;
            if (try_at(i, f)) {
                if (f.emit) out.push_back(to_mention(f));
                i = f.next > i ? f.next : i + 1;
            } else {
                ++i;
            }
        }
    }

private:
    const Lexicon& lex_;
    const std::wstring& text_;
    const Document& doc_;
    std::wstring lower_;
    std::vector<Token> toks_;

    // ---- tokenizer ------------------------------------------------------------

    // End of the masked run starting at chunk start i (a chunk is a run of
    // non-space characters), or i when nothing is masked there. URLs, e-mail
    // addresses, handles and phone numbers hold digits that are no quantities.
    std::size_t mask_end(std::size_t i, const boost::wregex& phone) const {
        const std::size_t n = text_.size();
        std::size_t e = i;
        while (e < n && !is_space(text_[e])) ++e;
        const WView chunk = WView(lower_).substr(i, e - i);
        const bool url = chunk.find(L"://") != WView::npos || chunk.substr(0, 4) == L"www.";
        const std::size_t at = chunk.find(L'@');
        const bool email = at != WView::npos && at > 0 && at + 1 < chunk.size() && is_letter(chunk[at + 1]);
        const bool handle = (chunk[0] == L'#' || chunk[0] == L'@') && chunk.size() > 1 && is_letter(chunk[1]);
        if (url || email || handle) {
            // Sentence punctuation after the address is not part of it.
            while (e > i + 1 && std::wstring_view(L".,;:!?)]\"'\u201D\u2019").find(text_[e - 1]) != WView::npos) --e;
            return e;
        }
        const wchar_t c = text_[i];
        if (is_digit(c) || c == L'+' || c == L'(') {
            boost::wsmatch m;
            const auto begin = text_.begin() + static_cast<std::ptrdiff_t>(i);
            const auto end = text_.begin() + static_cast<std::ptrdiff_t>(std::min(n, i + 40));
            if (boost::regex_search(begin, end, m, phone, boost::match_continuous)) return i + m.length();
        }
        return i;
    }

    void tokenize(const boost::wregex& phone) {
        toks_.reserve(text_.size() / 4 + 8);
        const std::size_t n = text_.size();
        std::size_t i = 0;
        std::size_t masked_until = 0;
        bool space = true, line = false;
        while (i < n) {
            const wchar_t c = text_[i];
            if (is_space(c)) {
                space = true;
                line = line || is_newline(c);
                ++i;
                continue;
            }
            if (space || i == 0) masked_until = mask_end(i, phone);
            Token t;
            t.start = i;
            t.space_before = space && i > 0;
            t.line_before = line;
            space = line = false;
            if (i < masked_until) {
                t.type = TokType::Masked;
                i = masked_until;
            } else if (is_digit(c)) {
                t.type = TokType::Number;
                t.plain = true;
                while (i < n && is_digit(text_[i])) ++i;
                // Thousands groups: exactly three digits after each comma.
                while (i + 3 < n && text_[i] == L',' && is_digit(text_[i + 1]) && is_digit(text_[i + 2]) &&
                       is_digit(text_[i + 3]) && (i + 4 >= n || !is_digit(text_[i + 4]))) {
                    i += 4;
                    t.plain = false;
                }
                if (i + 1 < n && text_[i] == L'.' && is_digit(text_[i + 1])) {
                    ++i;
                    while (i < n && is_digit(text_[i])) ++i;
                    t.plain = false;
                }
            } else if (is_letter(c)) {
                t.type = TokType::Word;
                t.cap = is_upper(c);
                t.upper = true;
                while (i < n && is_letter(text_[i])) {
                    if (!is_upper(text_[i])) t.upper = false;
                    ++i;
                }
            } else {
                t.type = TokType::Punct;
                ++i;
            }
            t.end = i;
            toks_.push_back(t);
        }
    }

    // ---- token helpers ----------------------------------------------------

    std::size_t size() const { return toks_.size(); }
    bool is_word(std::size_t i) const { return i < size() && toks_[i].type == TokType::Word; }
    bool is_number(std::size_t i) const { return i < size() && toks_[i].type == TokType::Number; }
    bool is_punct(std::size_t i) const { return i < size() && toks_[i].type == TokType::Punct; }
    WView word(std::size_t i) const {
        if (!is_word(i)) return {};
        return WView(lower_).substr(toks_[i].start, toks_[i].end - toks_[i].start);
    }
    bool is_word(std::size_t i, WView w) const { return is_word(i) && word(i) == w; }
    wchar_t punct(std::size_t i) const { return is_punct(i) ? lower_[toks_[i].start] : 0; }
    // Token i touches token i-1 (no space between).
    bool glued(std::size_t i) const { return i < size() && i > 0 && !toks_[i].space_before; }
    // Token i follows token i-1 on the same line after a space.
    bool spaced(std::size_t i) const { return i < size() && toks_[i].space_before && !toks_[i].line_before; }
    // Token i follows i-1 on the same line, with or without a space.
    bool near(std::size_t i) const { return i < size() && i > 0 && !toks_[i].line_before; }
    bool is_alnum(std::size_t i) const { return is_word(i) || is_number(i); }

    template <class Map>
    auto lookup(const Map& map, std::size_t i) const -> decltype(&map.begin()->second) {
        if (!is_word(i)) return nullptr;
        auto it = map.find(word(i));
        return it == map.end() ? nullptr : &it->second;
    }
    bool in(const std::unordered_set<WView>& set, std::size_t i) const { return is_word(i) && set.count(word(i)) > 0; }
    bool word_in(std::size_t i, std::initializer_list<WView> words) const {
        if (!is_word(i)) return false;
        for (const WView w : words)
            if (word(i) == w) return true;
        return false;
    }
    // Digits after the decimal point of a number token.
    std::size_t decimals(std::size_t i) const {
        for (std::size_t k = toks_[i].start; k < toks_[i].end; ++k)
            if (text_[k] == L'.') return toks_[i].end - k - 1;
        return 0;
    }

    // A new sentence or clause starts at token i (capitals there mean nothing).
    bool sentence_start(std::size_t i) const {
        if (i == 0 || toks_[i].line_before) return true;
        const Token& p = toks_[i - 1];
        if (p.type == TokType::Masked) return true;
        if (p.type != TokType::Punct) return false;
        const wchar_t c = lower_[p.start];
        return c == L'.' || c == L'!' || c == L'?' || c == L':' || c == L';' || c == L'"' || c == 0x201C ||
               c == 0x201D || c == L'\'' || c == L'(' || c == L'[' || is_dash(c) || c == 0x2022 ||
               c == L'|' || c == L'*';
    }

    // The token's digits without thousands separators, read by strtod (the
    // nearest double: 2.86 stays 2.86, not 2.8600000000000003).
    double digits_value(std::size_t i) const {
        char buf[64];
        std::size_t n = 0;
        for (std::size_t k = toks_[i].start; k < toks_[i].end && n + 1 < sizeof buf; ++k) {
            const wchar_t c = text_[k];
            if (is_digit(c) || c == L'.') buf[n++] = static_cast<char>(c);
        }
        buf[n] = 0;
        return std::strtod(buf, nullptr);
    }
    std::size_t digit_count(std::size_t i) const { return toks_[i].end - toks_[i].start; }

    // ---- quantity parts ---------------------------------------------------

    // Currency written before the number: $, €, US$, USD. Returns the token
    // after it (or `i` when there is none).
    std::size_t currency_prefix(std::size_t i, Quantity& q) const {
        if (is_punct(i)) {
            auto it = lex_.currency_symbols.find(text_[toks_[i].start]);
            if (it != lex_.currency_symbols.end() && is_number(i + 1) && near(i + 1)) {
                q.currency = it->second.code;
                q.currency_unit = it->second.unit;
                return i + 1;
            }
            return i;
        }
        if (!is_word(i)) return i;
        // US$5, HK$3bn: a country prefix glued to the dollar sign.
        if (punct(i + 1) == L'$' && glued(i + 1) && is_number(i + 2) && glued(i + 2)) {
            if (const CurrencyInfo* c = lookup(lex_.dollar_prefixes, i)) {
                q.currency = c->code;
                q.currency_unit = c->unit;
                return i + 2;
            }
        }
        // USD 5 (codes only count in capitals: "try" is a word, "TRY" a code).
        if (toks_[i].upper && is_number(i + 1) && spaced(i + 1)) {
            if (const CurrencyInfo* c = lookup(lex_.currency_codes, i)) {
                q.currency = c->code;
                q.currency_unit = c->unit;
                return i + 1;
            }
        }
        return i;
    }

    // Digits with an optional glued or spaced scale ("1.6 million", "3bn").
    bool parse_digits(std::size_t j, Quantity& q, bool range_end) const {
        // Glued to letters or to another code before: M23, G7, COVID-19, 737-800.
        if (glued(j) && !q.currency && !range_end) {
            const std::size_t p = j - 1;
            if (is_word(p)) return false;
            const wchar_t c = punct(p);
            if (c && glued(p) && p > 0 && is_alnum(p - 1)) {
                // "mid-2019", "pre-1990": a lower-case prefix is no code.
                const bool lower_prefix = c == L'-' && is_word(p - 1) && !toks_[p - 1].cap && !toks_[p - 1].upper;
                if (!lower_prefix) return false;
            }
            if (c == L'#' || c == L'@' || c == L'_' || c == L'/' || c == L'\\' || c == L'.') return false;
        }
        q.value = digits_value(j);
        q.plain = toks_[j].plain;
        std::size_t k = j + 1;
        // A suffix glued to the digits: 3bn, 100k, $3m, 10am, 1990s, 5km.
        if (is_word(k) && glued(k)) {
            const WView w = word(k);
            if (auto s = lookup(lex_.glued_scales, k)) {
                q.value *= *s;
                q.scale = *s;
            } else if (auto m = q.currency ? lookup(lex_.money_scales, k) : nullptr) {
                q.value *= *m;
                q.scale = *m;
            } else if ((w == L"am" || w == L"pm") && q.value <= 12) {
                q.kind = Kind::Time;
            } else if (w == L"st" || w == L"nd" || w == L"rd" || w == L"th") {
                q.ordinal = true;
            } else if (w == L"s" && q.plain && (digit_count(j) == 4 || digit_count(j) == 2)) {
                q.kind = Kind::Year;  // the 1990s
            } else if (auto u = lookup(lex_.glued_measures, k);
                       u && !(toks_[k].upper && toks_[k].end - toks_[k].start == 1)) {
                // (a single capital is a code: 3G, 4G networks)
                q.kind = Kind::Measure;
                q.unit = u->canonical;
            } else {
                return false;  // 3D, 4G, 5x: a code
            }
            ++k;
            if (is_alnum(k) && glued(k)) return false;
        }
        // Versions, slashed dates and ratios: 1.2.3, 24/7, 9/11.
        if (is_punct(k) && glued(k) && is_number(k + 1) && glued(k + 1)) {
            const wchar_t c = punct(k);
            // 1/5, 3/4: a fraction; 24/7, 9/11 and 1/5/2019 are not.
            if (c == L'/' && q.plain && !q.currency && q.scale == 1 && q.value >= 1 && toks_[k + 1].plain) {
                const double den = digits_value(k + 1);
                if (q.value < den && den <= 10 && !(is_punct(k + 2) && glued(k + 2) && is_number(k + 3))) {
                    q.value /= den;
                    q.fraction = true;
                    q.plain = false;
                    q.end = k + 2;
                    return true;
                }
            }
            if (c == L'.' || c == L'/' || c == L',') return false;
            // Clock time 10:30.
            if (c == L':' && digit_count(k + 1) == 2 && q.value < 24 && q.plain) {
                q.value += digits_value(k + 1) / 60.0;
                q.kind = Kind::Time;
                k += 2;
            }
        }
        // A spaced scale word: "1.6 million".
        if (q.scale == 1 && q.kind == Kind::None && spaced(k)) {
            if (auto s = lookup(lex_.scales, k)) {
                q.value *= *s;
                q.scale = *s;
                ++k;
            } else if (auto g = lookup(lex_.glued_scales, k); g && word(k) != L"k") {
                q.value *= *g;  // "3 bn"
                q.scale = *g;
                ++k;
            }
        }
        q.end = k;
        return true;
    }

    // Spelled-out numbers: "two", "twenty-one", "one hundred and fifty",
    // "a dozen", "two million", "half a million", "two and a half".
    bool parse_words(std::size_t j, Quantity& q) const {
        enum Last { None, Small, Tens, Hundred, Scale };
        double total = 0, current = 0, last_scale = 1;
        bool any = false;
        Last last = None;
        std::size_t k = j;
        std::size_t end = j;

        // "half a million", "half a dozen"
        if (is_word(k, L"half") && is_word(k + 1) && (word(k + 1) == L"a" || word(k + 1) == L"an") &&
            spaced(k + 1) && spaced(k + 2)) {
            const WView w = word(k + 2);
            if (w == L"dozen" || (lex_.scales.count(w) && w != L"hundred")) {
                const double s = w == L"dozen" ? 12 : lex_.scales.at(w);
                q.value = 0.5 * s;
                q.scale = s;
                q.spelled = true;
                q.end = k + 3;
                return true;
            }
        }
        // "half" on its own: "around half the number", "half of them".
        if (is_word(k, L"half") && !(punct(k + 1) == L'-' && glued(k + 1)) &&
            !(k > 0 && in(lex_.half_before, k - 1) && spaced(k))) {
            q.value = 0.5;
            q.spelled = q.half = true;
            q.end = k + 1;
            return true;
        }
        // "a dozen", "a hundred", "a million"
        if ((is_word(k, L"a") || is_word(k, L"an")) && spaced(k + 1) && is_word(k + 1) &&
            (word(k + 1) == L"dozen" || lex_.scales.count(word(k + 1)))) {
            current = 1;
            any = true;
            last = Small;
            ++k;
        }
        while (k < size()) {
            if (k > j && !near(k)) break;
            if (is_punct(k) && is_dash(punct(k)) && glued(k) && last == Tens && glued(k + 1) &&
                lex_.small_numbers.count(word(k + 1)) && lex_.small_numbers.at(word(k + 1)) < 10) {
                ++k;  // twenty-one
                continue;
            }
            if (!is_word(k)) break;
            if (k > j && !toks_[k].space_before && !is_punct(k - 1)) break;
            const WView w = word(k);
            if (auto v = lookup(lex_.small_numbers, k)) {
                if (last == Small || (last == Tens && *v >= 10) || (last == Tens && *v == 0)) break;
                current += *v;
                last = Small;
            } else if (auto t = lookup(lex_.tens, k)) {
                if (last == Small || last == Tens) break;
                current += *t;
                last = Tens;
            } else if (w == L"hundred") {
                if (!any || last == Hundred || last == Scale) break;
                current = (current == 0 ? 1 : current) * 100;
                last = Hundred;
                last_scale = 100;
            } else if (auto s = lookup(lex_.scales, k)) {
                if (!any || last == Scale) break;
                total += (current == 0 ? 1 : current) * *s;
                current = 0;
                last = Scale;
                last_scale = *s;
            } else if (w == L"dozen") {
                if (!any || last == Scale) break;
                current = (current == 0 ? 1 : current) * 12;
                last = Scale;
            } else if (w == L"and" && (last == Hundred || last == Scale) && spaced(k + 1) &&
                       (lex_.small_numbers.count(word(k + 1)) || lex_.tens.count(word(k + 1)))) {
                ++k;  // "two hundred and fifty": "and" only inside the number
                continue;
            } else {
                break;
            }
            any = true;
            ++k;
            end = k;
        }
        if (!any || end == j) return false;
        // A lone "a" is no number.
        if (end == j + 1 && (is_word(j, L"a") || is_word(j, L"an"))) return false;
        q.value = total + current;
        q.spelled = true;
        q.lone_one = end == j + 1 && word(j) == L"one";
        if (last == Scale || last == Hundred) q.scale = last_scale;
        // "two and a half"
        if (is_word(end, L"and") && is_word(end + 1, L"a") && is_word(end + 2, L"half") && spaced(end) &&
            spaced(end + 1) && spaced(end + 2)) {
            q.value += 0.5;
            end += 3;
            q.lone_one = false;
        }
        q.end = end;
        return true;
    }

    // Spelled fractions: "a third of", "one-third", "two-thirds majority",
    // "three quarters of". Without a hyphen the fraction must be "of"
    // something or stand alone: "a third term" and "a quarter-final" are ordinals.
    bool parse_fraction(std::size_t j, Quantity& q) const {
        double num = 0;
        if (is_word(j, L"a") || is_word(j, L"an")) {
            num = 1;
        } else if (auto v = lookup(lex_.small_numbers, j); v && *v >= 1) {
            num = *v;
        } else {
            return false;
        }
        std::size_t k = j + 1;
        const bool hyphen = is_punct(k) && is_dash(punct(k)) && glued(k) && glued(k + 1) && num_word(j);
        if (hyphen) {
            ++k;
        } else if (!spaced(k)) {
            return false;
        }
        const double* den = lookup(lex_.fractions, k);
        if (!den) return false;
        const bool plural = word(k).back() == L's';
        if (plural != (num > 1)) return false;  // "two thirds", "a third"; not "two third"
        const std::size_t after = k + 1;
        if (is_punct(after) && is_dash(punct(after)) && glued(after)) return false;  // a quarter-final
        if (!hyphen && is_word(after) &&
            !word_in(after, {L"of", L"the", L"their", L"its", L"his", L"her", L"our", L"all", L"them", L"those",
                             L"these", L"this", L"that", L"and", L"or", L"to", L"in", L"on", L"at", L"by", L"from"}))
            return false;
        q.value = num / *den;
        q.spelled = q.fraction = true;
        q.end = after;
        // "a quarter of a million jobs": the fraction of a scale is a number.
        if (is_word(after, L"of") && (is_word(after + 1, L"a") || is_word(after + 1, L"one")) && spaced(after + 2)) {
            if (const double* s = lookup(lex_.scales, after + 2); s && *s >= 1e6) {
                q.value *= *s;
                q.scale = *s;
                q.fraction = false;
                q.end = after + 3;
            }
        }
        return true;
    }
    bool num_word(std::size_t i) const { return is_word(i) && !is_word(i, L"a") && !is_word(i, L"an"); }

    // Vague amounts: "dozens", "hundreds", "tens of thousands",
    // "several dozen", "a few hundred". Value = the scale named.
    bool parse_vague(std::size_t j, Quantity& q) const {
        std::size_t k = j;
        if (is_word(k, L"a") && is_word(k + 1, L"few") && spaced(k + 1)) ++k;
        if (in(lex_.few_words, k) && spaced(k + 1) && is_word(k + 1)) {
            const WView w = word(k + 1);
            if (w == L"dozen" || lex_.scales.count(w)) {
                q.value = w == L"dozen" ? 12 : lex_.scales.at(w);
                q.vague = true;
                q.end = k + 2;
                return true;
            }
        }
        k = j;
        const double* v = lookup(lex_.vague_plurals, k);
        if (!v) return false;
        double value = *v;
        ++k;
        // "tens of thousands", "hundreds of millions"
        if (is_word(k, L"of") && spaced(k) && spaced(k + 1)) {
            if (const double* s = lookup(lex_.vague_plurals, k + 1); s && *s >= 1000) {
                value *= *s;
                k += 2;
            }
        }
        // A bare "tens" is no amount; "tens of thousands" / "tens of people" is.
        if (word(j) == L"tens" && k == j + 1 && !is_word(k, L"of")) return false;
        q.value = value;
        q.vague = true;
        q.end = k;
        return true;
    }

    // Everything after the core number: percent, currency words, "-plus",
    // hyphen compounds ("20-minute", "35-year-old"), a.m./p.m.
    bool parse_tail(Quantity& q) const {
        std::size_t k = q.end;
        if (q.kind == Kind::None && !q.vague) {
            const wchar_t c = punct(k);
            if (c == L'%' && near(k)) {
                q.percent = true;
                ++k;
            } else if (spaced(k) && (is_word(k, L"percent") || is_word(k, L"pct"))) {
                q.percent = true;
                ++k;
            } else if (spaced(k) && is_word(k, L"per") && is_word(k + 1, L"cent") && spaced(k + 1)) {
                q.percent = true;
                k += 2;
            } else if (spaced(k) && is_word(k, L"percentage") && spaced(k + 1) &&
                       (is_word(k + 1, L"point") || is_word(k + 1, L"points"))) {
                q.percent = q.points = true;
                k += 2;
            }
        }
        if (!q.percent && !q.currency && q.kind == Kind::None && !q.vague) {
            // 5€, 5 USD, 5 dollars, 5 Canadian dollars, 5 pounds sterling
            if (is_punct(k) && near(k)) {
                auto it = lex_.currency_symbols.find(text_[toks_[k].start]);
                if (it != lex_.currency_symbols.end() && it->first != L'$') {
                    q.currency = it->second.code;
                    q.currency_unit = it->second.unit;
                    ++k;
                }
            } else if (spaced(k)) {
                std::size_t w = k;
                const char* adjective_code = nullptr;
                if (auto a = lookup(lex_.currency_adjectives, k); a && spaced(k + 1) && lookup(lex_.currency_words, k + 1)) {
                    adjective_code = *a;
                    ++w;
                }
                if (auto cw = lookup(lex_.currency_words, w)) {
                    q.currency = adjective_code ? adjective_code : cw->code;
                    q.currency_unit = cw->unit;
                    k = w + 1;
                } else if (toks_[k].upper && lookup(lex_.currency_codes, k)) {
                    const CurrencyInfo* ci = lookup(lex_.currency_codes, k);
                    q.currency = ci->code;
                    q.currency_unit = ci->unit;
                    ++k;
                } else if (is_word(k, L"pounds") && is_word(k + 1, L"sterling") && spaced(k + 1)) {
                    q.currency = "GBP";
                    q.currency_unit = "pounds";
                    k += 2;
                }
            }
        }
        // 200,000-plus, 50+
        if (is_punct(k) && glued(k)) {
            if (is_dash(punct(k)) && is_word(k + 1, L"plus") && glued(k + 1)) {
                q.plus = true;
                k += 2;
            } else if (punct(k) == L'+') {
                q.plus = true;
                ++k;
            }
        }
        // Hyphen compounds: "20-minute", "35-year-old", "10-member", "5-km".
        if (q.kind == Kind::None && !q.percent && !q.currency && !q.vague && punct(k) == L'-' && glued(k) &&
            is_word(k + 1) && glued(k + 1)) {
            const std::size_t w = k + 1;
            if (auto t = lookup(lex_.time_units, w)) {
                q.unit = t->canonical;
                k = w + 1;
                if (punct(k) == L'-' && glued(k) && glued(k + 1) && (is_word(k + 1, L"old") || is_word(k + 1, L"olds"))) {
                    q.kind = Kind::Age;
                    k += 2;
                } else {
                    q.kind = Kind::Duration;
                }
            } else if (auto m = lookup(lex_.measure_units, w)) {
                q.unit = m->canonical;
                q.kind = Kind::Measure;
                k = w + 1;
            } else if (toks_[w].upper && toks_[w].end - toks_[w].start > 1) {
                return false;  // 737-MAX: a model name
            } else if (word(w) == L"strong") {
                q.strong = true;  // a 2,700-strong crowd
                k = w + 1;
            } else if (in(lex_.fraction_words, w) || q.lone_one || word(w) == L"time" || word(w) == L"way") {
                return false;  // two-thirds, one-sided, two-time, two-way: not a quantity of things
            } else if (!(is_punct(w + 1) && glued(w + 1) && is_dash(punct(w + 1)))) {
                q.unit_tok = w;  // a 10-member team
                k = w + 1;
            }
        }
        // 10 a.m., 10 pm, 10 o'clock
        if ((q.kind == Kind::None || q.kind == Kind::Time) && !q.percent && !q.currency && q.value <= 12 &&
            spaced(k)) {
            if (q.spelled) {
                if (is_word(k, L"o") && glued(k + 1) && punct(k + 1) == L'\'' && is_word(k + 2, L"clock")) {
                    q.kind = Kind::Time;  // three o'clock
                    k += 3;
                }
            } else if ((is_word(k, L"a") || is_word(k, L"p")) && punct(k + 1) == L'.' && glued(k + 1) &&
                is_word(k + 2, L"m") && glued(k + 2)) {
                q.kind = Kind::Time;
                k += 3;
                if (punct(k) == L'.' && glued(k)) ++k;
            } else if (is_word(k, L"am") || is_word(k, L"pm")) {
                q.kind = Kind::Time;
                ++k;
            } else if (is_word(k, L"o") && glued(k + 1) && punct(k + 1) == L'\'' && is_word(k + 2, L"clock")) {
                q.kind = Kind::Time;
                k += 3;
            }
        }
        // 0900 GMT, 1500 hrs: a 24-hour clock (the zone itself stays outside the span).
        if (q.kind == Kind::None && q.plain && !q.currency && !q.percent && q.num_tok != kNone && k == q.num_tok + 1 &&
            digit_count(q.num_tok) == 4 && q.value < 2400 && std::fmod(q.value, 100) < 60 && spaced(k) &&
            ((toks_[k].upper && word_in(k, {L"gmt", L"bst", L"utc", L"cet", L"est", L"edt", L"pst"})) ||
             word_in(k, {L"hrs", L"gmt"}))) {
            q.value = std::floor(q.value / 100) + std::fmod(q.value, 100) / 60;
            q.kind = Kind::Time;
        }
        q.end = k;
        return true;
    }

    // One quantity at token i, without qualifier or range.
    // `range_end`: the second number of "5-10", glued to the dash.
    bool parse_quantity(std::size_t i, Quantity& q, bool range_end = false) const {
        q = Quantity{};
        q.begin = i;
        std::size_t j = currency_prefix(i, q);
        bool negative = false;
        // -4.5: a minus sign glued to the digits, not after another number.
        if (!q.currency && is_punct(j) && (punct(j) == L'-' || punct(j) == 0x2212) && is_number(j + 1) &&
            glued(j + 1) && (j == 0 || toks_[j].space_before || punct(j - 1) == L'(') &&
            !(j > 0 && is_number(j - 1) && !toks_[j].line_before)) {
            negative = true;
            ++j;
        }
        if (is_number(j)) {
            q.num_tok = j;
            if (!parse_digits(j, q, range_end)) return false;
        } else if (q.currency) {
            return false;
        } else if (parse_vague(j, q)) {
            return true;  // vague amounts take no tail
        } else if (parse_fraction(j, q)) {
            return true;
        } else if (!parse_words(j, q)) {
            return false;
        }
        if (negative) q.value = -q.value;
        if (q.ordinal || q.fraction) return true;
        return parse_tail(q);
    }

    // ---- qualifiers, ranges ---------------------------------------------

    // Longest qualifier phrase starting at i; returns the token after it.
    std::size_t match_qualifier(std::size_t i, Qualifier& q) const {
        std::size_t best = i;
        if (!in(lex_.qualifier_starts, i)) return best;
        for (const auto& phrase : lex_.qualifiers) {
            std::size_t k = i;
            bool ok = true;
            for (const WView w : phrase.words) {
                if (!is_word(k, w) || (k > i && !spaced(k))) {
                    ok = false;
                    break;
                }
                ++k;
            }
            if (ok && k > best) {
                best = k;
                q = phrase.qualifier;
            }
        }
        return best;
    }

    // "50,000 to 60,000", "5-10", "between 5 and 10", "two or three".
    // Returns 1 when q1 became a range, 0 when there is none, -1 when the
    // pair is a score or code ("3-1", "2019-20") that must be dropped whole.
    int parse_range(Quantity& q1, Quantity& q2, bool between) const {
        const std::size_t k = q1.end;
        if (q1.vague || q1.ordinal || q1.kind == Kind::Time || k >= size()) return 0;
        bool hyphen = false;
        if (is_punct(k) && is_dash(punct(k)) && punct(k) != 0x2212) {
            // 5-10 or 5 - 10, not "5 -10"
            // "$5m-$7m": the second end may repeat the currency sign.
            const bool sign_again = q1.currency && is_punct(k + 1) && lex_.currency_symbols.count(text_[toks_[k + 1].start]) &&
                                    is_number(k + 2) && glued(k + 2);
            if (glued(k) != glued(k + 1) || !(is_number(k + 1) || sign_again) || q1.spelled) return 0;
            hyphen = true;
        } else if (is_word(k, L"to") && spaced(k)) {
        } else if (is_word(k, L"and") && between && spaced(k)) {
        } else if (is_word(k, L"or") && q1.spelled && spaced(k)) {
        } else {
            return 0;
        }
        if (!near(k + 1) || !parse_quantity(k + 1, q2, hyphen) || q2.vague || q2.ordinal) return 0;
        if (word(k) == L"or" && !(q2.spelled && q2.value == q1.value + 1)) return 0;
        if (q1.percent && !q2.percent) return 0;  // "fell 8.6% to 966m rupees"
        // A scale or unit written once applies to both ends: "5 to 10 million", "5-10%".
        if (q1.scale == 1 && q2.scale > 1 && q1.value * q2.scale < q2.value && q1.kind == Kind::None) {
            q1.value *= q2.scale;
            q1.scale = q2.scale;
        }
        if (q1.value >= q2.value) {
            const bool code = hyphen && glued(k) && !q1.spelled;
            return code ? -1 : 0;
        }
        if (q2.percent) q1.percent = true;
        if (q2.points) q1.points = true;
        if (q2.currency && !q1.currency) {
            q1.currency = q2.currency;
            q1.currency_unit = q2.currency_unit;
        }
        if (q1.kind == Kind::None && q2.kind != Kind::None) {
            q1.kind = q2.kind;
            q1.unit = q2.unit;
        }
        if (q2.unit_tok != kNone) q1.unit_tok = q2.unit_tok;
        return 1;
    }

    // ---- the counted noun ------------------------------------------------

    bool looks_plural(std::size_t i) const {
        const WView w = word(i);
        if (w.size() < 3) return false;
        if (lex_.irregular_plurals.count(w)) return true;
        // gunmen, policewomen, grandchildren, townspeople (not specimen, omen)
        if (ends_with(w, L"children") || ends_with(w, L"people") || ends_with(w, L"women") ||
            (ends_with(w, L"men") && !ends_with(w, L"imen") && !ends_with(w, L"omen")))
            return true;
        if (w.back() != L's' || lex_.stop_words.count(w)) return false;
        const WView tail = w.substr(w.size() - 2);
        return tail != L"ss" && tail != L"us" && tail != L"is" && tail != L"'s";
    }
    static bool ends_with(WView w, WView tail) { return w.size() > tail.size() + 2 && w.substr(w.size() - tail.size()) == tail; }

    // The head noun of the phrase after token k: "mostly low-ranking
    // soldiers" -> soldiers; "members of ..." -> members. Modifiers
    // (adjectives, nationality words, noun modifiers) are skipped until a
    // plural noun; a verb, function word or punctuation ends the phrase.
    // `singular`: after "one" the head is singular (the last noun seen).
    // Returns the token range [first, last] of the head, or kNone.
    std::pair<std::size_t, std::size_t> find_head(std::size_t k, bool allow_of, bool singular) const {
        const std::pair<std::size_t, std::size_t> none{kNone, kNone};
        // Headlines in capitals: "ONE HUNDRED SOLDIERS DEFECT".
        const bool caps_text = k > 0 && is_word(k - 1) && toks_[k - 1].upper && toks_[k - 1].end - toks_[k - 1].start > 2;
        if (allow_of && is_word(k, L"of") && spaced(k)) {
            ++k;
            if ((is_word(k, L"the") || is_word(k, L"these") || is_word(k, L"those") || is_word(k, L"their")) && spaced(k)) ++k;
        }
        std::pair<std::size_t, std::size_t> last_singular = none;
        bool verb_seen = false;
        // "10.9 million more people": a comparative right after the number.
        if (!singular && (is_word(k, L"more") || is_word(k, L"fewer") || is_word(k, L"additional") || is_word(k, L"extra")) &&
            spaced(k) && is_word(k + 1) && spaced(k + 1) && !lex_.stop_words.count(word(k + 1)))
            ++k;
        for (int n = 0; n < 5 && k < size(); ++n) {
            if (!is_word(k) || !spaced(k)) break;
            // A hyphenated compound counts as one word: "low-ranking".
            std::size_t last = k;
            while (is_punct(last + 1) && punct(last + 1) == L'-' && glued(last + 1) && is_word(last + 2) && glued(last + 2))
                last += 2;
            const WView w = word(last);
            if (last == k && lex_.stop_words.count(w)) break;
            // A short word in capitals is an acronym or model name ("737 MAX",
            // "One ECCAS official"), unless the whole phrase is in capitals.
            const std::size_t letters = toks_[k].end - toks_[k].start;
            if (toks_[k].upper && letters > 1 && letters <= 5 && !caps_text) break;
            // A possessive ends the phrase: "Venezuela's armed forces".
            if (is_punct(last + 1) && punct(last + 1) == L'\'' && glued(last + 1)) break;
            const std::size_t next = last + 1;
            if (last == k && ends_with(w, L"ly")) {
                k = next;  // adverb: "mostly"
                continue;
            }
            if (looks_plural(last)) {
                // A plural noun modifier before the head: "five Wimbledon doubles titles".
                const std::size_t n2 = last + 1;
                if (is_word(n2) && spaced(n2) && looks_plural(n2) && !ends_with(word(n2), L"ly") &&
                    (!toks_[n2].cap || toks_[last].cap) && !(toks_[n2].upper && !caps_text))
                    return {n2, n2};
                return {k, last};
            }
            if (ends_with(w, L"ed") || ends_with(w, L"ing")) {
                // An -ed/-ing word is a modifier only when a noun follows
                // ("unmanned aerial vehicles"); otherwise a verb ends the
                // phrase ("two killed", "one shipment burned").
                verb_seen = true;
                k = next;
                continue;
            }
            if (!verb_seen) last_singular = {k, last};
            k = next;
        }
        return singular ? last_singular : none;
    }

    // ---- the decision at one position -----------------------------------

    // "Feb." takes its full stop; "May." ends a sentence.
    static bool is_month_abbrev(WView m) { return m.size() <= 4 && m != L"june" && m != L"july" && m != L"may"; }

    bool try_date(std::size_t i, Found& f) const {
        // February 24 / Feb. 24th
        if (lookup(lex_.months, i)) {
            const WView m = word(i);
            // "may" and "march" are words too: only capitalised are they months.
            if ((m == L"may" || m == L"march") && !toks_[i].cap) return false;
            std::size_t k = i + 1;
            if (is_month_abbrev(m) && punct(k) == L'.' && glued(k)) ++k;
            if (is_number(k) && spaced(k) && toks_[k].plain && digit_count(k) <= 2) {
                const double day = digits_value(k);
                if (day < 1 || day > 31) return false;
                std::size_t end = k + 1;
                if (is_word(end) && glued(end)) {
                    const WView s = word(end);
                    if (s != L"st" && s != L"nd" && s != L"rd" && s != L"th") return false;
                    ++end;
                }
                if (is_alnum(end) && glued(end)) return false;
                if (punct(end) == L':' && glued(end)) return false;  // a time, not a day
                f = date_found(i, end, day);
                return true;
            }
            return false;
        }
        // 24 February / 24th of February
        if (is_number(i) && toks_[i].plain && digit_count(i) <= 2 && !(glued(i) && is_alnum(i - 1))) {
            const double day = digits_value(i);
            if (day < 1 || day > 31) return false;
            std::size_t k = i + 1;
            if (is_word(k) && glued(k)) {
                const WView s = word(k);
                if (s != L"st" && s != L"nd" && s != L"rd" && s != L"th") return false;
                ++k;
            }
            if (is_word(k, L"of") && spaced(k)) ++k;
            if (spaced(k) && lookup(lex_.months, k)) {
                const WView m = word(k);
                if ((m == L"may" || m == L"march") && !toks_[k].cap) return false;
                std::size_t end = k + 1;
                if (is_month_abbrev(m) && punct(end) == L'.' && glued(end)) ++end;
                f = date_found(i, end, day);
                return true;
            }
        }
        return false;
    }

    Found date_found(std::size_t begin, std::size_t end, double day) const {
        Found f;
        f.emit = true;
        f.begin = begin;
        f.end = end;
        f.next = end;
        f.value = day;
        f.kind = Kind::Date;
        return f;
    }

    bool try_at(std::size_t i, Found& f) const {
        if (toks_[i].type == TokType::Masked) return false;
        if (try_date(i, f)) return true;

        Qualifier qual = Qualifier::Exact;
        Quantity q, q2;
        bool have = false;
        std::size_t after_qual = match_qualifier(i, qual);
        // "from 3 to 4 million" is a range like "between 5 and 10"; after a
        // verb of change ("rose from 3 to 4") it is two values.
        if (after_qual == i && is_word(i, L"from") && !change_in_clause(i)) {
            after_qual = i + 1;
            qual = Qualifier::Between;
        }
        if (after_qual > i && near(after_qual)) {
            have = parse_quantity(after_qual, q) && !q.vague && !q.ordinal;
            // "about a 20-minute trek": an article between qualifier and a compound.
            if (!have && (is_word(after_qual, L"a") || is_word(after_qual, L"an"))) {
                have = parse_quantity(after_qual + 1, q) && !q.vague && !q.spelled &&
                       (q.kind == Kind::Duration || q.kind == Kind::Measure || q.kind == Kind::Age);
            }
            if (have) q.begin = i;
        }
        if (!have) {
            qual = Qualifier::Exact;
            if (!parse_quantity(i, q)) return false;
        }
        if (q.ordinal) {
            f = ordinal_found(q);
            return true;
        }
        const bool between = qual == Qualifier::Between;
        // "rose from 5 to 10", "fell $2.86 to $41.32": a change, both values
        // stay separate. After a verb of change "X to Y" is still a range when
        // only Y carries the unit or scale: "rose 20 to 30 percent".
        const bool after_from = qual == Qualifier::Exact && i > 0 && is_word(i - 1, L"from");
        const Quantity alone = q;
        int range = after_from ? 0 : parse_range(q, q2, between);
        if (range > 0 && qual == Qualifier::Exact && after_change_verb(i)) {
            const bool shared = !alone.percent && !alone.currency && alone.scale == 1 &&
                                (q2.scale == 1 || q.scale > 1);
            if (!shared) {
                q = alone;
                range = 0;
            }
        }
        if (range > 0 && is_score(q, q2)) range = -1;
        if (range < 0) {
            f.emit = false;  // a score or a code: skip both numbers
            f.next = q2.end;
            return true;
        }
        if (between && range == 0) return false;  // "between" without "and N": retry without it
        if (range > 0 && day_range(q, q2, f)) return true;
        Found r;
        r.begin = q.begin;
        r.end = range > 0 ? q2.end : q.end;
        r.next = r.end;
        r.value = q.value;
        r.range = range > 0;
        r.value_max = range > 0 ? q2.value : 0;
        r.qualifier = r.range ? Qualifier::Range : q.vague ? Qualifier::Vague : qual;
        if (r.qualifier == Qualifier::Exact && q.plus) r.qualifier = Qualifier::Over;
        if (!classify(q, qual, r)) {
            f.emit = false;
            f.next = r.end;
            return true;
        }
        r.emit = true;
        f = std::move(r);
        return true;
    }

    // "fell $2.86 to", "rose by 5% to", "grew sharply from": the number
    // at i follows a verb of change.
    bool after_change_verb(std::size_t i) const {
        if (i == 0) return false;
        std::size_t p = i - 1;
        if ((is_word(p, L"by") || is_word(p, L"from")) && p > 0) --p;
        if (is_word(p) && ends_with(word(p), L"ly") && p > 0) --p;
        return in(lex_.change_verbs, p);
    }

    // "24-26 June", "from 10 to 12 March": a range of days, reported as one date.
    bool day_range(const Quantity& q1, const Quantity& q2, Found& f) const {
        if (q1.num_tok == kNone || q2.num_tok == kNone || !q1.plain || !q2.plain || q2.end != q2.num_tok + 1) return false;
        if (q1.value < 1 || q2.value > 31 || q1.kind != Kind::None || q2.kind != Kind::None) return false;
        const std::size_t m = q2.end;
        if (!spaced(m) || !lookup(lex_.months, m) || !(toks_[m].cap || toks_[m].upper)) return false;
        std::size_t end = m + 1;
        if (is_month_abbrev(word(m)) && punct(end) == L'.' && glued(end)) ++end;
        f = date_found(q1.begin, end, q1.value);
        f.range = true;
        f.value_max = q2.value;
        f.qualifier = Qualifier::Range;
        return true;
    }

    // "raise the pension age from 60 to 65", "increased this from £6 to £10":
    // a verb of change earlier in the clause makes "from X to Y" a change.
    bool change_in_clause(std::size_t i) const {
        for (std::size_t k = i, n = 0; k > 0 && n < 8 && !toks_[k].line_before; --k, ++n) {
            const wchar_t c = punct(k - 1);
            if (c == L'.' || c == L';' || c == L'!' || c == L'?' || c == L':') break;
            if (in(lex_.change_verbs, k - 1)) return true;
        }
        return false;
    }

    // "Wasps 31-37 Leicester", "6-4 5-7 6-3": a score between names or
    // beside other scores, not a range.
    bool is_score(const Quantity& q1, const Quantity& q2) const {
        const std::size_t dash = q1.end;
        if (!(is_punct(dash) && is_dash(punct(dash)) && glued(dash) && glued(dash + 1))) return false;
        if (q1.num_tok == kNone || q1.num_tok + 1 != dash || q2.num_tok != dash + 1 || q2.end != dash + 2) return false;
        if (!toks_[q1.num_tok].plain || !toks_[q2.num_tok].plain) return false;
        const std::size_t before = q1.num_tok - 1, after = q2.end;
        const bool has_before = q1.num_tok > 0 && !toks_[q1.num_tok].line_before;
        const bool number_near = (has_before && is_number(before)) || (is_number(after) && near(after));
        const bool names_around = has_before && is_word(before) && toks_[before].cap && is_word(after) &&
                                  near(after) && toks_[after].cap;
        const bool from_love = q1.value == 0;  // "from 0-40 down"
        return number_near || names_around || from_love;
    }

    // Digit ordinals ("21st", "3rd") are reported as kind ordinal (word
    // ordinals never are); next to a capitalised word they are part of a
    // name ("82nd Airborne", "Fox 21st Century").
    Found ordinal_found(const Quantity& q) const {
        Found f;
        f.begin = q.begin;
        f.end = f.next = q.end;
        f.value = q.value;
        f.kind = Kind::Ordinal;
        const std::size_t p = q.begin - 1;
        const bool cap_before = q.begin > 0 && is_word(p) && toks_[p].cap && !sentence_start(p) && !lookup(lex_.months, p);
        const bool cap_after = is_word(q.end) && spaced(q.end) && toks_[q.end].cap && !lookup(lex_.months, q.end);
        f.emit = !cap_before && !cap_after;
        return f;
    }

    // Kind and unit from the expression and its context; false when the
    // number is a name, a code or a pronoun and must not be reported.
    bool classify(const Quantity& q, Qualifier qual, Found& r) const {
        const std::size_t begin = r.begin, end = r.end;
        const std::size_t prev = begin > 0 ? begin - 1 : kNone;
        const bool plain_start = qual == Qualifier::Exact && !q.currency;

        // List markers at a line start: "1. ", "2) ".
        if (plain_start && is_number(begin) && sentence_start(begin) && (begin == 0 || toks_[begin].line_before) &&
            (punct(end) == L'.' || punct(end) == L')') && glued(end) && !(is_alnum(end + 1) && glued(end + 1))) {
            if (end + 1 >= size() || toks_[end + 1].space_before) return false;
        }
        // "No. 5", "#5", "number 5": a rank or an identifier.
        if (plain_start && prev != kNone && (punct(prev) == L'#' || is_word(prev, L"number") ||
                                             (punct(prev) == L'.' && prev > 0 && is_word(prev - 1, L"no") && glued(prev))))
            return false;

        r.kind = Kind::Count;
        std::pair<std::size_t, std::size_t> head{kNone, kNone};
        if (q.percent) {
            r.kind = Kind::Percent;
            set_unit(r, q.points ? "percentage points" : "percent");
        } else if (q.currency) {
            r.kind = Kind::Money;
            r.currency = q.currency;
            set_unit(r, q.currency_unit);
        } else if (q.kind == Kind::Measure && q.unit && std::string_view(q.unit) == "m" && q.num_tok != kNone &&
                   ((head = find_head(end, false, false)).first != kNone ||
                    ((!is_word(end) || !spaced(end)) && !metres_context(q.num_tok, prev)))) {
            // "200m people", "a population of 200m.": millions, not metres
            // (metres come with a singular noun or adjective: "100m sprint").
            r.kind = Kind::Count;
            r.value *= 1e6;
            if (r.range) r.value_max *= 1e6;
            if (head.first != kNone) set_unit_tokens(r, head.first, head.second);
        } else if (q.kind != Kind::None) {
            r.kind = q.kind;
            if (q.kind == Kind::Year || q.kind == Kind::Time) {
                // no unit
            } else if (q.unit) {
                set_unit(r, q.unit);
            }
        } else if (q.strong) {
            head = find_head(end, false, true);  // a 2,700-strong audience -> audience
            if (head.first != kNone) set_unit_tokens(r, head.first, head.second);
        } else if (q.unit_tok != kNone) {
            set_unit_tokens(r, q.unit_tok, q.unit_tok);  // a 10-member team -> members
            pluralize(r.unit);
        } else if (auto t = spaced(end) ? lookup(lex_.time_units, end) : nullptr) {
            // "five days old", "a baby aged 11 months"
            const bool age = (is_word(end + 1, L"old") && spaced(end + 1)) || age_context(begin);
            r.kind = age ? Kind::Age : Kind::Duration;
            set_unit(r, t->canonical);
        } else if (auto m = spaced(end) ? lookup(lex_.measure_units, end) : nullptr) {
            r.kind = Kind::Measure;
            set_unit(r, m->canonical);
        } else if ((is_word(end, L"square") || is_word(end, L"cubic")) && spaced(end) && spaced(end + 1) &&
                   lookup(lex_.measure_units, end + 1)) {
            r.kind = Kind::Measure;
            r.has_unit = true;
            r.unit = (word(end) == L"square" ? "square " : "cubic ") + std::string(lookup(lex_.measure_units, end + 1)->canonical);
        } else if (age_context(begin)) {
            r.kind = Kind::Age;
        } else if (is_appositive_age(q, begin, end)) {
            r.kind = Kind::Age;  // "The minister, 54, resigned", "Jose Gomez (35)"
        } else {
            head = find_head(end, q.vague || q.half || q.fraction, q.value == 1);
            const bool after_month = prev != kNone && lookup(lex_.months, prev) && (toks_[prev].cap || toks_[prev].upper);
            const bool year_like = q.plain && !q.spelled && q.scale == 1 && !r.range && q.value >= 1000 &&
                                   q.value <= 2100 && q.num_tok != kNone && digit_count(q.num_tok) == 4 &&
                                   (qual == Qualifier::Exact || qual == Qualifier::About);
            // "the 2026 midterm elections", "Trump's 2017 tax cuts": a year
            // names which elections; "2000 soldiers" counts them.
            const bool determiner_before = prev != kNone && (in(lex_.year_determiners, prev) ||
                                                             (is_word(prev, L"s") && punct(prev - 1) == L'\''));
            // Before a plural noun a year needs a strong cue: "in 2019", "the
            // 2026 elections", "the 1998 attacks"; "the 1500 soldiers" and
            // "a force of 2000 troops" count (round or pre-1900 numbers).
            const bool weak_prep = prev != kNone && word_in(prev, {L"of", L"by", L"from", L"to"});
            const bool strong_prep = prev != kNone && in(lex_.year_prepositions, prev) && !weak_prep;
            const bool year_head = head.first != kNone && in(lex_.year_nouns, head.second);
            const bool year_number = q.value >= 1900 && std::fmod(q.value, 100) != 0;
            if (year_like && (head.first == kNone || after_month || strong_prep || year_head ||
                              ((determiner_before || weak_prep) && year_number))) {
                r.kind = Kind::Year;
                head = {kNone, kNone};
            } else if (r.range && q.plain && q.value >= 1000 && q.value <= 2100 && r.value_max <= 2100 &&
                       q.num_tok != kNone && digit_count(q.num_tok) == 4 && head.first == kNone) {
                r.kind = Kind::Year;  // 2014-2019
            }
            // "when she turned 40"
            if (r.kind == Kind::Count && head.first == kNone && !r.range && q.plain && q.value >= 1 && q.value <= 120 &&
                prev != kNone && word_in(prev, {L"turned", L"turns", L"turning"}))
                r.kind = Kind::Age;
            if (head.first != kNone) {
                if (auto cw = lookup(lex_.currency_words, head.second)) {  // "millions of dollars"
                    r.kind = Kind::Money;
                    r.currency = cw->code;
                    set_unit(r, cw->unit);
                } else {
                    set_unit_tokens(r, head.first, head.second);
                }
            }
        }

        if (plain_start && !r.range) {
            // "one" as a pronoun: "no one", "the one with", "one of them", "at one point".
            if (q.lone_one && r.kind == Kind::Duration) {
                // "One day, she ..." means some day; "for one day", "one day later" are durations.
                const bool duration_cue = (prev != kNone && word_in(prev, {L"for", L"within", L"in", L"after", L"over",
                                                                         L"than", L"only", L"just", L"per", L"by"})) ||
                                          word_in(end + 1, {L"later", L"after", L"before", L"earlier", L"ago", L"long"});
                if (in(lex_.vague_times, end) && !duration_cue) return false;
                return !is_name_part(q, r, begin, end, head);
            }
            if (q.lone_one) {
                if (prev != kNone && in(lex_.pronoun_one_before, prev)) return false;
                // After a preposition it is a determiner: "in one room", "at one point".
                if (prev != kNone && in(lex_.prepositions, prev)) return false;
                if (!r.has_unit) return false;
            }
            return !is_name_part(q, r, begin, end, head);
        }
        return true;
    }

    // "aged 6", "at the age of 87", "how old she is: Six".
    bool age_context(std::size_t begin) const {
        if (begin == 0 || !near(begin)) return false;
        const std::size_t p = begin - 1;
        if (word_in(p, {L"aged", L"age", L"ages"})) return true;
        if (is_word(p, L"of") && p > 0 && is_word(p - 1, L"age")) return true;
        // The answer right after a "how old" question in the same sentence.
        if (punct(p) == L':' || word_in(p, {L"is", L"was"})) {
            for (std::size_t k = p, n = 0; k > 0 && n < 8 && !toks_[k].line_before; --k, ++n) {
                const wchar_t c = punct(k - 1);
                if (c == L'.' || c == L'!' || c == L'?') break;
                if (is_word(k, L"old") && is_word(k - 1, L"how")) return true;
            }
        }
        return false;
    }

    // "200m." after "the final" or with centimetres (13.77m) is a distance,
    // not millions.
    bool metres_context(std::size_t num_tok, std::size_t prev) const {
        if (decimals(num_tok) >= 2) return true;
        return prev != kNone && word_in(prev, {L"the", L"final", L"last", L"first", L"opening", L"closing"});
    }

    // A bare age set off after a name or noun: "Gomez, 35, said", "Gomez (35)".
    bool is_appositive_age(const Quantity& q, std::size_t begin, std::size_t end) const {
        if (!q.plain || q.spelled || q.num_tok != begin || end != begin + 1 || q.value < 1 || q.value > 120) return false;
        if (begin < 2 || !is_word(begin - 2)) return false;
        const wchar_t open = punct(begin - 1), close = punct(end);
        // "with Eileen Lee, 24." ends a sentence after a name.
        const bool name_then_stop = open == L',' && (close == L'.' || close == L';') && glued(end) && toks_[begin - 2].cap;
        return (open == L',' && close == L',') || name_then_stop ||
               (open == L'(' && close == L')' && glued(begin) && glued(end));
    }

    // Numbers inside names and codes: "Flight 302", "Boeing 737 MAX",
    // "Group of Seven", "Formula One".
    bool is_name_part(const Quantity& q, const Found& r, std::size_t begin, std::size_t end,
                      std::pair<std::size_t, std::size_t> head) const {
        if (r.kind == Kind::Year || r.kind == Kind::Money || r.kind == Kind::Percent || r.kind == Kind::Time) return false;
        if (begin == 0 || toks_[begin].line_before) return false;
        const std::size_t p = begin - 1;
        // A capitalised word right before the number that is no function
        // word ("Flight 302", "Apollo 11"; but "Only 3", "In 2019").
        const bool cap_before = is_word(p) && toks_[p].cap && !lookup(lex_.months, p) && !in(lex_.weekdays, p) &&
                                !(sentence_start(p) && (in(lex_.stop_words, p) || in(lex_.sentence_openers, p)));
        if (cap_before) {
            // A code written right after: "737 MAX".
            const bool caps_after = is_word(end) && spaced(end) && toks_[end].upper && toks_[end].end - toks_[end].start > 1;
            // Title case keeps counts: "Colombia Says 326 Venezuelan Army Deserters".
            const bool title_case_count = head.first != kNone && toks_[head.first].cap && toks_[p].space_before;
            return caps_after || !title_case_count;
        }
        // A capitalised number word before a capitalised word in mid-sentence: "four Six Nations captains".
        if (q.spelled && toks_[begin].cap && !sentence_start(begin) && is_word(end) && spaced(end) && toks_[end].cap &&
            !(is_word(p) && toks_[p].cap && !sentence_start(p)))
            return true;
        // Digits before a capitalised word that is no counted noun: "50 Cent said", "10 Downing Street".
        if (q.plain && q.num_tok == begin && end == begin + 1 && is_word(end) && spaced(end) && toks_[end].cap &&
            !toks_[end].upper && head.first == kNone && !lookup(lex_.months, end) && !in(lex_.weekdays, end))
            return true;
        // A capitalised number word in mid-sentence after a name: "Group of Seven".
        if (q.spelled && toks_[begin].cap && !sentence_start(begin) && is_word(p, L"of") && p > 0 &&
            is_word(p - 1) && toks_[p - 1].cap)
            return true;
        return false;
    }

    void set_unit(Found& r, const char* unit) const {
        r.has_unit = true;
        r.unit = unit;
    }
    // Unit from the text, lower-cased (ASCII letters only change).
    void set_unit_tokens(Found& r, std::size_t first, std::size_t last) const {
        r.has_unit = true;
        r.unit = doc_.slice(toks_[first].start, toks_[last].end);
        for (char& c : r.unit)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }

    // English plural of a unit noun written in the singular ("10-member").
    static void pluralize(std::string& w) {
        if (w.empty()) return;
        const char last = w.back();
        const char before = w.size() > 1 ? w[w.size() - 2] : 0;
        if (last == 'y' && before && std::string("aeiou").find(before) == std::string::npos) {
            w.back() = 'i';
            w += "es";
        } else if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (before == 'c' || before == 's'))) {
            w += "es";
        } else {
            w += 's';
        }
    }

    Mention to_mention(const Found& f) const {
        Mention m;
        m.start = toks_[f.begin].start;
        m.end = toks_[f.end - 1].end;
        m.fields["value"] = json_number(f.value);
        if (f.range) m.fields["value_max"] = json_number(f.value_max);
        m.fields["qualifier"] = qualifier_name(f.qualifier);
        m.fields["kind"] = kind_name(f.kind);
        if (f.has_unit)
            m.fields["unit"] = f.unit;
        else
            m.fields["unit"] = nullptr;
        if (f.kind == Kind::Money && f.currency) m.fields["currency"] = f.currency;
        return m;
    }

    static Value json_number(double v) {
        // Round away binary noise from scaling (1.6 * 1e6) and print whole
        // numbers as integers.
        const double r = std::round(v);
        if (std::fabs(v - r) < 1e-6 * std::max(1.0, std::fabs(v)) && std::fabs(r) < 9e15)
            return static_cast<std::int64_t>(r);
        return v;
    }
};

// Phone numbers, tried only where a chunk of text starts.
const wchar_t* const kPhonePattern =
    L"(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{1,4}\\)[ .-]?)?\\d{2,4}[.-]\\d{2,4}[.-]\\d{3,4}(?![\\w-])"
    L"|\\+\\d{1,3}(?:[ .-]?\\(?\\d{1,4}\\)?){2,5}"
    L"|\\(\\d{3}\\) ?\\d{3}[ .-]\\d{4}";

class NumbersExtractor : public Extractor {
public:
    NumbersExtractor() : phone_(make_regex(kPhonePattern)) {}

    void extract(const Context& ctx, std::vector<Mention>& out) const override {
        const Document& doc = ctx.document();
        Scanner scanner(lexicon_, phone_, doc);
        scanner.run(out);
    }

private:
    Lexicon lexicon_;
    boost::wregex phone_;
};

}  // namespace
}  // namespace newslens::numbers

using NumbersExtractor = newslens::numbers::NumbersExtractor;
NEWSLENS_PLUGIN("numbers", "Quantities: counts, money, percentages, dates, ages, durations, with value and qualifier",
                NumbersExtractor);
