package org.wasmlang.dwarf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A unit of .debug_info as read: its header and the bases that indexed forms (strx,
 * addrx, rnglistx, loclistx) are relative to. Resolves those forms and reads the unit's
 * range and location lists.
 */
final class Unit {
    /** All DIEs of the module by their .debug_info offset, for references. */
    static final class DieIndex {
        private final Map<Long, Die> dies = new HashMap<>();

        void add(Die die) {
            dies.put(die.offset, die);
        }

        Die die(long offset) {
            return dies.get(offset);
        }
    }

    final DwarfSections sections;
    final DieIndex index;
    final long offset;
    final int version;
    final int addressSize;
    final int offsetSize;
    Die root;
    long strOffsetsBase;
    long addrBase;
    long rnglistsBase;
    long loclistsBase;
    /** The address range and location lists are relative to (the unit's DW_AT_low_pc). */
    long baseAddress;

    Unit(DwarfSections sections, DieIndex index, long offset, int version, int addressSize, int offsetSize) {
        this.sections = sections;
        this.index = index;
        this.offset = offset;
        this.version = version;
        this.addressSize = addressSize;
        this.offsetSize = offsetSize;
        // DWARF 5 defaults, used when the unit DIE names no base: just past a table header.
        this.strOffsetsBase = offsetSize == 8 ? 16 : 8;
        this.addrBase = 8;
        this.rnglistsBase = offsetSize == 8 ? 20 : 12;
        this.loclistsBase = offsetSize == 8 ? 20 : 12;
    }

    /** Reads the bases from the unit DIE once it is read. */
    void setRoot(Die root) {
        this.root = root;
        strOffsetsBase = root.constant(Dw.AT_STR_OFFSETS_BASE, strOffsetsBase);
        addrBase = root.constant(Dw.AT_ADDR_BASE, addrBase);
        rnglistsBase = root.constant(Dw.AT_RNGLISTS_BASE, rnglistsBase);
        loclistsBase = root.constant(Dw.AT_LOCLISTS_BASE, loclistsBase);
        Long low = address(root.get(Dw.AT_LOW_PC));
        baseAddress = low == null ? 0 : low;
    }

    long maxAddress() {
        return addressSize == 8 ? -1L : 0xFFFFFFFFL;
    }

    /** A string attribute value (inline or indexed), or null when it is not a string. */
    String string(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Die.StringIndex si) {
            DwarfCursor c = sections.strOffsets().at(strOffsetsBase + si.index() * offsetSize);
            long strOffset = c.unsigned(offsetSize);
            return sections.str().at(strOffset).cstring();
        }
        return null;
    }

    /** An address attribute value (direct or indexed), or null when it is not an address. */
    Long address(Object value) {
        if (value instanceof Die.Address a) {
            return a.value();
        }
        if (value instanceof Die.AddressIndex ai) {
            return indexedAddress(ai.index());
        }
        return null;
    }

    long indexedAddress(long index) {
        if (index < 0 || index > Integer.MAX_VALUE) {
            throw new DwarfFormatException(".debug_addr", addrBase, "address index " + index + " out of range");
        }
        return sections.addr().at(addrBase + index * addressSize).unsigned(addressSize);
    }

    /**
     * The code ranges [start, end) of a DIE: DW_AT_low_pc with DW_AT_high_pc (an address or
     * a length), or DW_AT_ranges. Empty when it has none.
     */
    List<long[]> ranges(Die die) {
        List<long[]> out = new ArrayList<>();
        Long low = address(die.get(Dw.AT_LOW_PC));
        Object high = die.get(Dw.AT_HIGH_PC);
        if (low != null && high != null) {
            Long highAddress = address(high);
            long end = highAddress != null ? highAddress : high instanceof Long length ? low + length : low;
            out.add(new long[]{low, end});
            return out;
        }
        Object ranges = die.get(Dw.AT_RANGES);
        if (ranges == null) {
            return out;
        }
        if (version >= 5) {
            long listOffset;
            if (ranges instanceof Die.ListIndex li) {
                listOffset = rnglistsBase + sections.rnglists().at(rnglistsBase + li.index() * offsetSize).unsigned(offsetSize);
            } else if (ranges instanceof Long l) {
                listOffset = l;
            } else {
                return out;
            }
            readRangeList(sections.rnglists().at(listOffset), out);
        } else if (ranges instanceof Long l) {
            readLegacyRanges(sections.ranges().at(l), out);
        }
        return out;
    }

    private void readRangeList(DwarfCursor c, List<long[]> out) {
        long base = baseAddress;
        while (true) {
            int kind = c.u8();
            switch (kind) {
                case 0 -> {
                    return;
                }
                case 1 -> base = indexedAddress(c.uleb());
                case 2 -> out.add(new long[]{indexedAddress(c.uleb()), indexedAddress(c.uleb())});
                case 3 -> {
                    long start = indexedAddress(c.uleb());
                    out.add(new long[]{start, start + c.uleb()});
                }
                case 4 -> out.add(new long[]{base + c.uleb(), base + c.uleb()});
                case 5 -> base = c.unsigned(addressSize);
                case 6 -> out.add(new long[]{c.unsigned(addressSize), c.unsigned(addressSize)});
                case 7 -> {
                    long start = c.unsigned(addressSize);
                    out.add(new long[]{start, start + c.uleb()});
                }
                default -> throw c.error("unknown range list entry kind " + kind);
            }
        }
    }

    private void readLegacyRanges(DwarfCursor c, List<long[]> out) {
        long base = baseAddress;
        while (true) {
            long start = c.unsigned(addressSize);
            long end = c.unsigned(addressSize);
            if (start == 0 && end == 0) {
                return;
            }
            if (start == maxAddress()) {
                base = end;
            } else {
                out.add(new long[]{base + start, base + end});
            }
        }
    }

    /**
     * The location expression that applies at {@code pc} in a location list (the value of a
     * DW_AT_location or DW_AT_frame_base in list form), or null when none covers it.
     */
    byte[] locationAt(Object listValue, long pc) {
        if (version >= 5) {
            long listOffset;
            if (listValue instanceof Die.ListIndex li) {
                listOffset = loclistsBase + sections.loclists().at(loclistsBase + li.index() * offsetSize).unsigned(offsetSize);
            } else if (listValue instanceof Long l) {
                listOffset = l;
            } else {
                return null;
            }
            return locationListEntry(sections.loclists().at(listOffset), pc);
        }
        if (listValue instanceof Long l) {
            return legacyLocationEntry(sections.loc().at(l), pc);
        }
        return null;
    }

    private byte[] locationListEntry(DwarfCursor c, long pc) {
        long base = baseAddress;
        byte[] fallback = null;
        while (true) {
            int kind = c.u8();
            long start;
            long end;
            switch (kind) {
                case 0 -> {
                    return fallback;
                }
                case 1 -> {
                    base = indexedAddress(c.uleb());
                    continue;
                }
                case 2 -> {
                    start = indexedAddress(c.uleb());
                    end = indexedAddress(c.uleb());
                }
                case 3 -> {
                    start = indexedAddress(c.uleb());
                    end = start + c.uleb();
                }
                case 4 -> {
                    start = base + c.uleb();
                    end = base + c.uleb();
                }
                case 5 -> {
                    fallback = c.bytes(c.uleb());
                    continue;
                }
                case 6 -> {
                    base = c.unsigned(addressSize);
                    continue;
                }
                case 7 -> {
                    start = c.unsigned(addressSize);
                    end = c.unsigned(addressSize);
                }
                case 8 -> {
                    start = c.unsigned(addressSize);
                    end = start + c.uleb();
                }
                default -> throw c.error("unknown location list entry kind " + kind);
            }
            long length = c.uleb();
            if (start <= pc && pc < end) {
                return c.bytes(length);
            }
            c.skip(length);
        }
    }

    private byte[] legacyLocationEntry(DwarfCursor c, long pc) {
        long base = baseAddress;
        while (true) {
            long start = c.unsigned(addressSize);
            long end = c.unsigned(addressSize);
            if (start == 0 && end == 0) {
                return null;
            }
            if (start == maxAddress()) {
                base = end;
                continue;
            }
            int length = c.u16();
            if (base + start <= pc && pc < base + end) {
                return c.bytes(length);
            }
            c.skip(length);
        }
    }
}
