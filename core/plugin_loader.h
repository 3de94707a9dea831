// Compiled plugins loaded at run time: a shared library (.so) for the CLI, a
// WebAssembly side module (.wasm) for the page. Both are the same plugin
// source built with NEWSLENS_LOADABLE_MODULE (see NEWSLENS_PLUGIN).
#pragma once

#include <string>

namespace newslens {

// Loads the module at `path`, checks that it was built for this core's plugin
// ABI, and registers its plugin (replacing a built-in plugin of the same
// name). Returns the plugin's name. Throws std::runtime_error with a one-line
// reason (not a module, missing symbols, wrong ABI version...).
std::string load_compiled_plugin(const std::string& path);

}  // namespace newslens
