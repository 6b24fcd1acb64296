package org.wasmlang.launcher.wast;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** One node of the s-expression tree a script is read into; positions are 1-based. */
sealed interface SExpr permits SExpr.Atom, SExpr.Text, SExpr.Parens {

    int line();

    int column();

    /** A keyword, name ($x) or number, kept as written. */
    record Atom(int line, int column, String text) implements SExpr {
    }

    /** A string literal with its escapes resolved to raw bytes. */
    record Text(int line, int column, byte[] bytes) implements SExpr {
        /** Decodes as UTF-8; invalid sequences become U+FFFD. */
        String decoded() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** A parenthesised list. */
    record Parens(int line, int column, List<SExpr> items) implements SExpr {
    }
}
