package org.wasmlang.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The command of a fresh JVM like the harness's own: its java, JVM flags and class path. */
final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * {@code java}, this JVM's arguments (each through {@code keep}, which may change it or
     * drop it by returning null), then {@code extra}, the class path and {@code mainClass}.
     * The list is the caller's to extend with the main's arguments.
     */
    static List<String> command(UnaryOperator<String> keep, List<String> extra, String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // A debugger agent would fight over its port with the parent's.
            String kept = argument.contains("jdwp") ? null : keep.apply(argument);
            if (kept != null) {
                command.add(kept);
            }
        }
        command.addAll(extra);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        return command;
    }
}
