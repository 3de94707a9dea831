#include "quantity.h"

#include <cstdlib>

namespace newslens::numbers {

namespace {

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
        if (t.is_punct(k) && chars::is_dash(t.punct(k)) && t.glued(k) && last == Tens && t.glued(k + 1) &&
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
    const bool hyphen = t.is_punct(k) && chars::is_dash(t.punct(k)) && t.glued(k) && t.glued(k + 1) && num_word(t, j);
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
    if (t.is_punct(after) && chars::is_dash(t.punct(after)) && t.glued(after)) return false;  // a quarter-final
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

}  // namespace

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

}  // namespace newslens::numbers
