package org.wasmlang.limits;

import java.util.concurrent.atomic.AtomicLong;

import org.graalvm.options.OptionValues;
import org.wasmlang.WasmOptions;

/**
 * The resource limits of one context, read from its options, and what the context uses of
 * them. Every message that reports a limit is made here, naming the option that raises it.
 */
public final class ContextLimits {
    private final long memoryLimit;
    private final long tableSizeLimit;
    private final long instanceLimit;
    private final long callTimeLimitNanos;
    private final String callTimeLimitText;
    private final int callDepthLimit;
    /** Bytes the context's live memories hold, counted only under a memory limit. */
    private final AtomicLong memoryReserved = new AtomicLong();
    private final AtomicLong instances = new AtomicLong();

    public ContextLimits(OptionValues options) {
        this.memoryLimit = options.get(WasmOptions.MemoryLimit);
        this.tableSizeLimit = options.get(WasmOptions.TableSizeLimit);
        this.instanceLimit = options.get(WasmOptions.InstanceLimit);
        this.callTimeLimitNanos = options.get(WasmOptions.CallTimeLimit);
        this.callTimeLimitText = callTimeLimitNanos / 1_000_000 + "ms";
        this.callDepthLimit = (int) Math.min(Integer.MAX_VALUE, options.get(WasmOptions.CallDepthLimit));
    }

    // ---- memory ----------------------------------------------------------------------

    public boolean limitsMemory() {
        return memoryLimit > 0;
    }

    /** Sets {@code bytes} aside for a memory; false when that would pass the limit. */
    boolean reserveMemory(long bytes) {
        if (memoryLimit == 0) {
            return true;
        }
        long before;
        do {
            before = memoryReserved.get();
            if (bytes > memoryLimit - before) {
                return false;
            }
        } while (!memoryReserved.compareAndSet(before, before + bytes));
        return true;
    }

    void releaseMemory(long bytes) {
        if (memoryLimit > 0) {
            memoryReserved.addAndGet(-bytes);
        }
    }

    /** Why a memory of {@code bytes} more cannot be had (instantiation, Memory(), a host's grow). */
    public String memoryLimitMessage(long bytes) {
        return "memory limit exceeded: " + LimitValues.bytes(bytes) + " more would pass the context's "
                        + "wasmlang.MemoryLimit of " + LimitValues.bytes(memoryLimit) + " (" + LimitValues.bytes(memoryReserved.get())
                        + " in use); raise the option wasmlang.MemoryLimit";
    }

    // ---- tables ----------------------------------------------------------------------

    /** The most elements one table may have ({@code wasmlang.TableSizeLimit}). */
    public long tableSizeLimit() {
        return tableSizeLimit;
    }

    public String tableLimitMessage(long elements) {
        return "table limit exceeded: a table of " + Long.toUnsignedString(elements) + " elements is larger than "
                        + "wasmlang.TableSizeLimit (" + tableSizeLimit + "); raise the option wasmlang.TableSizeLimit";
    }

    // ---- instances -------------------------------------------------------------------

    /** Counts one more instance; null when it may be made, else why not. */
    public String countInstance() {
        long count = instances.incrementAndGet();
        if (instanceLimit > 0 && count > instanceLimit) {
            instances.decrementAndGet();
            return "instance limit exceeded: the context has made the " + instanceLimit + " instances "
                            + "wasmlang.InstanceLimit allows; raise the option wasmlang.InstanceLimit";
        }
        return null;
    }

    // ---- time ------------------------------------------------------------------------

    /** The longest a call from the host may run, in nanoseconds; 0 for no limit. */
    public long callTimeLimitNanos() {
        return callTimeLimitNanos;
    }

    public String callTimeLimitMessage() {
        return "the call ran longer than wasmlang.CallTimeLimit (" + callTimeLimitText + "); raise the option "
                        + "wasmlang.CallTimeLimit";
    }

    // ---- stack -----------------------------------------------------------------------

    /** The deepest Wasm calls may nest on one thread ({@code wasmlang.CallDepthLimit}); 0 for the stack's own limit. */
    public int callDepthLimit() {
        return callDepthLimit;
    }

    public String callDepthLimitMessage() {
        return "(more than wasmlang.CallDepthLimit, " + callDepthLimit + " nested calls; raise the option "
                        + "wasmlang.CallDepthLimit)";
    }
}
