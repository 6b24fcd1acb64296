package org.wasmlang.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's load averages (Linux, /proc/loadavg). Other work on a 2-core machine skews
 * every number, so the reports say how busy the machine was.
 */
final class LoadAverage {

    private LoadAverage() {
    }

    /** The 1-minute load average, NaN where it cannot be read. */
    static double oneMinute() {
        try {
            return Double.parseDouble(fields()[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The 1-, 5- and 15-minute load averages, "unknown" where they cannot be read. */
    static String text() {
        try {
            String[] fields = fields();
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String[] fields() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ");
    }
}
