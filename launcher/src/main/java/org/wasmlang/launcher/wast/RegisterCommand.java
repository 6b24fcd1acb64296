package org.wasmlang.launcher.wast;

/** (register "as" $M?): makes a module's exports importable under asName; moduleName null = latest. */
public record RegisterCommand(int line, String asName, String moduleName) implements WastCommand {
}
