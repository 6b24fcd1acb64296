#!/usr/bin/env bash
# Builds every workload in src/ twice: as a freestanding .wasm next to this script (these
# are committed, so the harness needs no C compiler) and as a native executable in
# benchmarks/target/native/ (not committed) for the WasmLang/native ratio.
# Needs Debian's clang-19 and lld-19 (apt-get install clang-19 lld-19).
# Usage: benchmarks/workloads/build.sh [--native-only] [NAME...]
#   (default: every src/*.c except native_main; --native-only leaves the .wasm files alone)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
native_dir="$here/../target/native"
clang="${CLANG:-clang-19}"

build_wasm=true
if [ "${1:-}" = --native-only ]; then
  build_wasm=false
  shift
fi

if ! command -v "$clang" >/dev/null 2>&1 || ! command -v wasm-ld-19 >/dev/null 2>&1; then
  echo "build.sh: needs clang-19 and lld-19 (apt-get install clang-19 lld-19)" >&2
  exit 2
fi

if [ "$#" -gt 0 ]; then
  names=("$@")
else
  names=()
  for source in "$here"/src/*.c; do
    name="$(basename "$source" .c)"
    [ "$name" = native_main ] || names+=("$name")
  done
fi

mkdir -p "$native_dir"
# -fno-builtin: loops that copy or clear memory must stay loops, since no libc supplies
# memcpy/memset to a freestanding module (bench.h defines the few that struct copies need).
common_flags=(-O2 -fno-builtin -I "$here/src")
for name in "${names[@]}"; do
  source="$here/src/$name.c"
  [ -f "$source" ] || { echo "build.sh: no workload $source" >&2; exit 2; }
  if $build_wasm; then
    # clang-19 finds its own wasm-ld (lld-19 puts it in /usr/lib/llvm-19/bin).
    "$clang" --target=wasm32 "${common_flags[@]}" -nostdlib \
      -Wl,--no-entry -Wl,--export-dynamic -Wl,--export=run \
      -o "$here/$name.wasm" "$source"
    chmod 644 "$here/$name.wasm"
    echo "built $name.wasm ($(stat -c %s "$here/$name.wasm") bytes)"
  fi
  "$clang" "${common_flags[@]}" -o "$native_dir/$name" "$source" "$here/src/native_main.c" -lm
  echo "built target/native/$name"
done
