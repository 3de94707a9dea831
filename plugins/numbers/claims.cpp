#include "claims.h"

#include <algorithm>
#include <cstdio>
#include <string_view>

#include "article_date.h"
#include "chars.h"

namespace newslens::numbers {
namespace {

using namespace std::string_view_literals;

constexpr std::size_t kMaxPeriodWords = 12;  // "since the latest violence in the country erupted on 7 July"
constexpr std::size_t kMaxSpanWords = 3;     // "over the past three weeks"
constexpr std::size_t kMaxClauseWords = 40;  // looked at either side of a number for its period

// Days since 1970-01-01 of a civil date, and back (H. Hinnant's algorithms).
long days_from_civil(long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

std::string iso_of_days(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = static_cast<long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04ld-%02u-%02u", y, m, d);
    return buf;
}

// Monday 0 ... Sunday 6 (1970-01-01 was a Thursday).
int weekday_of(long days) { return static_cast<int>(((days % 7) + 7 + 3) % 7); }

bool parse_iso(const std::string& s, long& y, unsigned& m, unsigned& d) {
    if (!valid_iso_date(s)) return false;
    auto digits = [&](std::size_t at, std::size_t n) {
        unsigned v = 0;
        for (std::size_t i = at; i < at + n; ++i) v = v * 10 + static_cast<unsigned>(s[i] - '0');
        return v;
    };
    y = static_cast<long>(digits(0, 4));
    m = digits(5, 2);
    d = digits(8, 2);
    return true;
}

Value offset_or_null(const Value& v) { return v.is_number() ? v : Value(); }

// The fields of one of the quotes plugin's annotations (docs/plugins.md), read in one pass.
struct Attribution {
    const Value* source = nullptr;
    const Value* source_start = nullptr;
    const Value* source_end = nullptr;
    std::size_t said_start = 0, said_end = 0;  // empty: none
    std::size_t cue_start = 0, cue_end = 0;    // empty: none
    explicit Attribution(const Fields& f) {
        auto offset = [](const Value& v) { return v.is_number() ? static_cast<std::size_t>(v.as_int()) : 0; };
        for (const auto& [key, value] : f) {
            if (key.size() < 6 || (key[0] != 's' && key[0] != 'c')) continue;  // kind, verb
            const std::string_view k = key;
            if (k == "source") source = &value;
            else if (k == "source_start") source_start = &value;
            else if (k == "source_end") source_end = &value;
            else if (k == "said_start") said_start = offset(value);
            else if (k == "said_end") said_end = offset(value);
            else if (k == "cue_start") cue_start = offset(value);
            else if (k == "cue_end") cue_end = offset(value);
        }
    }
};

}  // namespace

void ClaimFields::add(std::uint32_t flags, std::initializer_list<const wchar_t*> words) {
    for (const wchar_t* w : words) {
        const WordId id = Vocabulary::global().intern_text(w);
        if (id >= flags_.size()) flags_.resize(id + 1, 0);
        flags_[id] |= flags;
    }
}

ClaimFields::ClaimFields() {
    add(kClauseWord, {L"where", L"while", L"whilst", L"which", L"who", L"whom", L"whose", L"although", L"though",
                      L"because", L"whereas", L"when", L"but", L"unless", L"if"});
    add(kTimeNoun, {L"day", L"days", L"week", L"weeks", L"month", L"months", L"year", L"years", L"decade",
                    L"decades", L"quarter", L"quarters", L"season", L"hours", L"hour", L"fortnight", L"weekend",
                    L"century", L"period", L"half", L"spring", L"summer", L"autumn", L"winter", L"session", L"term"});
    add(kSpanPrep | kPeriodStart, {L"in", L"over", L"during", L"for", L"within", L"across", L"throughout"});
    add(kSpanMod, {L"past", L"last", L"next", L"previous", L"coming", L"first", L"final", L"latest", L"same", L"whole"});
    add(kDeictic | kPeriodStart, {L"this", L"last", L"next"});
    add(kWeekday, {L"monday", L"tuesday", L"wednesday", L"thursday", L"friday", L"saturday", L"sunday"});
    add(kMonth, {L"january", L"february", L"march", L"april", L"may", L"june", L"july", L"august", L"september",
                 L"october", L"november", L"december", L"jan", L"feb", L"mar", L"apr", L"jun", L"jul", L"aug",
                 L"sep", L"sept", L"oct", L"nov", L"dec"});
    add(kPronoun, {L"he", L"she", L"they", L"it", L"we", L"i", L"you"});
    add(kCount, {L"two", L"three", L"four", L"five", L"six", L"seven", L"eight", L"nine", L"ten", L"eleven",
                 L"twelve", L"few", L"several", L"many"});
    add(kPeriodStart, {L"since", L"between", L"prior", L"so", L"to", L"thus"});
    Vocabulary& v = Vocabulary::global();
    w_ = {v.intern_text(L"since"), v.intern_text(L"so"),     v.intern_text(L"far"),   v.intern_text(L"to"),
          v.intern_text(L"date"),  v.intern_text(L"thus"),   v.intern_text(L"in"),    v.intern_text(L"a"),
          v.intern_text(L"span"),  v.intern_text(L"of"),     v.intern_text(L"between"), v.intern_text(L"prior"),
          v.intern_text(L"the"),   v.intern_text(L"recent"), v.intern_text(L"or"),    v.intern_text(L"yesterday"),
          v.intern_text(L"today"), v.intern_text(L"tonight"), v.intern_text(L"ending"), v.intern_text(L"ended"), v.intern_text(L"and")};
}

// A period starting at word i (before the clause end `ce`): the word after
// its end, or i when there is none. `bounded`: it gives a start, an end or a
// length, not just "so far".
std::size_t ClaimFields::period_at(const TextLayer& layer, std::size_t i, std::size_t ce, bool& bounded) const {
    const auto& words = layer.words();
    auto key = [&](std::size_t j) { return j < ce && words[j].alnum ? words[j].key : kNoWord; };
    const WordId k = key(i);
    if (!has(k, kPeriodStart)) {  // most words: every rule below starts with one of these
        bounded = false;
        return i;
    }
    bounded = true;
    // "since Saturday", "since the latest violence ... erupted on 7 July", "between Friday and Sunday", "prior to Friday".
    if (k == w_.since || k == w_.between || (k == w_.prior && key(i + 1) == w_.to)) {
        std::size_t j = i + 1;
        while (j < ce && j < i + kMaxPeriodWords && words[j].alnum) ++j;
        return j > i + 1 ? j : i;
    }
    // "in a span of three days"
    if (has(k, kSpanPrep) && key(i + 1) == w_.a && key(i + 2) == w_.span && key(i + 3) == w_.of) {
        for (std::size_t j = i + 4; j < ce && j < i + 4 + kMaxSpanWords + 1; ++j)
            if (has(key(j), kTimeNoun)) return j + 1;
        return i;
    }
    // "over the past week", "in the last 24 hours", "for the three months to December"
    if (has(k, kSpanPrep) && key(i + 1) == w_.the) {
        bool measured = false;
        for (std::size_t j = i + 2; j < ce && j < i + 2 + kMaxSpanWords + 1; ++j) {
            if (has(key(j), kTimeNoun) && measured) {
                std::size_t e = j + 1;
                // "... to December", "... ending 31 December", "... of 2004", "... of the year"
                if (key(e) == w_.to || key(e) == w_.ending || key(e) == w_.ended) {
                    std::size_t d = e + 1;
                    if (d < ce && words[d].shape == Shape::Digits) ++d;
                    if (has(key(d), kMonth)) e = d + 1;
                    if (e < ce && words[e].shape == Shape::Digits && e > d) ++e;
                } else if (key(e) == w_.of) {
                    if (e + 1 < ce && words[e + 1].shape == Shape::Digits && words[e + 1].end - words[e + 1].start == 4) e += 2;
                    else if (key(e + 1) == w_.the && has(key(e + 2), kTimeNoun)) e += 3;
                }
                return e;
            }
            if (has(key(j), kSpanMod) || has(key(j), kCount) || (j < ce && words[j].shape == Shape::Digits)) measured = true;
            else if (!words[j].alnum) break;
        }
        return i;
    }
    // "this year", "last month"
    if (has(k, kDeictic) && has(key(i + 1), kTimeNoun) && !words[i + 1].possessive) return i + 2;  // not "this year's final"
    // "in January", "during March 2004"
    if (has(k, kSpanPrep) && has(key(i + 1), kMonth) && words[i + 1].shape == Shape::Capitalized &&
        !words[i + 1].possessive) {  // "in November's final" is an event
        std::size_t e = i + 2;
        if (e < ce && words[e].shape == Shape::Digits && words[e].end - words[e].start == 4) ++e;
        return e;
    }
    // "in 2018", "in recent years"
    if (k == w_.in && i + 1 < ce && words[i + 1].shape == Shape::Digits && words[i + 1].end - words[i + 1].start == 4) return i + 2;
    if (k == w_.in && key(i + 1) == w_.recent && has(key(i + 2), kTimeNoun)) return i + 3;
    bounded = false;
    if ((k == w_.so && key(i + 1) == w_.far) || (k == w_.to && key(i + 1) == w_.date) || (k == w_.thus && key(i + 1) == w_.far))
        return i + 2;
    return i;
}

std::pair<std::size_t, std::size_t> ClaimFields::period(const TextLayer& layer, std::size_t si, std::size_t nb, std::size_t ne) const {
    const auto& words = layer.words();
    if (si >= layer.sentences().size()) return {0, 0};
    const Segment& s = layer.sentences()[si];
    auto boundary = [&](std::size_t j) {
        if (!words[j].alnum) {
            const wchar_t c = layer.word_text(j)[0];
            return c == L',' || c == L';' || c == L':' || c == L'(' || c == L')' || chars::is_dash(static_cast<char32_t>(c)) ||
                   chars::is_double_quote(static_cast<char32_t>(c));
        }
        if (has(words[j].key, kClauseWord)) return true;
        // "... rose by 0.8% in January and Nationwide reported ...": a coordinated clause with its own subject.
        // A subject is a pronoun, or names then a word in lower case (not "between Friday and Sunday,").
        if (words[j].key != w_.and_ || j + 1 >= s.last_word || !words[j + 1].alnum) return false;
        if (has(words[j + 1].key, kPronoun)) return true;
        std::size_t n = j + 1;
        while (n < s.last_word && n < j + 4 && words[n].alnum && words[n].shape == Shape::Capitalized &&
               !has(words[n].key, kWeekday) && !has(words[n].key, kMonth))
            ++n;
        return n > j + 1 && n < s.last_word && words[n].alnum && words[n].shape == Shape::Lower;
    };
    // The number's clause; "..., or 795,510 votes" stands in apposition to the clause before.
    // Bounded either side: a clause is a few dozen words (a megabyte of digits is not one).
    const std::size_t first = nb > s.first_word + kMaxClauseWords ? nb - kMaxClauseWords : s.first_word;
    const std::size_t last = std::min<std::size_t>(s.last_word, ne + kMaxClauseWords);
    std::size_t cb = nb;
    while (cb > first && !boundary(cb - 1)) --cb;
    if (cb > first + 1 && cb + 1 == nb && words[cb].key == w_.or_) {
        --cb;  // the comma
        while (cb > first && !boundary(cb - 1)) --cb;
    }
    // "So far, 3,000 tickets ...", "Between Friday and Sunday, 41 flights ...":
    // an opening phrase that is a period belongs to the clause after its comma.
    if (cb > first + 1 && layer.word_text(cb - 1)[0] == L',') {
        std::size_t pb = cb - 1;
        while (pb > first && !boundary(pb - 1)) --pb;
        bool bounded = false;
        if (pb < cb - 1 && period_at(layer, pb, cb - 1, bounded) == cb - 1) cb = pb;
    }
    std::size_t ce = ne;
    while (ce < last && !boundary(ce)) ++ce;
    std::pair<std::size_t, std::size_t> best{0, 0}, loose{0, 0};
    std::size_t best_distance = static_cast<std::size_t>(-1);
    for (std::size_t j = cb; j < ce; ++j) {
        if (j >= nb && j < ne) continue;  // the number itself
        // (period_at's own first test, here to spare most words the call)
        if (!words[j].alnum || !has(words[j].key, kPeriodStart)) continue;
        bool bounded = false;
        const std::size_t e = period_at(layer, j, ce, bounded);
        if (e == j) continue;
        if (j < nb && e > nb) continue;  // a phrase that holds the number ("in a span of three days" for "three")
        const std::pair<std::size_t, std::size_t> span{words[j].start, words[e - 1].end};
        if (!bounded) {
            if (loose.second == 0) loose = span;
            continue;
        }
        const std::size_t distance = j >= ne ? j - ne : nb - e;
        if (distance < best_distance) {
            best_distance = distance;
            best = span;
        }
        j = e - 1;
    }
    return best.second ? best : loose;
}

std::string ClaimFields::said_date(const TextLayer& layer, std::size_t start, std::size_t end, const std::string& article) const {
    long y;
    unsigned m, d;
    if (article.empty() || !parse_iso(article, y, m, d)) return {};
    const long today = days_from_civil(y, m, d);
    const std::size_t wb = layer.word_at(start);
    const auto& words = layer.words();
    std::size_t month = 0, day = 0;
    for (std::size_t i = wb; i < words.size() && words[i].start < end; ++i) {
        if (!words[i].alnum) continue;
        const WordId k = words[i].key;
        if (k == w_.yesterday) return iso_of_days(today - 1);
        if (k == w_.today || k == w_.tonight) return iso_of_days(today);
        if (has(k, kWeekday)) {
            // The latest such day on or before the article's date ("said Monday" in Wednesday's paper).
            static const wchar_t* const names[] = {L"monday", L"tuesday", L"wednesday", L"thursday", L"friday", L"saturday", L"sunday"};
            int want = 0;
            for (int n = 0; n < 7; ++n)
                if (layer.key_text(k) == names[n]) want = n;
            const int back = (weekday_of(today) - want + 7) % 7;
            return iso_of_days(today - back);
        }
        if (has(k, kMonth)) {
            static const wchar_t* const months[] = {L"jan", L"feb", L"mar", L"apr", L"may", L"jun", L"jul", L"aug", L"sep", L"oct", L"nov", L"dec"};
            const std::wstring_view t = layer.key_text(k);
            for (std::size_t n = 0; n < 12; ++n)
                if (t.substr(0, 3) == months[n]) month = n + 1;
        }
        if (words[i].shape == Shape::Digits && words[i].end - words[i].start <= 2) {
            day = 0;
            for (std::size_t c = words[i].start; c < words[i].end; ++c) day = day * 10 + static_cast<std::size_t>(layer.text(c, c + 1)[0] - L'0');
        }
    }
    if (month && day >= 1 && day <= 31) {
        // In the article's year, or the year before for a later day ("on 28 December" in a January paper).
        long year = y;
        if (month > m || (month == m && day > d)) --year;
        const long days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
        if (iso_of_days(days).substr(5, 2) != std::string(1, static_cast<char>('0' + month / 10)) + static_cast<char>('0' + month % 10))
            return {};  // 31 June
        return iso_of_days(days);
    }
    return {};
}

void ClaimFields::set(const Context& ctx, std::vector<Mention>& out, std::size_t first, const std::vector<Number>& numbers) const {
    const TextLayer& layer = ctx.layer();
    const std::vector<Mention>& notes = ctx.annotations("quotes");
    const std::string& article = ctx.document().date();
    const auto& sentences = layer.sentences();
    // The annotations that may cover the number: those begun before it and
    // not yet ended (numbers come in text order; a sweep, not a search per number).
    // Each with its fields read once.
    std::vector<std::pair<const Mention*, Attribution>> open;
    std::size_t next = 0;
    for (std::size_t k = first; k < out.size(); ++k) {
        Mention& m = out[k];
        // The innermost attribution that covers the number; none when the number is in one's own words.
        const Mention* best = nullptr;
        const Attribution* best_at = nullptr;
        std::size_t best_cue = 0;
        bool in_cue = false;
        for (; next < notes.size() && notes[next].start <= m.start; ++next)
            open.emplace_back(&notes[next], Attribution(notes[next].fields));
        open.erase(std::remove_if(open.begin(), open.end(), [&](const auto& a) { return a.first->end <= m.start; }),
                   open.end());
        for (const auto& [ap, at] : open) {
            const Mention& a = *ap;
            if (a.end < m.end) continue;
            if (at.cue_end > at.cue_start && m.start < at.cue_end && m.end > at.cue_start) {
                in_cue = true;
                break;
            }
            // Equal scopes: the attribution written last before the number ("Dobbs said according to reports, ...").
            const std::size_t size = a.end - a.start;
            if (!best || size < best->end - best->start ||
                (size == best->end - best->start && at.cue_end > at.cue_start && at.cue_start <= m.start && at.cue_start >= best_cue)) {
                best = &a;
                best_at = &at;
                best_cue = at.cue_start;
            }
        }
        if (in_cue) best = nullptr;
        Fields& f = m.fields;
        f.reserve(f.size() + kFields);  // to_mention made room already; a mention from elsewhere may not have it
        std::size_t said_start = 0, said_end = 0;
        if (best) {
            const Attribution& at = *best_at;
            f.append("source", at.source ? *at.source : Value());
            f.append("source_start", at.source_start ? offset_or_null(*at.source_start) : Value());
            f.append("source_end", at.source_end ? offset_or_null(*at.source_end) : Value());
            if (at.said_end > at.said_start) {
                said_start = at.said_start;
                said_end = at.said_end;
                f.append("said", layer.document().slice(said_start, said_end));
                const std::string date = said_date(layer, said_start, said_end, article);
                f.append("said_date", date.empty() ? Value() : Value(date));
            } else {
                f.append("said", Value());
                f.append("said_date", Value());
            }
        } else {
            // (written out: a key of known length is copied without a call)
            f.append("source"sv, Value());
            f.append("source_start"sv, Value());
            f.append("source_end"sv, Value());
            f.append("said"sv, Value());
            f.append("said_date"sv, Value());
        }
        const Number& number = numbers[k - first];
        const std::size_t nb = number.first_word != kUnknownWord ? number.first_word : layer.word_at(m.start);
        std::size_t ne = nb;
        while (ne < layer.words().size() && layer.words()[ne].start < m.end) ++ne;
        const std::size_t si = layer.sentence_at(m.start);
        std::pair<std::size_t, std::size_t> p{0, 0};
        if (!in_cue && number.periodic && nb < ne)
            p = period(layer, layer.words()[nb].start == m.start ? si : layer.sentence_at(layer.words()[nb].start), nb, ne);
        // "Last month, the company warned ...": the attribution's time is no period.
        if (p.second && said_end > said_start && p.first < said_end && p.second > said_start) p = {0, 0};
        f.append("period", p.second ? Value(layer.document().slice(p.first, p.second)) : Value());
        const bool in_sentence = si < sentences.size();
        f.append("sentence_start", in_sentence ? static_cast<std::size_t>(sentences[si].start) : m.start);
        f.append("sentence_end", in_sentence ? static_cast<std::size_t>(sentences[si].end) : m.end);
    }
}

}  // namespace newslens::numbers
