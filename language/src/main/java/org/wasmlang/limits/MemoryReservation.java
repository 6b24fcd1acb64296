package org.wasmlang.limits;

import java.lang.ref.Cleaner;

/**
 * What one linear memory holds of its context's {@code wasmlang.MemoryLimit} and of the
 * {@link HeapGuard} (a table holds only the latter, for its element array). It is the
 * owner's Cleaner action: both are given back when the memory or table becomes unreachable
 * (its bytes are then garbage or freed native memory).
 */
public final class MemoryReservation implements Runnable {
    private static final Cleaner CLEANER = Cleaner.create();

    /** Null for memories no context owns. */
    private final ContextLimits limits;
    private long contextBytes;
    private long heapBytes;

    public MemoryReservation(ContextLimits limits) {
        this.limits = limits;
    }

    /** Gives everything back once {@code owner} is unreachable. */
    public void releaseWhenUnreachable(Object owner) {
        CLEANER.register(owner, this);
    }

    /** Counts {@code bytes} more against the context's memory limit; false when they would pass it. */
    public synchronized boolean reserve(long bytes) {
        if (limits != null && !limits.reserveMemory(bytes)) {
            return false;
        }
        contextBytes += bytes;
        return true;
    }

    public synchronized void release(long bytes) {
        if (limits != null) {
            limits.releaseMemory(bytes);
        }
        contextBytes -= bytes;
    }

    /** Counts a {@code byte[]} of {@code bytes} against the heap guard; false when it would pass it. */
    public synchronized boolean reserveHeap(long bytes) {
        if (!HeapGuard.tryReserve(bytes)) {
            return false;
        }
        heapBytes += bytes;
        return true;
    }

    public synchronized void releaseHeap(long bytes) {
        HeapGuard.release(bytes);
        heapBytes -= bytes;
    }

    /** Why {@code bytes} more were refused, for hosts; null when the context has no memory limit. */
    public String limitMessage(long bytes) {
        return limits == null || !limits.limitsMemory() ? null : limits.memoryLimitMessage(bytes);
    }

    @Override
    public synchronized void run() {
        release(contextBytes);
        releaseHeap(heapBytes);
    }
}
