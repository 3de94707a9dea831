// Runs every plugin's example corpus (plugins/NAME/corpus.json), in the manner
// of Duckling: each case is a short text and the mentions the plugin must
// report for it.
//
// corpus.json: {"plugin": "numbers", "groups": [{"name": "digits", "cases": [
//     {"text": "...", "expect": [{"text": "326", "value": 326, ...}, ...]},
//     {"text": "...", "expect": [...], "partial": true}]}]}
// Without "partial", the plugin must report exactly the expected mentions
// (same spans, in text order); with it, others may appear too. Every field
// given in an expected mention (besides "text") must match; numbers compare
// with a relative tolerance of 1e-9.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

#include "analyzer.h"
#include "corpora.h"

namespace {

using json = nlohmann::ordered_json;

bool same_value(const json& want, const json& got) {
    if (want.is_number() && got.is_number()) {
        const double a = want.get<double>(), b = got.get<double>();
        return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(a));
    }
    return want == got;
}

// Finds the next mention (from `from`) whose text equals `text`.
std::size_t find_mention(const json& mentions, const std::string& text, std::size_t from) {
    for (std::size_t i = from; i < mentions.size(); ++i)
        if (mentions[i]["text"] == text) return i;
    return mentions.size();
}

std::string describe(const json& mentions) {
    std::string s;
    for (const auto& m : mentions) {
        json brief = m;
        brief.erase("plugin");
        brief.erase("start");
        brief.erase("end");
        s += "\n    " + brief.dump();
    }
    return s.empty() ? " (none)" : s;
}

}  // namespace

TEST_CASE("every plugin's example corpus", "[corpus]") {
    REQUIRE_FALSE(kCorpora.empty());
    for (const auto& [plugin, path] : kCorpora) {
        std::ifstream in(path);
        INFO("corpus " << path);
        REQUIRE(in.good());
        std::stringstream ss;
        ss << in.rdbuf();
        const json corpus = json::parse(ss.str());
        const newslens::Analyzer analyzer({plugin});
        std::size_t cases = 0;
        for (const auto& group : corpus.at("groups")) {
            for (const auto& c : group.at("cases")) {
                ++cases;
                const std::string text = c.at("text");
                const newslens::Document doc("case", text);
                const json out = newslens::to_json(doc, analyzer.analyze(doc));
                const json& got = out["mentions"];
                INFO(plugin << " / " << group.at("name").get<std::string>() << ": " << text
                            << "\n  got:" << describe(got));
                CHECK(out["errors"].empty());
                const json& expect = c.at("expect");
                if (!c.value("partial", false)) CHECK(got.size() == expect.size());
                std::size_t from = 0;
                for (const auto& want : expect) {
                    const std::string wtext = want.at("text");
                    const std::size_t at = find_mention(got, wtext, from);
                    INFO("expected mention " << want.dump());
                    CHECK(at < got.size());
                    if (at >= got.size()) continue;
                    from = at + 1;
                    for (auto it = want.begin(); it != want.end(); ++it) {
                        if (it.key() == "text") continue;
                        INFO("field " << it.key() << ": want " << it.value().dump() << ", got "
                                      << (got[at].contains(it.key()) ? got[at][it.key()].dump() : "(missing)"));
                        CHECK((got[at].contains(it.key()) && same_value(it.value(), got[at][it.key()])));
                    }
                }
            }
        }
        INFO(plugin << ": " << cases << " cases");
        CHECK(cases > 0);
    }
}
