// The `numbers` extractor: quantities stated in news text ("Over 270",
// "$2.4 trillion", "several dozen", "February 24", "35-year-old") with their
// value, qualifier, kind and counted noun. See ../shared/eval/GUIDELINES.md.
//
// How it works: the text layer's tokens, with URLs, e-mail addresses and
// phone numbers masked (tokens.cpp), are walked left to right and, at each
// position, a small hand-written parser tries
//   date | [qualifier] quantity [range-tail]
// where a quantity is [currency] (digits [scale] | number words | vague
// amount) [percent | currency word | -plus | -unit compound | a.m.].
// Context after the span decides kind and unit (the counted noun).
//
// Files: lexicon (word lists by WordId), tokens (the layer's tokens as the
// rules read them), quantity and affixes (one quantity), ranges
// (qualifiers, ranges, changes, scores), dates (dates and years), kind and
// noun (kind, unit and counted noun), and here the walk and the mentions.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "claims.h"
#include "dates.h"
#include "kind.h"
#include "lexicon.h"
#include "plugin.h"
#include "quantity.h"
#include "ranges.h"
#include "tokens.h"

namespace newslens::numbers {
namespace {

std::string_view qualifier_name(Qualifier q) {
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

std::string_view kind_name(Kind k) {
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

// Whether a rule can match at token i, a token Tokens::starts: what the
// word's start needs after it (StartNeed) is there. A cheap necessary test,
// so the common words that start a rule only with the right word after
// them ("in", "a", "from", "-") are not tried everywhere. Sets `phrase`
// (its end stays i without one), which try_at reads rather than matching again.
// The qualifier phrase starting at a token, when one does (match_qualifier).
struct Phrase {
    std::size_t end;  // the token after it; the start when there is none
    Qualifier qualifier = Qualifier::Exact;
};

bool worth_trying(const Tokens& t, std::size_t i, Phrase& phrase) {
    if (t.is_number(i)) return true;
    if (!t.is_word(i)) {
        // A minus sign with no other role starts only "-4.5" (parse_quantity).
        const wchar_t c = t.punct(i);
        if ((c == L'-' || c == 0x2212) && t.lex(i).start_needs == 0) return t.is_number(i + 1) && t.glued(i + 1);
        return true;
    }
    const Entry& e = t.lex(i);
    const std::uint8_t needs = e.start_needs;
    // (match_qualifier finds none at other words)
    // (A phrase of several words needs its second word next.)
    if (needs & kStartsPhrase && (e.one_word_phrase || (t.is_word(i + 1) && t.lexicon().phrase_second(t.key(i + 1)))))
        phrase.end = match_qualifier(t, i, phrase.qualifier);
    if (needs & kStartsAlone) return true;
    // A quantity after a phrase (what try_at parses there) starts with a
    // token Tokens::starts; the word itself starts none by this role.
    if (phrase.end > i && phrase.end < t.size() && t.near(phrase.end) && t.starts(phrase.end)) return true;
    // "February 24", "Feb. 24" ("may" a month only in capitals).
    if (needs & kStartsMonth && (!e.has(kCapitalMonth) || t.cap(i)) && (t.is_number(i + 1) || t.is_number(i + 2)))
        return true;
    if (needs & kStartsFew && (t.is(i + 1, t.lexicon().w.dozen) || (t.is_word(i + 1) && t.lex(i + 1).scale))) return true;
    if (needs & kStartsDollar && t.punct(i + 1) == L'$' && t.glued(i + 1)) return true;
    if (needs & kStartsCode && t.is_number(i + 1)) return true;
    // "from 3 to 4": every quantity starts with a token Tokens::starts.
    if (needs & kStartsFrom && i + 1 < t.size() && t.starts(i + 1)) return true;
    return needs & kStartsArticle && t.is_word(i + 1) && t.lex(i + 1).after_article;
}

// `phrase`: the qualifier phrase at i, from worth_trying.
bool try_at(const Tokens& t, std::size_t i, const Phrase& phrase, Found& f) {
    const Lexicon::Words& w = t.lexicon().w;
    if (t.masked(i)) return false;
    if (try_date(t, i, f)) return true;

    Qualifier qual = phrase.qualifier;
    Quantity q;
    bool have = false;
    std::size_t after_qual = phrase.end;
    if (after_qual == i) after_qual = match_sign_qualifier(t, i, qual);  // "> 10", "<= 30"
    // "in" without "excess of", "at" without "least": no quantity or date either.
    if (after_qual == i && t.lex(i).phrase_only) return false;
    // "should never exceed five years", "did not surpass": at most.
    if (after_qual > i && qual == Qualifier::Over && i > 0 && (t.is(i - 1, w.never) || t.is(i - 1, w.not_)) &&
        (t.folded(i).substr(0, 6) == L"exceed" || t.folded(i).substr(0, 7) == L"surpass"))
        qual = Qualifier::AtMost;
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
        // "lower than 2003's loss": a comparison with a year, no bound.
        if (have && t.is(after_qual - 1, w.than) && q.plain && q.num_tok == after_qual && q.end == after_qual + 1 &&
            t.digit_count(q.num_tok) == 4 && q.value >= 1900 && q.value <= 2100 &&
            (t.apostrophe(q.end) || !t.is_word(q.end)))
            have = false;
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
    Quantity q2;  // the second value of a range, ratio or pair of bounds
    int range = after_from ? 0 : parse_range(t, q, q2, between);
    if (range > 0 && qual == Qualifier::Exact && t.is(alone.end, w.to) && after_change_verb(t, i)) {
        const bool shared = (q2.percent && !alone.percent) || (q2.currency && !alone.currency) ||
                            (q2.scale > 1 && alone.scale == 1 && q.scale > 1);
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
    // "more than 10 and less than 40": two bounds, one range.
    const bool bounds = range == 0 && bound_pair(t, q, qual, q2);
    // "one in five": one value.
    const bool ratio = range == 0 && !bounds && !between && parse_ratio(t, q, q2);
    Found r;
    r.begin = q.begin;
    r.end = range > 0 || bounds || ratio ? q2.end : q.end;
    r.value = q.value;
    if (ratio) {
        r.value = q.value / q2.value;
        q.lone_one = q.plain = false;
    }
    r.range = range > 0 || bounds;
    r.value_max = r.range ? q2.value : 0;
    if (bounds && q2.value < q.value) std::swap(r.value, r.value_max);
    r.qualifier = r.range ? Qualifier::Range : q.vague ? Qualifier::Vague : qual;
    if (r.qualifier == Qualifier::Exact && q.plus) r.qualifier = Qualifier::Over;
    // "20 or more", "65 and over", "100 or so".
    if (!r.range && !q.vague && (qual == Qualifier::Exact || qual == Qualifier::About)) {
        Qualifier post = Qualifier::Exact;
        const std::size_t e = post_qualifier(t, r.end, post);
        if (e > r.end) {
            r.end = e;
            r.qualifier = qual = post;
        }
    }
    r.next = r.end;
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
    // Round away binary noise from scaling (1.6 * 1e6 is a few ulps off) and
    // print whole numbers as integers. The tolerance is relative and tiny:
    // "$1,234,567.89" keeps its cents (core writes doubles to round-trip).
    const double r = std::round(v);
    if (std::fabs(v - r) <= 1e-12 * std::fabs(v) && std::fabs(r) < 9e15)
        return static_cast<std::int64_t>(r);
    return v;
}

// A mention, built in place at the end of the output, with its fields
// appended in output order (value, value_max, qualifier, kind, unit,
// currency): no key is looked up.
void add_mention(const Tokens& t, const Found& f, std::vector<Mention>& out) {
    Mention& m = out.emplace_back();
    m.start = t.start(f.begin);
    m.end = t.end(f.end - 1);
    const bool money = f.kind == Kind::Money && f.currency;
    Fields& fields = m.fields;
    // Room for exactly these fields and the claim fields (claims.h): one
    // allocation, and a small one (12 fields fit malloc's per-thread cache).
    fields.reserve(4 + (f.range ? 1 : 0) + (money ? 1 : 0) + ClaimFields::kFields);
    fields.append("value", json_number(f.value));
    if (f.range) fields.append("value_max", json_number(f.value_max));
    fields.append("qualifier", qualifier_name(f.qualifier));
    fields.append("kind", kind_name(f.kind));
    fields.append("unit", f.has_unit ? Value(std::string_view(f.unit)) : Value());
    if (money) fields.append("currency", f.currency);
}

class NumbersExtractor : public Extractor {
public:
    NumbersExtractor() : masker_(lexicon_) {}

    void extract(const Context& ctx, std::vector<Mention>& out) const override {
        const Tokens t(ctx.layer(), lexicon_, masker_);
        // The quantities found, kept by each thread from document to
        // document: the mentions are made when their number is known, in
        // room made once (not moved as the output grows).
        static thread_local std::vector<Found> found;
        found.clear();
        std::size_t next = 0;  // the token after the last match
        for (const std::uint32_t i : t.starters()) {
            Phrase phrase{i};
            if (i < next || !worth_trying(t, i, phrase)) continue;
            Found f;
            if (!try_at(t, i, phrase, f)) continue;
            next = f.next > i ? f.next : i + 1;
            if (f.emit) found.push_back(std::move(f));
        }
        const std::size_t first = out.size();
        out.reserve(first + found.size());
        std::vector<ClaimFields::Number> numbers;
        numbers.reserve(found.size());
        for (const Found& f : found) {
            add_mention(t, f, out);
            const bool periodic = f.kind == Kind::Count || f.kind == Kind::None || f.kind == Kind::Percent ||
                                  f.kind == Kind::Money || f.kind == Kind::Measure;
            numbers.push_back({periodic, t.layer_word(f.begin)});
        }
        if (found.capacity() > (1u << 16)) found = {};  // a long document's given back (tokens.cpp says why)
        claims_.set(ctx, out, first, numbers);
    }

    // Who states a number comes from the quotes plugin's attributions
    // (claims.h): numbers runs after quotes when both are selected. Without
    // quotes, source and said are null; period and sentence are still set.
    Dependencies dependencies() const override { return {{}, {"quotes"}}; }

private:
    Lexicon lexicon_;  // before masker_, which reads it
    Masker masker_;
    ClaimFields claims_;
};

}  // namespace
}  // namespace newslens::numbers

using NumbersExtractor = newslens::numbers::NumbersExtractor;
NEWSLENS_PLUGIN("numbers", "Quantities: counts, money, percentages, dates, ages, durations, with value and qualifier",
                NumbersExtractor);

