package org.wasmlang.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares the events of one module in V8 and in WasmLang. Equal lines agree. Stack
 * exhaustion is the one place where engines may differ: their stacks hold different numbers
 * of frames, so when one engine runs out in an export, the events it logged there must be a
 * prefix of the other's (the other ran deeper, or also ran out), and the comparison ends
 * with that export, because the state the two leave behind differs from then on.
 */
public final class EventComparison {
    public enum Verdict {
        AGREE,
        /** Agreed up to an export where a stack ran out; the rest was not compared. */
        AGREE_TO_STACK_LIMIT,
        DISAGREE
    }

    public record Result(Verdict verdict, String difference) {
    }

    private EventComparison() {
    }

    public static Result compare(List<String> v8, List<String> wasmLang) {
        List<List<String>> a = segments(v8);
        List<List<String>> b = segments(wasmLang);
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (i >= a.size() || i >= b.size()) {
                return new Result(Verdict.DISAGREE, "V8 has " + a.size() + " exports/segments, WasmLang " + b.size()
                                + "; first unmatched: " + (i < a.size() ? a.get(i) : b.get(i)).get(0));
            }
            List<String> x = a.get(i);
            List<String> y = b.get(i);
            boolean xOut = last(x).equals("exhausted");
            boolean yOut = last(y).equals("exhausted");
            if (xOut || yOut) {
                List<String> xLogs = x.subList(0, x.size() - 1);
                List<String> yLogs = y.subList(0, y.size() - 1);
                boolean fair = (xOut && isPrefix(xLogs, yLogs)) || (yOut && isPrefix(yLogs, xLogs));
                if (fair) {
                    return new Result(Verdict.AGREE_TO_STACK_LIMIT, null);
                }
            }
            if (!x.equals(y)) {
                int line = 0;
                while (line < x.size() && line < y.size() && x.get(line).equals(y.get(line))) {
                    line++;
                }
                return new Result(Verdict.DISAGREE, "in " + x.get(0) + ", event " + line + ": V8 "
                                + (line < x.size() ? x.get(line) : "(nothing)") + " | WasmLang " + (line < y.size() ? y.get(line) : "(nothing)"));
            }
        }
        return new Result(Verdict.AGREE, null);
    }

    /** The events split before each export visit ("call"/"global"); the first holds instantiation. */
    private static List<List<String>> segments(List<String> events) {
        List<List<String>> segments = new ArrayList<>();
        List<String> current = new ArrayList<>(List.of("(instantiation)"));
        for (String e : events) {
            if (e.startsWith("call ") || e.startsWith("global ")) {
                segments.add(current);
                current = new ArrayList<>();
            }
            current.add(e);
        }
        segments.add(current);
        return segments;
    }

    private static String last(List<String> list) {
        return list.get(list.size() - 1);
    }

    private static boolean isPrefix(List<String> prefix, List<String> of) {
        return prefix.size() <= of.size() && of.subList(0, prefix.size()).equals(prefix);
    }
}
