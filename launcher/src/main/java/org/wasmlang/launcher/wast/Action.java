package org.wasmlang.launcher.wast;

import java.util.List;

/** What a command does to a module instance; moduleName "$M" or null for the latest one. */
public sealed interface Action {

    String moduleName();

    String field();

    record Invoke(String moduleName, String field, List<WastValue> args) implements Action {
        public Invoke {
            args = List.copyOf(args);
        }
    }

    record Get(String moduleName, String field) implements Action {
    }
}
