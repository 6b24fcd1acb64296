/*
 * interp: a stack-machine bytecode interpreter (switch dispatch) running three programs:
 * Collatz step counts, recursive Fibonacci with CALL/RET, and a sum of Euclid GCDs.
 * Stresses an indirect branch per bytecode (br_table), unpredictable branches and i64 ops.
 */
#include "bench.h"

#define COLLATZ_LIMIT 15000
#define FIBONACCI_ARGUMENT 21
#define GCD_LIMIT 220

enum Opcode {
    OP_HALT,
    OP_PUSH,  /* operand: the value */
    OP_LOAD,  /* operand: a register */
    OP_STORE, /* operand: a register */
    OP_DUP,
    OP_SWAP,
    OP_POP,
    OP_ADD,
    OP_SUB,
    OP_MUL,
    OP_MOD,
    OP_AND,
    OP_SHR,
    OP_LT,
    OP_NE,
    OP_JUMP,          /* operand: the target */
    OP_JUMP_IF_ZERO,  /* operand: the target */
    OP_JUMP_IF_NONZERO, /* operand: the target */
    OP_CALL,          /* operand: the target */
    OP_RETURN,
    OP_INCREMENT,     /* operand: a register */
};

#define CODE_CAPACITY 512
#define STACK_CAPACITY 256
#define REGISTER_COUNT 8

static i32 code[CODE_CAPACITY];
static int code_length;

static i64 operand_stack[STACK_CAPACITY];
static int return_stack[STACK_CAPACITY];

static void emit(enum Opcode opcode) {
    code[code_length++] = opcode;
}

static void emit_with(enum Opcode opcode, i32 operand) {
    code[code_length++] = opcode;
    code[code_length++] = operand;
}

/* Emits a jump whose target is not known yet; returns where to patch it. */
static int emit_forward_jump(enum Opcode opcode) {
    emit_with(opcode, -1);
    return code_length - 1;
}

static void patch_to_here(int operand_position) {
    code[operand_position] = code_length;
}

static i64 execute(int start_pc, const i64 *initial_registers) {
    i64 registers[REGISTER_COUNT];
    for (int i = 0; i < REGISTER_COUNT; i++) {
        registers[i] = initial_registers[i];
    }
    int pc = start_pc;
    int sp = 0;
    int rp = 0;
    for (;;) {
        i32 opcode = code[pc++];
        switch (opcode) {
            case OP_HALT:
                return operand_stack[sp - 1];
            case OP_PUSH:
                operand_stack[sp++] = code[pc++];
                break;
            case OP_LOAD:
                operand_stack[sp++] = registers[code[pc++]];
                break;
            case OP_STORE:
                registers[code[pc++]] = operand_stack[--sp];
                break;
            case OP_DUP:
                operand_stack[sp] = operand_stack[sp - 1];
                sp++;
                break;
            case OP_SWAP: {
                i64 top = operand_stack[sp - 1];
                operand_stack[sp - 1] = operand_stack[sp - 2];
                operand_stack[sp - 2] = top;
                break;
            }
            case OP_POP:
                sp--;
                break;
            case OP_ADD:
                sp--;
                operand_stack[sp - 1] += operand_stack[sp];
                break;
            case OP_SUB:
                sp--;
                operand_stack[sp - 1] -= operand_stack[sp];
                break;
            case OP_MUL:
                sp--;
                operand_stack[sp - 1] *= operand_stack[sp];
                break;
            case OP_MOD:
                sp--;
                operand_stack[sp - 1] %= operand_stack[sp];
                break;
            case OP_AND:
                sp--;
                operand_stack[sp - 1] &= operand_stack[sp];
                break;
            case OP_SHR:
                sp--;
                operand_stack[sp - 1] >>= operand_stack[sp];
                break;
            case OP_LT:
                sp--;
                operand_stack[sp - 1] = operand_stack[sp - 1] < operand_stack[sp];
                break;
            case OP_NE:
                sp--;
                operand_stack[sp - 1] = operand_stack[sp - 1] != operand_stack[sp];
                break;
            case OP_JUMP:
                pc = code[pc];
                break;
            case OP_JUMP_IF_ZERO:
                pc = operand_stack[--sp] == 0 ? code[pc] : pc + 1;
                break;
            case OP_JUMP_IF_NONZERO:
                pc = operand_stack[--sp] != 0 ? code[pc] : pc + 1;
                break;
            case OP_CALL:
                return_stack[rp++] = pc + 1;
                pc = code[pc];
                break;
            case OP_RETURN:
                pc = return_stack[--rp];
                break;
            case OP_INCREMENT:
                registers[code[pc++]]++;
                break;
            default:
                /* Unreachable for the programs below; a trap makes a broken one loud. */
                __builtin_trap();
        }
    }
}

enum { R_I, R_N, R_TOTAL, R_LIMIT, R_A, R_B };

/* total = sum over i in [1, limit) of the Collatz steps from i down to 1. */
static int assemble_collatz(void) {
    int start = code_length;
    emit_with(OP_PUSH, 1);
    emit_with(OP_STORE, R_I);
    emit_with(OP_PUSH, 0);
    emit_with(OP_STORE, R_TOTAL);
    int outer = code_length;
    emit_with(OP_LOAD, R_I);
    emit_with(OP_LOAD, R_LIMIT);
    emit(OP_LT);
    int exit_outer = emit_forward_jump(OP_JUMP_IF_ZERO);
    emit_with(OP_LOAD, R_I);
    emit_with(OP_STORE, R_N);
    int inner = code_length;
    emit_with(OP_LOAD, R_N);
    emit_with(OP_PUSH, 1);
    emit(OP_NE);
    int exit_inner = emit_forward_jump(OP_JUMP_IF_ZERO);
    emit_with(OP_LOAD, R_N);
    emit_with(OP_PUSH, 1);
    emit(OP_AND);
    int to_even = emit_forward_jump(OP_JUMP_IF_ZERO);
    emit_with(OP_LOAD, R_N);
    emit_with(OP_PUSH, 3);
    emit(OP_MUL);
    emit_with(OP_PUSH, 1);
    emit(OP_ADD);
    emit_with(OP_STORE, R_N);
    int to_count = emit_forward_jump(OP_JUMP);
    patch_to_here(to_even);
    emit_with(OP_LOAD, R_N);
    emit_with(OP_PUSH, 1);
    emit(OP_SHR);
    emit_with(OP_STORE, R_N);
    patch_to_here(to_count);
    emit_with(OP_INCREMENT, R_TOTAL);
    emit_with(OP_JUMP, inner);
    patch_to_here(exit_inner);
    emit_with(OP_INCREMENT, R_I);
    emit_with(OP_JUMP, outer);
    patch_to_here(exit_outer);
    emit_with(OP_LOAD, R_TOTAL);
    emit(OP_HALT);
    return start;
}

/* fib(n) with a real CALL/RET per call: the argument and result live on the stack. */
static int assemble_fibonacci(void) {
    int start = code_length;
    emit_with(OP_LOAD, R_N);
    int call_site = emit_forward_jump(OP_CALL);
    emit(OP_HALT);
    int function = code_length;
    patch_to_here(call_site);
    emit(OP_DUP);
    emit_with(OP_PUSH, 2);
    emit(OP_LT);
    int to_base = emit_forward_jump(OP_JUMP_IF_NONZERO);
    emit(OP_DUP);
    emit_with(OP_PUSH, 1);
    emit(OP_SUB);
    emit_with(OP_CALL, function);
    emit(OP_SWAP);
    emit_with(OP_PUSH, 2);
    emit(OP_SUB);
    emit_with(OP_CALL, function);
    emit(OP_ADD);
    emit(OP_RETURN);
    patch_to_here(to_base);
    emit(OP_RETURN);
    return start;
}

/* total = sum over a, b in [1, limit) of gcd(a, b), by Euclid's remainders. */
static int assemble_gcd_sum(void) {
    int start = code_length;
    emit_with(OP_PUSH, 0);
    emit_with(OP_STORE, R_TOTAL);
    emit_with(OP_PUSH, 1);
    emit_with(OP_STORE, R_I);
    int outer = code_length;
    emit_with(OP_LOAD, R_I);
    emit_with(OP_LOAD, R_LIMIT);
    emit(OP_LT);
    int exit_outer = emit_forward_jump(OP_JUMP_IF_ZERO);
    emit_with(OP_PUSH, 1);
    emit_with(OP_STORE, R_N);
    int inner = code_length;
    emit_with(OP_LOAD, R_N);
    emit_with(OP_LOAD, R_LIMIT);
    emit(OP_LT);
    int exit_inner = emit_forward_jump(OP_JUMP_IF_ZERO);
    emit_with(OP_LOAD, R_I);
    emit_with(OP_STORE, R_A);
    emit_with(OP_LOAD, R_N);
    emit_with(OP_STORE, R_B);
    int euclid = code_length;
    emit_with(OP_LOAD, R_B);
    int euclid_done = emit_forward_jump(OP_JUMP_IF_ZERO);
    emit_with(OP_LOAD, R_A);
    emit_with(OP_LOAD, R_B);
    emit(OP_MOD);
    emit_with(OP_LOAD, R_B);
    emit_with(OP_STORE, R_A);
    emit_with(OP_STORE, R_B);
    emit_with(OP_JUMP, euclid);
    patch_to_here(euclid_done);
    emit_with(OP_LOAD, R_TOTAL);
    emit_with(OP_LOAD, R_A);
    emit(OP_ADD);
    emit_with(OP_STORE, R_TOTAL);
    emit_with(OP_INCREMENT, R_N);
    emit_with(OP_JUMP, inner);
    patch_to_here(exit_inner);
    emit_with(OP_INCREMENT, R_I);
    emit_with(OP_JUMP, outer);
    patch_to_here(exit_outer);
    emit_with(OP_LOAD, R_TOTAL);
    emit(OP_HALT);
    return start;
}

BENCH_RUN {
    code_length = 0;
    int collatz = assemble_collatz();
    int fibonacci = assemble_fibonacci();
    int gcd_sum = assemble_gcd_sum();

    i64 registers[REGISTER_COUNT] = {0};
    registers[R_LIMIT] = COLLATZ_LIMIT;
    i64 collatz_steps = execute(collatz, registers);
    registers[R_N] = FIBONACCI_ARGUMENT;
    i64 fibonacci_value = execute(fibonacci, registers);
    registers[R_LIMIT] = GCD_LIMIT;
    i64 gcd_total = execute(gcd_sum, registers);
    return collatz_steps * 1000003 + fibonacci_value * 1009 + gcd_total;
}
