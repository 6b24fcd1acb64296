package org.wasmlang.wasi;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;

import com.oracle.truffle.api.TruffleFile;

/** An open regular file (or other non-directory) under a preopen. */
final class FileDescriptor extends Descriptor {
    final TruffleFile file;
    final SeekableByteChannel channel;
    final boolean readable;
    final boolean writable;

    FileDescriptor(TruffleFile file, SeekableByteChannel channel, boolean readable, boolean writable, long rightsBase,
                    long rightsInheriting, int fdflags) {
        super(rightsBase, rightsInheriting);
        this.file = file;
        this.channel = channel;
        this.readable = readable;
        this.writable = writable;
        this.fdflags = fdflags;
    }

    @Override
    byte filetype() {
        return FILETYPE_REGULAR_FILE;
    }

    @Override
    void close() throws IOException {
        channel.close();
    }
}
