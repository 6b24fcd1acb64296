package org.wasmlang.launcher.wast;

import java.util.List;

/** (assert_return action result*). */
public record AssertReturn(int line, Action action, List<Expected> results) implements WastCommand {
    public AssertReturn {
        results = List.copyOf(results);
    }
}
