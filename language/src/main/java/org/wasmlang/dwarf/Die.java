package org.wasmlang.dwarf;

import java.util.ArrayList;
import java.util.List;

/**
 * One debugging information entry as read: its tag, attributes with their raw values, and
 * children. Values are {@link Long} (constants, flags, section offsets), {@link String},
 * {@code byte[]} (blocks, expressions, data16) or one of the records below, which need the
 * unit's bases or the DIE index to mean something.
 */
final class Die {
    /** An address attribute given directly (DW_FORM_addr). */
    record Address(long value) {
    }

    /** An index into .debug_addr (DW_FORM_addrx*). */
    record AddressIndex(long index) {
    }

    /** An index into .debug_str_offsets (DW_FORM_strx*). */
    record StringIndex(long index) {
    }

    /** A reference to another DIE, as an offset in .debug_info. */
    record Reference(long offset) {
    }

    /** An index into the unit's location or range list table (DW_FORM_loclistx/rnglistx). */
    record ListIndex(long index) {
    }

    final long offset;
    final int tag;
    final Unit unit;
    final Die parent;
    private final int[] attributes;
    private final Object[] values;
    private List<Die> children = List.of();

    Die(long offset, int tag, Unit unit, Die parent, int[] attributes, Object[] values) {
        this.offset = offset;
        this.tag = tag;
        this.unit = unit;
        this.parent = parent;
        this.attributes = attributes;
        this.values = values;
    }

    void addChild(Die child) {
        if (children.isEmpty()) {
            children = new ArrayList<>();
        }
        children.add(child);
    }

    List<Die> children() {
        return children;
    }

    boolean has(int attribute) {
        return get(attribute) != null;
    }

    Object get(int attribute) {
        for (int i = 0; i < attributes.length; i++) {
            if (attributes[i] == attribute) {
                return values[i];
            }
        }
        return null;
    }

    /** A constant attribute, or {@code absent} when missing or not a constant. */
    long constant(int attribute, long absent) {
        return get(attribute) instanceof Long l ? l : absent;
    }

    String string(int attribute) {
        return unit.string(get(attribute));
    }

    /** The DIE a reference attribute points to, or null. */
    Die reference(int attribute) {
        return get(attribute) instanceof Reference r ? unit.index.die(r.offset()) : null;
    }

    /** This DIE's attribute, else the one of the DIE it completes (abstract origin, specification). */
    Object inherited(int attribute) {
        Die d = this;
        for (int hops = 0; d != null && hops < 8; hops++) {
            Object v = d.get(attribute);
            if (v != null) {
                return v;
            }
            Die next = d.reference(Dw.AT_ABSTRACT_ORIGIN);
            d = next != null ? next : d.reference(Dw.AT_SPECIFICATION);
        }
        return null;
    }

    /** The DIE that holds an inherited attribute (for references, which resolve in its unit). */
    Die inheritedFrom(int attribute) {
        Die d = this;
        for (int hops = 0; d != null && hops < 8; hops++) {
            if (d.get(attribute) != null) {
                return d;
            }
            Die next = d.reference(Dw.AT_ABSTRACT_ORIGIN);
            d = next != null ? next : d.reference(Dw.AT_SPECIFICATION);
        }
        return null;
    }

    String name() {
        Die holder = inheritedFrom(Dw.AT_NAME);
        return holder == null ? null : holder.string(Dw.AT_NAME);
    }

    /** The DIE of this entry's type (through abstract origin), or null for void. */
    Die type() {
        Die holder = inheritedFrom(Dw.AT_TYPE);
        return holder == null ? null : holder.reference(Dw.AT_TYPE);
    }
}
