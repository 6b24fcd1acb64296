#!/usr/bin/env bash
# Rebuilds the DWARF reader's test guests (tests/.../dwarf/DwarfTest) from prog.c. Needs
# Debian's clang-19 with wasi-libc (package wasi-libc, sysroot /usr). The .wasm files are
# committed, so running the tests needs none of this. The tests name lines of prog.c and
# addresses from llvm-dwarfdump-19: after rebuilding, check them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
CC=${CC:-clang-19}
# The committed binaries name /wasmlang/guests/dwarf, not this machine's directory.
FLAGS=(--target=wasm32-wasi --sysroot=/usr -fdebug-prefix-map="$PWD"=/wasmlang/guests/dwarf)

# clang-19 for wasm32 emits DWARF 4 unless told otherwise, so both versions are explicit.
"$CC" "${FLAGS[@]}" -O0 -gdwarf-5 -o prog.wasm prog.c
"$CC" "${FLAGS[@]}" -O0 -gdwarf-4 -o prog-dwarf4.wasm prog.c
# Compiled and linked in two steps: given -O2, the driver runs whatever wasm-opt is on the
# PATH after linking (Debian's binaryen 108 crashes on this module).
"$CC" "${FLAGS[@]}" -O2 -gdwarf-5 -c -o prog-o2.o prog.c
"$CC" "${FLAGS[@]}" -o prog-o2.wasm prog-o2.o
rm prog-o2.o

# C++ names (namespace, method defined outside its class) for wasm32 and wasm64, freestanding.
CXXFLAGS=(-O0 -gdwarf-5 -nostdlib -fno-builtin -fvisibility=hidden -fdebug-prefix-map="$PWD"=/wasmlang/guests/dwarf)
clang++-19 --target=wasm32 "${CXXFLAGS[@]}" -Wl,--no-entry -o shapes.wasm shapes.cpp
clang++-19 --target=wasm64 "${CXXFLAGS[@]}" -c -o shapes64.o shapes.cpp
wasm-ld-19 -mwasm64 --no-entry -o shapes64.wasm shapes64.o
rm shapes64.o

# Types whose spelling or layout needs care (typedefs, qualifiers, 2-D array, bit-fields).
clang-19 --target=wasm32 -O0 -gdwarf-5 -nostdlib -fno-builtin -fvisibility=hidden \
    -fdebug-prefix-map="$PWD"=/wasmlang/guests/dwarf -Wl,--no-entry -o types.wasm types.c

# Rust without std, compiled to an object and linked alone so the module holds only this
# file's DWARF (linking core adds 1.7 MB of it). Needs Debian's rustc with
# libstd-rust-dev-wasm32 (RUSTC, else /usr/bin/rustc).
"${RUSTC:-/usr/bin/rustc}" --target wasm32-unknown-unknown --crate-type lib --emit=obj -g -C opt-level=0 \
    -C panic=abort -C overflow-checks=off --remap-path-prefix="$PWD"=/wasmlang/guests/dwarf -o rect.o rect.rs
wasm-ld-19 --no-entry --export=run -o rect.wasm rect.o
rm rect.o

# What llvm-dwarfdump reads from each line table, for DwarfTest to compare with: one row a
# line, "address line column" and two flags (is_stmt, end_sequence), gzipped.
for f in prog prog-dwarf4 prog-o2; do
    llvm-dwarfdump-19 --debug-line "$f.wasm" | python3 -c '
import re, sys
for l in sys.stdin:
    m = re.match(r"^0x([0-9a-f]{16}) +(\d+) +(\d+) +\d+ +\d+ +\d+ +\d+ *(.*)$", l)
    if m:
        flags = m.group(4).split()
        print("%x %s %s %d%d" % (int(m.group(1), 16), m.group(2), m.group(3), "is_stmt" in flags, "end_sequence" in flags))
' | gzip -9n > "$f.lines.gz"
done
