package org.wasmlang.spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.wasmlang.launcher.wast.WastReport;

/**
 * The one list of spec-test failures we accept for now, each with its reason
 * (tests/src/test/resources/spec-exclusions.txt). A line is {@code FILE[:LINE] REASON};
 * without a line number the whole script is excluded, and a FILE ending in {@code *}
 * names every script starting with what precedes it.
 */
final class SpecExclusions {
    private final Map<String, String> reasons = new LinkedHashMap<>();

    static SpecExclusions load() throws IOException {
        SpecExclusions exclusions = new SpecExclusions();
        try (InputStream in = SpecExclusions.class.getResourceAsStream("/spec-exclusions.txt")) {
            if (in == null) {
                throw new IOException("spec-exclusions.txt is missing from the test resources");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int space = line.indexOf(' ');
                if (space < 0 || line.substring(space).isBlank()) {
                    throw new IOException("spec-exclusions.txt line " + number + " has no reason: " + line);
                }
                exclusions.reasons.put(line.substring(0, space), line.substring(space + 1).strip());
            }
        }
        return exclusions;
    }

    /** The reason a failure is accepted, or null when it is not. */
    String reasonFor(WastReport.Failure failure) {
        String reason = reasons.get(failure.file() + ":" + failure.line());
        if (reason == null) {
            reason = reasons.get(failure.file());
        }
        if (reason == null) {
            for (Map.Entry<String, String> entry : reasons.entrySet()) {
                String key = entry.getKey();
                if (key.endsWith("*") && failure.file().startsWith(key.substring(0, key.length() - 1))) {
                    return entry.getValue();
                }
            }
        }
        return reason;
    }
}
