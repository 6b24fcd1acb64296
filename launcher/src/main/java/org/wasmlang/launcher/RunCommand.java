package org.wasmlang.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.wasmlang.WasmLanguage;

/**
 * {@code wasmlang run FILE.wasm --invoke NAME [ARGS...]}: instantiates a module that needs
 * no imports and calls one export, printing each result on its own line. A trap prints
 * its message and the guest stack on stderr and exits with 134, as wasmtime does.
 */
final class RunCommand {
    static final int TRAP_EXIT_CODE = 134;

    private RunCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        String invoke = null;
        Path file = null;
        List<String> arguments = new ArrayList<>();
        // Options may stand before or right after the file; the first other word after
        // the file starts the function's arguments (which may be negative numbers).
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            boolean optionsAllowed = arguments.isEmpty();
            if (optionsAllowed && arg.equals("--invoke") && i + 1 < args.size()) {
                invoke = args.get(++i);
            } else if (optionsAllowed && arg.startsWith("--invoke=")) {
                invoke = arg.substring("--invoke=".length());
            } else if (file == null && arg.startsWith("-")) {
                err.println("wasmlang run: unknown option " + arg);
                return 2;
            } else if (file == null) {
                file = Path.of(arg);
            } else {
                arguments.add(arg);
            }
        }
        if (file == null) {
            err.println("usage: wasmlang run FILE.wasm --invoke NAME [ARGS...]");
            return 2;
        }
        if (invoke == null) {
            err.println("wasmlang run: name the export to call with --invoke NAME (WASI programs are not supported yet)");
            return 2;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            err.println("wasmlang run: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        try (Context context = Context.newBuilder(WasmLanguage.ID).build()) {
            return call(context, file, bytes, invoke, arguments, out, err);
        }
    }

    /** Runs inside the open context, so a trap's guest object can still be read. */
    private static int call(Context context, Path file, byte[] bytes, String invoke, List<String> arguments,
                    PrintStream out, PrintStream err) {
        try {
            Value module = context.eval(Source.newBuilder(WasmLanguage.ID, ByteSequence.create(bytes), file.toString())
                            .buildLiteral());
            Value exports = module.invokeMember("newInstance").getMember("exports");
            Value function = exports.getMember(invoke);
            if (function == null || !function.canExecute()) {
                err.println("wasmlang run: " + file + " exports no function \"" + invoke + "\"; it exports "
                                + exports.getMemberKeys());
                return 2;
            }
            Object[] values = new Object[arguments.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = parseNumber(arguments.get(i));
                if (values[i] == null) {
                    err.println("wasmlang run: argument " + (i + 1) + " (\"" + arguments.get(i) + "\") is not a number");
                    return 2;
                }
            }
            printResults(function.execute(values), out);
            return 0;
        } catch (PolyglotException e) {
            if (e.isInternalError() || e.isHostException()) {
                throw e;
            }
            Value guest = e.getGuestObject();
            boolean trap = guest != null && guest.hasMember("wasmStack");
            err.println((e.isSyntaxError() ? "wasmlang: invalid module: " : trap ? "wasmlang: trap: " : "wasmlang: error: ")
                            + e.getMessage());
            printGuestStack(e, err);
            return e.isSyntaxError() ? 1 : TRAP_EXIT_CODE;
        }
    }

    /** Integers as Long, anything else numeric (1.5, 1e3, inf, nan) as Double. */
    static Object parseNumber(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notAnInteger) {
            switch (text) {
                case "inf", "+inf" -> {
                    return Double.POSITIVE_INFINITY;
                }
                case "-inf" -> {
                    return Double.NEGATIVE_INFINITY;
                }
                case "nan" -> {
                    return Double.NaN;
                }
                default -> {
                    try {
                        return Double.parseDouble(text);
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }
            }
        }
    }

    private static void printResults(Value result, PrintStream out) {
        if (result.isNull()) {
            return;
        }
        if (result.hasArrayElements()) {
            for (long i = 0; i < result.getArraySize(); i++) {
                out.println(result.getArrayElement(i));
            }
        } else {
            out.println(result);
        }
    }

    /** The Wasm stack of a trap, with byte offsets; other guest errors list their frames. */
    static void printGuestStack(PolyglotException e, PrintStream err) {
        Value guest = e.getGuestObject();
        if (guest != null && guest.hasMember("wasmStack")) {
            for (String line : guest.getMember("wasmStack").asString().split("\n")) {
                if (!line.isEmpty()) {
                    err.println("    " + line);
                }
            }
            return;
        }
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            if (frame.isGuestFrame()) {
                err.println("    at " + frame.getRootName());
            }
        }
    }
}
