package org.wasmlang.runtime;

/**
 * What a Wasm function returns instead of its results when it ends in {@code return_call}
 * or {@code return_call_indirect}: its frame is gone, and whoever called it (a call node,
 * or the host's entry point) makes this call in its place and takes that call's results
 * as those of the original call. A chain of tail calls so runs in a loop at the nearest
 * caller, in constant stack space.
 *
 * <p>Never a Wasm value, and never seen by a host: every place that calls a Wasm function
 * finishes the requests it gets back.
 */
public record TailCall(WasmFunction function, Object[] arguments) {
}
