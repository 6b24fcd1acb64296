package org.wasmlang.benchmarks;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * How much compiling this JVM has done so far, in nanoseconds: HotSpot's own compile time
 * plus the CPU time of Truffle's compiler threads (the Graal JIT running as Java code,
 * which HotSpot's counter does not see). Durations alone cannot tell a steady engine from
 * one whose first-tier code runs at an even pace while the second tier is still being
 * compiled on the other core; the meter asks for a window with little compiling in it.
 */
final class CompilerActivity {
    private final CompilationMXBean hotSpot = ManagementFactory.getCompilationMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean threadCpuTime = threads.isThreadCpuTimeSupported();

    long totalNanos() {
        long total = 0;
        if (hotSpot != null && hotSpot.isCompilationTimeMonitoringSupported()) {
            total += hotSpot.getTotalCompilationTime() * 1_000_000L;
        }
        if (threadCpuTime) {
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                // Truffle names them "TruffleCompilerThread-N"; a thread may end meanwhile.
                if (info != null && info.getThreadName().startsWith("TruffleCompilerThread")) {
                    long cpu = threads.getThreadCpuTime(info.getThreadId());
                    if (cpu > 0) {
                        total += cpu;
                    }
                }
            }
        }
        return total;
    }
}
