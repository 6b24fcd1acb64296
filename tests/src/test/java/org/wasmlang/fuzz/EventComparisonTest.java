package org.wasmlang.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.wasmlang.fuzz.EventComparison.Verdict;

/** The comparison rules of the differential fuzzer, on hand-written event lists. */
class EventComparisonTest {
    @Test
    void equalEventsAgreeAndAnyDifferenceDisagrees() {
        List<String> v8 = List.of("call f", "log i32 1", "result 2", "call g", "trap unreachable");
        assertEquals(Verdict.AGREE, EventComparison.compare(v8, List.copyOf(v8)).verdict());
        assertEquals(Verdict.DISAGREE, EventComparison.compare(v8,
                        List.of("call f", "log i32 1", "result 3", "call g", "trap unreachable")).verdict());
        assertEquals(Verdict.DISAGREE, EventComparison.compare(v8, v8.subList(0, 3)).verdict());
    }

    @Test
    void anEngineThatRunsOutOfStackFirstMustHaveLoggedAPrefix() {
        List<String> deep = List.of("call f", "log i32 1", "log i32 2", "log i32 3", "exhausted", "call g", "result 7");
        List<String> shallow = List.of("call f", "log i32 1", "exhausted", "call g", "result 8");
        assertEquals(Verdict.AGREE_TO_STACK_LIMIT, EventComparison.compare(deep, shallow).verdict());
        assertEquals(Verdict.AGREE_TO_STACK_LIMIT, EventComparison.compare(shallow, deep).verdict());
        List<String> finished = List.of("call f", "log i32 1", "log i32 2", "result 0");
        assertEquals(Verdict.AGREE_TO_STACK_LIMIT, EventComparison.compare(finished, shallow).verdict());
        List<String> diverged = List.of("call f", "log i32 9", "exhausted");
        assertEquals(Verdict.DISAGREE, EventComparison.compare(deep, diverged).verdict());
        // Earlier exports still have to agree exactly.
        assertEquals(Verdict.DISAGREE, EventComparison.compare(List.of("call e", "result 1", "call f", "exhausted"),
                        List.of("call e", "result 2", "call f", "exhausted")).verdict());
    }

    @Test
    void nanSpellingsKeepWhatWasmDetermines() {
        assertEquals("nan:quiet", Render.f32Bits(0x7fc00000));
        assertEquals("nan:quiet", Render.f32Bits(0xffc00001));
        assertEquals("nan:signalling:0x200000", Render.f32Bits(0xffa00000));
        assertEquals("0x80000000", Render.f32Bits(0x80000000));
        assertEquals("nan:quiet", Render.f64Bits(0xfff8000000000000L));
        assertEquals("nan:signalling:0x1", Render.f64Bits(0x7ff0000000000001L));
        assertEquals("-0", Render.number(-0.0));
        assertEquals("-2147483648", Render.number(-2147483648.0));
        assertEquals("0x3fe0000000000000", Render.number(0.5));
        assertEquals("nan", Render.number(Double.NaN));
    }
}
