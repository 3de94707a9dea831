// libFuzzer target: the rule-plugin loader (core/rule_plugin.h) over arbitrary
// bytes taken as the text of a rule plugin file.
//
// A bad file must come back as RulePluginError (one line per problem), never
// as a crash, a hang or another exception. A file that loads is then run over
// a short news text: its regexes may fail only through the Analyzer's error
// path (Boost.Regex's complexity limit becomes the plugin's error).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "analyzer.h"
#include "rule_plugin.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    newslens::PluginInfo info;
    try {
        info = newslens::load_rule_plugin(text, "fuzz.json");
    } catch (const newslens::RulePluginError& e) {
        if (e.problems().empty()) {
            std::fprintf(stderr, "fuzz_rule_plugin: RulePluginError without a problem\n");
            std::abort();
        }
        return 0;  // refused with a reason: the expected outcome for most inputs
    }
    // Other exception types escape on purpose: libFuzzer reports them as a
    // crash (the loader promises RulePluginError only).
    if (!info.create) {
        std::fprintf(stderr, "fuzz_rule_plugin: loaded plugin without a factory\n");
        std::abort();
    }
    static const newslens::Document doc(
        "sample.txt",
        "LONDON (Reuters) - At least 12 people were killed and 30 wounded on Monday, police said. "
        "\"We will rebuild,\" said Mayor Ana D\xc3\xad" "az, 54, adding that \xe2\x82\xac" "2.5 million had been pledged. "
        "Officials in Paris and Caracas expect 1,200 more arrivals by 2025.\n");
    std::vector<newslens::Mention> out;
    try {
        info.create()->extract(newslens::DocumentContext(doc), out);
    } catch (const std::exception&) {
        return 0;  // e.g. the complexity limit: reported per document by the Analyzer
    }
    // Spans are not checked here: the Analyzer drops bad ones with an error.
    return 0;
}
