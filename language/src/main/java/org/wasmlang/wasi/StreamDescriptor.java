package org.wasmlang.wasi;

import java.io.InputStream;
import java.io.OutputStream;

/** stdin, stdout or stderr: the Context's streams. */
final class StreamDescriptor extends Descriptor {
    final InputStream in;
    final OutputStream out;
    private final boolean terminal;

    StreamDescriptor(InputStream in, OutputStream out, boolean terminal) {
        super(in != null ? Rights.FD_READ | Rights.FD_FDSTAT_SET_FLAGS | Rights.FD_FILESTAT_GET | Rights.POLL_FD_READWRITE
                        : Rights.FD_WRITE | Rights.FD_DATASYNC | Rights.FD_SYNC | Rights.FD_FDSTAT_SET_FLAGS
                                        | Rights.FD_FILESTAT_GET | Rights.POLL_FD_READWRITE,
                        0);
        this.in = in;
        this.out = out;
        this.terminal = terminal;
    }

    /**
     * A character device only when the launcher saw a terminal: wasi-libc's isatty looks
     * at this, and programs such as the SQLite shell change behaviour on it.
     */
    @Override
    byte filetype() {
        return terminal ? FILETYPE_CHARACTER_DEVICE : FILETYPE_UNKNOWN;
    }
}
