package org.wasmlang.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wasmlang.testing.WasmBinary;

/**
 * The reducer's own steps (exports dropped, bodies replaced by {@code unreachable}), with an
 * oracle that needs no V8: the module must still have an export {@code target} returning 42,
 * which it computes through a helper. Everything else is noise the reducer should remove.
 */
class ModuleReducerTest {
    private static final int NOISE = 6;

    @Test
    void keepsWhatTheOracleNeedsAndStubsTheRest(@TempDir Path dir) throws Exception {
        byte[] module = module();
        ModuleReducer.Reduced reduced = ModuleReducer.reduce(module, ModuleReducerTest::targetGives42, null, List.of(), dir, 60);

        assertTrue(targetGives42(reduced.module()), "the reduced module still satisfies the oracle");
        assertTrue(reduced.module().length < module.length / 2,
                        "reduced from " + module.length + " to " + reduced.module().length + " bytes");
        try (Context context = Context.create("wasmlang")) {
            Value exports = instantiate(context, reduced.module());
            assertEquals(List.of("target"), new ArrayList<>(exports.getMemberKeys()), "only the export the oracle uses is left");
        }
        assertTrue(reduced.candidates() > NOISE, "it tried candidates: " + reduced.candidates());
        assertEquals(0, listFiles(dir), "the reducer leaves no files behind without wasm-opt");
    }

    @Test
    void aModuleTheOracleRejectsComesBackUnchanged(@TempDir Path dir) throws Exception {
        byte[] module = module();
        ModuleReducer.Reduced reduced = ModuleReducer.reduce(module, candidate -> false, null, List.of(), dir, 60);
        assertEquals(module, reduced.module());
        assertEquals(1, reduced.candidates());
    }

    /** {@code target} calls {@code helper} (41) and adds 1; NOISE more functions, each exported, with bigger bodies. */
    private static byte[] module() {
        WasmBinary module = new WasmBinary();
        int type = module.type(new int[0], new int[]{WasmBinary.I32});
        int helper = module.function(type, new int[0], 0x41, 41);
        int target = module.function(type, new int[0], 0x10, helper, 0x41, 1, 0x6a);
        module.export("target", target);
        module.export("helper", helper);
        for (int i = 0; i < NOISE; i++) {
            List<Integer> code = new ArrayList<>();
            code.add(0x41);
            code.add(i);
            for (int k = 0; k < 20; k++) {
                code.addAll(List.of(0x41, k, 0x6a));
            }
            module.export("noise" + i, module.function(type, new int[0], code.stream().mapToInt(Integer::intValue).toArray()));
        }
        return module.build();
    }

    private static boolean targetGives42(byte[] candidate) {
        try (Context context = Context.create("wasmlang")) {
            Value target = instantiate(context, candidate).getMember("target");
            return target != null && target.execute().asInt() == 42;
        } catch (PolyglotException e) {
            return false;
        }
    }

    private static Value instantiate(Context context, byte[] module) {
        return context.eval(Source.newBuilder("wasmlang", ByteSequence.create(module), "reduce.wasm").buildLiteral())
                        .invokeMember("newInstance", ProxyObject.fromMap(Map.of())).getMember("exports");
    }

    private static long listFiles(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.count();
        }
    }
}
