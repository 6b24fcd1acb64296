package org.wasmlang.benchmarks;

/**
 * One timed run of one program on one engine in one round of {@code benchmarks/run real}.
 *
 * @param seconds wall time from starting the process to its exit (to its kill after a timeout)
 * @param note    what the report's cell says when the run is not {@link Status#OK}
 * @param remark  what the cell adds to a right run's time, or "": how many functions
 *                Chicory's compiler left to its interpreter
 */
record RealResult(String engine, String program, int round, Status status, double seconds, int exitCode, String note,
                String remark) {

    RealResult(String engine, String program, int round, Status status, double seconds, int exitCode, String note) {
        this(engine, program, round, status, seconds, exitCode, note, "");
    }

    enum Status {
        /** The exit code and stdout equal the reference (Node's in the same round, or the expected files). */
        OK,
        /** Nothing to check against: no Node run in this round and no expected output. */
        UNCHECKED,
        /** The engine told the program that its stdin or stdout is a terminal, and it acted on that. */
        NOT_COMPARABLE,
        /** Another exit code than the reference's: the engine could not run the program. */
        FAILED,
        /** The right exit code, another stdout. */
        WRONG_OUTPUT,
        /** Ended after the timeout. */
        TIMEOUT
    }

    /** Whether the time counts: the output was right, or there was nothing to check it against. */
    boolean timed() {
        return status == Status.OK || status == Status.UNCHECKED;
    }
}
