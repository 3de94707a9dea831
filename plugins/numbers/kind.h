// Kind and unit of a quantity from the expression and its context (count,
// money, percent, age, duration, measure ...), and the numbers that are
// parts of names or codes ("Flight 302", "50 Cent") and are not reported.
#pragma once

#include "quantity.h"

namespace newslens::numbers {

// Digit ordinals ("21st", "3rd"), dropped inside names ("82nd Airborne").
Found ordinal_found(const Tokens& t, const Quantity& q);
// Fills r.kind, r.unit and r.currency; false when the number is a name,
// a code or a pronoun and must not be reported.
bool classify(const Tokens& t, const Quantity& q, Qualifier qual, Found& r);

}  // namespace newslens::numbers
