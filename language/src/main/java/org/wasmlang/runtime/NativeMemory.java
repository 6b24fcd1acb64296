package org.wasmlang.runtime;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * Zeroed native memory for {@link WasmMemory}. On Linux it maps anonymous pages: the kernel
 * hands them out zeroed when first touched, so a 4 GiB memory costs nothing until the guest
 * uses it, and growing remaps in place or moves pages without copying ({@code mremap}).
 * Elsewhere, or when native access is denied, it falls back to {@code malloc} and zeroes
 * every byte itself, which for gigabytes takes seconds.
 */
final class NativeMemory {
    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    /** MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE: no swap is set aside for untouched pages. */
    private static final int MAP_FLAGS = 0x02 | 0x20 | 0x4000;
    private static final int MREMAP_MAYMOVE = 1;
    private static final long MAP_FAILED = -1;

    private static final MethodHandle MMAP;
    private static final MethodHandle MREMAP;
    private static final MethodHandle MUNMAP;

    static {
        MethodHandle mmap = null;
        MethodHandle mremap = null;
        MethodHandle munmap = null;
        if (System.getProperty("os.name", "").startsWith("Linux")) {
            try {
                Linker linker = Linker.nativeLinker();
                SymbolLookup libc = linker.defaultLookup();
                mmap = handle(linker, libc.find("mmap"),
                                FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
                mremap = handle(linker, libc.find("mremap"),
                                FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_INT));
                munmap = handle(linker, libc.find("munmap"), FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
            } catch (RuntimeException | LinkageError e) {
                // Native access denied (--illegal-native-access=deny) or no such functions.
                mmap = null;
            }
        }
        boolean mapped = mmap != null && mremap != null && munmap != null;
        MMAP = mapped ? mmap : null;
        MREMAP = mapped ? mremap : null;
        MUNMAP = mapped ? munmap : null;
    }

    private NativeMemory() {
    }

    private static MethodHandle handle(Linker linker, Optional<MemorySegment> symbol, FunctionDescriptor descriptor) {
        return symbol.map(s -> linker.downcallHandle(s, descriptor)).orElse(null);
    }

    /** Whether memory comes from mmap (zeroed lazily) rather than malloc and a fill. */
    static boolean mapsPages() {
        return MMAP != null;
    }

    /** {@code bytes} zeroed bytes; OutOfMemoryError when the system has none. */
    static long allocate(long bytes) {
        if (MMAP == null) {
            return UnsafeAccess.allocateZeroed(bytes);
        }
        long address = call(() -> ((MemorySegment) MMAP.invokeExact(MemorySegment.NULL, Math.max(bytes, 1),
                        PROT_READ_WRITE, MAP_FLAGS, -1, 0L)).address());
        if (address == MAP_FAILED) {
            throw new OutOfMemoryError("mmap of " + bytes + " bytes failed");
        }
        return address;
    }

    /** Resizes a block, keeping its contents and zeroing what is added; returns its (possibly new) address. */
    static long resize(long address, long oldBytes, long newBytes) {
        if (MREMAP == null) {
            return UnsafeAccess.reallocateZeroed(address, oldBytes, newBytes);
        }
        long moved = call(() -> ((MemorySegment) MREMAP.invokeExact(MemorySegment.ofAddress(address),
                        Math.max(oldBytes, 1), Math.max(newBytes, 1), MREMAP_MAYMOVE)).address());
        if (moved == MAP_FAILED) {
            throw new OutOfMemoryError("mremap to " + newBytes + " bytes failed");
        }
        return moved;
    }

    static void free(long address, long bytes) {
        if (MUNMAP == null) {
            UnsafeAccess.free(address);
            return;
        }
        call(() -> (long) (int) MUNMAP.invokeExact(MemorySegment.ofAddress(address), Math.max(bytes, 1)));
    }

    private interface NativeCall {
        long run() throws Throwable;
    }

    private static long call(NativeCall call) {
        try {
            return call.run();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
