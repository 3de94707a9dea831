# Shared by scripts/setup.sh and scripts/test.sh: install what is missing,
# then build the native CLI and the WebAssembly page. Every step is
# idempotent; a second run only rebuilds what changed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NATIVE_BUILD="$ROOT/build/native"
WASM_BUILD="$ROOT/build/wasm"
PAGE="$WASM_BUILD/web/newslens.html"
# Quality gates: clang + ASan/UBSan build with the libFuzzer targets (test.sh only).
SANITIZE_BUILD="$ROOT/build/sanitize"
# Debian's emcc runs its JavaScript tools with node, which does not search
# Debian's node modules by itself (emcc fails with "Cannot find module 'acorn'").
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}

log() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_system_packages() {
  local wanted=(emscripten libboost1.81-dev nlohmann-json3-dev catch2 cmake g++ make chromium python3)
  # The text layer's character tables come from the Unicode Character Database.
  wanted+=(unicode-data)
  # Quality gates: clang with libFuzzer and the sanitizer runtimes, and
  # llvm-symbolizer for readable sanitizer reports (build_sanitize); GNU time
  # measures peak memory in fuzz/hostile_inputs.py.
  wanted+=(clang libclang-rt-14-dev llvm-14 time)
  # The Dask recipe (examples/dask/) and its test: Dask's distributed
  # scheduler from Debian (issue 19).
  wanted+=(python3-dask python3-distributed)
  command -v node > /dev/null || wanted+=(nodejs)
  command -v npm > /dev/null || wanted+=(npm)
  local missing=()
  for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2> /dev/null | grep -q "ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
  fi
}

install_npm_packages() {
  # npm ci installs exactly what package-lock.json pins; skip it when
  # node_modules already matches the lockfile.
  if [ ! -f "$ROOT/node_modules/.package-lock.json" ] ||
     [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    log "installing npm packages (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

build_native() {
  log "building the native CLI and tests ($NATIVE_BUILD)"
  if [ ! -f "$NATIVE_BUILD/CMakeCache.txt" ]; then
    cmake -S "$ROOT" -B "$NATIVE_BUILD" -DCMAKE_BUILD_TYPE=Release -DNEWSLENS_WASM_DIR="$WASM_BUILD" > /dev/null
  fi
  # The native ctest also runs the sanitizer build's tests and the fuzz targets.
  grep -qx "NEWSLENS_SANITIZE_DIR:PATH=$SANITIZE_BUILD" "$NATIVE_BUILD/CMakeCache.txt" ||
    cmake -S "$ROOT" -B "$NATIVE_BUILD" -DNEWSLENS_SANITIZE_DIR="$SANITIZE_BUILD" > /dev/null
  cmake --build "$NATIVE_BUILD" -j"$(nproc)"
}

build_wasm() {
  log "building the WebAssembly module, its tests and the page ($WASM_BUILD)"
  if [ ! -f "$WASM_BUILD/CMakeCache.txt" ]; then
    # emcmake's own emulator flag is rejected by node 20: name node ourselves.
    emcmake cmake -S "$ROOT" -B "$WASM_BUILD" -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node > /dev/null
  fi
  cmake --build "$WASM_BUILD" -j"$(nproc)"
}

# Everything again with clang, AddressSanitizer + UndefinedBehaviorSanitizer,
# and the libFuzzer targets (cmake/sanitize.cmake, fuzz/). scripts/test.sh
# builds it; the native ctest runs it (tests/CMakeLists.txt).
build_sanitize() {
  log "building with AddressSanitizer + UndefinedBehaviorSanitizer, and the fuzz targets ($SANITIZE_BUILD)"
  if [ ! -f "$SANITIZE_BUILD/CMakeCache.txt" ]; then
    CC=clang CXX=clang++ cmake -S "$ROOT" -B "$SANITIZE_BUILD" -DCMAKE_BUILD_TYPE=Release -DNEWSLENS_SANITIZE=ON > /dev/null
  fi
  cmake --build "$SANITIZE_BUILD" -j"$(nproc)"
}

setup_all() {
  install_system_packages
  install_npm_packages
  build_wasm
  build_native
}
