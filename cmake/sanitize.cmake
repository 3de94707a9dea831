# Sanitizer build (scripts/common.sh builds build/sanitize with it):
#   CC=clang CXX=clang++ cmake -S . -B build/sanitize -DNEWSLENS_SANITIZE=ON
# Everything (core, plugins, CLI, Catch2 tests, loadable modules) is compiled
# with AddressSanitizer and UndefinedBehaviorSanitizer, and any finding aborts
# the program (-fno-sanitize-recover=all), so a test that trips one fails.
# With clang, the core and plugins also carry libFuzzer's coverage
# instrumentation and the fuzz targets in fuzz/ are built (see
# fuzz/CMakeLists.txt). Native builds only: ignored under Emscripten.

option(NEWSLENS_SANITIZE "Build everything with AddressSanitizer + UndefinedBehaviorSanitizer (and, with clang, the libFuzzer targets in fuzz/)" OFF)
set(NEWSLENS_FUZZ OFF)

if(NEWSLENS_SANITIZE AND NOT EMSCRIPTEN)
  set(sanitize_flags -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_compile_options(${sanitize_flags} -gline-tables-only)
  add_link_options(${sanitize_flags})
  if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    # Coverage feedback for libFuzzer in every object; only the fuzz targets
    # link libFuzzer itself (-fsanitize=fuzzer), the other programs get the
    # sanitizer runtime's no-op coverage hooks.
    add_compile_options(-fsanitize=fuzzer-no-link)
    set(NEWSLENS_FUZZ ON)
  else()
    message(STATUS "newslens: NEWSLENS_SANITIZE with ${CMAKE_CXX_COMPILER_ID}: sanitizers on, fuzz targets off (libFuzzer needs clang)")
  endif()
elseif(NEWSLENS_SANITIZE)
  message(STATUS "newslens: NEWSLENS_SANITIZE is ignored under Emscripten")
endif()
