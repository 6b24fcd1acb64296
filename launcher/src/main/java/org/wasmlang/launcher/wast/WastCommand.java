package org.wasmlang.launcher.wast;

/** One top-level command of a script; line is that of its opening parenthesis. */
public sealed interface WastCommand permits ModuleCommand, ModuleInstanceCommand, RegisterCommand, ActionCommand,
                AssertReturn, AssertTrap, AssertInstanceTrap, AssertExhaustion, AssertInvalid, AssertMalformed,
                AssertUnlinkable, AssertInstanceUnlinkable, AssertException, UnsupportedCommand {

    int line();
}
