package org.wasmlang.runtime;

import org.wasmlang.module.Limits;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.interop.TruffleObject;

/**
 * A linear memory. Subclasses hold the bytes; memory-access nodes specialize on the
 * subclass and, for {@link ByteArrayMemory}, on the current buffer under
 * {@link #bufferUnchanged()}, which {@code grow} invalidates.
 */
public abstract class WasmMemory implements TruffleObject {
    public static final int PAGE_SIZE = 65536;

    protected final long maxPages;
    private int growCount;
    private Assumption bufferUnchanged = Truffle.getRuntime().createAssumption("memory buffer unchanged");

    protected WasmMemory(long maxPages) {
        this.maxPages = maxPages;
    }

    /** Current size in bytes. */
    public abstract long byteSize();

    /** Current size in pages. */
    public final long pages() {
        return byteSize() / PAGE_SIZE;
    }

    /** The declared maximum in pages, or {@link Limits#NO_MAX}. */
    public final long declaredMaxPages() {
        return maxPages;
    }

    /** The limits this memory satisfies now, for import matching. */
    public final Limits currentLimits() {
        return new Limits(pages(), maxPages, false, false);
    }

    /** Valid while the memory's backing storage is the same object. */
    public final Assumption bufferUnchanged() {
        return bufferUnchanged;
    }

    /** How often the storage was replaced; access nodes stop caching it after a few times. */
    public final int growCount() {
        return growCount;
    }

    /** Grows by {@code delta} pages; returns the old size in pages, or -1 when it cannot. */
    public final long grow(long delta) {
        long old = pages();
        if (delta == 0) {
            return old;
        }
        long limit = maxPages == Limits.NO_MAX ? implementationMaxPages() : Math.min(maxPages, implementationMaxPages());
        if (delta < 0 || old + delta > limit) {
            return -1;
        }
        if (!resize(old + delta)) {
            return -1;
        }
        growCount++;
        Assumption previous = bufferUnchanged;
        bufferUnchanged = Truffle.getRuntime().createAssumption("memory buffer unchanged");
        previous.invalidate("memory.grow");
        return old;
    }

    /** The most pages this implementation can hold. */
    protected abstract long implementationMaxPages();

    /** Replaces the storage with one of {@code newPages} pages, keeping the contents. */
    protected abstract boolean resize(long newPages);

    public abstract void copyFromBytes(long destination, byte[] source, int sourceOffset, int length);

    public abstract void copyToBytes(long source, byte[] destination, int destinationOffset, int length);

    /** memory.copy within this memory (overlapping ranges allowed). */
    public abstract void copyWithin(long destination, long source, long length);

    public abstract void fill(long destination, byte value, long length);

    /** Whether {@code [address, address + length)} lies inside the memory (unsigned). */
    public final boolean inBounds(long address, long length) {
        return address >= 0 && length >= 0 && length <= byteSize() && address <= byteSize() - length;
    }
}
