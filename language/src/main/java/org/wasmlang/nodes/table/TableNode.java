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
            case Opcodes.TABLE_GET -> frame.setObjectStatic(slot, table.get(checkedIndex(table.index(frame, slot))));
            case Opcodes.TABLE_SET -> table.set(checkedIndex(table.index(frame, slot)), frame.getObjectStatic(slot + 1));
            case PREFIXED | Opcodes.TABLE_SIZE -> setIndex(frame, slot, table.size());
            case PREFIXED | Opcodes.TABLE_GROW -> setIndex(frame, slot,
                            grow(frame.getObjectStatic(slot), table.index(frame, slot + 1)));
            case PREFIXED | Opcodes.ELEM_DROP -> instance.dropElement(segment);
            case PREFIXED | Opcodes.TABLE_FILL -> fill(table.index(frame, slot), frame.getObjectStatic(slot + 1),
                            table.index(frame, slot + 2));
            case PREFIXED | Opcodes.TABLE_COPY -> copy(table.index(frame, slot), sourceTable.index(frame, slot + 1),
                            // The length is an i64 only when both tables are 64-bit.
                            table.is64() && sourceTable.is64() ? frame.getLongStatic(slot + 2)
                                            : Integer.toUnsignedLong(frame.getIntStatic(slot + 2)));
            default -> init(table.index(frame, slot), Integer.toUnsignedLong(frame.getIntStatic(slot + 1)),
                            Integer.toUnsignedLong(frame.getIntStatic(slot + 2)));
        }
        return NORMAL;
    }

    private int checkedIndex(long index) {
        if (index < 0 || index >= table.size()) {
            throw WasmTrap.create(TrapKind.TABLE_OUT_OF_BOUNDS, this);
        }
        return (int) index;
    }

    /** A table size or index result: i64 for a 64-bit table. */
    private void setIndex(VirtualFrame frame, int to, long value) {
        if (table.is64()) {
            frame.setLongStatic(to, value);
        } else {
            frame.setIntStatic(to, (int) value);
        }
    }

    @TruffleBoundary
    private long grow(Object initial, long delta) {
        return table.grow(delta, initial);
    }

    @TruffleBoundary
    private void fill(long start, Object value, long length) {
        if (!table.inBounds(start, length)) {
            throw WasmTrap.create(TrapKind.TABLE_OUT_OF_BOUNDS, this);
        }
        table.fill((int) start, (int) length, value);
    }

    @TruffleBoundary
    private void copy(long destination, long source, long length) {
        if (!table.inBounds(destination, length) || !sourceTable.inBounds(source, length)) {
            throw WasmTrap.create(TrapKind.TABLE_OUT_OF_BOUNDS, this);
        }
        WasmTable.copy(sourceTable, (int) source, table, (int) destination, (int) length);
    }

    @TruffleBoundary
    private void init(long destination, long source, long length) {
        instance.initializeTable(table, segment, destination, source, length, this);
    }
}
