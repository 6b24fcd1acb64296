package org.wasmlang;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The versions this build was made with, read from a resource Maven fills in. */
public final class WasmLangVersion {
    private static final Properties PROPERTIES = load();

    private WasmLangVersion() {
    }

    /** The WasmLang version, for example {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return PROPERTIES.getProperty("version", "unknown");
    }

    /** The GraalVM/Truffle version WasmLang was built against. */
    public static String truffleVersion() {
        return PROPERTIES.getProperty("graalvm", "unknown");
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = WasmLangVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // Versions are informative only; a missing resource leaves "unknown".
        }
        return properties;
    }
}
