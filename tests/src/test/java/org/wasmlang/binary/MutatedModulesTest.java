package org.wasmlang.binary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.ByteSequence;
import org.junit.jupiter.api.Test;
import org.wasmlang.launcher.wast.AssertInvalid;
import org.wasmlang.launcher.wast.AssertMalformed;
import org.wasmlang.launcher.wast.AssertTrap;
import org.wasmlang.launcher.wast.AssertUnlinkable;
import org.wasmlang.launcher.wast.ModuleCommand;
import org.wasmlang.launcher.wast.WastCommand;
import org.wasmlang.launcher.wast.WastParser;
import org.wasmlang.launcher.wast.WastRunner;
import org.wasmlang.launcher.wast.WastSyntaxException;
import org.wasmlang.module.Features;
import org.wasmlang.module.Module;
import org.wasmlang.testing.TestPaths;
import org.wasmlang.validation.Validator;
import org.wasmlang.validation.WasmModuleException;

/**
 * Bad bytes must only ever produce a malformed or invalid error: this feeds truncated and
 * bit-flipped versions of every module in the Wasm 2.0 spec scripts (SIMD included) and the
 * Wasm 3.0 relaxed-SIMD scripts to the decoder and
 * validator and fails on any other exception, error or hang.
 */
class MutatedModulesTest {
    /** Modules up to this size are cut at every length; larger ones at evenly spaced lengths. */
    private static final int ALL_PREFIXES_UP_TO = 300;
    private static final int PREFIXES_OF_LARGE_MODULES = 200;
    private static final int FLIPS_PER_MODULE = 40;

    @Test
    void truncatedAndBitFlippedModulesAreRejectedCleanly() throws Exception {
        List<byte[]> modules = specModules();
        assertFalse(modules.isEmpty());
        assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
            SplittableRandom random = new SplittableRandom(20261121);
            long checked = 0;
            for (byte[] module : modules) {
                int step = module.length <= ALL_PREFIXES_UP_TO ? 1 : Math.max(1, module.length / PREFIXES_OF_LARGE_MODULES);
                for (int length = 0; length < module.length; length += step) {
                    check(Arrays.copyOf(module, length), module, "truncated to " + length + " bytes");
                    checked++;
                }
                for (int i = 0; i < FLIPS_PER_MODULE && module.length > 8; i++) {
                    byte[] mutated = module.clone();
                    int at = 8 + random.nextInt(module.length - 8);
                    String what;
                    switch (i % 4) {
                        case 0 -> {
                            mutated[at] ^= (byte) (1 << random.nextInt(8));
                            what = "bit flipped at " + at;
                        }
                        case 1 -> {
                            mutated[at] = (byte) 0xFF;
                            what = "0xff at " + at;
                        }
                        case 2 -> {
                            mutated[at] = (byte) 0x80;
                            what = "0x80 at " + at;
                        }
                        default -> {
                            mutated[at] = (byte) random.nextInt(256);
                            what = "random byte at " + at;
                        }
                    }
                    check(mutated, module, what);
                    checked++;
                }
            }
            assertTrue(checked > modules.size());
            System.out.println("MutatedModulesTest: " + checked + " mutated modules from " + modules.size()
                            + " spec modules, all rejected or accepted cleanly");
        });
    }

    @Test
    void mutatedModulesThroughThePolyglotApiGiveSyntaxErrors() throws Exception {
        List<byte[]> modules = specModules();
        SplittableRandom random = new SplittableRandom(7);
        try (Context context = Context.create("wasmlang")) {
            for (int i = 0; i < modules.size(); i += 25) {
                byte[] mutated = modules.get(i).clone();
                if (mutated.length <= 8) {
                    continue;
                }
                mutated[8 + random.nextInt(mutated.length - 8)] ^= (byte) 0x41;
                try {
                    context.eval(Source.newBuilder("wasmlang", ByteSequence.create(mutated), "mutated.wasm").buildLiteral());
                } catch (PolyglotException e) {
                    assertFalse(e.isInternalError(), () -> "internal error for a mutated module: " + e);
                    assertTrue(e.isSyntaxError(), () -> "not reported as a syntax error: " + e);
                }
            }
        }
    }

    private static void check(byte[] bytes, byte[] original, String what) {
        try {
            Module module = ModuleDecoder.decode(bytes, Features.DEFAULT);
            Validator.validate(module, Features.DEFAULT);
        } catch (WasmModuleException expected) {
            // A clean rejection.
        } catch (Throwable t) {
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < Math.min(original.length, 64); i++) {
                hex.append(String.format("%02x", original[i]));
            }
            AssertionError error = new AssertionError("module " + what + " (original starts " + hex + ") threw " + t, t);
            fail(error);
        }
    }

    /** Every binary module of the 2.0 scripts and the 3.0 relaxed-SIMD scripts, or a skip when ../shared is absent. */
    static List<byte[]> specModules() throws IOException, WastSyntaxException {
        Path root = TestPaths.requireShared("testsuite/wasm-2.0/binary");
        Path relaxed = TestPaths.requireShared("testsuite/wasm-3.0/binary/relaxed-simd");
        List<byte[]> modules = new ArrayList<>();
        for (Path script : WastRunner.collectScripts(List.of(root, relaxed))) {
            String text = Files.readString(script, StandardCharsets.UTF_8);
            for (WastCommand command : WastParser.parse(text, script.getFileName().toString())) {
                ModuleCommand module = switch (command) {
                    case ModuleCommand m -> m;
                    case AssertMalformed a -> a.module();
                    case AssertInvalid a -> a.module();
                    case AssertUnlinkable a -> a.module();
                    case AssertTrap a -> a.module();
                    default -> null;
                };
                if (module != null && module.binary() != null) {
                    modules.add(module.binary());
                }
            }
        }
        return modules;
    }
}
