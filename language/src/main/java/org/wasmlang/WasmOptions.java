package org.wasmlang;

import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionKey;
import org.graalvm.options.OptionMap;
import org.graalvm.options.OptionStability;

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

    private WasmOptions() {
    }
}
