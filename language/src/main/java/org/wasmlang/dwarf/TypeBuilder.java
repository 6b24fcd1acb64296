package org.wasmlang.dwarf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link DwarfType}s from type DIEs, once per DIE; cycles through pointers end. */
final class TypeBuilder {
    private static final int MAX_DEPTH = 48;
    private static final int MAX_NAME = 400;
    private static final DwarfType VOID = named(DwarfType.Kind.VOID, "void");

    private final Map<Die, DwarfType> built = new HashMap<>();

    private static DwarfType named(DwarfType.Kind kind, String name) {
        DwarfType t = new DwarfType(kind);
        t.name = name;
        return t;
    }

    /** The type of a DIE, or void when it is null. */
    DwarfType type(Die die) {
        return type(die, 0);
    }

    private DwarfType type(Die die, int depth) {
        if (die == null) {
            return VOID;
        }
        DwarfType known = built.get(die);
        if (known != null) {
            return known;
        }
        if (depth > MAX_DEPTH) {
            return named(DwarfType.Kind.UNKNOWN, "?");
        }
        DwarfType t = new DwarfType(kindOf(die.tag));
        built.put(die, t);
        t.byteSize = die.constant(Dw.AT_BYTE_SIZE, -1);
        String ownName = die.string(Dw.AT_NAME);
        boolean c = Dw.isC((int) die.unit.root.constant(Dw.AT_LANGUAGE, 0));
        switch (t.kind) {
            case BASE -> {
                t.encoding = (int) die.constant(Dw.AT_ENCODING, 0);
                t.name = ownName;
            }
            case VOID -> t.name = ownName != null ? ownName : "void";
            case STRUCT, UNION, CLASS, ENUM -> {
                String keyword = switch (t.kind) {
                    case STRUCT -> "struct ";
                    case UNION -> "union ";
                    case CLASS -> "class ";
                    default -> "enum ";
                };
                t.name = ownName == null ? keyword + "<anonymous>" : c ? keyword + ownName : qualified(die, ownName);
                if (t.kind == DwarfType.Kind.ENUM) {
                    DwarfType underlying = die.has(Dw.AT_TYPE) ? type(die.reference(Dw.AT_TYPE), depth + 1) : null;
                    DwarfType u = underlying == null ? null : underlying.resolved();
                    t.encoding = u != null ? u.encoding : Dw.ATE_UNSIGNED;
                    if (t.byteSize < 0 && u != null) {
                        t.byteSize = u.byteSize;
                    }
                    List<DwarfType.Enumerator> values = new ArrayList<>();
                    for (Die child : die.children()) {
                        if (child.tag == Dw.TAG_ENUMERATOR) {
                            values.add(new DwarfType.Enumerator(child.string(Dw.AT_NAME), child.constant(Dw.AT_CONST_VALUE, 0)));
                        }
                    }
                    t.enumerators = values;
                } else {
                    List<DwarfType.Member> members = new ArrayList<>();
                    for (Die child : die.children()) {
                        if (child.tag == Dw.TAG_MEMBER) {
                            // A member location given as an expression (virtual bases) is not modelled.
                            long offset = child.constant(Dw.AT_DATA_MEMBER_LOCATION, child.has(Dw.AT_DATA_MEMBER_LOCATION) ? -1 : 0);
                            boolean bitField = child.has(Dw.AT_BIT_SIZE) || child.has(Dw.AT_DATA_BIT_OFFSET);
                            members.add(new DwarfType.Member(child.string(Dw.AT_NAME), type(child.reference(Dw.AT_TYPE), depth + 1), offset,
                                            bitField));
                        }
                    }
                    t.members = members;
                }
            }
            case ARRAY -> {
                List<Long> counts = new ArrayList<>();
                for (Die child : die.children()) {
                    if (child.tag == Dw.TAG_SUBRANGE_TYPE) {
                        long count = child.constant(Dw.AT_COUNT, -1);
                        if (count < 0 && child.get(Dw.AT_UPPER_BOUND) instanceof Long upper) {
                            count = upper + 1 - child.constant(0x22, 0); // DW_AT_lower_bound
                        }
                        counts.add(count < 0 ? -1 : count);
                    }
                }
                if (counts.isEmpty()) {
                    counts.add(-1L);
                }
                DwarfType element = type(die.reference(Dw.AT_TYPE), depth + 1);
                // More than one subrange is a multi-dimensional array: nest one type per dimension.
                DwarfType inner = element;
                StringBuilder dims = new StringBuilder();
                for (int i = counts.size() - 1; i >= 1; i--) {
                    DwarfType a = new DwarfType(DwarfType.Kind.ARRAY);
                    a.target = inner;
                    a.count = counts.get(i);
                    inner = a;
                }
                for (long n : counts) {
                    dims.append('[').append(n < 0 ? "" : Long.toString(n)).append(']');
                }
                t.target = inner;
                t.count = counts.get(0);
                String elementName = element.name();
                t.name = elementName + dims;
                for (DwarfType a = inner; a != element && a != null; a = a.target) {
                    dims.delete(0, dims.indexOf("]") + 1);
                    a.name = elementName + dims;
                }
            }
            case FUNCTION -> {
                t.target = die.has(Dw.AT_TYPE) ? type(die.reference(Dw.AT_TYPE), depth + 1) : VOID;
                List<DwarfType> params = new ArrayList<>();
                List<String> names = new ArrayList<>();
                for (Die child : die.children()) {
                    if (child.tag == Dw.TAG_FORMAL_PARAMETER) {
                        DwarfType p = type(child.reference(Dw.AT_TYPE), depth + 1);
                        params.add(p);
                        names.add(p.name());
                    } else if (child.tag == 0x18) { // DW_TAG_unspecified_parameters
                        names.add("...");
                    }
                }
                t.parameters = params;
                t.name = t.target.name() + " (" + String.join(", ", names) + ")";
            }
            case POINTER, REFERENCE, CONST, VOLATILE, RESTRICT, ATOMIC, TYPEDEF -> {
                t.target = die.has(Dw.AT_TYPE) ? type(die.reference(Dw.AT_TYPE), depth + 1) : VOID;
                t.name = ownName != null ? (t.kind == DwarfType.Kind.TYPEDEF && !c ? qualified(die, ownName) : ownName) : spell(t, die.tag);
                if (t.kind == DwarfType.Kind.POINTER && t.byteSize < 0) {
                    t.byteSize = die.unit.addressSize;
                }
            }
            default -> t.name = ownName != null ? ownName : "?";
        }
        // Names built from names: crafted DWARF could make them grow exponentially.
        if (t.name != null && t.name.length() > MAX_NAME) {
            t.name = t.name.substring(0, MAX_NAME) + "...";
        }
        return t;
    }

    /** C++ and Rust names carry the namespaces and types they are declared in: geo::Vec. */
    private static String qualified(Die die, String name) {
        StringBuilder sb = new StringBuilder(name);
        int hops = 0;
        for (Die p = die.parent; p != null && hops < 16; p = p.parent, hops++) {
            if (p.tag == Dw.TAG_NAMESPACE || p.tag == Dw.TAG_STRUCTURE_TYPE || p.tag == Dw.TAG_CLASS_TYPE || p.tag == Dw.TAG_UNION_TYPE) {
                String outer = p.string(Dw.AT_NAME);
                sb.insert(0, (outer == null ? "(anonymous namespace)" : outer) + "::");
            }
        }
        return sb.toString();
    }

    /** C's spelling of a derived type from its target's name. */
    private static String spell(DwarfType t, int tag) {
        String target = t.target.name();
        switch (t.kind) {
            case POINTER, REFERENCE -> {
                String sigil = tag == Dw.TAG_REFERENCE_TYPE ? "&" : tag == Dw.TAG_RVALUE_REFERENCE_TYPE ? "&&" : "*";
                if (t.target.kind == DwarfType.Kind.FUNCTION && t.target.target != null) {
                    int paren = target.indexOf(" (");
                    return t.target.target.name() + " (" + sigil + ")" + (paren >= 0 ? target.substring(paren + 1) : "()");
                }
                if (t.target.kind == DwarfType.Kind.ARRAY) {
                    int bracket = target.indexOf('[');
                    return bracket < 0 ? target + " (" + sigil + ")" : target.substring(0, bracket) + " (" + sigil + ")" + target.substring(bracket);
                }
                return target.endsWith("*") || target.endsWith("&") ? target + sigil : target + " " + sigil;
            }
            default -> {
                String qualifier = switch (t.kind) {
                    case CONST -> "const";
                    case VOLATILE -> "volatile";
                    case RESTRICT -> "restrict";
                    case ATOMIC -> "_Atomic";
                    default -> "?";
                };
                // A qualified pointer is spelled after the star: char *const.
                return target.endsWith("*") ? target + qualifier : qualifier + " " + target;
            }
        }
    }

    private static DwarfType.Kind kindOf(int tag) {
        return switch (tag) {
            case Dw.TAG_BASE_TYPE -> DwarfType.Kind.BASE;
            case Dw.TAG_UNSPECIFIED_TYPE -> DwarfType.Kind.VOID;
            case Dw.TAG_POINTER_TYPE -> DwarfType.Kind.POINTER;
            case Dw.TAG_REFERENCE_TYPE, Dw.TAG_RVALUE_REFERENCE_TYPE -> DwarfType.Kind.REFERENCE;
            case Dw.TAG_CONST_TYPE -> DwarfType.Kind.CONST;
            case Dw.TAG_VOLATILE_TYPE -> DwarfType.Kind.VOLATILE;
            case Dw.TAG_RESTRICT_TYPE -> DwarfType.Kind.RESTRICT;
            case Dw.TAG_ATOMIC_TYPE -> DwarfType.Kind.ATOMIC;
            case Dw.TAG_TYPEDEF -> DwarfType.Kind.TYPEDEF;
            case Dw.TAG_ARRAY_TYPE -> DwarfType.Kind.ARRAY;
            case Dw.TAG_STRUCTURE_TYPE -> DwarfType.Kind.STRUCT;
            case Dw.TAG_UNION_TYPE -> DwarfType.Kind.UNION;
            case Dw.TAG_CLASS_TYPE -> DwarfType.Kind.CLASS;
            case Dw.TAG_ENUMERATION_TYPE -> DwarfType.Kind.ENUM;
            case Dw.TAG_SUBROUTINE_TYPE -> DwarfType.Kind.FUNCTION;
            default -> DwarfType.Kind.UNKNOWN;
        };
    }
}
