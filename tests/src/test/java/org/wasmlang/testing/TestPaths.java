package org.wasmlang.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/** Where the project and the shared test data are, seen from a running test. */
public final class TestPaths {
    private TestPaths() {
    }

    /** The repository root (Maven passes it in; otherwise the parent of the working directory). */
    public static Path projectRoot() {
        String fromMaven = System.getProperty("wasmlang.projectRoot");
        Path root = fromMaven != null ? Path.of(fromMaven) : Path.of("").toAbsolutePath().getParent();
        return root.toAbsolutePath().normalize();
    }

    /** ../shared beside the project root, or null when this clone does not have it. */
    public static Path sharedOrNull() {
        Path shared = projectRoot().resolveSibling("shared");
        return Files.isDirectory(shared) ? shared : null;
    }

    /** A folder under ../shared; the calling test is skipped, with a reason, when it is absent. */
    public static Path requireShared(String relative) {
        Path shared = sharedOrNull();
        Assumptions.assumeTrue(shared != null,
                        "skipped: ../shared (the spec and WASI test data) is not beside " + projectRoot());
        Path path = shared.resolve(relative);
        Assumptions.assumeTrue(Files.exists(path), "skipped: " + path + " is absent");
        return path;
    }
}
