package org.wasmlang.text;

import java.util.Arrays;

/**
 * One defined function's text view: {@code (func ...)} on line 1, a {@code (local ...)} line
 * when it declares locals, then one line per instruction, the last being the {@code )} of its
 * final {@code end}. Instructions are named by byte offset, as in {@link LineMap}.
 *
 * @param name a name for a file holding the function alone, unique in its module
 * @param offsets the byte offset of each instruction, ascending
 */
public record FunctionText(String name, String text, int bodyFirstLine, int[] offsets) {

    /** The line (from 1) of the instruction starting at {@code byteOffset}, or -1. */
    public int instructionLine(int byteOffset) {
        int k = Arrays.binarySearch(offsets, byteOffset);
        return k < 0 ? -1 : bodyFirstLine + k;
    }

    /** The line of the closing parenthesis. */
    public int lastLine() {
        return bodyFirstLine + offsets.length - 1;
    }
}
