package org.wasmlang.launcher.wast;

/** (assert_malformed module "message"): the module must fail to decode. */
public record AssertMalformed(int line, ModuleCommand module, String message) implements WastCommand {
}
