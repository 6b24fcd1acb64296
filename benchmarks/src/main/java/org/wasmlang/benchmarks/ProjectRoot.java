package org.wasmlang.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository the benchmarks run in: the folder that holds mx.wasmlang. */
final class ProjectRoot {

    private ProjectRoot() {
    }

    /**
     * The property wasmlang.projectRoot (benchmarks/run sets it), else the first folder upward
     * from the working directory that holds mx.wasmlang.
     *
     * @param who    the benchmark, the prefix of the error message
     * @param advice what to do when there is none, the end of the error message
     */
    static Path find(String who, String advice) throws IOException {
        String configured = System.getProperty("wasmlang.projectRoot");
        if (configured != null && !configured.isEmpty()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path workingDirectory = Path.of("").toAbsolutePath();
        for (Path dir = workingDirectory; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("mx.wasmlang"))) {
                return dir;
            }
        }
        throw new IOException(who + ": cannot find the project root (no mx.wasmlang above " + workingDirectory + "); " + advice);
    }
}
