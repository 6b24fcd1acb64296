package org.wasmlang.limits;

import java.util.Locale;
import java.util.function.Function;

import org.graalvm.options.OptionType;

/**
 * How the limit options are written: sizes in bytes with an optional k/m/g suffix, durations
 * with ms/s/m, counts as plain numbers. Each is stored as a long, 0 meaning "no limit".
 */
public final class LimitValues {
    /** Elements per table unless {@code wasmlang.TableSizeLimit} says otherwise (the JS API's limit). */
    public static final long DEFAULT_TABLE_SIZE_LIMIT = 10_000_000;
    /** A table is one Java array. */
    static final long MAX_TABLE_SIZE = Integer.MAX_VALUE - 8;

    public static final OptionType<Long> SIZE = type("size", LimitValues::parseSize);
    public static final OptionType<Long> DURATION = type("duration", LimitValues::parseDurationNanos);
    public static final OptionType<Long> COUNT = type("count", text -> nonNegative(Long.parseLong(text)));
    public static final OptionType<Long> TABLE_SIZE = type("elements", text -> {
        long value = nonNegative(Long.parseLong(text));
        if (value == 0 || value > MAX_TABLE_SIZE) {
            throw new IllegalArgumentException("a table size limit is between 1 and " + MAX_TABLE_SIZE);
        }
        return value;
    });

    private LimitValues() {
    }

    private static OptionType<Long> type(String name, Function<String, Long> parser) {
        return new OptionType<>(name, text -> {
            try {
                return parser.apply(text.trim().toLowerCase(Locale.ROOT));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a " + name + ": " + text);
            }
        });
    }

    /** "65536", "64k", "64m", "4g" (binary units) in bytes. */
    static long parseSize(String text) {
        long unit = switch (text.isEmpty() ? ' ' : text.charAt(text.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        String digits = unit == 1 ? text : text.substring(0, text.length() - 1);
        return Math.multiplyExact(nonNegative(Long.parseLong(digits)), unit);
    }

    /** "250ms", "2s", "1m" or a plain number of milliseconds, in nanoseconds. */
    static long parseDurationNanos(String text) {
        long millis;
        if (text.endsWith("ms")) {
            millis = Long.parseLong(text.substring(0, text.length() - 2));
        } else if (text.endsWith("s")) {
            millis = Math.multiplyExact(Long.parseLong(text.substring(0, text.length() - 1)), 1000L);
        } else if (text.endsWith("m")) {
            millis = Math.multiplyExact(Long.parseLong(text.substring(0, text.length() - 1)), 60_000L);
        } else {
            millis = Long.parseLong(text);
        }
        return Math.multiplyExact(nonNegative(millis), 1_000_000L);
    }

    private static long nonNegative(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("a limit cannot be negative: " + value);
        }
        return value;
    }

    /** A byte count for messages: "64 MiB", "1536 KiB" or "100 bytes". */
    public static String bytes(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        } else if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        } else if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }
}
