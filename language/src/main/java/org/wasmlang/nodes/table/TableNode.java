package org.wasmlang.nodes.table;

import org.wasmlang.binary.Opcodes;
import org.wasmlang.nodes.WasmNode;
import org.wasmlang.runtime.TrapKind;
import org.wasmlang.runtime.WasmInstance;
import org.wasmlang.runtime.WasmTable;
import org.wasmlang.runtime.WasmTrap;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;

/**
 * The table instructions: {@code table.get/set} (opcodes 0x25/0x26) and the 0xFC
 * {@code table.size/grow/fill/copy/init} and {@code elem.drop}, given as
 * {@code 0xFC00 | subopcode}.
 */
public final class TableNode extends WasmNode {
    public static final int PREFIXED = Opcodes.MISC_PREFIX << 8;

    private final int opcode;
    private final WasmInstance instance;
    private final WasmTable table;
    /** For table.copy: the source table. */
    private final WasmTable sourceTable;
    /** The first operand's slot. */
    private final int slot;
    /** For table.init and elem.drop: the element segment. */
    private final int segment;

    public TableNode(int opcode, WasmInstance instance, WasmTable table, WasmTable sourceTable, int slot, int segment) {
        this.opcode = opcode;
        this.instance = instance;
        this.table = table;
        this.sourceTable = sourceTable;
        this.slot = slot;
        this.segment = segment;
    }

    @Override
    public int execute(VirtualFrame frame) {
        switch (opcode) {
            case Opcodes.TABLE_GET -> {
                int index = frame.getIntStatic(slot);
                checkIndex(index);
                frame.setObjectStatic(slot, table.get(index));
            }
            case Opcodes.TABLE_SET -> {
                int index = frame.getIntStatic(slot);
                checkIndex(index);
                table.set(index, frame.getObjectStatic(slot + 1));
            }
            case PREFIXED | Opcodes.TABLE_SIZE -> frame.setIntStatic(slot, table.size());
            case PREFIXED | Opcodes.TABLE_GROW -> frame.setIntStatic(slot,
                            grow(frame.getObjectStatic(slot), Integer.toUnsignedLong(frame.getIntStatic(slot + 1))));
            case PREFIXED | Opcodes.ELEM_DROP -> instance.dropElement(segment);
            case PREFIXED | Opcodes.TABLE_FILL -> fill(Integer.toUnsignedLong(frame.getIntStatic(slot)),
                            frame.getObjectStatic(slot + 1), Integer.toUnsignedLong(frame.getIntStatic(slot + 2)));
            default -> copyOrInit(Integer.toUnsignedLong(frame.getIntStatic(slot)),
                            Integer.toUnsignedLong(frame.getIntStatic(slot + 1)),
                            Integer.toUnsignedLong(frame.getIntStatic(slot + 2)));
        }
        return NORMAL;
    }

    private void checkIndex(int index) {
        if (Integer.compareUnsigned(index, table.size()) >= 0) {
            throw WasmTrap.create(TrapKind.TABLE_OUT_OF_BOUNDS, this);
        }
    }

    @TruffleBoundary
    private int grow(Object initial, long delta) {
        return table.grow(delta, initial);
    }

    @TruffleBoundary
    private void fill(long start, Object value, long length) {
        if (!table.inBounds(start, length)) {
            throw WasmTrap.create(TrapKind.TABLE_OUT_OF_BOUNDS, this);
        }
        table.fill((int) start, (int) length, value);
    }

    /** table.copy and table.init: (destination, source, length). */
    @TruffleBoundary
    private void copyOrInit(long destination, long source, long length) {
        if (opcode == (PREFIXED | Opcodes.TABLE_COPY)) {
            if (!table.inBounds(destination, length) || !sourceTable.inBounds(source, length)) {
                throw WasmTrap.create(TrapKind.TABLE_OUT_OF_BOUNDS, this);
            }
            WasmTable.copy(sourceTable, (int) source, table, (int) destination, (int) length);
        } else {
            instance.initializeTable(table, segment, destination, source, length, this);
        }
    }
}
