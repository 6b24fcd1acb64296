package org.wasmlang.runtime;

/** The spec's trap messages (the spec tests match them as prefixes). */
public enum TrapKind {
    UNREACHABLE("unreachable"),
    MEMORY_OUT_OF_BOUNDS("out of bounds memory access"),
    TABLE_OUT_OF_BOUNDS("out of bounds table access"),
    UNDEFINED_ELEMENT("undefined element"),
    UNINITIALIZED_ELEMENT("uninitialized element"),
    INDIRECT_CALL_TYPE_MISMATCH("indirect call type mismatch"),
    INTEGER_DIVIDE_BY_ZERO("integer divide by zero"),
    INTEGER_OVERFLOW("integer overflow"),
    INVALID_CONVERSION_TO_INTEGER("invalid conversion to integer"),
    CALL_STACK_EXHAUSTED("call stack exhausted"),
    NULL_REFERENCE("null reference"),
    NULL_FUNCTION_REFERENCE("null function reference"),
    NULL_EXCEPTION_REFERENCE("null exception reference"),
    OUT_OF_MEMORY("out of memory"),
    /** Not the spec's: {@code wasmlang.CallTimeLimit} ended the call. */
    CALL_TIME_LIMIT("call time limit exceeded:");

    private final String message;

    TrapKind(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }
}
