package org.wasmlang.launcher.wast;

/** 3.0's (assert_exception action): the action must end in an uncaught Wasm exception. */
public record AssertException(int line, Action action) implements WastCommand {
}
