package org.wasmlang.fuzz;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Flips, overwrites, inserts and deletes bytes of a module (its 8-byte header left alone). */
final class ModuleMutator {
    private ModuleMutator() {
    }

    /** One to four mutations, chosen by {@code random}. */
    static byte[] mutate(byte[] module, SplittableRandom random) {
        byte[] bytes = module;
        int count = 1 + random.nextInt(4);
        for (int m = 0; m < count && bytes.length > 9; m++) {
            int at = 8 + random.nextInt(bytes.length - 8);
            switch (random.nextInt(5)) {
                case 0 -> {
                    bytes = bytes == module ? bytes.clone() : bytes;
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                }
                case 1 -> {
                    bytes = bytes == module ? bytes.clone() : bytes;
                    // Bytes that mean something in many places: 0, LEB continuation, end, -1.
                    int[] interesting = {0x00, 0x01, 0x7F, 0x80, 0xFF, 0x0B, 0x40, 0x41, 0xFC, 0xFD, random.nextInt(256)};
                    bytes[at] = (byte) interesting[random.nextInt(interesting.length)];
                }
                case 2 -> {
                    int n = 1 + random.nextInt(4);
                    byte[] grown = new byte[bytes.length + n];
                    System.arraycopy(bytes, 0, grown, 0, at);
                    for (int i = 0; i < n; i++) {
                        grown[at + i] = (byte) random.nextInt(256);
                    }
                    System.arraycopy(bytes, at, grown, at + n, bytes.length - at);
                    bytes = grown;
                }
                case 3 -> {
                    int n = Math.min(1 + random.nextInt(4), bytes.length - at);
                    byte[] shrunk = new byte[bytes.length - n];
                    System.arraycopy(bytes, 0, shrunk, 0, at);
                    System.arraycopy(bytes, at + n, shrunk, at, bytes.length - at - n);
                    bytes = shrunk;
                }
                default -> {
                    // A copy of another stretch of the module over this place.
                    int from = 8 + random.nextInt(bytes.length - 8);
                    int n = Math.min(1 + random.nextInt(16), Math.min(bytes.length - from, bytes.length - at));
                    bytes = bytes == module ? bytes.clone() : bytes;
                    System.arraycopy(Arrays.copyOfRange(bytes, from, from + n), 0, bytes, at, n);
                }
            }
        }
        return bytes;
    }
}
