package org.wasmlang.nodes;

import org.wasmlang.WasmContext;
import org.wasmlang.WasmLanguage;
import org.wasmlang.limits.ThreadLimits;
import org.wasmlang.debug.ModuleScope;
import org.wasmlang.debug.SourceScope;
import org.wasmlang.debug.SourceView;
import org.wasmlang.module.FuncType;
import org.wasmlang.binary.BinaryReader;
import org.wasmlang.binary.CodeScanner;
import org.wasmlang.binary.Instructions;
import org.wasmlang.module.Features;
import org.wasmlang.module.Function;
import org.wasmlang.module.ValueType;
import org.wasmlang.validation.Validator;
import org.wasmlang.runtime.TailCall;
import org.wasmlang.runtime.TrapKind;
import org.wasmlang.runtime.WasmTrap;
import org.wasmlang.runtime.WasmInstance;
import org.wasmlang.runtime.WasmNull;
import org.wasmlang.runtime.simd.SimdValues;
import org.wasmlang.validation.FunctionInfo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.oracle.truffle.api.source.SourceSection;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.instrumentation.InstrumentableNode.WrapperNode;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.frame.Frame;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.FrameSlotKind;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.RootNode;

/**
 * The root of one Wasm function of one instance. Its body is built on the first call, so
 * instantiating a large module does not pay for functions it never runs. The frame has
 * one static slot per local and per operand-stack entry.
 */
public final class WasmFunctionRootNode extends RootNode {
    private final WasmInstance instance;
    private final int functionIndex;
    private final String name;
    @CompilationFinal(dimensions = 1) private final int[] localTypes;
    @CompilationFinal(dimensions = 1) private final int[] resultTypes;
    private final int paramCount;
    @Child private WasmNode body;
    /** The byte offsets of the instructions that begin statements, found when a tool first asks. */
    private volatile int[] statementOffsets;
    /** Locals whose initial value is never read: compiled code drops them at once. */
    @CompilationFinal(dimensions = 1) private int[] deadAtEntry = WasmNode.NO_SLOTS;
    /**
     * Functions with more frame slots than this stay in the interpreter unless their code
     * is short (see {@link #MAX_COMPILED_FRAME_COST}). Every deoptimization point (each
     * memory access, call, branch speculation) carries the whole frame, so the metadata of
     * compiled code grows with slots times code size: the spec test with 1056 i64 locals and
     * 2112 memory accesses in 18.5 KB took gigabytes of native memory in code installation.
     */
    static final int MAX_COMPILED_FRAME_SLOTS = 1000;
    /** Frame slots times code bytes up to which a function with a large frame still compiles. */
    static final long MAX_COMPILED_FRAME_COST = 4_000_000L;
    /**
     * Why the function is never compiled as a whole, or null when it may be. Besides the frame
     * cost above, {@code wasmlang.WholeCompileLimit} keeps functions with more code bytes to
     * on-stack replacement of their loops: compile time grows faster than code size, and
     * bzip2's 32 KB function held Truffle's one compiler thread for longer than the whole
     * 33 s run, so nothing of it was compiled (docs/performance.md, session 13).
     */
    private final String notCompiledWhole;
    private final int frameSize;
    /**
     * The frame slot where a {@code return_call*} leaves its {@link TailCall} request, the
     * last of the frame; -1 when the function makes no tail calls.
     */
    private final int tailCallSlot;
    /** Whether the frame has v128 banks (see SimdValues.highHalf). */
    private final boolean usesVectors;
    /**
     * {@code wasmlang.CallDepthLimit} of the instance's context, 0 when unset: a constant in
     * compiled code, which then counts nothing.
     */
    private final int callDepthLimit;

    public WasmFunctionRootNode(WasmLanguage language, WasmInstance instance, int functionIndex) {
        super(language, frameDescriptor(instance, functionIndex));
        this.instance = instance;
        this.functionIndex = functionIndex;
        this.name = instance.module().functionDisplayName(functionIndex);
        FunctionInfo info = info(instance, functionIndex);
        this.localTypes = info.localTypes();
        FuncType type = instance.module().functionType(functionIndex);
        this.paramCount = type.paramCount();
        this.resultTypes = type.results();
        Function function = instance.module().function(functionIndex);
        long slots = info.localTypes().length + info.maxStackHeight();
        this.frameSize = (int) slots;
        int codeBytes = function.codeEnd() - function.codeStart();
        WasmContext context = WasmContext.get(null);
        long wholeCompileLimit = context.wholeCompileLimit();
        if (slots > MAX_COMPILED_FRAME_SLOTS && slots * codeBytes > MAX_COMPILED_FRAME_COST) {
            this.notCompiledWhole = "a Wasm function with more than " + MAX_COMPILED_FRAME_SLOTS + " frame slots and more than "
                            + MAX_COMPILED_FRAME_COST + " slots times code bytes";
        } else if (wholeCompileLimit > 0 && codeBytes > wholeCompileLimit) {
            this.notCompiledWhole = "a Wasm function of more than " + wholeCompileLimit
                            + " code bytes (wasmlang.WholeCompileLimit) compiles loop by loop";
        } else {
            this.notCompiledWhole = null;
        }
        this.usesVectors = info.usesVectors();
        this.tailCallSlot = info.makesTailCalls() ? getFrameDescriptor().getNumberOfSlots() - 1 : -1;
        this.callDepthLimit = context.limits().callDepthLimit();
    }

    private static FunctionInfo info(WasmInstance instance, int functionIndex) {
        return instance.compiledModule().functionInfo(functionIndex - instance.module().importedFunctionCount());
    }

    private static FrameDescriptor frameDescriptor(WasmInstance instance, int functionIndex) {
        FunctionInfo info = info(instance, functionIndex);
        FrameDescriptor.Builder builder = FrameDescriptor.newBuilder();
        int slots = info.localTypes().length + info.maxStackHeight();
        builder.addSlots(slots, FrameSlotKind.Static);
        if (info.usesVectors()) {
            // The high halves of v128 values and, with the Vector API, their vectors in the
            // last tier's code (see SimdValues).
            builder.addSlots(slots * (SimdValues.banks() - 1), FrameSlotKind.Static);
            builder.info(slots);
        }
        if (info.makesTailCalls()) {
            builder.addSlots(1, FrameSlotKind.Static);
        }
        return builder.build();
    }

    @Override
    public Object execute(VirtualFrame frame) {
        if (callDepthLimit == 0) {
            return executeFunction(frame);
        }
        ThreadLimits thread = getLanguage(WasmLanguage.class).threadLimits();
        if (thread.callDepth >= callDepthLimit) {
            CompilerDirectives.transferToInterpreter();
            throw WasmTrap.create(TrapKind.CALL_STACK_EXHAUSTED, WasmContext.get(this).limits().callDepthLimitMessage(), this);
        }
        thread.callDepth++;
        try {
            return executeFunction(frame);
        } finally {
            thread.callDepth--;
        }
    }

    private Object executeFunction(VirtualFrame frame) {
        if (notCompiledWhole != null) {
            CompilerDirectives.bailout(notCompiledWhole);
        }
        if (body == null) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            buildBody();
        }
        if (usesVectors) {
            SimdValues.makeShadows(frame);
        }
        initializeLocals(frame);
        WasmNode.clearSlots(frame, deadAtEntry);
        // Stack slots start cleared, so that a slot never written on one path and written
        // then cleared on another look the same where the paths merge.
        WasmNode.clearSlots(frame, localTypes.length, frameSize);
        if (tailCallSlot >= 0) {
            frame.setObjectStatic(tailCallSlot, null);
        }
        // No StackOverflowError handler here: one in every frame would make each compiled
        // frame deoptimize while the error unwinds. Entry points from the host convert it.
        body.execute(frame);
        if (tailCallSlot >= 0) {
            Object tailCall = frame.getObjectStatic(tailCallSlot);
            if (tailCall != null) {
                // The frame ends here; the caller makes the call (see TailCall).
                return tailCall;
            }
        }
        return results(frame);
    }

    private void buildBody() {
        getLock().lock();
        try {
            if (body == null) {
                Function function = instance.module().function(functionIndex);
                NodeBuilder builder = new NodeBuilder(instance, function, info(instance, functionIndex), tailCallSlot);
                WasmNode built = builder.build();
                deadAtEntry = builder.deadAtEntry();
                body = insert(built);
                // Tools that listen already see the new body (it is built on the first call).
                notifyInserted(built);
            }
        } finally {
            getLock().unlock();
        }
    }

    @ExplodeLoop
    private void initializeLocals(VirtualFrame frame) {
        Object[] arguments = frame.getArguments();
        for (int i = 0; i < localTypes.length; i++) {
            if (i < paramCount) {
                Values.unbox(frame, i, localTypes[i], arguments[i]);
            } else {
                Values.setDefault(frame, i, localTypes[i], WasmNull.NULL);
            }
        }
    }

    @ExplodeLoop
    private Object results(VirtualFrame frame) {
        int base = localTypes.length;
        if (resultTypes.length == 1) {
            return Values.box(frame, base, resultTypes[0]);
        } else if (resultTypes.length == 0) {
            return WasmNull.NULL;
        }
        Object[] results = new Object[resultTypes.length];
        for (int i = 0; i < resultTypes.length; i++) {
            results[i] = Values.box(frame, base + i, resultTypes[i]);
        }
        return results;
    }

    /**
     * A guest function is never internal. Said here because Truffle's default asks for the
     * source section, and it asks on every guest exception's stack walk, tools or not.
     */
    @Override
    public boolean isInternal() {
        return false;
    }

    /** The function's source (a tool asked, or a guest exception: see {@link WasmNode#getSourceSection}). */
    @Override
    public SourceSection getSourceSection() {
        return instance.compiledModule().sourceView().functionSection(functionIndex);
    }

    /**
     * What a debugger shows paused at the instruction at {@code byteOffset}: the source
     * variables in scope there when the function is shown in its DWARF source, whose parent
     * is the Wasm locals (see {@link #localsScope}); else the Wasm locals alone. The operand
     * stack is the one before the instruction, or after it when the debugger stopped there
     * on the way out ({@code beforeInstruction} false, as after a step out of a call).
     */
    Object scope(Frame frame, int byteOffset, boolean beforeInstruction) {
        SourceView view = instance.compiledModule().sourceView();
        if (frame != null && view.showsSource(functionIndex)) {
            int at = byteOffset >= 0 ? byteOffset : instance.module().function(functionIndex).codeStart();
            return SourceScope.create(view.debugInfo(), at, new FrameMachineState(frame, localTypes, instance), name,
                            localsScope(frame, byteOffset, beforeInstruction, null), getSourceSection());
        }
        return localsScope(frame, byteOffset, beforeInstruction, getSourceSection());
    }

    /** Where the instruction after the one at {@code byteOffset} starts; -1 for none. */
    private int after(int byteOffset) {
        if (byteOffset < 0) {
            return -1;
        }
        BinaryReader r = new BinaryReader(instance.module().bytes());
        r.setPosition(byteOffset);
        Features features = instance.compiledModule().features();
        CodeScanner.skipImmediates(r, Instructions.read(r, features), features, true);
        return r.position();
    }

    /**
     * The operand stack just before the instruction at {@code byteOffset} runs, rebuilt on
     * request: the validator gives the entries' types, a node builder stopped at the
     * instruction says which entries are still a local, a constant or a folded comparison it
     * has not put in their slots (the others are in theirs).
     */
    OperandStack operandStack(Frame frame, int byteOffset) {
        Function function = instance.module().function(functionIndex);
        int[] types = byteOffset < 0 ? null
                        : Validator.operandTypesBefore(instance.module(), instance.compiledModule().features(), function, byteOffset);
        NodeBuilder.StackState state = types == null ? null
                        : new NodeBuilder(instance, function, info(instance, functionIndex), tailCallSlot).stackBefore(byteOffset);
        if (state == null || state.height() != types.length) {
            return new OperandStack(new Object[0], "not known at this position");
        }
        Object[] values = new Object[types.length];
        for (int i = 0; i < values.length; i++) {
            int local = state.pendingLocal()[i];
            if (i == values.length - 1 && state.foldedCompare() != null) {
                // The comparison the br_if or if here tests, never written to its slot.
                values[i] = state.foldedCompare().holds(frame) ? 1 : 0;
            } else if (state.pendingConst()[i]) {
                values[i] = types[i] == ValueType.I32 ? (Object) (int) state.constBits()[i] : (Object) state.constBits()[i];
            } else if (local >= 0) {
                values[i] = Values.box(frame, local, localTypes[local]);
            } else {
                values[i] = Values.box(frame, state.localCount() + i, types[i]);
            }
        }
        return new OperandStack(values, null);
    }

    /**
     * The parameters and locals, named as the name section names them, else {@code $0},
     * {@code $1}, ...; {@code function} is the scope's location when it is the function's own
     * scope for debuggers (DevTools' "Local"), null under source variables.
     */
    private LocalsScope localsScope(Frame frame, int byteOffset, boolean beforeInstruction, SourceSection function) {
        String[] names = new String[localTypes.length];
        for (int i = 0; i < names.length; i++) {
            String named = instance.module().names().localName(functionIndex, i);
            names[i] = named != null ? named : "$" + i;
        }
        return new LocalsScope(name, names, localTypes, frame, new ModuleScope(instance), function,
                        frame == null ? null : () -> operandStack(frame, beforeInstruction ? byteOffset : after(byteOffset)));
    }

    /** The source of the instruction at {@code byteOffset}. */
    SourceSection instructionSection(int byteOffset) {
        return instance.compiledModule().sourceView().instructionSection(functionIndex, byteOffset);
    }

    /** Whether the instruction at {@code byteOffset} begins a statement of the function's source. */
    boolean isStatementStart(int byteOffset) {
        int[] statements = statementOffsets;
        if (statements == null) {
            if (body == null) {
                return false;
            }
            statements = findStatements();
        }
        return Arrays.binarySearch(statements, byteOffset) >= 0;
    }

    /** Asks the source view which of the body's region instructions begin statements. */
    @TruffleBoundary
    private synchronized int[] findStatements() {
        if (statementOffsets == null) {
            List<Integer> candidates = new ArrayList<>();
            body.accept(node -> {
                if (node instanceof WasmNode instruction && !(node instanceof WrapperNode) && instruction.byteOffset() >= 0
                                && instruction.isInstructionOfRegion()) {
                    candidates.add(instruction.byteOffset());
                }
                return true;
            });
            int[] sorted = candidates.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
            statementOffsets = instance.compiledModule().sourceView().statements(functionIndex, sorted);
        }
        return statementOffsets;
    }

    /**
     * The name section's name, or the source's once tools look at the module through DWARF
     * (made only then, as reading DWARF costs).
     */
    @Override
    public String getName() {
        SourceView view = instance.compiledModule().sourceViewIfMade();
        String source = view == null ? null : view.functionName(functionIndex);
        return source != null ? source : name;
    }

    @Override
    public String toString() {
        return "wasm function " + name;
    }
}
