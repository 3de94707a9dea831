// The page's entry points into the core (embind). Strings cross as UTF-8;
// the JSON carries start16/end16 so the page can index JavaScript strings.
#include <emscripten/bind.h>

#include <map>
#include <memory>

#include "analyzer.h"
#include "compare.h"
#include "plugin_loader.h"
#include "rule_plugin.h"

namespace {

// One Analyzer per plugin selection, so that regexes are compiled once per
// selection and not once per document.
std::map<std::string, std::unique_ptr<newslens::Analyzer>>& analyzers() {
    static std::map<std::string, std::unique_ptr<newslens::Analyzer>> cache;
    return cache;
}

const newslens::Analyzer& analyzer_for(const std::string& plugins) {
    auto& slot = analyzers()[plugins];
    if (!slot) slot = std::make_unique<newslens::Analyzer>(newslens::split_plugin_list(plugins));
    return *slot;
}

// [{"name": ..., "description": ..., "about": {"origin", "version", "fields"}}, ...]
std::string plugins_json() {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto* p : newslens::Registry::global().list())
        out.push_back({{"name", p->name}, {"description", p->description}, {"about", p->about}});
    return out.dump();
}

// "" when the bytes can be analysed, else a one-line reason (empty, binary,
// invalid UTF-8, too large). Accepts a Uint8Array from JavaScript.
std::string check_input(const std::string& bytes) {
    auto problem = newslens::check_input(bytes);
    return problem ? *problem : std::string();
}

// The CLI's JSON object for one document, plus start16/end16 per mention.
// `plugins` is a comma-separated list; empty means all. Never throws: a
// failure becomes the document's "errors".
std::string analyze(const std::string& name, const std::string& text, const std::string& plugins) {
    std::string out;
    try {
        if (auto problem = newslens::check_input(text)) {
            newslens::write_error_json_line(out, name, *problem);
            return out;
        }
        const newslens::Document doc(name, text);
        newslens::write_json_line(out, doc, analyzer_for(plugins).analyze(doc), {true});
    } catch (const std::exception& e) {
        out.clear();
        newslens::write_error_json_line(out, name, e.what());
    }
    return out;
}

// Loads (or replaces) a rule plugin from the text of its .json file.
// {"ok": true, "name": ...} or {"ok": false, "problems": [one line each],
// "details": [{"path", "rule", "offset"}, one per problem]} (the page's
// plugin editor shows each at its place: RuleProblem).
std::string load_rule_plugin(const std::string& json_text, const std::string& source) {
    nlohmann::ordered_json out;
    try {
        out["name"] = newslens::register_rule_plugin(json_text, source);
        out["ok"] = true;
        analyzers().clear();  // cached analyzers hold the older version
    } catch (const newslens::RulePluginError& e) {
        out["ok"] = false;
        out["problems"] = e.problems();
        out["details"] = nlohmann::ordered_json::array();
        for (const auto& d : e.details()) out["details"].push_back({{"path", d.path}, {"rule", d.rule}, {"offset", d.offset}});
    } catch (const std::exception& e) {
        out["ok"] = false;
        out["problems"] = {source + ": " + e.what()};
    }
    return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// Loads a compiled plugin (a side module .wasm) that the page wrote into the
// in-memory file system. Same reply shape as loadRulePlugin.
std::string load_compiled_plugin(const std::string& path) {
    nlohmann::ordered_json out;
    try {
        out["name"] = newslens::load_compiled_plugin(path);
        out["ok"] = true;
        analyzers().clear();
    } catch (const std::exception& e) {
        out["ok"] = false;
        out["problems"] = {e.what()};
    }
    return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// Paragraphs repeated within a text and the key of its loose form
// (core/compare.h): {"key", "repeats": [{start, end, start16, end16}]}.
std::string text_repeats(const std::string& text) {
    const newslens::Repeats r = newslens::find_repeats(text);
    nlohmann::ordered_json out;
    out["key"] = r.key;
    out["repeats"] = nlohmann::ordered_json::array();
    for (const auto& s : r.paragraphs)
        out["repeats"].push_back({{"start", s.start}, {"end", s.end}, {"start16", s.start16}, {"end16", s.end16}});
    return out.dump();
}

// The comparison of the page's documents, the same as `newslens compare`:
// `jsonl` holds one result object per line (with "text"). Never throws: a
// bad line becomes {"error": ...}.
std::string compare(const std::string& jsonl) {
    try {
        std::vector<newslens::CompareDocument> docs;
        std::size_t at = 0;
        while (at < jsonl.size()) {
            std::size_t nl = jsonl.find('\n', at);
            if (nl == std::string::npos) nl = jsonl.size();
            if (nl > at) docs.push_back(newslens::compare_document_from_json(nlohmann::ordered_json::parse(jsonl.substr(at, nl - at))));
            at = nl + 1;
        }
        return newslens::compare_documents(docs).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    } catch (const std::exception& e) {
        return nlohmann::ordered_json({{"error", e.what()}}).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    }
}

std::string version() { return NEWSLENS_VERSION; }

}  // namespace

EMSCRIPTEN_BINDINGS(newslens) {
    emscripten::function("plugins", &plugins_json);
    emscripten::function("checkInput", &check_input);
    emscripten::function("analyze", &analyze);
    emscripten::function("loadRulePlugin", &load_rule_plugin);
    emscripten::function("loadCompiledPlugin", &load_compiled_plugin);
    emscripten::function("version", &version);
    emscripten::function("textRepeats", &text_repeats);
    emscripten::function("compare", &compare);
}
