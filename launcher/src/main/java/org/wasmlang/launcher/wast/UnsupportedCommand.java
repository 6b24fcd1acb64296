package org.wasmlang.launcher.wast;

/** A command this parser recognises only by keyword (thread, wait, assert_invalid_custom, ...). */
public record UnsupportedCommand(int line, String keyword) implements WastCommand {
}
