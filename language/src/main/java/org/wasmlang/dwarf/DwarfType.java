package org.wasmlang.dwarf;

import java.util.List;

/**
 * A source-level type, spelled as C would spell it ({@code const char *}, {@code size_t},
 * {@code struct point}, {@code int[4]}). Qualifiers and typedefs are types of their own
 * that keep the spelled name; {@link #resolved()} sees through them to what a value is.
 */
public final class DwarfType {
    public enum Kind {
        BASE,
        VOID,
        POINTER,
        REFERENCE,
        CONST,
        VOLATILE,
        RESTRICT,
        ATOMIC,
        TYPEDEF,
        ARRAY,
        STRUCT,
        UNION,
        CLASS,
        ENUM,
        FUNCTION,
        /** A type this reader does not model (pointer to member, ...). */
        UNKNOWN
    }

    /** A field of a struct, union or class. */
    public record Member(String name, DwarfType type, long offset, boolean bitField) {
    }

    /** A named value of an enum. */
    public record Enumerator(String name, long value) {
    }

    Kind kind;
    String name;
    long byteSize = -1;
    int encoding;
    DwarfType target;
    /** Arrays: the element count of this dimension, -1 when unknown. */
    long count = -1;
    List<Member> members = List.of();
    List<Enumerator> enumerators = List.of();
    List<DwarfType> parameters = List.of();

    DwarfType(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The name as C spells it. */
    public String name() {
        return name == null ? "?" : name;
    }

    /** The size in bytes, or -1 when DWARF does not give it. */
    public long byteSize() {
        return byteSize;
    }

    /** A base type's DW_ATE_* encoding (enums: their underlying type's), else 0. */
    public int encoding() {
        return encoding;
    }

    /** What a pointer, reference, qualifier or typedef refers to, or an array's element; null for void. */
    public DwarfType target() {
        return target;
    }

    /** An array's element count (its first dimension), or -1 when unknown. */
    public long count() {
        return count;
    }

    public List<Member> members() {
        return members;
    }

    public List<Enumerator> enumerators() {
        return enumerators;
    }

    /** The type with typedefs and qualifiers removed (a bounded walk, so corrupt cycles end). */
    public DwarfType resolved() {
        DwarfType t = this;
        for (int i = 0; i < 32 && t != null; i++) {
            switch (t.kind) {
                case CONST, VOLATILE, RESTRICT, ATOMIC, TYPEDEF -> t = t.target;
                default -> {
                    return t;
                }
            }
        }
        return t;
    }

    /** The size, looking through typedefs and qualifiers when this type does not give one. */
    long size() {
        if (byteSize >= 0) {
            return byteSize;
        }
        DwarfType r = resolved();
        if (r == null) {
            return -1;
        }
        if (r.byteSize >= 0) {
            return r.byteSize;
        }
        if (r.kind == Kind.ARRAY && r.count >= 0 && r.target != null && r != r.target) {
            long element = r.target.resolvedSize(8);
            return element < 0 ? -1 : Math.multiplyHigh(element, r.count) != 0 ? -1 : element * r.count;
        }
        return -1;
    }

    private long resolvedSize(int depth) {
        DwarfType r = resolved();
        if (r == null || depth == 0) {
            return -1;
        }
        if (r.byteSize >= 0) {
            return r.byteSize;
        }
        if (r.kind == Kind.ARRAY && r.count >= 0 && r.target != null) {
            long element = r.target.resolvedSize(depth - 1);
            return element < 0 || Math.multiplyHigh(element, r.count) != 0 ? -1 : element * r.count;
        }
        return -1;
    }

    /** A one-byte character type: arrays of it and pointers to it show as strings. */
    boolean isCharacter() {
        DwarfType r = resolved();
        return r != null && r.kind == Kind.BASE && r.byteSize == 1
                        && (r.encoding == Dw.ATE_SIGNED_CHAR || r.encoding == Dw.ATE_UNSIGNED_CHAR || r.encoding == Dw.ATE_UTF);
    }

    @Override
    public String toString() {
        return name();
    }
}
