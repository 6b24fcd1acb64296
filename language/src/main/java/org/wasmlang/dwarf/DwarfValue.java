package org.wasmlang.dwarf;

import java.util.List;

/**
 * A variable's value for display: a leaf with a Java value, a pointer (its address, and a
 * string preview when it points to characters), or an aggregate with children; or
 * unavailable with a short reason (optimized out, unreadable memory, unsupported location).
 */
public final class DwarfValue {
    private final String name;
    private final String typeName;
    private final Object value;
    private final String display;
    private final List<DwarfValue> children;
    private final String unavailableReason;

    DwarfValue(String name, String typeName, Object value, String display, List<DwarfValue> children, String unavailableReason) {
        this.name = name;
        this.typeName = typeName;
        this.value = value;
        this.display = display;
        this.children = children;
        this.unavailableReason = unavailableReason;
    }

    static DwarfValue unavailable(String name, String typeName, String reason) {
        return new DwarfValue(name, typeName, null, "<" + reason + ">", List.of(), reason);
    }

    /** The variable's, member's ("x") or element's ("[2]") name. */
    public String name() {
        return name;
    }

    public String typeName() {
        return typeName;
    }

    /**
     * The value as Java sees it: Byte/Short/Integer/Long for signed integers of 1/2/4/8
     * bytes (chars too), the next wider type for unsigned ones (BigInteger for 8 bytes),
     * Float/Double, Boolean, an Integer code point for UTF characters, a Long address for
     * pointers, the enumerator's name (or number) for enums; null for aggregates and when
     * unavailable.
     */
    public Object value() {
        return value;
    }

    /**
     * One line for a debugger: {@code 42}, {@code 121 'y'}, {@code 0x00012340 "wasm"},
     * {@code BLUE}, {@code {x = 1, y = 2}}, {@code "wasm"} for a char array.
     */
    public String display() {
        return display;
    }

    /** Members of a struct or elements of an array (bounded in number and depth). */
    public List<DwarfValue> children() {
        return children;
    }

    public boolean isAvailable() {
        return unavailableReason == null;
    }

    /** Why there is no value, or null. */
    public String unavailableReason() {
        return unavailableReason;
    }

    @Override
    public String toString() {
        return name + " = " + display;
    }
}
