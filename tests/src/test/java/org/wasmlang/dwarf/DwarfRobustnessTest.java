package org.wasmlang.dwarf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wasmlang.binary.ModuleDecoder;
import org.wasmlang.module.CustomSection;
import org.wasmlang.module.Features;
import org.wasmlang.module.Module;

/**
 * Corrupt debug sections: each guest's .debug_* sections truncated at many points and with
 * bytes overwritten (seeded, so a failure repeats). The module stays decodable (only custom
 * section contents change); reading its DWARF and every query over its code must end in a
 * result or an "unavailable" with a reason, never another exception.
 */
class DwarfRobustnessTest {
    private static final int VARIATIONS = 1000;

    /** A custom section's place: where its id byte is, its contents, its end. */
    private record Placed(String name, int start, int contentStart, int end) {
    }

    private static List<Placed> debugSections(byte[] bytes, Module module) {
        List<Placed> out = new ArrayList<>();
        int pos = 8;
        while (pos < bytes.length) {
            int start = pos;
            int id = bytes[pos++];
            long size = 0;
            int shift = 0;
            int b;
            do {
                b = bytes[pos++] & 0xFF;
                size |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            int end = pos + (int) size;
            if (id == 0) {
                for (CustomSection s : module.customSections()) {
                    if (s.contentOffset() + s.contentLength() == end && s.contentOffset() > pos && s.name().startsWith(".debug_")) {
                        out.add(new Placed(s.name(), start, s.contentOffset(), end));
                    }
                }
            }
            pos = end;
        }
        return out;
    }

    /** The module with a custom section's contents cut to {@code keep} bytes. */
    private static byte[] truncated(byte[] bytes, Placed s, int keep) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, s.start());
        // The name's encoding (its length and bytes) sits between the size and the contents.
        int sizeEnd = s.start() + 1;
        while ((bytes[sizeEnd] & 0x80) != 0) {
            sizeEnd++;
        }
        sizeEnd++;
        byte[] name = java.util.Arrays.copyOfRange(bytes, sizeEnd, s.contentStart());
        out.write(0);
        long size = name.length + (long) keep;
        do {
            int b = (int) (size & 0x7F);
            size >>>= 7;
            out.write(size != 0 ? b | 0x80 : b);
        } while (size != 0);
        out.write(name, 0, name.length);
        out.write(bytes, s.contentStart(), keep);
        out.write(bytes, s.end(), bytes.length - s.end());
        return out.toByteArray();
    }

    @Test
    void withoutDebugInfoTheLineTablesStillRead() throws IOException {
        byte[] original = Guests.bytes("prog.wasm");
        Module parsed = ModuleDecoder.decode(original, Features.DEFAULT);
        Placed info = debugSections(original, parsed).stream().filter(s -> s.name().equals(".debug_info")).findFirst().orElseThrow();
        Module module = ModuleDecoder.decode(truncated(original, info, 0), Features.DEFAULT);
        DebugInfo debug = Guests.debugInfo(module);
        assertTrue(debug.subprograms().isEmpty());
        // 0x9a: line 23 of prog.c (see DwarfTest); the file's directory comes from the table itself.
        SourceLine line = debug.lineAt(module.codeSectionOffset() + 0x9a);
        assertEquals(23, line.line());
        assertEquals("/wasmlang/guests/dwarf/prog.c", line.file().path());
    }

    @Test
    void aZeroLineRangeIsReportedNotDividedBy() throws IOException {
        byte[] bytes = Guests.bytes("prog.wasm");
        Module parsed = ModuleDecoder.decode(bytes, Features.DEFAULT);
        Placed line = debugSections(bytes, parsed).stream().filter(s -> s.name().equals(".debug_line")).findFirst().orElseThrow();
        // The first table is libc's DWARF 4 one: length 4, version 2, header length 4,
        // min_inst_length, max_ops, default_is_stmt, line_base, then line_range at 14.
        bytes[line.contentStart() + 14] = 0;
        DebugInfo.Result result = DebugInfo.read(ModuleDecoder.decode(bytes, Features.DEFAULT));
        assertEquals("debug info unavailable: .debug_line at offset 0xe: line_range 0", result.problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"prog.wasm", "prog-dwarf4.wasm", "prog-o2.wasm", "shapes64.wasm", "types.wasm"})
    void corruptDebugSectionsNeverThrow(String guest) throws IOException {
        byte[] original = Guests.bytes(guest);
        Module parsed = ModuleDecoder.decode(original, Features.DEFAULT);
        List<Placed> sections = debugSections(original, parsed);
        assertTrue(sections.size() >= 6, "debug sections: " + sections);
        Random random = new Random(guest.hashCode());
        int available = 0;
        int unavailable = 0;
        for (int n = 0; n < VARIATIONS; n++) {
            Placed s = sections.get(random.nextInt(sections.size()));
            int length = s.end() - s.contentStart();
            byte[] bytes;
            String what;
            if (n % 3 == 0) {
                int keep = random.nextInt(Math.max(length, 1));
                bytes = truncated(original, s, keep);
                what = s.name() + " cut to " + keep + " bytes";
            } else {
                bytes = original.clone();
                StringBuilder sb = new StringBuilder(s.name());
                int changes = 1 + random.nextInt(4);
                for (int k = 0; k < changes && length > 0; k++) {
                    int at = s.contentStart() + random.nextInt(length);
                    int value = switch (random.nextInt(4)) {
                        case 0 -> 0xFF;
                        case 1 -> 0;
                        case 2 -> bytes[at] ^ (1 << random.nextInt(8));
                        default -> random.nextInt(256);
                    };
                    bytes[at] = (byte) value;
                    sb.append(String.format(" [0x%x]=0x%02x", at - s.contentStart(), value & 0xFF));
                }
                what = sb.toString();
            }
            try {
                if (exercise(ModuleDecoder.decode(bytes, Features.DEFAULT), n)) {
                    available++;
                } else {
                    unavailable++;
                }
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("variation " + n + " (" + what + ") of " + guest + ": " + e, e);
            }
        }
        // Both outcomes happen, or the variations test less than they seem to.
        assertTrue(available > VARIATIONS / 10, "available " + available);
        assertTrue(unavailable > VARIATIONS / 20, "unavailable " + unavailable);
    }

    /** Reads the DWARF and runs every query; true when the DWARF was readable. */
    private static boolean exercise(Module module, int n) {
        DebugInfo.Result result = DebugInfo.read(module);
        if (result.info() == null) {
            assertNotNull(result.problem());
            assertFalse(result.problem().contains("\n"), result.problem());
            return false;
        }
        DebugInfo info = result.info();
        FakeFrame frame = FakeFrame.withData(module, 0x10000);
        for (int i = 0; i < 40; i++) {
            frame.locals.put(i, 0x1000L + 16 * i);
        }
        frame.globals.put(0, 0x8000L);
        // Lines and functions at every offset of the code; variables and values (the costly
        // part) where a debugger would stop, at a sample of line table rows.
        for (int f = 0; f < module.definedFunctionCount(); f++) {
            int start = module.definedFunction(f).codeStart();
            int end = module.definedFunction(f).codeEnd();
            for (int offset = start; offset < end; offset++) {
                info.lineAt(offset);
                info.subprogramAt(offset);
            }
        }
        List<SourceLine> rows = info.linesIn(0, Integer.MAX_VALUE);
        int stride = Math.max(1, rows.size() / 100);
        for (int i = n % stride; i < rows.size(); i += stride) {
            int offset = rows.get(i).moduleOffset();
            Subprogram sub = info.subprogramAt(offset);
            if (sub != null) {
                sub.name();
            }
            for (Variable v : info.variablesAt(offset)) {
                DwarfValue value = info.read(v, offset, frame);
                assertTrue(value.isAvailable() || value.unavailableReason() != null);
            }
        }
        for (Variable v : info.globals()) {
            info.read(v, 0, frame);
        }
        return true;
    }
}
