package org.wasmlang.launcher.wast;

/** Walks the items of one parenthesised form, reporting errors at the offending token. */
final class FormReader {
    private final SExpr.Parens form;
    private final String fileName;
    private final String keyword;
    private int index;

    /** Starts after the keyword, which must be the first item. */
    FormReader(SExpr.Parens form, String fileName) throws WastSyntaxException {
        this.form = form;
        this.fileName = fileName;
        if (form.items().isEmpty() || !(form.items().get(0) instanceof SExpr.Atom head)) {
            throw error(form, "expected a keyword after '('");
        }
        this.keyword = head.text();
        this.index = 1;
    }

    String keyword() {
        return keyword;
    }

    boolean hasNext() {
        return index < form.items().size();
    }

    SExpr next(String what) throws WastSyntaxException {
        if (!hasNext()) {
            throw error(form, "(" + keyword + " ...) is missing " + what);
        }
        return form.items().get(index++);
    }

    /** The next item without consuming it, or null at the end. */
    SExpr peek() {
        return hasNext() ? form.items().get(index) : null;
    }

    /** The item consumed last, or the form itself before any. */
    SExpr lastItem() {
        return index > 1 ? form.items().get(index - 1) : form;
    }

    /** Consumes the next item if it is exactly this atom. */
    boolean skipAtom(String text) {
        if (hasNext() && form.items().get(index) instanceof SExpr.Atom atom && atom.text().equals(text)) {
            index++;
            return true;
        }
        return false;
    }

    /** Consumes a $name if one comes next. */
    String optionalName() {
        if (hasNext() && form.items().get(index) instanceof SExpr.Atom atom && atom.text().startsWith("$")) {
            index++;
            return atom.text();
        }
        return null;
    }

    /** True if the next item is a string literal. */
    boolean nextIsString() {
        return hasNext() && form.items().get(index) instanceof SExpr.Text;
    }

    SExpr.Text string(String what) throws WastSyntaxException {
        SExpr item = next(what);
        if (item instanceof SExpr.Text text) {
            return text;
        }
        throw error(item, "expected " + what + " as a string");
    }

    SExpr.Atom atom(String what) throws WastSyntaxException {
        SExpr item = next(what);
        if (item instanceof SExpr.Atom atom) {
            return atom;
        }
        throw error(item, "expected " + what);
    }

    SExpr.Parens parens(String what) throws WastSyntaxException {
        SExpr item = next(what);
        if (item instanceof SExpr.Parens parens) {
            return parens;
        }
        throw error(item, "expected " + what + " in parentheses");
    }

    void expectEnd() throws WastSyntaxException {
        if (hasNext()) {
            throw error(form.items().get(index), "unexpected item in (" + keyword + " ...)");
        }
    }

    WastSyntaxException error(SExpr at, String message) {
        return new WastSyntaxException(fileName, at.line(), at.column(), message);
    }
}
