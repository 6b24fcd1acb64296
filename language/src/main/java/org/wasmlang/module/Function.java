package org.wasmlang.module;

/**
 * A function defined by the module. Its body stays in the module bytes between
 * {@code codeStart} and {@code codeEnd} (the instructions after the local declarations,
 * up to and including the final {@code end}).
 *
 * @param index the function's index in the function index space (imports come first)
 * @param localTypes parameters first, then declared locals
 */
public record Function(int index, int typeIndex, int[] localTypes, int codeStart, int codeEnd) {
}
