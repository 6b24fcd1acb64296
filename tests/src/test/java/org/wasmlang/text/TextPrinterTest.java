package org.wasmlang.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.wasmlang.binary.ModuleDecoder;
import org.wasmlang.module.Features;
import org.wasmlang.module.Module;
import org.wasmlang.testing.WasmBinary;

/**
 * The text view of small hand-made modules, compared with golden text (the .source.wat
 * beside each .wasm is what wabt assembled it from), and the spelling of names and values.
 */
class TextPrinterTest {
    private static byte[] resource(String name) throws IOException {
        try (InputStream in = TextPrinterTest.class.getResourceAsStream("/text/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource text/" + name);
            }
            return in.readAllBytes();
        }
    }

    private static ModuleText print(byte[] bytes) {
        return TextPrinter.print(ModuleDecoder.decode(bytes, Features.DEFAULT), Features.DEFAULT);
    }

    @Test
    void namesAndControlMatchTheGoldenText() throws IOException {
        assertEquals(new String(resource("names-and-control.expected.wat"), StandardCharsets.UTF_8),
                        print(resource("names-and-control.wasm")).text());
    }

    @Test
    void wasm3FeaturesMatchTheGoldenText() throws IOException {
        assertEquals(new String(resource("wasm3-features.expected.wat"), StandardCharsets.UTF_8),
                        print(resource("wasm3-features.wasm")).text());
    }

    @Test
    void theLineMapPlacesFunctionsAndInstructions() throws IOException {
        byte[] bytes = resource("names-and-control.wasm");
        Module module = ModuleDecoder.decode(bytes, Features.DEFAULT);
        ModuleText text = TextPrinter.print(module, Features.DEFAULT);
        String[] lines = text.text().split("\n");
        LineMap map = text.lineMap();
        // Function 1 ($add; 0 is the import): "(func" on line 5, locals on 6, the body from 7.
        assertEquals(-1, map.functionFirstLine(0), "an import has no text");
        assertEquals(5, map.functionFirstLine(1));
        assertEquals(7, map.bodyFirstLine(1));
        assertEquals("    local.get $a", lines[7 - 1]);
        int codeStart = module.function(1).codeStart();
        assertEquals(7, map.instructionLine(1, codeStart));
        // local.get $a is two bytes: the next instruction starts at codeStart + 2.
        assertEquals(-1, map.instructionLine(1, codeStart + 1));
        assertEquals(8, map.instructionLine(1, codeStart + 2));
        assertEquals(codeStart + 2, map.instructionAt(8));
        assertEquals("  )", lines[map.functionLastLine(1) - 1]);
        assertEquals(module.function(1).codeEnd() - 1, map.instructionAt(map.functionLastLine(1)),
                        "the closing parenthesis is the final end");
        assertEquals(1, map.functionAt(6));
        assertEquals(-1, map.instructionAt(6), "the locals line holds no instruction");
        assertEquals(-1, map.functionAt(4), "the import line is in no function");
        assertEquals(-1, map.functionAt(map.functionLastLine(1) + 1));
        assertEquals(-1, map.instructionLine(1, 0));
        assertEquals(-1, map.instructionLine(7, codeStart));
    }

    @Test
    void namesThatAreNotIdsAreSpelledAsIdsAndKeptUnique() {
        WasmBinary binary = new WasmBinary();
        int type = binary.type(new int[]{WasmBinary.I32}, new int[0]);
        binary.function(type, new int[]{WasmBinary.I32}, 0x01);
        binary.function(type, new int[0], 0x01);
        binary.function(type, new int[0], 0x01);
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        // Function names: 0 "f(int) const", 1 "f(int) const" again, 2 "" (no name).
        names.write(1);
        byte[] entries = concat(new byte[]{3}, entry(0, "f(int) const"), entry(1, "f(int) const"), entry(2, ""));
        names.write(entries.length);
        names.writeBytes(entries);
        // Local names of function 0: 0 "x y", 1 "$ok".
        byte[] locals = concat(new byte[]{1, 0, 2}, entry(0, "x y"), entry(1, "$ok"));
        names.write(2);
        names.write(locals.length);
        names.writeBytes(locals);
        byte[] module = concat(binary.build(), customSection("name", names.toByteArray()));
        String text = print(module).text();
        assertTrue(text.contains("(func $f_int__const (;0;) (type 0) (param $x_y i32)\n    (local $$ok i32)\n"), text);
        assertTrue(text.contains("(func $f_int__const.1 (;1;) (type 0) (param i32)"), text);
        assertTrue(text.contains("(func (;2;) (type 0) (param i32)"), text);
    }

    @Test
    void floatsAreExact() {
        assertEquals("0.1", Literals.f64(Double.doubleToRawLongBits(0.1)));
        assertEquals("-0.0", Literals.f32(Float.floatToRawIntBits(-0.0f)));
        assertEquals("1.4E-45", Literals.f32(1));
        assertEquals(Float.intBitsToFloat(1), Float.parseFloat(Literals.f32(1)));
        assertEquals("nan", Literals.f32(0x7FC00000));
        assertEquals("-nan", Literals.f64(0xFFF8000000000000L));
        assertEquals("nan:0x1", Literals.f32(0x7F800001));
        assertEquals("-nan:0x4000000000001", Literals.f64(0xFFF4000000000001L));
        assertEquals("inf", Literals.f32(0x7F800000));
        assertEquals("-inf", Literals.f64(0xFFF0000000000000L));
        assertEquals("1.7976931348623157E308", Literals.f64(Double.doubleToRawLongBits(Double.MAX_VALUE)));
    }

    @Test
    void stringsAreEscaped() {
        StringBuilder out = new StringBuilder();
        Literals.bytes(out, new byte[]{'a', '"', '\\', 0, (byte) 0xFF, '\n'}, 0, 6);
        assertEquals("\"a\\22\\5c\\00\\ff\\0a\"", out.toString());
        assertEquals("\"caf\u00e9 \\22x\\22\\09\"", Literals.name("caf\u00e9 \"x\"\t"));
    }

    private static byte[] entry(int index, String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        return concat(new byte[]{(byte) index, (byte) utf8.length}, utf8);
    }

    private static byte[] customSection(String name, byte[] contents) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] body = concat(new byte[]{(byte) nameBytes.length}, nameBytes, contents);
        return concat(new byte[]{0, (byte) body.length}, body);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
