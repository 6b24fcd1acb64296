package org.wasmlang.dwarf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the units of .debug_info into DIE trees, with the abbreviations of .debug_abbrev. */
final class InfoParser {
    /** Deeper nesting than this is corrupt data, not a program (and would exhaust the stack). */
    static final int MAX_DEPTH = 256;

    private record Abbrev(int tag, boolean hasChildren, int[] attributes, int[] forms, long[] implicitConsts) {
    }

    private final DwarfSections sections;
    private final Unit.DieIndex index = new Unit.DieIndex();
    private final Map<Long, Map<Long, Abbrev>> abbrevTables = new HashMap<>();

    private InfoParser(DwarfSections sections) {
        this.sections = sections;
    }

    /** The compile and partial units, with their DIEs; type units are skipped. */
    static List<Unit> parse(DwarfSections sections) {
        return new InfoParser(sections).units();
    }

    private List<Unit> units() {
        List<Unit> units = new ArrayList<>();
        DwarfCursor c = sections.info().cursor();
        while (!c.atEnd()) {
            long unitOffset = c.offset();
            long length = c.u32();
            int offsetSize = 4;
            if (length == 0xFFFFFFFFL) {
                length = c.u64();
                offsetSize = 8;
            } else if (length >= 0xFFFFFFF0L) {
                throw c.error("reserved unit length 0x" + Long.toHexString(length));
            }
            int outer = c.narrow(length);
            int unitEnd = c.limit();
            int version = c.u16();
            if (version < 2 || version > 5) {
                throw c.error("unsupported DWARF version " + version);
            }
            int unitType = 1;
            int addressSize;
            long abbrevOffset;
            if (version >= 5) {
                unitType = c.u8();
                addressSize = c.u8();
                abbrevOffset = c.unsigned(offsetSize);
                if (unitType == 2 || unitType == 6 || unitType == 4 || unitType == 5) {
                    // Type and split units: not what a Wasm module's own debug info uses.
                    c.seek(unitEnd);
                    c.setLimit(outer);
                    continue;
                }
            } else {
                abbrevOffset = c.unsigned(offsetSize);
                addressSize = c.u8();
            }
            if (addressSize != 4 && addressSize != 8) {
                throw c.error("unsupported address size " + addressSize);
            }
            Unit unit = new Unit(sections, index, unitOffset, version, addressSize, offsetSize);
            readDies(c, unit, abbrevs(abbrevOffset));
            if (unit.root != null) {
                units.add(unit);
            }
            c.seek(unitEnd);
            c.setLimit(outer);
        }
        return units;
    }

    private void readDies(DwarfCursor c, Unit unit, Map<Long, Abbrev> abbrevs) {
        List<Die> parents = new ArrayList<>();
        while (!c.atEnd()) {
            long dieOffset = c.offset();
            long code = c.uleb();
            if (code == 0) {
                if (parents.isEmpty()) {
                    continue; // padding after the unit DIE
                }
                parents.remove(parents.size() - 1);
                if (parents.isEmpty()) {
                    return;
                }
                continue;
            }
            Abbrev a = abbrevs.get(code);
            if (a == null) {
                throw c.error(dieOffset, "unknown abbreviation code " + code);
            }
            Object[] values = new Object[a.attributes.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = readValue(c, unit, a.forms[i], a.implicitConsts[i], 0);
            }
            Die parent = parents.isEmpty() ? null : parents.get(parents.size() - 1);
            Die die = new Die(dieOffset, a.tag, unit, parent, a.attributes, values);
            index.add(die);
            if (parent == null) {
                if (unit.root != null) {
                    return; // a second top-level DIE: the unit is over
                }
                unit.setRoot(die);
            } else {
                parent.addChild(die);
            }
            if (a.hasChildren) {
                if (parents.size() >= MAX_DEPTH) {
                    throw c.error(dieOffset, "DIEs nested deeper than " + MAX_DEPTH);
                }
                parents.add(die);
            } else if (parent == null) {
                return;
            }
        }
    }

    private Object readValue(DwarfCursor c, Unit unit, int form, long implicitConst, int indirections) {
        return switch (form) {
            case Dw.FORM_ADDR -> new Die.Address(c.unsigned(unit.addressSize));
            case Dw.FORM_ADDRX, 0x1f01 -> new Die.AddressIndex(c.uleb());
            case Dw.FORM_ADDRX1 -> new Die.AddressIndex(c.u8());
            case Dw.FORM_ADDRX2 -> new Die.AddressIndex(c.u16());
            case Dw.FORM_ADDRX3 -> new Die.AddressIndex(c.u24());
            case Dw.FORM_ADDRX4 -> new Die.AddressIndex(c.u32());
            case Dw.FORM_DATA1, Dw.FORM_FLAG -> (long) c.u8();
            case Dw.FORM_DATA2 -> (long) c.u16();
            case Dw.FORM_DATA4 -> c.u32();
            case Dw.FORM_DATA8 -> c.u64();
            case Dw.FORM_DATA16 -> c.bytes(16);
            case Dw.FORM_SDATA -> c.sleb();
            case Dw.FORM_UDATA -> c.uleb();
            case Dw.FORM_FLAG_PRESENT -> 1L;
            case Dw.FORM_IMPLICIT_CONST -> implicitConst;
            case Dw.FORM_SEC_OFFSET -> c.unsigned(unit.offsetSize);
            case Dw.FORM_STRING -> c.cstring();
            case Dw.FORM_STRP -> sections.str().at(c.unsigned(unit.offsetSize)).cstring();
            case Dw.FORM_LINE_STRP -> sections.lineStr().at(c.unsigned(unit.offsetSize)).cstring();
            case Dw.FORM_STRX, 0x1f02 -> new Die.StringIndex(c.uleb());
            case Dw.FORM_STRX1 -> new Die.StringIndex(c.u8());
            case Dw.FORM_STRX2 -> new Die.StringIndex(c.u16());
            case Dw.FORM_STRX3 -> new Die.StringIndex(c.u24());
            case Dw.FORM_STRX4 -> new Die.StringIndex(c.u32());
            case Dw.FORM_REF1 -> new Die.Reference(unit.offset + c.u8());
            case Dw.FORM_REF2 -> new Die.Reference(unit.offset + c.u16());
            case Dw.FORM_REF4 -> new Die.Reference(unit.offset + c.u32());
            case Dw.FORM_REF8 -> new Die.Reference(unit.offset + c.u64());
            case Dw.FORM_REF_UDATA -> new Die.Reference(unit.offset + c.uleb());
            case Dw.FORM_REF_ADDR -> new Die.Reference(c.unsigned(unit.version == 2 ? unit.addressSize : unit.offsetSize));
            case Dw.FORM_EXPRLOC, Dw.FORM_BLOCK -> c.bytes(c.uleb());
            case Dw.FORM_BLOCK1 -> c.bytes(c.u8());
            case Dw.FORM_BLOCK2 -> c.bytes(c.u16());
            case Dw.FORM_BLOCK4 -> c.bytes(c.u32());
            case Dw.FORM_LOCLISTX, Dw.FORM_RNGLISTX -> new Die.ListIndex(c.uleb());
            // Forms that point into other files (type units, supplementary files): skipped.
            case Dw.FORM_REF_SIG8 -> skip(c, 8);
            case Dw.FORM_REF_SUP4 -> skip(c, 4);
            case Dw.FORM_REF_SUP8 -> skip(c, 8);
            case Dw.FORM_STRP_SUP, 0x1f20, 0x1f21 -> skip(c, unit.offsetSize);
            case Dw.FORM_INDIRECT -> {
                if (indirections > 2) {
                    throw c.error("DW_FORM_indirect chain");
                }
                yield readValue(c, unit, c.ulebInt(), implicitConst, indirections + 1);
            }
            default -> throw c.error("unknown attribute form 0x" + Integer.toHexString(form));
        };
    }

    private static Object skip(DwarfCursor c, int n) {
        c.skip(n);
        return null;
    }

    private Map<Long, Abbrev> abbrevs(long offset) {
        Map<Long, Abbrev> table = abbrevTables.get(offset);
        if (table != null) {
            return table;
        }
        table = new HashMap<>();
        DwarfCursor c = sections.abbrev().at(offset);
        while (true) {
            long code = c.uleb();
            if (code == 0) {
                break;
            }
            int tag = c.ulebInt();
            boolean children = c.u8() != 0;
            List<long[]> specs = new ArrayList<>();
            while (true) {
                int attribute = c.ulebInt();
                int form = c.ulebInt();
                if (attribute == 0 && form == 0) {
                    break;
                }
                long implicit = form == Dw.FORM_IMPLICIT_CONST ? c.sleb() : 0;
                specs.add(new long[]{attribute, form, implicit});
            }
            int n = specs.size();
            int[] attributes = new int[n];
            int[] forms = new int[n];
            long[] consts = new long[n];
            for (int i = 0; i < n; i++) {
                attributes[i] = (int) specs.get(i)[0];
                forms[i] = (int) specs.get(i)[1];
                consts[i] = specs.get(i)[2];
            }
            table.put(code, new Abbrev(tag, children, attributes, forms, consts));
        }
        abbrevTables.put(offset, table);
        return table;
    }
}
