package org.wasmlang;

import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionKey;
import org.graalvm.options.OptionMap;
import org.graalvm.options.OptionStability;
import org.graalvm.options.OptionType;
import org.wasmlang.limits.LimitValues;
import org.wasmlang.module.Features;

import com.oracle.truffle.api.Option;

/** The options of the {@code wasmlang} language (set with {@code --wasmlang.Name=value}). */
@Option.Group(WasmLanguage.ID)
public final class WasmOptions {
    @Option(help = "Give WASI preview1 to every instance that imports it without an import object entry. "
                    + "The Context's arguments are argv[1..], the module's name argv[0].", //
                    category = OptionCategory.USER, stability = OptionStability.STABLE) //
    public static final OptionKey<Boolean> Wasi = new OptionKey<>(false);

    @Option(help = "Directories WASI guests may use, comma-separated, each HOST[::GUEST][:ro] "
                    + "(GUEST defaults to HOST; :ro makes it read-only).", //
                    category = OptionCategory.USER, stability = OptionStability.STABLE, usageSyntax = "HOST[::GUEST][:ro],...") //
    public static final OptionKey<String> WasiDirs = new OptionKey<>("");

    @Option(help = "Environment variables WASI guests see: --wasmlang.WasiEnv.NAME=VALUE.", //
                    category = OptionCategory.USER, stability = OptionStability.STABLE, usageSyntax = "VALUE") //
    public static final OptionKey<OptionMap<String>> WasiEnv = OptionKey.mapOf(String.class);

    @Option(help = "Pass the host's whole environment to WASI guests (off: they see only WasiEnv).", //
                    category = OptionCategory.USER, stability = OptionStability.STABLE) //
    public static final OptionKey<Boolean> WasiInheritEnv = new OptionKey<>(false);

    @Option(help = "The WebAssembly rules modules are decoded and validated by: 3.0 (the default; the 3.0 proposals "
                    + "WasmLang implements) or 2.0.", //
                    category = OptionCategory.USER, stability = OptionStability.STABLE, usageSyntax = "3.0|2.0") //
    public static final OptionKey<Features> WasmVersion = new OptionKey<>(Features.DEFAULT,
                    new OptionType<>("WasmVersion", Features::forVersion));

    @Option(help = "Keep every memory's bytes in native memory off the Java heap (64-bit memories always are, "
                    + "32-bit ones move there when they grow past 2 GiB).", //
                    category = OptionCategory.USER, stability = OptionStability.STABLE) //
    public static final OptionKey<Boolean> OffHeapMemory = new OptionKey<>(false);

    @Option(help = "Code bytes above which a function is compiled loop by loop (on-stack replacement), never as a whole "
                    + "(suffix k: 8k). Compile time grows faster than code size, and one huge function would hold the JIT "
                    + "for longer than most programs run. 0: no limit.", //
                    category = OptionCategory.EXPERT, stability = OptionStability.STABLE, usageSyntax = "<size>") //
    public static final OptionKey<Long> WholeCompileLimit = new OptionKey<>(8L * 1024, LimitValues.SIZE);

    // Resource limits (docs/reliability.md). Each is per context; 0 means none.

    @Option(help = "The most linear memory a context's memories may hold together, in bytes (suffixes k, m, g: 64m); "
                    + "memory.grow past it returns -1 and instantiation fails. 0: no limit but the machine's.", //
                    category = OptionCategory.USER, stability = OptionStability.STABLE, usageSyntax = "<size>") //
    public static final OptionKey<Long> MemoryLimit = new OptionKey<>(0L, LimitValues.SIZE);

    @Option(help = "The most elements one table may have; table.grow past it returns -1 and instantiation fails.", //
                    category = OptionCategory.USER, stability = OptionStability.STABLE, usageSyntax = "<elements>") //
    public static final OptionKey<Long> TableSizeLimit = new OptionKey<>(LimitValues.DEFAULT_TABLE_SIZE_LIMIT,
                    LimitValues.TABLE_SIZE);

    @Option(help = "The most instances a context may create; instantiating one more fails. 0: no limit.", //
                    category = OptionCategory.USER, stability = OptionStability.STABLE, usageSyntax = "<count>") //
    public static final OptionKey<Long> InstanceLimit = new OptionKey<>(0L, LimitValues.COUNT);

    @Option(help = "The longest a call from the host into Wasm may run (suffixes ms, s, m: 500ms); past it the call "
                    + "ends in a trap and the context stays usable. 0: no limit.", //
                    category = OptionCategory.USER, stability = OptionStability.STABLE, usageSyntax = "<duration>") //
    public static final OptionKey<Long> CallTimeLimit = new OptionKey<>(0L, LimitValues.DURATION);

    @Option(help = "The deepest Wasm calls may nest on one thread before they end in the trap call stack exhausted. "
                    + "0: as deep as the thread's stack allows (no counting, no cost).", //
                    category = OptionCategory.USER, stability = OptionStability.STABLE, usageSyntax = "<depth>") //
    public static final OptionKey<Long> CallDepthLimit = new OptionKey<>(0L, LimitValues.COUNT);

    @Option(help = "Where debuggers look for the C, C++ or Rust files a module's DWARF names when they are not at "
                    + "the path the compiler recorded: directories separated by the platform's path separator, each "
                    + "tried with the recorded path made relative, then with the file name alone.", //
                    category = OptionCategory.USER, stability = OptionStability.STABLE, usageSyntax = "<dir>:<dir>...") //
    public static final OptionKey<String> SourcePath = new OptionKey<>("");

    private WasmOptions() {
    }
}
