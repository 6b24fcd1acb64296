package org.wasmlang.dwarf;

import java.io.IOException;
import java.io.InputStream;

import org.wasmlang.binary.ModuleDecoder;
import org.wasmlang.module.Features;
import org.wasmlang.module.Module;

/** The DWARF guests of guests/dwarf (see build.sh there). */
final class Guests {
    private Guests() {
    }

    static byte[] bytes(String name) throws IOException {
        try (InputStream in = Guests.class.getResourceAsStream("/guests/dwarf/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource guests/dwarf/" + name);
            }
            return in.readAllBytes();
        }
    }

    static Module module(String name) throws IOException {
        return ModuleDecoder.decode(bytes(name), Features.DEFAULT);
    }

    static DebugInfo debugInfo(Module module) {
        DebugInfo.Result r = DebugInfo.read(module);
        if (r.info() == null) {
            throw new AssertionError("no debug info: " + r.problem());
        }
        return r.info();
    }
}
