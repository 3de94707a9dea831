// Rule plugins (core/rule_plugin.h): loading, validation messages, the
// complexity limit, and the example rule plugins in examples/plugins/ on the
// example articles.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "analyzer.h"
#include "rule_plugin.h"

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Every problem the loader reports for `json`, joined by newlines.
std::string problems_of(const std::string& json) {
    try {
        newslens::load_rule_plugin(json, "p.json");
    } catch (const newslens::RulePluginError& e) {
        std::string all;
        for (const auto& p : e.problems()) all += p + "\n";
        return all;
    }
    return "";
}

nlohmann::ordered_json run(const std::string& plugins, const std::string& text) {
    const newslens::Analyzer analyzer(newslens::split_plugin_list(plugins));
    const newslens::Document doc("t", text);
    return newslens::to_json(doc, analyzer.analyze(doc));
}

}  // namespace

TEST_CASE("a rule plugin finds its patterns and maps captures to fields", "[rules]") {
    const std::string name = newslens::register_rule_plugin(R"J({
      "newslens_rule_plugin": 1, "name": "test-parties", "version": "0.1",
      "description": "parties and leaders",
      "fields": {"party": {"label": "Party"}, "leader": {"label": "Leader"}, "source": {"label": "Source"}},
      "lists": {"parties": ["Labour", "Labour Party", "Tories"]},
      "rules": [
        {"id": "leader", "pattern": "(?<party>{{parties}}) leader (?<leader>[[:upper:]][[:alpha:]]+)",
         "span": "leader", "fields": {"party": {"capture": "party", "normalize": "upper"}, "leader": "leader",
                                      "source": {"value": "pattern"}}},
        {"id": "party", "list": "parties", "case_insensitive": true}
      ]})J", "inline");
    CHECK(name == "test-parties");
    const auto out = run("test-parties", "The Labour Party leader Starmer met tories, not Labourites, in Zürich.");
    REQUIRE(out["errors"].empty());
    const auto& m = out["mentions"];
    REQUIRE(m.size() == 3);
    CHECK(m[0]["text"] == "Labour Party");  // longest list entry wins
    CHECK(m[0]["rule"] == "party");
    CHECK(m[1]["text"] == "Starmer");  // span = the "leader" capture
    CHECK(m[1]["party"] == "LABOUR PARTY");
    CHECK(m[1]["source"] == "pattern");
    CHECK(m[2]["text"] == "tories");  // case-insensitive; "Labourites" is not a whole word match
    const auto* info = newslens::Registry::global().find("test-parties");
    REQUIRE(info);
    CHECK(info->about["origin"] == "rules");
    CHECK(info->about["fields"]["leader"]["label"] == "Leader");
}

TEST_CASE("loading a rule plugin again replaces it; built-in names are refused", "[rules]") {
    const std::string v1 = R"J({"newslens_rule_plugin": 1, "name": "test-replace", "description": "v1",
                               "rules": [{"pattern": "alpha"}]})J";
    const std::string v2 = R"J({"newslens_rule_plugin": 1, "name": "test-replace", "description": "v2",
                               "rules": [{"pattern": "beta"}]})J";
    newslens::register_rule_plugin(v1, "v1.json");
    newslens::register_rule_plugin(v2, "v2.json");
    CHECK(newslens::Registry::global().find("test-replace")->description == "v2");
    CHECK(run("test-replace", "alpha beta")["mentions"].size() == 1);
    CHECK_THROWS_WITH(newslens::register_rule_plugin(
                          R"J({"newslens_rule_plugin": 1, "name": "test-words", "description": "x", "rules": [{"pattern": "x"}]})J",
                          "clash.json"),
                      Catch::Contains("taken by a built-in plugin"));
}

TEST_CASE("validation names the rule, the field and the regex offset", "[rules]") {
    CHECK_THAT(problems_of("{\"name\": "), Catch::Contains("p.json: not valid JSON") && Catch::Contains("line 1"));
    CHECK_THAT(problems_of("[1]"), Catch::Contains("one JSON object"));
    const std::string all = problems_of(R"J({"newslens_rule_plugin": 2, "name": "Bad Name",
        "fields": {"count": {}, "text": {}},
        "lists": {"empty": []},
        "rules": [
          {"id": "paren", "pattern": "(?<n>\\d+) (people"},
          {"id": "nolist", "pattern": "{{missing}} x"},
          {"id": "capture", "pattern": "(?<n>\\d+)", "span": "m", "fields": {"count": "k", "other": "n"}},
          {"id": "both", "pattern": "x", "list": "empty"},
          {"id": "norm", "pattern": "(?<n>\\d+)", "fields": {"count": {"capture": "n", "normalize": "shout"}}},
          {"id": "helper", "pattern": "(?<n>\\d+)", "fields": {"count": {"capture": "n", "normalize": {"plugin": "no-such-plugin"}}}},
          {"id": "paren", "pattern": "y"}
        ]})J");
    CHECK_THAT(all, Catch::Contains("p.json: newslens_rule_plugin: format 2 is not supported"));
    CHECK_THAT(all, Catch::Contains("p.json: description: missing"));
    CHECK_THAT(all, Catch::Contains("name: 'Bad Name' must be lower-case"));
    CHECK_THAT(all, Catch::Contains("fields.text: is a reserved name"));
    CHECK_THAT(all, Catch::Contains("lists.empty: must be a non-empty array"));
    // A rule using a broken list: the list's own problem is enough.
    const std::string cascade = problems_of(R"J({"newslens_rule_plugin": 1, "name": "x", "description": "d", "lists": {"w": []},
        "rules": [{"list": "w"}, {"pattern": "a {{w}}"}]})J");
    CHECK_THAT(cascade, Catch::Contains("lists.w: must be a non-empty array") && !Catch::Contains("no list named") &&
                            !Catch::Contains("names no list"));
    CHECK_THAT(all, Catch::Contains("rules[0] (id 'paren').pattern: regex error at offset") &&
                        Catch::Contains("Unmatched marking parenthesis"));
    CHECK_THAT(all, Catch::Contains("rules[1] (id 'nolist').pattern: {{missing}} names no list"));
    CHECK_THAT(all, Catch::Contains("rules[2] (id 'capture').span: no capture named 'm'"));
    CHECK_THAT(all, Catch::Contains("rules[2] (id 'capture').fields.count.capture: no capture named 'k'"));
    CHECK_THAT(all, Catch::Contains("rules[2] (id 'capture').fields.other: is not declared"));
    CHECK_THAT(all, Catch::Contains("rules[3] (id 'both'): give exactly one of \"pattern\" or \"list\""));
    CHECK_THAT(all, Catch::Contains("rules[4] (id 'norm').fields.count.normalize: must be"));
    CHECK_THAT(all, Catch::Contains("rules[5] (id 'helper').fields.count.normalize: needs the plugin 'no-such-plugin'"));
    CHECK_THAT(all, Catch::Contains("rules[6] (id 'paren'): id is used twice"));
    // Found by fuzzing: a number too large for a double, and values of the
    // wrong type, are the file's problems like any other (not a crash).
    CHECK_THAT(problems_of(R"J({"newslens_rule_plugin": 1, "name": "x", "rules": [], "version": 1E999})J"),
               Catch::Contains("p.json: not valid JSON") && Catch::Contains("number overflow"));
    CHECK_THAT(problems_of(R"J({"newslens_rule_plugin": 1, "name": "x", "description": "d",
                               "rules": [{"id": 5, "pattern": "x", "case_insensitive": "yes", "span": []}]})J"),
               Catch::Contains("rules[0].id: must be a string") &&
                   Catch::Contains("rules[0].case_insensitive: must be true or false") &&
                   Catch::Contains("rules[0].span: must be a string"));
    // A pattern cut short is an error at its end, not a crash.
    CHECK_THAT(problems_of(R"J({"newslens_rule_plugin": 1, "name": "x", "description": "x",
                              "rules": [{"pattern": "abc(?<"}]})J"),
               Catch::Contains("regex error at offset"));
}

TEST_CASE("a catastrophic pattern stops with a clear error; other plugins keep their results", "[rules]") {
    newslens::register_rule_plugin(R"J({"newslens_rule_plugin": 1, "name": "test-evil", "description": "backtracks",
        "rules": [{"id": "nested", "pattern": "(?:(?:\\w+\\s?)+)+:", "word_boundary": false}]})J", "evil.json");
    std::string text;
    for (int i = 0; i < 1500; ++i) text += "word ";
    const auto out = run("test-evil,test-words", text);
    REQUIRE(out["errors"].size() == 1);
    CHECK_THAT(out["errors"][0].get<std::string>(),
               Catch::Contains("test-evil: rule 'nested': the pattern backtracks too much"));
    CHECK(out["mentions"].size() == 1500);  // test-words still ran
}

TEST_CASE("the example rule plugins find what they promise in the example articles", "[rules][examples]") {
    const std::string dir = NEWSLENS_SOURCE_DIR "/examples/";
    const bool have_numbers = newslens::Registry::global().find("numbers") != nullptr;

    SECTION("casualties") {
        if (!have_numbers) {
            WARN("casualties needs the numbers plugin, which this build leaves out");
            CHECK_THAT(problems_of(read_file(dir + "plugins/casualties.json")), Catch::Contains("needs the plugin 'numbers'"));
            return;
        }
        const std::string name = newslens::register_rule_plugin(read_file(dir + "plugins/casualties.json"), "casualties.json");
        const auto out = run(name, read_file(dir + "004_6ef0631924f2553e.txt"));
        CHECK(out["errors"].empty());
        bool killed = false, wounded = false;
        for (const auto& m : out["mentions"]) {
            if (m["text"] == "at least two people were killed" && m["count"] == 2 && m["victims"] == "people" &&
                m["outcome"] == "killed")
                killed = true;
            if (m["text"] == "300 were wounded" && m["count"] == 300 && m["outcome"] == "wounded") wounded = true;
        }
        CHECK(killed);
        CHECK(wounded);
        const auto quiet = run(name, "The two ministers met in Geneva to discuss 300 trade rules.");
        CHECK(quiet["mentions"].empty());
    }
    SECTION("organisations") {
        const std::string name =
            newslens::register_rule_plugin(read_file(dir + "plugins/organisations.json"), "organisations.json");
        const auto out = run(name, read_file(dir + "000_3bf18df1e512c54b.txt"));
        CHECK(out["errors"].empty());
        std::vector<std::string> texts;
        for (const auto& m : out["mentions"]) texts.push_back(m["text"]);
        CHECK_THAT(texts, Catch::VectorContains(std::string("Carnegie Endowment for International Peace")));
        CHECK_THAT(texts, Catch::VectorContains(std::string("NATO")));
        CHECK_THAT(texts, Catch::VectorContains(std::string("Defense Ministry")));
        for (const auto& t : texts) CHECK(t.rfind("The ", 0) != 0);  // sentence openers are not part of names
    }
    SECTION("media") {
        const std::string name = newslens::register_rule_plugin(read_file(dir + "plugins/media.json"), "media.json");
        const auto out = run(name, read_file(dir + "000_3bf18df1e512c54b.txt"));
        CHECK(out["errors"].empty());
        bool reuters_told = false;
        for (const auto& m : out["mentions"])
            if (m["outlet"] == "Reuters" && m["cited_as"] == "told") reuters_told = true;
        CHECK(reuters_told);
    }
}

TEST_CASE("a rule plugin reads an earlier plugin's mentions: inside and outside", "[rules][pipeline]") {
    // test-caps (tests/text_test.cpp) marks capitalised words.
    newslens::register_rule_plugin(R"({
      "newslens_rule_plugin": 1, "name": "test-rule-caps", "description": "words inside and outside test-caps",
      "needs": ["test-caps"],
      "rules": [{"id": "in", "pattern": "\\w+", "inside": "test-caps"},
                {"id": "out", "pattern": "\\w{5,}", "outside": "test-caps"}]})", "caps.json");
    const auto j = run("test-rule-caps", "Maria visited Bogotá yesterday");
    REQUIRE(j["mentions"].size() == 4);
    CHECK(j["mentions"][0]["text"] == "Maria");
    CHECK(j["mentions"][0]["rule"] == "in");
    CHECK(j["mentions"][1]["text"] == "visited");
    CHECK(j["mentions"][1]["rule"] == "out");
    CHECK(j["mentions"][2]["text"] == "Bogotá");
    CHECK(j["mentions"][3]["text"] == "yesterday");
    for (const auto& m : j["mentions"]) CHECK(m["plugin"] == "test-rule-caps");  // test-caps is not output
    CHECK(newslens::Registry::global().find("test-rule-caps")->about["needs"][0] == "test-caps");

    const std::string bad = problems_of(R"({"newslens_rule_plugin": 1, "name": "x", "description": "d",
      "needs": ["no-such-plugin"],
      "rules": [{"id": "a", "pattern": "\\w+", "inside": "test-caps"}]})");
    CHECK_THAT(bad, Catch::Contains("needs: 'no-such-plugin' is not a plugin of this build"));
    CHECK_THAT(bad, Catch::Contains("rules[0] (id 'a').inside: 'test-caps' must be listed in the manifest's \"needs\""));
}

TEST_CASE("word-list options: accents, plurals; the page's label and colour", "[rules]") {
    newslens::register_rule_plugin(R"J({
      "newslens_rule_plugin": 1, "name": "test-options", "description": "accents and plurals",
      "label": "Opt", "color": "#009E73",
      "lists": {"cities": ["Bogota", "Cucuta"], "nouns": ["family", "household", "bus", "church"]},
      "rules": [
        {"id": "city", "list": "cities", "accent_insensitive": true},
        {"id": "noun", "pattern": "(?<n>\\d+) (?<what>{{nouns}}) displaced", "plurals": true, "case_insensitive": true,
         "fields": {"what": "what"}}
      ]})J", "options.json");
    const auto out = run("test-options",
                         "In Bogotá and CÚCUTA? No: Cúcuta. 40 families displaced, 3 Households displaced, 2 buses displaced, "
                         "5 churches displaced, 1 family displaced, 7 familys displaced.");
    REQUIRE(out["errors"].empty());
    std::vector<std::string> texts;
    for (const auto& m : out["mentions"]) texts.push_back(m["text"]);
    CHECK(texts == std::vector<std::string>{"Bogotá", "Cúcuta", "40 families displaced", "3 Households displaced",
                                             "2 buses displaced", "5 churches displaced", "1 family displaced"});
    CHECK(out["mentions"][2]["what"] == "families");  // the capture as written, not the plain form
    const auto* info = newslens::Registry::global().find("test-options");
    CHECK(info->about["label"] == "Opt");
    CHECK(info->about["color"] == "#009E73");
    // Accents are removed from the pattern as from the text: an accented pattern finds the plain word.
    newslens::register_rule_plugin(R"J({"newslens_rule_plugin": 1, "name": "test-accents", "description": "d",
      "rules": [{"pattern": "Bogotá", "accent_insensitive": true}]})J", "a.json");
    CHECK(run("test-accents", "Bogota, BOGOTA")["mentions"].size() == 1);  // case still matters
    CHECK_THAT(problems_of(R"J({"newslens_rule_plugin": 1, "name": "x", "description": "d", "color": "green",
      "label": "a label far too long for a tag", "rules": [{"pattern": "x", "plural": true}]})J"),
               Catch::Contains("color: 'green' must be a colour as #RRGGBB") && Catch::Contains("label: at most 16") &&
                   Catch::Contains("rules[0].plural: unknown key"));
}

TEST_CASE("problems are located for an editor: key path, rule, offset in the pattern as written", "[rules]") {
    try {
        newslens::load_rule_plugin(R"J({"newslens_rule_plugin": 1, "name": "x", "description": "d",
          "lists": {"hurt": ["killed", "wounded", "injured"]},
          "rules": [{"id": "ok", "pattern": "x"},
                    {"id": "late", "pattern": "café {{hurt}} (oops"},
                    {"id": "early", "pattern": "{{hurt}} [a-"},
                    {"id": "ref", "pattern": "é{{nope}}"},
                    {"id": "cap", "pattern": "(?<n>x)", "fields": {"f": {"capture": "m"}}}]})J",
                                  "p.json");
        FAIL("no error");
    } catch (const newslens::RulePluginError& e) {
        const auto& d = e.details();
        REQUIRE(d.size() == 4);
        CHECK(d[0].path == "rules[1].pattern");
        CHECK(d[0].rule == 1);
        CHECK(d[0].offset == 19);  // code points of "café {{hurt}} (oops": the end, not the expanded pattern's
        CHECK_THAT(d[0].line, Catch::Contains("regex error at offset 19 of your pattern (at the end)") &&
                                  !Catch::Contains("wounded") && !Catch::Contains("fragment"));
        CHECK(d[1].path == "rules[2].pattern");
        CHECK(d[1].offset == 12);  // Boost reports an unclosed "[" at the end
        CHECK_THAT(d[1].line, Catch::Contains("offset 12 of your pattern (at the end)"));
        CHECK(d[2].path == "rules[3].pattern");
        CHECK(d[2].offset == 1);
        CHECK(d[3].path == "rules[4].fields.f.capture");
        CHECK(d[3].rule == 4);
        CHECK(d[3].offset == -1);
    }
}
