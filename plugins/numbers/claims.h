// Who states a number, when, over what period, and in which sentence
// (../shared/eval/GUIDELINES.md, "Number claims"): the fields source,
// source_start/end, said, said_date, period and sentence_start/end.
//
// The attribution is the quotes plugin's (plugins/quotes/claims.h): it
// leaves an annotation for each quotation with a speaker and each reporting
// verb, covering the text the attribution speaks for (ctx.annotations("quotes")).
// A number takes the innermost one that covers it; a number inside an
// attribution's own words ("said Sgt. Jose Gomez, a father of two") is no
// claim. The period ("since Saturday", "so far", "in a span of three days")
// is read here, in the number's clause. `said` resolves to a calendar day
// against the article's date (Document::date()).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "plugin.h"

namespace newslens::numbers {

class ClaimFields {
public:
    static constexpr std::size_t kFields = 8;  // the fields set() appends to each mention
    ClaimFields();
    // What the extractor knows of each of its mentions.
    struct Number {
        bool periodic;           // a kind that has a period (counts, money, percents, measures)
        std::size_t first_word;  // the layer word it starts in, or kUnknownWord
    };
    static constexpr std::size_t kUnknownWord = static_cast<std::size_t>(-1);
    // Sets the claim fields of out[first...], numbers[k] telling of out[first + k].
    void set(const Context& ctx, std::vector<Mention>& out, std::size_t first, const std::vector<Number>& numbers) const;

    // "Monday", "on Tuesday", "yesterday", "on 7 July" said in an article of
    // date `article` (YYYY-MM-DD) as YYYY-MM-DD; empty when it names no day.
    std::string said_date(const TextLayer& layer, std::size_t start, std::size_t end, const std::string& article) const;

private:
    // The period phrase in the clause of the number at words [nb, ne) of `layer`: its code-point span, or {0, 0}.
    // `si`: the sentence that holds word nb's start.
    std::pair<std::size_t, std::size_t> period(const TextLayer& layer, std::size_t si, std::size_t nb, std::size_t ne) const;
    std::size_t period_at(const TextLayer& layer, std::size_t i, std::size_t ce, bool& bounded) const;

    enum Flag : std::uint32_t {
        kClauseWord = 1u << 0,  // where, while, which, who: a clause starts
        kTimeNoun = 1u << 1,    // days, weeks, year, decade
        kSpanPrep = 1u << 2,    // in, over, during, for, within, across
        kSpanMod = 1u << 3,     // past, last, next, previous, coming, first
        kDeictic = 1u << 4,     // this, last, next
        kWeekday = 1u << 5,
        kMonth = 1u << 6,
        kCount = 1u << 7,       // two, three, few, several: "the past three weeks"
        kPronoun = 1u << 8,     // he, she, they: "and he said" starts a clause
        kPeriodStart = 1u << 9, // since, between, prior, so, to, thus, span prepositions, deictics: a period starts only here
    };
    void add(std::uint32_t flags, std::initializer_list<const wchar_t*> words);
    bool has(WordId w, std::uint32_t f) const { return w < flags_.size() && (flags_[w] & f); }
    std::vector<std::uint32_t> flags_;
    struct W {
        WordId since, so, far, to, date, thus, in, a, span, of, between, prior, the, recent, or_, yesterday, today, tonight, ending, ended, and_;
    } w_{};
};

}  // namespace newslens::numbers
