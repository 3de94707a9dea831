# Helpers shared by the core, the plugins, the CLI, the page and the tests.

# Native: the system headers (Boost.Regex is header-only from 1.76, nlohmann
# and Catch2 are header-only). Emscripten: never /usr/include itself (glibc
# headers clash with the Emscripten sysroot), only a folder of symlinks to the
# three header trees we need, added with -isystem.
function(newslens_setup_toolchain)
  if(EMSCRIPTEN)
    set(dir "${CMAKE_BINARY_DIR}/third_party_include")
    file(MAKE_DIRECTORY "${dir}")
    foreach(lib boost nlohmann catch2)
      if(NOT EXISTS "/usr/include/${lib}")
        message(FATAL_ERROR "/usr/include/${lib} is missing: run scripts/setup.sh (it installs the Debian packages)")
      endif()
      file(CREATE_LINK "/usr/include/${lib}" "${dir}/${lib}" SYMBOLIC)
    endforeach()
    set(NEWSLENS_THIRD_PARTY_INCLUDE "${dir}" PARENT_SCOPE)
    # Native wasm exceptions: fastest build that can still catch (Boost.Regex
    # throws on bad patterns and on its complexity limit; Catch2 needs them).
    add_compile_options(-fwasm-exceptions)
    add_link_options(-fwasm-exceptions $<$<CONFIG:Release>:-O3>)
  else()
    foreach(h boost/regex.hpp nlohmann/json.hpp)
      if(NOT EXISTS "/usr/include/${h}")
        message(FATAL_ERROR "/usr/include/${h} is missing: run scripts/setup.sh (it installs the Debian packages)")
      endif()
    endforeach()
    set(NEWSLENS_THIRD_PARTY_INCLUDE "" PARENT_SCOPE)
  endif()
endfunction()

# newslens_plugin(NAME SOURCES a.cpp ... [TESTS t.cpp ...])
# Declares a plugin built into every front end. A corpus.json beside the
# plugin's CMakeLists.txt is run by the tests (see tests/corpus_test.cpp).
function(newslens_plugin name)
  cmake_parse_arguments(P "" "" "SOURCES;TESTS" ${ARGN})
  set(target newslens_plugin_${name})
  # An OBJECT library: its objects are linked as they are, so the plugin's
  # static self-registration is never dropped by the linker.
  add_library(${target} OBJECT ${P_SOURCES})
  target_link_libraries(${target} PUBLIC newslens_core)
  set_property(GLOBAL APPEND PROPERTY NEWSLENS_PLUGIN_NAMES ${name})
  set_property(GLOBAL APPEND PROPERTY NEWSLENS_PLUGIN_TARGETS ${target})
  if(EXISTS "${CMAKE_CURRENT_SOURCE_DIR}/corpus.json")
    set_property(GLOBAL APPEND PROPERTY NEWSLENS_CORPORA "${name}=${CMAKE_CURRENT_SOURCE_DIR}/corpus.json")
  endif()
  foreach(t IN LISTS P_TESTS)
    set_property(GLOBAL APPEND PROPERTY NEWSLENS_PLUGIN_TESTS "${CMAKE_CURRENT_SOURCE_DIR}/${t}")
  endforeach()
endfunction()

# Links every plugin of this build into `target`.
function(newslens_link_plugins target)
  get_property(targets GLOBAL PROPERTY NEWSLENS_PLUGIN_TARGETS)
  target_link_libraries(${target} PRIVATE newslens_core ${targets})
endfunction()
