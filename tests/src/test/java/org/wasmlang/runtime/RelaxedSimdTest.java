package org.wasmlang.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wasmlang.testing.TestPaths;
import org.wasmlang.testing.WasmBinary;

/**
 * Pins WasmLang's answer for each of the 20 relaxed SIMD instructions to V8's (Node 24 on
 * x86-64 with AVX, FMA3 and AVX-VNNI; docs/architecture.md states the rules), on the operands
 * where the spec permits several answers: NaNs with payloads, signed zeros, out-of-range
 * truncations, swizzle indices from 16 to 255, laneselect masks that are neither all ones nor
 * all zeros in a lane, {@code q15mulr(-32768, -32768)}, dot products with bytes of 0x80 and
 * up in the second operand, and multiply-adds whose fused and unfused results differ.
 *
 * <p>The cases, with what V8 answered for them in Liftoff and TurboFan alike, are
 * tools/fuzz/relaxed-simd.txt, which the fuzzer also runs in the machine's V8. Each case runs with its operands passed at run time and as {@code v128.const}s inline
 * (which the compiler may fold), interpreted and with every function compiled first; the
 * {@code simd-vector-api} surefire execution runs it again with v128 on the JDK Vector API.
 */
class RelaxedSimdTest {
    /** Name, sub-opcode after 0xFD, operand count. */
    private record Instruction(String name, int opcode, int arity) {
    }

    private static final List<Instruction> INSTRUCTIONS = List.of(
                    new Instruction("i8x16.relaxed_swizzle", 0x100, 2),
                    new Instruction("i32x4.relaxed_trunc_f32x4_s", 0x101, 1),
                    new Instruction("i32x4.relaxed_trunc_f32x4_u", 0x102, 1),
                    new Instruction("i32x4.relaxed_trunc_f64x2_s_zero", 0x103, 1),
                    new Instruction("i32x4.relaxed_trunc_f64x2_u_zero", 0x104, 1),
                    new Instruction("f32x4.relaxed_madd", 0x105, 3),
                    new Instruction("f32x4.relaxed_nmadd", 0x106, 3),
                    new Instruction("f64x2.relaxed_madd", 0x107, 3),
                    new Instruction("f64x2.relaxed_nmadd", 0x108, 3),
                    new Instruction("i8x16.relaxed_laneselect", 0x109, 3),
                    new Instruction("i16x8.relaxed_laneselect", 0x10a, 3),
                    new Instruction("i32x4.relaxed_laneselect", 0x10b, 3),
                    new Instruction("i64x2.relaxed_laneselect", 0x10c, 3),
                    new Instruction("f32x4.relaxed_min", 0x10d, 2),
                    new Instruction("f32x4.relaxed_max", 0x10e, 2),
                    new Instruction("f64x2.relaxed_min", 0x10f, 2),
                    new Instruction("f64x2.relaxed_max", 0x110, 2),
                    new Instruction("i16x8.relaxed_q15mulr_s", 0x111, 2),
                    new Instruction("i16x8.relaxed_dot_i8x16_i7x16_s", 0x112, 2),
                    new Instruction("i32x4.relaxed_dot_i8x16_i7x16_add_s", 0x113, 3));

    /**
     * Instruction, operands a, b, c and V8's result, each as its 16 bytes in memory order
     * (lane 0 first, little-endian); an operand the instruction does not take is empty.
     */
    /** Lines of tools/fuzz/relaxed-simd.txt: instruction, operands a, b, c ("" if not taken), V8's result. */
    private static final List<String[]> CASES = cases();

    private static List<String[]> cases() {
        try {
            List<String[]> cases = new ArrayList<>();
            for (String line : Files.readAllLines(TestPaths.projectRoot().resolve("tools/fuzz/relaxed-simd.txt"))) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] fields = line.trim().split("\\s+");
                    for (int i = 1; i < fields.length; i++) {
                        fields[i] = fields[i].equals("-") ? "" : fields[i];
                    }
                    cases.add(fields);
                }
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void eachRelaxedInstructionGivesV8sAnswer(boolean compiled) {
        Context.Builder builder = Context.newBuilder("wasmlang").allowExperimentalOptions(true);
        if (compiled) {
            builder.options(Map.of("engine.CompileImmediately", "true", "engine.BackgroundCompilation", "false",
                            "engine.CompilationFailureAction", "Throw"));
        }
        try (Context context = builder.build()) {
            Value exports = context.eval(Source.newBuilder("wasmlang", ByteSequence.create(module()), "relaxed.wasm").buildLiteral())
                            .invokeMember("newInstance", ProxyObject.fromMap(Map.of())).getMember("exports");
            List<String> wrong = new ArrayList<>();
            // Twice: with CompileImmediately the first call may still run in the interpreter.
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < CASES.size(); i++) {
                    String[] c = CASES.get(i);
                    int arity = instruction(c[0]).arity();
                    Object[] args = new Object[arity];
                    for (int k = 0; k < arity; k++) {
                        args[k] = bytesArray(c[1 + k]);
                    }
                    check(wrong, c, "runtime operands", exports.getMember(c[0]).execute(args));
                    check(wrong, c, "constant operands", exports.getMember("case" + i).execute());
                }
            }
            assertEquals(List.of(), wrong, (compiled ? "compiled" : "interpreted") + ": answers that are not V8's");
        }
    }

    private static void check(List<String> wrong, String[] c, String how, Value result) {
        byte[] bytes = new byte[16];
        result.readBuffer(0, bytes, 0, 16);
        String actual = HexFormat.of().formatHex(bytes);
        if (!actual.equals(c[4])) {
            wrong.add(c[0] + " " + c[1] + " " + c[2] + " " + c[3] + " (" + how + "): " + actual + ", V8 " + c[4]);
        }
    }

    private static Instruction instruction(String name) {
        return INSTRUCTIONS.stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    private static ProxyArray bytesArray(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        Object[] values = new Object[16];
        for (int i = 0; i < 16; i++) {
            values[i] = bytes[i] & 0xFF;
        }
        return ProxyArray.fromArray(values);
    }

    // ---------------------------------------------------------------- the module

    /**
     * One export per instruction, named after it, applying it to its v128 parameters; and
     * {@code case<i>} for each case, applying the instruction to v128.const operands.
     */
    private static byte[] module() {
        WasmBinary module = new WasmBinary();
        // Type n: (v128 x n) -> v128.
        int[] types = new int[4];
        for (int n = 0; n < 4; n++) {
            int[] params = new int[n];
            java.util.Arrays.fill(params, WasmBinary.V128);
            types[n] = module.type(params, new int[]{WasmBinary.V128});
        }
        for (Instruction instruction : INSTRUCTIONS) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int k = 0; k < instruction.arity(); k++) {
                body.write(0x20);
                body.write(k);
            }
            simd(body, instruction.opcode());
            module.export(instruction.name(), module.function(types[instruction.arity()], new int[0], unsigned(body)));
        }
        for (int i = 0; i < CASES.size(); i++) {
            Instruction instruction = instruction(CASES.get(i)[0]);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int k = 0; k < instruction.arity(); k++) {
                simd(body, 0x0c);
                body.writeBytes(HexFormat.of().parseHex(CASES.get(i)[1 + k]));
            }
            simd(body, instruction.opcode());
            module.export("case" + i, module.function(types[0], new int[0], unsigned(body)));
        }
        return module.build();
    }

    private static int[] unsigned(ByteArrayOutputStream code) {
        byte[] bytes = code.toByteArray();
        int[] values = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            values[i] = bytes[i] & 0xFF;
        }
        return values;
    }

    /** A SIMD opcode: the 0xFD prefix and the sub-opcode as an unsigned LEB128. */
    private static void simd(ByteArrayOutputStream out, int opcode) {
        out.write(0xfd);
        int value = opcode;
        do {
            int b = value & 0x7f;
            value >>>= 7;
            out.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
    }
}
