package org.wasmlang.limits;

/**
 * What one thread of one context uses of the limits that count per call: how deep Wasm calls
 * nest now ({@code wasmlang.CallDepthLimit}, counted only when set) and the deadline of the
 * outermost call from the host ({@code wasmlang.CallTimeLimit}).
 */
public final class ThreadLimits {
    /** Wasm frames on this thread's stack, across host frames in between. */
    public int callDepth;
    /** The deadline the outermost call from the host runs under; null outside one or without a limit. */
    CallDeadline deadline;
}
