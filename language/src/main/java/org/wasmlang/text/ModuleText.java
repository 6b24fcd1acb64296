package org.wasmlang.text;

/**
 * A module's text view: WAT printed from its binary, and where its functions and
 * instructions are in it.
 */
public record ModuleText(String text, LineMap lineMap) {
}
