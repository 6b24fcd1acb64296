package org.wasmlang.validation;

/**
 * Every error message the spec test suite expects, spelled as the reference interpreter
 * spells them (a test passes when its expected text is a prefix of ours). One enum, so a
 * message is written once and grep finds every place that raises it.
 */
public enum ErrorMessage {
    // Malformed: the bytes are not a module.
    MAGIC_HEADER_NOT_DETECTED("magic header not detected"),
    UNKNOWN_BINARY_VERSION("unknown binary version"),
    UNEXPECTED_END("unexpected end"),
    UNEXPECTED_END_OF_SECTION("unexpected end of section or function"),
    UNEXPECTED_CONTENT_AFTER_LAST_SECTION("unexpected content after last section"),
    MALFORMED_SECTION_ID("malformed section id"),
    SECTION_SIZE_MISMATCH("section size mismatch"),
    INTEGER_TOO_LARGE("integer too large"),
    INTEGER_REPRESENTATION_TOO_LONG("integer representation too long"),
    MALFORMED_UTF8("malformed UTF-8 encoding"),
    LENGTH_OUT_OF_BOUNDS("length out of bounds"),
    ZERO_BYTE_EXPECTED("zero byte expected"),
    MALFORMED_IMPORT_KIND("malformed import kind"),
    MALFORMED_EXPORT_KIND("malformed export kind"),
    MALFORMED_MUTABILITY("malformed mutability"),
    MALFORMED_REFERENCE_TYPE("malformed reference type"),
    MALFORMED_VALUE_TYPE("malformed value type"),
    MALFORMED_LIMITS_FLAGS("malformed limits flags"),
    MALFORMED_ELEMENTS_SEGMENT_KIND("malformed elements segment kind"),
    MALFORMED_DATA_SEGMENT_KIND("malformed data segment kind"),
    MALFORMED_MEMOP_FLAGS("malformed memop flags"),
    MALFORMED_FUNCTION_TYPE("malformed function type"),
    ILLEGAL_OPCODE("illegal opcode"),
    END_OPCODE_EXPECTED("END opcode expected"),
    TOO_MANY_LOCALS("too many locals"),
    FUNCTION_AND_CODE_INCONSISTENT("function and code section have inconsistent lengths"),
    DATA_COUNT_AND_DATA_INCONSISTENT("data count and data section have inconsistent lengths"),
    DATA_COUNT_SECTION_REQUIRED("data count section required"),
    UNSUPPORTED_FEATURE("unsupported feature:"),
    MALFORMED_CATCH_CLAUSE("malformed catch clause"),

    // Invalid: a well-formed module that breaks a typing or structural rule.
    TYPE_MISMATCH("type mismatch"),
    UNKNOWN_TYPE("unknown type"),
    UNKNOWN_LOCAL("unknown local"),
    UNKNOWN_GLOBAL("unknown global"),
    UNKNOWN_FUNCTION("unknown function"),
    UNKNOWN_TABLE("unknown table"),
    UNKNOWN_MEMORY("unknown memory"),
    UNKNOWN_LABEL("unknown label"),
    UNKNOWN_DATA_SEGMENT("unknown data segment"),
    UNKNOWN_ELEM_SEGMENT("unknown elem segment"),
    UNKNOWN_TAG("unknown tag"),
    INVALID_RESULT_ARITY("invalid result arity"),
    ALIGNMENT_TOO_LARGE("alignment must not be larger than natural"),
    INVALID_LANE_INDEX("invalid lane index"),
    CONSTANT_EXPRESSION_REQUIRED("constant expression required"),
    GLOBAL_IS_IMMUTABLE("global is immutable"),
    /** Wasm 3.0's wording of {@link #GLOBAL_IS_IMMUTABLE}. */
    IMMUTABLE_GLOBAL("immutable global"),
    OFFSET_OUT_OF_RANGE("offset out of range"),
    DUPLICATE_EXPORT_NAME("duplicate export name"),
    START_FUNCTION("start function"),
    MULTIPLE_MEMORIES("multiple memories"),
    MEMORY_SIZE_TOO_LARGE("memory size must be at most 65536 pages (4GiB)"),
    MEMORY64_SIZE_TOO_LARGE("memory size must be at most 2^48 pages (256TiB)"),
    TABLE_SIZE_TOO_LARGE("table size must be at most 2^32-1"),
    SIZE_MINIMUM_GREATER_THAN_MAXIMUM("size minimum must not be greater than maximum"),
    UNDECLARED_FUNCTION_REFERENCE("undeclared function reference"),
    UNINITIALIZED_LOCAL("uninitialized local"),
    SHARED_MEMORY_MUST_HAVE_MAXIMUM("shared memory must have maximum"),
    NON_EMPTY_TAG_RESULT("non-empty tag result type"),
    INVALID_RETHROW_LABEL("invalid rethrow label");

    private final String text;

    ErrorMessage(String text) {
        this.text = text;
    }

    /** The spec's wording. */
    public String text() {
        return text;
    }

    /** Whether this is a decoding (malformed) error rather than a validation (invalid) one. */
    public boolean isMalformed() {
        return ordinal() < TYPE_MISMATCH.ordinal();
    }

    /** The error whose wording begins a message (the longest match), or null. */
    public static ErrorMessage ofMessage(String message) {
        ErrorMessage best = null;
        for (ErrorMessage error : values()) {
            if (message.startsWith(error.text) && (best == null || error.text.length() > best.text.length())) {
                best = error;
            }
        }
        return best;
    }
}
