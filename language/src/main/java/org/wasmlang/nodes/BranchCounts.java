package org.wasmlang.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;

/**
 * A branch profile: the interpreter counts how often a condition was true and false, and
 * compiled code gets the ratio as the branch probability. An arm the interpreter never took
 * is left out of compiled code only while the function's {@link SpeculationPolicy} allows.
 */
public final class BranchCounts {
    private static final int MAX_COUNT = 1 << 30;

    @CompilationFinal private int trueCount;
    @CompilationFinal private int falseCount;
    private final SpeculationPolicy policy;

    public BranchCounts(SpeculationPolicy policy) {
        this.policy = policy;
    }

    public boolean profile(boolean value) {
        int t = trueCount;
        int f = falseCount;
        if (value) {
            if (t == 0) {
                policy.reachedUnseenPath();
            }
            if (CompilerDirectives.inInterpreter()) {
                if (t < MAX_COUNT) {
                    trueCount = t + 1;
                } else {
                    trueCount = t >> 1;
                    falseCount = f >> 1;
                }
                return true;
            }
        } else {
            if (f == 0) {
                policy.reachedUnseenPath();
            }
            if (CompilerDirectives.inInterpreter()) {
                if (f < MAX_COUNT) {
                    falseCount = f + 1;
                } else {
                    trueCount = t >> 1;
                    falseCount = f >> 1;
                }
                return false;
            }
        }
        // Never exactly 0 or 1: an arm compiled without speculation may still run.
        double probability = (t + 0.001) / (t + f + 0.002);
        return CompilerDirectives.injectBranchProbability(probability, value);
    }
}
