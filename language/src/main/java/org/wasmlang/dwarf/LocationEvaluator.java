package org.wasmlang.dwarf;

/**
 * Evaluates the DWARF expressions clang and rustc emit for Wasm: constants, DW_OP_addr(x),
 * DW_OP_fbreg, DW_OP_plus_uconst and simple arithmetic, DW_OP_stack_value,
 * DW_OP_implicit_value and DW_OP_WASM_location. Anything else is reported unsupported rather
 * than guessed.
 *
 * <p>DW_OP_WASM_location pushes the value of a local, global or operand stack entry, as LLDB
 * reads it: clang writes {@code DW_OP_WASM_location 0 n, DW_OP_stack_value} for a value held
 * in local n, and the plain form for a local holding the variable's address (a by-value
 * struct parameter, for one).
 */
final class LocationEvaluator {
    /** Where a value is: in memory at an address, or the value itself as bits or bytes. */
    record Location(Kind kind, long address, long bits, byte[] bytes, String unavailable) {
        enum Kind {
            MEMORY,
            VALUE,
            BYTES,
            UNAVAILABLE
        }

        static Location unavailable(String reason) {
            return new Location(Kind.UNAVAILABLE, 0, 0, null, reason);
        }
    }

    /** An expression this evaluator does not support, or one that makes no sense. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final int MAX_STACK = 64;

    private final Unit unit;
    private final MachineState state;

    LocationEvaluator(Unit unit, MachineState state) {
        this.unit = unit;
        this.state = state;
    }

    /**
     * Evaluates a location expression. {@code frameBase} supplies DW_OP_fbreg's base; null
     * when there is none (evaluating the frame base itself, a global).
     */
    Location evaluate(byte[] expression, FrameBase frameBase) throws Unsupported {
        if (expression.length == 0) {
            return Location.unavailable("optimized out");
        }
        DwarfCursor c = new DebugSection("location expression", expression, 0, expression.length).cursor();
        long[] stack = new long[MAX_STACK];
        int sp = 0;
        while (!c.atEnd()) {
            int op = c.u8();
            if (sp >= MAX_STACK - 1) {
                throw new Unsupported("expression stack overflow");
            }
            if (op >= 0x30 && op <= 0x4f) { // DW_OP_lit0..31
                stack[sp++] = op - 0x30;
                continue;
            }
            switch (op) {
                case 0x03 -> stack[sp++] = c.unsigned(unit.addressSize); // DW_OP_addr
                case 0xa1, 0xfb -> stack[sp++] = unit.indexedAddress(c.uleb()); // DW_OP_addrx, GNU_addr_index
                case 0x08 -> stack[sp++] = c.u8();
                case 0x09 -> stack[sp++] = c.s8();
                case 0x0a -> stack[sp++] = c.u16();
                case 0x0b -> stack[sp++] = (short) c.u16();
                case 0x0c -> stack[sp++] = c.u32();
                case 0x0d -> stack[sp++] = (int) c.u32();
                case 0x0e, 0x0f -> stack[sp++] = c.u64();
                case 0x10 -> stack[sp++] = c.uleb(); // DW_OP_constu
                case 0x11 -> stack[sp++] = c.sleb(); // DW_OP_consts
                case 0x12 -> { // DW_OP_dup
                    need(sp, 1);
                    stack[sp] = stack[sp - 1];
                    sp++;
                }
                case 0x13 -> { // DW_OP_drop
                    need(sp, 1);
                    sp--;
                }
                case 0x16 -> { // DW_OP_swap
                    need(sp, 2);
                    long t = stack[sp - 1];
                    stack[sp - 1] = stack[sp - 2];
                    stack[sp - 2] = t;
                }
                case 0x22 -> { // DW_OP_plus
                    need(sp, 2);
                    sp--;
                    stack[sp - 1] += stack[sp];
                }
                case 0x1c -> { // DW_OP_minus
                    need(sp, 2);
                    sp--;
                    stack[sp - 1] -= stack[sp];
                }
                case 0x23 -> { // DW_OP_plus_uconst
                    need(sp, 1);
                    stack[sp - 1] += c.uleb();
                }
                case 0x06 -> { // DW_OP_deref
                    need(sp, 1);
                    stack[sp - 1] = readMemory(stack[sp - 1], unit.addressSize);
                }
                case 0x91 -> { // DW_OP_fbreg
                    if (frameBase == null) {
                        throw new Unsupported("DW_OP_fbreg without a frame base");
                    }
                    stack[sp++] = frameBase.value() + c.sleb();
                }
                case 0xed -> stack[sp++] = wasmLocation(c); // DW_OP_WASM_location
                case 0x96 -> {
                    // DW_OP_nop
                }
                case 0x9f -> { // DW_OP_stack_value
                    need(sp, 1);
                    if (!c.atEnd()) {
                        throw new Unsupported(pieceOr(c, "DW_OP_stack_value before the end"));
                    }
                    return new Location(Location.Kind.VALUE, 0, stack[sp - 1], null, null);
                }
                case 0x9e -> { // DW_OP_implicit_value
                    byte[] bytes = c.bytes(c.uleb());
                    if (!c.atEnd()) {
                        throw new Unsupported(pieceOr(c, "DW_OP_implicit_value before the end"));
                    }
                    return new Location(Location.Kind.BYTES, 0, 0, bytes, null);
                }
                case 0x93, 0x9d -> throw new Unsupported("split into pieces (not shown)");
                case 0xa3, 0xf3 -> throw new Unsupported("entry value (optimized out)");
                default -> throw new Unsupported("unsupported DWARF operation 0x" + Integer.toHexString(op));
            }
        }
        need(sp, 1);
        return new Location(Location.Kind.MEMORY, memoryAddress(stack[sp - 1]), 0, null, null);
    }

    private static String pieceOr(DwarfCursor c, String otherwise) {
        int next = c.u8();
        return next == 0x93 || next == 0x9d ? "split into pieces (not shown)" : otherwise;
    }

    private long wasmLocation(DwarfCursor c) throws Unsupported {
        int kind = c.u8();
        long index = kind == 3 ? c.u32() : c.uleb();
        if (index < 0 || index > Integer.MAX_VALUE) {
            throw new Unsupported("Wasm location index " + index + " out of range");
        }
        return switch (kind) {
            case 0 -> state.local((int) index);
            case 1, 3 -> state.global((int) index);
            case 2 -> state.operandStackEntry((int) index);
            default -> throw new Unsupported("unknown DW_OP_WASM_location kind " + kind);
        };
    }

    private static void need(int sp, int n) throws Unsupported {
        if (sp < n) {
            throw new Unsupported("malformed expression (stack underflow)");
        }
    }

    /** A wasm32 address is the low 32 bits, whatever the local held above them. */
    long memoryAddress(long value) {
        return unit.addressSize == 4 ? value & 0xFFFFFFFFL : value;
    }

    private long readMemory(long address, int size) throws Unsupported {
        long a = memoryAddress(address);
        long v = 0;
        for (int i = 0; i < size; i++) {
            int b = state.memoryByte(a + i);
            if (b < 0) {
                throw new Unsupported("memory at 0x" + Long.toHexString(a) + " is unreadable");
            }
            v |= (long) (b & 0xFF) << (8 * i);
        }
        return v;
    }

    /** Lazily computed DW_AT_frame_base of the current subprogram. */
    interface FrameBase {
        long value() throws Unsupported;
    }
}
