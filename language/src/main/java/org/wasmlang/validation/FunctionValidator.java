package org.wasmlang.validation;

import java.util.Arrays;

import org.wasmlang.binary.BinaryReader;
import org.wasmlang.binary.BlockTypes;
import org.wasmlang.binary.CodeScanner;
import org.wasmlang.binary.Opcodes;
import org.wasmlang.binary.Instruction;
import org.wasmlang.binary.Instructions;
import org.wasmlang.binary.MemArg;
import org.wasmlang.binary.TypeReader;
import org.wasmlang.module.ElementSegment;
import org.wasmlang.module.Features;
import org.wasmlang.module.FuncType;
import org.wasmlang.module.Function;
import org.wasmlang.module.GlobalType;
import org.wasmlang.module.Module;
import org.wasmlang.module.ValueType;

/**
 * Type-checks function bodies in one pass over their bytes, following the spec's
 * validation algorithm (operand stack and control stack, polymorphic after
 * {@code unreachable}, {@code br}, {@code return}). It decodes instructions as it goes,
 * so malformed instruction encodings are reported here too.
 *
 * <p>One instance validates every function of a module and reuses its arrays, so there
 * is no allocation per instruction.
 */
final class FunctionValidator {
    private static final int KIND_FUNCTION = 0;
    private static final int KIND_BLOCK = 1;
    private static final int KIND_LOOP = 2;
    private static final int KIND_IF = 3;
    private static final int KIND_ELSE = 4;
    /** A try_table: a block whose catch clauses were checked when it opened. */
    private static final int KIND_TRY_TABLE = 5;
    /** Legacy try before its first catch, then in a catch, then in catch_all. */
    private static final int KIND_TRY = 6;
    private static final int KIND_CATCH = 7;
    private static final int KIND_CATCH_ALL = 8;

    private final Module module;
    private final Features features;
    private final FuncType[] types;
    private final boolean[] declaredReferences;
    private final BinaryReader r;
    private final MemArg memArg = new MemArg();

    private int[] localTypes;
    private int functionIndex;

    private int[] stack = new int[64];
    private int sp;
    private int maxSp;
    private boolean usesVectors;
    private boolean makesTailCalls;

    private int[] ctlKind = new int[16];
    private int[] ctlType = new int[16];
    private int[] ctlHeight = new int[16];
    private boolean[] ctlUnreachable = new boolean[16];
    private int[] ctlBlock = new int[16];
    private int csp;

    /**
     * Local initialisation (typed function references): a local of a non-defaultable type
     * (a non-nullable reference) must be set before it is read. {@link #initialized} says
     * which locals are; {@link #initLog} lists the ones set since they were not, and each
     * control frame remembers the log's length at its start, so {@code else} and
     * {@code end} forget what the block initialised, as the spec's rules do.
     */
    private boolean[] initialized = new boolean[16];
    private int[] initLog = new int[16];
    private int initLogSize;
    private int[] ctlInitHeight = new int[16];

    /** Legacy try blocks open now, and the most at once (each gets a frame slot for its exception). */
    private int tryDepth;
    private int maxTryDepth;

    private int[] blocks = new int[FunctionInfo.BLOCK_STRIDE * 16];
    private int blockCount;

    FunctionValidator(Module module, Features features, FuncType[] types, boolean[] declaredReferences) {
        this.module = module;
        this.features = features;
        this.types = types;
        this.declaredReferences = declaredReferences;
        this.r = new BinaryReader(module.bytes());
    }

    FunctionInfo validate(Function function) {
        begin(function);
        while (csp > 0) {
            instruction();
        }
        assert r.position() == function.codeEnd() : "the decoder checked the body's extent";
        return new FunctionInfo(localTypes, maxSp, maxTryDepth, Arrays.copyOf(blocks, blockCount * FunctionInfo.BLOCK_STRIDE),
                        usesVectors, makesTailCalls);
    }

    /**
     * The operand stack's value types, bottom first, just before the instruction at
     * {@code offset} of a function that validated; null when no instruction starts there.
     */
    int[] operandTypesBefore(Function function, int offset) {
        begin(function);
        while (csp > 0) {
            if (r.position() == offset) {
                return Arrays.copyOf(stack, sp);
            }
            instruction();
        }
        return null;
    }

    private void begin(Function function) {
        functionIndex = function.index();
        localTypes = function.localTypes();
        sp = 0;
        maxSp = 0;
        csp = 0;
        blockCount = 0;
        usesVectors = false;
        makesTailCalls = false;
        tryDepth = 0;
        maxTryDepth = 0;
        for (int type : localTypes) {
            usesVectors |= type == ValueType.V128;
        }
        int params = types[function.typeIndex()].paramCount();
        if (initialized.length < localTypes.length) {
            initialized = new boolean[localTypes.length];
        }
        initLogSize = 0;
        for (int i = 0; i < localTypes.length; i++) {
            if (ValueType.isConcrete(localTypes[i]) && ValueType.typeIndex(localTypes[i]) >= types.length) {
                throw invalid(ErrorMessage.UNKNOWN_TYPE, String.valueOf(ValueType.typeIndex(localTypes[i])),
                                function.codeStart());
            }
            initialized[i] = i < params || ValueType.isDefaultable(localTypes[i]);
        }
        r.setPosition(function.codeStart());
        r.setFunctionIndex(functionIndex);
        pushControl(KIND_FUNCTION, function.typeIndex(), -1);
    }

    int position() {
        return r.position();
    }

    // ---- errors -------------------------------------------------------------------------

    private WasmInvalidException invalid(ErrorMessage error, String detail, int at) {
        return new WasmInvalidException(error, detail, at, functionIndex);
    }

    /** The reference interpreter's wording, which some spec scripts expect in full. */
    private WasmInvalidException mismatch(int expected, int actual, int at) {
        return invalid(ErrorMessage.TYPE_MISMATCH, ": instruction requires [" + ValueType.name(expected)
                        + "] but stack has [" + (actual == -1 ? "" : ValueType.name(actual)) + "]", at);
    }

    // ---- operand stack --------------------------------------------------------------------

    private void push(int type) {
        if (sp == stack.length) {
            stack = Arrays.copyOf(stack, sp * 2);
        }
        stack[sp++] = type;
        usesVectors |= type == ValueType.V128;
        if (sp > maxSp) {
            maxSp = sp;
        }
    }

    /** Pops any value; UNKNOWN when the stack is polymorphic. -1 never escapes: it throws. */
    private int pop(int at) {
        if (sp == ctlHeight[csp - 1]) {
            if (ctlUnreachable[csp - 1]) {
                return ValueType.UNKNOWN;
            }
            throw mismatch(ValueType.UNKNOWN, -1, at);
        }
        return stack[--sp];
    }

    private int pop(int expected, int at) {
        if (sp == ctlHeight[csp - 1]) {
            if (ctlUnreachable[csp - 1]) {
                return expected;
            }
            throw mismatch(expected, -1, at);
        }
        int actual = stack[--sp];
        if (!ValueType.isSubtype(actual, expected)) {
            throw mismatch(expected, actual, at);
        }
        return actual;
    }

    /** Pops a value of any reference type; UNKNOWN when the stack is polymorphic. */
    private int popReference(int at) {
        int type = pop(at);
        if (type != ValueType.UNKNOWN && !ValueType.isReference(type)) {
            throw invalid(ErrorMessage.TYPE_MISMATCH, "(expected a reference, got " + ValueType.name(type) + ")", at);
        }
        return type;
    }

    // ---- control stack --------------------------------------------------------------------

    private void pushControl(int kind, int blockType, int opcodeOffset) {
        if (csp == ctlKind.length) {
            int n = csp * 2;
            ctlKind = Arrays.copyOf(ctlKind, n);
            ctlType = Arrays.copyOf(ctlType, n);
            ctlHeight = Arrays.copyOf(ctlHeight, n);
            ctlUnreachable = Arrays.copyOf(ctlUnreachable, n);
            ctlBlock = Arrays.copyOf(ctlBlock, n);
            ctlInitHeight = Arrays.copyOf(ctlInitHeight, n);
        }
        ctlInitHeight[csp] = initLogSize;
        // The caller has popped the block's parameters already; they are pushed back after.
        ctlKind[csp] = kind;
        ctlType[csp] = blockType;
        ctlHeight[csp] = sp;
        ctlUnreachable[csp] = false;
        ctlBlock[csp] = -1;
        if (kind != KIND_FUNCTION) {
            int base = blockCount * FunctionInfo.BLOCK_STRIDE;
            if (base + FunctionInfo.BLOCK_STRIDE > blocks.length) {
                blocks = Arrays.copyOf(blocks, blocks.length * 2);
            }
            blocks[base + FunctionInfo.BLOCK_START] = opcodeOffset;
            blocks[base + FunctionInfo.BLOCK_TYPE] = blockType;
            blocks[base + FunctionInfo.BLOCK_ENTRY_HEIGHT] = sp;
            blocks[base + FunctionInfo.BLOCK_ELSE] = -1;
            blocks[base + FunctionInfo.BLOCK_END] = -1;
            ctlBlock[csp] = blockCount++;
        }
        csp++;
    }

    private int resultCount(int frame) {
        return ctlKind[frame] == KIND_FUNCTION ? types[ctlType[frame]].resultCount()
                        : BlockTypes.resultCount(ctlType[frame], types);
    }

    private int result(int frame, int i) {
        return ctlKind[frame] == KIND_FUNCTION ? types[ctlType[frame]].result(i)
                        : BlockTypes.result(ctlType[frame], types, i);
    }

    /** Label types: a loop's label takes its parameters, others their results. */
    private int labelCount(int frame) {
        return ctlKind[frame] == KIND_LOOP ? BlockTypes.paramCount(ctlType[frame], types) : resultCount(frame);
    }

    private int labelType(int frame, int i) {
        return ctlKind[frame] == KIND_LOOP ? BlockTypes.param(ctlType[frame], types, i) : result(frame, i);
    }

    private void popResults(int frame, int at) {
        for (int i = resultCount(frame) - 1; i >= 0; i--) {
            pop(result(frame, i), at);
        }
        if (sp != ctlHeight[csp - 1]) {
            // Values left over: name what the block returns and all it has, as the reference interpreter does.
            StringBuilder required = new StringBuilder();
            StringBuilder has = new StringBuilder();
            for (int i = ctlHeight[csp - 1]; i < sp; i++) {
                has.append(has.isEmpty() ? "" : " ").append(ValueType.name(stack[i]));
            }
            for (int i = 0; i < resultCount(frame); i++) {
                required.append(required.isEmpty() ? "" : " ").append(ValueType.name(result(frame, i)));
                has.append(has.isEmpty() ? "" : " ").append(ValueType.name(result(frame, i)));
            }
            throw invalid(ErrorMessage.TYPE_MISMATCH, ": block requires [" + required + "] but stack has [" + has + "]", at);
        }
    }

    private void popLabel(int frame, int at) {
        for (int i = labelCount(frame) - 1; i >= 0; i--) {
            pop(labelType(frame, i), at);
        }
    }

    private void pushLabel(int frame) {
        for (int i = 0; i < labelCount(frame); i++) {
            push(labelType(frame, i));
        }
    }

    private void setUnreachable() {
        sp = ctlHeight[csp - 1];
        ctlUnreachable[csp - 1] = true;
    }

    /** The control frame a branch to label depth {@code depth} targets. */
    private int labelFrame(int depth, int at) {
        if (Integer.compareUnsigned(depth, csp - 1) > 0) {
            throw invalid(ErrorMessage.UNKNOWN_LABEL, String.valueOf(Integer.toUnsignedString(depth)), at);
        }
        return csp - 1 - depth;
    }

    private void blockParams(int blockType, int at) {
        if (blockType >= 0) {
            FuncType type = types[blockType];
            for (int i = type.paramCount() - 1; i >= 0; i--) {
                pop(type.param(i), at);
            }
        }
    }

    private void pushBlockParams(int blockType) {
        if (blockType >= 0) {
            FuncType type = types[blockType];
            for (int i = 0; i < type.paramCount(); i++) {
                push(type.param(i));
            }
        }
    }

    private int readBlockType(int at) {
        int blockType = BlockTypes.read(r, features);
        if (blockType >= 0 && blockType >= types.length) {
            throw invalid(ErrorMessage.UNKNOWN_TYPE, String.valueOf(blockType), at);
        }
        if (BlockTypes.isTyped(blockType)) {
            return BlockTypes.typed(valueType(BlockTypes.singleType(blockType), at));
        }
        return blockType;
    }

    /** A value type read from the code: its type index checked and made canonical. */
    private int valueType(int type, int at) {
        if (ValueType.isConcrete(type) && ValueType.typeIndex(type) >= types.length) {
            throw invalid(ErrorMessage.UNKNOWN_TYPE, String.valueOf(ValueType.typeIndex(type)), at);
        }
        return module.canonical(type);
    }

    /** Forgets the initialisation of locals set since the current frame began. */
    private void resetLocals() {
        int height = ctlInitHeight[csp - 1];
        while (initLogSize > height) {
            initialized[initLog[--initLogSize]] = false;
        }
    }

    private void initialize(int local) {
        if (!initialized[local]) {
            initialized[local] = true;
            if (initLogSize == initLog.length) {
                initLog = Arrays.copyOf(initLog, initLogSize * 2);
            }
            initLog[initLogSize++] = local;
        }
    }

    // ---- instructions ---------------------------------------------------------------------

    private void instruction() {
        int at = r.position();
        Instruction instruction = Instructions.read(r, features);
        if (instruction.params() != null) {
            typed(instruction, at);
            return;
        }
        int opcode = instruction.code();
        switch (opcode) {
            case Opcodes.UNREACHABLE -> setUnreachable();
            case Opcodes.NOP -> {
            }
            case Opcodes.BLOCK, Opcodes.LOOP -> {
                int blockType = readBlockType(at);
                blockParams(blockType, at);
                pushControl(opcode == Opcodes.BLOCK ? KIND_BLOCK : KIND_LOOP, blockType, at);
                pushBlockParams(blockType);
            }
            case Opcodes.IF -> {
                int blockType = readBlockType(at);
                pop(ValueType.I32, at);
                blockParams(blockType, at);
                pushControl(KIND_IF, blockType, at);
                pushBlockParams(blockType);
            }
            case Opcodes.ELSE -> {
                int frame = csp - 1;
                if (ctlKind[frame] != KIND_IF) {
                    throw r.malformed(ErrorMessage.ILLEGAL_OPCODE, "(else without if)", at);
                }
                popResults(frame, at);
                resetLocals();
                blocks[ctlBlock[frame] * FunctionInfo.BLOCK_STRIDE + FunctionInfo.BLOCK_ELSE] = at;
                ctlKind[frame] = KIND_ELSE;
                ctlUnreachable[frame] = false;
                pushBlockParams(ctlType[frame]);
            }
            case Opcodes.END -> end(at);
            case Opcodes.THROW -> {
                FuncType type = tagType(r.u32(), at);
                for (int i = type.paramCount() - 1; i >= 0; i--) {
                    pop(type.param(i), at);
                }
                setUnreachable();
            }
            case Opcodes.THROW_REF -> {
                pop(ValueType.EXNREF, at);
                setUnreachable();
            }
            case Opcodes.TRY_TABLE -> {
                int blockType = readBlockType(at);
                int n = r.count();
                for (int i = 0; i < n; i++) {
                    int clauseAt = r.position();
                    int kind = r.u8();
                    if (kind > 3) {
                        throw r.malformed(ErrorMessage.MALFORMED_CATCH_CLAUSE, "0x" + Integer.toHexString(kind), clauseAt);
                    }
                    FuncType tag = kind < 2 ? tagType(r.u32(), at) : null;
                    int frame = labelFrame(r.u32(), at);
                    checkCatchLabel(frame, tag, kind == 1 || kind == 3, at);
                }
                blockParams(blockType, at);
                pushControl(KIND_TRY_TABLE, blockType, at);
                pushBlockParams(blockType);
            }
            case Opcodes.TRY -> {
                int blockType = readBlockType(at);
                blockParams(blockType, at);
                pushControl(KIND_TRY, blockType, at);
                pushBlockParams(blockType);
                maxTryDepth = Math.max(maxTryDepth, ++tryDepth);
            }
            case Opcodes.CATCH, Opcodes.CATCH_ALL -> {
                int frame = csp - 1;
                FuncType tag = opcode == Opcodes.CATCH ? tagType(r.u32(), at) : null;
                if (ctlKind[frame] != KIND_TRY && ctlKind[frame] != KIND_CATCH) {
                    throw r.malformed(ErrorMessage.ILLEGAL_OPCODE, "(" + (tag == null ? "catch_all" : "catch")
                                    + " outside try)", at);
                }
                popResults(frame, at);
                resetLocals();
                ctlKind[frame] = tag == null ? KIND_CATCH_ALL : KIND_CATCH;
                ctlUnreachable[frame] = false;
                if (tag != null) {
                    for (int i = 0; i < tag.paramCount(); i++) {
                        push(tag.param(i));
                    }
                }
            }
            case Opcodes.DELEGATE -> {
                int frame = csp - 1;
                int depth = r.u32();
                if (ctlKind[frame] != KIND_TRY) {
                    throw r.malformed(ErrorMessage.ILLEGAL_OPCODE, "(delegate outside try)", at);
                }
                // The label is one of the try's enclosing blocks (or the function's).
                if (Integer.compareUnsigned(depth, csp - 2) > 0) {
                    throw invalid(ErrorMessage.UNKNOWN_LABEL, Integer.toUnsignedString(depth), at);
                }
                end(at);
            }
            case Opcodes.RETHROW -> {
                int frame = labelFrame(r.u32(), at);
                if (ctlKind[frame] != KIND_CATCH && ctlKind[frame] != KIND_CATCH_ALL) {
                    throw invalid(ErrorMessage.INVALID_RETHROW_LABEL, null, at);
                }
                setUnreachable();
            }
            case Opcodes.BR -> {
                int frame = labelFrame(r.u32(), at);
                popLabel(frame, at);
                setUnreachable();
            }
            case Opcodes.BR_IF -> {
                int frame = labelFrame(r.u32(), at);
                pop(ValueType.I32, at);
                popLabel(frame, at);
                pushLabel(frame);
            }
            case Opcodes.BR_TABLE -> brTable(at);
            case Opcodes.RETURN -> {
                popLabel(0, at);
                setUnreachable();
            }
            case Opcodes.CALL -> applyCall(directCallee(at), at);
            case Opcodes.CALL_INDIRECT -> applyCall(indirectCallee(at), at);
            case Opcodes.RETURN_CALL -> tailCall(directCallee(at), at);
            case Opcodes.RETURN_CALL_INDIRECT -> tailCall(indirectCallee(at), at);
            case Opcodes.RETURN_CALL_REF -> tailCall(referenceCallee(at), at);
            case Opcodes.DROP -> pop(at);
            case Opcodes.SELECT -> {
                pop(ValueType.I32, at);
                int t1 = pop(at);
                int t2 = pop(at);
                if (ValueType.isReference(t1) || ValueType.isReference(t2)) {
                    throw invalid(ErrorMessage.TYPE_MISMATCH, "(select without a type needs numeric or vector operands)",
                                    at);
                }
                if (t1 != t2 && t1 != ValueType.UNKNOWN && t2 != ValueType.UNKNOWN) {
                    throw mismatch(t1, t2, at);
                }
                push(t1 == ValueType.UNKNOWN ? t2 : t1);
            }
            case Opcodes.SELECT_T -> {
                int n = r.count();
                if (n != 1) {
                    for (int i = 0; i < n; i++) {
                        TypeReader.valueType(r, features);
                    }
                    throw invalid(ErrorMessage.INVALID_RESULT_ARITY, null, at);
                }
                int type = valueType(TypeReader.valueType(r, features), at);
                pop(ValueType.I32, at);
                pop(type, at);
                pop(type, at);
                push(type);
            }
            case Opcodes.LOCAL_GET -> {
                int index = r.u32();
                int type = local(index, at);
                if (!initialized[index]) {
                    throw invalid(ErrorMessage.UNINITIALIZED_LOCAL, String.valueOf(index), at);
                }
                push(type);
            }
            case Opcodes.LOCAL_SET -> {
                int index = r.u32();
                pop(local(index, at), at);
                initialize(index);
            }
            case Opcodes.LOCAL_TEE -> {
                int index = r.u32();
                int type = local(index, at);
                pop(type, at);
                initialize(index);
                push(type);
            }
            case Opcodes.GLOBAL_GET -> push(global(r.u32(), at).valueType());
            case Opcodes.GLOBAL_SET -> {
                GlobalType global = global(r.u32(), at);
                if (!global.mutable()) {
                    throw invalid(features.wasm3Rules() ? ErrorMessage.IMMUTABLE_GLOBAL : ErrorMessage.GLOBAL_IS_IMMUTABLE,
                                    null, at);
                }
                pop(global.valueType(), at);
            }
            case Opcodes.TABLE_GET -> {
                int index = r.u32();
                int type = table(index, at);
                pop(tableAddress(index), at);
                push(type);
            }
            case Opcodes.TABLE_SET -> {
                int index = r.u32();
                int type = table(index, at);
                pop(type, at);
                pop(tableAddress(index), at);
            }
            case Opcodes.REF_NULL -> push(valueType(TypeReader.heapType(r, features), at));
            case Opcodes.REF_IS_NULL -> {
                int type = pop(at);
                if (type != ValueType.UNKNOWN && !ValueType.isReference(type)) {
                    throw invalid(ErrorMessage.TYPE_MISMATCH, "(ref.is_null of " + ValueType.name(type) + ")", at);
                }
                push(ValueType.I32);
            }
            case Opcodes.REF_FUNC -> {
                int index = r.u32();
                if (Integer.compareUnsigned(index, module.functionCount()) >= 0) {
                    throw invalid(ErrorMessage.UNKNOWN_FUNCTION, Integer.toUnsignedString(index), at);
                }
                if (!declaredReferences[index]) {
                    throw invalid(ErrorMessage.UNDECLARED_FUNCTION_REFERENCE, String.valueOf(index), at);
                }
                push(features.typedFunctionReferences()
                                ? ValueType.concreteReference(module.canonicalTypeIndex(module.functionTypeIndex(index)), false)
                                : ValueType.FUNCREF);
            }
            case Opcodes.CALL_REF -> applyCall(referenceCallee(at), at);
            case Opcodes.REF_AS_NON_NULL -> {
                int type = popReference(at);
                push(type == ValueType.UNKNOWN ? ValueType.UNKNOWN : ValueType.nonNullable(type));
            }
            case Opcodes.BR_ON_NULL -> {
                int frame = labelFrame(r.u32(), at);
                int type = popReference(at);
                popLabel(frame, at);
                pushLabel(frame);
                push(type == ValueType.UNKNOWN ? ValueType.UNKNOWN : ValueType.nonNullable(type));
            }
            case Opcodes.BR_ON_NON_NULL -> {
                int frame = labelFrame(r.u32(), at);
                int type = popReference(at);
                int count = labelCount(frame);
                if (count == 0) {
                    throw invalid(ErrorMessage.TYPE_MISMATCH, "(br_on_non_null to a label without values)", at);
                }
                int carried = labelType(frame, count - 1);
                if (!ValueType.isReference(carried)) {
                    throw mismatch(carried, type, at);
                }
                if (type != ValueType.UNKNOWN && !ValueType.isSubtype(ValueType.nonNullable(type), carried)) {
                    throw mismatch(carried, ValueType.nonNullable(type), at);
                }
                for (int i = count - 2; i >= 0; i--) {
                    pop(labelType(frame, i), at);
                }
                for (int i = 0; i < count - 1; i++) {
                    push(labelType(frame, i));
                }
            }
            default -> misc(instruction.opcode(), at);
        }
    }

    /**
     * An instruction with a fixed signature: checks its immediates, then pops its operands
     * and pushes its results.
     */
    private void typed(Instruction instruction, int at) {
        int addressType = ValueType.I32;
        switch (instruction.immediate()) {
            case NONE -> {
            }
            case I32 -> r.s32();
            case I64 -> r.s64();
            case F32 -> r.f32Bits();
            case F64 -> r.f64Bits();
            case MEMORY -> addressType = memory(CodeScanner.memoryIndex(r, features), at);
            case MEMARG -> addressType = memarg(instruction.naturalAlignment(), at);
            case MEMARG_LANE -> {
                addressType = memarg(instruction.naturalAlignment(), at);
                lane(instruction.laneCount(), at);
            }
            case LANE -> lane(instruction.laneCount(), at);
            case SHUFFLE -> {
                for (int i = 0; i < 16; i++) {
                    lane(instruction.laneCount(), at);
                }
            }
            case V128 -> r.skip(16);
            default -> throw new IllegalStateException(instruction.name() + " has immediates the validator must read itself");
        }
        int[] params = instruction.params();
        for (int i = params.length - 1; i >= 0; i--) {
            pop(params[i] == Instructions.ADDRESS ? addressType : params[i], at);
        }
        for (int result : instruction.results()) {
            push(result == Instructions.ADDRESS ? addressType : result);
        }
    }

    /** The type of tag {@code index}. */
    private FuncType tagType(int index, int at) {
        if (Integer.compareUnsigned(index, module.tagCount()) >= 0) {
            throw invalid(ErrorMessage.UNKNOWN_TAG, Integer.toUnsignedString(index), at);
        }
        return types[module.tagTypeIndex(index)];
    }

    /** A catch clause branches to its label with the tag's values, and the exnref for the _ref forms. */
    private void checkCatchLabel(int frame, FuncType tag, boolean withReference, int at) {
        int payload = (tag == null ? 0 : tag.paramCount()) + (withReference ? 1 : 0);
        if (labelCount(frame) != payload) {
            throw invalid(ErrorMessage.TYPE_MISMATCH, "(catch clause carries " + payload + " values to a label of "
                            + labelCount(frame) + ")", at);
        }
        for (int i = 0; i < payload; i++) {
            int type = tag != null && i < tag.paramCount() ? tag.param(i) : ValueType.nonNullable(ValueType.EXNREF);
            if (!ValueType.isSubtype(type, labelType(frame, i))) {
                throw mismatch(labelType(frame, i), type, at);
            }
        }
    }

    private void end(int at) {
        int frame = csp - 1;
        if (ctlKind[frame] == KIND_TRY || ctlKind[frame] == KIND_CATCH || ctlKind[frame] == KIND_CATCH_ALL) {
            tryDepth--;
        }
        popResults(frame, at);
        if (ctlKind[frame] == KIND_IF) {
            // An if without else passes its parameters through: they must equal its results.
            int blockType = ctlType[frame];
            int params = BlockTypes.paramCount(blockType, types);
            int results = BlockTypes.resultCount(blockType, types);
            boolean same = params == results;
            for (int i = 0; same && i < params; i++) {
                same = BlockTypes.param(blockType, types, i) == BlockTypes.result(blockType, types, i);
            }
            if (!same) {
                throw invalid(ErrorMessage.TYPE_MISMATCH, "(if without else must not change the stack type)", at);
            }
        }
        if (ctlBlock[frame] >= 0) {
            blocks[ctlBlock[frame] * FunctionInfo.BLOCK_STRIDE + FunctionInfo.BLOCK_END] = at;
        }
        resetLocals();
        csp--;
        if (csp > 0) {
            // The popped frame's entries are still in the arrays.
            for (int i = 0; i < resultCount(frame); i++) {
                push(result(frame, i));
            }
        }
    }

    private void brTable(int at) {
        int n = r.count();
        int tableStart = r.position();
        for (int i = 0; i < n; i++) {
            r.u32();
        }
        int defaultFrame = labelFrame(r.u32(), at);
        int end = r.position();
        pop(ValueType.I32, at);
        int arity = labelCount(defaultFrame);
        r.setPosition(tableStart);
        for (int i = 0; i < n; i++) {
            int frame = labelFrame(r.u32(), at);
            if (labelCount(frame) != arity) {
                throw invalid(ErrorMessage.TYPE_MISMATCH, "(br_table targets of different arity)", at);
            }
            // Check the operands against this label without consuming them.
            int saved = sp;
            popLabel(frame, at);
            sp = saved;
        }
        r.setPosition(end);
        popLabel(defaultFrame, at);
        setUnreachable();
    }

    private void applyCall(FuncType type, int at) {
        for (int i = type.paramCount() - 1; i >= 0; i--) {
            pop(type.param(i), at);
        }
        for (int i = 0; i < type.resultCount(); i++) {
            push(type.result(i));
        }
    }

    /**
     * {@code return_call*} after {@link #requireCallerResults}: pops the arguments and, as
     * {@code return} does, makes the rest of the block unreachable.
     */
    private void applyTailCall(FuncType type, int at) {
        for (int i = type.paramCount() - 1; i >= 0; i--) {
            pop(type.param(i), at);
        }
        setUnreachable();
        makesTailCalls = true;
    }

    /** The callee's results become the caller's, so they must match the function's result types. */
    private void requireCallerResults(FuncType callee, int at) {
        FuncType caller = types[ctlType[0]];
        boolean matches = callee.resultCount() == caller.resultCount();
        for (int i = 0; matches && i < callee.resultCount(); i++) {
            matches = ValueType.isSubtype(callee.result(i), caller.result(i));
        }
        if (!matches) {
            throw invalid(ErrorMessage.TYPE_MISMATCH, "(current function requires result type "
                            + resultTypes(caller) + " but callee returns " + resultTypes(callee) + ")", at);
        }
    }

    private static String resultTypes(FuncType type) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < type.resultCount(); i++) {
            sb.append(i == 0 ? "" : " ").append(ValueType.name(type.result(i)));
        }
        return sb.append(']').toString();
    }

    private int local(int index, int at) {
        if (Integer.compareUnsigned(index, localTypes.length) >= 0) {
            throw invalid(ErrorMessage.UNKNOWN_LOCAL, Integer.toUnsignedString(index), at);
        }
        return localTypes[index];
    }

    private GlobalType global(int index, int at) {
        if (Integer.compareUnsigned(index, module.globalCount()) >= 0) {
            throw invalid(ErrorMessage.UNKNOWN_GLOBAL, Integer.toUnsignedString(index), at);
        }
        return module.globalType(index);
    }

    /** The immediate of call and return_call: the callee's type. */
    private FuncType directCallee(int at) {
        int index = r.u32();
        if (Integer.compareUnsigned(index, module.functionCount()) >= 0) {
            throw invalid(ErrorMessage.UNKNOWN_FUNCTION, Integer.toUnsignedString(index), at);
        }
        return module.functionType(index);
    }

    /** The immediates of call_indirect and return_call_indirect, and the table index popped: the callee's type. */
    private FuncType indirectCallee(int at) {
        int typeIndex = r.u32();
        int tableIndex = r.u32();
        int elementType = table(tableIndex, at);
        if (Integer.compareUnsigned(typeIndex, types.length) >= 0) {
            throw invalid(ErrorMessage.UNKNOWN_TYPE, Integer.toUnsignedString(typeIndex), at);
        }
        if (!ValueType.isSubtype(elementType, ValueType.FUNCREF)) {
            throw mismatch(ValueType.FUNCREF, elementType, at);
        }
        pop(tableAddress(tableIndex), at);
        return types[typeIndex];
    }

    /** The immediate of call_ref and return_call_ref, and the reference popped: the callee's type. */
    private FuncType referenceCallee(int at) {
        int typeIndex = r.u32();
        if (Integer.compareUnsigned(typeIndex, types.length) >= 0) {
            throw invalid(ErrorMessage.UNKNOWN_TYPE, Integer.toUnsignedString(typeIndex), at);
        }
        pop(ValueType.concreteReference(module.canonicalTypeIndex(typeIndex), true), at);
        return types[typeIndex];
    }

    /** A tail call: the callee must return what the caller returns. */
    private void tailCall(FuncType type, int at) {
        requireCallerResults(type, at);
        applyTailCall(type, at);
    }

    /** Checks the table exists and returns its element type. */
    private int table(int index, int at) {
        if (Integer.compareUnsigned(index, module.tableCount()) >= 0) {
            throw invalid(ErrorMessage.UNKNOWN_TABLE, Integer.toUnsignedString(index), at);
        }
        return module.table(index).elementType();
    }

    /** The index type of an existing table: i64 for table64. */
    private int tableAddress(int index) {
        return module.table(index).limits().is64() ? ValueType.I64 : ValueType.I32;
    }

    /** Checks the memory exists and returns its address type. */
    private int memory(int index, int at) {
        if (Integer.compareUnsigned(index, module.memoryCount()) >= 0) {
            throw invalid(ErrorMessage.UNKNOWN_MEMORY, Integer.toUnsignedString(index), at);
        }
        return module.memory(index).limits().is64() ? ValueType.I64 : ValueType.I32;
    }

    private ElementSegment element(int index, int at) {
        if (Integer.compareUnsigned(index, module.elementCount()) >= 0) {
            throw invalid(ErrorMessage.UNKNOWN_ELEM_SEGMENT, Integer.toUnsignedString(index), at);
        }
        return module.element(index);
    }

    private void dataSegment(int index, int at) {
        if (Integer.compareUnsigned(index, module.dataCount()) >= 0) {
            throw invalid(ErrorMessage.UNKNOWN_DATA_SEGMENT, Integer.toUnsignedString(index), at);
        }
    }

    /**
     * Reads a memarg, checks the memory and alignment, and returns the memory's address
     * type. {@code naturalAlignment} is log2 of the access size.
     */
    private int memarg(int naturalAlignment, int at) {
        memArg.read(r, features);
        int addressType = memory(memArg.memoryIndex, at);
        if (memArg.alignment > naturalAlignment) {
            throw invalid(ErrorMessage.ALIGNMENT_TOO_LARGE, null, at);
        }
        if (addressType == ValueType.I32 && Long.compareUnsigned(memArg.offset, 0xFFFFFFFFL) > 0) {
            throw invalid(ErrorMessage.OFFSET_OUT_OF_RANGE, null, at);
        }
        return addressType;
    }

    /** The 0xFC instructions the validator checks by hand. */
    private void misc(int sub, int at) {
        switch (sub) {
            case Opcodes.MEMORY_INIT -> {
                requireDataCount(at);
                int dataIndex = r.u32();
                int addressType = memory(CodeScanner.memoryIndex(r, features), at);
                dataSegment(dataIndex, at);
                pop(ValueType.I32, at);
                pop(ValueType.I32, at);
                pop(addressType, at);
            }
            case Opcodes.DATA_DROP -> {
                requireDataCount(at);
                dataSegment(r.u32(), at);
            }
            case Opcodes.MEMORY_COPY -> {
                int destination = memory(CodeScanner.memoryIndex(r, features), at);
                int source = memory(CodeScanner.memoryIndex(r, features), at);
                int length = destination == ValueType.I64 && source == ValueType.I64 ? ValueType.I64 : ValueType.I32;
                pop(length, at);
                pop(source, at);
                pop(destination, at);
            }
            case Opcodes.TABLE_INIT -> {
                int elementIndex = r.u32();
                int tableIndex = r.u32();
                int tableType = table(tableIndex, at);
                int segmentType = element(elementIndex, at).elementType();
                if (!ValueType.isSubtype(segmentType, tableType)) {
                    throw mismatch(tableType, segmentType, at);
                }
                pop(ValueType.I32, at);
                pop(ValueType.I32, at);
                pop(tableAddress(tableIndex), at);
            }
            case Opcodes.ELEM_DROP -> element(r.u32(), at);
            case Opcodes.TABLE_COPY -> {
                int destinationIndex = r.u32();
                int destination = table(destinationIndex, at);
                int sourceIndex = r.u32();
                int source = table(sourceIndex, at);
                if (!ValueType.isSubtype(source, destination)) {
                    throw mismatch(destination, source, at);
                }
                int destinationAddress = tableAddress(destinationIndex);
                int sourceAddress = tableAddress(sourceIndex);
                pop(destinationAddress == ValueType.I64 && sourceAddress == ValueType.I64 ? ValueType.I64 : ValueType.I32, at);
                pop(sourceAddress, at);
                pop(destinationAddress, at);
            }
            case Opcodes.TABLE_GROW -> {
                int index = r.u32();
                int type = table(index, at);
                pop(tableAddress(index), at);
                pop(type, at);
                push(tableAddress(index));
            }
            case Opcodes.TABLE_SIZE -> {
                int index = r.u32();
                table(index, at);
                push(tableAddress(index));
            }
            case Opcodes.TABLE_FILL -> {
                int index = r.u32();
                int type = table(index, at);
                pop(tableAddress(index), at);
                pop(type, at);
                pop(tableAddress(index), at);
            }
            default -> throw new IllegalStateException("no validation for 0xfc " + sub);
        }
    }

    private void requireDataCount(int at) {
        if (module.dataCount() < 0) {
            throw r.malformed(ErrorMessage.DATA_COUNT_SECTION_REQUIRED, at);
        }
    }

    private void lane(int laneCount, int at) {
        int lane = r.u8();
        if (lane >= laneCount) {
            throw invalid(ErrorMessage.INVALID_LANE_INDEX, String.valueOf(lane), at);
        }
    }
}
