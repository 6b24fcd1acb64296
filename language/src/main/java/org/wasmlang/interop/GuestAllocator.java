package org.wasmlang.interop;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.wasmlang.module.FuncType;
import org.wasmlang.module.ValueType;
import org.wasmlang.runtime.ByteArrayValues;
import org.wasmlang.runtime.WasmFunction;
import org.wasmlang.runtime.WasmHostException;
import org.wasmlang.runtime.WasmInstance;
import org.wasmlang.runtime.WasmMemory;
import org.wasmlang.runtime.WasmNull;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.ArityException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.nodes.IndirectCallNode;

/**
 * Allocates inside a guest through its own exported allocator and copies host data
 * there: what {@code instance.allocator()} and {@code caller.allocator()} return.
 *
 * <p>The allocator is found by name: {@code allocator()} looks for {@code malloc}/{@code free},
 * then {@code alloc}/{@code dealloc}; {@code allocator(allocName[, freeName])} names them.
 * The alloc function must take a size (i32) and return a pointer (i32); the free function,
 * when there is one, takes the pointer or, Rust-style, the pointer and the size. Sizes of
 * the blocks this object allocated are remembered, so {@code free(ptr)} works for both.
 *
 * <p>Members: {@code alloc(size)}, {@code writeBytes(bytes)}, {@code writeString(string)}
 * (UTF-8, no terminator), {@code writeCString(string)} (UTF-8 plus NUL), each returning the
 * pointer; {@code size(ptr)}, the byte count allocated there; {@code free(ptr[, size])};
 * {@code memory}, the memory written to (the instance's memory 0).
 */
@ExportLibrary(InteropLibrary.class)
public final class GuestAllocator implements TruffleObject {
    static final String ALLOC = "alloc";
    static final String WRITE_BYTES = "writeBytes";
    static final String WRITE_STRING = "writeString";
    static final String WRITE_C_STRING = "writeCString";
    static final String SIZE = "size";
    static final String FREE = "free";
    static final String MEMORY = "memory";

    private static final String[][] DEFAULT_NAMES = {{"malloc", "free"}, {"alloc", "dealloc"}};

    private final WasmMemory memory;
    private final WasmFunction allocFunction;
    private final String allocName;
    /** Null when the guest exports no free function. */
    private final WasmFunction freeFunction;
    private final String freeName;
    private final Map<Long, Integer> sizes = new HashMap<>();

    private GuestAllocator(WasmMemory memory, WasmFunction allocFunction, String allocName, WasmFunction freeFunction,
                    String freeName) {
        this.memory = memory;
        this.allocFunction = allocFunction;
        this.allocName = allocName;
        this.freeFunction = freeFunction;
        this.freeName = freeName;
    }

    /** {@code allocator([allocName[, freeName]])} on an instance or a caller. */
    @TruffleBoundary
    public static GuestAllocator create(WasmInstance instance, Object[] arguments) throws ArityException,
                    UnsupportedTypeException {
        if (arguments.length > 2) {
            throw ArityException.create(0, 2, arguments.length);
        }
        if (instance.module().memoryCount() == 0) {
            throw new WasmHostException("allocator: the instance has no memory to allocate in");
        }
        Map<String, Object> exports = instance.exports();
        if (arguments.length == 0) {
            for (String[] names : DEFAULT_NAMES) {
                if (exports.get(names[0]) instanceof WasmFunction) {
                    return make(instance, exports, names[0], exports.containsKey(names[1]) ? names[1] : null);
                }
            }
            throw new WasmHostException("allocator: the instance exports no allocator (looked for malloc/free and"
                            + " alloc/dealloc); name its functions with allocator(\"my_alloc\", \"my_free\")");
        }
        String alloc = name(arguments[0], 1);
        String free = arguments.length == 2 && !InteropLibrary.getUncached().isNull(arguments[1]) ? name(arguments[1], 2)
                        : null;
        if (!exports.containsKey(alloc)) {
            throw new WasmHostException("allocator: the instance exports no function \"" + alloc + "\"");
        }
        if (free != null && !exports.containsKey(free)) {
            throw new WasmHostException("allocator: the instance exports no function \"" + free + "\"");
        }
        return make(instance, exports, alloc, free);
    }

    private static GuestAllocator make(WasmInstance instance, Map<String, Object> exports, String alloc, String free) {
        if (!(exports.get(alloc) instanceof WasmFunction allocFunction) || !isAllocType(allocFunction.type())) {
            throw new WasmHostException("allocator: export \"" + alloc + "\" must be a function (param i32) (result i32),"
                            + " got " + exports.get(alloc));
        }
        WasmFunction freeFunction = null;
        if (free != null) {
            if (!(exports.get(free) instanceof WasmFunction f) || !isFreeType(f.type())) {
                throw new WasmHostException("allocator: export \"" + free + "\" must be a function (param i32) or"
                                + " (param i32 i32) without results, got " + exports.get(free));
            }
            freeFunction = f;
        }
        return new GuestAllocator(instance.memory(0), allocFunction, alloc, freeFunction, free);
    }

    private static boolean isAllocType(FuncType type) {
        return type.paramCount() == 1 && type.param(0) == ValueType.I32 && type.results().length == 1
                        && type.results()[0] == ValueType.I32;
    }

    private static boolean isFreeType(FuncType type) {
        if (type.results().length != 0 || type.paramCount() < 1 || type.paramCount() > 2) {
            return false;
        }
        for (int i = 0; i < type.paramCount(); i++) {
            if (type.param(i) != ValueType.I32) {
                return false;
            }
        }
        return true;
    }

    private static String name(Object value, int position) throws UnsupportedTypeException {
        InteropLibrary interop = InteropLibrary.getUncached(value);
        if (interop.isString(value)) {
            try {
                return interop.asString(value);
            } catch (UnsupportedMessageException e) {
                // Reported below.
            }
        }
        throw UnsupportedTypeException.create(new Object[]{value}, "allocator: argument " + position
                        + " must be an export name, got " + ValueConversion.describe(value));
    }

    /** Calls the guest's allocator for {@code size} bytes and checks the block lies in memory. */
    private long allocate(long size) {
        if (size > 0xFFFFFFFFL) {
            throw new WasmHostException("alloc: " + size + " bytes are more than a 32-bit guest can address");
        }
        Object result = WasmFunction.callFromHost(IndirectCallNode.getUncached(), allocFunction.callTarget(),
                        new Object[]{(int) size});
        long pointer = Integer.toUnsignedLong((Integer) result);
        if (pointer == 0) {
            throw new WasmHostException("alloc: the guest's " + allocName + "(" + size + ") returned 0 (out of memory)");
        }
        if (!memory.inBounds(pointer, size)) {
            throw new WasmHostException("alloc: the guest's " + allocName + "(" + size + ") returned " + pointer
                            + ", outside the memory of " + memory.byteSize() + " bytes");
        }
        sizes.put(pointer, (int) size);
        return pointer;
    }

    /** Allocates, copies the bytes and zeroes the rest (a C string's NUL): malloc'd memory may be dirty. */
    private long write(byte[] bytes, int allocated) {
        long pointer = allocate(allocated);
        memory.copyFromBytes(pointer, bytes, 0, bytes.length);
        memory.fill(pointer + bytes.length, (byte) 0, allocated - bytes.length);
        return pointer;
    }

    private void free(long pointer, Object explicitSize) throws UnsupportedTypeException {
        if (freeFunction == null) {
            throw new WasmHostException("free: the guest exports no free function next to " + allocName
                            + (freeName == null ? "" : " (" + freeName + ")"));
        }
        Object[] arguments;
        if (freeFunction.type().paramCount() == 1) {
            arguments = new Object[]{(int) pointer};
        } else {
            Integer size = explicitSize != null ? (Integer) ValueConversion.toWasm(explicitSize, ValueType.I32, 1)
                            : sizes.get(pointer);
            if (size == null) {
                throw new WasmHostException("free(" + pointer + "): " + freeName + " needs the block's size, and this"
                                + " allocator did not allocate it; pass the size as free(ptr, size)");
            }
            arguments = new Object[]{(int) pointer, size};
        }
        WasmFunction.callFromHost(IndirectCallNode.getUncached(), freeFunction.callTarget(), arguments);
        sizes.remove(pointer);
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return ObjectArray.of(ALLOC, WRITE_BYTES, WRITE_STRING, WRITE_C_STRING, SIZE, FREE, MEMORY);
    }

    @ExportMessage
    boolean isMemberReadable(String member) {
        return MEMORY.equals(member);
    }

    @ExportMessage
    Object readMember(String member) throws UnknownIdentifierException {
        if (!MEMORY.equals(member)) {
            throw UnknownIdentifierException.create(member);
        }
        return memory;
    }

    @ExportMessage
    boolean isMemberInvocable(String member) {
        return switch (member) {
            case ALLOC, WRITE_BYTES, WRITE_STRING, WRITE_C_STRING, SIZE, FREE -> true;
            default -> false;
        };
    }

    /** A bad argument is a WasmLang error (its message names the method), not an interop type error. */
    @ExportMessage
    @TruffleBoundary
    Object invokeMember(String member, Object[] arguments) throws UnknownIdentifierException, ArityException {
        try {
            return invokeChecked(member, arguments);
        } catch (UnsupportedTypeException e) {
            throw new WasmHostException(e.getMessage());
        }
    }

    private Object invokeChecked(String member, Object[] arguments) throws UnknownIdentifierException, ArityException,
                    UnsupportedTypeException {
        switch (member) {
            case ALLOC -> {
                ValueConversion.checkArity(arguments, 1, 1);
                return allocate(ValueConversion.nonNegative(arguments[0], member + ": argument 1"));
            }
            case WRITE_BYTES -> {
                ValueConversion.checkArity(arguments, 1, 1);
                byte[] bytes = ByteArrayValues.bytesOf(arguments[0], "writeBytes: argument 1");
                return write(bytes, bytes.length);
            }
            case WRITE_STRING, WRITE_C_STRING -> {
                ValueConversion.checkArity(arguments, 1, 1);
                byte[] utf8 = utf8(arguments[0], member);
                return write(utf8, WRITE_STRING.equals(member) ? utf8.length : utf8.length + 1);
            }
            case SIZE -> {
                ValueConversion.checkArity(arguments, 1, 1);
                long pointer = ValueConversion.nonNegative(arguments[0], member + ": argument 1");
                Integer size = sizes.get(pointer);
                if (size == null) {
                    throw new WasmHostException("size(" + pointer + "): not a live block of this allocator");
                }
                return size;
            }
            case FREE -> {
                ValueConversion.checkArity(arguments, 1, 2);
                long pointer = ValueConversion.nonNegative(arguments[0], member + ": argument 1");
                free(pointer, arguments.length == 2 ? arguments[1] : null);
                return WasmNull.NULL;
            }
            default -> throw UnknownIdentifierException.create(member);
        }
    }

    private static byte[] utf8(Object value, String member) throws UnsupportedTypeException {
        InteropLibrary interop = InteropLibrary.getUncached(value);
        if (interop.isString(value)) {
            try {
                return interop.asString(value).getBytes(StandardCharsets.UTF_8);
            } catch (UnsupportedMessageException e) {
                // Reported below.
            }
        }
        throw UnsupportedTypeException.create(new Object[]{value}, member + ": argument 1 must be a string, got "
                        + ValueConversion.describe(value));
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "Allocator[" + allocName + (freeName == null ? "" : "/" + freeName) + ", " + sizes.size() + " live blocks]";
    }
}
