package org.wasmlang.debug;

import org.wasmlang.WasmLanguage;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.MaterializedFrame;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.interop.NodeLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.nodes.ExecutableNode;
import com.oracle.truffle.api.nodes.Node;

/**
 * An {@link Expression} a debugger evaluates at a node of a paused function (Truffle's
 * inline parsing): names resolve through the node's scope in the given frame.
 */
public final class ExpressionNode extends ExecutableNode {
    private final Node location;
    private final Expression.Node expression;

    private ExpressionNode(WasmLanguage language, Node location, Expression.Node expression) {
        super(language);
        this.location = location;
        this.expression = expression;
    }

    /** Parses {@code text}; a syntax error is thrown as the exception the debugger shows. */
    public static ExpressionNode parse(WasmLanguage language, Node location, String text) {
        return new ExpressionNode(language, location, Expression.parse(text));
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return evaluate(frame.materialize());
    }

    @TruffleBoundary
    private Object evaluate(MaterializedFrame frame) {
        NodeLibrary nodes = NodeLibrary.getUncached();
        Object scope;
        try {
            scope = location != null && nodes.hasScope(location, frame) ? nodes.getScope(location, frame, true) : null;
        } catch (UnsupportedMessageException e) {
            scope = null;
        }
        if (scope == null) {
            throw new Expression.ExpressionException("expressions are evaluated in a paused Wasm function only");
        }
        return expression.evaluate(scope);
    }
}
