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
 *
 * @param rejection why the decoder or validator rejected it (null when valid)
 */
record MutantOutcome(boolean valid, String crash, String rejection) {
    /** The start of WasmLang's message for a module that needs a feature it does not run (GC, threads). */
    static final String UNSUPPORTED_FEATURE = "unsupported feature";

    static MutantOutcome of(byte[] bytes, WasmLangRunner runner, boolean runIfValid) {
        try {
            Module module = ModuleDecoder.decode(bytes, Features.DEFAULT);
            Validator.validate(module, Features.DEFAULT);
        } catch (WasmModuleException rejected) {
            return new MutantOutcome(false, null, rejected.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return new MutantOutcome(false, "decoding threw " + e, String.valueOf(e));
        }
        if (!runIfValid) {
            return new MutantOutcome(true, null, null);
        }
        List<String> events = runner.run(bytes, 1_000);
        for (String event : events) {
            // "invalid" here means the polyglot API rejected what the decoder accepted.
            if (event.startsWith("crash") || event.equals("invalid")) {
                return new MutantOutcome(true, event, null);
            }
        }
        return new MutantOutcome(true, null, null);
    }
}
