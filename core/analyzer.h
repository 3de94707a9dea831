// Runs a chosen set of plugins over documents, in the order their
// dependencies ask for, and writes the result in the JSON schema shared by
// the CLI, the page and the scorer.
#pragma once

#include <functional>

#include <memory>
#include <string>
#include <vector>

#include "document.h"
#include "plugin.h"

namespace newslens {

struct Result {
    std::vector<Mention> mentions;    // sorted by start, then end, then plugin order
    std::vector<std::string> errors;  // one line per plugin that failed on this document
};

class Analyzer {
public:
    // Creates each named plugin once (its regexes are compiled here, not per
    // document), adds the plugins they need, and orders them so that every
    // plugin runs after those it reads. An empty list means every registered
    // plugin. Throws std::invalid_argument naming an unknown plugin, a
    // dependency that is not available, or a cycle.
    explicit Analyzer(const std::vector<std::string>& plugin_names = {});

    // The plugins the user asked for (and whose mentions are output), in run order.
    const std::vector<std::string>& plugin_names() const { return output_names_; }
    // Every plugin that runs, dependencies included, in run order.
    const std::vector<std::string>& run_order() const { return names_; }
    // Safe to call from several threads at once, one document each.
    Result analyze(const Document& doc) const;

private:
    std::vector<std::string> names_;
    std::vector<std::unique_ptr<Extractor>> extractors_;
    std::vector<bool> output_;
    std::vector<std::vector<std::size_t>> reads_;  // indexes of the plugins each one may read
    std::vector<std::string> output_names_;
};

// Splits "numbers, quotes" into {"numbers", "quotes"}.
std::vector<std::string> split_plugin_list(const std::string& csv);

struct JsonOptions {
    bool utf16_offsets = false;  // add start16/end16 (what JavaScript strings index)
    // Only the mentions of the article's own text (core/segmentation.h
    // in_article): CLI `--segments article`.
    bool article_only = false;
};

// {"document", "chars", "mentions": [{"plugin", "start", "end", "text", "segment", ["story",] ...fields}],
//  "segments": [{"start", "end", "kind", "story"}], "errors"}; a mention's
// segment is the kind of the passage it starts in (core/segmentation.h).
nlohmann::ordered_json to_json(const Document& doc, const Result& result, const JsonOptions& options = {});
// The same object as one line of JSON text (no tree is built), appended to `out`.
void write_json_line(std::string& out, const Document& doc, const Result& result, const JsonOptions& options = {});

// For documents too large to hold every mention at once: analyses `doc` in
// parts of about `part_chars` code points cut at line breaks (each part a
// Document of its own, so plugins see one part at a time) and appends the
// same JSON line as write_json_line, mentions in order. Returns the errors.
// With `emit`, the line is handed to it piece by piece, after each part (and
// `out` is left empty), so that memory stays that of one part's results.
std::vector<std::string> write_json_line_in_parts(std::string& out, const Document& doc, const Analyzer& analyzer,
                                                  std::size_t part_chars, const JsonOptions& options = {},
                                                  const std::function<void(std::string_view)>& emit = {});

// The same shape for a document that could not be analysed at all.
nlohmann::ordered_json error_json(const std::string& name, const std::string& error);
void write_error_json_line(std::string& out, const std::string& name, const std::string& error);

}  // namespace newslens
