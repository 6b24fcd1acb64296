package org.wasmlang.launcher.wast;

/** 3.0's (assert_unlinkable (module instance ...) "message"): a defined module must fail to link. */
public record AssertInstanceUnlinkable(int line, ModuleInstanceCommand instance, String message)
                implements WastCommand {
}
