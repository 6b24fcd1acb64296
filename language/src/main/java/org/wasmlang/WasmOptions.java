package org.wasmlang;

import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionKey;
import org.graalvm.options.OptionMap;
import org.graalvm.options.OptionStability;
import org.graalvm.options.OptionType;
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

    private WasmOptions() {
    }
}
