package org.wasmlang.wasi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a WASI program is given: its argument vector (argv[0] first), its environment,
 * the host directories it may see and under which guest names. Nothing else of the host
 * is visible to it.
 */
public final class WasiConfig {
    /** A host directory shown to the guest as {@code guestPath}. */
    public record Preopen(String hostPath, String guestPath, boolean readOnly) {
    }

    private final List<String> args;
    private final Map<String, String> env;
    private final List<Preopen> preopens;
    private final boolean terminal;
    private byte[] stdin;
    private Object stdoutSink;
    private Object stderrSink;

    public WasiConfig(List<String> args, Map<String, String> env, List<Preopen> preopens, boolean terminal) {
        this.args = List.copyOf(args);
        this.env = new LinkedHashMap<>(env);
        this.preopens = List.copyOf(preopens);
        this.terminal = terminal;
    }

    /**
     * Replaces the Context's streams for this configuration: {@code stdin} the bytes every
     * instance reads (null: the Context's stdin), the sinks host executables that receive
     * each write as a string (null: the Context's stdout/stderr).
     */
    public WasiConfig withStreams(byte[] stdinBytes, Object stdout, Object stderr) {
        this.stdin = stdinBytes;
        this.stdoutSink = stdout;
        this.stderrSink = stderr;
        return this;
    }

    byte[] stdin() {
        return stdin;
    }

    Object stdoutSink() {
        return stdoutSink;
    }

    Object stderrSink() {
        return stderrSink;
    }

    public List<String> args() {
        return args;
    }

    public Map<String, String> env() {
        return env;
    }

    public List<Preopen> preopens() {
        return preopens;
    }

    /** Whether stdio are reported as a terminal (character device). */
    public boolean terminal() {
        return terminal;
    }

    /**
     * Parses {@code HOST[::GUEST][:ro]}, the launcher's {@code --dir} syntax (wasmtime's):
     * without a guest name the directory appears under its host path.
     */
    public static Preopen parseDir(String spec) {
        boolean readOnly = false;
        String rest = spec;
        if (rest.endsWith(":ro")) {
            readOnly = true;
            rest = rest.substring(0, rest.length() - 3);
        }
        int split = rest.indexOf("::");
        if (split < 0) {
            return new Preopen(rest, rest, readOnly);
        }
        return new Preopen(rest.substring(0, split), rest.substring(split + 2), readOnly);
    }

    /** Builds the environment map from {@code NAME=VALUE} strings; a bare NAME is an error. */
    public static Map<String, String> parseEnv(List<String> entries) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("environment entry '" + entry + "' is not NAME=VALUE");
            }
            env.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        return env;
    }

    @Override
    public String toString() {
        List<String> dirs = new ArrayList<>();
        for (Preopen p : preopens) {
            dirs.add(p.hostPath + "::" + p.guestPath + (p.readOnly ? ":ro" : ""));
        }
        return "WASI[args=" + args + ", env=" + env.keySet() + ", dirs=" + dirs + "]";
    }
}
