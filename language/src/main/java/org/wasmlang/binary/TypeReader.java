package org.wasmlang.binary;

import org.wasmlang.module.Features;
import org.wasmlang.module.ValueType;
import org.wasmlang.validation.ErrorMessage;

/**
 * Decodes value types, reference types and heap types. With typed function references
 * a reference type is also {@code 0x64 ht} ({@code (ref ht)}) or {@code 0x63 ht}
 * ({@code (ref null ht)}), where the heap type {@code ht} is {@code func}, {@code extern}
 * or a type index; the index is returned as is (the validator checks it, and the module
 * decoder maps it to its canonical index, see {@code ModuleDecoder}). GC's abstract heap
 * types are an unsupported feature.
 */
public final class TypeReader {
    /** The prefix of {@code (ref null ht)}. */
    public static final int REF_NULL_PREFIX = 0x63;
    /** The prefix of {@code (ref ht)}. */
    public static final int REF_PREFIX = 0x64;

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
                return reference(r, b, at, ErrorMessage.MALFORMED_VALUE_TYPE, features);
        }
    }

    /** A reference type (table element types, typed select of references, elem kinds). */
    public static int referenceType(BinaryReader r, Features features) {
        int at = r.position();
        return reference(r, r.u8(), at, ErrorMessage.MALFORMED_REFERENCE_TYPE, features);
    }

    /** The reference type encoded by byte {@code b}, or {@code otherwise} as a malformed error. */
    private static int reference(BinaryReader r, int b, int at, ErrorMessage otherwise, Features features) {
        switch (b) {
            case ValueType.HEAP_FUNC:
                return ValueType.FUNCREF;
            case ValueType.HEAP_EXTERN:
                return ValueType.EXTERNREF;
            case REF_NULL_PREFIX:
            case REF_PREFIX:
                if (!features.typedFunctionReferences()) {
                    throw unsupportedTypedReferences(r, at);
                }
                return typedReference(r, b == REF_NULL_PREFIX, features);
            case ValueType.HEAP_EXN:
            case ValueType.HEAP_NOEXN:
                if (features.exceptions()) {
                    return b | ValueType.NULLABLE;
                }
                if (features.typedFunctionReferences()) {
                    throw unsupportedGc(r, at);
                }
                throw r.malformed(otherwise, "0x" + Integer.toHexString(b), at);
            default:
                if (features.typedFunctionReferences() && isGcAbstractHeapType(b)) {
                    throw unsupportedGc(r, at);
                }
                throw r.malformed(otherwise, "0x" + Integer.toHexString(b), at);
        }
    }

    /** The heap type after a 0x63/0x64 prefix, as a reference type. */
    public static int typedReference(BinaryReader r, boolean nullable, Features features) {
        int at = r.position();
        long heap = r.s33();
        int type = heap(r, heap, at, features);
        return nullable ? type | ValueType.NULLABLE : type;
    }

    /** A heap type as the non-nullable reference type to it. */
    private static int heap(BinaryReader r, long heap, int at, Features features) {
        if (heap >= 0) {
            if (heap > (Integer.MAX_VALUE >>> 11)) {
                // Beyond any type index the encoding can hold; the validator reports it unknown.
                return ValueType.concreteReference(Integer.MAX_VALUE >>> 11, false);
            }
            return ValueType.concreteReference((int) heap, false);
        }
        int code = (int) (heap & 0x7F);
        if (code == ValueType.HEAP_FUNC || code == ValueType.HEAP_EXTERN) {
            return code;
        }
        if (features.exceptions() && heap >= -0x40 && (code == ValueType.HEAP_EXN || code == ValueType.HEAP_NOEXN)) {
            return code;
        }
        if (heap >= -0x40 && isGcAbstractHeapType(code)) {
            throw unsupportedGc(r, at);
        }
        throw r.malformed(ErrorMessage.MALFORMED_REFERENCE_TYPE, "(heap type " + heap + ")", at);
    }

    /** The heap type of {@code ref.null}, returned as the nullable reference type. */
    public static int heapType(BinaryReader r, Features features) {
        int at = r.position();
        int b = r.peek();
        if (features.typedFunctionReferences()) {
            long heap = r.s33();
            return heap(r, heap, at, features) | ValueType.NULLABLE;
        }
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

    /** any, eq, i31, struct, array, none, noextern, nofunc, exn, noexn. */
    private static boolean isGcAbstractHeapType(int b) {
        return (b >= 0x69 && b <= 0x6E) || (b >= 0x71 && b <= 0x74);
    }

    private static RuntimeException unsupportedTypedReferences(BinaryReader r, int at) {
        return r.malformed(ErrorMessage.UNSUPPORTED_FEATURE, "typed function references (Wasm 3.0)", at);
    }

    private static RuntimeException unsupportedGc(BinaryReader r, int at) {
        return r.malformed(ErrorMessage.UNSUPPORTED_FEATURE, "GC reference types (GC or exception handling, Wasm 3.0)", at);
    }
}
