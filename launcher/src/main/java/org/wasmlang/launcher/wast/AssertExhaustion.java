package org.wasmlang.launcher.wast;

/** (assert_exhaustion action "message"): the action must run out of stack. */
public record AssertExhaustion(int line, Action action, String message) implements WastCommand {
}
