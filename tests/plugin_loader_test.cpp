// Compiled plugins loaded at run time (core/plugin_loader.h), natively: every
// LOADABLE plugin's .so loads and runs, its wrong-ABI twin is refused, and
// files that are not plugins are refused with a reason. The WebAssembly side
// modules are checked by tests/wasm_plugin_load_test.js.
#include <catch2/catch.hpp>

#ifndef __EMSCRIPTEN__

#include <dirent.h>

#include <string>
#include <vector>

#include "analyzer.h"
#include "plugin_loader.h"

namespace {

std::vector<std::string> modules(bool wrong_abi) {
    std::vector<std::string> out;
    if (DIR* dir = opendir(NEWSLENS_LOADABLE_DIR)) {
        while (const dirent* e = readdir(dir)) {
            const std::string name = e->d_name;
            if (name.size() < 4 || name.compare(name.size() - 3, 3, ".so") != 0) continue;
            if ((name.find("-wrong-abi") != std::string::npos) == wrong_abi)
                out.push_back(std::string(NEWSLENS_LOADABLE_DIR) + "/" + name);
        }
        closedir(dir);
    }
    return out;
}

}  // namespace

TEST_CASE("compiled plugins load at run time and run like built-in ones", "[loader]") {
    const auto good = modules(false);
    REQUIRE_FALSE(good.empty());
    for (const auto& path : good) {
        INFO(path);
        const std::string name = newslens::load_compiled_plugin(path);
        const auto* info = newslens::Registry::global().find(name);
        REQUIRE(info);
        CHECK(info->about["origin"] == "compiled");
        CHECK(info->about["file"] == path.substr(path.rfind('/') + 1));
        // It runs through the Analyzer like any plugin (the text is generic
        // news prose; the check is that it runs without errors).
        const newslens::Analyzer analyzer({name});
        const newslens::Document doc("t", "Mr Smith, a spokesman, said on Monday that 20 people in Bogotá had left.");
        const auto result = analyzer.analyze(doc);
        CHECK(result.errors.empty());
    }
}

TEST_CASE("a plugin built for another ABI, or no plugin at all, is refused with a reason", "[loader]") {
    const auto wrong = modules(true);
    REQUIRE_FALSE(wrong.empty());
    for (const auto& path : wrong)
        CHECK_THROWS_WITH(newslens::load_compiled_plugin(path),
                          Catch::Contains("was built for plugin ABI 999 but this newslens has ABI") &&
                              Catch::Contains("rebuild the plugin"));
    CHECK_THROWS_WITH(newslens::load_compiled_plugin(NEWSLENS_SOURCE_DIR "/examples/001_cef800c70c6baf2c.txt"),
                      Catch::Contains("cannot load") && Catch::Contains("is it a newslens plugin"));
    CHECK_THROWS_WITH(newslens::load_compiled_plugin("/no/such/plugin.so"), Catch::Contains("cannot load"));
}

#endif
