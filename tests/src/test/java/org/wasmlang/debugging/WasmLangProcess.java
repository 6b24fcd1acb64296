package org.wasmlang.debugging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code wasmlang} command run in a JVM of its own, as a user runs it, with this test
 * JVM's class path (surefire sets {@code java.class.path} to the test class path) and its
 * Graal JIT options (those tests/pom.xml gives surefire): what it prints is collected, and the
 * address the Chrome inspector prints on stderr can be waited for.
 *
 * <p>Give it {@code --inspect=127.0.0.1:0}: the inspector then listens on a port the system
 * chose and prints that port in its address, so no other process can take it between choosing
 * and binding, as with a port found free beforehand.
 *
 * <p>A child process rather than {@code WasmLangMain.run} in a thread: an inspector that waits
 * for its debugger, or a guest suspended at a breakpoint, holds nothing of the test JVM, and
 * {@link #close} ends every thread the run started, whatever state the session left them in.
 */
final class WasmLangProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Debugger listening on (ws://\\S+)");

    private final Process process;
    private final CompletableFuture<String> stdout = new CompletableFuture<>();
    private final CompletableFuture<Void> stderrDone = new CompletableFuture<>();
    private final CompletableFuture<URI> debuggerUrl = new CompletableFuture<>();
    /** Guarded by itself. */
    private final StringBuilder stderr = new StringBuilder();

    /** What a finished run gave. */
    record Result(int status, String out, String err) {
    }

    private WasmLangProcess(List<String> arguments, Path directory) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.wasmlang.launcher.WasmLangMain");
        command.addAll(arguments);
        process = new ProcessBuilder(command).directory(directory.toFile()).start();
        process.getOutputStream().close();
        Thread out = new Thread(() -> {
            try (InputStream in = process.getInputStream()) {
                stdout.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                stdout.completeExceptionally(e);
            }
        }, "wasmlang stdout");
        Thread err = new Thread(this::readStderr, "wasmlang stderr");
        out.setDaemon(true);
        err.setDaemon(true);
        out.start();
        err.start();
    }

    /** Starts {@code wasmlang ARGUMENTS...} in the given working directory. */
    static WasmLangProcess start(Path directory, String... arguments) throws IOException {
        return new WasmLangProcess(List.of(arguments), directory);
    }

    /**
     * The JIT options of this JVM (the module path with the Graal compiler, JVMCI on), so the
     * child runs as {@code ./wasmlang} does; without them the child runs interpreted and is
     * told not to warn about it. The stack size is the launcher script's; the heap is capped
     * so the child stays small beside the test JVM.
     */
    private static List<String> jvmOptions() {
        List<String> options = new ArrayList<>();
        boolean jit = false;
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (option.startsWith("--upgrade-module-path") || option.equals("-XX:+EnableJVMCI")) {
                jit = true;
                options.add(option);
            } else if (option.equals("-XX:+UnlockExperimentalVMOptions") || option.startsWith("--enable-native-access")
                            || option.startsWith("--sun-misc-unsafe-memory-access")) {
                options.add(option);
            }
        }
        if (!jit) {
            options.add("-Dpolyglot.engine.WarnInterpreterOnly=false");
        }
        options.add("-Xss16m");
        options.add("-Xmx1g");
        return options;
    }

    private void readStderr() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (stderr) {
                    stderr.append(line).append('\n');
                }
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    debuggerUrl.complete(URI.create(listening.group(1)));
                }
            }
        } catch (IOException e) {
            // The process was destroyed while printing; what it printed so far stays.
        } finally {
            stderrDone.complete(null);
            debuggerUrl.completeExceptionally(new IllegalStateException("stderr ended"));
        }
    }

    /** What the process printed on stderr so far. */
    String stderrSoFar() {
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    /** The {@code ws://} address from "Debugger listening on ws://..."; fails if the process ends or stays silent. */
    URI awaitDebuggerUrl() throws InterruptedException {
        try {
            return debuggerUrl.get(CdpClient.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("wasmlang printed no \"Debugger listening on ws://...\" within "
                            + CdpClient.TIMEOUT.toSeconds() + " s" + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")")
                            + "; its stderr:\n" + stderrSoFar());
        }
    }

    /** Waits for the process to end (at most {@code seconds}) and returns its status and output. */
    Result awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("wasmlang did not exit within " + seconds + " s; its stderr so far:\n" + stderrSoFar());
        }
        try {
            String out = stdout.get(seconds, TimeUnit.SECONDS);
            stderrDone.get(seconds, TimeUnit.SECONDS);
            return new Result(process.exitValue(), out, stderrSoFar());
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("reading wasmlang's output failed", e);
        }
    }

    /** Ends the process (and so every thread of the run) if it still runs. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
