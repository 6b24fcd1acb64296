package org.wasmlang.launcher.wast;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads script text into s-expressions, dropping comments. Nesting uses an explicit stack so
 * that deeply nested text modules cannot overflow the Java stack.
 */
final class SExprReader {
    private final String text;
    private final String fileName;
    private int pos;
    private int line = 1;
    private int lineStart;

    private SExprReader(String text, String fileName) {
        this.text = text;
        this.fileName = fileName;
    }

    /** Returns the top-level nodes of the whole text. */
    static List<SExpr> readAll(String text, String fileName) throws WastSyntaxException {
        return new SExprReader(text, fileName).readTopLevel();
    }

    /** A list still being read. */
    private record OpenList(int line, int column, List<SExpr> items) {
    }

    private List<SExpr> readTopLevel() throws WastSyntaxException {
        List<SExpr> topLevel = new ArrayList<>();
        Deque<OpenList> open = new ArrayDeque<>();
        while (true) {
            skipSpaceAndComments();
            List<SExpr> target = open.isEmpty() ? topLevel : open.peek().items();
            if (pos >= text.length()) {
                if (!open.isEmpty()) {
                    OpenList unclosed = open.peek();
                    throw new WastSyntaxException(fileName, unclosed.line(), unclosed.column(),
                                    "'(' is never closed");
                }
                return topLevel;
            }
            char c = text.charAt(pos);
            if (c == '(') {
                open.push(new OpenList(line, column(), new ArrayList<>()));
                pos++;
            } else if (c == ')') {
                if (open.isEmpty()) {
                    throw error("unexpected ')'");
                }
                OpenList done = open.pop();
                pos++;
                List<SExpr> parent = open.isEmpty() ? topLevel : open.peek().items();
                parent.add(new SExpr.Parens(done.line(), done.column(), done.items()));
            } else if (c == '"') {
                target.add(readString());
            } else {
                target.add(readAtom());
            }
        }
    }

    private int column() {
        return pos - lineStart + 1;
    }

    private WastSyntaxException error(String message) {
        return new WastSyntaxException(fileName, line, column(), message);
    }

    private void newLineAt(int newlinePos) {
        line++;
        lineStart = newlinePos + 1;
    }

    private void skipSpaceAndComments() throws WastSyntaxException {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                newLineAt(pos);
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == ';') {
                if (!text.startsWith(";;", pos)) {
                    throw error(text.startsWith(";)", pos) ? "';)' outside a block comment" : "unexpected ';'");
                }
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '(' && text.startsWith("(;", pos)) {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    /** Block comments nest: each "(;" needs its own ";)". */
    private void skipBlockComment() throws WastSyntaxException {
        int startLine = line;
        int startColumn = column();
        int depth = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '(' && text.startsWith("(;", pos)) {
                depth++;
                pos += 2;
            } else if (c == ';' && text.startsWith(";)", pos)) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                if (c == '\n') {
                    newLineAt(pos);
                }
                pos++;
            }
        }
        throw new WastSyntaxException(fileName, startLine, startColumn, "block comment is never closed");
    }

    private SExpr.Atom readAtom() {
        int start = pos;
        int startColumn = column();
        while (pos < text.length() && !endsAtom(text.charAt(pos))) {
            pos++;
        }
        return new SExpr.Atom(line, startColumn, text.substring(start, pos));
    }

    private static boolean endsAtom(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'
                        || c == '(' || c == ')' || c == '"' || c == ';';
    }

    private SExpr.Text readString() throws WastSyntaxException {
        int startLine = line;
        int startColumn = column();
        ByteSink bytes = new ByteSink();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw new WastSyntaxException(fileName, startLine, startColumn, "string is never closed");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return new SExpr.Text(startLine, startColumn, bytes.toArray());
            } else if (c == '\\') {
                readEscape(bytes);
            } else if (c < 0x20 || c == 0x7f) {
                if (c == '\n') {
                    throw new WastSyntaxException(fileName, startLine, startColumn, "string is never closed");
                }
                throw error("control character in string");
            } else if (c < 0x80) {
                bytes.add(c);
                pos++;
            } else {
                int codePoint = text.codePointAt(pos);
                bytes.addUtf8(codePoint);
                pos += Character.charCount(codePoint);
            }
        }
    }

    private void readEscape(ByteSink bytes) throws WastSyntaxException {
        if (pos + 1 >= text.length()) {
            throw error("unfinished escape");
        }
        char c = text.charAt(pos + 1);
        switch (c) {
            case 't' -> bytes.add('\t');
            case 'n' -> bytes.add('\n');
            case 'r' -> bytes.add('\r');
            case '"', '\'', '\\' -> bytes.add(c);
            case 'u' -> {
                readUnicodeEscape(bytes);
                return;
            }
            default -> {
                int high = pos + 2 < text.length() ? Digits.value(c) : -1;
                int low = high < 0 ? -1 : Digits.value(text.charAt(pos + 2));
                if (low < 0) {
                    throw error("unknown escape '\\" + c + "'");
                }
                bytes.add(high * 16 + low);
                pos += 3;
                return;
            }
        }
        pos += 2;
    }

    /** \\u{hex}: a Unicode scalar value stored as UTF-8. */
    private void readUnicodeEscape(ByteSink bytes) throws WastSyntaxException {
        int open = pos + 2;
        int close = text.indexOf('}', open);
        if (!text.startsWith("{", open) || close < 0) {
            throw error("malformed \\u escape");
        }
        String hex = text.substring(open + 1, close);
        int codePoint;
        try {
            codePoint = Integer.parseInt(Digits.strip(hex, 16), 16);
        } catch (NumberFormatException e) {
            throw error("malformed \\u escape");
        }
        if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint < 0xe000)) {
            throw error("\\u escape is not a Unicode scalar value");
        }
        bytes.addUtf8(codePoint);
        pos = close + 1;
    }
}
