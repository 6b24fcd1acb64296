package org.wasmlang.binary;

import org.wasmlang.module.Features;
import org.wasmlang.module.ValueType;
import org.wasmlang.validation.ErrorMessage;

/** Decodes value types, reference types and heap types. */
public final class TypeReader {
    private TypeReader() {
    }

    public static int valueType(BinaryReader r, Features features) {
        int at = r.position();
        int b = r.u8();
        switch (b) {
            case ValueType.I32:
            case ValueType.I64:
            case ValueType.F32:
            case ValueType.F64:
            case ValueType.V128:
                return b;
            default:
                return reference(r, b, at, ErrorMessage.MALFORMED_VALUE_TYPE);
        }
    }

    /** A reference type (table element types, typed select of references, elem kinds). */
    public static int referenceType(BinaryReader r, Features features) {
        int at = r.position();
        return reference(r, r.u8(), at, ErrorMessage.MALFORMED_REFERENCE_TYPE);
    }

    /** The reference type encoded by byte {@code b}, or {@code otherwise} as a malformed error. */
    private static int reference(BinaryReader r, int b, int at, ErrorMessage otherwise) {
        switch (b) {
            case ValueType.HEAP_FUNC:
                return ValueType.FUNCREF;
            case ValueType.HEAP_EXTERN:
                return ValueType.EXTERNREF;
            case 0x63:
            case 0x64:
                throw unsupportedTypedReferences(r, at);
            default:
                throw r.malformed(otherwise, "0x" + Integer.toHexString(b), at);
        }
    }

    /** The heap type of {@code ref.null}, returned as the nullable reference type. */
    public static int heapType(BinaryReader r, Features features) {
        int at = r.position();
        int b = r.peek();
        if (b == ValueType.HEAP_FUNC || b == ValueType.HEAP_EXTERN) {
            r.u8();
            return b | ValueType.NULLABLE;
        }
        if (b >= 0 && (b & 0x80) == 0 && b < 0x40) {
            // A type index (typed function references / GC).
            throw unsupportedTypedReferences(r, at);
        }
        r.u8();
        throw r.malformed(ErrorMessage.MALFORMED_REFERENCE_TYPE, "0x" + Integer.toHexString(b), at);
    }

    private static RuntimeException unsupportedTypedReferences(BinaryReader r, int at) {
        return r.malformed(ErrorMessage.UNSUPPORTED_FEATURE, "typed function references (Wasm 3.0)", at);
    }
}
