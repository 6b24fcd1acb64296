/*
 * Lua error handling for WASI without setjmp/longjmp.
 *
 * wasi-libc has no setjmp unless the module uses the exception-handling
 * proposal, which WasmLang (a Wasm 2.0 engine) does not run. Instead a Lua
 * error unwinds the Wasm stack with Binaryen's Asyncify pass: the thrower
 * starts an Asyncify unwind, every instrumented frame returns at once, and the
 * unwind is stopped in lua_wasi_try, which build.sh leaves uninstrumented
 * (asyncify-removelist) so it regains control like the target of a longjmp.
 * The rewind half of Asyncify is never used.
 *
 * Force-included into ldo.c (-include); only LUAI_TRY/LUAI_THROW change.
 */
#ifndef LUA_WASI_THROW_H
#define LUA_WASI_THROW_H

struct lua_State;

/* Calls f(L, ud); returns 0 when it returned normally, 1 after a throw. */
int lua_wasi_try(void (*f)(struct lua_State *, void *), struct lua_State *L, void *ud);
/* Starts the unwind; the caller must return at once (Asyncify makes it). */
void lua_wasi_throw(void);

/* Lua's only LUAI_TRY is in luaD_rawrunprotected, whose body 'a' is the call
   (*f)(L, ud): the macro names those two locals itself. */
#define LUAI_THROW(L,c)  lua_wasi_throw()
#define LUAI_TRY(L,c,a)  lua_wasi_try(f, L, ud)
#define luai_jmpbuf      int

#endif
