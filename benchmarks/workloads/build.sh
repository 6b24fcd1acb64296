#!/usr/bin/env bash
# Builds every workload in src/ twice: as a freestanding .wasm next to this script (these
# are committed, so the harness needs no C compiler) and as a native executable in
# benchmarks/target/native/ (not committed) for the WasmLang/native ratio.
# A workload written in the text format (src/NAME.wat, for features C cannot express here,
# such as exception handling) is assembled with wabt's wat2wasm; its native reference is
# src/NAME.cpp, built with clang++.
# The SIMD workloads listed below are built at -O3 and as two modules from the one source:
# NAME.wasm without SIMD and NAME-simd.wasm with -msimd128 (the auto-vectoriser's v128 code);
# their one native executable, target/native/NAME, serves both (the harness maps NAME-simd
# to NAME). Every other workload keeps its -O2 flags, so its .wasm stays byte-identical.
# Needs Debian's clang-19 and lld-19 (apt-get install clang-19 lld-19); wabt's wasm-objdump,
# when installed, checks that only the -simd module holds v128 instructions.
# Usage: benchmarks/workloads/build.sh [--native-only] [NAME...]
#   (default: every src/*.c except native_main; --native-only leaves the .wasm files alone;
#   NAME-simd means NAME)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
native_dir="$here/../target/native"
clang="${CLANG:-clang-19}"
simd_workloads=(bytescan imgblur sgemm)
# Workloads whose C uses [[clang::musttail]]: their .wasm is built with -mtail-call.
tail_call_workloads=(tailcall)

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
  names=()
  for name in "$@"; do
    names+=("${name%-simd}")
  done
else
  names=()
  for source in "$here"/src/*.c "$here"/src/*.wat; do
    name="$(basename "$(basename "$source" .c)" .wat)"
    [ "$name" = native_main ] || names+=("$name")
  done
fi

is_simd_workload() {
  local simd
  for simd in "${simd_workloads[@]}"; do
    [ "$simd" = "$1" ] && return 0
  done
  return 1
}

is_tail_call_workload() {
  local tail
  for tail in "${tail_call_workloads[@]}"; do
    [ "$tail" = "$1" ] && return 0
  done
  return 1
}

# Counts the SIMD instructions (v128 and lane-shaped opcodes) in a module's code.
simd_instruction_count() {
  wasm-objdump -d "$1" | grep -cE '\b(v128|i8x16|i16x8|i32x4|i64x2|f32x4|f64x2)\.' || true
}

# Builds one module; $1 its file name, the rest clang flags beyond the common ones.
build_module() {
  local output="$1"
  shift
  # clang-19 finds its own wasm-ld (lld-19 puts it in /usr/lib/llvm-19/bin).
  "$clang" --target=wasm32 "${flags[@]}" "$@" -nostdlib \
    -Wl,--no-entry -Wl,--export-dynamic -Wl,--export=run \
    -o "$here/$output" "$source"
  chmod 644 "$here/$output"
  echo "built $output ($(stat -c %s "$here/$output") bytes)"
}

mkdir -p "$native_dir"
# -fno-builtin: loops that copy or clear memory must stay loops, since no libc supplies
# memcpy/memset to a freestanding module (bench.h defines the few that struct copies need).
common_flags=(-fno-builtin -I "$here/src")
for name in "${names[@]}"; do
  if [ -f "$here/src/$name.wat" ]; then
    if $build_wasm; then
      wat2wasm --enable-exceptions -o "$here/$name.wasm" "$here/src/$name.wat"
      chmod 644 "$here/$name.wasm"
      echo "built $name.wasm ($(stat -c %s "$here/$name.wasm") bytes)"
    fi
    "$clang" -O2 -c -o "$native_dir/native_main.o" "$here/src/native_main.c"
    "${clang/clang/clang++}" -O2 -o "$native_dir/$name" "$here/src/$name.cpp" "$native_dir/native_main.o"
    echo "built target/native/$name"
    continue
  fi
  source="$here/src/$name.c"
  [ -f "$source" ] || { echo "build.sh: no workload $source" >&2; exit 2; }
  # The SIMD workloads measure what the auto-vectoriser makes of plain loops. clang-19
  # vectorises at -O2 already; -O3, the usual level for such code, adds unrolling and
  # inlining around the vector loops. Their native executable gets -O3 as well.
  if is_simd_workload "$name"; then
    flags=(-O3 "${common_flags[@]}")
  else
    flags=(-O2 "${common_flags[@]}")
  fi
  if $build_wasm; then
    if is_tail_call_workload "$name"; then
      build_module "$name.wasm" -mtail-call
    else
      build_module "$name.wasm"
    fi
    if is_simd_workload "$name"; then
      build_module "$name-simd.wasm" -msimd128
      if command -v wasm-objdump >/dev/null 2>&1; then
        scalar_count="$(simd_instruction_count "$here/$name.wasm")"
        simd_count="$(simd_instruction_count "$here/$name-simd.wasm")"
        if [ "$scalar_count" != 0 ] || [ "$simd_count" = 0 ]; then
          echo "build.sh: expected SIMD instructions in $name-simd.wasm only, found $scalar_count in $name.wasm and $simd_count in $name-simd.wasm" >&2
          exit 1
        fi
        echo "  $simd_count SIMD instructions in $name-simd.wasm, none in $name.wasm"
      fi
    fi
  fi
  "$clang" "${flags[@]}" -o "$native_dir/$name" "$source" "$here/src/native_main.c" -lm
  echo "built target/native/$name"
done
