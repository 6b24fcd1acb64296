package org.wasmlang.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wasmlang.binary.ModuleDecoder;
import org.wasmlang.module.Features;
import org.wasmlang.module.Module;
import org.wasmlang.text.TextPrinter;
import org.wasmlang.validation.Validator;
import org.wasmlang.validation.WasmModuleException;

/**
 * {@code wasmlang print [--wasmlang.WasmVersion=2.0] FILE.wasm}: the module's text view (the
 * one the debugger shows) on stdout. The module is decoded and validated as {@code run} would;
 * errors are reported as {@code run} reports them. No polyglot context is needed: printing
 * runs no guest code.
 */
final class PrintCommand {
    static final String USAGE = "usage: wasmlang print [--wasmlang.WasmVersion=2.0] FILE.wasm";

    private PrintCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Path file = null;
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (file == null && arg.equals("--") && i + 1 < args.size()) {
                file = Path.of(args.get(++i));
            } else if (file == null && arg.startsWith("--wasmlang.") && arg.indexOf('=') > 0) {
                int eq = arg.indexOf('=');
                options.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (arg.startsWith("-") || file != null) {
                err.println("wasmlang print: unexpected argument " + arg);
                err.println(USAGE);
                return 2;
            } else {
                file = Path.of(arg);
            }
        }
        if (file == null) {
            err.println(USAGE);
            return 2;
        }
        Features features = Features.DEFAULT;
        for (Map.Entry<String, String> option : options.entrySet()) {
            if (!option.getKey().equals("wasmlang.WasmVersion")) {
                err.println("wasmlang print: unknown option --" + option.getKey() + " (only --wasmlang.WasmVersion applies)");
                return 2;
            }
            try {
                features = Features.forVersion(option.getValue());
            } catch (IllegalArgumentException e) {
                err.println("wasmlang print: " + e.getMessage());
                return 2;
            }
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            err.println("wasmlang print: cannot read " + file + ": " + RunCommand.reason(e));
            return 2;
        }
        if (RunCommand.isText(bytes)) {
            err.println(RunCommand.textFormatMessage(file));
            return 1;
        }
        try {
            Module module = ModuleDecoder.decode(bytes, features);
            Validator.validate(module, features);
            out.print(TextPrinter.print(module, features).text());
            out.flush();
            return 0;
        } catch (WasmModuleException e) {
            err.println("wasmlang: invalid module: " + e.getMessage());
            return 1;
        }
    }
}
