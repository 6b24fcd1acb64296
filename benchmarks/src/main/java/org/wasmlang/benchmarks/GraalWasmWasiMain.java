package org.wasmlang.benchmarks;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.stream.Collectors;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.io.IOAccess;

/**
 * Runs a WASI command on GraalWasm, for {@code benchmarks/run real}: {@code GraalWasmWasiMain
 * [--dir HOST::GUEST]... [--env NAME=VALUE]... [--argv0 NAME] FILE.wasm [ARGS...]}, exiting with
 * the guest's exit code. GraalWasm 25.0.1 takes WASI's setup from its context: the
 * {@code wasm.Builtins} option links the {@code wasi_snapshot_preview1} imports, the
 * {@code wasm.WasiMapDirs} option ({@code GUEST::HOST,...}) preopens folders, argv comes from
 * the context's arguments for {@code wasm} and the environment from the context's
 * environment (the host's is not passed on).
 */
public final class GraalWasmWasiMain {

    private GraalWasmWasiMain() {
    }

    public static void main(String[] args) {
        WasiCommandLine command;
        byte[] bytes;
        try {
            command = WasiCommandLine.parse(args);
            bytes = Files.readAllBytes(command.wasm());
        } catch (Exception e) {
            WasiCommandLine.fail("graalwasm", e);
            return;
        }
        OutputStream out = WasiCommandLine.buffered(FileDescriptor.out);
        OutputStream err = WasiCommandLine.buffered(FileDescriptor.err);
        Context.Builder builder = Context.newBuilder("wasm")
                        .option("wasm.Builtins", "wasi_snapshot_preview1")
                        .arguments("wasm", command.argv().toArray(String[]::new))
                        .environment(command.environment())
                        .allowIO(IOAccess.ALL)
                        .in(new FileInputStream(FileDescriptor.in))
                        .out(out)
                        .err(err);
        if (!command.dirs().isEmpty()) {
            builder.option("wasm.WasiMapDirs", command.dirs().stream()
                            .map(dir -> dir.guest() + "::" + dir.host())
                            .collect(Collectors.joining(",")));
        }
        int exitCode = 0;
        Throwable failure = null;
        try (Context context = builder.build()) {
            Value module = context.eval(Source.newBuilder("wasm", ByteSequence.create(bytes), command.wasm().getFileName().toString())
                            .build());
            Value instance = module.newInstance();
            instance.getMember("exports").getMember("_start").execute();
        } catch (PolyglotException e) {
            if (e.isExit()) {
                exitCode = e.getExitStatus();
            } else {
                failure = e;
            }
        } catch (Exception e) {
            failure = e;
        }
        WasiCommandLine.exit("graalwasm", out, err, exitCode, failure);
    }
}
