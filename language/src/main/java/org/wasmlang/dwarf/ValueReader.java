package org.wasmlang.dwarf;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.wasmlang.dwarf.LocationEvaluator.Location;

/** Reads a variable's value at a pc from a paused frame into a {@link DwarfValue} tree. */
final class ValueReader {
    static final int MAX_DEPTH = 6;
    static final int MAX_CHILDREN = 100;
    static final int MAX_STRING = 256;

    /** Where a value's bytes come from; {@link #at} returns -1 for a byte it cannot read. */
    private interface Bytes {
        int at(long offset);

        default Bytes plus(long delta) {
            Bytes outer = this;
            return offset -> outer.at(offset + delta);
        }
    }

    private final Unit unit;
    private final MachineState state;
    private final LocationEvaluator evaluator;

    private ValueReader(Unit unit, MachineState state) {
        this.unit = unit;
        this.state = state;
        this.evaluator = new LocationEvaluator(unit, state);
    }

    static DwarfValue read(Variable v, long pc, MachineState state) {
        String name = v.name() == null ? "?" : v.name();
        try {
            ValueReader reader = new ValueReader(v.die.unit, state);
            Location location = reader.locate(v, pc);
            Bytes bytes = switch (location.kind()) {
                case UNAVAILABLE -> null;
                case MEMORY -> reader.memory(location.address());
                case VALUE -> littleEndian(location.bits());
                case BYTES -> array(location.bytes());
            };
            if (bytes == null) {
                return DwarfValue.unavailable(name, v.typeName(), location.unavailable());
            }
            return reader.value(name, v.type(), bytes, 0);
        } catch (LocationEvaluator.Unsupported | MachineState.Unavailable | DwarfFormatException e) {
            return DwarfValue.unavailable(name, v.typeName(), e.getMessage());
        }
    }

    private Location locate(Variable v, long pc) throws LocationEvaluator.Unsupported {
        Object constant = v.die.inherited(Dw.AT_CONST_VALUE);
        if (constant instanceof Long l) {
            return new Location(Location.Kind.VALUE, 0, l, null, null);
        }
        if (constant instanceof byte[] b) {
            return new Location(Location.Kind.BYTES, 0, 0, b, null);
        }
        Object where = v.die.get(Dw.AT_LOCATION);
        if (where == null) {
            return Location.unavailable("optimized out");
        }
        byte[] expression = expressionAt(where, pc);
        if (expression == null) {
            return Location.unavailable("optimized out here");
        }
        Subprogram sub = v.subprogram();
        LocationEvaluator.FrameBase frameBase = sub == null ? null : () -> frameBase(sub, pc);
        return evaluator.evaluate(expression, frameBase);
    }

    private byte[] expressionAt(Object where, long pc) {
        return where instanceof byte[] b ? b : unit.locationAt(where, pc);
    }

    private long frameBase(Subprogram sub, long pc) throws LocationEvaluator.Unsupported {
        Object where = sub.die.inherited(Dw.AT_FRAME_BASE);
        if (where == null) {
            throw new LocationEvaluator.Unsupported("the function has no frame base");
        }
        byte[] expression = sub.die.unit.locationAt(where, pc);
        if (where instanceof byte[] b) {
            expression = b;
        }
        if (expression == null) {
            throw new LocationEvaluator.Unsupported("no frame base here");
        }
        Location base = new LocationEvaluator(sub.die.unit, state).evaluate(expression, null);
        return switch (base.kind()) {
            case MEMORY -> base.address();
            case VALUE -> base.bits();
            default -> throw new LocationEvaluator.Unsupported("unsupported frame base");
        };
    }

    private Bytes memory(long address) {
        return offset -> state.memoryByte(evaluator.memoryAddress(address + offset));
    }

    private static Bytes littleEndian(long bits) {
        return offset -> offset >= 0 && offset < 8 ? (int) (bits >>> (8 * offset)) & 0xFF : -1;
    }

    private static Bytes array(byte[] b) {
        return offset -> offset >= 0 && offset < b.length ? b[(int) offset] & 0xFF : -1;
    }

    /** {@code size} bytes as a little-endian number, or null when any is unreadable. */
    private static Long number(Bytes bytes, int size) {
        long v = 0;
        for (int i = 0; i < size; i++) {
            int b = bytes.at(i);
            if (b < 0) {
                return null;
            }
            v |= (long) b << (8 * i);
        }
        return v;
    }

    private DwarfValue value(String name, DwarfType type, Bytes bytes, int depth) {
        String typeName = type.name();
        DwarfType r = type.resolved();
        if (r == null) {
            return DwarfValue.unavailable(name, typeName, "type not shown");
        }
        switch (r.kind) {
            case BASE, ENUM -> {
                long size = r.byteSize;
                if (size != 1 && size != 2 && size != 4 && size != 8) {
                    return DwarfValue.unavailable(name, typeName, size + "-byte values not shown");
                }
                Long bits = number(bytes, (int) size);
                if (bits == null) {
                    return DwarfValue.unavailable(name, typeName, "unreadable");
                }
                return r.kind == DwarfType.Kind.ENUM ? enumValue(name, typeName, r, bits) : baseValue(name, typeName, r, bits);
            }
            case POINTER, REFERENCE -> {
                int size = r.byteSize == 8 ? 8 : r.byteSize == 4 ? 4 : unit.addressSize;
                Long address = number(bytes, size);
                if (address == null) {
                    return DwarfValue.unavailable(name, typeName, "unreadable");
                }
                String display = hexAddress(address);
                if (r.target != null && r.target.isCharacter()) {
                    display += address == 0 ? " NULL" : " " + preview(memory(address), MAX_STRING, false);
                }
                return new DwarfValue(name, typeName, address, display, List.of(), null);
            }
            case ARRAY -> {
                DwarfType element = r.target;
                long elementSize = element == null ? -1 : element.size();
                if (element == null || elementSize <= 0) {
                    return DwarfValue.unavailable(name, typeName, "array of unknown element size");
                }
                long count = r.count < 0 ? 0 : r.count;
                String prefix = element.isCharacter() ? preview(bytes, Math.min(count, MAX_STRING), true) : null;
                if (depth >= MAX_DEPTH) {
                    return new DwarfValue(name, typeName, null, prefix != null ? prefix : "[...]", List.of(), null);
                }
                List<DwarfValue> children = new ArrayList<>();
                for (long i = 0; i < count && i < MAX_CHILDREN; i++) {
                    children.add(value("[" + i + "]", element, bytes.plus(i * elementSize), depth + 1));
                }
                String display = prefix != null ? prefix : summary(children, count, true);
                return new DwarfValue(name, typeName, null, display, children, null);
            }
            case STRUCT, UNION, CLASS -> {
                if (depth >= MAX_DEPTH) {
                    return new DwarfValue(name, typeName, null, "{...}", List.of(), null);
                }
                List<DwarfValue> children = new ArrayList<>();
                for (DwarfType.Member m : r.members) {
                    if (children.size() >= MAX_CHILDREN) {
                        break;
                    }
                    String memberName = m.name() == null ? "<anonymous>" : m.name();
                    if (m.bitField()) {
                        children.add(DwarfValue.unavailable(memberName, m.type().name(), "bit-field not shown"));
                    } else if (m.offset() < 0) {
                        children.add(DwarfValue.unavailable(memberName, m.type().name(), "computed member location not shown"));
                    } else {
                        children.add(value(memberName, m.type(), bytes.plus(m.offset()), depth + 1));
                    }
                }
                return new DwarfValue(name, typeName, null, summary(children, children.size(), false), children, null);
            }
            default -> {
                return DwarfValue.unavailable(name, typeName, "type not shown");
            }
        }
    }

    private static DwarfValue baseValue(String name, String typeName, DwarfType r, long bits) {
        int size = (int) r.byteSize;
        int shift = 64 - 8 * size;
        long signed = bits << shift >> shift;
        switch (r.encoding) {
            case Dw.ATE_BOOLEAN -> {
                return new DwarfValue(name, typeName, bits != 0, bits != 0 ? "true" : "false", List.of(), null);
            }
            case Dw.ATE_FLOAT -> {
                if (size == 4) {
                    float f = Float.intBitsToFloat((int) bits);
                    return new DwarfValue(name, typeName, f, Float.toString(f), List.of(), null);
                }
                if (size == 8) {
                    double d = Double.longBitsToDouble(bits);
                    return new DwarfValue(name, typeName, d, Double.toString(d), List.of(), null);
                }
                return DwarfValue.unavailable(name, typeName, size + "-byte floats not shown");
            }
            case Dw.ATE_SIGNED, Dw.ATE_SIGNED_CHAR -> {
                Object value = switch (size) {
                    case 1 -> (byte) signed;
                    case 2 -> (short) signed;
                    case 4 -> (int) signed;
                    default -> signed;
                };
                String display = Long.toString(signed);
                if (r.encoding == Dw.ATE_SIGNED_CHAR) {
                    display += " " + charLiteral((int) bits);
                }
                return new DwarfValue(name, typeName, value, display, List.of(), null);
            }
            case Dw.ATE_UNSIGNED, Dw.ATE_UNSIGNED_CHAR -> {
                Object value = switch (size) {
                    case 1 -> (short) bits;
                    case 2 -> (int) bits;
                    case 4 -> bits;
                    default -> new BigInteger(Long.toUnsignedString(bits));
                };
                String display = Long.toUnsignedString(bits);
                if (r.encoding == Dw.ATE_UNSIGNED_CHAR) {
                    display += " " + charLiteral((int) bits);
                }
                return new DwarfValue(name, typeName, value, display, List.of(), null);
            }
            case Dw.ATE_UTF -> {
                int code = (int) bits;
                String shown = Character.isValidCodePoint(code) && !Character.isISOControl(code) ? new String(Character.toChars(code)) : "?";
                return new DwarfValue(name, typeName, code, String.format("U+%04X '%s'", code, shown), List.of(), null);
            }
            default -> {
                return DwarfValue.unavailable(name, typeName, "encoding 0x" + Integer.toHexString(r.encoding) + " not shown");
            }
        }
    }

    private static DwarfValue enumValue(String name, String typeName, DwarfType r, long bits) {
        int shift = 64 - 8 * (int) r.byteSize;
        boolean signed = r.encoding == Dw.ATE_SIGNED || r.encoding == Dw.ATE_SIGNED_CHAR;
        long v = signed ? bits << shift >> shift : bits;
        for (DwarfType.Enumerator e : r.enumerators) {
            if (e.value() == v && e.name() != null) {
                return new DwarfValue(name, typeName, e.name(), e.name(), List.of(), null);
            }
        }
        String number = signed ? Long.toString(v) : Long.toUnsignedString(v);
        return new DwarfValue(name, typeName, number, "(" + typeName + ") " + number, List.of(), null);
    }

    private String hexAddress(long address) {
        return unit.addressSize == 8 ? String.format("0x%016x", address) : String.format("0x%08x", address);
    }

    private static String charLiteral(int code) {
        return "'" + escape(code & 0xFF, '\'') + "'";
    }

    private static String escape(int b, char quote) {
        return switch (b) {
            case 0 -> "\\0";
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '\r' -> "\\r";
            case '\\' -> "\\\\";
            default -> {
                if (b == quote) {
                    yield "\\" + quote;
                }
                yield b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b);
            }
        };
    }

    /**
     * Characters up to a NUL, quoted and escaped. {@code sized}: the bound is the array's
     * length (no "..." when it is reached); otherwise reaching it means the string goes on.
     */
    private static String preview(Bytes bytes, long limit, boolean sized) {
        StringBuilder sb = new StringBuilder("\"");
        for (long i = 0; i < limit; i++) {
            int b = bytes.at(i);
            if (b < 0) {
                return i == 0 ? "<unreadable>" : sb.append("\"...<unreadable>").toString();
            }
            if (b == 0) {
                return sb.append('"').toString();
            }
            sb.append(escape(b, '"'));
        }
        return sb.append(sized ? "\"" : "\"...").toString();
    }

    private static String summary(List<DwarfValue> children, long count, boolean array) {
        StringBuilder sb = new StringBuilder(array ? "[" : "{");
        int shown = 0;
        for (DwarfValue child : children) {
            if (sb.length() > 200) {
                break;
            }
            if (shown++ > 0) {
                sb.append(", ");
            }
            sb.append(array ? child.display() : child.name() + " = " + child.display());
        }
        if (shown < count) {
            sb.append(shown > 0 ? ", ..." : "...");
        }
        return sb.append(array ? "]" : "}").toString();
    }
}
