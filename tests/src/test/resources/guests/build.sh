#!/usr/bin/env bash
# Rebuilds the guest modules of the host-interop tests from their C and text sources.
# Needs Debian's clang-19 (with wasm-ld-19), wabt's wat2wasm and Node 24 (NODE24, else
# node on PATH); the .wasm files and Node's results are committed, so running the tests
# needs none of them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
CC=${CC:-clang-19}
# -fno-builtin keeps clang from turning copy loops into memcpy calls nobody defines;
# -fvisibility=hidden exports only what export_name marks.
CFLAGS=(--target=wasm32 -O2 -nostdlib -fno-builtin -fvisibility=hidden -Wall -Wextra -Werror
        -Wl,--no-entry -Wl,--export-dynamic)

# 1: static buffer, own memory.
"$CC" "${CFLAGS[@]}" -o static_buffer.wasm static_buffer.c
# 2: the same code on a host-made memory of exactly 256 pages imported as env.memory.
"$CC" "${CFLAGS[@]}" -Wl,--import-memory -Wl,--initial-memory=16777216 -Wl,--max-memory=16777216 \
    -o imported_memory.wasm static_buffer.c
# 3: a two-result export (clang-19 needs the experimental multivalue ABI) and memory "mem".
"$CC" "${CFLAGS[@]}" -mmultivalue -Xclang -target-abi -Xclang experimental-mv -Wl,--export-memory=mem \
    -o multi_value.wasm multi_value.c
# 4 and 5: host imports and an exported allocator.
"$CC" "${CFLAGS[@]}" -o json_input.wasm json_input.c
"$CC" "${CFLAGS[@]}" -o send_line.wasm send_line.c

# 6: a threaded interpreter whose handlers tail call each other ([[clang::musttail]]),
# and what Node computes with it.
"$CC" "${CFLAGS[@]}" -mtail-call -o tail_interpreter.wasm tail_interpreter.c
"${NODE24:-node}" tail_interpreter.mjs > tail_interpreter.node.txt

# 7: a freestanding wasm64 program working above 4 GiB, and what Node computes with it.
# Compiled and linked in two steps: given -O2, the clang driver runs whatever wasm-opt is on
# the PATH after linking, and Debian's binaryen 108 rejects the 64-bit table.
"$CC" --target=wasm64 -O2 -nostdlib -fno-builtin -fvisibility=hidden -Wall -Wextra -Werror -c \
    -o wasm64_high.o wasm64_high.c
wasm-ld-19 -mwasm64 --no-entry --export-dynamic -o wasm64_high.wasm wasm64_high.o
rm wasm64_high.o
"${NODE24:-node}" wasm64_high.mjs > wasm64_high.node.txt

for wat in calls caller_start checksum errors fused_sets host_calls limits open_files osr simd scopes statements tables traps; do
    wat2wasm --debug-names -o "$wat.wasm" "$wat.wat"
done
wat2wasm --enable-memory64 --enable-multi-memory --debug-names -o memories.wasm memories.wat
wat2wasm --enable-tail-call --debug-names -o tail_calls.wasm tail_calls.wat
