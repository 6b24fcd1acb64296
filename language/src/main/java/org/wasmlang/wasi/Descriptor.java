package org.wasmlang.wasi;

import java.io.IOException;

/** An entry of a WASI instance's descriptor table. */
abstract class Descriptor {
    static final byte FILETYPE_UNKNOWN = 0;
    static final byte FILETYPE_CHARACTER_DEVICE = 2;
    static final byte FILETYPE_DIRECTORY = 3;
    static final byte FILETYPE_REGULAR_FILE = 4;
    static final byte FILETYPE_SYMBOLIC_LINK = 7;

    static final int FDFLAG_APPEND = 1;
    static final int FDFLAG_DSYNC = 2;
    static final int FDFLAG_NONBLOCK = 4;
    static final int FDFLAG_RSYNC = 8;
    static final int FDFLAG_SYNC = 16;

    long rightsBase;
    long rightsInheriting;
    int fdflags;

    Descriptor(long rightsBase, long rightsInheriting) {
        this.rightsBase = rightsBase;
        this.rightsInheriting = rightsInheriting;
    }

    abstract byte filetype();

    /** Fails with NOTCAPABLE unless the descriptor holds every right in {@code rights}. */
    final void require(long rights) throws WasiError {
        if ((rightsBase & rights) != rights) {
            throw new WasiError(Errno.NOTCAPABLE);
        }
    }

    void close() throws IOException {
    }
}
