// The article's own date, when its text gives one: a line that is a date
// ("25 February 2019", "Monday, Feb. 25, 2019 10:02 AM"), a line that says
// when it was published or updated ("Published 25 February 2019",
// "Updated: Feb. 26, 2019"), or a dateline that carries one
// ("CUCUTA, Colombia, Feb. 25, 2019 (AP) —"). Dates inside sentences
// (captions, background) are not the article's.
#pragma once

#include <string>
#include <string_view>

namespace newslens {

// The first such date in the head of the text (or its last lines, where
// some sites print "Published ..."), as ISO 8601 YYYY-MM-DD; empty if none.
std::string article_date_in(std::wstring_view text);

// "2019-02-25" is a real calendar day (years 1000-2999).
bool valid_iso_date(std::string_view iso);

}  // namespace newslens
