// Boost.Regex over wide text (one wchar_t per code point), so match positions
// are code-point offsets and \w, [[:alpha:]] and case-folding know non-ASCII
// letters (é, ñ, ü) both natively and under Emscripten.
#pragma once

#include <locale>
#include <string>

#include <boost/regex.hpp>

namespace newslens {

// Compiles `pattern` (Perl syntax) with a UTF-8 aware locale. Throws
// boost::regex_error with the position of a syntax error.
// The locale that classifies and case-folds non-ASCII letters (C.UTF-8 when
// the system has it).
const std::locale& text_locale();

boost::wregex make_regex(const std::wstring& pattern, bool icase = false);

}  // namespace newslens
