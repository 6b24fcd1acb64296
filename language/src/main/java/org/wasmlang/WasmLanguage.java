package org.wasmlang;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.wasmlang.debug.ExpressionNode;
import org.wasmlang.debug.FloatView;
import org.wasmlang.interop.WasmBindings;
import org.wasmlang.limits.StackExhaustion;
import org.wasmlang.limits.ThreadLimits;
import org.wasmlang.module.FuncType;
import org.wasmlang.module.ValueType;
import org.wasmlang.module.Module;
import org.wasmlang.nodes.ModuleRootNode;
import org.wasmlang.runtime.CompiledModule;
import org.wasmlang.runtime.WasmLoadException;

import com.oracle.truffle.api.instrumentation.ProvidedTags;
import com.oracle.truffle.api.instrumentation.StandardTags;
import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.nodes.ExecutableNode;
import com.oracle.truffle.api.ContextThreadLocal;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.Source;

/**
 * The registration of WasmLang with Truffle. Its id is {@code wasmlang} so that it can
 * live on one class path beside GraalWasm, whose id is {@code wasm}.
 */
@TruffleLanguage.Registration(
                id = WasmLanguage.ID,
                name = WasmLanguage.NAME,
                implementationName = WasmLanguage.NAME,
                version = "0.1",
                defaultMimeType = WasmLanguage.WASM_MIME_TYPE,
                byteMimeTypes = WasmLanguage.WASM_MIME_TYPE,
                characterMimeTypes = WasmLanguage.WAT_MIME_TYPE,
                fileTypeDetectors = WasmFileTypeDetector.class,
                website = "https://github.com/wasmlang/wasmlang")
@ProvidedTags({StandardTags.RootTag.class, StandardTags.RootBodyTag.class, StandardTags.CallTag.class,
                StandardTags.StatementTag.class})
public final class WasmLanguage extends TruffleLanguage<WasmContext> {
    public static final String ID = "wasmlang";
    public static final String NAME = "WasmLang";
    public static final String WASM_MIME_TYPE = "application/wasm";
    public static final String WAT_MIME_TYPE = "text/x-wasmlang-wat";

    /** Canonical ids of function types: structurally equal types share one id. */
    private final Map<FuncType, Integer> typeIds = new ConcurrentHashMap<>();
    private final AtomicInteger nextTypeId = new AtomicInteger();
    private final Map<Integer, FuncType> typesById = new ConcurrentHashMap<>();
    private final ContextThreadLocal<ThreadLimits> threadLimits = locals.createContextThreadLocal(
                    (context, thread) -> new ThreadLimits());

    /** The call depth and call deadline of the current thread in the current context. */
    public ThreadLimits threadLimits() {
        return threadLimits.get();
    }

    /**
     * The canonical id of a function type, the same for equal types in any module. The type
     * must not refer to defined types by module index: {@link #typeIds(Module)} gives those
     * their canonical form first.
     */
    public int typeId(FuncType type) {
        return typeIds.computeIfAbsent(type, t -> {
            int id = nextTypeId.getAndIncrement();
            typesById.put(id, t);
            return id;
        });
    }

    /** The canonical form of the type with this id (references in it name ids), for messages. */
    public FuncType typeOfId(int id) {
        return typesById.get(id);
    }

    /**
     * The canonical ids of a module's types, equal for equivalent types in any module. A
     * type that refers to defined types is registered in the form where each reference names
     * the referenced type's canonical id, and a reference to itself {@link ValueType#SELF_INDEX}
     * (without GC each type is a recursion group of its own, referring only to earlier types
     * and itself); the module's types are already canonical within the module.
     */
    public int[] typeIds(Module module) {
        int[] ids = new int[module.typeCount()];
        for (int i = 0; i < ids.length; i++) {
            int canonical = module.canonicalTypeIndex(i);
            if (canonical < i) {
                ids[i] = ids[canonical];
                continue;
            }
            int self = i;
            ids[i] = typeId(module.type(i).mapReferences(j -> j == self ? ValueType.SELF_INDEX : ids[j]));
        }
        return ids;
    }

    public static WasmLanguage get(Node node) {
        return REFERENCE.get(node);
    }

    private static final LanguageReference<WasmLanguage> REFERENCE = LanguageReference.create(WasmLanguage.class);

    /** {@code context.getBindings("wasmlang")}: Module, Instance, Memory, Table, Global, validate. */
    @Override
    protected Object getScope(WasmContext context) {
        return new WasmBindings(this);
    }

    @Override
    protected org.graalvm.options.OptionDescriptors getOptionDescriptors() {
        return new WasmOptionsOptionDescriptors();
    }

    @Override
    protected boolean areOptionsCompatible(org.graalvm.options.OptionValues first,
                    org.graalvm.options.OptionValues second) {
        // Parsed modules are shared between contexts with the same rules and source path (a
        // module's debug view is made once); the WASI options only configure each context.
        return first.get(WasmOptions.WasmVersion).equals(second.get(WasmOptions.WasmVersion))
                        && first.get(WasmOptions.SourcePath).equals(second.get(WasmOptions.SourcePath));
    }

    @Override
    protected WasmContext createContext(Env env) {
        StackExhaustion.prepare();
        return new WasmContext(this, env);
    }

    @Override
    protected void disposeContext(WasmContext context) {
        context.closeWasiFiles();
        context.releaseMemories();
    }

    /** Floats as the text format writes them (NaN payloads shown); other values as they are. */
    @Override
    protected Object getLanguageView(WasmContext context, Object value) {
        Object view = FloatView.of(value);
        return view != null ? view : super.getLanguageView(context, value);
    }

    /** An expression a debugger evaluates in a paused Wasm frame (see {@code debug.Expression}). */
    @Override
    protected ExecutableNode parse(InlineParsingRequest request) {
        return ExpressionNode.parse(this, request.getLocation(), request.getSource().getCharacters().toString());
    }

    /**
     * Decodes and validates the module once; instances are made from the result later.
     * Malformed or invalid bytes raise a syntax error naming the spec's reason and place.
     */
    @Override
    protected CallTarget parse(ParsingRequest request) {
        Source source = request.getSource();
        if (!source.hasBytes()) {
            throw new WasmLoadException("WasmLang reads binary modules (" + WASM_MIME_TYPE + "); the text format of "
                            + source.getName() + " is not supported yet: convert it with wat2wasm first");
        }
        byte[] bytes = source.getBytes().toByteArray();
        CompiledModule compiled = CompiledModule.compile(source.getName(), bytes, WasmContext.get(null).features());
        return new ModuleRootNode(this, compiled).getCallTarget();
    }
}
