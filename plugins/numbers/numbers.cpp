// The `numbers` extractor: quantities stated in news text ("Over 270",
// "$2.4 trillion", "several dozen", "February 24", "35-year-old") with their
// value, qualifier, kind and counted noun. See ../shared/eval/GUIDELINES.md.
//
// How it works: the text layer's tokens (tokens.h) are walked left to right
// and, at each position, a small hand-written parser tries
//   date | [qualifier] quantity [range-tail]
// where a quantity is [currency] (digits [scale] | number words | vague
// amount) [percent | currency word | -plus | -unit compound | a.m.].
// Context after the span decides kind and unit (the counted noun).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "lexicon.h"
#include "plugin.h"
#include "tokens.h"

namespace newslens::numbers {
namespace {

enum class Kind : std::uint8_t { None, Count, Percent, Money, Year, Date, Time, Age, Duration, Measure, Ordinal };

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

bool is_dash(wchar_t c) { return chars::is_dash(static_cast<char32_t>(c)); }

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

using Span = std::pair<std::size_t, std::size_t>;

bool parse_quantity(const Tokens& t, std::size_t i, Quantity& q, bool range_end = false);

// ---- quantity parts ---------------------------------------------------

// Currency written before the number: $, €, US$, USD. Returns the token
// after it (or `i` when there is none).
std::size_t currency_prefix(const Tokens& t, std::size_t i, Quantity& q) {
    if (t.is_punct(i)) {
        const CurrencyInfo* c = t.lex(i).currency_symbol;
        if (c && t.is_number(i + 1) && t.near(i + 1)) {
            q.currency = c->code;
            q.currency_unit = c->unit;
            return i + 1;
        }
        return i;
    }
    if (!t.is_word(i)) return i;
    const Entry& e = t.lex(i);
    // US$5, HK$3bn: a country prefix glued to the dollar sign.
    if (t.punct(i + 1) == L'$' && t.glued(i + 1) && t.is_number(i + 2) && t.glued(i + 2) && e.dollar_prefix) {
        q.currency = e.dollar_prefix->code;
        q.currency_unit = e.dollar_prefix->unit;
        return i + 2;
    }
    // USD 5 (codes only count in capitals: "try" is a word, "TRY" a code).
    if (t[i].upper && t.is_number(i + 1) && t.spaced(i + 1) && e.currency_code) {
        q.currency = e.currency_code->code;
        q.currency_unit = e.currency_code->unit;
        return i + 1;
    }
    return i;
}

// Digits with an optional glued or spaced scale ("1.6 million", "3bn").
bool parse_digits(const Tokens& t, std::size_t j, Quantity& q, bool range_end) {
    const Lexicon::Words& w = t.lexicon().w;
    // Glued to letters or to another code before: M23, G7, COVID-19, 737-800.
    if (t.glued(j) && !q.currency && !range_end) {
        const std::size_t p = j - 1;
        if (t.is_word(p)) return false;
        const wchar_t c = t.punct(p);
        if (c && t.glued(p) && p > 0 && t.is_alnum(p - 1)) {
            // "mid-2019", "pre-1990": a lower-case prefix is no code.
            const bool lower_prefix = c == L'-' && t.is_word(p - 1) && !t[p - 1].cap && !t[p - 1].upper;
            if (!lower_prefix) return false;
        }
        if (c == L'#' || c == L'@' || c == L'_' || c == L'/' || c == L'\\' || c == L'.') return false;
    }
    q.value = t.digits_value(j);
    q.plain = t[j].plain;
    std::size_t k = j + 1;
    // A suffix glued to the digits: 3bn, 100k, $3m, 10am, 1990s, 5km.
    if (t.is_word(k) && t.glued(k)) {
        const Entry& e = t.lex(k);
        if (e.glued_scale) {
            q.value *= e.glued_scale;
            q.scale = e.glued_scale;
        } else if (q.currency && e.money_scale) {
            q.value *= e.money_scale;
            q.scale = e.money_scale;
        } else if ((t.is(k, w.am) || t.is(k, w.pm)) && q.value <= 12) {
            q.kind = Kind::Time;
        } else if (e.has(kOrdinalSuffix)) {
            q.ordinal = true;
        } else if (t.is(k, w.s) && q.plain && (t.digit_count(j) == 4 || t.digit_count(j) == 2)) {
            q.kind = Kind::Year;  // the 1990s
        } else if (e.glued_measure && !(t[k].upper && t.length(k) == 1)) {
            // (a single capital is a code: 3G, 4G networks)
            q.kind = Kind::Measure;
            q.unit = e.glued_measure;
        } else {
            return false;  // 3D, 4G, 5x: a code
        }
        ++k;
        if (t.is_alnum(k) && t.glued(k)) return false;
    }
    // Versions, slashed dates and ratios: 1.2.3, 24/7, 9/11.
    if (t.is_punct(k) && t.glued(k) && t.is_number(k + 1) && t.glued(k + 1)) {
        const wchar_t c = t.punct(k);
        // 1/5, 3/4: a fraction; 24/7, 9/11 and 1/5/2019 are not.
        if (c == L'/' && q.plain && !q.currency && q.scale == 1 && q.value >= 1 && t[k + 1].plain) {
            const double den = t.digits_value(k + 1);
            if (q.value < den && den <= 10 && !(t.is_punct(k + 2) && t.glued(k + 2) && t.is_number(k + 3))) {
                q.value /= den;
                q.fraction = true;
                q.plain = false;
                q.end = k + 2;
                return true;
            }
        }
        if (c == L'.' || c == L'/' || c == L',') return false;
        // Clock time 10:30.
        if (c == L':' && t.digit_count(k + 1) == 2 && q.value < 24 && q.plain) {
            q.value += t.digits_value(k + 1) / 60.0;
            q.kind = Kind::Time;
            k += 2;
        }
    }
    // A spaced scale word: "1.6 million".
    if (q.scale == 1 && q.kind == Kind::None && t.spaced(k)) {
        const Entry& e = t.lex(k);
        if (e.scale) {
            q.value *= e.scale;
            q.scale = e.scale;
            ++k;
        } else if (e.glued_scale && !t.is(k, w.k)) {
            q.value *= e.glued_scale;  // "3 bn"
            q.scale = e.glued_scale;
            ++k;
        }
    }
    q.end = k;
    return true;
}

// Spelled-out numbers: "two", "twenty-one", "one hundred and fifty",
// "a dozen", "two million", "half a million", "two and a half".
bool parse_words(const Tokens& t, std::size_t j, Quantity& q) {
    const Lexicon::Words& w = t.lexicon().w;
    enum Last { None, Small, Tens, Hundred, Scale };
    double total = 0, current = 0, last_scale = 1;
    bool any = false;
    Last last = None;
    std::size_t k = j;
    std::size_t end = j;

    // "half a million", "half a dozen"
    if (t.is(k, w.half) && (t.is(k + 1, w.a) || t.is(k + 1, w.an)) && t.spaced(k + 1) && t.spaced(k + 2)) {
        const bool dozen = t.is(k + 2, w.dozen);
        if (dozen || (t.lex(k + 2).scale && !t.is(k + 2, w.hundred))) {
            const double s = dozen ? 12 : t.lex(k + 2).scale;
            q.value = 0.5 * s;
            q.scale = s;
            q.spelled = true;
            q.end = k + 3;
            return true;
        }
    }
    // "half" on its own: "around half the number", "half of them".
    if (t.is(k, w.half) && !(t.punct(k + 1) == L'-' && t.glued(k + 1)) &&
        !(k > 0 && t.has(k - 1, kHalfBefore) && t.spaced(k))) {
        q.value = 0.5;
        q.spelled = q.half = true;
        q.end = k + 1;
        return true;
    }
    // "a dozen", "a hundred", "a million"
    if ((t.is(k, w.a) || t.is(k, w.an)) && t.spaced(k + 1) && t.is_word(k + 1) &&
        (t.is(k + 1, w.dozen) || t.lex(k + 1).scale)) {
        current = 1;
        any = true;
        last = Small;
        ++k;
    }
    while (k < t.size()) {
        if (k > j && !t.near(k)) break;
        if (t.is_punct(k) && is_dash(t.punct(k)) && t.glued(k) && last == Tens && t.glued(k + 1) &&
            t.lex(k + 1).small >= 0 && t.lex(k + 1).small < 10) {
            ++k;  // twenty-one
            continue;
        }
        if (!t.is_word(k)) break;
        if (k > j && !t[k].space_before && !t.is_punct(k - 1)) break;
        const Entry& e = t.lex(k);
        if (e.small >= 0) {
            if (last == Small || (last == Tens && e.small >= 10) || (last == Tens && e.small == 0)) break;
            current += e.small;
            last = Small;
        } else if (e.tens) {
            if (last == Small || last == Tens) break;
            current += e.tens;
            last = Tens;
        } else if (t.is(k, w.hundred)) {
            if (!any || last == Hundred || last == Scale) break;
            current = (current == 0 ? 1 : current) * 100;
            last = Hundred;
            last_scale = 100;
        } else if (e.scale) {
            if (!any || last == Scale) break;
            total += (current == 0 ? 1 : current) * e.scale;
            current = 0;
            last = Scale;
            last_scale = e.scale;
        } else if (t.is(k, w.dozen)) {
            if (!any || last == Scale) break;
            current = (current == 0 ? 1 : current) * 12;
            last = Scale;
        } else if (t.is(k, w.and_) && (last == Hundred || last == Scale) && t.spaced(k + 1) &&
                   (t.lex(k + 1).small >= 0 || t.lex(k + 1).tens)) {
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
    if (end == j + 1 && (t.is(j, w.a) || t.is(j, w.an))) return false;
    q.value = total + current;
    q.spelled = true;
    q.lone_one = end == j + 1 && t.is(j, w.one);
    if (last == Scale || last == Hundred) q.scale = last_scale;
    // "two and a half"
    if (t.is(end, w.and_) && t.is(end + 1, w.a) && t.is(end + 2, w.half) && t.spaced(end) && t.spaced(end + 1) &&
        t.spaced(end + 2)) {
        q.value += 0.5;
        end += 3;
        q.lone_one = false;
    }
    q.end = end;
    return true;
}

bool num_word(const Tokens& t, std::size_t i) {
    return t.is_word(i) && !t.is(i, t.lexicon().w.a) && !t.is(i, t.lexicon().w.an);
}

// Spelled fractions: "a third of", "one-third", "two-thirds majority",
// "three quarters of". Without a hyphen the fraction must be "of"
// something or stand alone: "a third term" and "a quarter-final" are ordinals.
bool parse_fraction(const Tokens& t, std::size_t j, Quantity& q) {
    const Lexicon::Words& w = t.lexicon().w;
    double num = 0;
    if (t.is(j, w.a) || t.is(j, w.an)) {
        num = 1;
    } else if (t.lex(j).small >= 1) {
        num = t.lex(j).small;
    } else {
        return false;
    }
    std::size_t k = j + 1;
    const bool hyphen = t.is_punct(k) && is_dash(t.punct(k)) && t.glued(k) && t.glued(k + 1) && num_word(t, j);
    if (hyphen) {
        ++k;
    } else if (!t.spaced(k)) {
        return false;
    }
    const double den = t.lex(k).fraction;
    if (!den) return false;
    const bool plural = t.folded(k).back() == L's';
    if (plural != (num > 1)) return false;  // "two thirds", "a third"; not "two third"
    const std::size_t after = k + 1;
    if (t.is_punct(after) && is_dash(t.punct(after)) && t.glued(after)) return false;  // a quarter-final
    if (!hyphen && t.is_word(after) && !t.has(after, kFractionFollower)) return false;
    q.value = num / den;
    q.spelled = q.fraction = true;
    q.end = after;
    // "a quarter of a million jobs": the fraction of a scale is a number.
    if (t.is(after, w.of) && (t.is(after + 1, w.a) || t.is(after + 1, w.one)) && t.spaced(after + 2)) {
        const double s = t.lex(after + 2).scale;
        if (s >= 1e6) {
            q.value *= s;
            q.scale = s;
            q.fraction = false;
            q.end = after + 3;
        }
    }
    return true;
}

// Vague amounts: "dozens", "hundreds", "tens of thousands",
// "several dozen", "a few hundred". Value = the scale named.
bool parse_vague(const Tokens& t, std::size_t j, Quantity& q) {
    const Lexicon::Words& w = t.lexicon().w;
    std::size_t k = j;
    if (t.is(k, w.a) && t.is(k + 1, w.few) && t.spaced(k + 1)) ++k;
    if (t.has(k, kFewWord) && t.spaced(k + 1) && t.is_word(k + 1)) {
        const bool dozen = t.is(k + 1, w.dozen);
        if (dozen || t.lex(k + 1).scale) {
            q.value = dozen ? 12 : t.lex(k + 1).scale;
            q.vague = true;
            q.end = k + 2;
            return true;
        }
    }
    k = j;
    double value = t.lex(k).vague_plural;
    if (!value) return false;
    ++k;
    // "tens of thousands", "hundreds of millions"
    if (t.is(k, w.of) && t.spaced(k) && t.spaced(k + 1)) {
        const double s = t.lex(k + 1).vague_plural;
        if (s >= 1000) {
            value *= s;
            k += 2;
        }
    }
    // A bare "tens" is no amount; "tens of thousands" / "tens of people" is.
    if (t.is(j, w.tens) && k == j + 1 && !t.is(k, w.of)) return false;
    q.value = value;
    q.vague = true;
    q.end = k;
    return true;
}

// Everything after the core number: percent, currency words, "-plus",
// hyphen compounds ("20-minute", "35-year-old"), a.m./p.m.
bool parse_tail(const Tokens& t, Quantity& q) {
    const Lexicon::Words& w = t.lexicon().w;
    std::size_t k = q.end;
    if (q.kind == Kind::None && !q.vague) {
        const wchar_t c = t.punct(k);
        if (c == L'%' && t.near(k)) {
            q.percent = true;
            ++k;
        } else if (t.spaced(k) && (t.is(k, w.percent) || t.is(k, w.pct))) {
            q.percent = true;
            ++k;
        } else if (t.spaced(k) && t.is(k, w.per) && t.is(k + 1, w.cent) && t.spaced(k + 1)) {
            q.percent = true;
            k += 2;
        } else if (t.spaced(k) && t.is(k, w.percentage) && t.spaced(k + 1) &&
                   (t.is(k + 1, w.point) || t.is(k + 1, w.points))) {
            q.percent = q.points = true;
            k += 2;
        }
    }
    if (!q.percent && !q.currency && q.kind == Kind::None && !q.vague) {
        // 5€, 5 USD, 5 dollars, 5 Canadian dollars, 5 pounds sterling
        if (t.is_punct(k) && t.near(k)) {
            const CurrencyInfo* c = t.lex(k).currency_symbol;
            if (c && t.punct(k) != L'$') {
                q.currency = c->code;
                q.currency_unit = c->unit;
                ++k;
            }
        } else if (t.spaced(k)) {
            std::size_t word = k;
            const char* adjective_code = nullptr;
            if (t.lex(k).currency_adjective && t.spaced(k + 1) && t.lex(k + 1).currency_word) {
                adjective_code = t.lex(k).currency_adjective;
                ++word;
            }
            if (const CurrencyInfo* cw = t.lex(word).currency_word) {
                q.currency = adjective_code ? adjective_code : cw->code;
                q.currency_unit = cw->unit;
                k = word + 1;
            } else if (t[k].upper && t.lex(k).currency_code) {
                q.currency = t.lex(k).currency_code->code;
                q.currency_unit = t.lex(k).currency_code->unit;
                ++k;
            } else if (t.is(k, w.pounds) && t.is(k + 1, w.sterling) && t.spaced(k + 1)) {
                q.currency = "GBP";
                q.currency_unit = "pounds";
                k += 2;
            }
        }
    }
    // 200,000-plus, 50+
    if (t.is_punct(k) && t.glued(k)) {
        if (is_dash(t.punct(k)) && t.is(k + 1, w.plus) && t.glued(k + 1)) {
            q.plus = true;
            k += 2;
        } else if (t.punct(k) == L'+') {
            q.plus = true;
            ++k;
        }
    }
    // Hyphen compounds: "20-minute", "35-year-old", "10-member", "5-km".
    if (q.kind == Kind::None && !q.percent && !q.currency && !q.vague && t.punct(k) == L'-' && t.glued(k) &&
        t.is_word(k + 1) && t.glued(k + 1)) {
        const std::size_t u = k + 1;
        const Entry& e = t.lex(u);
        if (e.time_unit) {
            q.unit = e.time_unit;
            k = u + 1;
            if (t.punct(k) == L'-' && t.glued(k) && t.glued(k + 1) && (t.is(k + 1, w.old) || t.is(k + 1, w.olds))) {
                q.kind = Kind::Age;
                k += 2;
            } else {
                q.kind = Kind::Duration;
            }
        } else if (e.measure_unit) {
            q.unit = e.measure_unit;
            q.kind = Kind::Measure;
            k = u + 1;
        } else if (t[u].upper && t.length(u) > 1) {
            return false;  // 737-MAX: a model name
        } else if (t.is(u, w.strong)) {
            q.strong = true;  // a 2,700-strong crowd
            k = u + 1;
        } else if (e.has(kFractionWord) || q.lone_one || t.is(u, w.time) || t.is(u, w.way)) {
            return false;  // two-thirds, one-sided, two-time, two-way: not a quantity of things
        } else if (!(t.is_punct(u + 1) && t.glued(u + 1) && is_dash(t.punct(u + 1)))) {
            q.unit_tok = u;  // a 10-member team
            k = u + 1;
        }
    }
    // 10 a.m., 10 pm, 10 o'clock
    if ((q.kind == Kind::None || q.kind == Kind::Time) && !q.percent && !q.currency && q.value <= 12 && t.spaced(k)) {
        const bool oclock = t.is(k, w.o) && t.glued(k + 1) && t.apostrophe(k + 1) && t.is(k + 2, w.clock);
        if (q.spelled) {
            if (oclock) {
                q.kind = Kind::Time;  // three o'clock
                k += 3;
            }
        } else if ((t.is(k, w.a) || t.is(k, w.p)) && t.punct(k + 1) == L'.' && t.glued(k + 1) && t.is(k + 2, w.m) &&
                   t.glued(k + 2)) {
            q.kind = Kind::Time;
            k += 3;
            if (t.punct(k) == L'.' && t.glued(k)) ++k;
        } else if (t.is(k, w.am) || t.is(k, w.pm)) {
            q.kind = Kind::Time;
            ++k;
        } else if (oclock) {
            q.kind = Kind::Time;
            k += 3;
        }
    }
    // 0900 GMT, 1500 hrs: a 24-hour clock (the zone itself stays outside the span).
    if (q.kind == Kind::None && q.plain && !q.currency && !q.percent && q.num_tok != kNone && k == q.num_tok + 1 &&
        t.digit_count(q.num_tok) == 4 && q.value < 2400 && std::fmod(q.value, 100) < 60 && t.spaced(k) &&
        ((t[k].upper && t.has(k, kTimeZone)) || t.has(k, kClockWord))) {
        q.value = std::floor(q.value / 100) + std::fmod(q.value, 100) / 60;
        q.kind = Kind::Time;
    }
    q.end = k;
    return true;
}

// One quantity at token i, without qualifier or range.
// `range_end`: the second number of "5-10", glued to the dash.
bool parse_quantity(const Tokens& t, std::size_t i, Quantity& q, bool range_end) {
    q = Quantity{};
    q.begin = i;
    std::size_t j = currency_prefix(t, i, q);
    bool negative = false;
    // -4.5: a minus sign glued to the digits, not after another number.
    if (!q.currency && t.is_punct(j) && (t.punct(j) == L'-' || t.punct(j) == 0x2212) && t.is_number(j + 1) &&
        t.glued(j + 1) && (j == 0 || t[j].space_before || t.punct(j - 1) == L'(') &&
        !(j > 0 && t.is_number(j - 1) && !t[j].line_before)) {
        negative = true;
        ++j;
    }
    if (t.is_number(j)) {
        q.num_tok = j;
        if (!parse_digits(t, j, q, range_end)) return false;
    } else if (q.currency) {
        return false;
    } else if (parse_vague(t, j, q)) {
        return true;  // vague amounts take no tail
    } else if (parse_fraction(t, j, q)) {
        return true;
    } else if (!parse_words(t, j, q)) {
        return false;
    }
    if (negative) q.value = -q.value;
    if (q.ordinal || q.fraction) return true;
    return parse_tail(t, q);
}

// ---- qualifiers, ranges ---------------------------------------------

// Longest qualifier phrase starting at i; returns the token after it.
std::size_t match_qualifier(const Tokens& t, std::size_t i, Qualifier& q) {
    std::size_t best = i;
    const Entry& e = t.lex(i);
    if (!t.is_word(i) || e.phrase_count == 0) return best;
    const std::vector<QualifierPhrase>& phrases = t.lexicon().phrases();
    for (std::size_t p = e.phrase_first; p < e.phrase_first + e.phrase_count; ++p) {
        const QualifierPhrase& phrase = phrases[p];
        std::size_t k = i;
        bool ok = true;
        for (std::size_t n = 0; n < phrase.size; ++n) {
            if (!t.is(k, phrase.words[n]) || (k > i && !t.spaced(k))) {
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
int parse_range(const Tokens& t, Quantity& q1, Quantity& q2, bool between) {
    const Lexicon::Words& w = t.lexicon().w;
    const std::size_t k = q1.end;
    if (q1.vague || q1.ordinal || q1.kind == Kind::Time || k >= t.size()) return 0;
    bool hyphen = false;
    if (t.is_punct(k) && is_dash(t.punct(k)) && t.punct(k) != 0x2212) {
        // 5-10 or 5 - 10, not "5 -10"
        // "$5m-$7m": the second end may repeat the currency sign.
        const bool sign_again = q1.currency && t.is_punct(k + 1) && t.lex(k + 1).currency_symbol &&
                                t.is_number(k + 2) && t.glued(k + 2);
        if (t.glued(k) != t.glued(k + 1) || !(t.is_number(k + 1) || sign_again) || q1.spelled) return 0;
        hyphen = true;
    } else if (t.is(k, w.to) && t.spaced(k)) {
    } else if (t.is(k, w.and_) && between && t.spaced(k)) {
    } else if (t.is(k, w.or_) && q1.spelled && t.spaced(k)) {
    } else {
        return 0;
    }
    if (!t.near(k + 1) || !parse_quantity(t, k + 1, q2, hyphen) || q2.vague || q2.ordinal) return 0;
    if (t.is(k, w.or_) && !(q2.spelled && q2.value == q1.value + 1)) return 0;
    if (q1.percent && !q2.percent) return 0;  // "fell 8.6% to 966m rupees"
    // A scale or unit written once applies to both ends: "5 to 10 million", "5-10%".
    if (q1.scale == 1 && q2.scale > 1 && q1.value * q2.scale < q2.value && q1.kind == Kind::None) {
        q1.value *= q2.scale;
        q1.scale = q2.scale;
    }
    if (q1.value >= q2.value) {
        const bool code = hyphen && t.glued(k) && !q1.spelled;
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

bool ends_with(std::wstring_view w, std::wstring_view tail) {
    return w.size() > tail.size() + 2 && w.substr(w.size() - tail.size()) == tail;
}

bool looks_plural(const Tokens& t, std::size_t i) {
    if (!t.is_word(i)) return false;
    const std::wstring_view w = t.folded(i);
    if (w.size() < 3) return false;
    if (t.has(i, kIrregularPlural)) return true;
    // gunmen, policewomen, grandchildren, townspeople (not specimen, omen)
    if (ends_with(w, L"children") || ends_with(w, L"people") || ends_with(w, L"women") ||
        (ends_with(w, L"men") && !ends_with(w, L"imen") && !ends_with(w, L"omen")))
        return true;
    if (w.back() != L's' || t.has(i, kStopWord)) return false;
    const std::wstring_view tail = w.substr(w.size() - 2);
    return tail != L"ss" && tail != L"us" && tail != L"is" && tail != L"'s";
}

// The head noun of the phrase after token k: "mostly low-ranking
// soldiers" -> soldiers; "members of ..." -> members. Modifiers
// (adjectives, nationality words, noun modifiers) are skipped until a
// plural noun; a verb, function word or punctuation ends the phrase.
// `singular`: after "one" the head is singular (the last noun seen).
// Returns the token range [first, last] of the head, or kNone.
Span find_head(const Tokens& t, std::size_t k, bool allow_of, bool singular) {
    const Span none{kNone, kNone};
    // Headlines in capitals: "ONE HUNDRED SOLDIERS DEFECT".
    const bool caps_text = k > 0 && t.is_word(k - 1) && t[k - 1].upper && t.length(k - 1) > 2;
    if (allow_of && t.is(k, t.lexicon().w.of) && t.spaced(k)) {
        ++k;
        if (t.has(k, kOfDeterminer) && t.spaced(k)) ++k;
    }
    Span last_singular = none;
    bool verb_seen = false;
    // "10.9 million more people": a comparative right after the number.
    if (!singular && t.has(k, kComparative) && t.spaced(k) && t.is_word(k + 1) && t.spaced(k + 1) &&
        !t.has(k + 1, kStopWord))
        ++k;
    for (int n = 0; n < 5 && k < t.size(); ++n) {
        if (!t.is_word(k) || !t.spaced(k)) break;
        // A hyphenated compound counts as one word: "low-ranking".
        std::size_t last = k;
        while (t.punct(last + 1) == L'-' && t.glued(last + 1) && t.is_word(last + 2) && t.glued(last + 2)) last += 2;
        const std::wstring_view w = t.folded(last);
        if (last == k && t.has(last, kStopWord)) break;
        // A short word in capitals is an acronym or model name ("737 MAX",
        // "One ECCAS official"), unless the whole phrase is in capitals.
        const std::size_t letters = t.length(k);
        if (t[k].upper && letters > 1 && letters <= 5 && !caps_text) break;
        // A possessive ends the phrase: "Venezuela's armed forces".
        if (t.apostrophe(last + 1) && t.glued(last + 1)) break;
        const std::size_t next = last + 1;
        if (last == k && ends_with(w, L"ly")) {
            k = next;  // adverb: "mostly"
            continue;
        }
        if (looks_plural(t, last)) {
            // A plural noun modifier before the head: "five Wimbledon doubles titles".
            const std::size_t n2 = last + 1;
            if (t.is_word(n2) && t.spaced(n2) && looks_plural(t, n2) && !ends_with(t.folded(n2), L"ly") &&
                (!t[n2].cap || t[last].cap) && !(t[n2].upper && !caps_text))
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

// ---- dates --------------------------------------------------------------

Found date_found(std::size_t begin, std::size_t end, double day) {
    Found f;
    f.emit = true;
    f.begin = begin;
    f.end = end;
    f.next = end;
    f.value = day;
    f.kind = Kind::Date;
    return f;
}

bool try_date(const Tokens& t, std::size_t i, Found& f) {
    // February 24 / Feb. 24th
    if (t.lex(i).month) {
        // "may" and "march" are words too: only capitalised are they months.
        if (t.has(i, kCapitalMonth) && !t[i].cap) return false;
        std::size_t k = i + 1;
        if (t.has(i, kMonthAbbrev) && t.punct(k) == L'.' && t.glued(k)) ++k;
        if (t.is_number(k) && t.spaced(k) && t[k].plain && t.digit_count(k) <= 2) {
            const double day = t.digits_value(k);
            if (day < 1 || day > 31) return false;
            std::size_t end = k + 1;
            if (t.is_word(end) && t.glued(end)) {
                if (!t.has(end, kOrdinalSuffix)) return false;
                ++end;
            }
            if (t.is_alnum(end) && t.glued(end)) return false;
            if (t.punct(end) == L':' && t.glued(end)) return false;  // a time, not a day
            f = date_found(i, end, day);
            return true;
        }
        return false;
    }
    // 24 February / 24th of February
    if (t.is_number(i) && t[i].plain && t.digit_count(i) <= 2 && !(t.glued(i) && t.is_alnum(i - 1))) {
        const double day = t.digits_value(i);
        if (day < 1 || day > 31) return false;
        std::size_t k = i + 1;
        if (t.is_word(k) && t.glued(k)) {
            if (!t.has(k, kOrdinalSuffix)) return false;
            ++k;
        }
        if (t.is(k, t.lexicon().w.of) && t.spaced(k)) ++k;
        if (t.spaced(k) && t.lex(k).month) {
            if (t.has(k, kCapitalMonth) && !t[k].cap) return false;
            std::size_t end = k + 1;
            if (t.has(k, kMonthAbbrev) && t.punct(end) == L'.' && t.glued(end)) ++end;
            f = date_found(i, end, day);
            return true;
        }
    }
    return false;
}

// "24-26 June", "from 10 to 12 March": a range of days, reported as one date.
bool day_range(const Tokens& t, const Quantity& q1, const Quantity& q2, Found& f) {
    if (q1.num_tok == kNone || q2.num_tok == kNone || !q1.plain || !q2.plain || q2.end != q2.num_tok + 1) return false;
    if (q1.value < 1 || q2.value > 31 || q1.kind != Kind::None || q2.kind != Kind::None) return false;
    const std::size_t m = q2.end;
    if (!t.spaced(m) || !t.lex(m).month || !(t[m].cap || t[m].upper)) return false;
    std::size_t end = m + 1;
    if (t.has(m, kMonthAbbrev) && t.punct(end) == L'.' && t.glued(end)) ++end;
    f = date_found(q1.begin, end, q1.value);
    f.range = true;
    f.value_max = q2.value;
    f.qualifier = Qualifier::Range;
    return true;
}

// ---- changes and scores ---------------------------------------------

// "fell $2.86 to", "rose by 5% to", "grew sharply from": the number
// at i follows a verb of change.
bool after_change_verb(const Tokens& t, std::size_t i) {
    if (i == 0) return false;
    std::size_t p = i - 1;
    if ((t.is(p, t.lexicon().w.by) || t.is(p, t.lexicon().w.from)) && p > 0) --p;
    if (t.is_word(p) && ends_with(t.folded(p), L"ly") && p > 0) --p;
    return t.has(p, kChangeVerb);
}

// "raise the pension age from 60 to 65", "increased this from £6 to £10":
// a verb of change earlier in the clause makes "from X to Y" a change.
bool change_in_clause(const Tokens& t, std::size_t i) {
    for (std::size_t k = i, n = 0; k > 0 && n < 8 && !t[k].line_before; --k, ++n) {
        const wchar_t c = t.punct(k - 1);
        if (c == L'.' || c == L';' || c == L'!' || c == L'?' || c == L':') break;
        if (t.has(k - 1, kChangeVerb)) return true;
    }
    return false;
}

// "Wasps 31-37 Leicester", "6-4 5-7 6-3": a score between names or
// beside other scores, not a range.
bool is_score(const Tokens& t, const Quantity& q1, const Quantity& q2) {
    const std::size_t dash = q1.end;
    if (!(t.is_punct(dash) && is_dash(t.punct(dash)) && t.glued(dash) && t.glued(dash + 1))) return false;
    if (q1.num_tok == kNone || q1.num_tok + 1 != dash || q2.num_tok != dash + 1 || q2.end != dash + 2) return false;
    if (!t[q1.num_tok].plain || !t[q2.num_tok].plain) return false;
    const std::size_t before = q1.num_tok - 1, after = q2.end;
    const bool has_before = q1.num_tok > 0 && !t[q1.num_tok].line_before;
    const bool number_near = (has_before && t.is_number(before)) || (t.is_number(after) && t.near(after));
    const bool names_around = has_before && t.is_word(before) && t[before].cap && t.is_word(after) && t.near(after) &&
                              t[after].cap;
    const bool from_love = q1.value == 0;  // "from 0-40 down"
    return number_near || names_around || from_love;
}

// ---- kind and unit -------------------------------------------------------

// Digit ordinals ("21st", "3rd") are reported as kind ordinal (word
// ordinals never are); next to a capitalised word they are part of a
// name ("82nd Airborne", "Fox 21st Century").
Found ordinal_found(const Tokens& t, const Quantity& q) {
    Found f;
    f.begin = q.begin;
    f.end = f.next = q.end;
    f.value = q.value;
    f.kind = Kind::Ordinal;
    const std::size_t p = q.begin - 1;
    const bool cap_before = q.begin > 0 && t.is_word(p) && t[p].cap && !t.sentence_start(p) && !t.lex(p).month;
    const bool cap_after = t.is_word(q.end) && t.spaced(q.end) && t[q.end].cap && !t.lex(q.end).month;
    f.emit = !cap_before && !cap_after;
    return f;
}

// "aged 6", "at the age of 87", "how old she is: Six".
bool age_context(const Tokens& t, std::size_t begin) {
    const Lexicon::Words& w = t.lexicon().w;
    if (begin == 0 || !t.near(begin)) return false;
    const std::size_t p = begin - 1;
    if (t.has(p, kAgeWord)) return true;
    if (t.is(p, w.of) && p > 0 && t.is(p - 1, w.age)) return true;
    // The answer right after a "how old" question in the same sentence.
    if (t.punct(p) == L':' || t.has(p, kIsWas)) {
        for (std::size_t k = p, n = 0; k > 0 && n < 8 && !t[k].line_before; --k, ++n) {
            const wchar_t c = t.punct(k - 1);
            if (c == L'.' || c == L'!' || c == L'?') break;
            if (t.is(k, w.old) && t.is(k - 1, w.how)) return true;
        }
    }
    return false;
}

// "200m." after "the final" or with centimetres (13.77m) is a distance,
// not millions.
bool metres_context(const Tokens& t, std::size_t num_tok, std::size_t prev) {
    if (t.decimals(num_tok) >= 2) return true;
    return prev != kNone && t.has(prev, kMetresBefore);
}

// A bare age set off after a name or noun: "Gomez, 35, said", "Gomez (35)".
bool is_appositive_age(const Tokens& t, const Quantity& q, std::size_t begin, std::size_t end) {
    if (!q.plain || q.spelled || q.num_tok != begin || end != begin + 1 || q.value < 1 || q.value > 120) return false;
    if (begin < 2 || !t.is_word(begin - 2)) return false;
    const wchar_t open = t.punct(begin - 1), close = t.punct(end);
    // "with Eileen Lee, 24." ends a sentence after a name.
    const bool name_then_stop = open == L',' && (close == L'.' || close == L';') && t.glued(end) && t[begin - 2].cap;
    return (open == L',' && close == L',') || name_then_stop ||
           (open == L'(' && close == L')' && t.glued(begin) && t.glued(end));
}

// Numbers inside names and codes: "Flight 302", "Boeing 737 MAX",
// "Group of Seven", "Formula One".
bool is_name_part(const Tokens& t, const Quantity& q, const Found& r, std::size_t begin, std::size_t end, Span head) {
    if (r.kind == Kind::Year || r.kind == Kind::Money || r.kind == Kind::Percent || r.kind == Kind::Time) return false;
    if (begin == 0 || t[begin].line_before) return false;
    const std::size_t p = begin - 1;
    // A capitalised word right before the number that is no function
    // word ("Flight 302", "Apollo 11"; but "Only 3", "In 2019").
    const bool cap_before = t.is_word(p) && t[p].cap && !t.lex(p).month && !t.has(p, kWeekday) &&
                            !(t.sentence_start(p) && (t.has(p, kStopWord) || t.has(p, kSentenceOpener)));
    if (cap_before) {
        // A code written right after: "737 MAX".
        const bool caps_after = t.is_word(end) && t.spaced(end) && t[end].upper && t.length(end) > 1;
        // Title case keeps counts: "Colombia Says 326 Venezuelan Army Deserters".
        const bool title_case_count = head.first != kNone && t[head.first].cap && t[p].space_before;
        return caps_after || !title_case_count;
    }
    // A capitalised number word before a capitalised word in mid-sentence: "four Six Nations captains".
    if (q.spelled && t[begin].cap && !t.sentence_start(begin) && t.is_word(end) && t.spaced(end) && t[end].cap &&
        !(t.is_word(p) && t[p].cap && !t.sentence_start(p)))
        return true;
    // Digits before a capitalised word that is no counted noun: "50 Cent said", "10 Downing Street".
    if (q.plain && q.num_tok == begin && end == begin + 1 && t.is_word(end) && t.spaced(end) && t[end].cap &&
        !t[end].upper && head.first == kNone && !t.lex(end).month && !t.has(end, kWeekday))
        return true;
    // A capitalised number word in mid-sentence after a name: "Group of Seven".
    if (q.spelled && t[begin].cap && !t.sentence_start(begin) && t.is(p, t.lexicon().w.of) && p > 0 &&
        t.is_word(p - 1) && t[p - 1].cap)
        return true;
    return false;
}

void set_unit(Found& r, const char* unit) {
    r.has_unit = true;
    r.unit = unit;
}

// Unit from the text, lower-cased (ASCII letters only change).
void set_unit_tokens(const Tokens& t, Found& r, std::size_t first, std::size_t last) {
    r.has_unit = true;
    r.unit = t.layer().document().slice(t[first].start, t[last].end);
    for (char& c : r.unit)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
}

// English plural of a unit noun written in the singular ("10-member").
void pluralize(std::string& w) {
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

// Kind and unit from the expression and its context; false when the
// number is a name, a code or a pronoun and must not be reported.
bool classify(const Tokens& t, const Quantity& q, Qualifier qual, Found& r) {
    const Lexicon::Words& w = t.lexicon().w;
    const std::size_t begin = r.begin, end = r.end;
    const std::size_t prev = begin > 0 ? begin - 1 : kNone;
    const bool plain_start = qual == Qualifier::Exact && !q.currency;

    // List markers at a line start: "1. ", "2) ".
    if (plain_start && t.is_number(begin) && t.sentence_start(begin) && (begin == 0 || t[begin].line_before) &&
        (t.punct(end) == L'.' || t.punct(end) == L')') && t.glued(end) && !(t.is_alnum(end + 1) && t.glued(end + 1))) {
        if (end + 1 >= t.size() || t[end + 1].space_before) return false;
    }
    // "No. 5", "#5", "number 5": a rank or an identifier.
    if (plain_start && prev != kNone &&
        (t.punct(prev) == L'#' || t.is(prev, w.number) ||
         (t.punct(prev) == L'.' && prev > 0 && t.is(prev - 1, w.no) && t.glued(prev))))
        return false;

    r.kind = Kind::Count;
    Span head{kNone, kNone};
    if (q.percent) {
        r.kind = Kind::Percent;
        set_unit(r, q.points ? "percentage points" : "percent");
    } else if (q.currency) {
        r.kind = Kind::Money;
        r.currency = q.currency;
        set_unit(r, q.currency_unit);
    } else if (q.kind == Kind::Measure && q.unit && std::string_view(q.unit) == "m" && q.num_tok != kNone &&
               ((head = find_head(t, end, false, false)).first != kNone ||
                ((!t.is_word(end) || !t.spaced(end)) && !metres_context(t, q.num_tok, prev)))) {
        // "200m people", "a population of 200m.": millions, not metres
        // (metres come with a singular noun or adjective: "100m sprint").
        r.kind = Kind::Count;
        r.value *= 1e6;
        if (r.range) r.value_max *= 1e6;
        if (head.first != kNone) set_unit_tokens(t, r, head.first, head.second);
    } else if (q.kind != Kind::None) {
        r.kind = q.kind;
        if (q.kind == Kind::Year || q.kind == Kind::Time) {
            // no unit
        } else if (q.unit) {
            set_unit(r, q.unit);
        }
    } else if (q.strong) {
        head = find_head(t, end, false, true);  // a 2,700-strong audience -> audience
        if (head.first != kNone) set_unit_tokens(t, r, head.first, head.second);
    } else if (q.unit_tok != kNone) {
        set_unit_tokens(t, r, q.unit_tok, q.unit_tok);  // a 10-member team -> members
        pluralize(r.unit);
    } else if (const char* time_unit = t.spaced(end) ? t.lex(end).time_unit : nullptr) {
        // "five days old", "a baby aged 11 months"
        const bool age = (t.is(end + 1, w.old) && t.spaced(end + 1)) || age_context(t, begin);
        r.kind = age ? Kind::Age : Kind::Duration;
        set_unit(r, time_unit);
    } else if (const char* measure = t.spaced(end) ? t.lex(end).measure_unit : nullptr) {
        r.kind = Kind::Measure;
        set_unit(r, measure);
    } else if ((t.is(end, w.square) || t.is(end, w.cubic)) && t.spaced(end) && t.spaced(end + 1) &&
               t.lex(end + 1).measure_unit) {
        r.kind = Kind::Measure;
        r.has_unit = true;
        r.unit = (t.is(end, w.square) ? "square " : "cubic ") + std::string(t.lex(end + 1).measure_unit);
    } else if (age_context(t, begin)) {
        r.kind = Kind::Age;
    } else if (is_appositive_age(t, q, begin, end)) {
        r.kind = Kind::Age;  // "The minister, 54, resigned", "Jose Gomez (35)"
    } else {
        head = find_head(t, end, q.vague || q.half || q.fraction, q.value == 1);
        const bool after_month = prev != kNone && t.lex(prev).month && (t[prev].cap || t[prev].upper);
        const bool year_like = q.plain && !q.spelled && q.scale == 1 && !r.range && q.value >= 1000 &&
                               q.value <= 2100 && q.num_tok != kNone && t.digit_count(q.num_tok) == 4 &&
                               (qual == Qualifier::Exact || qual == Qualifier::About);
        // "the 2026 midterm elections", "Trump's 2017 tax cuts": a year
        // names which elections; "2000 soldiers" counts them.
        const bool determiner_before =
            prev != kNone && (t.has(prev, kYearDeterminer) || (t.is(prev, w.s) && t.apostrophe(prev - 1)));
        // Before a plural noun a year needs a strong cue: "in 2019", "the
        // 2026 elections", "the 1998 attacks"; "the 1500 soldiers" and
        // "a force of 2000 troops" count (round or pre-1900 numbers).
        const bool weak_prep = prev != kNone && t.has(prev, kWeakYearPrep);
        const bool strong_prep = prev != kNone && t.has(prev, kYearPreposition) && !weak_prep;
        const bool year_head = head.first != kNone && t.has(head.second, kYearNoun);
        const bool year_number = q.value >= 1900 && std::fmod(q.value, 100) != 0;
        if (year_like && (head.first == kNone || after_month || strong_prep || year_head ||
                          ((determiner_before || weak_prep) && year_number))) {
            r.kind = Kind::Year;
            head = {kNone, kNone};
        } else if (r.range && q.plain && q.value >= 1000 && q.value <= 2100 && r.value_max <= 2100 &&
                   q.num_tok != kNone && t.digit_count(q.num_tok) == 4 && head.first == kNone) {
            r.kind = Kind::Year;  // 2014-2019
        }
        // "when she turned 40"
        if (r.kind == Kind::Count && head.first == kNone && !r.range && q.plain && q.value >= 1 && q.value <= 120 &&
            prev != kNone && t.has(prev, kTurned))
            r.kind = Kind::Age;
        if (head.first != kNone) {
            if (const CurrencyInfo* cw = t.lex(head.second).currency_word) {  // "millions of dollars"
                r.kind = Kind::Money;
                r.currency = cw->code;
                set_unit(r, cw->unit);
            } else {
                set_unit_tokens(t, r, head.first, head.second);
            }
        }
    }

    if (plain_start && !r.range) {
        // "one" as a pronoun: "no one", "the one with", "one of them", "at one point".
        if (q.lone_one && r.kind == Kind::Duration) {
            // "One day, she ..." means some day; "for one day", "one day later" are durations.
            const bool duration_cue = (prev != kNone && t.has(prev, kDurationBefore)) || t.has(end + 1, kDurationAfter);
            if (t.has(end, kVagueTime) && !duration_cue) return false;
            return !is_name_part(t, q, r, begin, end, head);
        }
        if (q.lone_one) {
            if (prev != kNone && t.has(prev, kPronounOneBefore)) return false;
            // After a preposition it is a determiner: "in one room", "at one point".
            if (prev != kNone && t.has(prev, kPreposition)) return false;
            if (!r.has_unit) return false;
        }
        return !is_name_part(t, q, r, begin, end, head);
    }
    return true;
}

// ---- the decision at one position -----------------------------------

bool try_at(const Tokens& t, std::size_t i, Found& f) {
    const Lexicon::Words& w = t.lexicon().w;
    if (t[i].type == TokType::Masked) return false;
    if (try_date(t, i, f)) return true;

    Qualifier qual = Qualifier::Exact;
    Quantity q, q2;
    bool have = false;
    std::size_t after_qual = match_qualifier(t, i, qual);
    // "from 3 to 4 million" is a range like "between 5 and 10"; after a
    // verb of change ("rose from 3 to 4") it is two values.
    if (after_qual == i && t.is(i, w.from) && !change_in_clause(t, i)) {
        after_qual = i + 1;
        qual = Qualifier::Between;
    }
    if (after_qual > i && t.near(after_qual)) {
        have = parse_quantity(t, after_qual, q) && !q.vague && !q.ordinal;
        // "about a 20-minute trek": an article between qualifier and a compound.
        if (!have && (t.is(after_qual, w.a) || t.is(after_qual, w.an))) {
            have = parse_quantity(t, after_qual + 1, q) && !q.vague && !q.spelled &&
                   (q.kind == Kind::Duration || q.kind == Kind::Measure || q.kind == Kind::Age);
        }
        if (have) q.begin = i;
    }
    if (!have) {
        qual = Qualifier::Exact;
        if (!parse_quantity(t, i, q)) return false;
    }
    if (q.ordinal) {
        f = ordinal_found(t, q);
        return true;
    }
    const bool between = qual == Qualifier::Between;
    // "rose from 5 to 10", "fell $2.86 to $41.32": a change, both values
    // stay separate. After a verb of change "X to Y" is still a range when
    // only Y carries the unit or scale: "rose 20 to 30 percent".
    const bool after_from = qual == Qualifier::Exact && i > 0 && t.is(i - 1, w.from);
    const Quantity alone = q;
    int range = after_from ? 0 : parse_range(t, q, q2, between);
    if (range > 0 && qual == Qualifier::Exact && after_change_verb(t, i)) {
        const bool shared = !alone.percent && !alone.currency && alone.scale == 1 && (q2.scale == 1 || q.scale > 1);
        if (!shared) {
            q = alone;
            range = 0;
        }
    }
    if (range > 0 && is_score(t, q, q2)) range = -1;
    if (range < 0) {
        f.emit = false;  // a score or a code: skip both numbers
        f.next = q2.end;
        return true;
    }
    if (between && range == 0) return false;  // "between" without "and N": retry without it
    if (range > 0 && day_range(t, q, q2, f)) return true;
    Found r;
    r.begin = q.begin;
    r.end = range > 0 ? q2.end : q.end;
    r.next = r.end;
    r.value = q.value;
    r.range = range > 0;
    r.value_max = range > 0 ? q2.value : 0;
    r.qualifier = r.range ? Qualifier::Range : q.vague ? Qualifier::Vague : qual;
    if (r.qualifier == Qualifier::Exact && q.plus) r.qualifier = Qualifier::Over;
    if (!classify(t, q, qual, r)) {
        f.emit = false;
        f.next = r.end;
        return true;
    }
    r.emit = true;
    f = std::move(r);
    return true;
}

Value json_number(double v) {
    // Round away binary noise from scaling (1.6 * 1e6) and print whole
    // numbers as integers.
    const double r = std::round(v);
    if (std::fabs(v - r) < 1e-6 * std::max(1.0, std::fabs(v)) && std::fabs(r) < 9e15)
        return static_cast<std::int64_t>(r);
    return v;
}

Mention to_mention(const Tokens& t, const Found& f) {
    Mention m;
    m.start = t[f.begin].start;
    m.end = t[f.end - 1].end;
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

class NumbersExtractor : public Extractor {
public:
    NumbersExtractor() : masker_(lexicon_) {}

    void extract(const Context& ctx, std::vector<Mention>& out) const override {
        const Tokens t(ctx.layer(), lexicon_, masker_);
        std::size_t i = 0;
        while (i < t.size()) {
            if (!t[i].starts) {  // most tokens: nothing can start there
                ++i;
                continue;
            }
            Found f;
            if (try_at(t, i, f)) {
                if (f.emit) out.push_back(to_mention(t, f));
                i = f.next > i ? f.next : i + 1;
            } else {
                ++i;
            }
        }
    }

private:
    Lexicon lexicon_;  // before masker_, which reads it
    Masker masker_;
};

}  // namespace
}  // namespace newslens::numbers

using NumbersExtractor = newslens::numbers::NumbersExtractor;
NEWSLENS_PLUGIN("numbers", "Quantities: counts, money, percentages, dates, ages, durations, with value and qualifier",
                NumbersExtractor);
