package org.wasmlang.wasi;

/**
 * Ends a WASI call with an errno result. Internal to the implementation: the guest sees
 * only the number, so no stack trace is recorded.
 */
final class WasiError extends Exception {
    private static final long serialVersionUID = 1L;

    final Errno errno;

    WasiError(Errno errno) {
        super(errno.name(), null, false, false);
        this.errno = errno;
    }
}
