package org.wasmlang.limits;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps linear memories from filling the Java heap: memories of all contexts together hold
 * at most half of it in {@code byte[]}s, counting the old and the new array while a grow
 * copies. A memory that would pass that lives in native memory instead, so a guest never
 * makes the JVM throw OutOfMemoryError in the host's code.
 */
public final class HeapGuard {
    private static final long LIMIT = Runtime.getRuntime().maxMemory() / 2;
    private static final AtomicLong RESERVED = new AtomicLong();

    private HeapGuard() {
    }

    static boolean tryReserve(long bytes) {
        long before;
        do {
            before = RESERVED.get();
            if (bytes > LIMIT - before) {
                return false;
            }
        } while (!RESERVED.compareAndSet(before, before + bytes));
        return true;
    }

    static void release(long bytes) {
        RESERVED.addAndGet(-bytes);
    }

    /** The bytes memories may hold on the heap together. */
    public static long limit() {
        return LIMIT;
    }
}
