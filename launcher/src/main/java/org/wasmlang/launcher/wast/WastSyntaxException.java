package org.wasmlang.launcher.wast;

/** A script that does not follow the .wast grammar; the message starts with file:line:column. */
public final class WastSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final int line;
    private final int column;

    public WastSyntaxException(String fileName, int line, int column, String message) {
        super(fileName + ":" + line + ":" + column + ": " + message);
        this.fileName = fileName;
        this.line = line;
        this.column = column;
    }

    public String fileName() {
        return fileName;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
