package org.wasmlang.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code benchmarks/run real}: whole WASI programs (benchmarks/real/programs.json) timed cold,
 * a fresh process per run, on WasmLang ({@code ./wasmlang run}), Node 24, GraalWasm and
 * Chicory, interleaved: each round runs every program on every engine, Node first. Every
 * run's exit code and stdout are checked against Node's in the same round (or the run's
 * expected files). Prints a table of wall times and ratios to Node, with whether WasmLang
 * meets its targets, and writes it as markdown (benchmarks/target/real.md).
 */
public final class RealBenchmark implements BenchmarkMain.Benchmark {

    @Override
    public String description() {
        return "whole WASI programs, cold, on WasmLang, Node 24, GraalWasm and Chicory: wall times and ratios (--help)";
    }

    @Override
    public void run(String[] args) throws IOException {
        if (Arrays.asList(args).contains("--help")) {
            System.out.print(RealSettings.USAGE);
            return;
        }
        Path root = ProjectRoot.find("real", "run through benchmarks/run");
        RealSettings settings;
        try {
            settings = RealSettings.parse(args, root);
        } catch (IllegalArgumentException e) {
            fail(e.getMessage() + "\n" + RealSettings.USAGE);
            return;
        }
        Path work = root.resolve("benchmarks/target/real");
        List<RealProgram> programs = choosePrograms(RealProgram.load(settings.programsFile(), work.resolve("inputs")), settings);
        RealEngines engines = new RealEngines(root, work.resolve("node"));
        try {
            engines.prepare(settings.engines());
        } catch (RealEngines.MissingEngine e) {
            fail(e.getMessage());
            return;
        }
        Path outputs = work.resolve("runs");
        deleteTree(outputs);

        String loadAtStart = LoadAverage.text();
        StringBuilder header = new StringBuilder();
        header.append(String.format(Locale.ROOT, "Run %s on %s %s (%s), %d cores; %d round%s, timeout %.0f s; load average at start %s.%n",
                        ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), System.getProperty("java.vm.name"),
                        System.getProperty("java.vm.version"), System.getProperty("os.arch"),
                        Runtime.getRuntime().availableProcessors(), settings.rounds(), settings.rounds() == 1 ? "" : "s",
                        settings.timeoutSeconds(), loadAtStart));
        header.append("\nEngines:\n\n");
        for (String engine : settings.engines()) {
            header.append("- ").append(engine).append(": ").append(engines.describe(engine)).append('\n');
        }
        System.out.print(header);

        RealReport report = new RealReport(programs, settings.engines());
        String progressFormat = "  round %d/%d  %-" + programs.stream().mapToInt(p -> p.name().length()).max().orElse(1) + "s  %-"
                        + settings.engines().stream().mapToInt(String::length).max().orElse(1) + "s ... ";
        for (int round = 1; round <= settings.rounds(); round++) {
            for (RealProgram program : programs) {
                Reference nodeReference = null;
                for (String engine : settings.engines()) {
                    System.out.printf(Locale.ROOT, progressFormat, round, settings.rounds(), program.name(), engine);
                    System.out.flush();
                    Path folder = outputs.resolve("r" + round).resolve(program.name());
                    Files.createDirectories(folder);
                    Run run = runOnce(engines, engine, program, folder, settings.timeoutSeconds());
                    RealResult result = check(engine, program, round, run, nodeReference);
                    if (engine.equals(RealSettings.NODE) && result.timed()) {
                        List<Path> files = new ArrayList<>();
                        for (int i = 0; i < program.files().size(); i++) {
                            files.add(RealEngines.savedFile(folder, engine, i));
                        }
                        nodeReference = new Reference(run.exitCode(), run.stdout(), files, "Node's output of this round");
                    }
                    report.add(result);
                    System.out.println(String.format(Locale.ROOT, "%.2f s", result.seconds())
                                    + (result.status() == RealResult.Status.OK ? "" : "  " + result.note()));
                }
            }
        }
        String loadAtEnd = LoadAverage.text();
        System.out.println("load average at end " + loadAtEnd);
        System.out.println();
        System.out.print(report.table().toText());
        System.out.println();
        System.out.println(RealReport.LEGEND);
        System.out.println("outputs of every run: " + outputs);

        Files.createDirectories(settings.markdownFile().toAbsolutePath().getParent());
        Files.writeString(settings.markdownFile(), report.toMarkdown(header.toString(), loadAtEnd));
        System.out.println("wrote " + settings.markdownFile());
    }

    /** A finished process: its wall time, exit code (-1 after a timeout) and the folder of its outputs. */
    private record Run(String engine, double seconds, int exitCode, boolean timedOut, String startFailure, Path outputs) {
        Path stdout() {
            return RealEngines.stdout(outputs, engine);
        }

        Path stderr() {
            return RealEngines.stderr(outputs, engine);
        }
    }

    /**
     * What a run's output must equal: an exit code (null: any), a stdout file (null: any) and
     * the files the run leaves (null: not checked).
     */
    private record Reference(Integer exitCode, Path stdout, List<Path> files, String source) {
    }

    /**
     * One run in a fresh process, timed from outside: from just before the process starts to
     * its exit. The program's folders are copied before the clock starts (Node's runner copies
     * them itself, inside its time: a few milliseconds for these folders).
     */
    private static Run runOnce(RealEngines engines, String engine, RealProgram program, Path folder, double timeoutSeconds)
                    throws IOException {
        Path scratch = Files.createTempDirectory("wasmlang-real-");
        try {
            List<Path> copies = new ArrayList<>();
            if (!engine.equals(RealSettings.NODE)) {
                for (int i = 0; i < program.dirs().size(); i++) {
                    Path copy = scratch.resolve(Integer.toString(i));
                    copyTree(program.dirs().get(i).host(), copy);
                    copies.add(copy);
                }
            }
            RealEngines.Launch launch = engines.launch(engine, program, copies, folder);
            ProcessBuilder builder = new ProcessBuilder(launch.command()).redirectInput(launch.stdin());
            if (launch.stdout().equals(launch.stderr())) {
                builder.redirectOutput(launch.stdout()).redirectErrorStream(true);
            } else {
                builder.redirectOutput(launch.stdout()).redirectError(launch.stderr());
            }
            long start = System.nanoTime();
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                return new Run(engine, 0, -1, false, e.getMessage(), folder);
            }
            boolean finished;
            try {
                finished = process.waitFor(Math.round(timeoutSeconds * 1000), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finished = false;
            }
            if (!finished) {
                RealEngines.kill(process);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!finished) {
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new Run(engine, seconds, -1, true, null, folder);
            }
            if (!engine.equals(RealSettings.NODE)) {
                saveFiles(program, copies, folder, engine);
            }
            return new Run(engine, seconds, process.exitValue(), false, null, folder);
        } finally {
            deleteTree(scratch);
        }
    }

    /** Keeps the files the run left in its dirs (the program's {@code files}) before the copies go. */
    private static void saveFiles(RealProgram program, List<Path> copies, Path folder, String engine) throws IOException {
        for (int i = 0; i < program.files().size(); i++) {
            String guestPath = program.files().get(i);
            for (int d = 0; d < program.dirs().size(); d++) {
                String prefix = program.dirs().get(d).guest() + "/";
                Path host = copies.get(d).resolve(guestPath.substring(Math.min(prefix.length(), guestPath.length())));
                if (guestPath.startsWith(prefix) && Files.isRegularFile(host)) {
                    Files.copy(host, RealEngines.savedFile(folder, engine, i));
                    break;
                }
            }
        }
    }

    /**
     * Checks a run against Node's run of the same round, or, for Node itself and when Node
     * did not run, against the run's expected exit code and stdout.
     */
    private static RealResult check(String engine, RealProgram program, int round, Run run, Reference nodeReference) throws IOException {
        if (run.startFailure() != null) {
            return new RealResult(engine, program.name(), round, RealResult.Status.FAILED, 0, -1, "fails: cannot start: " + run.startFailure());
        }
        if (run.timedOut()) {
            return new RealResult(engine, program.name(), round, RealResult.Status.TIMEOUT, run.seconds(), -1,
                            String.format(Locale.ROOT, "timeout (%.0f s)", run.seconds()));
        }
        Reference reference = nodeReference;
        if (reference == null && (program.expectedExitCode() != null || program.expectedStdout() != null)) {
            reference = new Reference(program.expectedExitCode(), program.expectedStdout(), null, "the expected output");
        }
        if (reference == null) {
            return new RealResult(engine, program.name(), round, RealResult.Status.UNCHECKED, run.seconds(), run.exitCode(),
                            "unchecked");
        }
        boolean exitCodeRight = reference.exitCode() == null || reference.exitCode() == run.exitCode();
        boolean stdoutRight = reference.stdout() == null
                        || sameOutput(Files.readAllBytes(run.stdout()), Files.readAllBytes(reference.stdout()), program.ignoreLines());
        String fileProblem = null;
        for (int i = 0; i < program.files().size() && fileProblem == null; i++) {
            Path mine = RealEngines.savedFile(run.outputs(), engine, i);
            if (!Files.isRegularFile(mine)) {
                fileProblem = "wrote no " + program.files().get(i);
            } else if (reference.files() != null && !Arrays.equals(Files.readAllBytes(mine), Files.readAllBytes(reference.files().get(i)))) {
                fileProblem = program.files().get(i) + " differs from " + reference.source();
            }
        }
        if (exitCodeRight && stdoutRight && fileProblem == null) {
            return new RealResult(engine, program.name(), round, RealResult.Status.OK, run.seconds(), run.exitCode(), "",
                            remark(engine, run));
        }
        String out = readText(run.stdout());
        // Node's runner reports its own failures in the process's log, not the guest's stderr.
        String err = readText(run.stderr()) + readText(RealEngines.log(run.outputs(), engine));
        if (program.terminalSymptom() != null && (program.terminalSymptom().matcher(out).find()
                        || program.terminalSymptom().matcher(err).find())) {
            return new RealResult(engine, program.name(), round, RealResult.Status.NOT_COMPARABLE, run.seconds(), run.exitCode(),
                            "not comparable: stdin/stdout seen as a terminal");
        }
        if (!exitCodeRight) {
            String reason = firstLine(err.isBlank() ? out : err);
            return new RealResult(engine, program.name(), round, RealResult.Status.FAILED, run.seconds(), run.exitCode(),
                            "fails (exit " + run.exitCode() + ", expected " + reference.exitCode() + ")"
                                            + (reason.isEmpty() ? "" : ": " + reason));
        }
        return new RealResult(engine, program.name(), round, RealResult.Status.WRONG_OUTPUT, run.seconds(), run.exitCode(),
                        "wrong output (" + (stdoutRight ? fileProblem : "stdout differs from " + reference.source()) + ")");
    }

    /** What Chicory's compiler says of each function it leaves to the interpreter (InterpreterFallback.WARN). */
    private static final Pattern CHICORY_INTERPRETED = Pattern.compile("^Warning: using interpreted mode for WASM function",
                    Pattern.MULTILINE);

    /** How many functions Chicory's compiler left to its interpreter, for the report; "" for none and other engines. */
    private static String remark(String engine, Run run) {
        if (!engine.equals(RealSettings.CHICORY)) {
            return "";
        }
        long interpreted = CHICORY_INTERPRETED.matcher(readText(run.stderr())).results().count();
        return interpreted == 0 ? "" : interpreted + (interpreted == 1 ? " function" : " functions") + " interpreted";
    }

    /**
     * Byte for byte, or, with a pattern, line by line without the lines in which it is found
     * (as node-run.mjs compares runs with ignore_lines_matching).
     */
    static boolean sameOutput(byte[] actual, byte[] expected, Pattern ignoreLines) {
        if (ignoreLines == null) {
            return Arrays.equals(actual, expected);
        }
        return keptLines(actual, ignoreLines).equals(keptLines(expected, ignoreLines));
    }

    private static List<String> keptLines(byte[] output, Pattern ignoreLines) {
        return Arrays.stream(new String(output, StandardCharsets.UTF_8).split("\n", -1))
                        .filter(line -> !ignoreLines.matcher(line).find())
                        .toList();
    }

    private static String readText(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The first non-blank line, shortened for a table cell. */
    private static String firstLine(String text) {
        String line = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }

    private static List<RealProgram> choosePrograms(List<RealProgram> all, RealSettings settings) {
        if (settings.programs() == null) {
            return all;
        }
        Map<String, RealProgram> byName = new HashMap<>();
        all.forEach(program -> byName.put(program.name(), program));
        List<RealProgram> chosen = new ArrayList<>();
        for (String name : settings.programs()) {
            RealProgram program = byName.get(name);
            if (program == null) {
                fail("no program " + name + " in " + settings.programsFile() + "; it has "
                                + all.stream().map(RealProgram::name).collect(Collectors.joining(",")));
            }
            chosen.add(program);
        }
        return chosen;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void fail(String message) {
        System.err.println("real: " + message);
        System.exit(2);
    }
}
