package org.wasmlang.launcher.wast;

/**
 * (assert_trap action "message") or (assert_trap (module ...) "message"), the latter meaning
 * instantiation traps (e.g. in the start function). Exactly one of action and module is set.
 */
public record AssertTrap(int line, Action action, ModuleCommand module, String message) implements WastCommand {
}
