package org.wasmlang.launcher.wast;

/** 3.0's (assert_trap (module instance ...) "message"): instantiating a defined module traps. */
public record AssertInstanceTrap(int line, ModuleInstanceCommand instance, String message) implements WastCommand {
}
