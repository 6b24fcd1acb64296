package org.wasmlang.dwarf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.wasmlang.dwarf.LocationEvaluator.Location;

/** Location expressions made by hand, for the operations the guests do not happen to use. */
class LocationEvaluatorTest {
    private static final DebugSection NONE = DebugSection.empty("none");
    private static final DwarfSections EMPTY = new DwarfSections(NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE);

    private static Location eval(int addressSize, FakeFrame frame, long frameBase, int... ops) throws LocationEvaluator.Unsupported {
        byte[] expression = new byte[ops.length];
        for (int i = 0; i < ops.length; i++) {
            expression[i] = (byte) ops[i];
        }
        Unit unit = new Unit(EMPTY, new Unit.DieIndex(), 0, 5, addressSize, 4);
        return new LocationEvaluator(unit, frame).evaluate(expression, () -> frameBase);
    }

    @Test
    void wasmLocationsPushTheirValue() throws LocationEvaluator.Unsupported {
        FakeFrame frame = new FakeFrame(64);
        frame.locals.put(2, 0xFFFF_FFF0L);
        frame.globals.put(0, 0x1000L);
        frame.globals.put(300, 0x2000L);
        // local 2 holds the value.
        assertEquals(0xFFFF_FFF0L, eval(4, frame, 0, 0xed, 0, 2, 0x9f).bits());
        // local 2 holds an address; wasm32 addresses wrap at 32 bits.
        assertEquals(0xFFFF_FFF8L, eval(4, frame, 0, 0xed, 0, 2, 0x23, 8).address());
        assertEquals(0x1_0000_0000L, eval(8, frame, 0, 0xed, 0, 2, 0x23, 0x10).address());
        // kind 1: global by ULEB; kind 3: global by a fixed 4-byte index (300 = 0x12c).
        assertEquals(0x1000L, eval(4, frame, 0, 0xed, 1, 0, 0x9f).bits());
        assertEquals(0x2000L, eval(4, frame, 0, 0xed, 3, 0x2c, 0x01, 0, 0, 0x9f).bits());
        assertEquals("operand stack not known",
                        assertThrows(MachineState.Unavailable.class, () -> eval(4, frame, 0, 0xed, 2, 0, 0x9f)).getMessage());
    }

    @Test
    void constantsArithmeticAndMemory() throws LocationEvaluator.Unsupported {
        FakeFrame frame = new FakeFrame(64).putInt(16, 40);
        assertEquals(-3, eval(4, frame, 0, 0x11, 0x7d, 0x9f).bits()); // consts -3
        assertEquals(31, eval(4, frame, 0, 0x4f, 0x9f).bits()); // lit31
        assertEquals(7, eval(4, frame, 0, 0x35, 0x32, 0x22, 0x9f).bits()); // 5 + 2
        assertEquals(3, eval(4, frame, 0, 0x35, 0x32, 0x1c, 0x9f).bits()); // 5 - 2
        assertEquals(0x40, eval(4, frame, 0, 0x03, 0x40, 0, 0, 0).address()); // DW_OP_addr, 4 bytes
        assertEquals(0x40, eval(8, frame, 0, 0x03, 0x40, 0, 0, 0, 0, 0, 0, 0).address()); // 8 bytes on wasm64
        assertEquals(0x110, eval(4, frame, 0x100, 0x91, 0x10).address()); // fbreg +16
        assertEquals(0xF0, eval(4, frame, 0x100, 0x91, 0x70).address()); // fbreg -16
        assertEquals(40, eval(4, frame, 0, 0x40, 0x06).address()); // lit16, deref: the pointer at 16
        assertArrayEquals(new byte[]{1, 2}, eval(4, frame, 0, 0x9e, 2, 1, 2).bytes());
        assertEquals(Location.Kind.UNAVAILABLE, eval(4, frame, 0).kind());
    }

    @Test
    void unsupportedOperationsAreReportedNotGuessed() {
        FakeFrame frame = new FakeFrame(16);
        frame.locals.put(0, 0L);
        assertEquals("split into pieces (not shown)",
                        assertThrows(LocationEvaluator.Unsupported.class, () -> eval(4, frame, 0, 0xed, 0, 0, 0x93, 4)).getMessage());
        assertEquals("split into pieces (not shown)",
                        assertThrows(LocationEvaluator.Unsupported.class, () -> eval(4, frame, 0, 0x30, 0x9f, 0x93, 4)).getMessage());
        assertEquals("unsupported DWARF operation 0x2f",
                        assertThrows(LocationEvaluator.Unsupported.class, () -> eval(4, frame, 0, 0x2f, 0, 0)).getMessage());
        assertEquals("entry value (optimized out)",
                        assertThrows(LocationEvaluator.Unsupported.class, () -> eval(4, frame, 0, 0xa3, 1, 0x50)).getMessage());
        assertEquals("malformed expression (stack underflow)",
                        assertThrows(LocationEvaluator.Unsupported.class, () -> eval(4, frame, 0, 0x22)).getMessage());
        assertThrows(LocationEvaluator.Unsupported.class, () -> eval(4, frame, 0, 0x40, 0x06)); // deref out of bounds
        assertThrows(DwarfFormatException.class, () -> eval(4, frame, 0, 0x03, 1)); // truncated address
    }
}
