package org.wasmlang.launcher.wast;

import java.util.ArrayList;
import java.util.List;

/** Reads constants such as (i32.const 1) and result patterns such as (f32.const nan:canonical). */
final class ValueParser {
    private final String fileName;

    ValueParser(String fileName) {
        this.fileName = fileName;
    }

    /** An invoke argument or exact value. */
    WastValue argument(SExpr node) throws WastSyntaxException {
        FormReader form = form(node);
        WastValue value = switch (form.keyword()) {
            case "i32.const" -> new WastValue.I32((int) integer(form.atom("a number"), 32));
            case "i64.const" -> new WastValue.I64(integer(form.atom("a number"), 64));
            case "f32.const" -> new WastValue.F32((int) floating(form.atom("a number"), FloatFormat.F32));
            case "f64.const" -> new WastValue.F64(floating(form.atom("a number"), FloatFormat.F64));
            case "v128.const" -> ((Expected.Exact) v128(form, false)).value();
            case "ref.null" -> new WastValue.RefNull(form.atom("a heap type").text());
            case "ref.extern" -> new WastValue.RefExtern(natural(form.atom("a host reference number")));
            case "ref.host" -> new WastValue.RefHost(natural(form.atom("a host reference number")));
            default -> throw form.error(node, "unknown constant (" + form.keyword() + " ...)");
        };
        form.expectEnd();
        return value;
    }

    /** A result pattern of assert_return. */
    Expected expected(SExpr node) throws WastSyntaxException {
        FormReader form = form(node);
        String keyword = form.keyword();
        switch (keyword) {
            case "either" -> {
                List<Expected> alternatives = new ArrayList<>();
                do {
                    alternatives.add(expected(form.next("an alternative")));
                } while (form.hasNext());
                return new Expected.Either(alternatives);
            }
            case "f32.const", "f64.const" -> {
                Expected pattern = nanPattern(form.atom("a number"), keyword.equals("f64.const"));
                if (pattern != null) {
                    form.expectEnd();
                    return pattern;
                }
            }
            case "v128.const" -> {
                Expected pattern = v128(form, true);
                form.expectEnd();
                return pattern;
            }
            default -> {
                // (ref.func), (ref.extern), (ref.null) ...: any reference of that kind.
                if (keyword.startsWith("ref.") && !form.hasNext()) {
                    return new Expected.RefKind(keyword.substring("ref.".length()));
                }
            }
        }
        return new Expected.Exact(argument(node));
    }

    private FormReader form(SExpr node) throws WastSyntaxException {
        if (node instanceof SExpr.Parens parens) {
            return new FormReader(parens, fileName);
        }
        throw new WastSyntaxException(fileName, node.line(), node.column(), "expected a constant in parentheses");
    }

    private static Expected nanPattern(SExpr.Atom atom, boolean f64) {
        return switch (atom.text()) {
            case "nan:canonical" -> new Expected.CanonicalNan(f64);
            case "nan:arithmetic" -> new Expected.ArithmeticNan(f64);
            default -> null;
        };
    }

    /**
     * (v128.const SHAPE lane...). Gives Exact(V128) unless patterns are allowed and a float
     * lane is a NaN pattern, in which case it gives V128Lanes.
     */
    private Expected v128(FormReader form, boolean patternsAllowed) throws WastSyntaxException {
        SExpr.Atom shapeAtom = form.atom("a lane shape");
        VectorShape shape = VectorShape.named(shapeAtom.text());
        if (shape == null) {
            throw form.error(shapeAtom, "unknown lane shape '" + shapeAtom.text() + "'");
        }
        List<Expected> lanes = new ArrayList<>(shape.laneCount());
        boolean exact = true;
        for (int i = 0; i < shape.laneCount(); i++) {
            Expected lane = lane(shape, form.atom(shape.laneCount() + " lanes for " + shape.text()), patternsAllowed);
            exact &= lane instanceof Expected.Exact;
            lanes.add(lane);
        }
        form.expectEnd();
        return exact
                        ? new Expected.Exact(new WastValue.V128(shape.toBytes(lanes)))
                        : new Expected.V128Lanes(shape.text(), lanes);
    }

    private Expected lane(VectorShape shape, SExpr.Atom atom, boolean patternsAllowed) throws WastSyntaxException {
        if (shape.isFloat() && patternsAllowed) {
            Expected pattern = nanPattern(atom, shape == VectorShape.F64X2);
            if (pattern != null) {
                return pattern;
            }
        }
        WastValue value = switch (shape) {
            case F32X4 -> new WastValue.F32((int) floating(atom, FloatFormat.F32));
            case F64X2 -> new WastValue.F64(floating(atom, FloatFormat.F64));
            case I64X2 -> new WastValue.I64(integer(atom, 64));
            default -> new WastValue.I32((int) integer(atom, shape.laneBits()));
        };
        return new Expected.Exact(value);
    }

    private long integer(SExpr.Atom atom, int bits) throws WastSyntaxException {
        try {
            return IntegerLiterals.parse(atom.text(), bits);
        } catch (NumberFormatException e) {
            throw badNumber(atom, "i" + bits, e);
        }
    }

    private long floating(SExpr.Atom atom, FloatFormat format) throws WastSyntaxException {
        try {
            return FloatLiterals.parse(atom.text(), format);
        } catch (NumberFormatException e) {
            throw badNumber(atom, format.name().toLowerCase(), e);
        }
    }

    private long natural(SExpr.Atom atom) throws WastSyntaxException {
        try {
            return IntegerLiterals.parseNat(atom.text());
        } catch (NumberFormatException e) {
            throw badNumber(atom, "natural", e);
        }
    }

    private WastSyntaxException badNumber(SExpr.Atom atom, String type, NumberFormatException cause) {
        return new WastSyntaxException(fileName, atom.line(), atom.column(),
                        "bad " + type + " literal '" + atom.text() + "': " + cause.getMessage());
    }
}
