package org.wasmlang.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds small modules in tests without hex literals: types, imported and defined
 * functions (code given as instruction bytes, without the final end), a memory and
 * function exports.
 */
public final class WasmBinary {
    public static final int I32 = 0x7F;
    public static final int I64 = 0x7E;
    public static final int F32 = 0x7D;
    public static final int F64 = 0x7C;
    public static final int V128 = 0x7B;

    private final List<int[][]> types = new ArrayList<>();
    private final List<String[]> imports = new ArrayList<>();
    private final List<Integer> importTypes = new ArrayList<>();
    private final List<Integer> functionTypes = new ArrayList<>();
    private final List<byte[]> bodies = new ArrayList<>();
    private final List<int[]> bodyLocals = new ArrayList<>();
    private final List<Object[]> exports = new ArrayList<>();
    private int memoryPages = -1;
    private int tableSize = -1;
    private String[] memoryImport;
    private int[] memoryImportLimits;

    /** Adds a function type and returns its index. */
    public int type(int[] params, int[] results) {
        types.add(new int[][]{params, results});
        return types.size() - 1;
    }

    /** Imports a function; imports must be added before defined functions. Returns its index. */
    public int importFunction(String module, String name, int type) {
        imports.add(new String[]{module, name});
        importTypes.add(type);
        return imports.size() - 1;
    }

    /** Defines a function with extra locals and returns its index in the function index space. */
    public int function(int type, int[] locals, int... code) {
        byte[] bytes = new byte[code.length];
        for (int i = 0; i < code.length; i++) {
            bytes[i] = (byte) code[i];
        }
        return function(type, locals, bytes);
    }

    /** The same with the body's bytes as they are, for bodies written to a byte stream. */
    public int function(int type, int[] locals, byte[] code) {
        functionTypes.add(type);
        bodies.add(code);
        bodyLocals.add(locals);
        return imports.size() + functionTypes.size() - 1;
    }

    /** Imports memory 0 instead of defining it. */
    public WasmBinary importMemory(String module, String name, int minPages, int maxPages) {
        memoryImport = new String[]{module, name};
        memoryImportLimits = new int[]{minPages, maxPages};
        return this;
    }

    public WasmBinary memory(int pages) {
        this.memoryPages = pages;
        return this;
    }

    /** Defines table 0, of funcref, with no maximum. */
    public WasmBinary table(int size) {
        this.tableSize = size;
        return this;
    }

    public WasmBinary export(String name, int functionIndex) {
        exports.add(new Object[]{name, 0, functionIndex});
        return this;
    }

    public WasmBinary exportMemory(String name) {
        exports.add(new Object[]{name, 2, 0});
        return this;
    }

    public byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{0, 'a', 's', 'm', 1, 0, 0, 0});
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        u32(s, types.size());
        for (int[][] t : types) {
            s.write(0x60);
            u32(s, t[0].length);
            for (int p : t[0]) {
                s.write(p);
            }
            u32(s, t[1].length);
            for (int r : t[1]) {
                s.write(r);
            }
        }
        section(out, 1, s);
        if (!imports.isEmpty() || memoryImport != null) {
            s = new ByteArrayOutputStream();
            u32(s, imports.size() + (memoryImport != null ? 1 : 0));
            for (int i = 0; i < imports.size(); i++) {
                name(s, imports.get(i)[0]);
                name(s, imports.get(i)[1]);
                s.write(0);
                u32(s, importTypes.get(i));
            }
            if (memoryImport != null) {
                name(s, memoryImport[0]);
                name(s, memoryImport[1]);
                s.write(2);
                s.write(1);
                u32(s, memoryImportLimits[0]);
                u32(s, memoryImportLimits[1]);
            }
            section(out, 2, s);
        }
        s = new ByteArrayOutputStream();
        u32(s, functionTypes.size());
        for (int t : functionTypes) {
            u32(s, t);
        }
        section(out, 3, s);
        if (tableSize >= 0) {
            s = new ByteArrayOutputStream();
            u32(s, 1);
            s.write(0x70);
            s.write(0);
            u32(s, tableSize);
            section(out, 4, s);
        }
        if (memoryPages >= 0) {
            s = new ByteArrayOutputStream();
            u32(s, 1);
            s.write(0);
            u32(s, memoryPages);
            section(out, 5, s);
        }
        s = new ByteArrayOutputStream();
        u32(s, exports.size());
        for (Object[] e : exports) {
            name(s, (String) e[0]);
            s.write((Integer) e[1]);
            u32(s, (Integer) e[2]);
        }
        section(out, 7, s);
        s = new ByteArrayOutputStream();
        u32(s, bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int[] locals = bodyLocals.get(i);
            u32(body, locals.length);
            for (int local : locals) {
                u32(body, 1);
                body.write(local);
            }
            body.writeBytes(bodies.get(i));
            body.write(0x0B);
            u32(s, body.size());
            s.writeBytes(body.toByteArray());
        }
        section(out, 10, s);
        return out.toByteArray();
    }

    private static void name(ByteArrayOutputStream out, String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        u32(out, utf8.length);
        out.writeBytes(utf8);
    }

    private static void section(ByteArrayOutputStream out, int id, ByteArrayOutputStream contents) {
        out.write(id);
        u32(out, contents.size());
        out.writeBytes(contents.toByteArray());
    }

    private static void u32(ByteArrayOutputStream out, int value) {
        do {
            int b = value & 0x7F;
            value >>>= 7;
            out.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
    }

}
