package org.wasmlang.benchmarks;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.OutputStream;
import java.nio.file.Path;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;

/**
 * Runs a WASI command on Chicory 1.7.5, for {@code benchmarks/run real}: {@code ChicoryWasiMain
 * [--interpreter] [--dir HOST::GUEST]... [--env NAME=VALUE]... [--argv0 NAME] FILE.wasm
 * [ARGS...]}, exiting with the guest's exit code. By default the module runs on Chicory's
 * compiler (MachineFactoryCompiler: JVM bytecode made when the module is instantiated; a
 * function the JVM cannot take, such as one over 64 KB of bytecode, falls back to the
 * interpreter with a warning on stderr); {@code --interpreter} runs it all on the interpreter.
 *
 * <p>Standard streams are given to Chicory's WASI as not terminals: by default it reports
 * them as character devices, which wasi-libc's isatty takes for terminals (bzip2 then refuses
 * to write compressed data to stdout, and the sqlite3 shell turns interactive). Preopened
 * folders are the host's own (the default java.nio file system).
 */
public final class ChicoryWasiMain {

    private ChicoryWasiMain() {
    }

    public static void main(String[] args) {
        boolean interpreter = args.length > 0 && args[0].equals("--interpreter");
        String engine = interpreter ? "chicory-interp" : "chicory";
        WasiCommandLine command;
        WasmModule module;
        try {
            command = WasiCommandLine.parse(interpreter ? java.util.Arrays.copyOfRange(args, 1, args.length) : args);
            module = Parser.parse(command.wasm());
        } catch (Exception e) {
            WasiCommandLine.fail(engine, e);
            return;
        }
        OutputStream out = WasiCommandLine.buffered(FileDescriptor.out);
        OutputStream err = WasiCommandLine.buffered(FileDescriptor.err);
        WasiOptions.Builder options = WasiOptions.builder()
                        .withStdin(new FileInputStream(FileDescriptor.in), false)
                        .withStdout(out, false)
                        .withStderr(err, false)
                        .withArguments(command.argv());
        command.environment().forEach(options::withEnvironment);
        for (WasiCommandLine.Dir dir : command.dirs()) {
            options.withDirectory(dir.guest(), Path.of(dir.host()));
        }
        int exitCode = 0;
        Throwable failure = null;
        try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options.build()).build()) {
            Instance.Builder builder = Instance.builder(module)
                            .withImportValues(ImportValues.builder().addFunction(wasi.toHostFunctions()).build())
                            .withStart(false);
            if (!interpreter) {
                builder.withMachineFactory(MachineFactoryCompiler.compile(module));
            }
            builder.build().export("_start").apply();
        } catch (WasiExitException e) {
            exitCode = e.exitCode();
        } catch (Exception | StackOverflowError e) {
            failure = e;
        }
        WasiCommandLine.exit(engine, out, err, exitCode, failure);
    }
}
