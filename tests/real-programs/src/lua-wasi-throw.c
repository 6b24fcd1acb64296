/*
 * Runtime half of lua-wasi-throw.h: a throw is an Asyncify unwind that is
 * stopped in lua_wasi_try. build.sh runs `wasm-opt --asyncify` with
 * asyncify-removelist@lua_wasi_try so that this one function is not
 * instrumented and keeps running when its callee returns mid-unwind.
 */
#include <stdint.h>
#include <stdlib.h>

#include "lua-wasi-throw.h"

/* Imported from "asyncify": the pass replaces these with its own code. */
__attribute__((import_module("asyncify"), import_name("start_unwind")))
void asyncify_start_unwind(void *data);
__attribute__((import_module("asyncify"), import_name("stop_unwind")))
void asyncify_stop_unwind(void);

/* Asyncify spills the locals of each frame it unwinds here. Nothing reads
   them back, so every throw starts again at the beginning. Lua caps C
   recursion at 200 levels; 1 MiB leaves room for that many frames. */
static _Alignas(16) unsigned char spill[1 << 20];
static struct { uint32_t current, end; } spill_range;
static int unwinding;

/* The C shadow stack pointer: frames left by the unwind never ran their
   epilogues, so lua_wasi_try puts it back as a longjmp would. */
static inline uintptr_t shadow_sp(void) {
  uintptr_t sp;
  __asm__ volatile(".globaltype __stack_pointer, i32\n\tglobal.get __stack_pointer\n\tlocal.set %0" : "=r"(sp));
  return sp;
}

static inline void set_shadow_sp(uintptr_t sp) {
  __asm__ volatile(".globaltype __stack_pointer, i32\n\tlocal.get %0\n\tglobal.set __stack_pointer" : : "r"(sp));
}

__attribute__((noinline))
int lua_wasi_try(void (*f)(struct lua_State *, void *), struct lua_State *L, void *ud) {
  uintptr_t sp = shadow_sp();
  f(L, ud);
  if (!unwinding)
    return 0;
  asyncify_stop_unwind();
  unwinding = 0;
  set_shadow_sp(sp);
  return 1;
}

__attribute__((noinline))
void lua_wasi_throw(void) {
  if (unwinding)
    abort();  /* a throw while unwinding cannot happen: no code runs then */
  unwinding = 1;
  spill_range.current = (uint32_t)(uintptr_t)spill;
  spill_range.end = (uint32_t)(uintptr_t)(spill + sizeof spill);
  asyncify_start_unwind(&spill_range);
}
