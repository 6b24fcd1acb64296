package org.wasmlang.wasi;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

import org.wasmlang.runtime.WasmMemory;

/**
 * Reads and writes the calling instance's memory on behalf of WASI calls. Addresses are
 * the guest's unsigned 32-bit pointers; anything outside the memory fails with FAULT
 * before a byte is touched.
 */
final class GuestMemory {
    private final WasmMemory memory;
    private final byte[] scratch = new byte[8];

    GuestMemory(WasmMemory memory) {
        this.memory = memory;
    }

    private void check(long address, long length) throws WasiError {
        if (!memory.inBounds(address, length)) {
            throw new WasiError(Errno.FAULT);
        }
    }

    static long unsigned(int pointer) {
        return Integer.toUnsignedLong(pointer);
    }

    int i32(int pointer) throws WasiError {
        long a = unsigned(pointer);
        check(a, 4);
        memory.copyToBytes(a, scratch, 0, 4);
        return (scratch[0] & 0xFF) | (scratch[1] & 0xFF) << 8 | (scratch[2] & 0xFF) << 16 | (scratch[3] & 0xFF) << 24;
    }

    long i64(int pointer) throws WasiError {
        long low = Integer.toUnsignedLong(i32(pointer));
        long high = Integer.toUnsignedLong(i32(pointer + 4));
        return low | high << 32;
    }

    int u8(int pointer) throws WasiError {
        long a = unsigned(pointer);
        check(a, 1);
        memory.copyToBytes(a, scratch, 0, 1);
        return scratch[0] & 0xFF;
    }

    int u16(int pointer) throws WasiError {
        return u8(pointer) | u8(pointer + 1) << 8;
    }

    void putI32(int pointer, int value) throws WasiError {
        long a = unsigned(pointer);
        check(a, 4);
        for (int i = 0; i < 4; i++) {
            scratch[i] = (byte) (value >>> (8 * i));
        }
        memory.copyFromBytes(a, scratch, 0, 4);
    }

    void putI64(int pointer, long value) throws WasiError {
        long a = unsigned(pointer);
        check(a, 8);
        for (int i = 0; i < 8; i++) {
            scratch[i] = (byte) (value >>> (8 * i));
        }
        memory.copyFromBytes(a, scratch, 0, 8);
    }

    void putU8(int pointer, int value) throws WasiError {
        long a = unsigned(pointer);
        check(a, 1);
        scratch[0] = (byte) value;
        memory.copyFromBytes(a, scratch, 0, 1);
    }

    void putU16(int pointer, int value) throws WasiError {
        putU8(pointer, value);
        putU8(pointer + 1, value >>> 8);
    }

    void zero(int pointer, int length) throws WasiError {
        long a = unsigned(pointer);
        check(a, length);
        memory.fill(a, (byte) 0, length);
    }

    byte[] read(int pointer, int length) throws WasiError {
        long a = unsigned(pointer);
        long n = unsigned(length);
        check(a, n);
        byte[] bytes = new byte[(int) n];
        memory.copyToBytes(a, bytes, 0, bytes.length);
        return bytes;
    }

    void write(int pointer, byte[] bytes, int offset, int length) throws WasiError {
        long a = unsigned(pointer);
        check(a, length);
        memory.copyFromBytes(a, bytes, offset, length);
    }

    /** Checks that a whole buffer is writable before a call produces anything for it. */
    void checkRange(int pointer, int length) throws WasiError {
        check(unsigned(pointer), unsigned(length));
    }

    /** A path or other string argument: UTF-8, refused with ILSEQ when not. */
    String string(int pointer, int length) throws WasiError {
        byte[] bytes = read(pointer, length);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new WasiError(Errno.ILSEQ);
        }
    }
}
