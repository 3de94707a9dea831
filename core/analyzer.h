// Runs a chosen set of plugins over documents and turns the result into the
// JSON schema shared by the CLI, the page and the scorer.
#pragma once

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
    // document). An empty list means every registered plugin. Throws
    // std::invalid_argument naming the first unknown plugin.
    explicit Analyzer(const std::vector<std::string>& plugin_names = {});

    const std::vector<std::string>& plugin_names() const { return names_; }
    Result analyze(const Document& doc) const;

private:
    std::vector<std::string> names_;
    std::vector<std::unique_ptr<Extractor>> extractors_;
};

// Splits "numbers, quotes" into {"numbers", "quotes"}.
std::vector<std::string> split_plugin_list(const std::string& csv);

struct JsonOptions {
    bool utf16_offsets = false;  // add start16/end16 (what JavaScript strings index)
};

// {"document", "chars", "mentions": [{"plugin", "start", "end", "text", ...fields}], "errors"}
nlohmann::ordered_json to_json(const Document& doc, const Result& result, const JsonOptions& options = {});

// The same shape for a document that could not be analysed at all.
nlohmann::ordered_json error_json(const std::string& name, const std::string& error);

}  // namespace newslens
