package org.wasmlang.dwarf;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs one line number program of .debug_line (versions 2 to 5) into sequences of rows
 * with DWARF addresses.
 */
final class LineProgram {
    /** A row with its DWARF address (the module offset comes later). */
    record Row(long address, int file, long line, long column, boolean isStatement, boolean endSequence) {
    }

    final List<SourceFile> files = new ArrayList<>();
    /** Index of files.get(0) in the program's file register: 1 before DWARF 5, else 0. */
    int firstFileIndex;
    final List<List<Row>> sequences = new ArrayList<>();

    private LineProgram() {
    }

    /** The file a file-register value (or DW_AT_decl_file) names, or null. */
    SourceFile file(long index) {
        long i = index - firstFileIndex;
        return i >= 0 && i < files.size() ? files.get((int) i) : null;
    }

    static LineProgram read(DwarfSections sections, long offset, String compDir) {
        LineProgram p = new LineProgram();
        p.parse(sections, sections.line().at(offset), compDir == null ? "" : compDir);
        return p;
    }

    private void parse(DwarfSections sections, DwarfCursor c, String compDir) {
        long length = c.u32();
        int offsetSize = 4;
        if (length == 0xFFFFFFFFL) {
            length = c.u64();
            offsetSize = 8;
        }
        c.narrow(length);
        int version = c.u16();
        if (version < 2 || version > 5) {
            throw c.error("unsupported line table version " + version);
        }
        int addressSize = -1;
        if (version >= 5) {
            addressSize = c.u8();
            c.u8(); // segment selector size
        }
        long headerLength = c.unsigned(offsetSize);
        long programStart = c.offset() + headerLength;
        int minInstLength = c.u8();
        if (version >= 4) {
            c.u8(); // maximum operations per instruction: 1 on everything but VLIW
        }
        boolean defaultIsStmt = c.u8() != 0;
        int lineBase = c.s8();
        int lineRangeAt = c.offset();
        int lineRange = c.u8();
        if (lineRange == 0) {
            throw c.error(lineRangeAt, "line_range 0");
        }
        int opcodeBase = c.u8();
        int[] standardLengths = new int[Math.max(opcodeBase, 1)];
        for (int i = 1; i < opcodeBase; i++) {
            standardLengths[i] = c.u8();
        }
        List<String> dirs = new ArrayList<>();
        if (version >= 5) {
            firstFileIndex = 0;
            for (String[] e : entries(sections, c, offsetSize)) {
                dirs.add(e[0]);
            }
            for (String[] e : entries(sections, c, offsetSize)) {
                files.add(resolve(e[0], e[1] == null ? 0 : Long.parseLong(e[1]), dirs, compDir, true));
            }
        } else {
            firstFileIndex = 1;
            dirs.add(compDir);
            while (true) {
                String dir = c.cstring();
                if (dir.isEmpty()) {
                    break;
                }
                dirs.add(dir);
            }
            while (true) {
                String name = c.cstring();
                if (name.isEmpty()) {
                    break;
                }
                long dir = c.uleb();
                c.uleb(); // modification time
                c.uleb(); // length
                files.add(resolve(name, dir, dirs, compDir, false));
            }
        }
        c.seek(programStart);
        run(c, version, addressSize, minInstLength, defaultIsStmt, lineBase, lineRange, opcodeBase, standardLengths, dirs, compDir);
    }

    /** DWARF 5 directory or file entries: [path, directory index or null] each. */
    private static List<String[]> entries(DwarfSections sections, DwarfCursor c, int offsetSize) {
        int formatCount = c.u8();
        int[] contentTypes = new int[formatCount];
        int[] forms = new int[formatCount];
        for (int i = 0; i < formatCount; i++) {
            contentTypes[i] = c.ulebInt();
            forms[i] = c.ulebInt();
        }
        int count = c.ulebInt();
        if (count > c.remaining()) {
            throw c.error("entry count " + count + " larger than the header");
        }
        List<String[]> out = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            String[] entry = new String[2];
            for (int i = 0; i < formatCount; i++) {
                Object v = entryValue(sections, c, forms[i], offsetSize);
                if (contentTypes[i] == 1 && v instanceof String s) { // DW_LNCT_path
                    entry[0] = s;
                } else if (contentTypes[i] == 2 && v instanceof Long l) { // DW_LNCT_directory_index
                    entry[1] = Long.toString(l);
                }
            }
            if (entry[0] == null) {
                entry[0] = "";
            }
            out.add(entry);
        }
        return out;
    }

    private static Object entryValue(DwarfSections sections, DwarfCursor c, int form, int offsetSize) {
        return switch (form) {
            case Dw.FORM_STRING -> c.cstring();
            case Dw.FORM_LINE_STRP -> sections.lineStr().at(c.unsigned(offsetSize)).cstring();
            case Dw.FORM_STRP -> sections.str().at(c.unsigned(offsetSize)).cstring();
            case Dw.FORM_UDATA -> c.uleb();
            case Dw.FORM_DATA1 -> (long) c.u8();
            case Dw.FORM_DATA2 -> (long) c.u16();
            case Dw.FORM_DATA4 -> c.u32();
            case Dw.FORM_DATA8 -> c.u64();
            case Dw.FORM_DATA16 -> c.bytes(16);
            case Dw.FORM_BLOCK -> c.bytes(c.uleb());
            default -> throw c.error("unsupported form 0x" + Integer.toHexString(form) + " in a line table entry");
        };
    }

    private static SourceFile resolve(String name, long dirIndex, List<String> dirs, String compDir, boolean dwarf5) {
        String dir = dirIndex >= 0 && dirIndex < dirs.size() ? dirs.get((int) dirIndex) : "";
        String written = isAbsolute(name) || dir.isEmpty() ? name : join(dir, name);
        String path = isAbsolute(written) || compDir.isEmpty() ? written : join(compDir, written);
        return new SourceFile(written, path);
    }

    private static boolean isAbsolute(String path) {
        return path.startsWith("/") || path.startsWith("\\") || (path.length() > 2 && path.charAt(1) == ':');
    }

    private static String join(String dir, String name) {
        if (name.startsWith("./")) {
            name = name.substring(2);
        }
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    private void run(DwarfCursor c, int version, int addressSize, int minInstLength, boolean defaultIsStmt, int lineBase, int lineRange,
                    int opcodeBase, int[] standardLengths, List<String> dirs, String compDir) {
        long address = 0;
        int file = 1;
        long line = 1;
        long column = 0;
        boolean isStmt = defaultIsStmt;
        List<Row> rows = new ArrayList<>();
        while (!c.atEnd()) {
            int op = c.u8();
            if (op >= opcodeBase) {
                int adjusted = op - opcodeBase;
                address += (long) (adjusted / lineRange) * minInstLength;
                line += lineBase + adjusted % lineRange;
                rows.add(new Row(address, file, line, column, isStmt, false));
            } else if (op == 0) {
                long length = c.uleb();
                int old = c.narrow(length);
                int end = c.limit();
                int sub = length == 0 ? -1 : c.u8();
                switch (sub) {
                    case 1 -> {
                        rows.add(new Row(address, file, line, column, isStmt, true));
                        sequences.add(rows);
                        rows = new ArrayList<>();
                        address = 0;
                        file = 1;
                        line = 1;
                        column = 0;
                        isStmt = defaultIsStmt;
                    }
                    case 2 -> address = c.unsigned(addressSize > 0 ? addressSize : (int) (length - 1));
                    case 3 -> {
                        String name = c.cstring();
                        long dir = c.uleb();
                        files.add(resolve(name, dir, dirs, compDir, false));
                    }
                    default -> {
                        // set_discriminator and vendor extensions: nothing a debugger needs.
                    }
                }
                c.seek(end);
                c.setLimit(old);
            } else {
                switch (op) {
                    case 1 -> rows.add(new Row(address, file, line, column, isStmt, false));
                    case 2 -> address += c.uleb() * minInstLength;
                    case 3 -> line += c.sleb();
                    case 4 -> file = c.ulebInt();
                    case 5 -> column = c.uleb();
                    case 6 -> isStmt = !isStmt;
                    case 8 -> address += (long) ((255 - opcodeBase) / lineRange) * minInstLength;
                    case 9 -> address += c.u16();
                    case 7, 10, 11 -> {
                        // basic_block, prologue_end, epilogue_begin: no operands.
                    }
                    default -> {
                        for (int i = 0; i < standardLengths[op]; i++) {
                            c.uleb();
                        }
                    }
                }
            }
        }
        // A sequence without its end_sequence (truncated program) is dropped: its extent is unknown.
    }
}
