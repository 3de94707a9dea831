// What is written around a number: the currency before it, and after it
// the percent sign or word, a currency word or code, "-plus", a hyphen
// compound ("20-minute", "10-member") and a clock suffix (a.m., 0900 GMT).
#include <cmath>
#include <vector>

#include "quantity.h"

namespace newslens::numbers {

std::size_t match_name(const Tokens& t, std::size_t k, const NamePhrase*& name) {
    const Entry& e = t.lex(k);
    if (!t.is_word(k) || e.name_count == 0) return k;
    const std::vector<NamePhrase>& names = t.lexicon().names();
    for (std::size_t p = e.name_first; p < e.name_first + e.name_count; ++p) {  // longest first
        const NamePhrase& n = names[p];
        std::size_t n_at = 0;
        while (n_at < n.size && t.is(k + n_at, n.words[n_at]) && (n_at == 0 || t.spaced(k + n_at))) ++n_at;
        if (n_at == n.size) {
            name = &n;
            return k + n.size;
        }
    }
    return k;
}

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
    if (e.dollar_prefix && t.punct(i + 1) == L'$' && t.glued(i + 1) && t.is_number(i + 2) && t.glued(i + 2)) {
        q.currency = e.dollar_prefix->code;
        q.currency_unit = e.dollar_prefix->unit;
        return i + 2;
    }
    // USD 5, USD4.25, MAUD 60 (codes only count in capitals: "try" is a
    // word, "TRY" a code).
    if (e.currency_code && t.upper(i) && t.is_number(i + 1) && t.near(i + 1)) {
        q.currency = e.currency_code->code;
        q.currency_unit = e.currency_code->unit;
        if (e.code_scale) q.scale = e.code_scale;
        return i + 1;
    }
    return i;
}

namespace {

// The hundredths after an amount: "3 dollars 50 cents", "thirteen dollars
// and forty-five cents", "15 dollars 50." Without a subunit word only a
// bare number ends the amount ("15 dollars 20 people" is two numbers), and
// only after a currency word. Returns the token after them, or k.
std::size_t subunits(const Tokens& t, std::size_t k, Quantity& q, bool word_after) {
    if (q.value != std::floor(q.value) || q.scale != 1) return k;
    std::size_t s = k;
    if (t.is(s, t.lexicon().w.and_) && t.spaced(s)) ++s;
    if (!t.spaced(s) || !(t.is_number(s) || t.lex(s).small >= 0 || t.lex(s).tens)) return k;
    Quantity sub;
    if (!parse_quantity(t, s, sub) || sub.value < 1 || sub.value >= 100 || sub.value != std::floor(sub.value) ||
        sub.scale != 1 || sub.percent || sub.kind != Kind::None)
        return k;
    std::size_t end = sub.end;
    if (sub.currency) {
        if (!(sub.end > s && t.lex(sub.end - 1).subunit)) return k;  // "50 cents"
    } else if (t.spaced(end) && t.lex(end).subunit) {
        ++end;  // "30 cent"
    } else if (!word_after || t.is_alnum(end)) {
        return k;
    }
    q.value += sub.value / 100;
    return end;
}

}  // namespace

namespace {
bool spaced_scale_word(const Tokens& t, std::size_t k) { return t.spaced(k) && t.lex(k).scale >= 1e3; }

// Four plain digits that read as a 24-hour clock: under 2400, minutes under 60.
bool clock_digits(const Tokens& t, std::size_t i) {
    if (!t.is_number(i) || !t.plain(i) || t.digit_count(i) != 4) return false;
    const double v = t.digits_value(i);
    return v < 2400 && std::fmod(v, 100) < 60;
}

// Token i and the number two tokens before or after it, joined by "and" or
// "to", are both 24-hour clocks and one is written with a leading zero: "a
// curfew between 2200 and 0700", "from 0800 to 1730".
bool clock_pair(const Tokens& t, std::size_t i) {
    const Lexicon::Words& w = t.lexicon().w;
    auto pair = [&](std::size_t a) {  // the numbers a and a + 2
        const bool joined = (t.is(a + 1, w.and_) || t.is(a + 1, w.to)) && t.spaced(a + 1) && t.spaced(a + 2);
        return joined && clock_digits(t, a) && clock_digits(t, a + 2) &&
               (t.folded(a)[0] == L'0' || t.folded(a + 2)[0] == L'0');
    };
    return pair(i) || (i >= 2 && pair(i - 2));
}
}  // namespace

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
        } else if (t.spaced(k) && t.is(k, w.percentage) && t.punct(k + 1) == L'-' && t.glued(k + 1) &&
                   t.glued(k + 2) && (t.is(k + 2, w.point) || t.is(k + 2, w.points))) {
            q.percent = q.points = true;  // "a 2 percentage-point rise"
            k += 3;
        } else if (t.spaced(k) && (t.is(k, w.percentage) || t.is(k, w.percents)) &&
                   !(t.is_punct(k + 1) && t.glued(k + 1) && chars::is_dash(t.punct(k + 1)))) {
            q.percent = true;  // "30 percentage", "a hundred percents" (not "a 5 percentage-point rise")
            ++k;
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
            const NamePhrase* name = nullptr;
            const std::size_t name_end = match_name(t, k, name);
            if (t.lex(k).currency_adjective && t.spaced(k + 1) && t.lex(k + 1).currency_word) {
                adjective_code = t.lex(k).currency_adjective;
                ++word;
            }
            if (name_end > k && name->currency && !adjective_code) {
                q.currency = name->currency->code;  // "6.5 billion Spanish pesetas"
                q.currency_unit = name->currency->unit;
                k = subunits(t, name_end, q, true);
            } else if (t.is(k, w.pounds) && q.scale >= 1e6) {
                q.currency = "GBP";  // "361 million pounds" is money, "361 pounds" may weigh
                q.currency_unit = "pounds";
                ++k;
            } else if (const CurrencyInfo* cw = t.lex(word).currency_word) {
                q.currency = adjective_code ? adjective_code : cw->code;
                q.currency_unit = cw->unit;
                k = word + 1;
                if (t.spaced(k) && t.lex(k).subunit && !t.lex(word).subunit) {
                    q.currency_unit = "cents";  // "40 euro cents"
                    ++k;
                } else if (!t.lex(word).subunit) {
                    k = subunits(t, k, q, true);
                }
            } else if (t.upper(k) && t.lex(k).currency_code && !(t.is_number(k + 1) && t.glued(k + 1))) {
                // (not "3 USD50 cards": a code glued to digits is theirs)
                q.currency = t.lex(k).currency_code->code;
                q.currency_unit = t.lex(k).currency_code->unit;
                if (t.lex(k).code_scale && q.scale == 1) {
                    q.value *= t.lex(k).code_scale;  // 120 MEUR
                    q.scale = t.lex(k).code_scale;
                }
                ++k;
                if (q.scale == 1 && spaced_scale_word(t, k)) {
                    q.scale = t.lex(k).scale;  // "75 USD million"
                    q.value *= q.scale;
                    ++k;
                }
                k = subunits(t, k, q, true);  // "17 USD 25"
            } else if (t.is(k, w.pounds) && t.is(k + 1, w.sterling) && t.spaced(k + 1)) {
                q.currency = "GBP";
                q.currency_unit = "pounds";
                k += 2;
            }
        }
    }
    // 5' 10" (and 5′10″): a height in feet and inches.
    if (q.kind == Kind::None && q.plain && !q.currency && !q.percent && q.num_tok != kNone && k == q.num_tok + 1 &&
        q.value <= 8 && (t.apostrophe(k) || t.punct(k) == 0x2032) && t.glued(k) && t.is_number(k + 1) &&
        t.near(k + 1) && t.plain(k + 1) && t.digits_value(k + 1) < 12 && t.glued(k + 2) &&
        (t.punct(k + 2) == L'"' || t.punct(k + 2) == 0x2033 || t.punct(k + 2) == 0x201D)) {
        q.value += t.digits_value(k + 1) / 12;
        q.kind = Kind::Measure;
        q.unit = "feet";
        q.plain = false;
        k += 3;
    }
    // 85°, 20°C, 40 °F: degrees (a temperature when the scale is written).
    if (q.kind == Kind::None && !q.percent && !q.currency && t.punct(k) == L'\u00B0' && t.near(k)) {
        q.kind = Kind::Measure;
        q.unit = "degrees";
        ++k;
        if (t.is_word(k) && t.glued(k) && t.upper(k) && t.length(k) == 1) {
            const wchar_t c = t.folded(k)[0];
            if (c == L'c' || c == L'f') {
                q.unit = c == L'c' ? "degrees Celsius" : "degrees Fahrenheit";
                ++k;
            }
        }
    }
    // 200,000-plus, 50+
    if (t.is_punct(k) && t.glued(k)) {
        if (chars::is_dash(t.punct(k)) && t.is(k + 1, w.plus) && t.glued(k + 1)) {
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
        if (e.subunit && (e.currency_word || t.is(u, w.cent))) {
            // "a 12-cent dividend", "a 5-pence rise": hundredths, as "12 cents" and
            // "5 pence" are ("cent" names US cents, as "cents" does).
            q.currency = e.currency_word ? e.currency_word->code : "USD";
            q.currency_unit = e.currency_word ? e.currency_word->unit : "cents";
            k = u + 1;
        } else if (e.currency_word && !e.subunit) {
            q.currency = e.currency_word->code;  // "a one-yen bid", "a 5-dollar bill"
            q.currency_unit = e.currency_word->unit;
            k = u + 1;
        } else if (e.time_unit) {
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
        } else if (t.upper(u) && t.length(u) > 1) {
            return false;  // 737-MAX: a model name
        } else if (t.is(u, w.strong)) {
            q.strong = true;  // a 2,700-strong crowd
            k = u + 1;
        } else if (e.has(kFractionWord) || q.lone_one || t.is(u, w.time) || t.is(u, w.way)) {
            return false;  // two-thirds, one-sided, two-time, two-way: not a quantity of things
        } else if (!(t.is_punct(u + 1) && t.glued(u + 1) && chars::is_dash(t.punct(u + 1)))) {
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
    // 0900 GMT, 1500 hrs: a 24-hour clock (the zone itself stays outside the span);
    // "between 2200 and 0700": both.
    if (q.kind == Kind::None && q.plain && !q.currency && !q.percent && q.num_tok != kNone && k == q.num_tok + 1 &&
        clock_digits(t, q.num_tok) &&
        ((t.spaced(k) && ((t.upper(k) && t.has(k, kTimeZone)) || t.has(k, kClockWord) ||
                          t.folded(q.num_tok)[0] == L'0')) ||
         clock_pair(t, q.num_tok))) {
        q.value = std::floor(q.value / 100) + std::fmod(q.value, 100) / 60;
        q.kind = Kind::Time;
    }
    q.end = k;
    return true;
}

}  // namespace newslens::numbers
