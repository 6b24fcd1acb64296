package org.wasmlang.launcher.wast;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.wasmlang.launcher.PolyglotOptions;

/**
 * {@code wasmlang wast [--quiet] [POLYGLOT OPTIONS] FILE_OR_DIR...}: runs spec scripts and prints the
 * tally; polyglot options such as {@code --wasmlang.WasmVersion=2.0} or {@code --engine.*} apply to every script.
 */
public final class WastCommandLine {
    private WastCommandLine() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        boolean quiet = false;
        List<Path> roots = new ArrayList<>();
        PolyglotOptions options = new PolyglotOptions();
        for (String arg : args) {
            if (arg.equals("--quiet") || arg.equals("-q")) {
                quiet = true;
            } else if (options.take(arg)) {
                continue;
            } else if (arg.startsWith("-")) {
                err.println("wasmlang wast: unknown option " + arg);
                return 2;
            } else {
                Path path = Path.of(arg);
                if (!Files.exists(path)) {
                    err.println("wasmlang wast: no such file or directory: " + arg);
                    return 2;
                }
                roots.add(path);
            }
        }
        if (roots.isEmpty()) {
            err.println("usage: wasmlang wast [--quiet] [--wasmlang.WasmVersion=2.0] FILE_OR_DIR...");
            return 2;
        }
        WastReport total = new WastReport();
        WastRunner created;
        try {
            created = new WastRunner(options.options());
        } catch (IllegalArgumentException e) {
            err.println("wasmlang wast: " + options.explain(e));
            return 2;
        }
        try (WastRunner runner = created) {
            for (Path script : WastRunner.collectScripts(roots)) {
                WastReport report = runner.run(script);
                if (!quiet) {
                    for (WastReport.Failure failure : report.failures()) {
                        out.println("FAIL " + failure);
                    }
                }
                total.add(report);
            }
        } catch (IOException e) {
            err.println("wasmlang wast: " + e.getMessage());
            return 2;
        }
        total.print(out, false);
        return total.failed() == 0 ? 0 : 1;
    }
}
