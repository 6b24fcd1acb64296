package org.wasmlang.fuzz;

import java.util.List;

import org.wasmlang.binary.ModuleDecoder;
import org.wasmlang.module.Features;
import org.wasmlang.module.Module;
import org.wasmlang.validation.Validator;
import org.wasmlang.validation.WasmModuleException;

/**
 * What WasmLang makes of a mutant. Decoding and validation run through the internal API
 * first (microseconds, where a context costs milliseconds); a module they accept is run like
 * a fuzzed module, under a time limit, since a mutated loop counter may never end.
 */
record MutantOutcome(boolean valid, String crash) {
    static MutantOutcome of(byte[] bytes, WasmLangRunner runner, boolean runIfValid) {
        try {
            Module module = ModuleDecoder.decode(bytes, Features.DEFAULT);
            Validator.validate(module, Features.DEFAULT);
        } catch (WasmModuleException rejected) {
            return new MutantOutcome(false, null);
        } catch (RuntimeException | StackOverflowError e) {
            return new MutantOutcome(false, "decoding threw " + e);
        }
        if (!runIfValid) {
            return new MutantOutcome(true, null);
        }
        List<String> events = runner.run(bytes, 1_000);
        for (String event : events) {
            // "invalid" here means the polyglot API rejected what the decoder accepted.
            if (event.startsWith("crash") || event.equals("invalid")) {
                return new MutantOutcome(true, event);
            }
        }
        return new MutantOutcome(true, null);
    }
}
