package org.wasmlang.nodes;

import org.wasmlang.WasmLanguage;
import org.wasmlang.runtime.CompiledModule;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;

/** The root that {@code Context.eval} runs: it yields the compiled module. */
public final class ModuleRootNode extends RootNode {
    private final CompiledModule module;

    public ModuleRootNode(WasmLanguage language, CompiledModule module) {
        super(language);
        this.module = module;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return module;
    }

    @Override
    public String getName() {
        return "module " + module.name();
    }
}
