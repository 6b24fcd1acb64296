package org.wasmlang.module;

/** What an import or export refers to, with its binary encoding. */
public enum ExternKind {
    FUNC(0, "func"),
    TABLE(1, "table"),
    MEMORY(2, "memory"),
    GLOBAL(3, "global"),
    TAG(4, "tag");

    private final int code;
    private final String text;

    ExternKind(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    /** The text-format keyword, as the JS API's {@code kind} strings use it. */
    public String text() {
        return text;
    }

    /** The kind for a binary code, or null when there is none. */
    public static ExternKind fromCode(int code) {
        for (ExternKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        return null;
    }
}
