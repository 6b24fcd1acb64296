package org.wasmlang.launcher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionDescriptor;
import org.graalvm.options.OptionDescriptors;
import org.graalvm.options.OptionStability;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Instrument;
import org.graalvm.polyglot.Language;

/**
 * {@code --help:tools}, {@code --help:engine} and {@code --help:languages}: the polyglot
 * options the engine, its tools and its languages describe, with their help text, as GraalVM
 * launchers list them. User and expert options are shown; internal and deprecated ones are not.
 */
final class OptionHelp {
    private static final int NAME_WIDTH = 40;

    private OptionHelp() {
    }

    /** Whether {@code arg} asks for option help. */
    static boolean isHelp(String arg) {
        return arg.equals("--help:tools") || arg.equals("--help:engine") || arg.equals("--help:languages");
    }

    static void print(String arg, PrintStream out) {
        try (Engine engine = PolyglotOptions.descriptorEngine()) {
            switch (arg) {
                case "--help:tools" -> {
                    out.println("Tool options (pass them to run before the file):");
                    List<Instrument> instruments = new ArrayList<>(engine.getInstruments().values());
                    instruments.sort(Comparator.comparing(Instrument::getId));
                    for (Instrument instrument : instruments) {
                        section(out, instrument.getName() + " (" + instrument.getId() + ")", instrument.getOptions());
                    }
                }
                case "--help:engine" -> section(out, "Engine options (pass them to run or wast before the file)",
                                engine.getOptions());
                default -> {
                    out.println("Language options (pass them to run or wast before the file):");
                    List<Language> languages = new ArrayList<>(engine.getLanguages().values());
                    languages.sort(Comparator.comparing(Language::getId));
                    for (Language language : languages) {
                        section(out, language.getName() + " (" + language.getId() + ")", language.getOptions());
                    }
                }
            }
        }
    }

    private static void section(PrintStream out, String title, OptionDescriptors descriptors) {
        List<OptionDescriptor> shown = new ArrayList<>();
        for (OptionDescriptor descriptor : descriptors) {
            if (descriptor.getCategory() != OptionCategory.INTERNAL && !descriptor.isDeprecated()) {
                shown.add(descriptor);
            }
        }
        if (shown.isEmpty()) {
            return;
        }
        shown.sort(Comparator.comparing(OptionDescriptor::getName));
        out.println();
        out.println(title + ":");
        for (OptionDescriptor descriptor : shown) {
            String syntax = descriptor.getUsageSyntax();
            String name = "  --" + descriptor.getName() + (syntax == null || syntax.isEmpty() ? "" : "=" + syntax);
            String help = descriptor.getHelp().replace("\n", " ");
            if (descriptor.getStability() == OptionStability.EXPERIMENTAL) {
                help = "(experimental) " + help;
            }
            if (descriptor.getCategory() == OptionCategory.EXPERT) {
                help = "(expert) " + help;
            }
            if (name.length() < NAME_WIDTH) {
                out.println(name + " ".repeat(NAME_WIDTH - name.length()) + help);
            } else {
                out.println(name);
                out.println(" ".repeat(NAME_WIDTH) + help);
            }
        }
    }
}
