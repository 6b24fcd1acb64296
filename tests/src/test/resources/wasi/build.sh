#!/usr/bin/env bash
# Builds the WASI test guests in this folder (the .wasm files are committed, so tests
# never need a compiler). Needs Debian's clang-19, lld-19 and wasi-libc.
set -euo pipefail
cd "$(dirname "$0")"
for c in *.c; do
  clang-19 --target=wasm32-wasi --sysroot=/usr -O2 -o "${c%.c}.wasm" "$c"
done
