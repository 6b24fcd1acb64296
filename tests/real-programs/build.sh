#!/bin/bash
# Builds the real-world WASI programs of this folder from Debian source
# packages: sqlite3.wasm (the sqlite3 shell), speedtest1.wasm (SQLite's
# benchmark), lua.wasm (the Lua 5.4 interpreter), bzip2.wasm and
# xxhsum.wasm (xxHash's command line tool, with wasm SIMD), and simdkit.wasm,
# a SIMD test program of this project's own (src/simdkit).
#
#   build.sh                 builds them all
#   build.sh xxhsum lua      builds the ones named (sqlite3 makes speedtest1 too)
#
# The built .wasm files are committed; run this only to rebuild them. It
# fetches the sources with `apt-get source` into a temporary folder (needs
# deb-src lines in apt's sources and `apt-get update`) and needs these Debian
# packages: clang-19 lld-19 wasi-libc libclang-rt-19-dev-wasm32 binaryen
# dpkg-dev tcl (SQLite makes its amalgamation with tclsh) gcc make, and
# libsimde-dev for xxhsum (SIMDe is header-only; its source package is not
# always on the mirrors, so the installed headers are used).
#
# Versions are pinned so that a rebuild gives the same programs; when Debian
# has replaced one, name another with SQLITE_DEB, LUA_DEB or BZIP2_DEB.
set -euo pipefail

SQLITE_DEB=${SQLITE_DEB:-3.46.1-7+deb13u2}
LUA_DEB=${LUA_DEB:-5.4.7-1}
BZIP2_DEB=${BZIP2_DEB:-1.0.8-6}
XXHASH_DEB=${XXHASH_DEB:-0.8.3-2}
SIMDE_INCLUDE=${SIMDE_INCLUDE:-/usr/include/simde}

HERE=$(cd "$(dirname "$0")" && pwd)
SHIMS=$HERE/src
CC=${CC:-clang-19}
WASM_OPT=${WASM_OPT:-wasm-opt}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

PROGRAMS=("$@")
[ ${#PROGRAMS[@]} -gt 0 ] || PROGRAMS=(sqlite3 lua bzip2 xxhsum simdkit)
for p in "${PROGRAMS[@]}"; do
  case $p in sqlite3|lua|bzip2|xxhsum|simdkit) ;; *) echo "build.sh: no program $p" >&2; exit 2 ;; esac
done
wanted() { [[ " ${PROGRAMS[*]} " == *" $1 "* ]]; }

# -O2 only when compiling: with -O on the link line clang runs wasm-opt
# itself, which drops the "name" section (function names in stack traces and
# the names Asyncify's lists refer to). wasm-opt -O2 runs below instead.
CFLAGS="--target=wasm32-wasi --sysroot=/usr -O2"
LDFLAGS="--target=wasm32-wasi --sysroot=/usr -Wl,--strip-debug"

fetch() {  # fetch PACKAGE VERSION: unpacks upstream sources without Debian's patches
  (cd "$WORK" && apt-get source --download-only "$1=$2" >/dev/null)
  local dsc
  dsc=$(ls "$WORK"/"$1"_*.dsc)
  (cd "$WORK" && dpkg-source --skip-patches -x "$dsc" "$WORK/$1" >/dev/null 2>&1)
}

finish() {  # finish IN OUT: optimizes with Binaryen and places the program here
  "$WASM_OPT" -O2 "$1" -o "$HERE/$2"
  echo "built tests/real-programs/$2 ($(wc -c < "$HERE/$2") bytes)"
}

# ---------------------------------------------------------------- SQLite
build_sqlite3() {
# The Debian source is SQLite's full tree; its Makefile makes the
# amalgamation sqlite3.c and the shell's shell.c with the host's compiler.
fetch sqlite3 "$SQLITE_DEB"
mkdir "$WORK/sqlite3/bld"
(cd "$WORK/sqlite3/bld" && ../configure --disable-tcl >/dev/null && make sqlite3.c shell.c >/dev/null)
# wasi-libc has no threads, dlopen, popen/system, shared-memory mmap (WAL)
# or temporary directory; the _WASI_EMULATED_* macros admit the emulated
# signal, clock, getpid and mmap functions SQLite's sources name.
SQLITE_FLAGS="-DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_LOAD_EXTENSION -DSQLITE_OMIT_WAL \
  -DSQLITE_OMIT_SHARED_CACHE -DSQLITE_OMIT_POPEN -DSQLITE_NOHAVE_SYSTEM -DSQLITE_TEMP_STORE=3 \
  -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_MATH_FUNCTIONS \
  -D_WASI_EMULATED_SIGNAL -D_WASI_EMULATED_PROCESS_CLOCKS -D_WASI_EMULATED_GETPID -D_WASI_EMULATED_MMAN"
SQLITE_LIBS="-lwasi-emulated-signal -lwasi-emulated-process-clocks -lwasi-emulated-getpid -lwasi-emulated-mman"
cd "$WORK/sqlite3/bld"
$CC $CFLAGS $SQLITE_FLAGS -c sqlite3.c -o sqlite3.o
# The shell's fileio functions call chmod, which wasi-libc lacks.
$CC $CFLAGS $SQLITE_FLAGS -I. -include "$SHIMS/posix-shim.h" -c shell.c -o shell.o
$CC $CFLAGS -c "$SHIMS/posix-shim.c" -o posix-shim.o
$CC $LDFLAGS shell.o sqlite3.o posix-shim.o $SQLITE_LIBS -o sqlite3-raw.wasm
finish sqlite3-raw.wasm sqlite3.wasm
$CC $CFLAGS $SQLITE_FLAGS -I. -c ../test/speedtest1.c -o speedtest1.o
$CC $LDFLAGS speedtest1.o sqlite3.o $SQLITE_LIBS -o speedtest1-raw.wasm
finish speedtest1-raw.wasm speedtest1.wasm
}

# ---------------------------------------------------------------- Lua
build_lua() {
# Lua raises errors with setjmp/longjmp, which wasi-libc has only with the
# exception-handling proposal. src/lua-wasi-throw.{h,c} replace them with an
# Asyncify unwind (see there); wasm-opt --asyncify instruments the module.
fetch lua5.4 "$LUA_DEB"
cd "$WORK/lua5.4/src"
LUA_FLAGS="-D_WASI_EMULATED_SIGNAL -D_WASI_EMULATED_PROCESS_CLOCKS"
objs=()
for f in *.c; do
  case $f in luac.c) continue ;; esac
  extra=()
  case $f in
    # ldo.c includes <setjmp.h>: src/wasi-include has an empty one.
    # luaD_throw is noreturn yet returns into the Asyncify unwind: hush that.
    ldo.c) extra=(-I"$SHIMS/wasi-include" -include "$SHIMS/lua-wasi-throw.h" -Wno-invalid-noreturn) ;;
    liolib.c) extra=(-Wno-deprecated-declarations) ;;  # tmpfile: see lua-wasi-shim.c
    # No processes and no temporary directory: os.execute() reports no
    # shell, os.tmpname() fails with Lua's own error message.
    loslib.c) extra=('-Dl_system(cmd)=((cmd)==NULL?0:-1)' -DLUA_TMPNAMBUFSIZE=32
                     '-Dlua_tmpnam(b,e)={(void)(b);e=1;}') ;;
  esac
  $CC $CFLAGS $LUA_FLAGS "${extra[@]}" -c "$f" -o "${f%.c}.o"
  objs+=("${f%.c}.o")
done
$CC $CFLAGS -I. -c "$SHIMS/lua-wasi-throw.c" -o lua-wasi-throw.o
$CC $CFLAGS -Wno-deprecated-declarations -c "$SHIMS/lua-wasi-shim.c" -o lua-wasi-shim.o
$CC $LDFLAGS "${objs[@]}" lua-wasi-throw.o lua-wasi-shim.o \
  -lwasi-emulated-signal -lwasi-emulated-process-clocks -o lua-raw.wasm
# One wasm-opt call: Asyncify optimizes its own output when -O2 follows it,
# which makes lua.wasm a fifth smaller than a separate -O2 run.
"$WASM_OPT" --asyncify --pass-arg=asyncify-removelist@lua_wasi_try -O2 lua-raw.wasm -o "$HERE/lua.wasm"
echo "built tests/real-programs/lua.wasm ($(wc -c < "$HERE/lua.wasm") bytes)"
}

# ---------------------------------------------------------------- bzip2
build_bzip2() {
fetch bzip2 "$BZIP2_DEB"
cd "$WORK/bzip2"
BZ_FLAGS="-D_FILE_OFFSET_BITS=64 -D_WASI_EMULATED_SIGNAL -D_WASI_EMULATED_PROCESS_CLOCKS"
objs=()
for f in blocksort huffman crctable randtable compress decompress bzlib bzip2; do
  # bzip2.c copies file modes and owners with fchmod/fchown: no-op shims.
  $CC $CFLAGS $BZ_FLAGS -include "$SHIMS/posix-shim.h" -c $f.c -o $f.o
  objs+=($f.o)
done
$CC $CFLAGS -c "$SHIMS/posix-shim.c" -o posix-shim.o
$CC $LDFLAGS "${objs[@]}" posix-shim.o -lwasi-emulated-signal -lwasi-emulated-process-clocks -o bzip2-raw.wasm
finish bzip2-raw.wasm bzip2.wasm
}

# ---------------------------------------------------------------- xxhsum
# xxhash.h has a wasm SIMD path: on wasm32 with -msimd128 it takes its NEON
# code (XXH_VECTOR == XXH_NEON, with a few __wasm_simd128__ branches of its
# own) when <arm_neon.h> exists, expecting SIMDe to provide it. SIMDe's NEON
# functions are written with wasm_simd128.h intrinsics for that target.
# src/simde-neon/arm_neon.h is that header; XXH3 and XXH128 on inputs over
# 240 bytes run through it. -O3 as xxHash's own Makefile has it.
build_xxhsum() {
fetch xxhash "$XXHASH_DEB"
cd "$WORK/xxhash"
mkdir -p simde-include
ln -sfn "$SIMDE_INCLUDE" simde-include/simde
XXH_FLAGS="--target=wasm32-wasi --sysroot=/usr -O3 -msimd128 -I. -I$SHIMS/simde-neon -Isimde-include \
  -D_WASI_EMULATED_PROCESS_CLOCKS"
objs=()
for f in xxhash.c cli/xxhsum.c cli/xsum_os_specific.c cli/xsum_arch.c cli/xsum_output.c \
         cli/xsum_sanity_check.c cli/xsum_bench.c; do
  o=$(basename "${f%.c}").o
  $CC $XXH_FLAGS -c "$f" -o "$o"
  objs+=("$o")
done
$CC $LDFLAGS "${objs[@]}" -lwasi-emulated-process-clocks -o xxhsum-raw.wasm
finish xxhsum-raw.wasm xxhsum.wasm
}

# ---------------------------------------------------------------- simdkit
# Written for these tests (src/simdkit): every kernel twice, with
# wasm_simd128.h intrinsics and as plain loops that clang vectorises itself.
# ops-ref.c, the scalar side of the instruction table, is built without the
# vectorisers so that it stays scalar.
build_simdkit() {
cd "$WORK"
local src=$SHIMS/simdkit
local flags="--target=wasm32-wasi --sysroot=/usr -O3 -msimd128 -I$src"
$CC $flags -c "$src/simdkit.c" -o simdkit.o
$CC $flags -c "$src/ops.c" -o simdkit-ops.o
$CC $flags -fno-vectorize -fno-slp-vectorize -c "$src/ops-ref.c" -o simdkit-ops-ref.o
$CC $LDFLAGS simdkit.o simdkit-ops.o simdkit-ops-ref.o -lm -o simdkit-raw.wasm
finish simdkit-raw.wasm simdkit.wasm
}

for p in "${PROGRAMS[@]}"; do
  "build_$p"
done
