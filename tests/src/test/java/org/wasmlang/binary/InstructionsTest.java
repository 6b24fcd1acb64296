package org.wasmlang.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.wasmlang.binary.Instruction.Feature;
import org.wasmlang.module.Features;
import org.wasmlang.validation.WasmMalformedException;

/** The instruction table: complete for SIMD, and read with the right errors. */
class InstructionsTest {
    @Test
    void everySimdInstructionOfWasm20AndRelaxedSimdHasARow() {
        int core = 0;
        int relaxed = 0;
        Set<String> names = new HashSet<>();
        for (int sub = 0; sub < 0x200; sub++) {
            Instruction row = Instructions.get(Instructions.code(Opcodes.SIMD_PREFIX, sub));
            if (row != null) {
                assertEquals(sub, row.opcode());
                assertTrue(names.add(row.name()), "two rows named " + row.name());
                if (row.feature() == Feature.RELAXED_SIMD) {
                    relaxed++;
                } else {
                    core++;
                }
            }
        }
        // Wasm 2.0 has 236 SIMD instructions; relaxed SIMD adds 20.
        assertEquals(236, core);
        assertEquals(20, relaxed);
    }

    private static Instruction read(Features features, int... bytes) {
        byte[] data = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            data[i] = (byte) bytes[i];
        }
        return Instructions.read(new BinaryReader(data), features);
    }

    @Test
    void prefixedOpcodesAreReadAsLeb128() {
        // i32x4.relaxed_laneselect is 0xFD 0x10B, two LEB128 bytes.
        Instruction row = read(Features.DEFAULT, 0xFD, 0x8B, 0x02);
        assertNotNull(row);
        assertEquals("i32x4.relaxed_laneselect", row.name());
        assertEquals("i8x16.shuffle", read(Features.DEFAULT, 0xFD, 0x0D).name());
    }

    @Test
    void unknownOpcodesAreIllegalAndOffProposalsUnsupported() {
        WasmMalformedException unknown = assertThrows(WasmMalformedException.class,
                        () -> read(Features.DEFAULT, 0xFD, 0xA2, 0x01));
        assertTrue(unknown.getMessage().contains("illegal opcode"), unknown.getMessage());
        WasmMalformedException off = assertThrows(WasmMalformedException.class,
                        () -> read(Features.WASM_2_0, 0xFD, 0x80, 0x02));
        assertTrue(off.getMessage().contains("unsupported feature: relaxed SIMD (i8x16.relaxed_swizzle"), off.getMessage());
    }

    @Test
    void typedFunctionReferencesAreOffInWasm20() {
        assertEquals("call_ref", read(Features.DEFAULT, 0x14, 0x00).name());
        assertEquals("br_on_non_null", read(Features.DEFAULT, 0xD6, 0x00).name());
        for (int opcode : new int[]{0x14, 0xD4, 0xD5, 0xD6}) {
            WasmMalformedException off = assertThrows(WasmMalformedException.class,
                            () -> read(Features.WASM_2_0, opcode, 0x00));
            assertTrue(off.getMessage().contains("unsupported feature: typed function references"), off.getMessage());
        }
        // (ref null func) as a value type: decoded with the feature, refused without it.
        assertEquals(org.wasmlang.module.ValueType.FUNCREF,
                        TypeReader.valueType(new BinaryReader(new byte[]{0x63, 0x70}), Features.DEFAULT));
        WasmMalformedException type = assertThrows(WasmMalformedException.class,
                        () -> TypeReader.valueType(new BinaryReader(new byte[]{0x64, 0x00}), Features.WASM_2_0));
        assertTrue(type.getMessage().contains("unsupported feature: typed function references"), type.getMessage());
    }

    @Test
    void tailCallsAreOnByDefaultAndOffInWasm20() {
        assertEquals("return_call", read(Features.DEFAULT, 0x12).name());
        assertEquals("return_call_indirect", read(Features.DEFAULT, 0x13).name());
        WasmMalformedException off = assertThrows(WasmMalformedException.class, () -> read(Features.WASM_2_0, 0x12));
        assertTrue(off.getMessage().contains("unsupported feature: tail calls (return_call"), off.getMessage());
        assertEquals("return_call_ref", read(Features.DEFAULT, 0x15, 0x00).name());
        WasmMalformedException ref = assertThrows(WasmMalformedException.class, () -> read(Features.WASM_2_0, 0x15));
        assertTrue(ref.getMessage().contains("unsupported feature: tail calls (return_call_ref"), ref.getMessage());
    }
}
