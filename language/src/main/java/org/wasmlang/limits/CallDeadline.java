package org.wasmlang.limits;

import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.wasmlang.runtime.TrapKind;
import org.wasmlang.runtime.WasmTrap;

import com.oracle.truffle.api.ThreadLocalAction;
import com.oracle.truffle.api.TruffleLanguage;

/**
 * {@code wasmlang.CallTimeLimit}: the outermost call from the host into Wasm gets a deadline.
 * When it passes, a timer thread submits a thread-local action to the guest's thread, which
 * Truffle runs at the guest's next safepoint (every loop iteration and function exit already
 * polls one, interpreted and compiled, for {@code Context.interrupt} and cancellation); the
 * action throws a trap there. Nothing in the guest's code counts or checks anything, so a
 * context without the limit pays nothing and one with it pays one timer per call.
 */
public final class CallDeadline {
    /** One daemon thread for every context of the JVM; a cancelled deadline leaves its queue at once. */
    private static final class Timer {
        static final ScheduledThreadPoolExecutor EXECUTOR;
        static {
            EXECUTOR = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, "wasmlang call deadlines");
                thread.setDaemon(true);
                return thread;
            });
            EXECUTOR.setRemoveOnCancelPolicy(true);
        }
    }

    private final ThreadLimits owner;
    private final ContextLimits limits;
    /** Read and written on the guest's thread only: the action runs there too. */
    private boolean running = true;
    private final ScheduledFuture<?> timer;
    private volatile Future<Void> submitted;

    private CallDeadline(TruffleLanguage.Env env, ThreadLimits owner, ContextLimits limits) {
        this.owner = owner;
        this.limits = limits;
        Thread guest = Thread.currentThread();
        this.timer = Timer.EXECUTOR.schedule(() -> expire(env, guest), limits.callTimeLimitNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Starts the deadline of a call from the host, unless the context has no time limit or
     * this thread already runs under one (a host function calling back into Wasm). Returns
     * what {@link #end} needs, or null.
     */
    public static CallDeadline begin(TruffleLanguage.Env env, ContextLimits limits, ThreadLimits thread) {
        if (limits.callTimeLimitNanos() == 0 || thread.deadline != null) {
            return null;
        }
        CallDeadline deadline = new CallDeadline(env, thread, limits);
        thread.deadline = deadline;
        return deadline;
    }

    /** The call returned or failed: the deadline no longer applies. */
    public void end() {
        running = false;
        owner.deadline = null;
        timer.cancel(false);
        Future<Void> action = submitted;
        if (action != null) {
            action.cancel(false);
        }
    }

    private void expire(TruffleLanguage.Env env, Thread guest) {
        try {
            submitted = env.submitThreadLocal(new Thread[]{guest}, new ThreadLocalAction(true, false) {
                @Override
                protected void perform(Access access) {
                    if (running) {
                        throw WasmTrap.create(TrapKind.CALL_TIME_LIMIT, limits.callTimeLimitMessage(), access.getLocation());
                    }
                }
            });
        } catch (IllegalStateException | UnsupportedOperationException e) {
            // The context closed meanwhile: there is no call left to end.
        }
    }
}
