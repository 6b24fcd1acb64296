package org.wasmlang.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads benchmarks/real/programs.json and the {@code *.runs.json} it names, and writes the
 * one-run descriptions the harness hands to Node. Objects are read as LinkedHashMaps (key
 * order kept), arrays as Lists, numbers as Doubles. The tests' JSON reader
 * (org.wasmlang.testing.Json) is test code, which this module cannot see, hence this
 * separate one with only what the harness needs.
 */
final class Json {

    private final String text;
    private int position;

    private Json(String text) {
        this.text = text;
    }

    static Object parse(String text) {
        Json reader = new Json(text);
        Object value = reader.readValue();
        reader.skipWhitespace();
        if (reader.position < text.length()) {
            throw reader.error("unexpected text after the value");
        }
        return value;
    }

    /** JSON text for Maps, Lists and Strings, all the descriptions for Node hold. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        append(value, out);
        return out.toString();
    }

    private static void append(Object value, StringBuilder out) {
        if (value instanceof String string) {
            out.append('"');
            for (char c : string.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(separator);
                append(entry.getKey().toString(), out);
                out.append(": ");
                append(entry.getValue(), out);
                separator = ", ";
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            String separator = "";
            for (Object item : list) {
                out.append(separator);
                append(item, out);
                separator = ", ";
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write " + value + " as JSON");
        }
    }

    private Object readValue() {
        skipWhitespace();
        return switch (peek()) {
            case '{' -> readObject();
            case '[' -> readArray();
            case '"' -> readString();
            case 't' -> readWord("true", Boolean.TRUE);
            case 'f' -> readWord("false", Boolean.FALSE);
            case 'n' -> readWord("null", null);
            default -> readNumber();
        };
    }

    private Map<String, Object> readObject() {
        Map<String, Object> object = new LinkedHashMap<>();
        position++; // {
        if (skip('}')) {
            return object;
        }
        do {
            skipWhitespace();
            if (peek() != '"') {
                throw error("an object key must be a string");
            }
            String key = readString();
            expect(':');
            object.put(key, readValue());
        } while (skip(','));
        expect('}');
        return object;
    }

    private List<Object> readArray() {
        List<Object> array = new ArrayList<>();
        position++; // [
        if (skip(']')) {
            return array;
        }
        do {
            array.add(readValue());
        } while (skip(','));
        expect(']');
        return array;
    }

    private String readString() {
        position++; // opening quote
        StringBuilder string = new StringBuilder();
        for (char c = peek(); c != '"'; c = peek()) {
            position++;
            if (c != '\\') {
                string.append(c);
                continue;
            }
            char escaped = peek();
            position++;
            switch (escaped) {
                case '"', '\\', '/' -> string.append(escaped);
                case 'b' -> string.append('\b');
                case 'f' -> string.append('\f');
                case 'n' -> string.append('\n');
                case 'r' -> string.append('\r');
                case 't' -> string.append('\t');
                case 'u' -> {
                    String hex = text.substring(position, Math.min(position + 4, text.length()));
                    try {
                        string.append((char) Integer.parseInt(hex, 16));
                    } catch (NumberFormatException e) {
                        throw error("bad escape \\u" + hex);
                    }
                    position += hex.length();
                }
                default -> throw error("unknown escape \\" + escaped);
            }
        }
        position++; // closing quote
        return string.toString();
    }

    private Double readNumber() {
        int start = position;
        while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
        try {
            return Double.parseDouble(text.substring(start, position));
        } catch (NumberFormatException e) {
            throw error("expected a value");
        }
    }

    private Object readWord(String word, Object value) {
        if (!text.startsWith(word, position)) {
            throw error("expected a value");
        }
        position += word.length();
        return value;
    }

    /** Steps past {@code c} after any whitespace, if it is there. */
    private boolean skip(char c) {
        skipWhitespace();
        if (position < text.length() && text.charAt(position) == c) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!skip(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private char peek() {
        if (position >= text.length()) {
            throw error("the text ends too early");
        }
        return text.charAt(position);
    }

    private void skipWhitespace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private IllegalArgumentException error(String message) {
        int line = 1;
        for (int i = 0; i < position && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return new IllegalArgumentException("JSON line " + line + ": " + message);
    }
}
