package org.wasmlang.runtime;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;
import org.junit.jupiter.api.Test;

/**
 * The option wasmlang.WasmVersion picks the rules (3.0 by default, 2.0 on request), and a
 * module that needs a feature WasmLang lacks or that is off is refused as an unsupported
 * feature, by name, never as malformed.
 */
class FeatureSelectionTest {
    private static final int[] HEADER = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
    /** Two memories of one page each: multi-memory. */
    private static final int[] TWO_MEMORIES = {0x05, 0x05, 0x02, 0x00, 0x01, 0x00, 0x01};
    /** A type section with one function type () -> () and one function of it. */
    private static final int[] ONE_FUNCTION = {0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00};

    private static byte[] module(int[]... sections) {
        int length = HEADER.length;
        for (int[] section : sections) {
            length += section.length;
        }
        byte[] bytes = new byte[length];
        int at = 0;
        for (int b : HEADER) {
            bytes[at++] = (byte) b;
        }
        for (int[] section : sections) {
            for (int b : section) {
                bytes[at++] = (byte) b;
            }
        }
        return bytes;
    }

    /** A code section holding one body: no locals, the given instruction bytes, end. */
    private static int[] body(int... instructions) {
        int[] section = new int[instructions.length + 6];
        section[0] = 0x0a;
        section[1] = instructions.length + 4;
        section[2] = 0x01;
        section[3] = instructions.length + 2;
        section[4] = 0x00;
        System.arraycopy(instructions, 0, section, 5, instructions.length);
        section[section.length - 1] = 0x0b;
        return section;
    }

    private static Value eval(Context context, byte[] bytes) {
        return context.eval(Source.newBuilder("wasmlang", ByteSequence.create(bytes), "m.wasm").buildLiteral());
    }

    private static void assertRefused(Context context, byte[] bytes, String expected) {
        PolyglotException e = assertThrows(PolyglotException.class, () -> eval(context, bytes));
        assertTrue(e.isSyntaxError(), e.getMessage());
        assertTrue(e.getMessage().contains(expected), () -> "expected \"" + expected + "\", got " + e.getMessage());
        assertTrue(!e.getMessage().contains("malformed") || expected.contains("malformed"), e.getMessage());
    }

    @Test
    void wasm30IsTheDefaultAnd20IsAnOption() {
        byte[] multiMemory = module(TWO_MEMORIES);
        byte[] tailCall = module(ONE_FUNCTION, body(0x12, 0x00));
        try (Context context = Context.create("wasmlang")) {
            assertTrue(eval(context, multiMemory).invokeMember("newInstance").hasMember("exports"));
            assertTrue(eval(context, tailCall).invokeMember("newInstance").hasMember("exports"));
        }
        try (Context context = Context.newBuilder("wasmlang").option("wasmlang.WasmVersion", "2.0").build()) {
            assertRefused(context, multiMemory, "multiple memories");
            assertRefused(context, tailCall, "unsupported feature: tail calls");
        }
    }

    @Test
    void anUnknownVersionIsRefusedWhenTheContextIsMade() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> Context.newBuilder("wasmlang").option("wasmlang.WasmVersion", "4.0").build());
        assertTrue(e.getMessage().contains("unknown Wasm version '4.0'"), e.getMessage());
    }

    @Test
    void contextsWithDifferentVersionsOnOneEngineDoNotShareParsedModules() {
        Source source = Source.newBuilder("wasmlang", ByteSequence.create(module(TWO_MEMORIES)), "shared.wasm").buildLiteral();
        try (Engine engine = Engine.create()) {
            try (Context context = Context.newBuilder("wasmlang").engine(engine).build()) {
                context.eval(source);
            }
            try (Context context = Context.newBuilder("wasmlang").engine(engine).option("wasmlang.WasmVersion", "2.0").build()) {
                PolyglotException e = assertThrows(PolyglotException.class, () -> context.eval(source));
                assertTrue(e.getMessage().contains("multiple memories"), e.getMessage());
            }
        }
    }

    @Test
    void gcAndThreadsAreUnsupportedFeatures() {
        try (Context context = Context.create("wasmlang")) {
            // A struct type (0x5f) in the type section.
            assertRefused(context, module(new int[]{0x01, 0x03, 0x01, 0x5f, 0x00}), "unsupported feature: GC");
            // An instruction with the GC prefix 0xfb (struct.new 0).
            assertRefused(context, module(ONE_FUNCTION, body(0xfb, 0x00, 0x00)), "unsupported feature: GC instructions");
            // ref.eq (0xd3), GC's one instruction without the prefix.
            assertRefused(context, module(ONE_FUNCTION, body(0xd3)), "unsupported feature: GC instructions (ref.eq");
            // A shared memory (limits flags 3).
            assertRefused(context, module(new int[]{0x05, 0x04, 0x01, 0x03, 0x01, 0x02}),
                            "unsupported feature: threads (shared memory)");
            // An atomic instruction (prefix 0xfe: atomic.fence).
            assertRefused(context, module(ONE_FUNCTION, body(0xfe, 0x03, 0x00)), "unsupported feature: threads");
        }
    }
}
