package org.example;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.ByteSequence;

/**
 * A Java program that embeds WasmLang: it passes text into a Wasm module's memory and lets
 * the module compute the text's Adler-32 checksum. Run it with {@code mvn exec:exec}.
 */
public final class Checksum implements AutoCloseable {

    private final Context context;
    private final Value memory;
    private final Value adler32;

    public Checksum(Engine engine) {
        context = Context.newBuilder("wasmlang").engine(engine).build();
        Value module = context.eval(Source.newBuilder("wasmlang", ByteSequence.create(resource("adler32.wasm")),
                        "adler32.wasm").buildLiteral());
        Value exports = module.newInstance().getMember("exports");
        memory = exports.getMember("memory");
        adler32 = exports.getMember("adler32");
    }

    /** The Adler-32 checksum of the text's UTF-8 bytes, computed by the guest. */
    public int of(String text) {
        int length = memory.invokeMember("writeString", 0, text).asInt();
        return adler32.execute(0, length).asInt();
    }

    @Override
    public void close() {
        context.close();
    }

    private static byte[] resource(String name) {
        try (InputStream in = Checksum.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Some text of about 512 KiB that fits the guest's one-megabyte memory. */
    public static String sampleText() {
        StringBuilder text = new StringBuilder();
        for (int line = 0; text.length() < 512 * 1024; line++) {
            text.append("line ").append(line).append(": the quick brown fox jumps over the lazy dog\n");
        }
        return text.toString();
    }

    public static void main(String[] args) {
        try (Engine engine = Engine.create(); Checksum checksum = new Checksum(engine)) {
            String text = sampleText();
            int result = 0;
            long start = System.nanoTime();
            for (int round = 0; round < 200; round++) {
                result = checksum.of(text);
            }
            System.out.printf("adler32 of %d characters: %08x (200 rounds in %d ms)%n", text.length(), result,
                            (System.nanoTime() - start) / 1_000_000);
            System.out.println("polyglot runtime: " + engine.getImplementationName());
        }
    }
}
