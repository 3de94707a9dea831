// The extractor plugin interface and the registry plugins add themselves to.
// The core knows no plugin by name: each plugin registers itself (see
// NEWSLENS_PLUGIN below) and the Analyzer looks it up by the name a user picks.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <string_view>

#include <nlohmann/json.hpp>

#include "document.h"
#include "fields.h"
#include "segmentation.h"
#include "text.h"

namespace newslens {

// Bumped whenever Extractor, Mention, Document or the text layer change in a
// way that breaks plugins built against an older core (run-time loaded
// plugins check it). 2: the text layer, Context, Fields, dependencies.
// 3: TextLayer::text() inline over a view of the text kept in the layer.
// 4: Document::segmentation() (core/segmentation.h); Mention::annotation, Context::annotations(),
//    Document::date().
constexpr int kPluginAbiVersion = 4;

// One thing a plugin found: a span of the document plus plugin-specific
// fields, in the order the plugin sets them (core/fields.h).
struct Mention {
    std::string plugin;      // filled in by the Analyzer
    std::size_t start = 0;   // code-point offset, inclusive
    std::size_t end = 0;     // code-point offset, exclusive
    Fields fields;
    // An annotation is for the plugins that read this one (ctx.annotations()),
    // never output: the quotes plugin's attributions, which numbers reads.
    bool annotation = false;
};

// What a plugin reads while it runs: the document, its text layer, and the
// mentions of the plugins that ran before it (those it declared).
class Context {
public:
    virtual ~Context() = default;
    virtual const Document& document() const = 0;
    const TextLayer& layer() const { return document().layer(); }
    // Headline, article, other stories and boilerplate of the document.
    const Segmentation& segmentation() const { return document().segmentation(); }
    // The mentions an earlier plugin found, sorted by start; empty when that
    // plugin did not run (or failed on this document).
    virtual const std::vector<Mention>& mentions(std::string_view plugin) const = 0;
    // The annotations an earlier plugin left for its readers (Mention::annotation),
    // sorted by start; empty as for mentions().
    virtual const std::vector<Mention>& annotations(std::string_view plugin) const = 0;
};

// A Context over a document alone (no earlier plugins): for running one
// extractor by itself, as rule plugins do to normalise a capture.
class DocumentContext : public Context {
public:
    explicit DocumentContext(const Document& doc) : doc_(doc) {}
    const Document& document() const override { return doc_; }
    const std::vector<Mention>& mentions(std::string_view) const override { return none_; }
    const std::vector<Mention>& annotations(std::string_view) const override { return none_; }

private:
    const Document& doc_;
    std::vector<Mention> none_;
};

// The plugins whose results a plugin reads. The Analyzer runs them first.
struct Dependencies {
    std::vector<std::string> needs;  // always run first; `--plugins x` pulls them in
    std::vector<std::string> after;  // run first when they are selected, else skipped
};

class Extractor {
public:
    virtual ~Extractor() = default;
    // Appends what the plugin finds in `ctx.document()` to `out`. Called once
    // per document, possibly on several threads at once for different
    // documents: it must not change the extractor. Expensive set-up (regex
    // compilation, tables, Vocabulary::intern) belongs in the constructor so
    // that it happens once per Analyzer, not per document.
    // May throw: the Analyzer reports the error and keeps the other plugins.
    virtual void extract(const Context& ctx, std::vector<Mention>& out) const = 0;
    virtual Dependencies dependencies() const { return {}; }
};

struct PluginInfo {
    std::string name;         // short id used on the command line and in output
    std::string description;  // one line for `newslens plugins` and the page
    std::function<std::unique_ptr<Extractor>()> create;
    // Optional facts for front ends: "origin" (built-in, rules, compiled),
    // "version", "fields" ({"field": {"label": "..."}}) and the like.
    nlohmann::ordered_json about = nlohmann::ordered_json::object();
};

class Registry {
public:
    static Registry& global();
    // Returns false (and keeps the first) when the name is already taken.
    bool add(PluginInfo info);
    // Adds or replaces (a plugin loaded again at run time replaces its older
    // version). Returns false when `info` is incomplete.
    bool add_or_replace(PluginInfo info);
    const PluginInfo* find(const std::string& name) const;
    // All plugins, sorted by name.
    std::vector<const PluginInfo*> list() const;

private:
    std::vector<std::unique_ptr<PluginInfo>> plugins_;
};

}  // namespace newslens

// Registers `Class` (an Extractor with a default constructor) under `NAME`.
// Put it in the plugin's .cpp file at namespace scope, once per plugin.
//
// Built into newslens, it registers at start-up. Built as a run-time module
// (NEWSLENS_LOADABLE_MODULE: a .so natively, a side module .wasm for the
// page), it instead exports two C functions that core/plugin_loader.cpp calls
// after dlopen: the ABI version it was built against, checked before anything
// else is touched, and a description of the plugin.
#ifndef NEWSLENS_PLUGIN_ABI_BUILT
#define NEWSLENS_PLUGIN_ABI_BUILT ::newslens::kPluginAbiVersion
#endif

#ifdef NEWSLENS_LOADABLE_MODULE
#define NEWSLENS_PLUGIN(NAME, DESCRIPTION, Class)                                                  \
    extern "C" __attribute__((visibility("default"), used)) int newslens_plugin_abi() {              \
        return NEWSLENS_PLUGIN_ABI_BUILT;                                                          \
    }                                                                                              \
    extern "C" __attribute__((visibility("default"), used)) void newslens_plugin_describe(        \
        ::newslens::PluginInfo* info) {                                                            \
        info->name = NAME;                                                                         \
        info->description = DESCRIPTION;                                                           \
        info->create = [] { return std::unique_ptr<::newslens::Extractor>(new Class()); };         \
    }
#else
#define NEWSLENS_PLUGIN(NAME, DESCRIPTION, Class)                                     \
    static const bool newslens_registered_##Class = ::newslens::Registry::global().add( \
        {NAME, DESCRIPTION, [] { return std::unique_ptr<::newslens::Extractor>(new Class()); }})
#endif
