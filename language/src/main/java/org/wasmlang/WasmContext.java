package org.wasmlang;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

import org.wasmlang.limits.CallDeadline;
import org.wasmlang.limits.ContextLimits;
import org.wasmlang.module.Features;
import org.wasmlang.module.Limits;
import org.wasmlang.runtime.WasmMemory;
import org.wasmlang.wasi.WasiInstance;

import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.TruffleLanguage.ContextReference;
import com.oracle.truffle.api.nodes.Node;

/**
 * Per-context state of WasmLang: the environment handed over by Truffle, the rules modules
 * are read by, and the memories whose native storage is freed when the context closes.
 */
public final class WasmContext implements WasmMemory.MemoryOwner {
    private static final ContextReference<WasmContext> REFERENCE = ContextReference.create(WasmLanguage.class);

    private final WasmLanguage language;
    private final TruffleLanguage.Env env;
    private final Features features;
    private final boolean offHeapMemory;
    private final ContextLimits limits;
    private final long wholeCompileLimit;
    /** Memories with native storage; weak, so that a dropped instance's memory is freed by its Cleaner. */
    private final List<WeakReference<WasmMemory>> nativeMemories = new ArrayList<>();
    /** WASI programs of this context, whose open files close with it; weak, as a dropped one's files close through their channels' Cleaners. */
    private final List<WeakReference<WasiInstance>> wasiInstances = new ArrayList<>();

    WasmContext(WasmLanguage language, TruffleLanguage.Env env) {
        this.language = language;
        this.env = env;
        this.features = env.getOptions().get(WasmOptions.WasmVersion);
        this.offHeapMemory = env.getOptions().get(WasmOptions.OffHeapMemory);
        this.limits = new ContextLimits(env.getOptions());
        this.wholeCompileLimit = env.getOptions().get(WasmOptions.WholeCompileLimit);
    }

    public static WasmContext get(Node node) {
        return REFERENCE.get(node);
    }

    public WasmLanguage language() {
        return language;
    }

    public TruffleLanguage.Env env() {
        return env;
    }

    /** The proposals modules of this context may use ({@code wasmlang.WasmVersion}). */
    public Features features() {
        return features;
    }

    /** A new memory of this context ({@code wasmlang.OffHeapMemory} puts every memory off the heap). */
    public WasmMemory createMemory(Limits limits) {
        return WasmMemory.create(limits, offHeapMemory, this);
    }

    /** Code bytes above which a function compiles loop by loop only ({@code wasmlang.WholeCompileLimit}); 0: none. */
    public long wholeCompileLimit() {
        return wholeCompileLimit;
    }

    /** The resource limits of this context and what it uses of them. */
    @Override
    public ContextLimits limits() {
        return limits;
    }

    /** Starts the time limit of a call from the host on this thread; null when none applies. */
    public CallDeadline beginCallFromHost() {
        return CallDeadline.begin(env, limits, language.threadLimits());
    }

    @Override
    public synchronized void adopt(WasmMemory memory) {
        nativeMemories.removeIf(reference -> reference.get() == null);
        nativeMemories.add(new WeakReference<>(memory));
    }

    /** Closes the files {@code wasi} leaves open when this context closes. */
    public synchronized void closeWhenDisposed(WasiInstance wasi) {
        wasiInstances.removeIf(reference -> reference.get() == null);
        wasiInstances.add(new WeakReference<>(wasi));
    }

    /** Closes every file a WASI program of this context left open. */
    synchronized void closeWasiFiles() {
        for (WeakReference<WasiInstance> reference : wasiInstances) {
            WasiInstance wasi = reference.get();
            if (wasi != null) {
                wasi.closeAll();
            }
        }
        wasiInstances.clear();
    }

    /** Frees the native storage of this context's memories; they are empty afterwards. */
    synchronized void releaseMemories() {
        for (WeakReference<WasmMemory> reference : nativeMemories) {
            WasmMemory memory = reference.get();
            if (memory != null) {
                memory.release();
            }
        }
        nativeMemories.clear();
    }
}
