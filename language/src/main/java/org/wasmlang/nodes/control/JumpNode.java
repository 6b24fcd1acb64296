package org.wasmlang.nodes.control;

import org.wasmlang.nodes.WasmNode;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;

/** The jump from the end of a flattened {@code if}'s then arm over its else arm. */
final class JumpNode extends WasmNode {

    /** A jump the flattener made for an {@code else} or {@code end}: no instruction of its own. */
    @Override
    protected boolean isInstructionOfRegion() {
        return false;
    }

    @Override
    public int execute(VirtualFrame frame) {
        throw CompilerDirectives.shouldNotReachHere("run by its region");
    }
}
