package org.wasmlang.launcher.wast;

/** (assert_unlinkable module "message"): the module must fail to link its imports. */
public record AssertUnlinkable(int line, ModuleCommand module, String message) implements WastCommand {
}
