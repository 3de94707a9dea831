// The comparison across documents, shared by the CLI (`newslens compare`)
// and the page (web/binding.cpp): identical documents and repeated
// paragraphs, figures that count the same thing in the same story, quotes
// shared by sources, places across sources. It reads mentions by their
// fields (value/unit/kind, speaker, lat/lon), not by plugin name, so that
// results of rule plugins and older results without the claim or segment
// fields (issues 13 and 18) still compare.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyzer.h"
#include "fields.h"

namespace newslens {

// A span of code points [start, end), with its UTF-16 offsets for the page.
struct TextSpan {
    std::size_t start = 0, end = 0;
    std::size_t start16 = 0, end16 = 0;
};

// What repeats in one text: a key of its loose form (case, accents, curly
// marks and spacing ignored; equal keys mean identical documents) and the
// paragraphs (lines) already seen earlier in the same text.
struct Repeats {
    std::string key;
    std::vector<TextSpan> paragraphs;
};
Repeats find_repeats(std::string_view utf8_text);

struct CompareMention {
    std::string plugin;
    std::size_t start = 0, end = 0;  // code points
    std::string text;
    Fields fields;
};

// One analysed document as the comparison reads it.
struct CompareDocument {
    std::string name;
    bool has_text = false;
    std::string text;                    // UTF-8, when known: repeats and sentence context
    std::string key;                     // loose-text key when the text is not given ("" unknown)
    std::vector<TextSpan> repeats;       // repeated paragraphs when the text is not given
    std::vector<CompareMention> mentions;  // sorted by start
    // Sentences [start, end) of the text (core/text.h), when the text is known.
    std::vector<std::pair<std::size_t, std::size_t>> sentences;
    std::string date;                    // the article's date (claims13's "date"), "" unknown
};

// From a result object of `newslens analyze` (one JSON line), with optional
// "text", "key" and "repeats" ([{start, end}] in code points). Throws
// std::invalid_argument saying what is wrong.
CompareDocument compare_document_from_json(const nlohmann::ordered_json& result);
// From a document just analysed.
CompareDocument compare_document_from(const Document& doc, const Result& result);

// {"documents": [...], "numbers": [...], "quotes": [...], "places": [...]}:
// the schema is in README.md ("Comparison output").
nlohmann::ordered_json compare_documents(const std::vector<CompareDocument>& docs);

// The WordNet anchors of a counted noun as written ("troops", "deserters"):
// nouns that share one count the same kind of thing (core/gen_families.py).
// Empty when WordNet has no such noun.
std::vector<unsigned> noun_family(std::string_view noun);

}  // namespace newslens
