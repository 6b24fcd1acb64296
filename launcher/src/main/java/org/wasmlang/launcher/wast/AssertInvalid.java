package org.wasmlang.launcher.wast;

/** (assert_invalid module "message"): the module must fail validation. */
public record AssertInvalid(int line, ModuleCommand module, String message) implements WastCommand {
}
