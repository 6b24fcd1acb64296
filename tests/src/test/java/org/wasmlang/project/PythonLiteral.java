package org.wasmlang.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Python literal subset that mx suite files use: dicts, lists, tuples,
 * strings, numbers, True/False/None and comments. Enough to check suite.py without Python.
 */
final class PythonLiteral {
    private final String text;
    private int pos;

    private PythonLiteral(String text) {
        this.text = text;
    }

    /** Parses the value assigned by {@code NAME = <literal>} in a source file. */
    static Object parseAssignment(String source, String name) {
        PythonLiteral parser = new PythonLiteral(source);
        parser.skipSpace();
        parser.expectWord(name);
        parser.skipSpace();
        parser.expect('=');
        Object value = parser.value();
        parser.skipSpace();
        if (parser.pos != source.length()) {
            throw parser.error("unexpected text after the literal");
        }
        return value;
    }

    private Object value() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return dict();
            case '[':
                return list('[', ']');
            case '(':
                return list('(', ')');
            case '"':
            case '\'':
                return string();
            default:
                if (c == '-' || Character.isDigit(c)) {
                    return number();
                }
                return constant();
        }
    }

    private Map<Object, Object> dict() {
        expect('{');
        Map<Object, Object> map = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            Object key = value();
            skipSpace();
            expect(':');
            Object previous = map.put(key, value());
            if (previous != null) {
                throw error("duplicate key " + key);
            }
            if (!comma('}')) {
                return map;
            }
        }
    }

    private List<Object> list(char open, char close) {
        expect(open);
        List<Object> list = new ArrayList<>();
        while (true) {
            skipSpace();
            if (peek() == close) {
                pos++;
                return list;
            }
            list.add(value());
            if (!comma(close)) {
                return list;
            }
        }
    }

    /** After an element: true when another may follow, false when the closing bracket was read. */
    private boolean comma(char close) {
        skipSpace();
        if (peek() == ',') {
            pos++;
            return true;
        }
        expect(close);
        return false;
    }

    private String string() {
        char quote = text.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != quote) {
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                c = text.charAt(pos++);
            }
            sb.append(c);
        }
        expect(quote);
        return sb.toString();
    }

    private Object number() {
        int start = pos;
        pos++;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        String digits = text.substring(start, pos);
        return digits.contains(".") ? (Object) Double.parseDouble(digits) : (Object) Long.decode(digits);
    }

    private Object constant() {
        if (tryWord("True")) {
            return Boolean.TRUE;
        } else if (tryWord("False")) {
            return Boolean.FALSE;
        } else if (tryWord("None")) {
            return null;
        }
        throw error("not a literal");
    }

    private boolean tryWord(String word) {
        if (text.startsWith(word, pos)) {
            pos += word.length();
            return true;
        }
        return false;
    }

    private void expectWord(String word) {
        if (!tryWord(word)) {
            throw error("expected " + word);
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) {
        skipSpace();
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else {
                return;
            }
        }
    }

    private IllegalArgumentException error(String message) {
        int line = 1;
        for (int i = 0; i < pos && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return new IllegalArgumentException("suite.py line " + line + ": " + message);
    }
}
