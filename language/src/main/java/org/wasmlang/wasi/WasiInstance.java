package org.wasmlang.wasi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.wasmlang.runtime.WasmMemory;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.TruffleLanguage;

/**
 * The WASI state of one Wasm instance: its descriptor table, arguments and environment,
 * and the implementation of every wasi_snapshot_preview1 call. Calls return an errno;
 * guest mistakes (bad pointers, bad descriptors, paths outside a preopen) become errno
 * values, never host exceptions.
 */
public final class WasiInstance {
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private final WasiConfig config;
    private final TruffleLanguage.Env env;
    private final List<Descriptor> fds = new ArrayList<>();
    private final byte[][] argBytes;
    private final byte[][] envBytes;
    private final long monotonicOrigin = System.nanoTime();
    private SecureRandom random;
    private GuestMemory memory;

    public WasiInstance(WasiConfig config, TruffleLanguage.Env env) {
        this.config = config;
        this.env = env;
        this.argBytes = nulTerminated(config.args());
        List<String> vars = new ArrayList<>();
        for (Map.Entry<String, String> e : config.env().entrySet()) {
            vars.add(e.getKey() + "=" + e.getValue());
        }
        this.envBytes = nulTerminated(vars);
        InputStream in = config.stdin() != null ? new ByteArrayInputStream(config.stdin()) : env.in();
        OutputStream out = config.stdoutSink() != null ? new SinkOutputStream(config.stdoutSink()) : env.out();
        OutputStream err = config.stderrSink() != null ? new SinkOutputStream(config.stderrSink()) : env.err();
        fds.add(new StreamDescriptor(in, null, config.terminal()));
        fds.add(new StreamDescriptor(null, out, config.terminal()));
        fds.add(new StreamDescriptor(null, err, config.terminal()));
        for (WasiConfig.Preopen p : config.preopens()) {
            TruffleFile root;
            try {
                root = env.getPublicTruffleFile(p.hostPath()).getCanonicalFile();
            } catch (IOException | SecurityException e) {
                throw new IllegalArgumentException("cannot open the directory " + p.hostPath() + " for the guest: "
                                + e.getMessage());
            }
            if (!root.isDirectory()) {
                throw new IllegalArgumentException("cannot open the directory " + p.hostPath()
                                + " for the guest: not a directory");
            }
            long rights = p.readOnly() ? Rights.DIRECTORY & ~Rights.MUTATING : Rights.DIRECTORY;
            long inheriting = p.readOnly() ? (Rights.DIRECTORY | Rights.REGULAR_FILE) & ~Rights.MUTATING
                            : Rights.DIRECTORY | Rights.REGULAR_FILE;
            fds.add(new DirectoryDescriptor(root, List.of(), p.readOnly(), p.guestPath(), rights, inheriting));
        }
    }

    private static byte[][] nulTerminated(List<String> strings) {
        byte[][] result = new byte[strings.size()][];
        for (int i = 0; i < result.length; i++) {
            byte[] utf8 = strings.get(i).getBytes(StandardCharsets.UTF_8);
            result[i] = new byte[utf8.length + 1];
            System.arraycopy(utf8, 0, result[i], 0, utf8.length);
        }
        return result;
    }

    /** Binds the memory the guest's pointers refer to: the importing instance's memory 0. */
    public void bindMemory(WasmMemory wasmMemory) {
        this.memory = wasmMemory == null ? null : new GuestMemory(wasmMemory);
    }

    /** Flushes the output streams; called when a program ends. */
    @TruffleBoundary
    public void flush() {
        for (Descriptor d : fds) {
            if (d instanceof StreamDescriptor s && s.out != null) {
                try {
                    s.out.flush();
                } catch (IOException e) {
                    // Nothing to tell the guest any more.
                }
            }
        }
    }

    /** Runs one call with its Wasm arguments (Integer for i32, Long for i64); returns the errno. */
    @TruffleBoundary
    public int call(WasiFunction function, Object[] a) {
        if (memory == null && function != WasiFunction.PROC_EXIT && function != WasiFunction.SCHED_YIELD) {
            throw new WasiSetupException("the guest called " + WasiFunction.MODULE + "." + function.wasiName()
                            + " but has no memory for WASI to use: a WASI module must define or import a memory");
        }
        try {
            dispatch(function, a);
            return Errno.SUCCESS.code();
        } catch (WasiError e) {
            return e.errno.code();
        }
    }

    private static int i(Object[] a, int index) {
        return (Integer) a[index];
    }

    private static long l(Object[] a, int index) {
        return (Long) a[index];
    }

    private void dispatch(WasiFunction f, Object[] a) throws WasiError {
        switch (f) {
            case ARGS_GET -> putStrings(argBytes, i(a, 0), i(a, 1));
            case ARGS_SIZES_GET -> putSizes(argBytes, i(a, 0), i(a, 1));
            case ENVIRON_GET -> putStrings(envBytes, i(a, 0), i(a, 1));
            case ENVIRON_SIZES_GET -> putSizes(envBytes, i(a, 0), i(a, 1));
            case CLOCK_RES_GET -> memory.putI64(i(a, 1), clockResolution(i(a, 0)));
            case CLOCK_TIME_GET -> memory.putI64(i(a, 2), clockTime(i(a, 0)));
            case FD_ADVISE -> advise(i(a, 0), l(a, 1), l(a, 2), i(a, 3));
            case FD_ALLOCATE -> allocate(i(a, 0), l(a, 1), l(a, 2));
            case FD_CLOSE -> close(i(a, 0));
            case FD_DATASYNC -> sync(i(a, 0), false);
            case FD_FDSTAT_GET -> fdstat(i(a, 0), i(a, 1));
            case FD_FDSTAT_SET_FLAGS -> setFlags(i(a, 0), i(a, 1));
            case FD_FDSTAT_SET_RIGHTS -> setRights(i(a, 0), l(a, 1), l(a, 2));
            case FD_FILESTAT_GET -> fdFilestat(i(a, 0), i(a, 1));
            case FD_FILESTAT_SET_SIZE -> setSize(i(a, 0), l(a, 1));
            case FD_FILESTAT_SET_TIMES -> fdSetTimes(i(a, 0), l(a, 1), l(a, 2), i(a, 3));
            case FD_PREAD -> pread(i(a, 0), i(a, 1), i(a, 2), l(a, 3), i(a, 4));
            case FD_PRESTAT_GET -> prestat(i(a, 0), i(a, 1));
            case FD_PRESTAT_DIR_NAME -> prestatName(i(a, 0), i(a, 1), i(a, 2));
            case FD_PWRITE -> pwrite(i(a, 0), i(a, 1), i(a, 2), l(a, 3), i(a, 4));
            case FD_READ -> read(i(a, 0), i(a, 1), i(a, 2), i(a, 3));
            case FD_READDIR -> readdir(i(a, 0), i(a, 1), i(a, 2), l(a, 3), i(a, 4));
            case FD_RENUMBER -> renumber(i(a, 0), i(a, 1));
            case FD_SEEK -> seek(i(a, 0), l(a, 1), i(a, 2), i(a, 3));
            case FD_SYNC -> sync(i(a, 0), true);
            case FD_TELL -> tell(i(a, 0), i(a, 1));
            case FD_WRITE -> write(i(a, 0), i(a, 1), i(a, 2), i(a, 3));
            case PATH_CREATE_DIRECTORY -> createDirectory(i(a, 0), path(i(a, 1), i(a, 2)));
            case PATH_FILESTAT_GET -> pathFilestat(i(a, 0), i(a, 1), path(i(a, 2), i(a, 3)), i(a, 4));
            case PATH_FILESTAT_SET_TIMES -> pathSetTimes(i(a, 0), i(a, 1), path(i(a, 2), i(a, 3)), l(a, 4), l(a, 5),
                            i(a, 6));
            case PATH_LINK -> link(i(a, 0), i(a, 1), path(i(a, 2), i(a, 3)), i(a, 4), path(i(a, 5), i(a, 6)));
            case PATH_OPEN -> open(i(a, 0), i(a, 1), path(i(a, 2), i(a, 3)), i(a, 4), l(a, 5), l(a, 6), i(a, 7),
                            i(a, 8));
            case PATH_READLINK -> readlink(i(a, 0), path(i(a, 1), i(a, 2)), i(a, 3), i(a, 4), i(a, 5));
            case PATH_REMOVE_DIRECTORY -> removeDirectory(i(a, 0), path(i(a, 1), i(a, 2)));
            case PATH_RENAME -> rename(i(a, 0), path(i(a, 1), i(a, 2)), i(a, 3), path(i(a, 4), i(a, 5)));
            case PATH_SYMLINK -> symlink(path(i(a, 0), i(a, 1)), i(a, 2), path(i(a, 3), i(a, 4)));
            case PATH_UNLINK_FILE -> unlink(i(a, 0), path(i(a, 1), i(a, 2)));
            case POLL_ONEOFF -> WasiPoll.pollOneoff(this, i(a, 0), i(a, 1), i(a, 2), i(a, 3));
            case PROC_EXIT -> {
                // The program is over: like a process's, its descriptors close as it exits.
                closeAll();
                throw new WasiExitException(i(a, 0));
            }
            case PROC_RAISE -> throw new WasiError(Errno.NOSYS);
            case SCHED_YIELD -> Thread.yield();
            case RANDOM_GET -> randomGet(i(a, 0), i(a, 1));
            case SOCK_ACCEPT, SOCK_RECV, SOCK_SEND, SOCK_SHUTDOWN -> {
                // No socket can be handed to a guest yet, so every open descriptor is not one.
                descriptor(i(a, 0));
                throw new WasiError(Errno.NOTSOCK);
            }
        }
    }

    GuestMemory memory() {
        return memory;
    }

    private String path(int pointer, int length) throws WasiError {
        return memory.string(pointer, length);
    }

    // ---- arguments, environment, clocks, random ----

    private void putStrings(byte[][] strings, int pointers, int buffer) throws WasiError {
        int at = buffer;
        for (int k = 0; k < strings.length; k++) {
            memory.putI32(pointers + 4 * k, at);
            memory.write(at, strings[k], 0, strings[k].length);
            at += strings[k].length;
        }
    }

    private void putSizes(byte[][] strings, int countPointer, int sizePointer) throws WasiError {
        int size = 0;
        for (byte[] s : strings) {
            size += s.length;
        }
        memory.putI32(countPointer, strings.length);
        memory.putI32(sizePointer, size);
    }

    static final int CLOCK_REALTIME = 0;
    static final int CLOCK_MONOTONIC = 1;
    static final int CLOCK_PROCESS_CPUTIME = 2;
    static final int CLOCK_THREAD_CPUTIME = 3;

    private static long clockResolution(int id) throws WasiError {
        return switch (id) {
            case CLOCK_REALTIME, CLOCK_PROCESS_CPUTIME, CLOCK_THREAD_CPUTIME -> 1000L;
            case CLOCK_MONOTONIC -> 1L;
            default -> throw new WasiError(Errno.INVAL);
        };
    }

    long clockTime(int id) throws WasiError {
        switch (id) {
            case CLOCK_REALTIME -> {
                Instant now = Instant.now();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }
            case CLOCK_MONOTONIC -> {
                return System.nanoTime() - monotonicOrigin;
            }
            case CLOCK_PROCESS_CPUTIME -> {
                return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos())
                                .orElseGet(() -> System.nanoTime() - monotonicOrigin);
            }
            case CLOCK_THREAD_CPUTIME -> {
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime()
                                : System.nanoTime() - monotonicOrigin;
            }
            default -> throw new WasiError(Errno.INVAL);
        }
    }

    private void randomGet(int buffer, int length) throws WasiError {
        memory.checkRange(buffer, length);
        if (random == null) {
            random = new SecureRandom();
        }
        long remaining = Integer.toUnsignedLong(length);
        byte[] chunk = new byte[(int) Math.min(remaining, 65536)];
        int at = buffer;
        while (remaining > 0) {
            int n = (int) Math.min(remaining, chunk.length);
            random.nextBytes(chunk);
            memory.write(at, chunk, 0, n);
            at += n;
            remaining -= n;
        }
    }

    // ---- descriptors ----

    Descriptor descriptor(int fd) throws WasiError {
        if (fd < 0 || fd >= fds.size() || fds.get(fd) == null) {
            throw new WasiError(Errno.BADF);
        }
        return fds.get(fd);
    }

    private DirectoryDescriptor directory(int fd) throws WasiError {
        if (descriptor(fd) instanceof DirectoryDescriptor dir) {
            return dir;
        }
        throw new WasiError(Errno.NOTDIR);
    }

    private int allocateFd(Descriptor d) {
        for (int k = 3; k < fds.size(); k++) {
            if (fds.get(k) == null) {
                fds.set(k, d);
                return k;
            }
        }
        fds.add(d);
        return fds.size() - 1;
    }

    private void close(int fd) throws WasiError {
        Descriptor d = descriptor(fd);
        fds.set(fd, null);
        try {
            d.close();
        } catch (IOException e) {
            throw WasiIO.errno(e);
        }
    }

    private void renumber(int from, int to) throws WasiError {
        Descriptor d = descriptor(from);
        Descriptor old = descriptor(to);
        if (from == to) {
            return;
        }
        fds.set(to, d);
        fds.set(from, null);
        try {
            old.close();
        } catch (IOException e) {
            // The guest asked for the descriptor to be replaced; it is.
        }
    }

    private void fdstat(int fd, int buf) throws WasiError {
        Descriptor d = descriptor(fd);
        memory.zero(buf, 24);
        memory.putU8(buf, d.filetype());
        memory.putU16(buf + 2, d.fdflags);
        memory.putI64(buf + 8, d.rightsBase);
        memory.putI64(buf + 16, d.rightsInheriting);
    }

    private void setFlags(int fd, int flags) throws WasiError {
        Descriptor d = descriptor(fd);
        d.require(Rights.FD_FDSTAT_SET_FLAGS);
        int known = Descriptor.FDFLAG_APPEND | Descriptor.FDFLAG_DSYNC | Descriptor.FDFLAG_NONBLOCK
                        | Descriptor.FDFLAG_RSYNC | Descriptor.FDFLAG_SYNC;
        if ((flags & ~known) != 0) {
            throw new WasiError(Errno.INVAL);
        }
        // Like Linux's fcntl(F_SETFL), only append and non-blocking can change on an open file.
        int changeable = Descriptor.FDFLAG_APPEND | Descriptor.FDFLAG_NONBLOCK;
        d.fdflags = (d.fdflags & ~changeable) | (flags & changeable);
    }

    private void setRights(int fd, long base, long inheriting) throws WasiError {
        Descriptor d = descriptor(fd);
        if ((base & ~d.rightsBase) != 0 || (inheriting & ~d.rightsInheriting) != 0) {
            throw new WasiError(Errno.NOTCAPABLE);
        }
        d.rightsBase = base;
        d.rightsInheriting = inheriting;
    }

    private void prestat(int fd, int buf) throws WasiError {
        if (!(descriptor(fd) instanceof DirectoryDescriptor dir) || dir.preopenName == null) {
            throw new WasiError(Errno.BADF);
        }
        memory.putI32(buf, 0);
        memory.putI32(buf + 4, dir.preopenName.getBytes(StandardCharsets.UTF_8).length);
    }

    private void prestatName(int fd, int buf, int length) throws WasiError {
        if (!(descriptor(fd) instanceof DirectoryDescriptor dir) || dir.preopenName == null) {
            throw new WasiError(Errno.BADF);
        }
        byte[] name = dir.preopenName.getBytes(StandardCharsets.UTF_8);
        if (Integer.toUnsignedLong(length) < name.length) {
            throw new WasiError(Errno.NAMETOOLONG);
        }
        memory.write(buf, name, 0, name.length);
    }

    // ---- reading and writing ----

    private record IoVec(int buf, int length) {
    }

    private List<IoVec> iovecs(int iovs, int count) throws WasiError {
        if (count < 0 || count > 1024) {
            throw new WasiError(Errno.INVAL);
        }
        List<IoVec> list = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            IoVec v = new IoVec(memory.i32(iovs + 8 * k), memory.i32(iovs + 8 * k + 4));
            memory.checkRange(v.buf, v.length);
            list.add(v);
        }
        return list;
    }

    private byte[] gather(List<IoVec> vecs) throws WasiError {
        long total = 0;
        for (IoVec v : vecs) {
            total += Integer.toUnsignedLong(v.length);
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new WasiError(Errno.INVAL);
        }
        byte[] data = new byte[(int) total];
        int at = 0;
        for (IoVec v : vecs) {
            byte[] part = memory.read(v.buf, v.length);
            System.arraycopy(part, 0, data, at, part.length);
            at += part.length;
        }
        return data;
    }

    private void write(int fd, int iovs, int count, int nwritten) throws WasiError {
        Descriptor d = descriptor(fd);
        d.require(Rights.FD_WRITE);
        byte[] data = gather(iovecs(iovs, count));
        memory.checkRange(nwritten, 4);
        if (d instanceof StreamDescriptor s) {
            if (s.out == null) {
                throw new WasiError(Errno.BADF);
            }
            try {
                s.out.write(data);
                s.out.flush();
            } catch (IOException e) {
                throw WasiIO.errno(e);
            }
        } else if (d instanceof FileDescriptor f) {
            if (!f.writable) {
                throw new WasiError(Errno.BADF);
            }
            try {
                if ((f.fdflags & Descriptor.FDFLAG_APPEND) != 0) {
                    f.channel.position(f.channel.size());
                }
                writeFully(f, data);
            } catch (IOException e) {
                throw WasiIO.errno(e);
            }
        } else {
            throw new WasiError(Errno.BADF);
        }
        memory.putI32(nwritten, data.length);
    }

    private static void writeFully(FileDescriptor f, byte[] data) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        while (buffer.hasRemaining()) {
            f.channel.write(buffer);
        }
    }

    private void pwrite(int fd, int iovs, int count, long offset, int nwritten) throws WasiError {
        Descriptor d = descriptor(fd);
        d.require(Rights.FD_WRITE | Rights.FD_SEEK);
        FileDescriptor f = seekableFile(d);
        if (!f.writable) {
            throw new WasiError(Errno.BADF);
        }
        if (offset < 0) {
            throw new WasiError(Errno.INVAL);
        }
        byte[] data = gather(iovecs(iovs, count));
        memory.checkRange(nwritten, 4);
        try {
            long saved = f.channel.position();
            // Linux's pwrite ignores the offset on an append-mode file and writes at the end.
            f.channel.position((f.fdflags & Descriptor.FDFLAG_APPEND) != 0 ? f.channel.size() : offset);
            writeFully(f, data);
            f.channel.position(saved);
        } catch (IOException e) {
            throw WasiIO.errno(e);
        }
        memory.putI32(nwritten, data.length);
    }

    private FileDescriptor seekableFile(Descriptor d) throws WasiError {
        if (d instanceof FileDescriptor f) {
            return f;
        } else if (d instanceof DirectoryDescriptor) {
            throw new WasiError(Errno.ISDIR);
        }
        throw new WasiError(Errno.SPIPE);
    }

    private void read(int fd, int iovs, int count, int nread) throws WasiError {
        Descriptor d = descriptor(fd);
        d.require(Rights.FD_READ);
        List<IoVec> vecs = iovecs(iovs, count);
        memory.checkRange(nread, 4);
        long total = 0;
        try {
            if (d instanceof StreamDescriptor s) {
                if (s.in == null) {
                    throw new WasiError(Errno.BADF);
                }
                total = readStream(s.in, vecs);
            } else if (d instanceof FileDescriptor f) {
                if (!f.readable) {
                    throw new WasiError(Errno.BADF);
                }
                total = readChannel(f, vecs);
            } else {
                throw new WasiError(Errno.ISDIR);
            }
        } catch (IOException e) {
            throw WasiIO.errno(e);
        }
        memory.putI32(nread, (int) total);
    }

    /** Blocks only for the first bytes, like a read(2) from a pipe or terminal. */
    private long readStream(InputStream in, List<IoVec> vecs) throws IOException, WasiError {
        long total = 0;
        for (IoVec v : vecs) {
            if (v.length == 0) {
                continue;
            }
            if (total > 0 && in.available() <= 0) {
                break;
            }
            byte[] chunk = new byte[(int) Math.min(Integer.toUnsignedLong(v.length), 1 << 20)];
            int n = in.read(chunk, 0, total > 0 ? Math.min(chunk.length, in.available()) : chunk.length);
            if (n <= 0) {
                break;
            }
            memory.write(v.buf, chunk, 0, n);
            total += n;
            if (n < chunk.length) {
                break;
            }
        }
        return total;
    }

    private long readChannel(FileDescriptor f, List<IoVec> vecs) throws IOException, WasiError {
        long total = 0;
        for (IoVec v : vecs) {
            byte[] chunk = new byte[(int) Math.min(Integer.toUnsignedLong(v.length), 1 << 24)];
            ByteBuffer buffer = ByteBuffer.wrap(chunk);
            while (buffer.hasRemaining()) {
                if (f.channel.read(buffer) < 0) {
                    break;
                }
            }
            int n = buffer.position();
            memory.write(v.buf, chunk, 0, n);
            total += n;
            if (n < chunk.length) {
                break;
            }
        }
        return total;
    }

    private void pread(int fd, int iovs, int count, long offset, int nread) throws WasiError {
        Descriptor d = descriptor(fd);
        d.require(Rights.FD_READ | Rights.FD_SEEK);
        FileDescriptor f = seekableFile(d);
        if (!f.readable) {
            throw new WasiError(Errno.BADF);
        }
        if (offset < 0) {
            throw new WasiError(Errno.INVAL);
        }
        List<IoVec> vecs = iovecs(iovs, count);
        memory.checkRange(nread, 4);
        long total;
        try {
            long saved = f.channel.position();
            f.channel.position(offset);
            total = readChannel(f, vecs);
            f.channel.position(saved);
        } catch (IOException e) {
            throw WasiIO.errno(e);
        }
        memory.putI32(nread, (int) total);
    }

    static final int WHENCE_SET = 0;
    static final int WHENCE_CUR = 1;
    static final int WHENCE_END = 2;

    private void seek(int fd, long offset, int whence, int newOffset) throws WasiError {
        Descriptor d = descriptor(fd);
        d.require(offset == 0 && whence == WHENCE_CUR ? Rights.FD_TELL : Rights.FD_SEEK);
        if (d instanceof DirectoryDescriptor) {
            throw new WasiError(Errno.BADF);
        }
        FileDescriptor f = seekableFile(d);
        try {
            long target = switch (whence) {
                case WHENCE_SET -> offset;
                case WHENCE_CUR -> f.channel.position() + offset;
                case WHENCE_END -> f.channel.size() + offset;
                default -> throw new WasiError(Errno.INVAL);
            };
            if (target < 0) {
                throw new WasiError(Errno.INVAL);
            }
            memory.checkRange(newOffset, 8);
            f.channel.position(target);
            memory.putI64(newOffset, target);
        } catch (IOException e) {
            throw WasiIO.errno(e);
        }
    }

    private void tell(int fd, int offsetPointer) throws WasiError {
        Descriptor d = descriptor(fd);
        d.require(Rights.FD_TELL);
        FileDescriptor f = seekableFile(d);
        try {
            memory.putI64(offsetPointer, f.channel.position());
        } catch (IOException e) {
            throw WasiIO.errno(e);
        }
    }

    private void sync(int fd, boolean metadata) throws WasiError {
        Descriptor d = descriptor(fd);
        d.require(metadata ? Rights.FD_SYNC : Rights.FD_DATASYNC);
        try {
            if (d instanceof FileDescriptor f && f.channel instanceof FileChannel channel) {
                channel.force(metadata);
            } else if (d instanceof StreamDescriptor s && s.out != null) {
                s.out.flush();
            }
        } catch (IOException e) {
            throw WasiIO.errno(e);
        }
    }

    private void advise(int fd, long offset, long length, int advice) throws WasiError {
        Descriptor d = descriptor(fd);
        d.require(Rights.FD_ADVISE);
        if (advice < 0 || advice > 5 || offset < 0 || length < 0) {
            throw new WasiError(Errno.INVAL);
        }
        if (d instanceof DirectoryDescriptor) {
            throw new WasiError(Errno.BADF);
        }
        seekableFile(d);
        // Advice is a hint; the JVM has no use for it.
    }

    private void allocate(int fd, long offset, long length) throws WasiError {
        Descriptor d = descriptor(fd);
        d.require(Rights.FD_ALLOCATE);
        FileDescriptor f = seekableFile(d);
        if (offset < 0 || length <= 0) {
            throw new WasiError(Errno.INVAL);
        }
        if (!f.writable) {
            throw new WasiError(Errno.BADF);
        }
        try {
            long end = Math.addExact(offset, length);
            if (end > f.channel.size()) {
                extend(f, end);
            }
        } catch (ArithmeticException e) {
            throw new WasiError(Errno.FBIG);
        } catch (IOException e) {
            throw WasiIO.errno(e);
        }
    }

    /** Grows a file to {@code size} bytes with zeros, keeping the position. */
    private static void extend(FileDescriptor f, long size) throws IOException {
        long saved = f.channel.position();
        f.channel.position(size - 1);
        f.channel.write(ByteBuffer.wrap(new byte[1]));
        f.channel.position(saved);
    }

    private void setSize(int fd, long size) throws WasiError {
        Descriptor d = descriptor(fd);
        d.require(Rights.FD_FILESTAT_SET_SIZE);
        FileDescriptor f = seekableFile(d);
        if (size < 0) {
            throw new WasiError(Errno.INVAL);
        }
        if (!f.writable) {
            throw new WasiError(Errno.BADF);
        }
        try {
            long current = f.channel.size();
            if (size < current) {
                long saved = f.channel.position();
                f.channel.truncate(size);
                f.channel.position(saved);
            } else if (size > current) {
                extend(f, size);
            }
        } catch (IOException e) {
            throw WasiIO.errno(e);
        }
    }

    // ---- file status ----

    private void fdFilestat(int fd, int buf) throws WasiError {
        Descriptor d = descriptor(fd);
        d.require(Rights.FD_FILESTAT_GET);
        memory.checkRange(buf, 64);
        if (d instanceof FileDescriptor f) {
            putFilestat(buf, f.file, true);
        } else if (d instanceof DirectoryDescriptor dir) {
            putFilestat(buf, dir.file(), true);
        } else {
            memory.zero(buf, 64);
            memory.putU8(buf + 16, d.filetype());
        }
    }

    private static final List<TruffleFile.AttributeDescriptor<?>> STAT_ATTRIBUTES = List.of(TruffleFile.SIZE,
                    TruffleFile.LAST_ACCESS_TIME, TruffleFile.LAST_MODIFIED_TIME, TruffleFile.IS_DIRECTORY,
                    TruffleFile.IS_REGULAR_FILE, TruffleFile.IS_SYMBOLIC_LINK);
    private static final List<TruffleFile.AttributeDescriptor<?>> UNIX_ATTRIBUTES = List.of(TruffleFile.UNIX_DEV,
                    TruffleFile.UNIX_INODE, TruffleFile.UNIX_NLINK, TruffleFile.UNIX_CTIME);

    private void putFilestat(int buf, TruffleFile file, boolean follow) throws WasiError {
        LinkOption[] options = follow ? new LinkOption[0] : NOFOLLOW;
        TruffleFile.Attributes attrs;
        try {
            attrs = file.getAttributes(STAT_ATTRIBUTES, options);
        } catch (IOException | SecurityException e) {
            throw WasiIO.errno(e);
        }
        long dev = 0;
        long ino = 0;
        long nlink = 1;
        FileTime ctime = attrs.get(TruffleFile.LAST_MODIFIED_TIME);
        try {
            TruffleFile.Attributes unix = file.getAttributes(UNIX_ATTRIBUTES, options);
            dev = unix.get(TruffleFile.UNIX_DEV);
            ino = unix.get(TruffleFile.UNIX_INODE);
            nlink = unix.get(TruffleFile.UNIX_NLINK);
            ctime = unix.get(TruffleFile.UNIX_CTIME);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // Not a POSIX file system: device and inode numbers stay 0.
        }
        byte type;
        if (attrs.get(TruffleFile.IS_SYMBOLIC_LINK)) {
            type = Descriptor.FILETYPE_SYMBOLIC_LINK;
        } else if (attrs.get(TruffleFile.IS_DIRECTORY)) {
            type = Descriptor.FILETYPE_DIRECTORY;
        } else if (attrs.get(TruffleFile.IS_REGULAR_FILE)) {
            type = Descriptor.FILETYPE_REGULAR_FILE;
        } else {
            type = Descriptor.FILETYPE_UNKNOWN;
        }
        memory.zero(buf, 64);
        memory.putI64(buf, dev);
        memory.putI64(buf + 8, ino);
        memory.putU8(buf + 16, type);
        memory.putI64(buf + 24, nlink);
        memory.putI64(buf + 32, attrs.get(TruffleFile.SIZE));
        memory.putI64(buf + 40, nanos(attrs.get(TruffleFile.LAST_ACCESS_TIME)));
        memory.putI64(buf + 48, nanos(attrs.get(TruffleFile.LAST_MODIFIED_TIME)));
        memory.putI64(buf + 56, nanos(ctime));
    }

    private static long nanos(FileTime time) {
        Instant instant = time.toInstant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    static final int FST_ATIM = 1;
    static final int FST_ATIM_NOW = 2;
    static final int FST_MTIM = 4;
    static final int FST_MTIM_NOW = 8;

    private void setTimes(TruffleFile file, long atim, long mtim, int flags, boolean follow) throws WasiError {
        if ((flags & ~0xF) != 0 || (flags & (FST_ATIM | FST_ATIM_NOW)) == (FST_ATIM | FST_ATIM_NOW)
                        || (flags & (FST_MTIM | FST_MTIM_NOW)) == (FST_MTIM | FST_MTIM_NOW)) {
            throw new WasiError(Errno.INVAL);
        }
        LinkOption[] options = follow ? new LinkOption[0] : NOFOLLOW;
        FileTime now = FileTime.from(Instant.now());
        try {
            if ((flags & FST_ATIM) != 0) {
                file.setLastAccessTime(FileTime.from(atim, TimeUnit.NANOSECONDS), options);
            } else if ((flags & FST_ATIM_NOW) != 0) {
                file.setLastAccessTime(now, options);
            }
            if ((flags & FST_MTIM) != 0) {
                file.setLastModifiedTime(FileTime.from(mtim, TimeUnit.NANOSECONDS), options);
            } else if ((flags & FST_MTIM_NOW) != 0) {
                file.setLastModifiedTime(now, options);
            }
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            throw WasiIO.errno(e);
        }
    }

    private void fdSetTimes(int fd, long atim, long mtim, int flags) throws WasiError {
        Descriptor d = descriptor(fd);
        d.require(Rights.FD_FILESTAT_SET_TIMES);
        if (d instanceof FileDescriptor f) {
            setTimes(f.file, atim, mtim, flags, true);
        } else if (d instanceof DirectoryDescriptor dir) {
            setTimes(dir.file(), atim, mtim, flags, true);
        } else {
            throw new WasiError(Errno.BADF);
        }
    }

    // ---- paths ----

    static final int LOOKUP_SYMLINK_FOLLOW = 1;

    private static boolean exists(TruffleFile file) {
        return file.exists(LinkOption.NOFOLLOW_LINKS);
    }

    private static void refuseIfReadOnly(DirectoryDescriptor dir) throws WasiError {
        if (dir.readOnly) {
            throw new WasiError(Errno.ROFS);
        }
    }

    /** The directory {@code fd} for a call that changes what lies below it. */
    private DirectoryDescriptor changeableDirectory(int fd, long right) throws WasiError {
        DirectoryDescriptor dir = directory(fd);
        dir.require(right);
        refuseIfReadOnly(dir);
        return dir;
    }

    /** The file a path names, which must exist (a trailing slash requires a directory). */
    private static TruffleFile existing(SandboxPath p) throws WasiError {
        TruffleFile file = p.file();
        if (!exists(file)) {
            throw new WasiError(Errno.NOENT);
        }
        if (p.trailingSlash && !file.isDirectory(LinkOption.NOFOLLOW_LINKS)) {
            throw new WasiError(Errno.NOTDIR);
        }
        return file;
    }

    private static void delete(TruffleFile file) throws WasiError {
        try {
            file.delete();
        } catch (IOException | SecurityException e) {
            throw WasiIO.errno(e);
        }
    }

    private void pathFilestat(int fd, int flags, String path, int buf) throws WasiError {
        DirectoryDescriptor dir = directory(fd);
        dir.require(Rights.PATH_FILESTAT_GET);
        TruffleFile file = existing(SandboxPath.resolve(dir, path, (flags & LOOKUP_SYMLINK_FOLLOW) != 0));
        putFilestat(buf, file, false);
    }

    private void pathSetTimes(int fd, int flags, String path, long atim, long mtim, int fst) throws WasiError {
        DirectoryDescriptor dir = directory(fd);
        dir.require(Rights.PATH_FILESTAT_SET_TIMES);
        TruffleFile file = existing(SandboxPath.resolve(dir, path, (flags & LOOKUP_SYMLINK_FOLLOW) != 0));
        setTimes(file, atim, mtim, fst, false);
    }

    private void createDirectory(int fd, String path) throws WasiError {
        DirectoryDescriptor dir = changeableDirectory(fd, Rights.PATH_CREATE_DIRECTORY);
        SandboxPath p = SandboxPath.resolve(dir, path, false);
        TruffleFile file = p.file();
        if (p.isBase() || exists(file)) {
            throw new WasiError(Errno.EXIST);
        }
        try {
            file.createDirectory();
        } catch (IOException | SecurityException e) {
            throw WasiIO.errno(e);
        }
    }

    private void removeDirectory(int fd, String path) throws WasiError {
        DirectoryDescriptor dir = changeableDirectory(fd, Rights.PATH_REMOVE_DIRECTORY);
        SandboxPath p = SandboxPath.resolve(dir, path, false);
        if (p.isBase()) {
            throw new WasiError(Errno.INVAL);
        }
        TruffleFile file = p.file();
        if (!exists(file)) {
            throw new WasiError(Errno.NOENT);
        }
        if (!file.isDirectory(LinkOption.NOFOLLOW_LINKS)) {
            throw new WasiError(Errno.NOTDIR);
        }
        delete(file);
    }

    private void unlink(int fd, String path) throws WasiError {
        DirectoryDescriptor dir = changeableDirectory(fd, Rights.PATH_UNLINK_FILE);
        SandboxPath p = SandboxPath.resolve(dir, path, false);
        TruffleFile file = p.file();
        if (p.isBase()) {
            throw new WasiError(Errno.ISDIR);
        }
        if (!exists(file)) {
            throw new WasiError(Errno.NOENT);
        }
        if (file.isDirectory(LinkOption.NOFOLLOW_LINKS)) {
            throw new WasiError(Errno.ISDIR);
        }
        if (p.trailingSlash) {
            throw new WasiError(Errno.NOTDIR);
        }
        delete(file);
    }

    private void readlink(int fd, String path, int buf, int length, int used) throws WasiError {
        DirectoryDescriptor dir = directory(fd);
        dir.require(Rights.PATH_READLINK);
        SandboxPath p = SandboxPath.resolve(dir, path, false);
        TruffleFile file = p.file();
        if (!exists(file)) {
            throw new WasiError(Errno.NOENT);
        }
        if (!SandboxPath.isLink(file)) {
            throw new WasiError(Errno.INVAL);
        }
        byte[] target;
        try {
            target = file.readSymbolicLink().getPath().getBytes(StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            throw WasiIO.errno(e);
        }
        int n = (int) Math.min(target.length, Integer.toUnsignedLong(length));
        memory.write(buf, target, 0, n);
        memory.putI32(used, n);
    }

    private void symlink(String target, int fd, String path) throws WasiError {
        DirectoryDescriptor dir = changeableDirectory(fd, Rights.PATH_SYMLINK);
        if (target.isEmpty()) {
            throw new WasiError(Errno.NOENT);
        }
        if (target.indexOf('\0') >= 0) {
            throw new WasiError(Errno.INVAL);
        }
        if (target.startsWith("/")) {
            // An absolute target could never be followed inside the sandbox.
            throw new WasiError(Errno.PERM);
        }
        SandboxPath p = SandboxPath.resolve(dir, path, false);
        TruffleFile link = p.file();
        if (p.isBase() || exists(link)) {
            throw new WasiError(Errno.EXIST);
        }
        if (p.trailingSlash) {
            throw new WasiError(Errno.NOENT);
        }
        try {
            link.createSymbolicLink(env.getPublicTruffleFile(target));
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            throw WasiIO.errno(e);
        }
    }

    private void link(int oldFd, int oldFlags, String oldPath, int newFd, String newPath) throws WasiError {
        DirectoryDescriptor oldDir = directory(oldFd);
        DirectoryDescriptor newDir = directory(newFd);
        oldDir.require(Rights.PATH_LINK_SOURCE);
        newDir.require(Rights.PATH_LINK_TARGET);
        refuseIfReadOnly(newDir);
        if ((oldFlags & LOOKUP_SYMLINK_FOLLOW) != 0) {
            // Hard links to what a symlink names would let a link inside reach a file outside.
            throw new WasiError(Errno.INVAL);
        }
        SandboxPath source = SandboxPath.resolve(oldDir, oldPath, false);
        SandboxPath target = SandboxPath.resolve(newDir, newPath, false);
        TruffleFile existing = source.file();
        TruffleFile link = target.file();
        if (!exists(existing)) {
            throw new WasiError(Errno.NOENT);
        }
        if (existing.isDirectory(LinkOption.NOFOLLOW_LINKS)) {
            throw new WasiError(Errno.PERM);
        }
        if (source.trailingSlash) {
            throw new WasiError(Errno.NOTDIR);
        }
        if (target.isBase() || exists(link)) {
            throw new WasiError(Errno.EXIST);
        }
        if (target.trailingSlash) {
            throw new WasiError(Errno.NOENT);
        }
        try {
            link.createLink(existing);
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            throw WasiIO.errno(e);
        }
    }

    private void rename(int oldFd, String oldPath, int newFd, String newPath) throws WasiError {
        DirectoryDescriptor oldDir = directory(oldFd);
        DirectoryDescriptor newDir = directory(newFd);
        oldDir.require(Rights.PATH_RENAME_SOURCE);
        newDir.require(Rights.PATH_RENAME_TARGET);
        refuseIfReadOnly(oldDir);
        refuseIfReadOnly(newDir);
        SandboxPath source = SandboxPath.resolve(oldDir, oldPath, false);
        SandboxPath target = SandboxPath.resolve(newDir, newPath, false);
        if (source.isBase() || target.isBase()) {
            throw new WasiError(Errno.BUSY);
        }
        TruffleFile from = source.file();
        TruffleFile to = target.file();
        if (!exists(from)) {
            throw new WasiError(Errno.NOENT);
        }
        boolean fromDir = from.isDirectory(LinkOption.NOFOLLOW_LINKS);
        if (!fromDir && (source.trailingSlash || target.trailingSlash)) {
            throw new WasiError(Errno.NOTDIR);
        }
        if (exists(to)) {
            boolean toDir = to.isDirectory(LinkOption.NOFOLLOW_LINKS);
            if (fromDir && !toDir) {
                throw new WasiError(Errno.NOTDIR);
            }
            if (!fromDir && toDir) {
                throw new WasiError(Errno.ISDIR);
            }
            if (from.equals(to)) {
                return;
            }
        }
        if (fromDir && isBelow(from, to)) {
            throw new WasiError(Errno.INVAL);
        }
        try {
            from.move(to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            throw WasiIO.errno(e);
        }
    }

    /** Whether {@code inner} lies strictly inside directory {@code outer}. */
    private static boolean isBelow(TruffleFile outer, TruffleFile inner) {
        TruffleFile at = inner.getParent();
        while (at != null) {
            if (at.equals(outer)) {
                return true;
            }
            at = at.getParent();
        }
        return false;
    }

    static final int OFLAG_CREAT = 1;
    static final int OFLAG_DIRECTORY = 2;
    static final int OFLAG_EXCL = 4;
    static final int OFLAG_TRUNC = 8;

    private static final long READ_RIGHTS = Rights.FD_READ | Rights.FD_READDIR;
    private static final long WRITE_RIGHTS = Rights.FD_WRITE | Rights.FD_DATASYNC | Rights.FD_ALLOCATE
                    | Rights.FD_FILESTAT_SET_SIZE;

    private void open(int fd, int dirflags, String path, int oflags, long base, long inheriting, int fdflags,
                    int resultPointer) throws WasiError {
        DirectoryDescriptor dir = directory(fd);
        dir.require(Rights.PATH_OPEN);
        if ((oflags & ~0xF) != 0 || (fdflags & ~0x1F) != 0) {
            throw new WasiError(Errno.INVAL);
        }
        boolean create = (oflags & OFLAG_CREAT) != 0;
        boolean exclusive = (oflags & OFLAG_EXCL) != 0;
        boolean truncate = (oflags & OFLAG_TRUNC) != 0;
        boolean wantDirectory = (oflags & OFLAG_DIRECTORY) != 0;
        if (create) {
            dir.require(Rights.PATH_CREATE_FILE);
        }
        if (truncate && (dir.rightsBase & Rights.PATH_FILESTAT_SET_SIZE) == 0) {
            // What the WASI test suite expects here (truncation_rights), rather than NOTCAPABLE.
            throw new WasiError(Errno.PERM);
        }
        memory.checkRange(resultPointer, 4);
        SandboxPath p = SandboxPath.resolve(dir, path, (dirflags & LOOKUP_SYMLINK_FOLLOW) != 0);
        TruffleFile file = p.file();
        boolean exists = exists(file);
        if (exists && SandboxPath.isLink(file)) {
            // The last component is a link the guest asked not to follow (O_NOFOLLOW).
            throw new WasiError(wantDirectory ? Errno.NOTDIR : Errno.LOOP);
        }
        if (exists && create && exclusive) {
            throw new WasiError(Errno.EXIST);
        }
        boolean isDirectory = exists && file.isDirectory(LinkOption.NOFOLLOW_LINKS);
        // Rights the directory cannot pass on (write rights under a read-only preopen) are
        // dropped rather than refused, as a read-only open of such a file works on POSIX.
        boolean write = (base & dir.rightsInheriting & WRITE_RIGHTS) != 0 || (fdflags & Descriptor.FDFLAG_APPEND) != 0;
        if (isDirectory) {
            // As open(2): a directory cannot be opened for writing, even with O_DIRECTORY.
            if (truncate || write) {
                throw new WasiError(Errno.ISDIR);
            }
            if (create && exclusive) {
                throw new WasiError(Errno.EXIST);
            }
            List<String> components = new ArrayList<>(dir.components);
            components.addAll(p.components);
            long dirBase = base & (Rights.DIRECTORY | Rights.FD_FILESTAT_GET) & dir.rightsInheriting;
            int newFd = allocateFd(new DirectoryDescriptor(dir.root, components, dir.readOnly, null, dirBase,
                            inheriting & dir.rightsInheriting));
            memory.putI32(resultPointer, newFd);
            return;
        }
        if (wantDirectory) {
            throw new WasiError(exists ? Errno.NOTDIR : Errno.NOENT);
        }
        if (!exists && !create) {
            throw new WasiError(Errno.NOENT);
        }
        if (p.trailingSlash) {
            throw new WasiError(exists ? Errno.NOTDIR : Errno.ISDIR);
        }
        if (p.isBase()) {
            throw new WasiError(Errno.ISDIR);
        }
        if (dir.readOnly && (write || truncate || (create && !exists))) {
            throw new WasiError(Errno.ROFS);
        }
        boolean read = (base & READ_RIGHTS) != 0 || !write;
        Set<OpenOption> options = new HashSet<>();
        options.add(LinkOption.NOFOLLOW_LINKS);
        if (read) {
            options.add(StandardOpenOption.READ);
        }
        if (write || truncate || (create && !exists)) {
            options.add(StandardOpenOption.WRITE);
        }
        if (create) {
            options.add(exclusive ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
        }
        if (truncate) {
            options.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        if ((fdflags & (Descriptor.FDFLAG_SYNC | Descriptor.FDFLAG_RSYNC)) != 0) {
            options.add(StandardOpenOption.SYNC);
        } else if ((fdflags & Descriptor.FDFLAG_DSYNC) != 0) {
            options.add(StandardOpenOption.DSYNC);
        }
        java.nio.channels.SeekableByteChannel channel;
        try {
            channel = file.newByteChannel(options);
        } catch (IOException | SecurityException | UnsupportedOperationException | IllegalArgumentException e) {
            throw WasiIO.errno(e);
        }
        long fileBase = base & Rights.REGULAR_FILE & dir.rightsInheriting;
        int newFd = allocateFd(new FileDescriptor(file, channel, read, write, fileBase,
                        inheriting & dir.rightsInheriting, fdflags));
        memory.putI32(resultPointer, newFd);
    }

    // ---- directories ----

    private static final int DIRENT_HEADER = 24;

    private void readdir(int fd, int buf, int length, long cookie, int usedPointer) throws WasiError {
        Descriptor d = descriptor(fd);
        if (!(d instanceof DirectoryDescriptor dir)) {
            throw new WasiError(Errno.NOTDIR);
        }
        dir.require(Rights.FD_READDIR);
        memory.checkRange(buf, length);
        memory.checkRange(usedPointer, 4);
        if (cookie < 0) {
            throw new WasiError(Errno.INVAL);
        }
        TruffleFile self = dir.file();
        List<TruffleFile> entries = new ArrayList<>();
        List<String> names = new ArrayList<>();
        names.add(".");
        entries.add(self);
        names.add("..");
        entries.add(dir.components.isEmpty() ? self : self.getParent());
        List<TruffleFile> children = new ArrayList<>();
        try (var stream = self.newDirectoryStream()) {
            for (TruffleFile child : stream) {
                children.add(child);
            }
        } catch (IOException | SecurityException e) {
            throw WasiIO.errno(e);
        }
        children.sort((x, y) -> x.getName().compareTo(y.getName()));
        for (TruffleFile child : children) {
            names.add(child.getName());
            entries.add(child);
        }
        long capacity = Integer.toUnsignedLong(length);
        long used = 0;
        for (long k = cookie; k < entries.size() && used < capacity; k++) {
            TruffleFile entry = entries.get((int) k);
            byte[] name = names.get((int) k).getBytes(StandardCharsets.UTF_8);
            byte[] record = new byte[DIRENT_HEADER + name.length];
            ByteBuffer header = ByteBuffer.wrap(record).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            header.putLong(0, k + 1);
            header.putLong(8, inode(entry));
            header.putInt(16, name.length);
            header.put(20, direntType(entry));
            System.arraycopy(name, 0, record, DIRENT_HEADER, name.length);
            int n = (int) Math.min(record.length, capacity - used);
            memory.write(buf + (int) used, record, 0, n);
            used += n;
        }
        memory.putI32(usedPointer, (int) used);
    }

    private static long inode(TruffleFile file) {
        try {
            return file.getAttribute(TruffleFile.UNIX_INODE, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return 0;
        }
    }

    private static byte direntType(TruffleFile file) {
        if (SandboxPath.isLink(file)) {
            return Descriptor.FILETYPE_SYMBOLIC_LINK;
        } else if (file.isDirectory(LinkOption.NOFOLLOW_LINKS)) {
            return Descriptor.FILETYPE_DIRECTORY;
        } else if (file.isRegularFile(LinkOption.NOFOLLOW_LINKS)) {
            return Descriptor.FILETYPE_REGULAR_FILE;
        }
        return Descriptor.FILETYPE_UNKNOWN;
    }

    /** The number of readable bytes a poll may report for a descriptor. */
    long readableBytes(Descriptor d) {
        try {
            if (d instanceof FileDescriptor f) {
                return Math.max(0, f.channel.size() - f.channel.position());
            } else if (d instanceof StreamDescriptor s && s.in != null) {
                return Math.max(0, s.in.available());
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    /** Closes every descriptor the guest left open; the program's streams stay open. */
    @TruffleBoundary
    public void closeAll() {
        flush();
        for (int k = 3; k < fds.size(); k++) {
            Descriptor d = fds.get(k);
            if (d != null) {
                try {
                    d.close();
                } catch (IOException e) {
                    // Closing on the guest's behalf; nobody left to report to.
                }
                fds.set(k, null);
            }
        }
    }

}
