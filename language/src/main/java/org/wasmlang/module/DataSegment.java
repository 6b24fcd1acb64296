package org.wasmlang.module;

/**
 * A data segment; its bytes stay in the module's byte array.
 *
 * @param dataOffset where the segment's bytes start in {@link Module#bytes()}
 */
public record DataSegment(SegmentMode mode, int memoryIndex, ConstantExpression offset, int dataOffset,
                int dataLength) {
}
