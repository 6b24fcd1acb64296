package org.wasmlang.nodes;

import com.oracle.truffle.api.Assumption;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.Truffle;

/**
 * Whether compiled code of one function may leave out paths the interpreter never took
 * (branch arms, {@code br_table} targets), deoptimizing if one is taken after all.
 *
 * <p>Speculating keeps compiled code small, but each wrong guess throws the function's code
 * away and compiles it again. For a large function (SQLite's VDBE loop or parser: tens of
 * thousands of instructions, seconds to compile) a few such rounds keep it out of compiled
 * code for most of a run and flood the compile queue. So a function gets a budget of
 * wrong guesses, smaller the larger it is; once spent, its code is compiled with every path.
 */
public final class SpeculationPolicy {
    private final Assumption speculating;
    private int deoptimizationsLeft;

    public SpeculationPolicy(int codeBytes) {
        this.deoptimizationsLeft = codeBytes >= 16_000 ? 0 : codeBytes >= 4_000 ? 1 : 4;
        this.speculating = deoptimizationsLeft > 0 ? Truffle.getRuntime().createAssumption("unseen paths stay cold")
                        : Assumption.NEVER_VALID;
    }

    /**
     * Called when execution reaches a path the interpreter had not seen: in compiled code
     * that speculated, leaves it (invalidating it) and charges the budget.
     */
    public void reachedUnseenPath() {
        if (CompilerDirectives.inCompiledCode() && speculating.isValid()) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            charge();
        }
    }

    private void charge() {
        if (--deoptimizationsLeft <= 0) {
            speculating.invalidate("a function's budget of deoptimizations at unseen paths is spent");
        }
    }
}
