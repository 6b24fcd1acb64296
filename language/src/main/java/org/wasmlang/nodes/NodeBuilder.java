package org.wasmlang.nodes;

import static org.wasmlang.binary.Opcodes.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.wasmlang.binary.BinaryReader;
import org.wasmlang.binary.BlockTypes;
import org.wasmlang.binary.CodeScanner;
import org.wasmlang.binary.Instruction;
import org.wasmlang.binary.Instruction.Family;
import org.wasmlang.binary.Instructions;
import org.wasmlang.binary.MemArg;
import org.wasmlang.binary.TypeReader;
import org.wasmlang.module.Features;
import org.wasmlang.module.FuncType;
import org.wasmlang.module.Function;
import org.wasmlang.module.Module;
import org.wasmlang.nodes.call.CallIndirectNode;
import org.wasmlang.nodes.call.CallNode;
import org.wasmlang.nodes.call.CallRefNode;
import org.wasmlang.nodes.call.ReturnCallIndirectNode;
import org.wasmlang.nodes.call.ReturnCallNode;
import org.wasmlang.nodes.call.ReturnCallRefNode;
import org.wasmlang.nodes.control.BlockNode;
import org.wasmlang.nodes.control.BranchIfNode;
import org.wasmlang.nodes.control.BranchNode;
import org.wasmlang.nodes.control.BranchOnNullNode;
import org.wasmlang.nodes.control.BranchTableNode;
import org.wasmlang.nodes.control.Condition;
import org.wasmlang.nodes.control.DelegateBoundaryNode;
import org.wasmlang.nodes.control.DropNode;
import org.wasmlang.nodes.control.LegacyTryNode;
import org.wasmlang.nodes.control.ThrowNode;
import org.wasmlang.nodes.control.ThrowRefNode;
import org.wasmlang.nodes.control.TryTableNode;
import org.wasmlang.nodes.control.LocalLiveness;
import org.wasmlang.nodes.control.IfNode;
import org.wasmlang.nodes.control.RegionNode;
import org.wasmlang.nodes.control.UnreachableNode;
import org.wasmlang.nodes.control.WasmLoopNode;
import org.wasmlang.nodes.memory.BulkMemoryNode;
import org.wasmlang.nodes.memory.LoadNode;
import org.wasmlang.nodes.memory.MemoryGrowNode;
import org.wasmlang.nodes.memory.MemorySizeNode;
import org.wasmlang.nodes.memory.StoreNode;
import org.wasmlang.nodes.memory.V128MemoryNode;
import org.wasmlang.nodes.numeric.ConvertNode;
import org.wasmlang.nodes.numeric.F32Node;
import org.wasmlang.nodes.numeric.F64Node;
import org.wasmlang.nodes.numeric.I32Node;
import org.wasmlang.nodes.numeric.I64Node;
import org.wasmlang.nodes.simd.SimdNode;
import org.wasmlang.nodes.table.TableNode;
import org.wasmlang.nodes.variable.ConstNode;
import org.wasmlang.nodes.variable.CopySlotNode;
import org.wasmlang.nodes.variable.GlobalGetNode;
import org.wasmlang.nodes.variable.GlobalSetNode;
import org.wasmlang.nodes.variable.RefAsNonNullNode;
import org.wasmlang.nodes.variable.RefIsNullNode;
import org.wasmlang.nodes.variable.SelectNode;
import org.wasmlang.module.ValueType;
import org.wasmlang.runtime.WasmInstance;
import org.wasmlang.runtime.WasmMemory;
import org.wasmlang.runtime.WasmNull;
import org.wasmlang.runtime.WasmTag;
import org.wasmlang.runtime.simd.V128;
import org.wasmlang.validation.FunctionInfo;

/**
 * Turns one validated function body into a Truffle AST. It walks the bytes once more but
 * never re-checks them: it only tracks the operand-stack height (to give every node its
 * fixed slots) and the enclosing labels, and takes block extents from the validator's
 * {@link FunctionInfo}, which also lets it step over code after an unconditional branch.
 */
final class NodeBuilder {
    private static final int LABEL_FUNCTION = 0;
    private static final int LABEL_BLOCK = 1;
    private static final int LABEL_LOOP = 2;
    private static final int LABEL_IF = 3;
    /** A legacy try, in its body or one of its catches. */
    private static final int LABEL_TRY = 4;

    private final WasmInstance instance;
    private final Module module;
    private final Function function;
    private final FunctionInfo info;
    private final BinaryReader r;
    private final int localCount;
    private final int[] localTypes;
    private final FuncType[] types;
    /** Where return_call* leaves its request (see WasmFunctionRootNode), or -1. */
    private final int tailCallSlot;

    private final Features features;
    private final MemArg memArg = new MemArg();

    private int sp;
    /** The instruction {@link #stackBefore} stops at; -1 when building. */
    private int captureAt = -1;
    /**
     * For each stack entry, the local a {@code local.get} put there, or -1. The copy is left
     * out while the instructions consuming the entry can read the local directly (numeric
     * operators, loads, stores, local.set/tee, select, conditions), which saves the
     * interpreter one node per local.get. Such entries are copied into their slots before
     * anything else runs and before their local is written.
     */
    private final int[] pendingLocal;
    /**
     * Likewise for {@code i32.const}/{@code i64.const}: the entry's constant, kept out of a
     * node while it is only used as an operator's second operand or stored to a local.
     */
    private final boolean[] pendingConst;
    private final long[] constBits;
    private final int[] constType;
    /**
     * A comparison on top of the stack that the next instruction, a {@code br_if} or an
     * {@code if}, tests: it has no node, the branch evaluates it (see {@link Condition}).
     */
    private Condition foldedCompare;
    /** The locals each node reads directly, for {@link LocalLiveness}. */
    private final Map<WasmNode, int[]> localReads = new IdentityHashMap<>();
    /** The local a node writes its result to, when a local.set/tee was folded into it (see {@link #resultSlot}). */
    private final Map<WasmNode, Integer> localWrites = new IdentityHashMap<>();
    /**
     * The highest stack height since the last node that cleared what lies above its own:
     * the slots from {@code sp} up to here hold popped values (see {@link WasmNode#setDeadAfter}).
     */
    private int highWater;
    /** The locals whose initial value is never read, known once {@link #build} has run. */
    private int[] deadAtEntry = WasmNode.NO_SLOTS;
    private int nextBlock;
    /** The opcode (ELSE or END) that ended the sequence last read. */
    private int terminator;

    private int[] labelKind = new int[16];
    private int[] labelHeight = new int[16];
    private int[] labelArity = new int[16];
    private int[] labelBlock = new int[16];
    private boolean[] labelInElse = new boolean[16];
    /** For a legacy try: the slot its catches keep the exception in (for rethrow). */
    private int[] labelExceptionSlot = new int[16];
    private int labels;
    /** Legacy tries open now: the next one's exception slot. */
    private int tryDepth;
    private boolean usesDelegate;

    NodeBuilder(WasmInstance instance, Function function, FunctionInfo info, int tailCallSlot) {
        this.instance = instance;
        this.tailCallSlot = tailCallSlot;
        this.module = instance.module();
        this.function = function;
        this.info = info;
        this.r = new BinaryReader(module.bytes());
        this.localTypes = info.localTypes();
        this.localCount = localTypes.length;
        this.types = module.types();
        this.features = instance.compiledModule().features();
        this.pendingLocal = new int[info.maxStackHeight() + 1];
        Arrays.fill(pendingLocal, -1);
        this.pendingConst = new boolean[info.maxStackHeight() + 1];
        this.constBits = new long[info.maxStackHeight() + 1];
        this.constType = new int[info.maxStackHeight() + 1];
    }

    WasmNode build() {
        r.setPosition(function.codeStart());
        pushLabel(LABEL_FUNCTION, 0, module.type(function.typeIndex()).resultCount(), -1);
        WasmNode[] body = sequence();
        deadAtEntry = LocalLiveness.analyzeFunction(body, localCount, localReads, localWrites);
        RegionNode region = RegionNode.create(body, 0, false);
        return usesDelegate ? new DelegateBoundaryNode(region) : region;
    }

    /**
     * Where each operand stack entry is just before the instruction at {@code offset} runs
     * (a debugger's view of the stack): the entries' number, and per entry the local it
     * still is ({@code pendingLocal}, -1 if none) or the constant it still is
     * ({@code pendingConst} with {@code constBits}); the top entry may be a comparison the
     * next instruction tests ({@code foldedCompare}, else null); other entries are in their
     * slots, {@code localCount + index}.
     */
    record StackState(int height, int[] pendingLocal, boolean[] pendingConst, long[] constBits, int localCount,
                    Condition foldedCompare) {
    }

    /** Builds until the instruction at {@code offset}; null when the body has none there (dead code). */
    StackState stackBefore(int offset) {
        captureAt = offset;
        try {
            build();
        } catch (StackCaptured e) {
            return new StackState(sp, Arrays.copyOf(pendingLocal, sp), Arrays.copyOf(pendingConst, sp), Arrays.copyOf(constBits, sp),
                            localCount, foldedCompare);
        }
        return null;
    }

    /** Ends {@link #stackBefore}'s build at its instruction. */
    private static final class StackCaptured extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StackCaptured() {
            super(null, null, false, false);
        }
    }

    int[] deadAtEntry() {
        return deadAtEntry;
    }

    private int slot(int stackIndex) {
        return localCount + stackIndex;
    }

    /**
     * Takes the operand at a stack index: the slot to read it from (a local's if pending; a
     * pending constant is written to its slot first).
     */
    private int take(List<WasmNode> nodes, int stackIndex) {
        if (pendingConst[stackIndex]) {
            materialize(nodes, stackIndex, stackIndex + 1);
        }
        int source = source(stackIndex);
        pendingLocal[stackIndex] = -1;
        return source;
    }

    /** Where the entry at a stack index can be read now: its pending local, or its slot. */
    private int source(int stackIndex) {
        int local = pendingLocal[stackIndex];
        return local >= 0 ? local : slot(stackIndex);
    }

    /** Writes the pending locals and constants among stack entries [from, to) to their slots. */
    private void materialize(List<WasmNode> nodes, int from, int to) {
        for (int i = from; i < to; i++) {
            int local = pendingLocal[i];
            if (local >= 0) {
                nodes.add(copy(local, slot(i)));
                pendingLocal[i] = -1;
            } else if (pendingConst[i]) {
                nodes.add(ConstNode.number(slot(i), constType[i], constBits[i]));
                pendingConst[i] = false;
            }
        }
    }

    private void pushConst(int type, long bits) {
        pendingConst[sp] = true;
        constType[sp] = type;
        constBits[sp] = bits;
        sp++;
    }

    /** Before {@code local} is written: copies the stack entries still pending on it. */
    private void materializeLocal(List<WasmNode> nodes, int local) {
        for (int i = 0; i < sp; i++) {
            if (pendingLocal[i] == local) {
                nodes.add(copy(local, slot(i)));
                pendingLocal[i] = -1;
            }
        }
    }

    private WasmNode copy(int from, int to) {
        WasmNode node = new CopySlotNode(from, to, localTypes[from < localCount ? from : to]);
        return readsLocals(node, from);
    }

    /**
     * Where an instruction that has just pushed one value (entry {@code sp - 1}) writes it:
     * its stack slot, or, when a {@code local.set} or {@code local.tee} comes next, straight
     * into that local. The set is then read here and has no node of its own, so the interpreter
     * runs one node fewer; after a tee the entry stays, pending on the local. The caller
     * records the write with {@link #writesResult}.
     */
    private int resultSlot(List<WasmNode> nodes) {
        int next = r.peek();
        if (next != LOCAL_SET && next != LOCAL_TEE) {
            return slot(sp - 1);
        }
        int setAt = r.position();
        r.u8();
        int local = r.u32();
        // Entries still pending on the local's old value take it before the node overwrites it.
        materializeLocal(nodes, local);
        pendingLocal[sp - 1] = local;
        if (setAt == captureAt) {
            // Before the set: the value is already in the local, as the entry says.
            throw new StackCaptured();
        }
        if (next == LOCAL_SET) {
            pendingLocal[--sp] = -1;
        }
        return local;
    }

    /**
     * Pops the condition of a {@code br_if} or {@code if}: the comparison folded into it,
     * else the entry's slot.
     */
    private Condition takeCondition(List<WasmNode> nodes) {
        Condition folded = foldedCompare;
        if (folded != null) {
            foldedCompare = null;
            sp--;
            return folded;
        }
        return Condition.slot(take(nodes, --sp));
    }

    /** Records that {@code node} writes its result to a local, when {@code result} is one. */
    private WasmNode writesResult(WasmNode node, int result) {
        if (result < localCount) {
            localWrites.put(node, result);
        }
        return node;
    }

    /** Whether an instruction is an i32 or i64 comparison, eqz included. */
    private static boolean isComparison(Instruction instruction) {
        return instruction.prefix() == 0 && (instruction.family() == Family.I32 || instruction.family() == Family.I64)
                        && Condition.isComparison(instruction.opcode());
    }

    /** Records which of a node's operand slots are locals (a negative one is an immediate). */
    private WasmNode readsLocals(WasmNode node, int... sources) {
        int[] locals = Arrays.stream(sources).filter(source -> source >= 0 && source < localCount).toArray();
        if (locals.length > 0) {
            localReads.put(node, locals);
        }
        return node;
    }

    /**
     * Whether pending entries may stay pending across an instruction: it reads its operands
     * where they are, or only pushes, and writes no local except through local.set/tee.
     */
    private static boolean takesPendingOperands(Instruction instruction) {
        if (instruction.family() != Family.SPECIAL) {
            return true;
        }
        return switch (instruction.code()) {
            case NOP, LOCAL_GET, LOCAL_SET, LOCAL_TEE, GLOBAL_GET, GLOBAL_SET, DROP, SELECT, SELECT_T, BR_IF, IF, BR_TABLE,
                            I32_CONST, I64_CONST, F32_CONST, F64_CONST, REF_NULL, REF_FUNC, MEMORY_SIZE -> true;
            default -> false;
        };
    }

    private void pushLabel(int kind, int height, int arity, int block) {
        if (labels == labelKind.length) {
            int n = labels * 2;
            labelKind = Arrays.copyOf(labelKind, n);
            labelHeight = Arrays.copyOf(labelHeight, n);
            labelArity = Arrays.copyOf(labelArity, n);
            labelBlock = Arrays.copyOf(labelBlock, n);
            labelInElse = Arrays.copyOf(labelInElse, n);
            labelExceptionSlot = Arrays.copyOf(labelExceptionSlot, n);
        }
        labelKind[labels] = kind;
        labelHeight[labels] = height;
        labelArity[labels] = arity;
        labelBlock[labels] = block;
        labelInElse[labels] = false;
        labels++;
    }

    /** Reads instructions up to the ELSE or END that closes the current label. */
    private WasmNode[] sequence() {
        List<WasmNode> nodes = new ArrayList<>();
        while (true) {
            int at = r.position();
            if (at == captureAt) {
                throw new StackCaptured();
            }
            int built = nodes.size();
            highWater = Math.max(highWater, sp);
            Instruction instruction = Instructions.read(r, features);
            int opcode = instruction.code();
            if (!takesPendingOperands(instruction)) {
                materialize(nodes, 0, sp);
            } else if (opcode == BR_IF || opcode == IF || opcode == BR_TABLE) {
                // Values a branch carries or a block takes must be in their slots.
                materialize(nodes, 0, sp - 1);
            }
            switch (opcode) {
                case END, ELSE, CATCH, CATCH_ALL, DELEGATE -> {
                    terminator = opcode;
                    return nodes.toArray(new WasmNode[0]);
                }
                case THROW -> {
                    WasmTag tag = instance.tag(r.u32());
                    sp -= tag.type().paramCount();
                    nodes.add(new ThrowNode(tag, slot(sp)));
                    skipDeadCode();
                }
                case THROW_REF -> {
                    nodes.add(new ThrowRefNode(slot(--sp)));
                    skipDeadCode();
                }
                case RETHROW -> {
                    nodes.add(new ThrowRefNode(labelExceptionSlot[labels - 1 - r.u32()]));
                    skipDeadCode();
                }
                case TRY_TABLE -> nodes.add(tryTable());
                case TRY -> nodes.add(legacyTry());
                case UNREACHABLE -> {
                    nodes.add(new UnreachableNode());
                    skipDeadCode();
                }
                case NOP -> {
                }
                case BLOCK, LOOP -> nodes.add(block(opcode));
                case IF -> nodes.add(ifElse(nodes));
                case BR -> {
                    nodes.add(branch(r.u32()));
                    skipDeadCode();
                }
                case BR_IF -> {
                    int depth = r.u32();
                    Condition condition = takeCondition(nodes);
                    int label = labels - 1 - depth;
                    int arity = labelArity[label];
                    nodes.add(readsLocals(new BranchIfNode(condition, label, slot(sp - arity), slot(labelHeight[label]), arity,
                                    slot(highWater), new BranchCounts()), condition.operands()));
                }
                case BR_TABLE -> {
                    nodes.add(branchTable(nodes));
                    skipDeadCode();
                }
                case RETURN -> {
                    nodes.add(branch(labels - 1));
                    skipDeadCode();
                }
                case CALL -> {
                    int index = r.u32();
                    FuncType type = module.functionType(index);
                    sp -= type.paramCount();
                    nodes.add(new CallNode(instance.function(index), slot(sp)));
                    sp += type.resultCount();
                }
                case CALL_REF -> {
                    FuncType type = types[r.u32()];
                    sp -= 1 + type.paramCount();
                    nodes.add(new CallRefNode(type, slot(sp)));
                    sp += type.resultCount();
                }
                case REF_AS_NON_NULL -> nodes.add(new RefAsNonNullNode(slot(sp - 1)));
                case BR_ON_NULL -> {
                    // Taken: the label's values lie below the (null) reference. Not taken:
                    // the reference stays.
                    int label = labels - 1 - r.u32();
                    int arity = labelArity[label];
                    nodes.add(new BranchOnNullNode(true, slot(sp - 1), label, slot(sp - 1 - arity),
                                    slot(labelHeight[label]), arity, slot(highWater), new BranchCounts()));
                }
                case BR_ON_NON_NULL -> {
                    // Taken: the reference is the label's last value. Not taken: it is dropped.
                    int label = labels - 1 - r.u32();
                    int arity = labelArity[label];
                    nodes.add(new BranchOnNullNode(false, slot(sp - 1), label, slot(sp - arity), slot(labelHeight[label]),
                                    arity, slot(highWater), new BranchCounts()));
                    sp--;
                }
                case CALL_INDIRECT -> {
                    int typeIndex = r.u32();
                    int tableIndex = r.u32();
                    FuncType type = types[typeIndex];
                    sp -= 1 + type.paramCount();
                    nodes.add(new CallIndirectNode(instance.table(tableIndex), type, instance.typeId(typeIndex), slot(sp)));
                    sp += type.resultCount();
                }
                case RETURN_CALL -> {
                    int index = r.u32();
                    sp -= module.functionType(index).paramCount();
                    nodes.add(new ReturnCallNode(instance.function(index), slot(sp), tailCallSlot));
                    skipDeadCode();
                }
                case RETURN_CALL_INDIRECT -> {
                    int typeIndex = r.u32();
                    int tableIndex = r.u32();
                    sp -= 1 + types[typeIndex].paramCount();
                    nodes.add(new ReturnCallIndirectNode(instance.table(tableIndex), types[typeIndex],
                                    instance.typeId(typeIndex), slot(sp), tailCallSlot));
                    skipDeadCode();
                }
                case RETURN_CALL_REF -> {
                    FuncType type = types[r.u32()];
                    sp -= 1 + type.paramCount();
                    nodes.add(new ReturnCallRefNode(type, slot(sp), tailCallSlot));
                    skipDeadCode();
                }
                case DROP -> {
                    sp--;
                    if (pendingLocal[sp] >= 0 || pendingConst[sp]) {
                        // Never written, so nothing to drop.
                        pendingLocal[sp] = -1;
                        pendingConst[sp] = false;
                    } else if (!nodes.isEmpty()) {
                        // The instruction before clears the dropped value too.
                        WasmNode previous = nodes.get(nodes.size() - 1);
                        previous.setDeadAfter(slot(sp), Math.max(previous.deadTo(), slot(highWater)));
                        highWater = sp;
                    } else {
                        nodes.add(new DropNode());
                    }
                }
                case SELECT, SELECT_T -> {
                    if (opcode == SELECT_T) {
                        int n = r.u32();
                        for (int i = 0; i < n; i++) {
                            TypeReader.valueType(r, features);
                        }
                    }
                    int first = take(nodes, sp - 3);
                    int second = take(nodes, sp - 2);
                    int condition = take(nodes, sp - 1);
                    sp -= 3;
                    nodes.add(readsLocals(new SelectNode(first, second, condition, slot(sp), new BranchCounts()), first,
                                    second, condition));
                    sp++;
                }
                case LOCAL_GET -> pendingLocal[sp++] = r.u32();
                case LOCAL_SET -> {
                    int local = r.u32();
                    if (pendingConst[sp - 1]) {
                        sp--;
                        pendingConst[sp] = false;
                        materializeLocal(nodes, local);
                        nodes.add(ConstNode.number(local, constType[sp], constBits[sp]));
                    } else {
                        int source = take(nodes, --sp);
                        materializeLocal(nodes, local);
                        if (source != local) {
                            nodes.add(copy(source, local));
                        }
                    }
                }
                case LOCAL_TEE -> {
                    int local = r.u32();
                    if (pendingConst[sp - 1]) {
                        // The constant stays pending on the stack.
                        materializeLocal(nodes, local);
                        nodes.add(ConstNode.number(local, constType[sp - 1], constBits[sp - 1]));
                    } else if (pendingLocal[sp - 1] != local) {
                        int source = source(sp - 1);
                        materializeLocal(nodes, local);
                        nodes.add(copy(source, local));
                    }
                }
                case GLOBAL_GET -> nodes.add(new GlobalGetNode(instance.global(r.u32()), slot(sp++)));
                case GLOBAL_SET -> {
                    int global = r.u32();
                    int source = take(nodes, --sp);
                    nodes.add(readsLocals(new GlobalSetNode(instance.global(global), source), source));
                }
                case TABLE_GET -> nodes.add(new TableNode(TABLE_GET, instance, instance.table(r.u32()), null, slot(sp - 1), -1));
                case TABLE_SET -> {
                    sp -= 2;
                    nodes.add(new TableNode(TABLE_SET, instance, instance.table(r.u32()), null, slot(sp), -1));
                }
                case MEMORY_SIZE -> nodes.add(new MemorySizeNode(memory(), slot(sp++)));
                case MEMORY_GROW -> nodes.add(new MemoryGrowNode(memory(), slot(sp - 1)));
                case I32_CONST -> pushConst(ValueType.I32, r.s32());
                case I64_CONST -> pushConst(ValueType.I64, r.s64());
                case F32_CONST -> nodes.add(ConstNode.number(slot(sp++), ValueType.F32, r.f32Bits()));
                case F64_CONST -> nodes.add(ConstNode.number(slot(sp++), ValueType.F64, r.f64Bits()));
                case REF_NULL -> {
                    TypeReader.heapType(r, features);
                    nodes.add(ConstNode.reference(slot(sp++), WasmNull.NULL));
                }
                case REF_IS_NULL -> nodes.add(new RefIsNullNode(slot(sp - 1)));
                case REF_FUNC -> nodes.add(ConstNode.reference(slot(sp++), instance.function(r.u32())));
                default -> {
                    WasmNode node = switch (instruction.family()) {
                        case SPECIAL -> misc(instruction.opcode());
                        case LOAD, STORE -> memoryAccess(nodes, instruction);
                        case I32, I64, F32, F64, CONVERT -> numeric(nodes, instruction);
                        case V128_LOAD, V128_STORE, V128_LOAD_LANE, V128_STORE_LANE -> vectorMemoryAccess(nodes, instruction);
                        case V128_CONST -> ConstNode.vector(slot(sp++), V128.fromBytes(module.bytes(), skip(16)));
                        default -> simd(nodes, instruction);
                    };
                    if (node != null) {
                        nodes.add(node);
                    }
                }
            }
            if (nodes.size() > built) {
                WasmNode node = nodes.get(nodes.size() - 1);
                node.setByteOffset(at);
                if (highWater > sp) {
                    node.setDeadAfter(slot(sp), slot(highWater));
                }
                highWater = sp;
            }
        }
    }

    private WasmMemory memory() {
        return instance.memory(CodeScanner.memoryIndex(r, features));
    }

    private WasmNode block(int opcode) {
        int blockType = BlockTypes.read(r, features);
        int block = nextBlock++;
        int params = BlockTypes.paramCount(blockType, types);
        int results = BlockTypes.resultCount(blockType, types);
        int height = sp - params;
        boolean loop = opcode == LOOP;
        pushLabel(loop ? LABEL_LOOP : LABEL_BLOCK, height, loop ? params : results, block);
        int label = labels - 1;
        WasmNode[] body = sequence();
        labels--;
        sp = height + results;
        return loop ? new WasmLoopNode(body, label) : new BlockNode(body, label);
    }

    private WasmNode tryTable() {
        int blockType = BlockTypes.read(r, features);
        int n = r.u32();
        WasmTag[] tags = new WasmTag[n];
        boolean[] withReference = new boolean[n];
        int[] clauseLabels = new int[n];
        int[] clauseTo = new int[n];
        for (int c = 0; c < n; c++) {
            int kind = r.u8();
            tags[c] = kind < 2 ? instance.tag(r.u32()) : null;
            withReference[c] = kind == 1 || kind == 3;
            // Catch labels are counted outside the try_table.
            clauseLabels[c] = labels - 1 - r.u32();
            clauseTo[c] = slot(labelHeight[clauseLabels[c]]);
        }
        int block = nextBlock++;
        int params = BlockTypes.paramCount(blockType, types);
        int results = BlockTypes.resultCount(blockType, types);
        int height = sp - params;
        pushLabel(LABEL_BLOCK, height, results, block);
        int label = labels - 1;
        WasmNode[] body = sequence();
        labels--;
        sp = height + results;
        return new TryTableNode(body, label, tags, withReference, clauseLabels, clauseTo, slot(height + params));
    }

    private WasmNode legacyTry() {
        int blockType = BlockTypes.read(r, features);
        int block = nextBlock++;
        int params = BlockTypes.paramCount(blockType, types);
        int results = BlockTypes.resultCount(blockType, types);
        int height = sp - params;
        pushLabel(LABEL_TRY, height, results, block);
        int label = labels - 1;
        int exceptionSlot = slot(info.maxStackHeight() - info.exceptionSlots() + tryDepth++);
        labelExceptionSlot[label] = exceptionSlot;
        WasmNode[] body = sequence();
        List<WasmNode[]> handlers = new ArrayList<>();
        List<WasmTag> tags = new ArrayList<>();
        while (terminator == CATCH || terminator == CATCH_ALL) {
            WasmTag tag = terminator == CATCH ? instance.tag(r.u32()) : null;
            tags.add(tag);
            sp = height + (tag == null ? 0 : tag.type().paramCount());
            highWater = sp;
            handlers.add(sequence());
        }
        int delegateLabel = -1;
        if (terminator == DELEGATE) {
            // Counted from outside the try.
            delegateLabel = label - 1 - r.u32();
            usesDelegate = true;
        }
        labels--;
        tryDepth--;
        sp = height + results;
        highWater = Math.max(highWater, sp);
        return new LegacyTryNode(body, label, handlers.toArray(new WasmNode[0][]), tags.toArray(new WasmTag[0]),
                        slot(height), exceptionSlot, delegateLabel);
    }

    private WasmNode ifElse(List<WasmNode> nodes) {
        int blockType = BlockTypes.read(r, features);
        int block = nextBlock++;
        Condition condition = takeCondition(nodes);
        int conditionDeadTo = slot(highWater);
        highWater = sp;
        int params = BlockTypes.paramCount(blockType, types);
        int results = BlockTypes.resultCount(blockType, types);
        int height = sp - params;
        pushLabel(LABEL_IF, height, results, block);
        int label = labels - 1;
        WasmNode[] thenBody = sequence();
        WasmNode[] elseBody = null;
        if (terminator == ELSE) {
            labelInElse[labels - 1] = true;
            sp = height + params;
            highWater = sp;
            elseBody = sequence();
        }
        labels--;
        sp = height + results;
        return readsLocals(new IfNode(condition, slot(height + params), conditionDeadTo, new BlockNode(thenBody, label),
                        elseBody == null ? null : new BlockNode(elseBody, label), new BranchCounts()), condition.operands());
    }

    private WasmNode branch(int depth) {
        int label = labels - 1 - depth;
        int arity = labelArity[label];
        return new BranchNode(label, slot(sp - arity), slot(labelHeight[label]), arity, slot(highWater));
    }

    private WasmNode branchTable(List<WasmNode> nodes) {
        int n = r.u32();
        int[] depths = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            depths[i] = r.u32();
        }
        int indexSlot = take(nodes, --sp);
        int arity = labelArity[labels - 1 - depths[n]];
        // Distinct targets, so compiled code has one value move per target, not per entry.
        int[] distinct = Arrays.stream(depths).distinct().toArray();
        int[] entryTarget = new int[depths.length];
        for (int i = 0; i < depths.length; i++) {
            for (int t = 0; t < distinct.length; t++) {
                if (distinct[t] == depths[i]) {
                    entryTarget[i] = t;
                }
            }
        }
        int[] targetLabel = new int[distinct.length];
        int[] targetTo = new int[distinct.length];
        for (int t = 0; t < distinct.length; t++) {
            targetLabel[t] = labels - 1 - distinct[t];
            targetTo[t] = slot(labelHeight[targetLabel[t]]);
        }
        return readsLocals(new BranchTableNode(indexSlot, entryTarget, targetLabel, targetTo, slot(sp - arity), arity,
                        slot(highWater)), indexSlot);
    }

    /**
     * After an unconditional transfer the rest of the current block cannot run: jump to the
     * ELSE or END that closes it, skipping the records of the blocks in between.
     */
    private void skipDeadCode() {
        int label = labels - 1;
        int closing;
        if (labelKind[label] == LABEL_TRY) {
            closing = nextClause();
        } else if (labelKind[label] == LABEL_FUNCTION) {
            closing = function.codeEnd() - 1;
        } else {
            int block = labelBlock[label];
            int elseAt = info.block(block, FunctionInfo.BLOCK_ELSE);
            closing = labelKind[label] == LABEL_IF && !labelInElse[label] && elseAt >= 0 ? elseAt
                            : info.block(block, FunctionInfo.BLOCK_END);
        }
        while (nextBlock < info.blockCount() && info.block(nextBlock, FunctionInfo.BLOCK_START) < closing) {
            nextBlock++;
        }
        r.setPosition(closing);
        // The stack height past an unconditional branch does not matter: the closing
        // instruction resets it from the label.
    }

    /**
     * The position of the catch, catch_all, delegate or end that closes the current part of a
     * legacy try (the validator records one else per block only).
     */
    private int nextClause() {
        int depth = 0;
        while (true) {
            int at = r.position();
            Instruction instruction = Instructions.read(r, features);
            int opcode = instruction.code();
            if (depth == 0 && (opcode == CATCH || opcode == CATCH_ALL || opcode == DELEGATE || opcode == END)) {
                return at;
            }
            depth += CodeScanner.skipImmediates(r, instruction, features, true);
        }
    }

    /** The 0xFC instructions with a node of their own. */
    private WasmNode misc(int sub) {
        switch (sub) {
            case MEMORY_INIT -> {
                int segment = r.u32();
                WasmMemory memory = memory();
                sp -= 3;
                return new BulkMemoryNode(MEMORY_INIT, instance, memory, null, slot(sp), segment);
            }
            case DATA_DROP -> {
                return new BulkMemoryNode(DATA_DROP, instance, null, null, -1, r.u32());
            }
            case MEMORY_COPY -> {
                WasmMemory destination = memory();
                WasmMemory source = memory();
                sp -= 3;
                return new BulkMemoryNode(MEMORY_COPY, instance, destination, source, slot(sp), -1);
            }
            case MEMORY_FILL -> {
                WasmMemory memory = memory();
                sp -= 3;
                return new BulkMemoryNode(MEMORY_FILL, instance, memory, null, slot(sp), -1);
            }
            case TABLE_INIT -> {
                int segment = r.u32();
                int table = r.u32();
                sp -= 3;
                return new TableNode(TableNode.PREFIXED | sub, instance, instance.table(table), null, slot(sp), segment);
            }
            case ELEM_DROP -> {
                return new TableNode(TableNode.PREFIXED | sub, instance, null, null, -1, r.u32());
            }
            case TABLE_COPY -> {
                int destination = r.u32();
                int source = r.u32();
                sp -= 3;
                return new TableNode(TableNode.PREFIXED | sub, instance, instance.table(destination),
                                instance.table(source), slot(sp), -1);
            }
            case TABLE_GROW -> {
                int table = r.u32();
                sp -= 1;
                return new TableNode(TableNode.PREFIXED | sub, instance, instance.table(table), null, slot(sp - 1), -1);
            }
            case TABLE_SIZE -> {
                return new TableNode(TableNode.PREFIXED | sub, instance, instance.table(r.u32()), null, slot(sp++), -1);
            }
            case TABLE_FILL -> {
                int table = r.u32();
                sp -= 3;
                return new TableNode(TableNode.PREFIXED | sub, instance, instance.table(table), null, slot(sp), -1);
            }
            default -> throw new IllegalStateException("validated code has no 0xfc " + sub);
        }
    }

    private WasmNode memoryAccess(List<WasmNode> nodes, Instruction instruction) {
        memArg.read(r, features);
        WasmMemory memory = instance.memory(memArg.memoryIndex);
        int opcode = instruction.opcode();
        if (instruction.family() == Family.LOAD) {
            int address = take(nodes, sp - 1);
            int result = resultSlot(nodes);
            return writesResult(readsLocals(LoadNode.create(memory, opcode, memArg.offset, address, result), address), result);
        }
        int address = take(nodes, sp - 2);
        int value = take(nodes, sp - 1);
        sp -= 2;
        return readsLocals(StoreNode.create(memory, opcode, memArg.offset, address, value), address, value);
    }

    /**
     * The numeric operators of Wasm 1.0 and the saturating truncations; null for a
     * comparison that the {@code br_if} or {@code if} after it tests ({@link #foldedCompare}).
     */
    private WasmNode numeric(List<WasmNode> nodes, Instruction instruction) {
        int opcode = instruction.opcode();
        boolean unary = instruction.params().length == 1;
        int a;
        int b = -1;
        boolean immediate = false;
        long immediateBits = 0;
        if (unary) {
            a = take(nodes, sp - 1);
        } else {
            a = take(nodes, sp - 2);
            if (pendingConst[sp - 1] && (instruction.family() == Family.I32 || instruction.family() == Family.I64)) {
                // An i32/i64 operator with a constant second operand keeps it in the node.
                immediate = true;
                immediateBits = constBits[sp - 1];
                pendingConst[sp - 1] = false;
            } else {
                b = take(nodes, sp - 1);
            }
            sp--;
        }
        if (isComparison(instruction) && (r.peek() == BR_IF || r.peek() == IF)) {
            foldedCompare = instruction.family() == Family.I32 ? Condition.i32(opcode, a, b, (int) immediateBits)
                            : Condition.i64(opcode, a, b, immediateBits);
            return null;
        }
        int result = resultSlot(nodes);
        WasmNode node = switch (instruction.family()) {
            case CONVERT -> new ConvertNode(instruction.prefix() == 0 ? opcode : ConvertNode.SATURATING | opcode, a, result);
            case I32 -> new I32Node(opcode, a, b, result, (int) immediateBits);
            case I64 -> new I64Node(opcode, a, b, result, immediateBits);
            case F32 -> new F32Node(opcode, a, b, result);
            default -> new F64Node(opcode, a, b, result);
        };
        writesResult(node, result);
        return unary || immediate ? readsLocals(node, a) : readsLocals(node, a, b);
    }

    private WasmNode vectorMemoryAccess(List<WasmNode> nodes, Instruction instruction) {
        memArg.read(r, features);
        WasmMemory memory = instance.memory(memArg.memoryIndex);
        int opcode = instruction.opcode();
        switch (instruction.family()) {
            case V128_LOAD -> {
                int address = take(nodes, sp - 1);
                return readsLocals(V128MemoryNode.create(memory, opcode, memArg.offset, address, slot(sp - 1), -1, 0),
                                address);
            }
            case V128_STORE -> {
                int address = take(nodes, sp - 2);
                int value = take(nodes, sp - 1);
                sp -= 2;
                return readsLocals(V128MemoryNode.create(memory, opcode, memArg.offset, address, value, -1, 0), address,
                                value);
            }
            default -> {
                int lane = r.u8();
                int address = take(nodes, sp - 2);
                int vector = take(nodes, sp - 1);
                sp -= 2;
                int result = -1;
                if (instruction.family() == Family.V128_LOAD_LANE) {
                    result = slot(sp++);
                }
                return readsLocals(V128MemoryNode.create(memory, opcode, memArg.offset, address, vector, result, lane),
                                address, vector);
            }
        }
    }

    /** The SIMD operators: their operands are the instruction's parameters, their result its one result. */
    private WasmNode simd(List<WasmNode> nodes, Instruction instruction) {
        int lane = 0;
        byte[] shuffle = null;
        switch (instruction.immediate()) {
            case LANE -> lane = r.u8();
            case SHUFFLE -> shuffle = Arrays.copyOfRange(module.bytes(), skip(16), r.position());
            default -> {
            }
        }
        int[] params = instruction.params();
        int[] operands = {-1, -1, -1};
        int base = sp - params.length;
        for (int i = 0; i < params.length; i++) {
            operands[i] = take(nodes, base + i);
        }
        sp = base;
        Family family = instruction.family();
        int scalarType = switch (family) {
            case V128_SPLAT -> params[0];
            case V128_REPLACE_LANE -> params[1];
            default -> instruction.results()[0];
        };
        WasmNode node = new SimdNode(family, instruction.opcode(), operands[0], operands[1], operands[2], slot(sp++), lane,
                        scalarType, shuffle);
        return readsLocals(node, Arrays.copyOf(operands, params.length));
    }

    /** Steps over {@code n} immediate bytes and returns where they start. */
    private int skip(int n) {
        int start = r.position();
        r.skip(n);
        return start;
    }

}
