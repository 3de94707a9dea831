#include "kind.h"

#include <cmath>
#include <string>
#include <string_view>

#include "dates.h"
#include "document.h"
#include "noun.h"

namespace newslens::numbers {

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
    const bool cap_before = q.begin > 0 && t.is_word(p) && t.cap(p) && !t.sentence_start(p) && !t.lex(p).month;
    const bool cap_after = t.is_word(q.end) && t.spaced(q.end) && t.cap(q.end) && !t.lex(q.end).month;
    f.emit = !cap_before && !cap_after;
    return f;
}

namespace {

// "aged 6", "at the age of 87", "how old she is: Six".
bool age_context(const Tokens& t, std::size_t begin) {
    const Lexicon::Words& w = t.lexicon().w;
    if (begin == 0 || !t.near(begin)) return false;
    const std::size_t p = begin - 1;
    if (t.has(p, kAgeWord)) return true;
    if (t.is(p, w.of) && p > 0 && t.is(p - 1, w.age)) return true;
    // The answer right after a "how old" question in the same sentence.
    if (t.punct(p) == L':' || t.has(p, kIsWas)) {
        for (std::size_t k = p, n = 0; k > 0 && n < 8 && !t.line_before(k); --k, ++n) {
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
    // "jumped 30ft (10m)": a conversion of a length in brackets.
    if (prev != kNone && t.punct(prev) == L'(' && prev > 0 && (t.lex(prev - 1).measure_unit || t.lex(prev - 1).glued_measure))
        return true;
    return prev != kNone && t.has(prev, kMetresBefore);
}

// "peaked at 11.9m and": one decimal is a count of millions, as news
// writes it (distances come whole, "100m", or in centimetres, "13.77m").
bool millions_decimal(const Tokens& t, std::size_t num_tok, std::size_t prev) {
    return t.decimals(num_tok) == 1 && !(prev != kNone && (t.has(prev, kMetresBefore) || t.punct(prev) == L'('));
}

// "the 100m and 200m titles": after a distance in metres, joined by "and",
// "or" or a comma, the second is metres too.
bool metres_partner(const Tokens& t, std::size_t begin) {
    const Lexicon::Words& w = t.lexicon().w;
    if (begin < 3) return false;
    const std::size_t p = begin - 1;
    if (!(t.is(p, w.and_) || t.is(p, w.or_) || t.punct(p) == L',')) return false;
    return t.is(p - 1, w.m) && t.glued(p - 1) && t.is_number(p - 2) && !t.lex(p - 3).currency_symbol;
}

// "1.8m tall", "a wall 3.5m high": an adjective of size after the number
// makes it a length (not "a 2m long-term loan").
bool size_after(const Tokens& t, std::size_t end) {
    return t.spaced(end) && t.is_word(end) && t.lex(end).dimension && !(t.is_punct(end + 1) && t.glued(end + 1) &&
                                                                         chars::is_dash(t.punct(end + 1)));
}

// A bare age set off after a name or noun: "Gomez, 35, said", "Gomez (35)".
bool is_appositive_age(const Tokens& t, const Quantity& q, std::size_t begin, std::size_t end) {
    if (!q.plain || q.spelled || q.num_tok != begin || end != begin + 1 || q.value < 1 || q.value > 120) return false;
    if (begin < 2 || !t.is_word(begin - 2)) return false;
    const wchar_t open = t.punct(begin - 1), close = t.punct(end);
    // "with Eileen Lee, 24." ends a sentence after a name.
    const bool name_then_stop = open == L',' && (close == L'.' || close == L';') && t.glued(end) && t.cap(begin - 2);
    return (open == L',' && close == L',') || name_then_stop ||
           (open == L'(' && close == L')' && t.glued(begin) && t.glued(end));
}

// Numbers inside names and codes: "Flight 302", "Boeing 737 MAX",
// "Group of Seven", "Formula One".
bool is_name_part(const Tokens& t, const Quantity& q, const Found& r, std::size_t begin, std::size_t end, Span head) {
    if (r.kind == Kind::Year || r.kind == Kind::Money || r.kind == Kind::Percent || r.kind == Kind::Time ||
        (r.kind == Kind::Measure && q.kind == Kind::Measure))  // "Add 250ml": a unit written with the number
        return false;
    if (begin == 0 || t.line_before(begin)) return false;
    const std::size_t p = begin - 1;
    // A capitalised word right before the number that is no function
    // word ("Flight 302", "Apollo 11"; but "Only 3", "In 2019").
    const bool cap_before = t.is_word(p) && t.cap(p) && !t.lex(p).month && !t.has(p, kWeekday) &&
                            !(t.sentence_start(p) && (t.has(p, kStopWord) || t.has(p, kSentenceOpener)));
    if (cap_before) {
        // A code written right after: "737 MAX".
        const bool caps_after = t.is_word(end) && t.spaced(end) && t.upper(end) && t.length(end) > 1;
        // Title case keeps counts: "Colombia Says 326 Venezuelan Army Deserters".
        const bool title_case_count = head.first != kNone && t.cap(head.first) && t.space_before(p);
        return caps_after || !title_case_count;
    }
    // A capitalised number word before a capitalised word in mid-sentence: "four Six Nations captains".
    if (q.spelled && t.cap(begin) && !t.sentence_start(begin) && t.is_word(end) && t.spaced(end) && t.cap(end) &&
        !(t.is_word(p) && t.cap(p) && !t.sentence_start(p)))
        return true;
    // A title after a name's possessive, with no counted noun: "displacing Ocean's 12."
    // (not "She's 17", "Ireland's 3:49.78")
    const wchar_t after = t.glued(end) ? t.punct(end) : L' ';
    if (q.plain && q.num_tok == begin && head.first == kNone && begin > 2 && t.is(p, t.lexicon().w.s) &&
        t.apostrophe(p - 1) && t.glued(p) && t.is_word(p - 2) && t.cap(p - 2) && !t.has(p - 2, kStopWord) &&
        !t.sentence_start(p - 2) && !t.is_word(end) && std::wstring_view(L" .,;!?)").find(after) != std::wstring_view::npos)
        return true;
    // A model or code: "the 7610's functions" (a possessive after a number
    // that is no year), "numbers such as 0870" (a leading zero).
    if (q.plain && q.num_tok == begin && end == begin + 1 && r.kind == Kind::Count) {
        // (decades stay: "70's and 80's music")
        const bool decade = t.digit_count(begin) == 2 && std::fmod(q.value, 10) == 0;
        if (t.apostrophe(end) && t.glued(end) && t.is(end + 1, t.lexicon().w.s) && (q.value < 1000 || q.value > 2100) &&
            !decade)
            return true;
        const std::wstring_view digits = t.folded(begin);
        if (digits.size() >= 2 && digits[0] == L'0' && digits.find_first_not_of(L'0') != std::wstring_view::npos &&
            !(digits.size() == 4 && q.value < 1000 && std::fmod(q.value, 100) < 60))
            return true;
    }
    // Digits before a capitalised word that is no counted noun: "50 Cent said", "10 Downing Street"
    // (but "43 Celsius": a temperature scale is written with a capital).
    const char* scale = t.lex(end).measure_unit;
    const bool temperature = scale && std::string_view(scale).substr(0, 8) == "degrees ";
    if (q.plain && q.num_tok == begin && end == begin + 1 && t.is_word(end) && t.spaced(end) && t.cap(end) &&
        !t.upper(end) && head.first == kNone && !t.lex(end).month && !t.has(end, kWeekday) && !temperature)
        return true;
    // A capitalised number word in mid-sentence after a name: "Group of Seven".
    if (q.spelled && t.cap(begin) && !t.sentence_start(begin) && t.is(p, t.lexicon().w.of) && p > 0 &&
        t.is_word(p - 1) && t.cap(p - 1))
        return true;
    return false;
}

// A unit name of several words after a space at token k, or null.
const NamePhrase* unit_name_at(const Tokens& t, std::size_t k) {
    const NamePhrase* name = nullptr;
    if (!t.spaced(k) || match_name(t, k, name) == k || name->currency) return nullptr;
    return name;
}

// "5 feet 2 inches", "6ft 2in", "5 ft and 2 in": inches after feet join
// the value (in feet). k: the token after the feet. Sets r.end and r.next.
void feet_and_inches(const Tokens& t, std::size_t k, Found& r) {
    const Lexicon::Words& w = t.lexicon().w;
    std::size_t n = k;
    if (t.is(n, w.and_) && t.spaced(n)) ++n;
    if (!t.spaced(n) || !t.is_number(n) || !t.plain(n) || t.digits_value(n) >= 12) return;
    const std::size_t u = n + 1;
    const bool inches = t.is_word(u) && (t.is(u, w.in) || t.is(u, w.inch) || t.is(u, w.inches)) &&
                        (t.glued(u) || t.spaced(u)) && !(t.is_alnum(u + 1) && t.glued(u + 1));
    if (!inches || r.range) return;
    r.value += t.digits_value(n) / 12;
    r.end = r.next = u + 1;
}

void set_unit(Found& r, const char* unit) {
    r.has_unit = true;
    r.unit = unit;
}

// Unit from the text, lower-cased (ASCII letters only change).
void set_unit_tokens(const Tokens& t, Found& r, std::size_t first, std::size_t last) {
    r.has_unit = true;
    r.unit = t.layer().document().slice(t.start(first), t.end(last));
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

}  // namespace

// Kind and unit from the expression and its context; false when the
// number is a name, a code or a pronoun and must not be reported.
bool classify(const Tokens& t, const Quantity& q, Qualifier qual, Found& r) {
    const Lexicon::Words& w = t.lexicon().w;
    const std::size_t begin = r.begin, end = r.end;
    const std::size_t prev = begin > 0 ? begin - 1 : kNone;
    const bool plain_start = qual == Qualifier::Exact && !q.currency;

    // List markers at a line start: "1. ", "2) ".
    if (plain_start && t.is_number(begin) && t.sentence_start(begin) && (begin == 0 || t.line_before(begin)) &&
        (t.punct(end) == L'.' || t.punct(end) == L')') && t.glued(end) && !(t.is_alnum(end + 1) && t.glued(end + 1))) {
        if (end + 1 < t.size() && t.space_before(end + 1)) return false;  // ("192." alone is a number)
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
               !metres_partner(t, begin) && !size_after(t, end) &&
               ((head = find_head(t, end, false, false)).first != kNone ||
                ((!t.is_word(end) || !t.spaced(end) || millions_decimal(t, q.num_tok, prev)) &&
                 !metres_context(t, q.num_tok, prev)))) {
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
            if (std::string_view(q.unit) == "feet" && q.num_tok != kNone) feet_and_inches(t, end, r);  // 6ft 2in
        }
    } else if (q.strong) {
        head = find_head(t, end, false, true);  // a 2,700-strong audience -> audience
        if (head.first != kNone) set_unit_tokens(t, r, head.first, head.second);
    } else if (q.unit_tok != kNone) {
        set_unit_tokens(t, r, q.unit_tok, q.unit_tok);  // a 10-member team -> members
        pluralize(r.unit);
    } else if (const char* time_unit = t.spaced(end) ? t.lex(end).time_unit : nullptr) {
        // "five days old", "a baby aged 11 months", "18 months of age"
        // "3 years of age", "at six weeks of age"
        const bool of_age = t.is(end + 1, w.of) && t.is(end + 2, w.age) && t.spaced(end + 1) && t.spaced(end + 2);
        const bool age = (t.is(end + 1, w.old) && t.spaced(end + 1)) || of_age || age_context(t, begin);
        r.kind = age ? Kind::Age : Kind::Duration;
        set_unit(r, time_unit);
    } else if (const NamePhrase* name = unit_name_at(t, end)) {
        r.kind = Kind::Measure;  // "16,000 metric tons", "20 degrees Celsius"
        set_unit(r, name->unit);
    } else if (const char* measure = t.spaced(end) ? t.lex(end).measure_unit : nullptr) {
        r.kind = Kind::Measure;
        set_unit(r, measure);
        if (t.is(end, w.ft) || t.is(end, w.feet)) feet_and_inches(t, end + 1, r);  // "5 feet 2 inches"
        // "five degrees below zero" is -5; "below zero" is no number of its own.
        if (t.is(end + 1, w.below) && t.is(end + 2, w.zero) && t.spaced(end + 1) && t.spaced(end + 2) && r.value > 0) {
            r.value = -r.value;
            r.next = end + 3;
        }
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
        if (names_year(t, q, qual, r, head)) {
            r.kind = Kind::Year;
            head = {kNone, kNone};
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

    // "the 9-11 Commission": a small pair before a name is a name.
    if (r.range && q.plain && q.num_tok == begin && r.value_max < 100 && t.punct(begin + 1) == L'-' &&
        t.glued(begin + 1) && end == begin + 3 && t.is_word(end) && t.spaced(end) && t.cap(end) &&
        !t.lex(end).month && !t.sentence_start(end))
        return false;
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
            // "we had to develop one ourselves", "one known as X": a pronoun.
            if (t.is_word(end) && (ends_with(t.folded(end), L"self") || ends_with(t.folded(end), L"selves")))
                return false;
            if (head.first == end && head.second == end &&
                (ends_with(t.folded(end), L"ed") || ends_with(t.folded(end), L"wn")))
                return false;
            // After a preposition it is a determiner: "in one room", "at one point".
            if (prev != kNone && t.has(prev, kPreposition)) return false;
            if (!r.has_unit) return false;
        }
        return !is_name_part(t, q, r, begin, end, head);
    }
    return true;
}

}  // namespace newslens::numbers
