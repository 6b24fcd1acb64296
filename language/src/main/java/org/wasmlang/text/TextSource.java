package org.wasmlang.text;

import org.wasmlang.WasmLanguage;
import org.wasmlang.module.Features;
import org.wasmlang.module.Module;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;

/**
 * A module's text view as the Truffle {@link Source} tools show (a debugger's script, a
 * profiler's location), with a section per function and per instruction. Made the first
 * time a tool asks for a section, never by code that runs without tools.
 */
public final class TextSource {
    private final Source source;
    private final LineMap lines;

    private TextSource(Source source, LineMap lines) {
        this.source = source;
        this.lines = lines;
    }

    /** Prints the module; {@code moduleName} names the source ({@code a.wasm} gives {@code a.wat}). */
    @TruffleBoundary
    public static TextSource print(String moduleName, Module module, Features features) {
        ModuleText text = TextPrinter.print(module, features);
        String name = (moduleName.endsWith(".wasm") ? moduleName.substring(0, moduleName.length() - 5) : moduleName) + ".wat";
        Source source = Source.newBuilder(WasmLanguage.ID, text.text(), name).cached(false).build();
        return new TextSource(source, text.lineMap());
    }

    public Source source() {
        return source;
    }

    /** The function's lines, from its {@code (func} to its closing parenthesis; null for an import. */
    @TruffleBoundary
    public SourceSection functionSection(int functionIndex) {
        int first = lines.functionFirstLine(functionIndex);
        int last = lines.functionLastLine(functionIndex);
        if (first < 0 || last < first) {
            return null;
        }
        return source.createSection(first, 1, last, Math.max(1, source.getLineLength(last)));
    }

    /** The instruction's line without its indentation; null when the offset starts no instruction. */
    @TruffleBoundary
    public SourceSection instructionSection(int functionIndex, int byteOffset) {
        int line = lines.instructionLine(functionIndex, byteOffset);
        if (line < 0) {
            return null;
        }
        int start = source.getLineStartOffset(line);
        int length = source.getLineLength(line);
        CharSequence characters = source.getCharacters();
        int indent = 0;
        while (indent < length && characters.charAt(start + indent) == ' ') {
            indent++;
        }
        return source.createSection(start + indent, Math.max(0, length - indent));
    }
}
