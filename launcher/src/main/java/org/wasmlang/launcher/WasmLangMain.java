package org.wasmlang.launcher;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import org.graalvm.polyglot.Engine;
import org.wasmlang.WasmLangVersion;
import org.wasmlang.WasmLanguage;
import org.wasmlang.launcher.wast.WastCommandLine;
import org.wasmlang.runtime.simd.SimdMode;

/**
 * The {@code wasmlang} command. Each subcommand is a small class; this one only
 * dispatches and owns the process exit code.
 */
public final class WasmLangMain {
    static final String INTERPRETED = "Interpreted";

    private WasmLangMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs the command line and returns the exit status, without exiting the JVM. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, InputStream.nullInputStream(), out, err);
    }

    /** The same with the stdin a WASI program reads. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        List<String> arguments = Arrays.asList(args);
        // Only the command's own position is ours: --help after a module belongs to the guest.
        if (arguments.isEmpty() || arguments.get(0).equals("--help") || arguments.get(0).equals("-h")
                        || arguments.get(0).equals("help")) {
            printHelp(out);
            return arguments.isEmpty() ? 2 : 0;
        }
        if (OptionHelp.isHelp(arguments.get(0))) {
            OptionHelp.print(arguments.get(0), out);
            return 0;
        }
        String command = arguments.get(0);
        List<String> rest = arguments.subList(1, arguments.size());
        switch (command) {
            case "--version":
            case "-V":
            case "version":
                printVersion(out);
                return 0;
            case "wast":
                return WastCommandLine.run(rest, out, err);
            case "run":
                return RunCommand.run(rest, in, out, err);
            case "print":
                return PrintCommand.run(rest, out, err);
            default:
                if (command.endsWith(".wasm") || command.endsWith(".wat")) {
                    // wasmlang FILE.wasm ARGS: run, as wasmtime has it.
                    return RunCommand.run(arguments, in, out, err);
                }
                err.println("wasmlang: unknown command '" + command + "'; try wasmlang --help");
                return 2;
        }
    }

    static void printHelp(PrintStream out) {
        out.println("WasmLang " + WasmLangVersion.version() + ": a WebAssembly engine on GraalVM Truffle");
        out.println();
        out.println("Usage: wasmlang COMMAND [ARGS...]");
        out.println();
        out.println("Commands:");
        out.println("  run [--dir HOST[::GUEST][:ro]] [--env NAME[=VALUE]] FILE.wasm [ARGS...]");
        out.println("                      run a WASI command; exits with its exit code (like wasmtime run)");
        out.println("  FILE.wasm [ARGS...]  the same as run FILE.wasm [ARGS...]");
        out.println("  run FILE.wasm --invoke NAME [ARGS...]");
        out.println("                      call an export of a module (numbers as arguments) and print its results");
        out.println("  wast FILE_OR_DIR... run WebAssembly spec scripts (.wast, modules in binary form)");
        out.println("  print FILE.wasm     print the module as WebAssembly text (the view the debugger shows)");
        out.println("  --version, -V       print the WasmLang, Truffle and JDK versions and the JIT in use");
        out.println("  --help              print this help");
        out.println();
        out.println("Options of run, wast and print, before the file:");
        out.println("  --wasmlang.WasmVersion=2.0");
        out.println("                      decode and validate by the Wasm 2.0 rules (default 3.0)");
        out.println();
        out.println("Polyglot options of run (and wast), before the file, as other GraalVM launchers take them:");
        out.println("  --inspect[=[HOST:]PORT]  debug with Chrome DevTools (the ws:// URL to open is printed;");
        out.println("                      --inspect.Suspend=false runs without waiting, --inspect.Path=... fixes the URL)");
        out.println("  --cpusampler        profile by sampling; prints a histogram at exit (--cpusampler=calltree ...)");
        out.println("  --cputracer         count calls of each function");
        out.println("  --memtracer         trace allocations (needs --experimental-options)");
        out.println("  --engine.NAME=VALUE, --log.NAME=VALUE, --wasmlang.NAME=VALUE");
        out.println("                      engine, logging and WasmLang options");
        out.println("  --experimental-options  allow options marked experimental");
        out.println("  --help:tools, --help:engine, --help:languages");
        out.println("                      list these options with their help");
        out.println();
        out.println("Environment:");
        out.println("  JAVA_HOME           a JDK 25+ to use (otherwise one is looked for under /usr/lib/jvm)");
        out.println("  WASMLANG_JAVA_OPTS  extra JVM options, e.g. -Xmx8g");
    }

    static void printVersion(PrintStream out) {
        out.println("WasmLang " + WasmLangVersion.version());
        out.println("Truffle " + WasmLangVersion.truffleVersion());
        out.println("JDK " + System.getProperty("java.vm.vendor") + " " + Runtime.version()
                        + " (" + System.getProperty("java.home") + ")");
        out.println("Engine " + engineImplementationName());
        out.println("SIMD " + (SimdMode.VECTOR_API ? "v128 on the JDK Vector API in compiled code (" + SimdMode.VECTOR_MODULE + ")"
                        : "v128 as two longs"));
    }

    /**
     * The polyglot engine implementation: {@code GraalVM CE} when the Graal JIT compiles
     * Truffle code, {@code Interpreted} when only the fallback interpreter is available.
     */
    static String engineImplementationName() {
        try (Engine engine = Engine.newBuilder().option("engine.WarnInterpreterOnly", "false").build()) {
            String name = engine.getImplementationName();
            if (INTERPRETED.equals(name)) {
                JitNotice.printOnce();
            }
            return name;
        }
    }
}
