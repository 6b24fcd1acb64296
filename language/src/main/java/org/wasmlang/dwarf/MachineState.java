package org.wasmlang.dwarf;

/**
 * What a paused Wasm frame offers to location expressions; implemented by the debugger
 * integration. Values are raw bits: an i32 as its unsigned 32 bits, f32/f64 as their IEEE
 * bits. A method that cannot answer (no such local, operand stack entry not known) throws
 * {@link Unavailable}; the variable then shows as unavailable with that message.
 */
public interface MachineState {
    /** Local {@code index} of the frame (parameters first). */
    long local(int index);

    /** Global {@code index} of the module instance (imports first). */
    long global(int index);

    /**
     * An operand stack entry, by the index DW_OP_WASM_location kind 2 gives (LLVM numbers
     * them from the bottom of the function's operand stack).
     */
    long operandStackEntry(int index);

    /** Byte {@code address} of memory 0, 0..255, or -1 when out of bounds. */
    int memoryByte(long address);

    /** Memory 0's current size in bytes. */
    long memorySize();

    /** Thrown by a {@link MachineState} that cannot give a value. */
    final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String reason) {
            super(reason, null, false, false);
        }
    }
}
