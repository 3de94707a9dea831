// Rule plugins: an extractor described by one JSON file (a manifest plus
// Boost.Regex rules, word lists and field mappings), loaded at run time by the
// CLI (--plugin-file) and the page (drop the .json). No compiler needed.
//
// {
//   "newslens_rule_plugin": 1,
//   "name": "casualties", "version": "1.0", "description": "...",
//   "label": "CAS", "color": "#D55E00",
//   "fields": {"count": {"label": "Count"}, "victims": {"label": "Victims"}},
//   "lists": {"outcomes": ["killed", "wounded"]},
//   "rules": [{
//     "id": "killed-n",
//     "pattern": "(?<count>\\d+) (?<victims>\\w+) (?:were )?{{outcomes}}",
//     "case_insensitive": true, "accent_insensitive": false, "plurals": false,
//     "word_boundary": true, "span": "count",
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

// One problem of a rule plugin file, located for an editor: the key path
// ("rules[0].pattern", "lists.names", "" for the file as a whole), the rule's
// index, and for a bad regex the offset in the pattern as written (code
// points, {{list}} references unexpanded).
struct RuleProblem {
    std::string path;
    int rule = -1;
    long offset = -1;
    std::string line;  // the whole message: "FILE: rules[0] (id 'x').pattern: ..."
};

// Thrown when a rule plugin file is not valid; `problems` lists every error
// found, each naming the rule and field (and the offset in a bad regex).
class RulePluginError : public std::runtime_error {
public:
    explicit RulePluginError(std::vector<std::string> problems);
    explicit RulePluginError(std::vector<RuleProblem> problems);
    const std::vector<std::string>& problems() const { return problems_; }
    const std::vector<RuleProblem>& details() const { return details_; }

private:
    std::vector<std::string> problems_;
    std::vector<RuleProblem> details_;
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
