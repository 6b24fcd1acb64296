package org.wasmlang.module;

/**
 * Value types as plain ints, so the validator's operand stack is an {@code int[]} and
 * needs no allocation per instruction.
 *
 * <p>Numeric types and abstract heap types use their binary encoding byte. A reference
 * type adds {@link #NULLABLE}; a reference to a defined type (Wasm 3.0) sets
 * {@link #CONCRETE} and keeps the type index above bit 10. {@link #UNKNOWN} is the
 * "bottom" type the polymorphic stack yields after {@code unreachable}.
 */
public final class ValueType {
    public static final int UNKNOWN = 0;

    public static final int I32 = 0x7F;
    public static final int I64 = 0x7E;
    public static final int F32 = 0x7D;
    public static final int F64 = 0x7C;
    public static final int V128 = 0x7B;

    /** Abstract heap types (the low byte of a reference type). */
    public static final int HEAP_FUNC = 0x70;
    public static final int HEAP_EXTERN = 0x6F;
    /** Exception references (exception handling, Wasm 3.0). */
    public static final int HEAP_EXN = 0x69;
    /** The bottom of the exception hierarchy: only null. */
    public static final int HEAP_NOEXN = 0x74;

    public static final int NULLABLE = 0x100;
    public static final int CONCRETE = 0x200;
    private static final int INDEX_SHIFT = 10;
    /**
     * The type index that stands for "the type being defined" in canonical forms of types
     * that refer to themselves (each type is its own recursion group without GC).
     */
    public static final int SELF_INDEX = (1 << 21) - 1;

    public static final int FUNCREF = HEAP_FUNC | NULLABLE;
    public static final int EXTERNREF = HEAP_EXTERN | NULLABLE;
    public static final int EXNREF = HEAP_EXN | NULLABLE;
    public static final int NULLEXNREF = HEAP_NOEXN | NULLABLE;

    private ValueType() {
    }

    public static boolean isNumeric(int type) {
        return type == I32 || type == I64 || type == F32 || type == F64;
    }

    public static boolean isVector(int type) {
        return type == V128;
    }

    public static boolean isReference(int type) {
        return (type & (NULLABLE | CONCRETE)) != 0 || type == HEAP_FUNC || type == HEAP_EXTERN || type == HEAP_EXN
                        || type == HEAP_NOEXN;
    }

    public static boolean isNullable(int type) {
        return (type & NULLABLE) != 0;
    }

    /** Whether a local of this type has a default value (all but non-nullable references). */
    public static boolean isDefaultable(int type) {
        return !isReference(type) || isNullable(type);
    }

    /** A reference to the defined type with this index (typed function references, GC). */
    public static int concreteReference(int typeIndex, boolean nullable) {
        return (typeIndex << INDEX_SHIFT) | CONCRETE | (nullable ? NULLABLE : 0);
    }

    /** Whether this is a reference to a defined type, {@code (ref null? $t)}. */
    public static boolean isConcrete(int type) {
        return (type & CONCRETE) != 0;
    }

    /** The type index of a concrete reference type. */
    public static int typeIndex(int type) {
        return type >>> INDEX_SHIFT;
    }

    /** The same reference type with the other index (a concrete one), nullability kept. */
    public static int withTypeIndex(int type, int typeIndex) {
        return concreteReference(typeIndex, isNullable(type));
    }

    /** The reference type without its null: {@code (ref ht)} for {@code (ref null ht)}. */
    public static int nonNullable(int type) {
        return type & ~NULLABLE;
    }

    /** Whether values of this reference type are functions (or null): func and defined types. */
    public static boolean isFunctionReference(int type) {
        return isConcrete(type) || (type & ~NULLABLE) == HEAP_FUNC;
    }

    /**
     * Whether a value of type {@code actual} may stand where {@code expected} is wanted.
     * Defined (function) types are final without GC, so a concrete type is a subtype only of
     * itself and of {@code func}; type indices must be canonical (equivalent types share one
     * index, see {@code ModuleDecoder}), or the ids of the runtime's type registry.
     */
    public static boolean isSubtype(int actual, int expected) {
        if (actual == expected || actual == UNKNOWN) {
            return true;
        }
        if (!isReference(actual) || !isReference(expected)) {
            return false;
        }
        if (isNullable(actual) && !isNullable(expected)) {
            return false;
        }
        int actualHeap = actual & ~NULLABLE;
        int expectedHeap = expected & ~NULLABLE;
        return actualHeap == expectedHeap || (isConcrete(actual) && expectedHeap == HEAP_FUNC)
                        || (actualHeap == HEAP_NOEXN && expectedHeap == HEAP_EXN);
    }

    /** The spelling of the text format, for error messages. */
    public static String name(int type) {
        switch (type) {
            case UNKNOWN:
                return "unknown";
            case I32:
                return "i32";
            case I64:
                return "i64";
            case F32:
                return "f32";
            case F64:
                return "f64";
            case V128:
                return "v128";
            case FUNCREF:
                return "funcref";
            case EXTERNREF:
                return "externref";
            case HEAP_FUNC:
                return "(ref func)";
            case HEAP_EXTERN:
                return "(ref extern)";
            case EXNREF:
                return "exnref";
            case HEAP_EXN:
                return "(ref exn)";
            case NULLEXNREF:
                return "nullexnref";
            case HEAP_NOEXN:
                return "(ref noexn)";
            default:
                if ((type & CONCRETE) != 0) {
                    return "(ref " + (isNullable(type) ? "null " : "") + (type >>> INDEX_SHIFT) + ")";
                }

                return "type 0x" + Integer.toHexString(type);
        }
    }
}
