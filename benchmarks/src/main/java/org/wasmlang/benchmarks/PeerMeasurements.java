package org.wasmlang.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one engine on one workload and measures it: in this JVM, in a fresh child JVM with
 * the same flags (the default, so no engine profits from another's warm-up, JIT-compiled
 * host code or garbage), or as a native executable.
 *
 * <p>A child JVM reports on standard output, one line per event, each starting with
 * {@link #PROTOCOL_PREFIX}: {@code load NANOS}, {@code call NANOS CHECKSUM COMPILE_NANOS},
 * {@code failed MESSAGE} and {@code done}. The parent replays the calls into its own
 * {@link SteadyStateMeter}, which reaches the verdict the child's meter reached.
 */
final class PeerMeasurements {

    static final String PROTOCOL_PREFIX = "@peer ";

    /** How long a child or native process may go without reporting a call. */
    private static final long QUIET_LIMIT_SECONDS = 600;
    private static final int REMEMBERED_OUTPUT_LINES = 15;

    /** Hears about each call as it happens. */
    interface CallListener {
        void loaded(long nanos);

        void called(long nanos, long checksum, long compileNanos);
    }

    private static final CallListener SILENT = new CallListener() {
        @Override
        public void loaded(long nanos) {
        }

        @Override
        public void called(long nanos, long checksum, long compileNanos) {
        }
    };

    private PeerMeasurements() {
    }

    static EngineResult measure(String engine, String workload, PeerSettings settings) {
        if (engine.equals(EngineAdapters.NATIVE)) {
            return measureNative(workload, settings);
        }
        byte[] wasm;
        try {
            wasm = Files.readAllBytes(settings.wasmFile(workload));
        } catch (IOException e) {
            return EngineResult.failed(engine, "cannot read " + settings.wasmFile(workload) + ": " + e.getMessage());
        }
        if (settings.inProcess()) {
            return measureInProcess(engine, wasm, settings, SILENT);
        }
        return measureInChildJvm(engine, settings.wasmFile(workload), settings);
    }

    static EngineResult measureInProcess(String engine, byte[] wasm, PeerSettings settings, CallListener listener) {
        // Catches Errors too: a stack overflow or a missing class in one engine must not end the run.
        try (WasmEngineAdapter adapter = EngineAdapters.create(engine)) {
            long loadStart = System.nanoTime();
            adapter.load(wasm);
            long loadNanos = System.nanoTime() - loadStart;
            listener.loaded(loadNanos);
            SteadyStateMeter meter = settings.newMeter();
            ChecksumWatch checksums = new ChecksumWatch();
            CompilerActivity compiler = new CompilerActivity();
            boolean more = true;
            while (more) {
                long compiledBefore = compiler.totalNanos();
                long callStart = System.nanoTime();
                long checksum = adapter.runOnce();
                long callNanos = System.nanoTime() - callStart;
                long compileNanos = compiler.totalNanos() - compiledBefore;
                listener.called(callNanos, checksum, compileNanos);
                if (!checksums.accept(checksum)) {
                    return EngineResult.failed(engine, checksums.problem());
                }
                more = meter.record(callNanos, compileNanos);
            }
            return EngineResult.of(engine, loadNanos, meter, checksums.first());
        } catch (Throwable e) {
            return EngineResult.failed(engine, describe(e));
        }
    }

    /** The child JVM's side: measures in process and reports every event on standard output. */
    static int runAsChild(String engine, Path wasmFile, PeerSettings settings) {
        byte[] wasm;
        try {
            wasm = Files.readAllBytes(wasmFile);
        } catch (IOException e) {
            report("failed cannot read " + wasmFile + ": " + e.getMessage());
            return 1;
        }
        EngineResult result = measureInProcess(engine, wasm, settings, new CallListener() {
            @Override
            public void loaded(long nanos) {
                report("load " + nanos);
            }

            @Override
            public void called(long nanos, long checksum, long compileNanos) {
                report("call " + nanos + " " + checksum + " " + compileNanos);
            }
        });
        if (!result.succeeded()) {
            report("failed " + result.failure());
            return 1;
        }
        report("done");
        return 0;
    }

    private static void report(String event) {
        System.out.println(PROTOCOL_PREFIX + event.replace('\n', ' '));
        System.out.flush();
    }

    static EngineResult measureInChildJvm(String engine, Path wasmFile, PeerSettings settings) {
        List<String> command = ChildJvm.command(PeerMeasurements::withoutVectorModule, EngineAdapters.jvmArguments(engine),
                        PeerBenchmark.class.getName());
        command.add("--child");
        command.add(engine);
        command.add(wasmFile.toAbsolutePath().toString());
        command.addAll(settings.meterArguments());

        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return EngineResult.failed(engine, "cannot start a child JVM: " + e.getMessage());
        }
        Watchdog watchdog = new Watchdog(process);
        Deque<String> otherOutput = new ArrayDeque<>();
        SteadyStateMeter meter = settings.newMeter();
        ChecksumWatch checksums = new ChecksumWatch();
        long loadNanos = -1;
        String failure = null;
        boolean done = false;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                watchdog.progressed();
                if (!line.startsWith(PROTOCOL_PREFIX)) {
                    remember(otherOutput, line);
                    continue;
                }
                String[] event = line.substring(PROTOCOL_PREFIX.length()).split(" ", 2);
                switch (event[0]) {
                    case "load" -> loadNanos = Long.parseLong(event[1]);
                    case "call" -> {
                        String[] numbers = event[1].split(" ");
                        long checksum = Long.parseLong(numbers[1]);
                        if (failure == null && !checksums.accept(checksum)) {
                            failure = checksums.problem();
                        }
                        meter.record(Long.parseLong(numbers[0]), Long.parseLong(numbers[2]));
                    }
                    case "failed" -> failure = event.length > 1 ? event[1] : "no message";
                    case "done" -> done = true;
                    default -> remember(otherOutput, line);
                }
            }
            process.waitFor();
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.destroyForcibly();
            failure = "lost the child JVM: " + describe(e);
        } finally {
            watchdog.close();
        }
        if (failure != null) {
            return EngineResult.failed(engine, failure);
        }
        if (!done || !meter.isDone() || loadNanos < 0) {
            String reason = watchdog.fired() ? "reported nothing for " + QUIET_LIMIT_SECONDS + " s and was ended"
                            : "exited with code " + process.exitValue();
            return EngineResult.failed(engine, "the child JVM " + reason + " after " + meter.callCount() + " calls; its last output: "
                            + String.join(" | ", otherOutput));
        }
        return EngineResult.of(engine, loadNanos, meter, checksums.first());
    }

    /**
     * A JVM argument without the Vector API module, which only the engines that need it get
     * (its presence switches GraalWasm's v128 implementation): an {@code --add-modules=}
     * list loses that module, and null stands for an argument with nothing left.
     */
    static String withoutVectorModule(String jvmArgument) {
        String prefix = "--add-modules=";
        if (!jvmArgument.startsWith(prefix)) {
            return jvmArgument;
        }
        List<String> modules = new ArrayList<>(List.of(jvmArgument.substring(prefix.length()).split(",")));
        modules.remove(EngineAdapters.VECTOR_MODULE);
        return modules.isEmpty() ? null : prefix + String.join(",", modules);
    }

    static EngineResult measureNative(String workload, PeerSettings settings) {
        String engine = EngineAdapters.NATIVE;
        Path executable = settings.nativeExecutable(workload);
        if (!Files.isExecutable(executable)) {
            String buildProblem = buildNative(workload, settings);
            if (!Files.isExecutable(executable)) {
                return EngineResult.failed(engine, "no native executable " + executable + " and building it failed: " + buildProblem);
            }
        }
        // The process may make many calls; it is ended as soon as the meter has enough.
        long processSeconds = (long) (settings.warmupSeconds() + settings.measureSeconds()) + 10;
        List<String> command = List.of(executable.toString(), "1000000", Long.toString(processSeconds));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return EngineResult.failed(engine, "cannot start " + executable + ": " + e.getMessage());
        }
        Watchdog watchdog = new Watchdog(process);
        Deque<String> otherOutput = new ArrayDeque<>();
        SteadyStateMeter meter = settings.newMeter();
        ChecksumWatch checksums = new ChecksumWatch();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                watchdog.progressed();
                String[] fields = line.split(" ");
                if (fields.length != 4 || !fields[0].equals("iteration")) {
                    remember(otherOutput, line);
                    continue;
                }
                if (!checksums.accept(Long.parseLong(fields[3]))) {
                    return EngineResult.failed(engine, checksums.problem());
                }
                if (!meter.record(Long.parseLong(fields[2]))) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            return EngineResult.failed(engine, "lost the native process: " + describe(e));
        } finally {
            process.destroyForcibly();
            watchdog.close();
        }
        if (!meter.isDone()) {
            String reason = watchdog.fired() ? "reported nothing for " + QUIET_LIMIT_SECONDS + " s and was ended" : "stopped";
            return EngineResult.failed(engine, "the native process " + reason + " after " + meter.callCount() + " calls; its output: "
                            + String.join(" | ", otherOutput));
        }
        return EngineResult.of(engine, 0, meter, checksums.first());
    }

    /** Runs build.sh --native-only for one workload; returns what went wrong, if anything. */
    private static String buildNative(String workload, PeerSettings settings) {
        Path buildScript = settings.workloadsDirectory().resolve("build.sh");
        if (!Files.isRegularFile(buildScript)) {
            return "no " + buildScript;
        }
        System.out.print("(building it with " + buildScript + ") ");
        System.out.flush();
        try {
            Process build = new ProcessBuilder("bash", buildScript.toString(), "--native-only", PeerSettings.nativeName(workload)).redirectErrorStream(true).start();
            String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int exitCode = build.waitFor();
            return exitCode == 0 ? "" : "build.sh exited with " + exitCode + ": " + output.replace('\n', ' ');
        } catch (IOException | InterruptedException e) {
            return describe(e);
        }
    }

    /**
     * Ends a process that goes quiet for too long: a hung engine. The meter bounds the number
     * of calls, so only the time between two reports needs a limit; it is generous because a
     * pure interpreter may take a minute per call on a busy machine.
     */
    private static final class Watchdog implements AutoCloseable {
        private final Thread thread;
        private volatile long lastProgress = System.nanoTime();
        private volatile boolean fired;

        Watchdog(Process process) {
            thread = new Thread(() -> {
                try {
                    while (!process.waitFor(1, TimeUnit.SECONDS)) {
                        if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(QUIET_LIMIT_SECONDS)) {
                            fired = true;
                            process.destroyForcibly();
                            return;
                        }
                    }
                } catch (InterruptedException e) {
                    // the measurement ended first: nothing to do
                }
            }, "peer-benchmark-watchdog");
            thread.setDaemon(true);
            thread.start();
        }

        /** The process reported something: it is alive. */
        void progressed() {
            lastProgress = System.nanoTime();
        }

        boolean fired() {
            return fired;
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }

    private static void remember(Deque<String> lines, String line) {
        if (lines.size() == REMEMBERED_OUTPUT_LINES) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        String text = e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
        return text.replace('\n', ' ');
    }

    /** Checks that every call of one engine returned the same checksum. */
    private static final class ChecksumWatch {
        private boolean seenAny;
        private long first;
        private long differing;
        private int calls;

        boolean accept(long checksum) {
            calls++;
            if (!seenAny) {
                seenAny = true;
                first = checksum;
                return true;
            }
            differing = checksum;
            return checksum == first;
        }

        long first() {
            return first;
        }

        String problem() {
            return "CHECKSUM CHANGED between calls: call 1 returned " + first + ", call " + calls + " returned " + differing;
        }
    }
}
