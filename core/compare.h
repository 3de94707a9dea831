// The comparison across documents, shared by the CLI (`newslens compare`)
// and the page (web/binding.cpp): identical documents and repeated
// paragraphs, figures that count the same thing in the same story, quotes
// shared by sources, places across sources. It reads mentions by their
// fields (value/unit/kind, speaker, lat/lon), not by plugin name, so that
// results of rule plugins and older results without the claim or segment
// fields (issues 13 and 18) still compare.
#pragma once

#include <cstddef>
#include <cstdint>
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
// the schema is in README.md ("Comparison output"). The same as
// reduce_summaries over map_document of each document, in order.
nlohmann::ordered_json compare_documents(const std::vector<CompareDocument>& docs);

// ---- The comparison in two steps (README.md, "Comparing at scale") ----------
// The map step reads one document alone and keeps what the groups are made
// of: its loose-text key and repeated paragraphs, its figures with their
// keys (kind|anchor), countries and sentence words, its quotations with
// their keys, its places, and its words for the story vectors. The reduce
// step reads the summaries of every document in input order and makes the
// groups: what needs every document (which document is a copy of an earlier
// one, the words' document frequencies, the links between figures and
// quotes of different documents) happens there. Summaries are small (no
// text, only the mentions the groups can use), so that results can be
// mapped where they are made (on a cluster's workers) and reduced in one
// place.

// A figure that can be grouped (numbers plugin or any plugin with "value").
struct CompareFigure {
    std::size_t mention = 0;            // index in the document's mentions
    std::size_t start = 0, end = 0;
    std::string text;
    double value = 0;
    std::string noun;                   // what it counts, lower case
    std::vector<std::string> keys;      // kind|anchor: figures sharing one may count the same thing
    std::vector<std::string> countries; // its story, sorted
    std::vector<std::string> words;     // content words of its sentence, in text order, each once
    bool context_known = false;         // its sentence is known (the text was given)
    std::size_t sentence_start = 0, sentence_end = 0;
    std::string sentence;
    Fields fields;                      // value, value_max, qualifier, unit, currency, source, said, said_date, period
};

struct CompareQuote {
    std::size_t mention = 0, start = 0, end = 0;
    std::string text;
    Value speaker;                      // as the mention gives it (null: not identified)
    std::string key, speaker_key;       // letters, digits and single spaces
};

struct ComparePlace {
    std::string name, country, type, plugin;
    Value lat, lon;
};

// Words with their counts in the order first met, packed in one string: a
// summary's words are most of what the reduce step holds per document.
class WordCounts {
public:
    // `word` has no line break (words are letters and marks).
    void add(std::string_view word, std::uint32_t count) {
        packed_.append(word.data(), word.size());
        packed_ += '\n';
        counts_.push_back(count);
    }
    std::size_t size() const { return counts_.size(); }
    bool empty() const { return counts_.empty(); }
    // f(std::string_view word, std::uint32_t count) for each word in order;
    // the views point into this object.
    template <class F>
    void each(F f) const {
        std::size_t at = 0;
        for (std::uint32_t count : counts_) {
            const std::size_t end = packed_.find('\n', at);
            f(std::string_view(packed_).substr(at, end - at), count);
            at = end + 1;
        }
    }

private:
    std::string packed_;
    std::vector<std::uint32_t> counts_;
};

struct CompareSummary {
    std::string name;
    std::string key;                    // loose-text key ("" unknown)
    std::vector<TextSpan> repeats;      // paragraphs seen earlier in the same text
    std::string date;
    // The words of the text (4 letters or more, not function words) with
    // their counts, in text order: the document's tf-idf vector in the reduce.
    WordCounts words;
    std::vector<CompareFigure> figures;
    std::vector<CompareQuote> quotes;
    std::vector<ComparePlace> places;
};

// The map step: one document alone.
CompareSummary map_document(const CompareDocument& doc);
// The reduce step: every document's summary, in input order.
nlohmann::ordered_json reduce_summaries(const std::vector<CompareSummary>& summaries);

// A summary as one JSON object ({"compare_summary": 1, ...}) and back, for
// passing summaries between processes (`newslens compare --map`). Throws
// std::invalid_argument saying what is wrong.
nlohmann::ordered_json summary_to_json(const CompareSummary& summary);
// Appends summary_to_json(summary).dump() to `line`, written directly.
void write_summary_json(std::string& line, const CompareSummary& summary);
CompareSummary summary_from_json(const nlohmann::ordered_json& j);
bool is_summary_json(const nlohmann::ordered_json& j);

// The WordNet anchors of a counted noun as written ("troops", "deserters"):
// nouns that share one count the same kind of thing (core/gen_families.py).
// Empty when WordNet has no such noun.
std::vector<unsigned> noun_family(std::string_view noun);
// The base of an irregular verb form, lower case ("fled" -> "flee", "sold" ->
// "sell"; core/gen_irregular_verbs.py); empty when `form` is none.
std::string_view irregular_verb_base(std::string_view form);

}  // namespace newslens
