package org.wasmlang.runtime;

import java.util.Arrays;

/** A memory on a Java {@code byte[]}: up to 2 GiB, the default implementation. */
public final class ByteArrayMemory extends WasmMemory {
    /** The largest byte[] the JVM reliably allocates is a little under 2^31 bytes. */
    static final long MAX_PAGES = (Integer.MAX_VALUE - 8) / PAGE_SIZE;

    private byte[] buffer;

    public ByteArrayMemory(long initialPages, long maxPages) {
        super(maxPages);
        if (initialPages > MAX_PAGES) {
            throw new IllegalArgumentException("a memory of " + initialPages + " pages exceeds the " + MAX_PAGES
                            + "-page limit of byte[] memories");
        }
        this.buffer = new byte[(int) (initialPages * PAGE_SIZE)];
    }

    /** The current storage; it changes when the memory grows. */
    public byte[] buffer() {
        return buffer;
    }

    @Override
    public long byteSize() {
        return buffer.length;
    }

    @Override
    protected long implementationMaxPages() {
        return MAX_PAGES;
    }

    @Override
    protected boolean resize(long newPages) {
        try {
            buffer = Arrays.copyOf(buffer, (int) (newPages * PAGE_SIZE));
            return true;
        } catch (OutOfMemoryError e) {
            // memory.grow may fail; the guest sees -1 rather than the JVM failing.
            return false;
        }
    }

    @Override
    public void copyFromBytes(long destination, byte[] source, int sourceOffset, int length) {
        System.arraycopy(source, sourceOffset, buffer, (int) destination, length);
    }

    @Override
    public void copyToBytes(long source, byte[] destination, int destinationOffset, int length) {
        System.arraycopy(buffer, (int) source, destination, destinationOffset, length);
    }

    @Override
    public void copyWithin(long destination, long source, long length) {
        System.arraycopy(buffer, (int) source, buffer, (int) destination, (int) length);
    }

    @Override
    public void fill(long destination, byte value, long length) {
        Arrays.fill(buffer, (int) destination, (int) (destination + length), value);
    }
}
