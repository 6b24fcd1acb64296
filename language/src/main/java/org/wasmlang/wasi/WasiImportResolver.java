package org.wasmlang.wasi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.wasmlang.WasmContext;
import org.wasmlang.WasmLanguage;
import org.wasmlang.WasmOptions;
import org.wasmlang.interop.ImportObjectResolver;
import org.wasmlang.module.ExternKind;
import org.wasmlang.module.Import;
import org.wasmlang.module.Module;
import org.wasmlang.runtime.CompiledModule;
import org.wasmlang.runtime.ImportResolver;
import org.wasmlang.runtime.WasmFunction;
import org.wasmlang.runtime.WasmInstance;
import org.wasmlang.runtime.WasmLinkException;
import org.wasmlang.runtime.WasmMemory;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * Supplies wasi_snapshot_preview1 imports: from a {@link WasiObject} given as the import
 * object's {@code wasi_snapshot_preview1} entry, else from the language options when
 * {@code wasmlang.Wasi} is on. Every instantiation gets its own descriptor table. Other
 * imports, and WASI functions the import object provides itself, go to the delegate.
 */
public final class WasiImportResolver implements ImportResolver {
    private final WasmLanguage language;
    private final WasmContext context;
    private final ImportResolver delegate;
    private final WasiConfig config;
    /** The host's Wasi object when it configured this instantiation, else null. */
    private final WasiObject owner;
    private WasiInstance wasi;

    private WasiImportResolver(WasmLanguage language, WasmContext context, ImportResolver delegate, WasiConfig config,
                    WasiObject owner) {
        this.language = language;
        this.context = context;
        this.delegate = delegate;
        this.config = config;
        this.owner = owner;
    }

    /** Wraps {@code delegate} so that WASI imports are served for this instantiation. */
    @TruffleBoundary
    public static ImportResolver around(WasmLanguage language, WasmContext context, CompiledModule compiled,
                    Object importObject, ImportResolver delegate) {
        if (!importsWasi(compiled.module())) {
            return delegate;
        }
        Object entry = ImportObjectResolver.member(importObject, WasiFunction.MODULE);
        if (entry instanceof WasiObject wasiObject) {
            return new WasiImportResolver(language, context, delegate, wasiObject.config(), wasiObject);
        } else if (entry == null && context.env().getOptions().get(WasmOptions.Wasi)) {
            return new WasiImportResolver(language, context, delegate, fromOptions(context, compiled), null);
        }
        return new WasiImportResolver(language, context, delegate, null, null);
    }

    private static boolean importsWasi(Module module) {
        for (int i = 0; i < module.importCount(); i++) {
            if (module.importAt(i).module().equals(WasiFunction.MODULE)) {
                return true;
            }
        }
        return false;
    }

    /** The configuration the wasmlang.Wasi* options and the Context's arguments describe. */
    static WasiConfig fromOptions(WasmContext context, CompiledModule compiled) {
        var env = context.env();
        List<String> args = new ArrayList<>();
        args.add(compiled.name());
        args.addAll(Arrays.asList(env.getApplicationArguments()));
        Map<String, String> vars = new java.util.LinkedHashMap<>();
        if (env.getOptions().get(WasmOptions.WasiInheritEnv)) {
            vars.putAll(env.getEnvironment());
        }
        for (Map.Entry<String, String> e : env.getOptions().get(WasmOptions.WasiEnv).entrySet()) {
            vars.put(e.getKey(), e.getValue());
        }
        List<WasiConfig.Preopen> dirs = new ArrayList<>();
        for (String spec : env.getOptions().get(WasmOptions.WasiDirs).split(",")) {
            if (!spec.isBlank()) {
                dirs.add(WasiConfig.parseDir(spec.strip()));
            }
        }
        return new WasiConfig(args, vars, dirs, false);
    }

    @Override
    public Object resolve(Import imp) {
        if (!imp.module().equals(WasiFunction.MODULE)) {
            return delegate.resolve(imp);
        }
        if (config == null) {
            Object own = delegate.resolve(imp);
            if (own != null) {
                return own;
            }
            throw new WasmLinkException("the module imports \"" + imp.module() + "\" \"" + imp.name()
                            + "\" but WASI is not configured: pass a Wasi object as the import object's "
                            + WasiFunction.MODULE + " entry (bindings Wasi.newInstance({args, env, preopens})) or "
                            + "set the option wasmlang.Wasi=true");
        }
        WasiFunction function = WasiFunction.byName(imp.name());
        if (function == null || imp.kind() != ExternKind.FUNC) {
            return null;
        }
        if (wasi == null) {
            try {
                wasi = new WasiInstance(config, context.env());
                context.closeWhenDisposed(wasi);
            } catch (IllegalArgumentException e) {
                throw new WasmLinkException(e.getMessage());
            }
        }
        WasiFunctionRootNode root = new WasiFunctionRootNode(language, wasi, function);
        return new WasmFunction(function.type(), language.typeId(function.type()), root.getName(), root.getCallTarget());
    }

    @Override
    public void linked(WasmInstance instance) {
        delegate.linked(instance);
        if (wasi != null) {
            wasi.bindMemory(guestMemory(instance));
            if (owner != null) {
                owner.register(instance, wasi);
            }
        }
    }

    /** The memory exported as "memory" (what WASI's ABI names), else the first memory. */
    private static WasmMemory guestMemory(WasmInstance instance) {
        if (instance.exports().get("memory") instanceof WasmMemory exported) {
            return exported;
        }
        return instance.module().memoryCount() > 0 ? instance.memory(0) : null;
    }
}
