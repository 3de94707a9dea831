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

# newslens_plugin(NAME SOURCES a.cpp ... [TESTS t.cpp ...] [LOADABLE])
# Declares a plugin, built into every front end when NEWSLENS_PLUGINS is
# "all" or names it. A corpus.json (and any *_corpus.json) beside the
# plugin's CMakeLists.txt is run by the tests (see tests/corpus_test.cpp).
# LOADABLE also builds the same sources as a module loaded at run time:
# NAME.so natively (newslens analyze --plugin-file NAME.so), NAME.wasm (a
# side module) under Emscripten (dropped on the page), both in
# ${CMAKE_BINARY_DIR}/loadable-plugins/.
function(newslens_plugin name)
  cmake_parse_arguments(P "LOADABLE" "" "SOURCES;TESTS" ${ARGN})
  if(P_LOADABLE)
    newslens_loadable_module(${name} ${P_SOURCES})
  endif()
  if(NOT (NEWSLENS_PLUGINS STREQUAL "all" OR name IN_LIST NEWSLENS_PLUGINS))
    return()  # not built in (a LOADABLE module is still built above)
  endif()
  set(target newslens_plugin_${name})
  # An OBJECT library: its objects are linked as they are, so the plugin's
  # static self-registration is never dropped by the linker.
  add_library(${target} OBJECT ${P_SOURCES})
  target_link_libraries(${target} PUBLIC newslens_core)
  set_property(GLOBAL APPEND PROPERTY NEWSLENS_PLUGIN_NAMES ${name})
  set_property(GLOBAL APPEND PROPERTY NEWSLENS_PLUGIN_TARGETS ${target})
  # corpus.json, and any NAME_corpus.json beside it (numbers' claims_corpus.json).
  file(GLOB corpora "${CMAKE_CURRENT_SOURCE_DIR}/*corpus.json")
  list(SORT corpora)
  foreach(corpus IN LISTS corpora)
    set_property(GLOBAL APPEND PROPERTY NEWSLENS_CORPORA "${name}=${corpus}")
  endforeach()
  foreach(t IN LISTS P_TESTS)
    set_property(GLOBAL APPEND PROPERTY NEWSLENS_PLUGIN_TESTS "${CMAKE_CURRENT_SOURCE_DIR}/${t}")
  endforeach()
endfunction()

# Links every plugin of this build into `target`.
function(newslens_link_plugins target)
  get_property(targets GLOBAL PROPERTY NEWSLENS_PLUGIN_TARGETS)
  target_link_libraries(${target} PRIVATE newslens_core ${targets})
endfunction()

# The run-time module of a plugin: its sources compiled with
# NEWSLENS_LOADABLE_MODULE, linked without the core (the core's symbols come
# from the program that loads it).
function(newslens_loadable_module name)
  newslens_loadable_target(newslens_loadable_${name} ${name} ${ARGN})
  set_property(GLOBAL APPEND PROPERTY NEWSLENS_LOADABLE_TARGETS newslens_loadable_${name})
  if(NEWSLENS_TESTS)
    # The same module claiming another plugin ABI: the tests check that the
    # loaders refuse it with a clear message instead of crashing.
    newslens_loadable_target(newslens_loadable_${name}_wrong_abi ${name}-wrong-abi ${ARGN})
    target_compile_definitions(newslens_loadable_${name}_wrong_abi PRIVATE NEWSLENS_PLUGIN_ABI_BUILT=999)
    set_property(GLOBAL APPEND PROPERTY NEWSLENS_LOADABLE_TEST_TARGETS newslens_loadable_${name}_wrong_abi)
  endif()
endfunction()

function(newslens_loadable_target target output)
  if(EMSCRIPTEN)
    add_executable(${target} ${ARGN})
    set_target_properties(${target} PROPERTIES SUFFIX ".wasm")
    target_link_options(${target} PRIVATE -sSIDE_MODULE=1)
  else()
    add_library(${target} MODULE ${ARGN})
    set_target_properties(${target} PROPERTIES PREFIX "" POSITION_INDEPENDENT_CODE ON)
  endif()
  set_target_properties(${target} PROPERTIES OUTPUT_NAME ${output}
                        RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/loadable-plugins"
                        LIBRARY_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/loadable-plugins")
  target_compile_definitions(${target} PRIVATE NEWSLENS_LOADABLE_MODULE)
  target_include_directories(${target} PRIVATE "${CMAKE_SOURCE_DIR}/core")
  if(NEWSLENS_THIRD_PARTY_INCLUDE)
    target_include_directories(${target} SYSTEM PRIVATE "${NEWSLENS_THIRD_PARTY_INCLUDE}")
  endif()
endfunction()
