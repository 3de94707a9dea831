// Rule plugins: an extractor described by one JSON file (a manifest plus
// Boost.Regex rules, word lists and field mappings), loaded at run time by the
// CLI (--plugin-file) and the page (drop the .json). No compiler needed.
//
// {
//   "newslens_rule_plugin": 1,
//   "name": "casualties", "version": "1.0", "description": "...",
//   "fields": {"count": {"label": "Count"}, "victims": {"label": "Victims"}},
//   "lists": {"outcomes": ["killed", "wounded"]},
//   "rules": [{
//     "id": "killed-n",
//     "pattern": "(?<count>\\d+) (?<victims>\\w+) (?:were )?{{outcomes}}",
//     "case_insensitive": true, "word_boundary": true, "span": "count",
//     "fields": {"count": {"capture": "count", "normalize": {"plugin": "numbers", "field": "value"}},
//                "victims": {"capture": "victims", "normalize": "lower"},
//                "source": {"value": "rule"}}}]
// }
//
// See docs/plugins.md for every key.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "plugin.h"

namespace newslens {

// Thrown when a rule plugin file is not valid; `problems` lists every error
// found, each naming the rule and field (and the offset in a bad regex).
class RulePluginError : public std::runtime_error {
public:
    explicit RulePluginError(std::vector<std::string> problems);
    const std::vector<std::string>& problems() const { return problems_; }

private:
    std::vector<std::string> problems_;
};

// The version of the rule-file format this core reads.
constexpr int kRulePluginFormat = 1;

// Parses and compiles a rule plugin (all regexes compiled here, once).
// `source` names the file in error messages. Throws RulePluginError.
PluginInfo load_rule_plugin(const std::string& json_text, const std::string& source);

// Loads the plugin and adds it to the registry, replacing an earlier rule
// plugin of the same name. A built-in plugin's name cannot be taken.
// Returns the plugin's name. Throws RulePluginError.
std::string register_rule_plugin(const std::string& json_text, const std::string& source);

}  // namespace newslens
