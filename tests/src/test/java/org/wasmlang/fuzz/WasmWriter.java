package org.wasmlang.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the modules of {@link ArithmeticModules}: function imports, functions, one memory,
 * exports and active data segments, with bodies written through {@link Code}.
 */
final class WasmWriter {
    private final Map<String, Integer> types = new LinkedHashMap<>();
    private final List<String[]> imports = new ArrayList<>();
    private final List<Integer> functionTypes = new ArrayList<>();
    private final List<byte[]> bodies = new ArrayList<>();
    private final List<Object[]> exports = new ArrayList<>();
    private final List<Object[]> data = new ArrayList<>();
    private int memoryMin = -1;
    private int memoryMax;

    /** Byte code of one function body: {@code end} is added by {@link #function}. */
    static final class Code {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Code op(int... bytes) {
            for (int b : bytes) {
                out.write(b);
            }
            return this;
        }

        Code u32(long value) {
            do {
                int b = (int) (value & 0x7f);
                value >>>= 7;
                out.write(value != 0 ? b | 0x80 : b);
            } while (value != 0);
            return this;
        }

        Code s64(long value) {
            while (true) {
                int b = (int) (value & 0x7f);
                value >>= 7;
                if ((value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0)) {
                    out.write(b);
                    return this;
                }
                out.write(b | 0x80);
            }
        }

        Code i32Const(int value) {
            return op(0x41).s64(value);
        }

        Code i64Const(long value) {
            return op(0x42).s64(value);
        }

        Code f32Const(int bits) {
            op(0x43);
            for (int i = 0; i < 4; i++) {
                out.write(bits >>> (8 * i));
            }
            return this;
        }

        Code f64Const(long bits) {
            op(0x44);
            for (int i = 0; i < 8; i++) {
                out.write((int) (bits >>> (8 * i)));
            }
            return this;
        }

        /** A constant of the value type with the given bits (a v128's high half in {@code high}). */
        Code constant(int type, long bits, long high) {
            if (type == 0x7B) {
                op(0xFD, 0x0C);
                for (long half : new long[]{bits, high}) {
                    for (int i = 0; i < 8; i++) {
                        out.write((int) (half >>> (8 * i)));
                    }
                }
                return this;
            }
            return switch (type) {
                case 0x7F -> i32Const((int) bits);
                case 0x7E -> i64Const(bits);
                case 0x7D -> f32Const((int) bits);
                default -> f64Const(bits);
            };
        }

        Code call(int function) {
            return op(0x10).u32(function);
        }

        Code localGet(int local) {
            return op(0x20).u32(local);
        }

        Code localSet(int local) {
            return op(0x21).u32(local);
        }
    }

    int type(int[] params, int[] results) {
        StringBuilder key = new StringBuilder();
        for (int p : params) {
            key.append((char) p);
        }
        key.append('>');
        for (int r : results) {
            key.append((char) r);
        }
        return types.computeIfAbsent(key.toString(), k -> types.size());
    }

    int importFunction(String module, String name, int[] params) {
        if (!bodies.isEmpty()) {
            throw new IllegalStateException("imports come before functions");
        }
        imports.add(new String[]{module, name, Integer.toString(type(params, new int[0]))});
        return imports.size() - 1;
    }

    /** Defines a function (locals as one entry per local) and returns its index. */
    int function(int[] params, int[] results, int[] locals, Code code) {
        functionTypes.add(type(params, results));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeU32(body, locals.length);
        for (int local : locals) {
            writeU32(body, 1);
            body.write(local);
        }
        body.writeBytes(code.out.toByteArray());
        body.write(0x0B);
        bodies.add(body.toByteArray());
        return imports.size() + bodies.size() - 1;
    }

    void export(String name, int function) {
        exports.add(new Object[]{name, function});
    }

    void memory(int min, int max) {
        memoryMin = min;
        memoryMax = max;
    }

    void data(int offset, byte[] bytes) {
        data.add(new Object[]{offset, bytes});
    }

    byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{0, 'a', 's', 'm', 1, 0, 0, 0});
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        writeU32(s, types.size());
        for (String key : types.keySet()) {
            int arrow = key.indexOf('>');
            s.write(0x60);
            writeU32(s, arrow);
            key.substring(0, arrow).chars().forEach(s::write);
            writeU32(s, key.length() - arrow - 1);
            key.substring(arrow + 1).chars().forEach(s::write);
        }
        section(out, 1, s);
        s = new ByteArrayOutputStream();
        writeU32(s, imports.size());
        for (String[] imp : imports) {
            name(s, imp[0]);
            name(s, imp[1]);
            s.write(0);
            writeU32(s, Integer.parseInt(imp[2]));
        }
        section(out, 2, s);
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        writeU32(f, functionTypes.size());
        functionTypes.forEach(t -> writeU32(f, t));
        section(out, 3, f);
        if (memoryMin >= 0) {
            ByteArrayOutputStream m = new ByteArrayOutputStream();
            m.write(1);
            m.write(1);
            writeU32(m, memoryMin);
            writeU32(m, memoryMax);
            section(out, 5, m);
        }
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        writeU32(e, exports.size());
        for (Object[] export : exports) {
            name(e, (String) export[0]);
            e.write(0);
            writeU32(e, (Integer) export[1]);
        }
        section(out, 7, e);
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        writeU32(c, bodies.size());
        for (byte[] body : bodies) {
            writeU32(c, body.length);
            c.writeBytes(body);
        }
        section(out, 10, c);
        ByteArrayOutputStream d = new ByteArrayOutputStream();
        writeU32(d, data.size());
        for (Object[] segment : data) {
            d.write(0);
            d.writeBytes(new Code().i32Const((Integer) segment[0]).out.toByteArray());
            d.write(0x0B);
            byte[] bytes = (byte[]) segment[1];
            writeU32(d, bytes.length);
            d.writeBytes(bytes);
        }
        section(out, 11, d);
        return out.toByteArray();
    }

    private static void name(ByteArrayOutputStream out, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        writeU32(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void section(ByteArrayOutputStream out, int id, ByteArrayOutputStream contents) {
        out.write(id);
        writeU32(out, contents.size());
        out.writeBytes(contents.toByteArray());
    }

    /** An unsigned LEB128 (the reducer writes its section sizes with it too). */
    static void writeU32(ByteArrayOutputStream out, long value) {
        do {
            int b = (int) (value & 0x7f);
            value >>>= 7;
            out.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
    }
}
