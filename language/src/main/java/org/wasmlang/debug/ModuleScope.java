package org.wasmlang.debug;

import org.wasmlang.WasmLanguage;
import org.wasmlang.interop.ObjectArray;
import org.wasmlang.interop.ValueConversion;
import org.wasmlang.module.ExternKind;
import org.wasmlang.module.Module;
import org.wasmlang.module.Names;
import org.wasmlang.module.ValueType;
import org.wasmlang.runtime.WasmGlobal;
import org.wasmlang.runtime.WasmInstance;
import org.wasmlang.runtime.WasmMemory;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * What a debugger shows around a function's locals: the instance's globals and memories.
 * Globals are named as the name section names them, else as exported, else {@code $globalN};
 * memories likewise ({@code memory} when the module has one unnamed memory), each shown as a
 * {@link MemoryView}. Mutable numeric globals can be edited.
 */
@ExportLibrary(InteropLibrary.class)
public final class ModuleScope implements TruffleObject {
    private final WasmInstance instance;
    private final String[] names;
    /** Per member: a global's index, or {@code -1 - memoryIndex}. */
    private final int[] items;

    public ModuleScope(WasmInstance instance) {
        this.instance = instance;
        Module module = instance.module();
        int globals = module.globalCount();
        int memories = module.memoryCount();
        names = new String[globals + memories];
        items = new int[globals + memories];
        for (int i = 0; i < globals; i++) {
            names[i] = name(module, Names.Space.GLOBAL, ExternKind.GLOBAL, i, "$global" + i);
            items[i] = i;
        }
        for (int m = 0; m < memories; m++) {
            String fallback = memories == 1 ? "memory" : "$memory" + m;
            names[globals + m] = name(module, Names.Space.MEMORY, ExternKind.MEMORY, m, fallback);
            items[globals + m] = -1 - m;
        }
    }

    private static String name(Module module, Names.Space space, ExternKind kind, int index, String fallback) {
        String named = module.names().name(space, index);
        if (named == null) {
            named = module.exportName(kind, index);
        }
        return named != null ? named : fallback;
    }

    int memoryCount() {
        return instance.module().memoryCount();
    }

    WasmMemory memory(int index) {
        return instance.memory(index);
    }

    private int indexOf(String member) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(member)) {
                return i;
            }
        }
        return -1;
    }

    @ExportMessage
    boolean isScope() {
        return true;
    }

    @ExportMessage
    boolean hasLanguage() {
        return true;
    }

    @ExportMessage
    Class<? extends TruffleLanguage<?>> getLanguage() {
        return WasmLanguage.class;
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        String name = instance.module().names().moduleName();
        return name != null ? name : instance.compiledModule().name();
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return new ObjectArray(names.clone());
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberReadable(String member) {
        return indexOf(member) >= 0;
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        int i = indexOf(member);
        if (i < 0) {
            throw UnknownIdentifierException.create(member);
        }
        if (items[i] < 0) {
            return new MemoryView(names[i], instance.memory(-1 - items[i]));
        }
        return instance.global(items[i]).getBoxed();
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberModifiable(String member) {
        int i = indexOf(member);
        if (i < 0 || items[i] < 0) {
            return false;
        }
        WasmGlobal global = instance.global(items[i]);
        return global.isMutable() && ValueType.isNumeric(global.valueType());
    }

    @ExportMessage
    boolean isMemberInsertable(@SuppressWarnings("unused") String member) {
        return false;
    }

    @ExportMessage
    @TruffleBoundary
    void writeMember(String member, Object value) throws UnknownIdentifierException, UnsupportedMessageException,
                    UnsupportedTypeException {
        int i = indexOf(member);
        if (i < 0) {
            throw UnknownIdentifierException.create(member);
        }
        if (!isMemberModifiable(member)) {
            throw UnsupportedMessageException.create();
        }
        WasmGlobal global = instance.global(items[i]);
        global.setBoxed(ValueConversion.toWasm(value, global.valueType(), 1));
    }
}
