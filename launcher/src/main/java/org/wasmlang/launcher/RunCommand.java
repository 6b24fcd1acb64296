package org.wasmlang.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.wasmlang.WasmLanguage;

/**
 * {@code wasmlang run [--dir HOST[::GUEST][:ro]] [--env NAME[=VALUE]] [--argv0 NAME] [--invoke NAME]
 * FILE.wasm [ARGS...]}, like {@code wasmtime run}: a WASI command runs its {@code _start} with ARGS and
 * the process exits with the guest's exit code; with {@code --invoke} one export is called
 * with ARGS as numbers and its results are printed one per line. A trap prints its message
 * and the guest stack on stderr and exits with 134, as wasmtime does.
 */
final class RunCommand {
    static final int TRAP_EXIT_CODE = 134;
    static final String USAGE = "usage: wasmlang run [--dir HOST[::GUEST][:ro]]... [--env NAME[=VALUE]]... "
                    + "[--argv0 NAME] [--invoke NAME] [POLYGLOT OPTIONS] FILE.wasm [ARGS...]";

    private RunCommand() {
    }

    /** What the command line asked for. */
    private static final class Request {
        String invoke;
        String argv0;
        Path file;
        final List<String> arguments = new ArrayList<>();
        final List<String> dirs = new ArrayList<>();
        final Map<String, String> env = new LinkedHashMap<>();
        /** Polyglot options: --wasmlang.WasmVersion=2.0, --inspect, --cpusampler, --engine.*, --log.* ... */
        final PolyglotOptions polyglot = new PolyglotOptions();
    }

    static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        Request request = new Request();
        // Options stand before the file; --invoke may also follow it directly (the form
        // the spec tools use). Everything else after the file belongs to the program.
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            boolean beforeFile = request.file == null;
            boolean invokeAllowed = beforeFile || request.arguments.isEmpty();
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            if (invokeAllowed && arg.equals("--invoke") && value != null) {
                request.invoke = value;
                i++;
            } else if (invokeAllowed && arg.startsWith("--invoke=")) {
                request.invoke = arg.substring("--invoke=".length());
            } else if (beforeFile && arg.equals("--argv0") && value != null) {
                request.argv0 = value;
                i++;
            } else if (beforeFile && (arg.equals("--dir") || arg.equals("--env")) && value != null) {
                if (!option(request, arg.substring(2), value, err)) {
                    return 2;
                }
                i++;
            } else if (beforeFile && (arg.startsWith("--dir=") || arg.startsWith("--env="))) {
                int eq = arg.indexOf('=');
                if (!option(request, arg.substring(2, eq), arg.substring(eq + 1), err)) {
                    return 2;
                }
            } else if (beforeFile && arg.equals("--")) {
                // The next argument is the file, even if it starts with a dash.
                if (i + 1 < args.size()) {
                    request.file = Path.of(args.get(++i));
                }
            } else if (beforeFile && (arg.equals("--help") || arg.equals("-h"))) {
                out.println(USAGE);
                out.println("(wasmlang --help describes the options)");
                return 0;
            } else if (beforeFile && OptionHelp.isHelp(arg)) {
                OptionHelp.print(arg, out);
                return 0;
            } else if (beforeFile && request.polyglot.take(arg)) {
                continue;
            } else if (beforeFile && arg.startsWith("-")) {
                err.println("wasmlang run: unknown option " + arg);
                err.println(USAGE);
                return 2;
            } else if (beforeFile) {
                request.file = Path.of(arg);
            } else {
                request.arguments.add(arg);
            }
        }
        if (request.file == null) {
            err.println(USAGE);
            return 2;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(request.file);
        } catch (IOException e) {
            err.println("wasmlang run: cannot read " + request.file + ": " + reason(e));
            return 2;
        }
        if (isText(bytes)) {
            err.println(textFormatMessage(request.file));
            return 1;
        }
        // The guest reaches files only through its preopens, which WASI resolves itself.
        Context context;
        try {
            context = request.polyglot.applyTo(Context.newBuilder(WasmLanguage.ID).allowIO(IOAccess.ALL).in(in).out(out)
                            .err(err)).build();
        } catch (IllegalArgumentException e) {
            // A polyglot option no descriptor knows, a bad value, or a bad -Dpolyglot.* system property.
            err.println("wasmlang run: " + request.polyglot.explain(e));
            err.println(USAGE);
            return 2;
        }
        try (context) {
            return call(context, request, bytes, out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** What a command says when given a text-format file. */
    static String textFormatMessage(Path file) {
        return "wasmlang: invalid module: WasmLang reads binary modules (application/wasm); the text format of " + file
                        + " is not supported yet: convert it with wat2wasm first";
    }

    /** Whether a file looks like the text format: it starts, after white space, with "(" or ";;". */
    static boolean isText(byte[] bytes) {
        for (byte b : bytes) {
            if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
                continue;
            }
            return b == '(' || b == ';';
        }
        return false;
    }

    /** What the OS said, as a sentence, not the bare path NoSuchFileException reports. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "No such file or directory";
        } else if (e instanceof java.nio.file.AccessDeniedException) {
            return "Permission denied";
        } else if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage();
    }

    private static boolean option(Request request, String name, String value, PrintStream err) {
        if (name.equals("dir")) {
            request.dirs.add(value);
            return true;
        }
        int eq = value.indexOf('=');
        if (eq == 0) {
            err.println("wasmlang run: --env " + value + ": the variable needs a name");
            return false;
        }
        if (eq < 0) {
            // Like wasmtime: a bare NAME passes the host's value on.
            String host = System.getenv(value);
            if (host != null) {
                request.env.put(value, host);
            }
        } else {
            request.env.put(value.substring(0, eq), value.substring(eq + 1));
        }
        return true;
    }

    /** Runs inside the open context, so a trap's guest object can still be read. */
    private static int call(Context context, Request request, byte[] bytes, PrintStream out, PrintStream err) {
        Path file = request.file;
        try {
            Value module = context.eval(Source.newBuilder(WasmLanguage.ID, ByteSequence.create(bytes), file.toString())
                            .buildLiteral());
            boolean usesWasi = false;
            Value imports = module.getMember("imports");
            for (long i = 0; i < imports.getArraySize(); i++) {
                usesWasi |= imports.getArrayElement(i).getMember("module").asString().equals("wasi_snapshot_preview1");
            }
            Value wasi = null;
            Value instance;
            if (usesWasi) {
                List<String> argv = new ArrayList<>();
                argv.add(request.argv0 != null ? request.argv0 : file.toString());
                if (request.invoke == null) {
                    argv.addAll(request.arguments);
                }
                Map<String, Object> options = new LinkedHashMap<>();
                options.put("args", ProxyArray.fromList(new ArrayList<>(argv)));
                options.put("env", ProxyObject.fromMap(new LinkedHashMap<>(request.env)));
                options.put("dirs", ProxyArray.fromList(new ArrayList<>(request.dirs)));
                options.put("terminal", System.console() != null && System.console().isTerminal());
                wasi = context.getBindings(WasmLanguage.ID).getMember("Wasi").newInstance(ProxyObject.fromMap(options));
                Map<String, Object> importObject = new LinkedHashMap<>();
                importObject.put("wasi_snapshot_preview1", wasi);
                instance = module.invokeMember("newInstance", ProxyObject.fromMap(importObject));
            } else {
                if (!request.dirs.isEmpty() || !request.env.isEmpty()) {
                    err.println("wasmlang run: note: " + file + " does not import WASI; --dir and --env have no effect");
                }
                instance = module.invokeMember("newInstance");
            }
            Value exports = instance.getMember("exports");
            if (request.invoke == null) {
                if (wasi != null) {
                    return wasi.invokeMember("start", instance).asInt();
                }
                Value start = exports.getMember("_start");
                if (start == null || !start.canExecute()) {
                    err.println("wasmlang run: " + file + " is not a WASI command (no _start); name a function with "
                                    + "--invoke NAME; it exports " + exports.getMemberKeys());
                    return 2;
                }
                start.execute();
                return 0;
            }
            return invoke(exports, request, out, err);
        } catch (PolyglotException e) {
            if (e.isExit()) {
                return e.getExitStatus();
            }
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

    private static int invoke(Value exports, Request request, PrintStream out, PrintStream err) {
        Value function = exports.getMember(request.invoke);
        if (function == null || !function.canExecute()) {
            err.println("wasmlang run: " + request.file + " exports no function \"" + request.invoke + "\"; it exports "
                            + exports.getMemberKeys());
            return 2;
        }
        List<String> arguments = request.arguments;
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
        // Several results come as an array; a v128 is an array of its bytes too, but also a buffer.
        if (result.hasArrayElements() && !result.hasBufferElements()) {
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
