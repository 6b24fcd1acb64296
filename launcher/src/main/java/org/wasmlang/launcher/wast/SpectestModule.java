package org.wasmlang.launcher.wast;

import java.io.ByteArrayOutputStream;

/**
 * The {@code spectest} module the spec scripts import, built as a real Wasm module: empty
 * {@code print*} functions, the globals (666 and 666.6), a 10..20 funcref table and a
 * 1..2-page memory; when the rules have 64-bit tables also {@code table64}, the table with i64 indices.
 */
final class SpectestModule {
    private static final int I32 = 0x7F;
    private static final int I64 = 0x7E;
    private static final int F32 = 0x7D;
    private static final int F64 = 0x7C;

    /** Name and parameter types of each print function; each gets its own type. */
    private static final Object[][] PRINTS = {
        {"print", new int[0]},
        {"print_i32", new int[]{I32}},
        {"print_i64", new int[]{I64}},
        {"print_f32", new int[]{F32}},
        {"print_f64", new int[]{F64}},
        {"print_i32_f32", new int[]{I32, F32}},
        {"print_f64_f64", new int[]{F64, F64}},
    };

    private SpectestModule() {
    }

    static byte[] bytes(boolean table64) {
        ByteArrayOutputStream module = new ByteArrayOutputStream();
        module.writeBytes(new byte[]{0, 'a', 's', 'm', 1, 0, 0, 0});

        ByteArrayOutputStream types = new ByteArrayOutputStream();
        u32(types, PRINTS.length);
        for (Object[] print : PRINTS) {
            int[] params = (int[]) print[1];
            types.write(0x60);
            u32(types, params.length);
            for (int p : params) {
                types.write(p);
            }
            u32(types, 0);
        }
        section(module, 1, types);

        ByteArrayOutputStream functions = new ByteArrayOutputStream();
        u32(functions, PRINTS.length);
        for (int i = 0; i < PRINTS.length; i++) {
            u32(functions, i);
        }
        section(module, 3, functions);

        if (table64) {
            section(module, 4, bytesOf(2, 0x70, 0x01, 10, 20, 0x70, 0x05, 10, 20));
        } else {
            section(module, 4, bytesOf(1, 0x70, 0x01, 10, 20));
        }
        section(module, 5, bytesOf(1, 0x01, 1, 2));

        ByteArrayOutputStream globals = new ByteArrayOutputStream();
        u32(globals, 4);
        globals.writeBytes(bytesOf(I32, 0, 0x41));
        s32(globals, 666);
        globals.write(0x0B);
        globals.writeBytes(bytesOf(I64, 0, 0x42));
        s32(globals, 666);
        globals.write(0x0B);
        globals.writeBytes(bytesOf(F32, 0, 0x43));
        int f32 = Float.floatToRawIntBits(666.6f);
        for (int i = 0; i < 4; i++) {
            globals.write(f32 >>> (8 * i));
        }
        globals.write(0x0B);
        globals.writeBytes(bytesOf(F64, 0, 0x44));
        long f64 = Double.doubleToRawLongBits(666.6);
        for (int i = 0; i < 8; i++) {
            globals.write((int) (f64 >>> (8 * i)));
        }
        globals.write(0x0B);
        section(module, 6, globals);

        ByteArrayOutputStream exports = new ByteArrayOutputStream();
        u32(exports, PRINTS.length + (table64 ? 7 : 6));
        for (int i = 0; i < PRINTS.length; i++) {
            export(exports, (String) PRINTS[i][0], 0, i);
        }
        export(exports, "global_i32", 3, 0);
        export(exports, "global_i64", 3, 1);
        export(exports, "global_f32", 3, 2);
        export(exports, "global_f64", 3, 3);
        export(exports, "table", 1, 0);
        if (table64) {
            export(exports, "table64", 1, 1);
        }
        export(exports, "memory", 2, 0);
        section(module, 7, exports);

        ByteArrayOutputStream code = new ByteArrayOutputStream();
        u32(code, PRINTS.length);
        for (int i = 0; i < PRINTS.length; i++) {
            code.writeBytes(bytesOf(2, 0, 0x0B)); // size 2: no locals, end
        }
        section(module, 10, code);
        return module.toByteArray();
    }

    private static byte[] bytesOf(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static void export(ByteArrayOutputStream out, String name, int kind, int index) {
        byte[] utf8 = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        u32(out, utf8.length);
        out.writeBytes(utf8);
        out.write(kind);
        u32(out, index);
    }

    private static void section(ByteArrayOutputStream module, int id, ByteArrayOutputStream contents) {
        section(module, id, contents.toByteArray());
    }

    private static void section(ByteArrayOutputStream module, int id, byte[] contents) {
        module.write(id);
        u32(module, contents.length);
        module.writeBytes(contents);
    }

    private static void u32(ByteArrayOutputStream out, int value) {
        do {
            int b = value & 0x7F;
            value >>>= 7;
            out.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
    }

    private static void s32(ByteArrayOutputStream out, int value) {
        boolean more = true;
        while (more) {
            int b = value & 0x7F;
            value >>= 7;
            more = !((value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0));
            out.write(more ? b | 0x80 : b);
        }
    }
}
