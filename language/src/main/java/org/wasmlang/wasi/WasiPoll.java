package org.wasmlang.wasi;

import java.util.ArrayList;
import java.util.List;

/**
 * poll_oneoff. Files and the standard streams are always ready (as POSIX poll reports
 * regular files); when no descriptor subscription is ready the call sleeps until the
 * earliest clock subscription is due.
 */
final class WasiPoll {
    private static final int SUBSCRIPTION_SIZE = 48;
    private static final int EVENT_SIZE = 32;
    private static final int EVENT_CLOCK = 0;
    private static final int EVENT_FD_READ = 1;
    private static final int EVENT_FD_WRITE = 2;
    private static final int CLOCK_ABSTIME = 1;

    private WasiPoll() {
    }

    private record Event(long userdata, Errno error, int type, long nbytes) {
    }

    static void pollOneoff(WasiInstance wasi, int in, int out, int count, int neventsPointer) throws WasiError {
        GuestMemory memory = wasi.memory();
        if (count == 0) {
            throw new WasiError(Errno.INVAL);
        }
        long n = Integer.toUnsignedLong(count);
        memory.checkRange(in, (int) Math.min(n * SUBSCRIPTION_SIZE, Integer.MAX_VALUE));
        memory.checkRange(out, (int) Math.min(n * EVENT_SIZE, Integer.MAX_VALUE));
        memory.checkRange(neventsPointer, 4);
        List<Event> ready = new ArrayList<>();
        long earliestWait = Long.MAX_VALUE;
        List<long[]> clocks = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int s = in + k * SUBSCRIPTION_SIZE;
            long userdata = memory.i64(s);
            int tag = memory.u8(s + 8);
            switch (tag) {
                case EVENT_CLOCK -> {
                    int clock = memory.i32(s + 16);
                    long timeout = memory.i64(s + 24);
                    int flags = memory.u16(s + 40);
                    long wait;
                    try {
                        long now = wasi.clockTime(clock);
                        wait = (flags & CLOCK_ABSTIME) != 0 ? timeout - now : timeout;
                    } catch (WasiError e) {
                        ready.add(new Event(userdata, e.errno, EVENT_CLOCK, 0));
                        continue;
                    }
                    wait = Math.max(0, wait);
                    clocks.add(new long[]{userdata, wait});
                    earliestWait = Math.min(earliestWait, wait);
                }
                case EVENT_FD_READ, EVENT_FD_WRITE -> {
                    int fd = memory.i32(s + 16);
                    Descriptor d;
                    try {
                        d = wasi.descriptor(fd);
                        d.require(Rights.POLL_FD_READWRITE);
                    } catch (WasiError e) {
                        ready.add(new Event(userdata, e.errno, tag, 0));
                        continue;
                    }
                    long bytes = tag == EVENT_FD_READ ? wasi.readableBytes(d) : 0;
                    ready.add(new Event(userdata, Errno.SUCCESS, tag, bytes));
                }
                default -> throw new WasiError(Errno.INVAL);
            }
        }
        if (ready.isEmpty() && !clocks.isEmpty()) {
            sleep(earliestWait);
            for (long[] c : clocks) {
                if (c[1] <= earliestWait) {
                    ready.add(new Event(c[0], Errno.SUCCESS, EVENT_CLOCK, 0));
                }
            }
        } else {
            for (long[] c : clocks) {
                if (c[1] == 0) {
                    ready.add(new Event(c[0], Errno.SUCCESS, EVENT_CLOCK, 0));
                }
            }
        }
        for (int k = 0; k < ready.size(); k++) {
            Event e = ready.get(k);
            int at = out + k * EVENT_SIZE;
            memory.zero(at, EVENT_SIZE);
            memory.putI64(at, e.userdata);
            memory.putU16(at + 8, e.error.code());
            memory.putU8(at + 10, e.type);
            memory.putI64(at + 16, e.nbytes);
        }
        memory.putI32(neventsPointer, ready.size());
    }

    private static void sleep(long nanos) throws WasiError {
        try {
            long millis = nanos / 1_000_000;
            Thread.sleep(millis, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WasiError(Errno.INTR);
        }
    }
}
