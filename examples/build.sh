#!/bin/sh
# Builds the example WASI programs in this folder with Debian's clang-19 and
# wasi-libc (packages clang-19, lld-19, wasi-libc, libclang-rt-19-dev-wasm32).
# The built .wasm files are committed, so running them needs no build.
set -eu
cd "$(dirname "$0")"
CC=${CC:-clang-19}
for prog in wordfreq; do
  # Compile and link in two steps: clang runs wasm-opt when -O is on the link
  # line, and that drops the "name" section that engines use in stack traces.
  "$CC" --target=wasm32-wasi --sysroot=/usr -O2 -Wall -Wextra -c -o "$prog.o" "$prog.c"
  "$CC" --target=wasm32-wasi --sysroot=/usr -Wl,--strip-debug -o "$prog.wasm" "$prog.o"
  rm -f "$prog.o"
  echo "built examples/$prog.wasm ($(wc -c < "$prog.wasm") bytes)"
done
