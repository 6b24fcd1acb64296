package org.wasmlang.benchmarks;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of the peer engines' WASI mains ({@link GraalWasmWasiMain},
 * {@link ChicoryWasiMain}), the same as {@code wasmlang run}'s so that the harness builds one
 * command for all three: {@code [--dir HOST::GUEST]... [--env NAME=VALUE]... [--argv0 NAME]
 * FILE.wasm [ARGS...]}. Standard input, output and error are the process's own.
 */
record WasiCommandLine(Path wasm, String argv0, List<String> arguments, List<Dir> dirs, Map<String, String> environment) {

    /** A preopened folder: the host folder and the guest path it appears at. */
    record Dir(String host, String guest) {
    }

    /** The exit code after a trap or an engine error: what wasmtime, wasmlang and node-run.mjs use for a trap. */
    static final int TRAP_EXIT_CODE = 134;

    static WasiCommandLine parse(String[] args) {
        String argv0 = null;
        List<Dir> dirs = new ArrayList<>();
        Map<String, String> environment = new LinkedHashMap<>();
        int i = 0;
        for (; i < args.length && args[i].startsWith("--"); i++) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            String value = args[++i];
            switch (args[i - 1]) {
                case "--argv0" -> argv0 = value;
                case "--dir" -> {
                    int separator = value.indexOf("::");
                    if (separator <= 0) {
                        throw new IllegalArgumentException("--dir takes HOST::GUEST, not " + value);
                    }
                    dirs.add(new Dir(value.substring(0, separator), value.substring(separator + 2)));
                }
                case "--env" -> {
                    int equals = value.indexOf('=');
                    if (equals <= 0) {
                        throw new IllegalArgumentException("--env takes NAME=VALUE, not " + value);
                    }
                    environment.put(value.substring(0, equals), value.substring(equals + 1));
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i - 1]);
            }
        }
        if (i >= args.length) {
            throw new IllegalArgumentException("no FILE.wasm given");
        }
        Path wasm = Path.of(args[i]);
        List<String> arguments = List.of(args).subList(i + 1, args.length);
        return new WasiCommandLine(wasm, argv0 == null ? wasm.getFileName().toString() : argv0, List.copyOf(arguments),
                        List.copyOf(dirs), environment);
    }

    /** argv as the guest sees it: argv[0], then the arguments. */
    List<String> argv() {
        List<String> argv = new ArrayList<>();
        argv.add(argv0);
        argv.addAll(arguments);
        return argv;
    }

    /** The process's standard output or error, buffered; the mains flush it before they exit. */
    static OutputStream buffered(FileDescriptor descriptor) {
        return new BufferedOutputStream(new FileOutputStream(descriptor), 1 << 16);
    }

    /**
     * Ends a main after its guest ran: flushes the guest's stdout and stderr, then exits with
     * {@code exitCode}, or, when {@code failure} is not null, as {@link #fail} does.
     */
    static void exit(String engine, OutputStream out, OutputStream err, int exitCode, Throwable failure) {
        flushQuietly(out);
        flushQuietly(err);
        if (failure != null) {
            fail(engine, failure);
        }
        System.exit(exitCode);
    }

    /** Flushes a guest stream that the guest may have closed already (bzip2 closes its stdout). */
    private static void flushQuietly(OutputStream stream) {
        try {
            stream.flush();
        } catch (IOException e) {
            // closed by the guest, which flushed it then
        }
    }

    /**
     * Exits after an error of the engine or the command line: one line that says what went
     * wrong (the harness shows it in the report), then the stack trace.
     */
    static void fail(String engine, Throwable error) {
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        System.err.println(engine + ": " + message.strip().lines().findFirst().orElse(error.getClass().getName()));
        error.printStackTrace();
        System.err.flush();
        System.exit(TRAP_EXIT_CODE);
    }
}
