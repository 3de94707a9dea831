// Finds quoted spans: straight and curly double quotes paired per paragraph,
// single quotes nested inside them (or standing alone, as headlines use
// them), never mistaking apostrophes for quotation marks.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "words.h"

namespace newslens::quotes {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

struct QuoteSpan {
    std::size_t open = 0;      // position of the opening mark
    std::size_t start = 0;     // first code point inside the marks
    std::size_t end = 0;       // one past the last code point inside the marks
    std::size_t close = kNone; // position of the closing mark; kNone when the paragraph ended first
    std::size_t paragraph = 0; // index into the paragraph list
    std::size_t parent = kNone;  // enclosing quote (index) for a nested one
};

// Spans sorted by start; a nested quote comes after its parent. `out` is
// emptied first (a caller may reuse its storage from document to document).
void find_quotes(const TextLayer& layer, const std::vector<Segment>& paragraphs, std::vector<QuoteSpan>& out);

}  // namespace newslens::quotes
