package org.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.zip.Adler32;

import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.Test;

class ChecksumTest {

    @Test
    void theJitIsActive() {
        // Without the Graal compiler on the upgrade module path Truffle falls back to
        // "Interpreted", and every guest runs 50-250x slower.
        try (Engine engine = Engine.create()) {
            assertNotEquals("Interpreted", engine.getImplementationName(),
                            "the JIT is not active: see jit.flags and the copy-jit-jars execution in pom.xml");
        }
    }

    @Test
    void theGuestComputesWhatTheJdkComputes() {
        String text = Checksum.sampleText();
        Adler32 expected = new Adler32();
        expected.update(text.getBytes(StandardCharsets.UTF_8));
        try (Engine engine = Engine.create(); Checksum checksum = new Checksum(engine)) {
            for (int round = 0; round < 20; round++) {
                assertEquals((int) expected.getValue(), checksum.of(text));
            }
            assertEquals((int) new Adler32().getValue(), checksum.of(""));
        }
    }
}
