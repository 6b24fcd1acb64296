package org.wasmlang.launcher.wast;

import java.util.List;

/** The lane shapes of v128.const. */
enum VectorShape {
    I8X16(8, false),
    I16X8(16, false),
    I32X4(32, false),
    I64X2(64, false),
    F32X4(32, true),
    F64X2(64, true);

    private final int laneBits;
    private final boolean isFloat;
    private final String text = name().toLowerCase();

    VectorShape(int laneBits, boolean isFloat) {
        this.laneBits = laneBits;
        this.isFloat = isFloat;
    }

    /** The shape spelled like "i32x4", or null. */
    static VectorShape named(String text) {
        for (VectorShape shape : values()) {
            if (shape.text().equals(text)) {
                return shape;
            }
        }
        return null;
    }

    String text() {
        return text;
    }

    int laneBits() {
        return laneBits;
    }

    int laneCount() {
        return 128 / laneBits;
    }

    boolean isFloat() {
        return isFloat;
    }

    /** Lays out exact lanes little-endian, lane 0 first, as in memory. */
    byte[] toBytes(List<Expected> lanes) {
        byte[] bytes = new byte[16];
        int laneBytes = laneBits / 8;
        for (int lane = 0; lane < lanes.size(); lane++) {
            long bits = switch (((Expected.Exact) lanes.get(lane)).value()) {
                case WastValue.I32 v -> v.bits();
                case WastValue.I64 v -> v.bits();
                case WastValue.F32 v -> v.bits();
                case WastValue.F64 v -> v.bits();
                default -> throw new IllegalArgumentException("not a lane value");
            };
            for (int i = 0; i < laneBytes; i++) {
                bytes[lane * laneBytes + i] = (byte) (bits >>> (8 * i));
            }
        }
        return bytes;
    }
}
