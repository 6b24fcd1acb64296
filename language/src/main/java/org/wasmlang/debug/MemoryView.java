package org.wasmlang.debug;

import org.wasmlang.WasmLanguage;
import org.wasmlang.interop.ObjectArray;
import org.wasmlang.runtime.WasmMemory;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * A memory as a debugger shows it: its size and its first bytes as hex rows. Other bytes
 * are read with expressions ({@code memory[ADDRESS]}, {@code i32[ADDRESS]}, ..., see
 * {@link Expression}); listing every byte would send megabytes to the debugger.
 */
@ExportLibrary(InteropLibrary.class)
final class MemoryView implements TruffleObject {
    /** Rows of 16 bytes shown from address 0. */
    static final int ROWS = 8;

    private final String name;
    private final WasmMemory memory;

    MemoryView(String name, WasmMemory memory) {
        this.name = name;
        this.memory = memory;
    }

    /** Bytes {@code [address, address + length)} as hex pairs, or null when out of bounds. */
    @TruffleBoundary
    static String hex(WasmMemory memory, long address, int length) {
        if (address < 0 || !memory.inBounds(address, length)) {
            return null;
        }
        byte[] bytes = new byte[length];
        memory.copyToBytes(address, bytes, 0, length);
        StringBuilder text = new StringBuilder(length * 3);
        for (byte b : bytes) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return text.toString();
    }

    private int rows() {
        return (int) Math.min(ROWS, memory.byteSize() / 16);
    }

    private static String rowName(int row) {
        return String.format("0x%08x", row * 16);
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
        return name + " (" + memory.pages() + " pages, " + memory.byteSize() + " bytes)";
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        String[] members = new String[2 + rows()];
        members[0] = "pages";
        members[1] = "byteLength";
        for (int row = 0; row < rows(); row++) {
            members[2 + row] = rowName(row);
        }
        return new ObjectArray(members);
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberReadable(String member) {
        return row(member) >= 0 || member.equals("pages") || member.equals("byteLength");
    }

    private int row(String member) {
        for (int row = 0; row < rows(); row++) {
            if (rowName(row).equals(member)) {
                return row;
            }
        }
        return -1;
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        switch (member) {
            case "pages":
                return memory.pages();
            case "byteLength":
                return memory.byteSize();
            default:
                int row = row(member);
                String bytes = row < 0 ? null : hex(memory, row * 16L, 16);
                if (bytes == null) {
                    throw UnknownIdentifierException.create(member);
                }
                return bytes;
        }
    }
}
