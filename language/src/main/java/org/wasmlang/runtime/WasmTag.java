package org.wasmlang.runtime;

import org.wasmlang.module.FuncType;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * An exception tag. Tags have identity: each defined tag of each instance is a new one, an
 * imported tag is the exporter's object, and a catch clause matches an exception by
 * comparing references. The type is a function type without results (the payload's types);
 * {@link #typeId} is its canonical id, which import matching compares.
 */
@ExportLibrary(InteropLibrary.class)
public final class WasmTag implements TruffleObject {
    private final FuncType type;
    private final int typeId;
    /** How messages name the tag: its first export name, else "#index" in its module. */
    private String name;

    public WasmTag(FuncType type, int typeId, String name) {
        this.type = type;
        this.typeId = typeId;
        this.name = name;
    }

    public FuncType type() {
        return type;
    }

    public int typeId() {
        return typeId;
    }

    public String name() {
        return name;
    }

    /** The first export of a tag names it in messages (a tag defined by a host keeps its name). */
    void exportedAs(String exportName) {
        if (name == null || name.startsWith("#")) {
            name = exportName;
        }
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return toString();
    }

    @Override
    public String toString() {
        return "tag " + name + " " + type;
    }
}
