package org.wasmlang.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of {@code benchmarks/run real}: one row per program with each engine's wall
 * times over the rounds, each engine's ratio to Node, and whether WasmLang meets its targets
 * (at most 3x Node, faster than GraalWasm and Chicory, the program's own time target).
 */
final class RealReport {

    /** WasmLang's target against Node: at most this many times Node's wall time. */
    static final double NODE_RATIO_TARGET = 3.0;

    static final String LEGEND = """
                    ENGINE (s): wall time of the whole process per run, min-max over the rounds (one number \
                    for one round); a run whose exit code or stdout differs from Node's in the same round \
                    (or from the expected output) shows why instead.
                    ENGINE/node: the engine's median time over Node's median, then its fastest over Node's fastest \
                    (one number when each ran once).
                    wasmlang <= 3x node, faster than PEER: WasmLang's median against the other's median \
                    (the ratio in brackets); n/a when either has no right run.
                    time target: WasmLang's median against the program's target_seconds (hello: 0.5 s).
                    N functions interpreted: Chicory's compiler left them to its interpreter (JVM bytecode too large).""";

    private final List<RealProgram> programs;
    private final List<String> engines;
    /** program -> engine -> the rounds' results, in round order. */
    private final Map<String, Map<String, List<RealResult>>> results = new LinkedHashMap<>();

    RealReport(List<RealProgram> programs, List<String> engines) {
        this.programs = programs;
        this.engines = engines;
    }

    void add(RealResult result) {
        results.computeIfAbsent(result.program(), name -> new LinkedHashMap<>())
                        .computeIfAbsent(result.engine(), name -> new ArrayList<>())
                        .add(result);
    }

    Table table() {
        boolean node = engines.contains(RealSettings.NODE);
        boolean wasmlang = engines.contains(RealSettings.WASMLANG);
        boolean timeTargets = wasmlang && programs.stream().anyMatch(program -> program.targetSeconds() != null);
        List<String> peers = engines.stream()
                        .filter(engine -> engine.equals(RealSettings.GRAALWASM) || engine.startsWith(RealSettings.CHICORY))
                        .toList();

        List<String> headers = new ArrayList<>(List.of("program", "module"));
        for (String engine : engines) {
            headers.add(engine + " (s)");
        }
        if (node) {
            for (String engine : engines) {
                if (!engine.equals(RealSettings.NODE)) {
                    headers.add(engine + "/node");
                }
            }
        }
        if (wasmlang && node) {
            headers.add("wasmlang <= 3x node");
        }
        if (wasmlang) {
            for (String peer : peers) {
                headers.add("faster than " + peer);
            }
        }
        if (timeTargets) {
            headers.add("time target");
        }

        Table table = new Table(headers);
        for (RealProgram program : programs) {
            Map<String, List<RealResult>> byEngine = results.getOrDefault(program.name(), Map.of());
            List<String> row = new ArrayList<>(List.of(program.name(), megabytes(program.wasmBytes())));
            for (String engine : engines) {
                row.add(timeCell(byEngine.getOrDefault(engine, List.of())));
            }
            List<RealResult> nodeRuns = byEngine.getOrDefault(RealSettings.NODE, List.of());
            if (node) {
                for (String engine : engines) {
                    if (!engine.equals(RealSettings.NODE)) {
                        row.add(ratioCell(byEngine.getOrDefault(engine, List.of()), nodeRuns));
                    }
                }
            }
            List<RealResult> ours = byEngine.getOrDefault(RealSettings.WASMLANG, List.of());
            if (wasmlang && node) {
                row.add(targetCell(ours, nodeRuns, RealSettings.NODE, ratio -> ratio <= NODE_RATIO_TARGET));
            }
            if (wasmlang) {
                for (String peer : peers) {
                    row.add(targetCell(ours, byEngine.getOrDefault(peer, List.of()), peer, ratio -> ratio < 1));
                }
            }
            if (timeTargets) {
                row.add(timeTargetCell(ours, program.targetSeconds()));
            }
            table.addRow(row);
        }
        return table;
    }

    String toMarkdown(String header, String loadAtEnd) {
        StringBuilder markdown = new StringBuilder("# benchmarks/run real\n\n");
        markdown.append(header).append("\nLoad average at end ").append(loadAtEnd).append(".\n\n");
        markdown.append(table().toMarkdown()).append('\n');
        for (String line : LEGEND.split("\n")) {
            markdown.append("- ").append(line).append('\n');
        }
        markdown.append("\nPrograms:\n\n");
        for (RealProgram program : programs) {
            markdown.append("- ").append(program.name()).append(": ").append(program.about()).append(" (`")
                            .append(program.argv0());
            for (String arg : program.args()) {
                markdown.append(' ').append(arg);
            }
            markdown.append("`)\n");
        }
        return markdown.toString();
    }

    /** min-max of the right runs; otherwise the first problem, and the right runs' times if any. */
    private static String timeCell(List<RealResult> runs) {
        if (runs.isEmpty()) {
            return "-";
        }
        List<Double> times = times(runs);
        String range = times.isEmpty() ? "" : times.size() == 1 ? seconds(times.get(0))
                        : seconds(times.get(0)) + "-" + seconds(times.get(times.size() - 1));
        RealResult problem = runs.stream().filter(run -> !run.timed()).findFirst().orElse(null);
        boolean unchecked = runs.stream().anyMatch(run -> run.status() == RealResult.Status.UNCHECKED);
        String remark = runs.stream().map(RealResult::remark).filter(text -> !text.isEmpty()).findFirst().orElse("");
        if (!remark.isEmpty()) {
            range += " (" + remark + ")";
        }
        if (problem == null) {
            return unchecked ? range + " (unchecked)" : range;
        }
        String note = runs.size() == 1 ? problem.note() : problem.note() + " (round " + problem.round() + ")";
        return times.isEmpty() ? note : note + "; right in " + times.size() + "/" + runs.size() + ": " + range;
    }

    private static String ratioCell(List<RealResult> engine, List<RealResult> node) {
        List<Double> ours = times(engine);
        List<Double> theirs = times(node);
        if (ours.isEmpty() || theirs.isEmpty()) {
            return "n/a";
        }
        if (ours.size() == 1 && theirs.size() == 1) {
            return String.format(Locale.ROOT, "%.2f", ours.get(0) / theirs.get(0));
        }
        return String.format(Locale.ROOT, "%.2f / %.2f", median(ours) / median(theirs), ours.get(0) / theirs.get(0));
    }

    private static String targetCell(List<RealResult> ours, List<RealResult> peer, String peerName,
                    java.util.function.DoublePredicate met) {
        List<Double> mine = times(ours);
        List<Double> theirs = times(peer);
        if (mine.isEmpty()) {
            return "n/a (wasmlang: " + (ours.isEmpty() ? "no run" : shortStatus(ours)) + ")";
        }
        if (theirs.isEmpty()) {
            return "n/a (" + peerName + ": " + (peer.isEmpty() ? "no run" : shortStatus(peer)) + ")";
        }
        double ratio = median(mine) / median(theirs);
        return String.format(Locale.ROOT, "%s (%.2fx)", met.test(ratio) ? "yes" : "NO", ratio);
    }

    private static String timeTargetCell(List<RealResult> ours, Double target) {
        if (target == null) {
            return "-";
        }
        List<Double> mine = times(ours);
        if (mine.isEmpty()) {
            return "n/a";
        }
        double median = median(mine);
        return String.format(Locale.ROOT, "%s (%.2f s, target %.2f s)", median < target ? "yes" : "NO", median, target);
    }

    /** The first problem's kind, for an n/a cell. */
    private static String shortStatus(List<RealResult> runs) {
        RealResult problem = runs.stream().filter(run -> !run.timed()).findFirst().orElse(runs.get(0));
        return switch (problem.status()) {
            case NOT_COMPARABLE -> "not comparable";
            case FAILED -> "fails";
            case WRONG_OUTPUT -> "wrong output";
            case TIMEOUT -> "timeout";
            default -> problem.status().toString().toLowerCase(Locale.ROOT);
        };
    }

    /** The times of the runs that count, fastest first. */
    private static List<Double> times(List<RealResult> runs) {
        return runs.stream().filter(RealResult::timed).map(RealResult::seconds).sorted().toList();
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, seconds < 1 ? "%.3f" : seconds < 10 ? "%.2f" : "%.1f", seconds);
    }

    private static String megabytes(long bytes) {
        return bytes < 0 ? "?" : String.format(Locale.ROOT, "%.2f MB", bytes / 1e6);
    }
}
