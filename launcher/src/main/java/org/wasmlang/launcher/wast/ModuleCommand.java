package org.wasmlang.launcher.wast;

import java.util.Arrays;
import java.util.Objects;

/**
 * (module $name? ...) or 3.0's (module definition $name? ...), which only defines the module
 * for later (module instance ...) commands.
 *
 * @param name "$M" or null
 * @param binary the module bytes, null unless form is BINARY
 */
public record ModuleCommand(int line, String name, ModuleForm form, byte[] binary, boolean definition)
                implements WastCommand {

    @Override
    public boolean equals(Object other) {
        return other instanceof ModuleCommand m && line == m.line && Objects.equals(name, m.name)
                        && form == m.form && Arrays.equals(binary, m.binary) && definition == m.definition;
    }

    @Override
    public int hashCode() {
        return (line * 31 + form.hashCode()) * 31 + Arrays.hashCode(binary);
    }

    @Override
    public String toString() {
        return "ModuleCommand[line=" + line + ", name=" + name + ", form=" + form
                        + (binary == null ? "" : ", " + binary.length + " bytes") + ", definition=" + definition + "]";
    }
}
