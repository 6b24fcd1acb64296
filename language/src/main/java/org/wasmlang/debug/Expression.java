package org.wasmlang.debug;

import org.wasmlang.runtime.WasmMemory;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.InteropLibrary;

/**
 * The expressions a debugger may evaluate in a paused Wasm frame (watches, the console,
 * breakpoint conditions): names of locals, globals and, with DWARF, source variables;
 * integer and float literals; memory reads {@code memory[A]} (a byte) and {@code i32[A]},
 * {@code u8[A]}, ..., {@code f64[A]} (little-endian, from the first memory); unary
 * {@code -} and {@code !}; {@code * / % + - << >> & ^ |}, comparisons, {@code && ||} and
 * parentheses, with C's precedence. Integers compute as 64-bit, floats as doubles.
 */
final class Expression {

    /** A parse or evaluation error the debugger shows as the expression's result. */
    static final class ExpressionException extends AbstractTruffleException {
        private static final long serialVersionUID = 1L;

        ExpressionException(String message) {
            super(message);
        }
    }

    /** Where names are looked up: the frame's scope (whose parents hold globals and memories). */
    interface Node {
        Object evaluate(Object scope);
    }

    private final String text;
    private int at;

    private Expression(String text) {
        this.text = text;
    }

    @TruffleBoundary
    static Node parse(String text) {
        Expression parser = new Expression(text);
        Node node = parser.binary(0);
        parser.space();
        if (parser.at < text.length()) {
            throw parser.error("unexpected '" + text.charAt(parser.at) + "'");
        }
        return node;
    }

    private ExpressionException error(String what) {
        return new ExpressionException("cannot evaluate '" + text + "': " + what + " at column " + (at + 1));
    }

    private static final String[][] LEVELS = {
                    {"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"<<", ">>"}, {"+", "-"},
                    {"*", "/", "%"}};

    private Node binary(int level) {
        if (level == LEVELS.length) {
            return unary();
        }
        Node left = binary(level + 1);
        while (true) {
            String operator = operator(LEVELS[level]);
            if (operator == null) {
                return left;
            }
            Node l = left;
            Node r = binary(level + 1);
            left = scope -> apply(operator, l.evaluate(scope), r.evaluate(scope));
        }
    }

    /** The operator of this level at the cursor (not the first character of a longer one, as {@code <} of {@code <<}). */
    private String operator(String[] operators) {
        space();
        for (String operator : operators) {
            if (text.startsWith(operator, at)) {
                String next = at + operator.length() < text.length() ? text.substring(at, at + operator.length() + 1) : "";
                if (operator.length() == 1 && (next.equals(operator + operator) && !operator.equals("-") || next.equals(operator + "="))) {
                    continue;
                }
                at += operator.length();
                return operator;
            }
        }
        return null;
    }

    private Node unary() {
        space();
        if (at < text.length() && (text.charAt(at) == '-' || text.charAt(at) == '!')) {
            char operator = text.charAt(at++);
            Node operand = unary();
            return operator == '-' ? scope -> negate(operand.evaluate(scope)) : scope -> !truth(operand.evaluate(scope));
        }
        return primary();
    }

    private Node primary() {
        space();
        if (at >= text.length()) {
            throw error("an operand is missing");
        }
        char c = text.charAt(at);
        if (c == '(') {
            at++;
            Node inner = binary(0);
            expect(')');
            return inner;
        }
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        if (Character.isLetter(c) || c == '_' || c == '$') {
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || "_$.".indexOf(text.charAt(at)) >= 0)) {
                at++;
            }
            String name = text.substring(start, at);
            space();
            if (at < text.length() && text.charAt(at) == '[' && MemoryRead.of(name) != null) {
                at++;
                Node address = binary(0);
                expect(']');
                MemoryRead read = MemoryRead.of(name);
                return scope -> read.read(memory(scope), integer(address.evaluate(scope)));
            }
            return scope -> lookUp(scope, name);
        }
        throw error("unexpected '" + c + "'");
    }

    private Node number() {
        int start = at;
        boolean hex = text.startsWith("0x", at) || text.startsWith("0X", at);
        if (hex) {
            at += 2;
        }
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '.'
                        || (text.charAt(at - 1) == 'e' || text.charAt(at - 1) == 'E') && !hex && "+-".indexOf(text.charAt(at)) >= 0)) {
            at++;
        }
        String literal = text.substring(start, at);
        try {
            Object value;
            if (hex) {
                value = Long.parseUnsignedLong(literal.substring(2), 16);
            } else if (literal.contains(".") || literal.contains("e") || literal.contains("E")) {
                value = Double.parseDouble(literal);
            } else {
                value = Long.parseLong(literal);
            }
            return scope -> value;
        } catch (NumberFormatException e) {
            throw error("'" + literal + "' is not a number");
        }
    }

    private void expect(char c) {
        space();
        if (at >= text.length() || text.charAt(at) != c) {
            throw error("'" + c + "' expected");
        }
        at++;
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    /** The typed reads of the first memory: {@code NAME[address]}. */
    enum MemoryRead {
        MEMORY(1, false, false), U8(1, false, false), I8(1, true, false), U16(2, false, false), I16(2, true, false),
        U32(4, false, false), I32(4, true, false), I64(8, true, false), U64(8, false, false), F32(4, true, true),
        F64(8, true, true);

        final int size;
        final boolean signed;
        final boolean floating;

        MemoryRead(int size, boolean signed, boolean floating) {
            this.size = size;
            this.signed = signed;
            this.floating = floating;
        }

        static MemoryRead of(String name) {
            for (MemoryRead read : values()) {
                if (read.name().toLowerCase(java.util.Locale.ROOT).equals(name)) {
                    return read;
                }
            }
            return null;
        }

        Object read(WasmMemory memory, long address) {
            if (address < 0 || !memory.inBounds(address, size)) {
                throw new ExpressionException("address " + Long.toUnsignedString(address) + " is outside the memory ("
                                + memory.byteSize() + " bytes)");
            }
            byte[] bytes = new byte[size];
            memory.copyToBytes(address, bytes, 0, size);
            long bits = 0;
            for (int i = size - 1; i >= 0; i--) {
                bits = (bits << 8) | (bytes[i] & 0xFF);
            }
            if (floating) {
                return size == 4 ? (double) Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
            }
            int unused = 64 - 8 * size;
            return signed ? (bits << unused) >> unused : bits;
        }
    }

    private static Object lookUp(Object scope, String name) {
        InteropLibrary interop = InteropLibrary.getUncached();
        try {
            for (Object s = scope; s != null; s = interop.hasScopeParent(s) ? interop.getScopeParent(s) : null) {
                if (interop.isMemberReadable(s, name)) {
                    return number(interop.readMember(s, name), name);
                }
            }
        } catch (InteropException e) {
            throw new ExpressionException("cannot read '" + name + "': " + e.getMessage());
        }
        throw new ExpressionException("'" + name + "' is not a local, global or variable here");
    }

    private static WasmMemory memory(Object scope) {
        InteropLibrary interop = InteropLibrary.getUncached();
        try {
            for (Object s = scope; s != null; s = interop.hasScopeParent(s) ? interop.getScopeParent(s) : null) {
                if (s instanceof ModuleScope module && module.memoryCount() > 0) {
                    return module.memory(0);
                }
            }
        } catch (InteropException e) {
            throw new ExpressionException(e.getMessage());
        }
        throw new ExpressionException("the module has no memory");
    }

    /** Wasm and source values as numbers: integers as long, floats as double, booleans kept. */
    private static Object number(Object value, String name) {
        InteropLibrary interop = InteropLibrary.getUncached();
        try {
            if (value instanceof Boolean) {
                return value;
            } else if (interop.fitsInLong(value)) {
                return interop.asLong(value);
            } else if (interop.fitsInDouble(value)) {
                return interop.asDouble(value);
            } else if (value instanceof Float f) {
                return (double) f;
            }
        } catch (InteropException e) {
            // Not a number: named below.
        }
        throw new ExpressionException("'" + name + "' is not a number");
    }

    private static boolean truth(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return value instanceof Double d ? d != 0 : (Long) value != 0;
    }

    private static long integer(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw new ExpressionException("an integer was expected, not " + value);
    }

    private static Object negate(Object value) {
        if (value instanceof Double d) {
            return -d;
        }
        return -integer(value);
    }

    private static Object apply(String operator, Object left, Object right) {
        switch (operator) {
            case "&&":
                return truth(left) && truth(right);
            case "||":
                return truth(left) || truth(right);
        }
        boolean floating = left instanceof Double || right instanceof Double;
        if (floating) {
            double a = left instanceof Double d ? d : integer(left);
            double b = right instanceof Double d ? d : integer(right);
            return switch (operator) {
                case "==" -> a == b;
                case "!=" -> a != b;
                case "<" -> a < b;
                case "<=" -> a <= b;
                case ">" -> a > b;
                case ">=" -> a >= b;
                case "+" -> a + b;
                case "-" -> a - b;
                case "*" -> a * b;
                case "/" -> a / b;
                case "%" -> a % b;
                default -> throw new ExpressionException("'" + operator + "' needs integers");
            };
        }
        long a = integer(left);
        long b = integer(right);
        return switch (operator) {
            case "==" -> a == b;
            case "!=" -> a != b;
            case "<" -> a < b;
            case "<=" -> a <= b;
            case ">" -> a > b;
            case ">=" -> a >= b;
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/", "%" -> {
                if (b == 0) {
                    throw new ExpressionException("division by zero");
                }
                yield operator.equals("/") ? a / b : a % b;
            }
            case "<<" -> a << b;
            case ">>" -> a >> b;
            case "&" -> a & b;
            case "^" -> a ^ b;
            case "|" -> a | b;
            default -> throw new ExpressionException("unknown operator '" + operator + "'");
        };
    }
}
