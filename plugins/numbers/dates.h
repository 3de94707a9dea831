// Dates ("February 24", "24th of Feb.", "24-26 June") and years ("in
// 2019", "the 2026 elections", "2014-2019").
#pragma once

#include <cstddef>

#include "quantity.h"

namespace newslens::numbers {

// A date at token i: "February 24", "Feb. 24th", "24 February", "24th of February".
bool try_date(const Tokens& t, std::size_t i, Found& f);
// "24-26 June", "from 10 to 12 March": a range of days, reported as one date.
bool day_range(const Tokens& t, const Quantity& q1, const Quantity& q2, Found& f);
// A plain four-digit number that names a year rather than counting.
bool names_year(const Tokens& t, const Quantity& q, Qualifier qual, const Found& r, Span head);

}  // namespace newslens::numbers
