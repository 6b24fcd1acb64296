package org.wasmlang.wasi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.InteropLibrary;

/**
 * A guest's stdout or stderr handed to a host function as text, one call per write. The
 * decoder keeps an incomplete UTF-8 sequence for the next write, so a character split
 * across two writes still arrives whole.
 */
final class SinkOutputStream extends OutputStream {
    private final Object sink;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending = ByteBuffer.allocate(0);

    SinkOutputStream(Object sink) {
        this.sink = sink;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer input = ByteBuffer.allocate(pending.remaining() + length);
        input.put(pending).put(bytes, offset, length).flip();
        CharBuffer chars = CharBuffer.allocate(input.remaining() + 1);
        decoder.decode(input, chars, false);
        pending = input.slice();
        chars.flip();
        if (chars.hasRemaining()) {
            try {
                InteropLibrary.getUncached().execute(sink, chars.toString());
            } catch (InteropException e) {
                throw new IOException("the host's output function failed: " + e.getMessage(), e);
            }
        }
    }
}
