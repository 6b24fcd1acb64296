/*
 * A threaded bytecode interpreter whose handlers tail call the next one through the
 * dispatch table ([[clang::musttail]]; in Wasm return_call_indirect with -mtail-call), the
 * design of CPython 3.14's tail-calling interpreter. It runs a Collatz step count and an
 * xorshift hash loop, about 4 million handler calls per run(), each one a tail call: the
 * whole run is one chain that must take constant stack. What it stresses: tail calls
 * through a table, the operand stack in linear memory, unpredictable dispatch.
 */
#include "bench.h"

typedef struct { i32 op, arg; } insn;
typedef i64 handler(const insn *pc, i64 *sp, i64 *locals);

enum { PUSH, GET, SET, INC, ADD, MUL, AND, XOR, SHL, SHR, EQ, GT, JNZ, JZ, JMP, HALT };

static handler *const table[];

#define NEXT(pc, sp, locals) __attribute__((musttail)) return table[(pc)->op](pc, sp, locals)

static i64 op_push(const insn *pc, i64 *sp, i64 *locals) { *++sp = pc->arg; ++pc; NEXT(pc, sp, locals); }
static i64 op_get(const insn *pc, i64 *sp, i64 *locals) { *++sp = locals[pc->arg]; ++pc; NEXT(pc, sp, locals); }
static i64 op_set(const insn *pc, i64 *sp, i64 *locals) { locals[pc->arg] = *sp--; ++pc; NEXT(pc, sp, locals); }
static i64 op_inc(const insn *pc, i64 *sp, i64 *locals) { locals[pc->arg]++; ++pc; NEXT(pc, sp, locals); }
static i64 op_add(const insn *pc, i64 *sp, i64 *locals) { sp[-1] += sp[0]; --sp; ++pc; NEXT(pc, sp, locals); }
static i64 op_mul(const insn *pc, i64 *sp, i64 *locals) { sp[-1] *= sp[0]; --sp; ++pc; NEXT(pc, sp, locals); }
static i64 op_and(const insn *pc, i64 *sp, i64 *locals) { sp[-1] &= sp[0]; --sp; ++pc; NEXT(pc, sp, locals); }
static i64 op_xor(const insn *pc, i64 *sp, i64 *locals) { sp[-1] ^= sp[0]; --sp; ++pc; NEXT(pc, sp, locals); }
static i64 op_shl(const insn *pc, i64 *sp, i64 *locals) {
    sp[-1] = (i64) ((u64) sp[-1] << (sp[0] & 63)); --sp; ++pc; NEXT(pc, sp, locals);
}
static i64 op_shr(const insn *pc, i64 *sp, i64 *locals) {
    sp[-1] = (i64) ((u64) sp[-1] >> (sp[0] & 63)); --sp; ++pc; NEXT(pc, sp, locals);
}
static i64 op_eq(const insn *pc, i64 *sp, i64 *locals) { sp[-1] = sp[-1] == sp[0]; --sp; ++pc; NEXT(pc, sp, locals); }
static i64 op_gt(const insn *pc, i64 *sp, i64 *locals) { sp[-1] = sp[-1] > sp[0]; --sp; ++pc; NEXT(pc, sp, locals); }
static i64 op_jnz(const insn *pc, i64 *sp, i64 *locals) { pc = *sp-- ? pc + pc->arg : pc + 1; NEXT(pc, sp, locals); }
static i64 op_jz(const insn *pc, i64 *sp, i64 *locals) { pc = *sp-- ? pc + 1 : pc + pc->arg; NEXT(pc, sp, locals); }
static i64 op_jmp(const insn *pc, i64 *sp, i64 *locals) { pc += pc->arg; NEXT(pc, sp, locals); }
static i64 op_halt(const insn *pc, i64 *sp, i64 *locals) { (void) pc; (void) locals; return *sp; }

static handler *const table[] = {op_push, op_get, op_set, op_inc, op_add, op_mul, op_and, op_xor,
                                 op_shl, op_shr, op_eq, op_gt, op_jnz, op_jz, op_jmp, op_halt};

/* Jump arguments are relative to the jump. */

/* The total number of Collatz steps of 1..local0. */
static const insn collatz[] = {
    {PUSH, 0}, {SET, 1}, {PUSH, 1}, {SET, 2},     /* 0: total = 0; i = 1 */
    {GET, 2}, {GET, 0}, {GT, 0}, {JNZ, 26},       /* 4: while !(i > n) */
    {GET, 2}, {SET, 3},                           /* 8: x = i */
    {GET, 3}, {PUSH, 1}, {EQ, 0}, {JNZ, 18},      /* 10: while x != 1 */
    {GET, 3}, {PUSH, 1}, {AND, 0}, {JZ, 8},       /* 14: if x odd */
    {GET, 3}, {PUSH, 3}, {MUL, 0}, {PUSH, 1}, {ADD, 0}, {SET, 3}, {JMP, 5}, /* 18: x = 3x + 1 */
    {GET, 3}, {PUSH, 1}, {SHR, 0}, {SET, 3},      /* 25: else x = x / 2 */
    {INC, 1}, {JMP, -20},                         /* 29: total++ */
    {INC, 2}, {JMP, -28},                         /* 31: i++ */
    {GET, 1}, {HALT, 0},                          /* 33: return total */
};

/* local1 = xorshift64 applied local0 times to local2; returns the final state. */
static const insn xorshift[] = {
    {GET, 0}, {JZ, 24},                                             /* 0: while n */
    {GET, 2}, {GET, 2}, {PUSH, 13}, {SHL, 0}, {XOR, 0}, {SET, 2},   /* 2: x ^= x << 13 */
    {GET, 2}, {GET, 2}, {PUSH, 7}, {SHR, 0}, {XOR, 0}, {SET, 2},    /* 8: x ^= x >> 7 */
    {GET, 2}, {GET, 2}, {PUSH, 17}, {SHL, 0}, {XOR, 0}, {SET, 2},   /* 14: x ^= x << 17 */
    {GET, 0}, {PUSH, -1}, {ADD, 0}, {SET, 0}, {JMP, -24},           /* 20: n-- */
    {GET, 2}, {HALT, 0},                                            /* 25 */
};

static i64 stack[64];

static i64 execute(const insn *program, i64 *locals) {
    return table[program->op](program, stack, locals);
}

BENCH_RUN {
    i64 locals[4] = {3000, 0, 0, 0};
    i64 steps = execute(collatz, locals);
    i64 hash_locals[4] = {50000, 0, 88172645463325252LL, 0};
    i64 hash = execute(xorshift, hash_locals);
    return steps * 31 + hash;
}
