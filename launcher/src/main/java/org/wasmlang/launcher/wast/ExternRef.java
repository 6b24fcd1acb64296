package org.wasmlang.launcher.wast;

/** The host value a script writes as {@code ref.extern N}: equal when the numbers are. */
public record ExternRef(long id) {
}
