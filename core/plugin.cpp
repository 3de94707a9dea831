#include "plugin.h"

#include <algorithm>

namespace newslens {

Registry& Registry::global() {
    // Function-local static: safe to use from other translation units' static
    // initialisers, which is when plugins register.
    static Registry registry;
    return registry;
}

bool Registry::add(PluginInfo info) {
    if (info.name.empty() || !info.create || find(info.name)) return false;
    plugins_.push_back(std::make_unique<PluginInfo>(std::move(info)));
    return true;
}

bool Registry::add_or_replace(PluginInfo info) {
    if (info.name.empty() || !info.create) return false;
    for (auto& p : plugins_)
        if (p->name == info.name) {
            *p = std::move(info);
            return true;
        }
    plugins_.push_back(std::make_unique<PluginInfo>(std::move(info)));
    return true;
}

const PluginInfo* Registry::find(const std::string& name) const {
    for (const auto& p : plugins_)
        if (p->name == name) return p.get();
    return nullptr;
}

std::vector<const PluginInfo*> Registry::list() const {
    std::vector<const PluginInfo*> out;
    for (const auto& p : plugins_) out.push_back(p.get());
    std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->name < b->name; });
    return out;
}

}  // namespace newslens
