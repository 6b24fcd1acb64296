package org.wasmlang.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.graalvm.options.OptionDescriptor;
import org.graalvm.options.OptionStability;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Instrument;
import org.graalvm.polyglot.Language;

/**
 * The polyglot options of a command line, as other GraalVM launchers take them:
 * {@code --NAME=VALUE} or {@code --NAME} (meaning {@code true}) for any option the engine, its
 * tools or its languages define ({@code --inspect}, {@code --inspect.Suspend=false},
 * {@code --cpusampler}, {@code --engine.*}, {@code --log.*}, {@code --wasmlang.*}), and
 * {@code --experimental-options}. The command's own options are taken first; what is left and
 * looks like an option name lands here. Nothing is checked until the engine is built (which
 * checks every name against its descriptors), so a run without options pays for no lookup;
 * only when the builder refuses does {@link #explain} look for the culprit.
 */
public final class PolyglotOptions {
    private static final String EXPERIMENTAL = "--experimental-options";
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*");

    private final Map<String, String> options = new LinkedHashMap<>();
    /** The arguments the options came from, to name them in errors as the user wrote them. */
    private final Map<String, String> spelled = new LinkedHashMap<>();
    private boolean experimental;

    /** Takes {@code arg} when it is spelled as a polyglot option; false for anything else. */
    public boolean take(String arg) {
        if (arg.equals(EXPERIMENTAL) || arg.equals(EXPERIMENTAL + "=true")) {
            experimental = true;
            return true;
        }
        if (!arg.startsWith("--")) {
            return false;
        }
        int eq = arg.indexOf('=');
        String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
        if (!NAME.matcher(name).matches()) {
            return false;
        }
        options.put(name, eq < 0 ? "true" : arg.substring(eq + 1));
        spelled.put(name, arg);
        return true;
    }

    /** The options taken, by name (without the dashes). */
    public Map<String, String> options() {
        return options;
    }

    /** Whether {@code --experimental-options} was given. */
    public boolean experimental() {
        return experimental;
    }

    public Context.Builder applyTo(Context.Builder builder) {
        return builder.options(options).allowExperimentalOptions(experimental);
    }

    public Engine.Builder applyTo(Engine.Builder builder) {
        return builder.options(options).allowExperimentalOptions(experimental);
    }

    /**
     * What to tell the user after the engine or context builder refused the options: the
     * options no descriptor knows, by the name they were given, or else the builder's own
     * message (a bad value, an experimental option without --experimental-options).
     */
    public String explain(IllegalArgumentException refused) {
        List<String> unknown = new ArrayList<>();
        List<String> experimentalOnes = new ArrayList<>();
        String badValue = null;
        try (Engine engine = descriptorEngine()) {
            for (Map.Entry<String, String> option : options.entrySet()) {
                String name = option.getKey();
                // log.<logger>.level and log.file are read by the engine itself, not through descriptors.
                OptionDescriptor descriptor = name.startsWith("log.") ? null : find(engine, name);
                if (descriptor == null && !name.startsWith("log.")) {
                    unknown.add(spelled.get(name));
                } else if (descriptor != null && descriptor.getStability() == OptionStability.EXPERIMENTAL) {
                    experimentalOnes.add(spelled.get(name));
                }
                if (descriptor != null && badValue == null) {
                    try {
                        descriptor.getKey().getType().convert(option.getValue());
                    } catch (IllegalArgumentException e) {
                        badValue = "invalid value in " + spelled.get(name) + ": " + e.getMessage();
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // The engine cannot even be built (a bad -Dpolyglot.* property): its own message says why.
            return refused.getMessage();
        }
        if (unknown.isEmpty() && badValue != null) {
            return badValue;
        }
        if (unknown.isEmpty()) {
            if (!experimental && !experimentalOnes.isEmpty()) {
                return String.join(", ", experimentalOnes) + (experimentalOnes.size() == 1 ? " is" : " are")
                                + " experimental: add --experimental-options before " + (experimentalOnes.size() == 1 ? "it" : "them");
            }
            return refused.getMessage();
        }
        return (unknown.size() == 1 ? "unknown option " : "unknown options ") + String.join(", ", unknown)
                        + " (wasmlang --help:tools, --help:engine and --help:languages list the polyglot options)";
    }

    /** An engine to read option descriptors from: no options, none from system properties either. */
    static Engine descriptorEngine() {
        return Engine.newBuilder().useSystemProperties(false).option("engine.WarnInterpreterOnly", "false").build();
    }

    /** The descriptor of an option of the engine, a tool or a language, or null. */
    static OptionDescriptor find(Engine engine, String name) {
        OptionDescriptor found = engine.getOptions().get(name);
        for (Instrument instrument : engine.getInstruments().values()) {
            found = found != null ? found : instrument.getOptions().get(name);
        }
        for (Language language : engine.getLanguages().values()) {
            found = found != null ? found : language.getOptions().get(name);
        }
        return found;
    }
}
