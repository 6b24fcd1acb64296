package org.wasmlang.debug;

import java.util.concurrent.ConcurrentHashMap;

import org.wasmlang.WasmLanguage;
import org.wasmlang.module.Features;
import org.wasmlang.module.Module;
import org.wasmlang.text.FunctionText;
import org.wasmlang.text.TextPrinter;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;

/**
 * The text view as sources: one {@link Source} per defined function, named
 * {@code MODULE/NAME.wat}, printed when first asked for. One source per function rather than
 * per module keeps the cost of a request to the function's size: a trap in a 14 MB module
 * would otherwise print 266 MB of text before its host sees the exception.
 */
final class TextSourceView implements SourceView {
    private final String moduleName;
    private final Module module;
    private final TextPrinter printer;
    private final ConcurrentHashMap<Integer, FunctionSource> functions = new ConcurrentHashMap<>();

    private record FunctionSource(Source source, FunctionText text) {
    }

    TextSourceView(String moduleName, Module module, Features features) {
        this.moduleName = moduleName;
        this.module = module;
        this.printer = TextPrinter.forFunctions(module, features);
    }

    @Override
    @TruffleBoundary
    public SourceSection functionSection(int functionIndex) {
        FunctionSource function = function(functionIndex);
        if (function == null) {
            return null;
        }
        Source source = function.source();
        int last = function.text().lastLine();
        return source.createSection(1, 1, last, Math.max(1, source.getLineLength(last)));
    }

    /** The instruction's line without its indentation. */
    @Override
    @TruffleBoundary
    public SourceSection instructionSection(int functionIndex, int byteOffset) {
        FunctionSource function = function(functionIndex);
        int line = function == null ? -1 : function.text().instructionLine(byteOffset);
        if (line < 0) {
            return null;
        }
        Source source = function.source();
        int start = source.getLineStartOffset(line);
        int length = source.getLineLength(line);
        CharSequence characters = source.getCharacters();
        int indent = 0;
        while (indent < length && characters.charAt(start + indent) == ' ') {
            indent++;
        }
        return source.createSection(start + indent, Math.max(0, length - indent));
    }

    /** Every instruction with a node is a statement of the text view: each has its own line. */
    @Override
    public int[] statements(int functionIndex, int[] candidates) {
        return candidates;
    }

    private FunctionSource function(int functionIndex) {
        if (!module.definesFunction(functionIndex)) {
            return null;
        }
        return functions.computeIfAbsent(functionIndex, this::print);
    }

    private FunctionSource print(int functionIndex) {
        FunctionText text = printer.function(functionIndex);
        String name = folder(moduleName) + "/" + text.name() + ".wat";
        Source source = Source.newBuilder(WasmLanguage.ID, text.text(), name).cached(false).build();
        return new FunctionSource(source, text);
    }

    /** {@code a.wasm} stays {@code a.wasm}: the folder of its functions. */
    private static String folder(String moduleName) {
        String name = moduleName.replace('\\', '/');
        int slash = name.lastIndexOf('/');
        return slash >= 0 ? name.substring(slash + 1) : name;
    }
}
