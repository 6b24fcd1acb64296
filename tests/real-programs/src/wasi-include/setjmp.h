/* wasi-libc ships no <setjmp.h> for plain Wasm; lua-wasi-throw.h replaces
   Lua's only use of it, so this header only has to exist. */
