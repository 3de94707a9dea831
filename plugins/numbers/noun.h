// The counted noun after a number: "326 members", "mostly low-ranking
// soldiers", "five Wimbledon doubles titles".
#pragma once

#include <cstddef>
#include <string_view>

#include "quantity.h"

namespace newslens::numbers {

// The word ends with `tail` and has more than two letters before it.
bool ends_with(std::wstring_view w, std::wstring_view tail);
// A plural noun: "soldiers", "people", "gunmen" (not "its", "bus", "omen").
bool looks_plural(const Tokens& t, std::size_t i);
// The head noun of the phrase after token k: "mostly low-ranking
// soldiers" -> soldiers; with `allow_of`, "of the soldiers" -> soldiers.
// `singular`: after "one" the head is singular (the last noun seen).
Span find_head(const Tokens& t, std::size_t k, bool allow_of, bool singular);

}  // namespace newslens::numbers
