package org.wasmlang.text;

import java.util.Arrays;

/**
 * Where each defined function and each of its instructions is in a module's text view,
 * and back. Lines are 1-based, as Truffle's {@code Source} counts them.
 *
 * <p>An instruction is named by its function index and its <em>byte offset</em>: the position
 * of its opcode's first byte in the module's bytes ({@code Module.bytes()}, the coordinates of
 * {@code Function.codeStart()} and of the decoder's and validator's error offsets). That is the
 * value the node builder already holds when it reads an instruction (the reader's position
 * before {@code Instructions.read}), whichever nodes it then builds or leaves out (a
 * {@code local.get} builds none, dead code is skipped); an ordinal would need counting on
 * every one of those paths.
 *
 * <p>A function's text is its {@code (func ...)} line, a {@code (local ...)} line when it
 * declares locals, then one line per instruction in byte order, the last one being the
 * {@code )} that stands for the body's final {@code end}. So instruction {@code k} of a
 * function is on line {@code bodyFirstLine + k}, and only the byte offsets are stored.
 */
public final class LineMap {
    private final int importedFunctions;
    /** Per defined function: the line of {@code (func}. */
    private final int[] firstLines;
    /** Per defined function: the line of its first instruction. */
    private final int[] bodyFirstLines;
    /** Per defined function: the byte offset of each instruction, ascending. */
    private final int[][] offsets;
    private final int lineCount;

    LineMap(int importedFunctions, int[] firstLines, int[] bodyFirstLines, int[][] offsets, int lineCount) {
        this.importedFunctions = importedFunctions;
        this.firstLines = firstLines;
        this.bodyFirstLines = bodyFirstLines;
        this.offsets = offsets;
        this.lineCount = lineCount;
    }

    /** Lines in the text. */
    public int lineCount() {
        return lineCount;
    }

    /** Defined functions the map covers. */
    public int definedFunctionCount() {
        return firstLines.length;
    }

    /** The line of a defined function's {@code (func}; -1 for an import or an unknown index. */
    public int functionFirstLine(int functionIndex) {
        int d = defined(functionIndex);
        return d < 0 ? -1 : firstLines[d];
    }

    /** The line of a defined function's closing {@code )} (its final {@code end}); -1 as above. */
    public int functionLastLine(int functionIndex) {
        int d = defined(functionIndex);
        return d < 0 ? -1 : bodyFirstLines[d] + offsets[d].length - 1;
    }

    /** The line of a defined function's first instruction; -1 as above. */
    public int bodyFirstLine(int functionIndex) {
        int d = defined(functionIndex);
        return d < 0 ? -1 : bodyFirstLines[d];
    }

    /** Instructions in a defined function's body, its final {@code end} included. */
    public int instructionCount(int functionIndex) {
        int d = defined(functionIndex);
        return d < 0 ? 0 : offsets[d].length;
    }

    /**
     * The line of the instruction starting at {@code byteOffset} in function
     * {@code functionIndex}, or -1 when no instruction of that function starts there.
     */
    public int instructionLine(int functionIndex, int byteOffset) {
        int d = defined(functionIndex);
        if (d < 0) {
            return -1;
        }
        int k = Arrays.binarySearch(offsets[d], byteOffset);
        return k < 0 ? -1 : bodyFirstLines[d] + k;
    }

    /** The line of the {@code k}-th instruction (from 0) of a defined function, or -1. */
    public int instructionLineAt(int functionIndex, int k) {
        int d = defined(functionIndex);
        return d < 0 || k < 0 || k >= offsets[d].length ? -1 : bodyFirstLines[d] + k;
    }

    /** The function whose text (from {@code (func} to its {@code )}) holds a line, or -1. */
    public int functionAt(int line) {
        int k = Arrays.binarySearch(firstLines, line);
        int d = k >= 0 ? k : -k - 2;
        if (d < 0 || line > bodyFirstLines[d] + offsets[d].length - 1) {
            return -1;
        }
        return importedFunctions + d;
    }

    /** The byte offset of the instruction on a line, or -1 when the line holds none. */
    public int instructionAt(int line) {
        int function = functionAt(line);
        if (function < 0) {
            return -1;
        }
        int d = function - importedFunctions;
        int k = line - bodyFirstLines[d];
        return k < 0 ? -1 : offsets[d][k];
    }

    private int defined(int functionIndex) {
        int d = functionIndex - importedFunctions;
        return d >= 0 && d < firstLines.length ? d : -1;
    }
}
