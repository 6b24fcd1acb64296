package org.wasmlang.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

import org.wasmlang.module.DataSegment;
import org.wasmlang.module.ExternKind;
import org.wasmlang.module.Export;
import org.wasmlang.module.Module;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import org.wasmlang.interop.RecordObject;
import org.wasmlang.interop.GuestAllocator;
import org.wasmlang.interop.ObjectArray;

import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.Node;

/**
 * A module instance: its functions, tables, memories and globals (imported ones shared
 * with their owners), and the state of its passive segments.
 */
@ExportLibrary(InteropLibrary.class)
public final class WasmInstance implements TruffleObject {
    static final String EXPORTS = "exports";
    static final String ALLOCATOR = "allocator";

    private static final Object[] DROPPED = new Object[0];

    private final CompiledModule module;
    final WasmFunction[] functions;
    final WasmTable[] tables;
    final WasmMemory[] memories;
    final WasmGlobal[] globals;
    final WasmTag[] tags;
    /** Evaluated element segments; a dropped one is empty. */
    final Object[][] elements;
    private final boolean[] droppedData;
    /** Canonical type id of each of the module's types. */
    private final int[] typeIds;
    /** The host view of the exports, made on first use (exports never change). */
    private RecordObject exportsObject;

    WasmInstance(CompiledModule module, int[] typeIds) {
        Module m = module.module();
        this.module = module;
        this.typeIds = typeIds;
        this.functions = new WasmFunction[m.functionCount()];
        this.tables = new WasmTable[m.tableCount()];
        this.memories = new WasmMemory[m.memoryCount()];
        this.globals = new WasmGlobal[m.globalCount()];
        this.tags = new WasmTag[m.tagCount()];
        this.elements = new Object[m.elementCount()][];
        this.droppedData = new boolean[m.dataSegmentCount()];
    }

    public CompiledModule compiledModule() {
        return module;
    }

    public Module module() {
        return module.module();
    }

    /** The canonical id of the module's type {@code typeIndex}. */
    public int typeId(int typeIndex) {
        return typeIds[typeIndex];
    }

    public WasmFunction function(int index) {
        return functions[index];
    }

    public WasmTable table(int index) {
        return tables[index];
    }

    public WasmMemory memory(int index) {
        return memories[index];
    }

    public WasmGlobal global(int index) {
        return globals[index];
    }

    public WasmTag tag(int index) {
        return tags[index];
    }

    public Object[] elementSegment(int index) {
        return elements[index];
    }

    public void dropElement(int index) {
        elements[index] = DROPPED;
    }

    public void dropData(int index) {
        droppedData[index] = true;
    }

    /** {@code memory.init}: copies part of a data segment into memory, or traps. */
    @TruffleBoundary
    public void initializeMemory(WasmMemory memory, int segmentIndex, long destination, long source, long length,
                    Node location) {
        DataSegment segment = module().dataSegment(segmentIndex);
        long available = droppedData[segmentIndex] ? 0 : segment.dataLength();
        if (source + length > available || !memory.inBounds(destination, length)) {
            throw WasmTrap.create(TrapKind.MEMORY_OUT_OF_BOUNDS, location);
        }
        memory.copyFromBytes(destination, module().bytes(), segment.dataOffset() + (int) source, (int) length);
    }

    /** {@code table.init}: copies part of an element segment into a table, or traps. */
    @TruffleBoundary
    public void initializeTable(WasmTable table, int segmentIndex, long destination, long source, long length,
                    Node location) {
        Object[] segment = elements[segmentIndex];
        if (source + length > segment.length || !table.inBounds(destination, length)) {
            throw WasmTrap.create(TrapKind.TABLE_OUT_OF_BOUNDS, location);
        }
        table.initialize((int) destination, segment, (int) source, (int) length);
    }

    /** The exports by name, in module order, as runtime objects. */
    @TruffleBoundary
    public Map<String, Object> exports() {
        Map<String, Object> exports = new LinkedHashMap<>();
        Module m = module();
        for (int i = 0; i < m.exportCount(); i++) {
            Export e = m.export(i);
            exports.put(e.name(), exportedObject(e.kind(), e.index()));
        }
        return exports;
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return ObjectArray.of(EXPORTS, ALLOCATOR);
    }

    @ExportMessage
    boolean isMemberReadable(String member) {
        return EXPORTS.equals(member);
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        if (!EXPORTS.equals(member)) {
            throw UnknownIdentifierException.create(member);
        }
        return exportsObject();
    }

    /** The host view of the exports: an object whose members are the exports by name. */
    @TruffleBoundary
    public RecordObject exportsObject() {
        if (exportsObject == null) {
            exportsObject = new RecordObject("exports", exports());
        }
        return exportsObject;
    }

    @ExportMessage
    boolean isMemberInvocable(String member) {
        return ALLOCATOR.equals(member);
    }

    /** {@code allocator([allocName[, freeName]])}: see {@link GuestAllocator}. */
    @ExportMessage
    @TruffleBoundary
    Object invokeMember(String member, Object[] arguments) throws UnknownIdentifierException, ArityException,
                    UnsupportedTypeException {
        if (!ALLOCATOR.equals(member)) {
            throw UnknownIdentifierException.create(member);
        }
        return GuestAllocator.create(this, arguments);
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "Instance[" + module.name() + "]";
    }

    public Object exportedObject(ExternKind kind, int index) {
        return switch (kind) {
            case FUNC -> functions[index];
            case TABLE -> tables[index];
            case MEMORY -> memories[index];
            case GLOBAL -> globals[index];
            case TAG -> tags[index];
        };
    }
}
