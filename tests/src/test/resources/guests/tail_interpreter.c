/* A threaded bytecode interpreter in the style of CPython 3.14's tail-calling interpreter:
 * every handler ends by tail calling the next instruction's handler through the dispatch
 * table ([[clang::musttail]], compiled with -mtail-call to return_call_indirect), so a
 * program's whole run is one chain of tail calls, millions long, that must run in
 * constant stack. parity() is a chain of direct tail calls (return_call; clang merges
 * the two functions into one that tail calls itself). TailCallTest compares the results
 * with Node's. */
#include <stdint.h>

#define EXPORT(name) __attribute__((export_name(name)))

typedef int64_t i64;
typedef struct { int32_t op, arg; } insn;
typedef i64 handler(const insn *pc, i64 *sp, i64 *locals);

enum { PUSH, GET, SET, INC, ADD, MUL, AND, XOR, SHR, EQ, GT, JNZ, JZ, JMP, HALT };

static handler *const table[];

#define NEXT(pc, sp, locals) [[clang::musttail]] return table[(pc)->op](pc, sp, locals)

static i64 op_push(const insn *pc, i64 *sp, i64 *locals) { *++sp = pc->arg; ++pc; NEXT(pc, sp, locals); }
static i64 op_get(const insn *pc, i64 *sp, i64 *locals) { *++sp = locals[pc->arg]; ++pc; NEXT(pc, sp, locals); }
static i64 op_set(const insn *pc, i64 *sp, i64 *locals) { locals[pc->arg] = *sp--; ++pc; NEXT(pc, sp, locals); }
static i64 op_inc(const insn *pc, i64 *sp, i64 *locals) { locals[pc->arg]++; ++pc; NEXT(pc, sp, locals); }
static i64 op_add(const insn *pc, i64 *sp, i64 *locals) { sp[-1] += sp[0]; --sp; ++pc; NEXT(pc, sp, locals); }
static i64 op_mul(const insn *pc, i64 *sp, i64 *locals) { sp[-1] *= sp[0]; --sp; ++pc; NEXT(pc, sp, locals); }
static i64 op_and(const insn *pc, i64 *sp, i64 *locals) { sp[-1] &= sp[0]; --sp; ++pc; NEXT(pc, sp, locals); }
static i64 op_xor(const insn *pc, i64 *sp, i64 *locals) { sp[-1] ^= sp[0]; --sp; ++pc; NEXT(pc, sp, locals); }
static i64 op_shr(const insn *pc, i64 *sp, i64 *locals) {
    sp[-1] = (i64) ((uint64_t) sp[-1] >> (sp[0] & 63)); --sp; ++pc; NEXT(pc, sp, locals);
}
static i64 op_eq(const insn *pc, i64 *sp, i64 *locals) { sp[-1] = sp[-1] == sp[0]; --sp; ++pc; NEXT(pc, sp, locals); }
static i64 op_gt(const insn *pc, i64 *sp, i64 *locals) { sp[-1] = sp[-1] > sp[0]; --sp; ++pc; NEXT(pc, sp, locals); }
static i64 op_jnz(const insn *pc, i64 *sp, i64 *locals) {
    pc = *sp-- ? pc + pc->arg : pc + 1; NEXT(pc, sp, locals);
}
static i64 op_jz(const insn *pc, i64 *sp, i64 *locals) { pc = *sp-- ? pc + 1 : pc + pc->arg; NEXT(pc, sp, locals); }
static i64 op_jmp(const insn *pc, i64 *sp, i64 *locals) { pc += pc->arg; NEXT(pc, sp, locals); }
static i64 op_halt(const insn *pc, i64 *sp, i64 *locals) { (void) pc; (void) locals; return *sp; }

static handler *const table[] = {op_push, op_get, op_set, op_inc, op_add, op_mul, op_and, op_xor,
                                 op_shr, op_eq, op_gt, op_jnz, op_jz, op_jmp, op_halt};

/* Jump arguments are written as absolute instruction indices and made relative on load. */
#define J(op, target) {op, target}

/* The total number of Collatz steps of 1..n (local 0 = n). */
static const insn collatz[] = {
    {PUSH, 0}, {SET, 1}, {PUSH, 1}, {SET, 2},                /* 0: total = 0; i = 1 */
    {GET, 2}, {GET, 0}, {GT, 0}, J(JNZ, 33),                  /* 4: if i > n goto end */
    {GET, 2}, {SET, 3},                                       /* 8: x = i */
    {GET, 3}, {PUSH, 1}, {EQ, 0}, J(JNZ, 31),                 /* 10: if x == 1 goto next */
    {GET, 3}, {PUSH, 1}, {AND, 0}, J(JNZ, 23),                /* 14: if x odd goto odd */
    {GET, 3}, {PUSH, 1}, {SHR, 0}, {SET, 3}, J(JMP, 29),      /* 18: x >>= 1 */
    {GET, 3}, {PUSH, 3}, {MUL, 0}, {PUSH, 1}, {ADD, 0}, {SET, 3}, /* 23: x = 3x + 1 */
    {INC, 1}, J(JMP, 10),                                     /* 29: total++ */
    {INC, 2}, J(JMP, 4),                                      /* 31: next: i++ */
    {GET, 1}, {HALT, 0},                                      /* 33: end */
};

/* A multiplicative hash of 0..n-1 (local 0 = n). */
static const insn hash[] = {
    {PUSH, 7}, {SET, 1}, {PUSH, 0}, {SET, 2},                 /* 0: h = 7; i = 0 */
    {GET, 0}, {GET, 2}, {GT, 0}, J(JZ, 20),                   /* 4: while n > i */
    {GET, 1}, {PUSH, 31}, {MUL, 0}, {GET, 2}, {ADD, 0},       /* 8: h = h*31 + i */
    {GET, 1}, {PUSH, 17}, {SHR, 0}, {XOR, 0}, {SET, 1},       /* 13: h ^= h_old >> 17 */
    {INC, 2}, J(JMP, 4),                                      /* 18: i++ */
    {GET, 1}, {HALT, 0},                                      /* 20 */
};

static insn code[64];
static i64 stack[64];

static i64 run_program(const insn *program, int length, i64 n) {
    for (int i = 0; i < length; i++) {
        code[i] = program[i];
        if (code[i].op == JNZ || code[i].op == JZ || code[i].op == JMP) {
            code[i].arg -= i;
        }
    }
    i64 locals[4] = {n, 0, 0, 0};
    return table[code[0].op](code, stack, locals);
}

EXPORT("run") i64 run(int program, i64 n) {
    return program == 0 ? run_program(collatz, sizeof collatz / sizeof collatz[0], n)
                        : run_program(hash, sizeof hash / sizeof hash[0], n);
}

/* Recursion as deep as n, all of it tail calls. */
__attribute__((noinline)) static int is_odd(i64 n);
__attribute__((noinline)) static int is_even(i64 n) {
    if (n == 0) {
        return 1;
    }
    [[clang::musttail]] return is_odd(n - 1);
}
__attribute__((noinline)) static int is_odd(i64 n) {
    if (n == 0) {
        return 0;
    }
    [[clang::musttail]] return is_even(n - 1);
}

EXPORT("parity") int parity(i64 n) {
    return is_even(n);
}
