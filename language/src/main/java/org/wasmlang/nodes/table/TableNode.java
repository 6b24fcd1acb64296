package org.wasmlang.nodes.table;

import org.wasmlang.binary.Opcodes;
import org.wasmlang.nodes.Values;
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
            case Opcodes.TABLE_GET -> frame.setObjectStatic(slot, table.get(checkedIndex(frame, slot)));
            case Opcodes.TABLE_SET -> table.set(checkedIndex(frame, slot), frame.getObjectStatic(slot + 1));
            case PREFIXED | Opcodes.TABLE_SIZE -> Values.setAddress(frame, slot, table.is64(), table.size());
            case PREFIXED | Opcodes.TABLE_GROW -> Values.setAddress(frame, slot, table.is64(),
                            grow(frame.getObjectStatic(slot), Values.address(frame, slot + 1, table.is64())));
            case PREFIXED | Opcodes.ELEM_DROP -> instance.dropElement(segment);
            case PREFIXED | Opcodes.TABLE_FILL -> fill(Values.address(frame, slot, table.is64()), frame.getObjectStatic(slot + 1),
                            Values.address(frame, slot + 2, table.is64()));
            case PREFIXED | Opcodes.TABLE_COPY -> copy(Values.address(frame, slot, table.is64()), Values.address(frame, slot + 1, sourceTable.is64()),
                            // The length is an i64 only when both tables are 64-bit.
                            Values.address(frame, slot + 2, table.is64() && sourceTable.is64()));
            default -> init(Values.address(frame, slot, table.is64()), Values.address(frame, slot + 1, false),
                            Values.address(frame, slot + 2, false));
        }
        return NORMAL;
    }

    /** The index operand at {@code slot}, or a trap when it is outside the table. */
    private int checkedIndex(VirtualFrame frame, int slot) {
        long index = Values.address(frame, slot, table.is64());
        if (index < 0 || index >= table.size()) {
            throw WasmTrap.create(TrapKind.TABLE_OUT_OF_BOUNDS, this);
        }
        return (int) index;
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
