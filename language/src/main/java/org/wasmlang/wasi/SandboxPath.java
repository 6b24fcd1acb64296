package org.wasmlang.wasi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.oracle.truffle.api.TruffleFile;

/**
 * A guest path resolved below a directory descriptor. Resolution walks one component at a
 * time and expands symbolic links itself, so neither "..", an absolute path nor a link
 * pointing outside can reach above the directory the guest was given.
 */
final class SandboxPath {
    /** Links followed in one resolution before giving up with LOOP, as Linux does. */
    private static final int MAX_LINKS = 40;

    final TruffleFile base;
    final List<String> components;
    final boolean trailingSlash;

    private SandboxPath(TruffleFile base, List<String> components, boolean trailingSlash) {
        this.base = base;
        this.components = components;
        this.trailingSlash = trailingSlash;
    }

    /**
     * Resolves {@code path} below {@code dir}. Links in the middle are always followed; the
     * last component is followed when {@code followLast} is set or the path ends in a slash.
     */
    static SandboxPath resolve(DirectoryDescriptor dir, String path, boolean followLast) throws WasiError {
        if (path.isEmpty()) {
            throw new WasiError(Errno.NOENT);
        }
        if (path.indexOf('\0') >= 0) {
            throw new WasiError(Errno.INVAL);
        }
        if (path.startsWith("/")) {
            throw new WasiError(Errno.PERM);
        }
        TruffleFile base = dir.file();
        Deque<String> pending = new ArrayDeque<>();
        boolean trailingSlash = split(path, pending);
        List<String> resolved = new ArrayList<>();
        int links = 0;
        while (!pending.isEmpty()) {
            String name = pending.pollFirst();
            boolean last = pending.isEmpty();
            if (name.equals("..")) {
                if (resolved.isEmpty()) {
                    throw new WasiError(Errno.PERM);
                }
                resolved.removeLast();
                continue;
            }
            TruffleFile candidate = join(base, resolved).resolve(name);
            if ((!last || followLast || trailingSlash) && isLink(candidate)) {
                if (++links > MAX_LINKS) {
                    throw new WasiError(Errno.LOOP);
                }
                String target = readLink(candidate);
                if (target.startsWith("/")) {
                    throw new WasiError(Errno.PERM);
                }
                Deque<String> expansion = new ArrayDeque<>();
                boolean slash = split(target, expansion);
                if (last && slash) {
                    trailingSlash = true;
                }
                while (!expansion.isEmpty()) {
                    pending.addFirst(expansion.pollLast());
                }
                continue;
            }
            if (!last) {
                if (!candidate.exists()) {
                    throw new WasiError(Errno.NOENT);
                }
                if (!candidate.isDirectory()) {
                    throw new WasiError(Errno.NOTDIR);
                }
            }
            resolved.add(name);
        }
        return new SandboxPath(base, resolved, trailingSlash);
    }

    /** Splits into components without "." and empty ones; returns whether it ends in a slash. */
    private static boolean split(String path, Deque<String> into) {
        for (String part : path.split("/")) {
            if (!part.isEmpty() && !part.equals(".")) {
                into.addLast(part);
            }
        }
        return path.endsWith("/") || path.endsWith("/.") || path.equals(".");
    }

    private static TruffleFile join(TruffleFile base, List<String> components) {
        TruffleFile file = base;
        for (String c : components) {
            file = file.resolve(c);
        }
        return file;
    }

    static boolean isLink(TruffleFile file) {
        try {
            return file.isSymbolicLink();
        } catch (SecurityException e) {
            return false;
        }
    }

    private static String readLink(TruffleFile link) throws WasiError {
        try {
            return link.readSymbolicLink().getPath();
        } catch (Exception e) {
            throw WasiIO.errno(e);
        }
    }

    TruffleFile file() {
        return join(base, components);
    }

    /** True when the path names the directory descriptor itself (".", "a/..", ...). */
    boolean isBase() {
        return components.isEmpty();
    }
}
