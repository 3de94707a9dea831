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
// with a relative tolerance of 1e-9. A corpus may name the plugins that run
// ("plugins": ["numbers", "quotes"]); a case may give the user's date
// ("date": "2019-02-26", as `--date`) and fields of the document object it
// expects ("document": {"date": "2019-02-25", "date_from": "text"}).
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
        // "plugins": the plugins that run (their mentions besides the corpus plugin's are not checked).
        std::vector<std::string> run{plugin};
        if (corpus.contains("plugins")) run = corpus["plugins"].get<std::vector<std::string>>();
        const newslens::Analyzer analyzer(run);
        std::size_t cases = 0;
        for (const auto& group : corpus.at("groups")) {
            for (const auto& c : group.at("cases")) {
                ++cases;
                const std::string text = c.at("text");
                newslens::Document doc("case", text);
                if (c.contains("date")) doc.set_user_date(c["date"].get<std::string>());  // as the CLI's --date
                const json out = newslens::to_json(doc, analyzer.analyze(doc));
                json got = json::array();
                for (const auto& m : out["mentions"])
                    if (m["plugin"] == plugin) got.push_back(m);
                // "document": fields of the document object ("date", "date_from").
                if (c.contains("document"))
                    for (auto it = c["document"].begin(); it != c["document"].end(); ++it) {
                        INFO("document field " << it.key() << " of: " << text << "\n  got " << out.value(it.key(), json()).dump());
                        CHECK(out.value(it.key(), json()) == it.value());
                    }
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
