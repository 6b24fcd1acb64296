package org.wasmlang.dwarf;

/**
 * A file of a line table.
 *
 * @param written the directory and name as the table gives them (directory joined to the name)
 * @param path the same resolved against the unit's compilation directory when relative
 */
public record SourceFile(String written, String path) {
    /** The last path component, for short displays. */
    public String fileName() {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }
}
