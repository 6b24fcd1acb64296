package org.wasmlang.benchmarks;

import java.util.Set;
import java.util.function.Function;

/**
 * Reads a benchmark's command line argument by argument, for {@link PeerSettings} and
 * {@link RealSettings}, which keep their own lists of options. An option takes its value
 * after {@code =} or as the next argument, except a flag, which takes none.
 */
final class OptionReader {

    private final String[] args;
    private final Set<String> valueOptions;
    private final Set<String> flags;
    private final boolean operands;
    private int index;
    private String option;
    private String value;

    /**
     * @param operands whether the command takes arguments that are not options (those not
     *                 starting with {@code --}); if not, they are unknown options
     */
    OptionReader(String[] args, Set<String> valueOptions, Set<String> flags, boolean operands) {
        this.args = args;
        this.valueOptions = valueOptions;
        this.flags = flags;
        this.operands = operands;
    }

    /**
     * Moves to the next option or operand, or returns false at the end.
     *
     * @throws IllegalArgumentException for an unknown option or one without its value
     */
    boolean next() {
        if (index >= args.length) {
            return false;
        }
        String argument = args[index++];
        if (operands && !argument.startsWith("--")) {
            option = null;
            value = argument;
            return true;
        }
        option = argument;
        value = null;
        int equals = argument.indexOf('=');
        if (equals >= 0) {
            option = argument.substring(0, equals);
            value = argument.substring(equals + 1);
        }
        if (flags.contains(option)) {
            value = null;
            return true;
        }
        if (!valueOptions.contains(option)) {
            throw new IllegalArgumentException("unknown option " + option);
        }
        if (value == null) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            value = args[index++];
        }
        return true;
    }

    /** The option read last, or null for an operand. */
    String option() {
        return option;
    }

    /** The value of the option read last (null for a flag), or the operand. */
    String value() {
        return value;
    }

    int positiveInt() {
        return positive(Integer::parseInt, "whole number").intValue();
    }

    double positiveDouble() {
        return positive(Double::parseDouble, "number").doubleValue();
    }

    private Number positive(Function<String, Number> parse, String kind) {
        try {
            Number number = parse.apply(value);
            if (number.doubleValue() > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below, with the option's name
        }
        throw new IllegalArgumentException(option + " needs a positive " + kind + ", not " + value);
    }
}
