#include "plugin_loader.h"

#include <dlfcn.h>

#include <stdexcept>

#include "plugin.h"

namespace newslens {

std::string load_compiled_plugin(const std::string& path) {
    // RTLD_LOCAL: every plugin module exports the same two entry points.
    // Never dlclose: the extractors it creates run its code.
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char* error = dlerror();  // clears itself: read it once
        std::string why = error ? error : "not a plugin module";
        for (char& c : why)
            if (c == '\n') c = ' ';  // one line per problem
        throw std::runtime_error("cannot load " + path + ": " + why + " (is it a newslens plugin built for this version?)");
    }
    using AbiFn = int (*)();
    using DescribeFn = void (*)(PluginInfo*);
    auto abi = reinterpret_cast<AbiFn>(dlsym(handle, "newslens_plugin_abi"));
    auto describe = reinterpret_cast<DescribeFn>(dlsym(handle, "newslens_plugin_describe"));
    if (!abi || !describe)
        throw std::runtime_error(path + " is not a newslens plugin (it lacks newslens_plugin_abi/newslens_plugin_describe)");
    // Checked before the plugin touches any core type whose layout may differ.
    const int version = abi();
    if (version != kPluginAbiVersion)
        throw std::runtime_error(path + " was built for plugin ABI " + std::to_string(version) +
                                 " but this newslens has ABI " + std::to_string(kPluginAbiVersion) +
                                 ": rebuild the plugin against this version");
    PluginInfo info;
    describe(&info);
    if (info.name.empty() || !info.create) throw std::runtime_error(path + ": the plugin did not describe itself");
    const PluginInfo* existing = Registry::global().find(info.name);
    if (existing && existing->about.value("origin", "") == "rules")
        throw std::runtime_error(path + ": the name '" + info.name + "' is taken by a rule plugin");
    info.about["origin"] = "compiled";
    const auto slash = path.find_last_of('/');
    info.about["file"] = slash == std::string::npos ? path : path.substr(slash + 1);
    if (existing) info.about["replaces"] = existing->about.value("origin", "built-in");
    const std::string name = info.name;
    Registry::global().add_or_replace(std::move(info));
    return name;
}

}  // namespace newslens
