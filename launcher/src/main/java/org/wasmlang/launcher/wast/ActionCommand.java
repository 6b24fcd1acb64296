package org.wasmlang.launcher.wast;

/** A bare (invoke ...) or (get ...) whose result is ignored. */
public record ActionCommand(int line, Action action) implements WastCommand {
}
