// A quantity as the rules read it, and the parser of one quantity: digits
// with a glued or spaced scale ("3bn", "1.6 million"), number words ("two
// hundred and fifty", "half a million"), fractions ("two-thirds", "1/5"),
// vague amounts ("dozens", "several hundred"), with what is written before
// and after them (affixes.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>

#include "lexicon.h"
#include "tokens.h"

namespace newslens::numbers {

enum class Kind : std::uint8_t { None, Count, Percent, Money, Year, Date, Time, Age, Duration, Measure, Ordinal };

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

// A token range [first, last] (inclusive), or {kNone, kNone}.
using Span = std::pair<std::size_t, std::size_t>;

// One quantity at token i, without qualifier or range; q.end is the token
// after it. `range_end`: the second number of "5-10", glued to the dash.
bool parse_quantity(const Tokens& t, std::size_t i, Quantity& q, bool range_end = false);

// The longest currency or unit name of several words at token k ("Spanish
// pesetas", "metric tons"); the token after it, or k when there is none.
std::size_t match_name(const Tokens& t, std::size_t k, const NamePhrase*& name);

// The parts written around the number (affixes.cpp).
// Currency before it: $, €, US$, USD. Returns the token after it (or `i`).
std::size_t currency_prefix(const Tokens& t, std::size_t i, Quantity& q);
// After it: percent, currency words, "-plus", hyphen compounds ("20-minute",
// "35-year-old"), a.m./p.m.; moves q.end past them. False when the whole is
// a name or a code ("737-MAX", "two-thirds", "one-sided").
bool parse_tail(const Tokens& t, Quantity& q);

}  // namespace newslens::numbers
