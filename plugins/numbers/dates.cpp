#include "dates.h"

#include <cmath>

namespace newslens::numbers {

namespace {

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

// A day of the month at token k: one or two plain digits from 1 to 31, with
// an ordinal suffix glued to them ("24th") if a word is. Returns the token
// after it, or kNone.
std::size_t day_end(const Tokens& t, std::size_t k, double& day) {
    day = t.digits_value(k);
    if (day < 1 || day > 31) return kNone;
    std::size_t end = k + 1;
    if (t.is_word(end) && t.glued(end)) {
        if (!t.has(end, kOrdinalSuffix)) return kNone;
        ++end;
    }
    return end;
}

}  // namespace

bool try_date(const Tokens& t, std::size_t i, Found& f) {
    // February 24 / Feb. 24th
    if (t.lex(i).month) {
        // "may" and "march" are words too: only capitalised are they months.
        if (t.has(i, kCapitalMonth) && !t.cap(i)) return false;
        std::size_t k = i + 1;
        if (t.has(i, kMonthAbbrev) && t.punct(k) == L'.' && t.glued(k)) ++k;
        if (t.is_number(k) && t.spaced(k) && t.plain(k) && t.digit_count(k) <= 2) {
            double day = 0;
            const std::size_t end = day_end(t, k, day);
            if (end == kNone) return false;
            if (t.is_alnum(end) && t.glued(end)) return false;
            if (t.punct(end) == L':' && t.glued(end)) return false;  // a time, not a day
            f = date_found(i, end, day);
            return true;
        }
        return false;
    }
    // 17/5/2018, 5/17/2018: the day is the part above 12, else the first
    // (day before month, as British and most news write it).
    if (t.is_number(i) && t.plain(i) && t.digit_count(i) <= 2 && t.punct(i + 1) == L'/' && t.glued(i + 1) &&
        t.is_number(i + 2) && t.glued(i + 2) && t.plain(i + 2) && t.digit_count(i + 2) <= 2 && t.punct(i + 3) == L'/' &&
        t.glued(i + 3) && t.is_number(i + 4) && t.glued(i + 4) && t.plain(i + 4) &&
        (t.digit_count(i + 4) == 4 || t.digit_count(i + 4) == 2) && !(t.glued(i) && t.is_alnum(i - 1)) &&
        !(t.glued(i + 5) && (t.is_alnum(i + 5) || t.punct(i + 5) == L'/'))) {
        const double a = t.digits_value(i), b = t.digits_value(i + 2);
        if (a >= 1 && b >= 1 && a <= 31 && b <= 31 && (a <= 12 || b <= 12)) {
            f = date_found(i, i + 5, a > 12 || b <= 12 ? a : b);
            return true;
        }
    }
    // 24 February / 24th of February
    if (t.is_number(i) && t.plain(i) && t.digit_count(i) <= 2 && !(t.glued(i) && t.is_alnum(i - 1))) {
        double day = 0;
        std::size_t k = day_end(t, i, day);
        if (k == kNone) return false;
        if (t.is(k, t.lexicon().w.of) && t.spaced(k)) ++k;
        if (t.spaced(k) && t.lex(k).month) {
            if (t.has(k, kCapitalMonth) && !t.cap(k)) return false;
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
    if (!t.spaced(m) || !t.lex(m).month || !(t.cap(m) || t.upper(m))) return false;
    std::size_t end = m + 1;
    if (t.has(m, kMonthAbbrev) && t.punct(end) == L'.' && t.glued(end)) ++end;
    f = date_found(q1.begin, end, q1.value);
    f.range = true;
    f.value_max = q2.value;
    f.qualifier = Qualifier::Range;
    return true;
}

// A plain four-digit number that names a year rather than counting:
// "in 2019", "the 2026 elections", "May 1998", and a range "2014-2019".
// `head` is the counted noun found after it (kNone when there is none).
bool names_year(const Tokens& t, const Quantity& q, Qualifier qual, const Found& r, Span head) {
    const Lexicon::Words& w = t.lexicon().w;
    const std::size_t prev = r.begin > 0 ? r.begin - 1 : kNone;
    const bool after_month = prev != kNone && t.lex(prev).month && (t.cap(prev) || t.upper(prev));
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
                      ((determiner_before || weak_prep) && year_number)))
        return true;
    return r.range && q.plain && q.value >= 1000 && q.value <= 2100 && r.value_max <= 2100 &&
           q.num_tok != kNone && t.digit_count(q.num_tok) == 4 && head.first == kNone;  // 2014-2019
}

}  // namespace newslens::numbers
