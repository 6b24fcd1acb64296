package org.wasmlang.wasi;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/** Maps host file-system failures to the errno a POSIX system would report. */
final class WasiIO {
    private WasiIO() {
    }

    static WasiError errno(Throwable e) {
        return new WasiError(errnoOf(e));
    }

    static Errno errnoOf(Throwable e) {
        if (e instanceof NoSuchFileException) {
            return Errno.NOENT;
        } else if (e instanceof FileAlreadyExistsException) {
            return Errno.EXIST;
        } else if (e instanceof DirectoryNotEmptyException) {
            return Errno.NOTEMPTY;
        } else if (e instanceof NotDirectoryException) {
            return Errno.NOTDIR;
        } else if (e instanceof AccessDeniedException) {
            return Errno.ACCES;
        } else if (e instanceof FileSystemLoopException) {
            return Errno.LOOP;
        } else if (e instanceof NotLinkException) {
            return Errno.INVAL;
        } else if (e instanceof SecurityException) {
            // The embedder's polyglot IO policy refused the access.
            return Errno.NOTCAPABLE;
        } else if (e instanceof UnsupportedOperationException) {
            return Errno.NOTSUP;
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fromReason(fse.getReason());
        } else if (e instanceof IOException) {
            return Errno.IO;
        }
        return Errno.IO;
    }

    /** The JDK reports some errno values only as the C library's message. */
    private static Errno fromReason(String reason) {
        return switch (reason) {
            case "Is a directory" -> Errno.ISDIR;
            case "Not a directory" -> Errno.NOTDIR;
            case "Too many levels of symbolic links" -> Errno.LOOP;
            case "Directory not empty" -> Errno.NOTEMPTY;
            case "Invalid argument" -> Errno.INVAL;
            case "Operation not permitted" -> Errno.PERM;
            case "Permission denied" -> Errno.ACCES;
            case "File exists" -> Errno.EXIST;
            case "No such file or directory" -> Errno.NOENT;
            case "Read-only file system" -> Errno.ROFS;
            case "No space left on device" -> Errno.NOSPC;
            case "File name too long" -> Errno.NAMETOOLONG;
            case "Invalid cross-device link" -> Errno.XDEV;
            case "Too many links" -> Errno.MLINK;
            default -> Errno.IO;
        };
    }
}
