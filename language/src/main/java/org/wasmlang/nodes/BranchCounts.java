package org.wasmlang.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;

/**
 * A branch profile: the interpreter counts how often a condition was true and false, and
 * compiled code gets the ratio as the branch probability. Compiled code keeps both arms,
 * even one the interpreter never took: leaving such arms out saved nothing measurable in
 * steady state, and each wrong guess threw the function's code away (bzip2's hottest
 * function was compiled about ten times in a 10 s run; docs/performance.md, session 13).
 */
public final class BranchCounts {
    private static final int MAX_COUNT = 1 << 30;

    @CompilationFinal private int trueCount;
    @CompilationFinal private int falseCount;

    public boolean profile(boolean value) {
        if (CompilerDirectives.inInterpreter()) {
            count(value);
            return value;
        }
        int t = trueCount;
        // Never exactly 0 or 1: an arm the interpreter never took may still run.
        double probability = (t + 0.001) / (t + falseCount + 0.002);
        return CompilerDirectives.injectBranchProbability(probability, value);
    }

    private void count(boolean value) {
        if (trueCount == MAX_COUNT || falseCount == MAX_COUNT) {
            trueCount >>= 1;
            falseCount >>= 1;
        }
        if (value) {
            trueCount++;
        } else {
            falseCount++;
        }
    }
}
