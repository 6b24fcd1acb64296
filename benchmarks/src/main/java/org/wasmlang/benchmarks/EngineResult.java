package org.wasmlang.benchmarks;

/**
 * What one engine did on one workload: either a failure message, or the load time, the
 * warm-up and the measured steady calls.
 *
 * @param failure           null when the engine ran the workload to the end
 * @param loadNanos         parse, validate and instantiate (the native process: 0)
 * @param warmupNanos       time spent in calls before the first steady call
 * @param warmupIterations  calls before the first steady call
 * @param reachedSteadyState false when warm-up ended on the budget instead
 * @param measuredNanos     the steady calls' durations
 * @param checksum          what every call returned
 * @param loadAverage       the machine's 1-minute load average when the engine finished, NaN if unknown
 */
record EngineResult(String engine, String failure, long loadNanos, long warmupNanos, int warmupIterations,
                boolean reachedSteadyState, long[] measuredNanos, long checksum, double loadAverage) {

    static EngineResult failed(String engine, String failure) {
        return new EngineResult(engine, failure, 0, 0, 0, false, new long[0], 0, Double.NaN);
    }

    static EngineResult of(String engine, long loadNanos, SteadyStateMeter meter, long checksum) {
        return new EngineResult(engine, null, loadNanos, meter.warmupNanos(), meter.warmupIterations(),
                        meter.reachedSteadyState(), meter.measured(), checksum, Double.NaN);
    }

    EngineResult withLoadAverage(double average) {
        return new EngineResult(engine, failure, loadNanos, warmupNanos, warmupIterations, reachedSteadyState,
                        measuredNanos, checksum, average);
    }

    boolean succeeded() {
        return failure == null;
    }

    long steadyNanos() {
        return SteadyStateMeter.median(measuredNanos);
    }

    long minimumNanos() {
        long minimum = Long.MAX_VALUE;
        for (long nanos : measuredNanos) {
            minimum = Math.min(minimum, nanos);
        }
        return minimum;
    }
}
