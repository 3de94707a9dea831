#include "ranges.h"

#include <cmath>
#include <vector>

#include "noun.h"

namespace newslens::numbers {

// Longest qualifier phrase starting at i; returns the token after it.
std::size_t match_qualifier(const Tokens& t, std::size_t i, Qualifier& q) {
    std::size_t best = i;
    const Entry& e = t.lex(i);
    if (!t.is_word(i) || e.phrase_count == 0) return best;
    const std::vector<QualifierPhrase>& phrases = t.lexicon().phrases();
    for (std::size_t p = e.phrase_first; p < e.phrase_first + e.phrase_count; ++p) {
        const QualifierPhrase& phrase = phrases[p];
        // Its first word is token i's (the lexicon groups phrases by their first word).
        std::size_t k = i + 1;
        bool ok = true;
        for (std::size_t n = 1; n < phrase.size; ++n) {
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

std::size_t match_sign_qualifier(const Tokens& t, std::size_t i, Qualifier& q) {
    const wchar_t c = t.punct(i);
    if (c != L'>' && c != L'<' && c != 0x2265 && c != 0x2264) return i;
    // "<>30" (not equal), "=>": no bound; "x>10" is one.
    const wchar_t before = i > 0 && t.glued(i) ? t.punct(i - 1) : 0;
    if (before == L'<' || before == L'>' || before == L'=') return i;
    std::size_t k = i + 1;
    bool or_equal = c == 0x2265 || c == 0x2264;
    if (!or_equal && t.punct(k) == L'=' && t.near(k)) {
        or_equal = true;
        ++k;
    }
    if (!t.near(k)) return i;
    const bool more = c == L'>' || c == 0x2265;
    q = more ? (or_equal ? Qualifier::AtLeast : Qualifier::Over) : (or_equal ? Qualifier::AtMost : Qualifier::Under);
    return k;
}

std::size_t post_qualifier(const Tokens& t, std::size_t k, Qualifier& q) {
    const Lexicon::Words& w = t.lexicon().w;
    if (!(t.is(k, w.or_) || t.is(k, w.and_)) || !t.spaced(k) || !t.spaced(k + 1)) return k;
    std::size_t e = k + 1;
    Qualifier found = Qualifier::Exact;
    if (t.has(e, kOrMore)) {
        found = Qualifier::AtLeast;
    } else if (t.has(e, kOrLess)) {
        found = Qualifier::AtMost;
    } else if (t.is(k, w.or_) && t.is(e, w.so)) {
        found = Qualifier::About;
    } else {
        return k;
    }
    ++e;
    if (found != Qualifier::About && t.is(e, w.than) && t.spaced(e)) ++e;  // "200 or greater than"
    // "five or more than ten", "20 or more 30s": a comparison with another number.
    if (t.near(e) && (t.is_number(e) || t.lex(e).small >= 0 || t.lex(e).tens)) return k;
    q = found;
    return e;
}

bool bound_pair(const Tokens& t, const Quantity& q1, Qualifier qual1, Quantity& q2) {
    const Lexicon::Words& w = t.lexicon().w;
    const bool lower = qual1 == Qualifier::Over || qual1 == Qualifier::AtLeast;
    const bool upper = qual1 == Qualifier::Under || qual1 == Qualifier::AtMost;
    if (!lower && !upper) return false;
    std::size_t k = q1.end;
    if (t.punct(k) == L',' && t.glued(k)) ++k;
    if (t.is(k, w.and_) && t.spaced(k)) ++k;
    if (k == q1.end || !t.spaced(k)) return false;
    Qualifier qual2 = Qualifier::Exact;
    const std::size_t after = match_qualifier(t, k, qual2);
    if (after == k || !t.near(after)) return false;
    const bool other = lower ? (qual2 == Qualifier::Under || qual2 == Qualifier::AtMost)
                             : (qual2 == Qualifier::Over || qual2 == Qualifier::AtLeast);
    if (!other || !parse_quantity(t, after, q2) || q2.vague || q2.ordinal) return false;
    if (q1.percent != q2.percent) return false;
    return lower ? q1.value < q2.value : q2.value < q1.value;
}

bool parse_ratio(const Tokens& t, const Quantity& q1, Quantity& q2) {
    const Lexicon::Words& w = t.lexicon().w;
    auto whole = [](const Quantity& q) {
        return std::fabs(q.value) >= 1 && q.value == std::floor(q.value) && !q.currency &&
               !q.percent && !q.vague && !q.fraction && !q.ordinal && q.kind == Kind::None && q.unit_tok == kNone;
    };
    if (!whole(q1) || q1.scale > 1) return false;
    // "round four in eight attempts": after a noun the number names the round.
    const std::size_t p = q1.begin - 1;
    if (q1.begin > 0 && t.is_word(p) && t.near(q1.begin) && !t.has(p, kStopWord) && !t.has(p, kChangeVerb)) return false;
    std::size_t k = q1.end;
    // "one over three", "2000 over 3" as a sum is written: only at the end
    // of a clause ("300 over two years" is a time).
    const bool over = t.is(k, w.over) && t.spaced(k);
    if ((t.is(k, w.in) || over) && t.spaced(k)) {
        ++k;
    } else if (t.is(k, w.out) && t.is(k + 1, w.of) && t.spaced(k) && t.spaced(k + 1)) {
        k += 2;
    } else {
        return false;
    }
    if (!t.spaced(k) || !parse_quantity(t, k, q2) || !whole(q2) || (q2.value <= q1.value && !over)) return false;
    if (over && t.is_alnum(q2.end)) return false;
    // "aged 5 in 2010", "3 in 10 minutes": a year or a measure, no ratio.
    if (q2.plain && q2.num_tok != kNone && t.digit_count(q2.num_tok) == 4 && q2.scale == 1) return false;
    const Entry& after = t.lex(q2.end);
    return !(t.spaced(q2.end) && (after.time_unit || after.measure_unit || after.currency_word));
}

// "50,000 to 60,000", "5-10", "between 5 and 10", "two or three".
// Returns 1 when q1 became a range, 0 when there is none, -1 when the
// pair is a score or code ("3-1", "2019-20") that must be dropped whole.
int parse_range(const Tokens& t, Quantity& q1, Quantity& q2, bool between) {
    const Lexicon::Words& w = t.lexicon().w;
    const std::size_t k = q1.end;
    if (q1.vague || q1.ordinal || q1.kind == Kind::Time || k >= t.size()) return 0;
    bool hyphen = false;
    if (t.is_punct(k) && (chars::is_dash(t.punct(k)) || t.punct(k) == L'~') && t.punct(k) != 0x2212) {
        // 5-10 or 5 - 10, not "5 -10"
        // "$5m-$7m": the second end may repeat the currency sign.
        const bool sign_again = q1.currency && t.is_punct(k + 1) && t.lex(k + 1).currency_symbol &&
                                t.is_number(k + 2) && t.glued(k + 2);
        if (t.glued(k) != t.glued(k + 1) || !(t.is_number(k + 1) || sign_again) || q1.spelled) return 0;
        hyphen = true;
    } else if ((t.is(k, w.to) || t.is(k, w.through) || t.is(k, w.thru)) && t.spaced(k)) {
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
    for (std::size_t k = i, n = 0; k > 0 && n < 8 && !t.line_before(k); --k, ++n) {
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
    if (!(t.is_punct(dash) && chars::is_dash(t.punct(dash)) && t.glued(dash) && t.glued(dash + 1))) return false;
    if (q1.num_tok == kNone || q1.num_tok + 1 != dash || q2.num_tok != dash + 1 || q2.end != dash + 2) return false;
    if (!t.plain(q1.num_tok) || !t.plain(q2.num_tok)) return false;
    const std::size_t before = q1.num_tok - 1, after = q2.end;
    const bool has_before = q1.num_tok > 0 && !t.line_before(q1.num_tok);
    const bool number_near = (has_before && t.is_number(before)) || (t.is_number(after) && t.near(after));
    const bool names_around = has_before && t.is_word(before) && t.cap(before) && t.is_word(after) && t.near(after) &&
                              t.cap(after);
    const bool from_love = q1.value == 0;  // "from 0-40 down"
    // "6-7 (2-7) 6-2": a tie-break in brackets, and the scores around it.
    const bool tie_break = (has_before && t.punct(before) == L'(' && q1.num_tok > 1 && t.is_number(before - 1) &&
                            t.punct(after) == L')') ||
                           (t.punct(after) == L'(' && t.near(after) && t.is_number(after + 1)) ||
                           (has_before && t.punct(before) == L')' && q1.num_tok > 1 && t.is_number(before - 1));
    return number_near || names_around || from_love || tie_break;
}

}  // namespace newslens::numbers
