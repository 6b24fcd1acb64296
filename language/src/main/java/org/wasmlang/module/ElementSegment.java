package org.wasmlang.module;

/**
 * An element segment. Items are either plain function indices (the compact encodings)
 * or constant expressions (the expression encodings); exactly one array is non-null.
 *
 * @param tableIndex the target table of an active segment
 * @param offset the offset expression of an active segment, else null
 */
public record ElementSegment(SegmentMode mode, int tableIndex, ConstantExpression offset, int elementType,
                int[] functionIndices, ConstantExpression[] expressions) {

    public int size() {
        return functionIndices != null ? functionIndices.length : expressions.length;
    }
}
