package org.wasmlang.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;

/** The guest modules under src/test/resources/guests (see build.sh there). */
public final class Guests {
    private Guests() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Guests.class.getResourceAsStream("/guests/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no guest module " + name + " on the test class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The module file, for hosts that load it themselves (JS Polyglot.evalFile, Python polyglot.eval). */
    public static Path path(String name) {
        URL url = Guests.class.getResource("/guests/" + name);
        if (url == null) {
            throw new IllegalStateException("no guest module " + name + " on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compiles a guest: what Context.eval of the module's bytes returns. */
    public static Value module(Context context, String name) {
        return context.eval(Source.newBuilder("wasmlang", ByteSequence.create(bytes(name)), name).buildLiteral());
    }
}
