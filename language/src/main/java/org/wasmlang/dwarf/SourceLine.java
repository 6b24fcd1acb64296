package org.wasmlang.dwarf;

/**
 * One row of a line table, at a module offset.
 *
 * @param moduleOffset where the row's instruction starts in the module bytes (the DWARF
 *            address plus the code section's payload offset)
 * @param file the source file, or null when the row names a file the table does not have
 * @param line 1-based; 0 means code that belongs to no source line (compiler-made)
 * @param column 1-based; 0 when unknown
 * @param isStatement whether a debugger should treat the row as the start of a statement
 * @param endSequence the first offset after a sequence: it covers no code
 */
public record SourceLine(int moduleOffset, SourceFile file, int line, int column, boolean isStatement,
                boolean endSequence) {
}
