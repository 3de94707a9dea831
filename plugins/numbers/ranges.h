// Qualifiers ("more than", "about", "up to") and ranges ("5-10",
// "between 5 and 10", "two or three"), told apart from changes ("rose from
// 5 to 10") and scores ("Wasps 31-37 Leicester").
#pragma once

#include <cstddef>

#include "quantity.h"

namespace newslens::numbers {

// Longest qualifier phrase starting at i; returns the token after it (i
// when there is none) and sets `q`.
std::size_t match_qualifier(const Tokens& t, std::size_t i, Qualifier& q);
// A comparison sign before a number: "> 10", ">=30", "<= -30", "≤ 5".
std::size_t match_sign_qualifier(const Tokens& t, std::size_t i, Qualifier& q);
// A bound written after the number: "20 or more", "65 and over", "five or
// fewer", "100 or so". Returns the token after it (k when there is none).
std::size_t post_qualifier(const Tokens& t, std::size_t k, Qualifier& q);
// "more than 10 and less than 40", "at most 100 and at least 20": two
// bounds that make one range. `q1` (with `qual1`) ends where the second
// bound may start; on success `q2` is the other bound.
bool bound_pair(const Tokens& t, const Quantity& q1, Qualifier qual1, Quantity& q2);
// "one in five", "one out of three", "1 in a million": a ratio, one value.
// `q1` ends where "in" or "out of" starts; on success `q2` is the whole.
bool parse_ratio(const Tokens& t, const Quantity& q1, Quantity& q2);
// "50,000 to 60,000", "5-10", "between 5 and 10", "two or three".
// Returns 1 when q1 became a range, 0 when there is none, -1 when the
// pair is a score or code ("3-1", "2019-20") that must be dropped whole.
int parse_range(const Tokens& t, Quantity& q1, Quantity& q2, bool between);
// The number at i follows a verb of change: "fell $2.86 to", "rose by 5% to".
bool after_change_verb(const Tokens& t, std::size_t i);
// A verb of change earlier in the clause: "raise the pension age from 60 to 65".
bool change_in_clause(const Tokens& t, std::size_t i);
// "Wasps 31-37 Leicester", "6-4 5-7 6-3": a score, not a range.
bool is_score(const Tokens& t, const Quantity& q1, const Quantity& q2);

}  // namespace newslens::numbers
